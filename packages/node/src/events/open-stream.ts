import { EventStreamConfigError } from '../errors/event-stream-config-error';
import type { NodeRequestLike } from '../handler/node-adapter';
import { customerKeyOf, type StreamScope } from './audience';
import type { EventStreamAccess, ResolvedStreamOptions } from './options';
import type { ReplayLog, ReplayResult } from './replay-log';

/** A refusal, answered as JSON `{ error }` before any stream opens. */
export interface StreamRefusal {
  status: number;
  error: string;
}

export interface StreamGrant {
  scope: StreamScope;
  replay: ReplayResult | undefined;
}

const refuse = (status: number, error: string): StreamRefusal => ({ status, error });

/** A user's `customers` test that throws must not open the door: it counts as "may not". */
function mayFrom(access: EventStreamAccess, onError: (error: unknown) => void) {
  const { customers } = access;
  if (customers === 'all') return () => true;
  if (typeof customers === 'function') {
    return (customer: string) => {
      try {
        return customers(customer) === true;
      } catch (error) {
        onError(error);
        return false;
      }
    };
  }
  const allowed = new Set(customers.map(customerKeyOf));
  return (customer: string) => allowed.has(customer);
}

function validAccess(access: unknown): access is EventStreamAccess {
  if (typeof access !== 'object' || access === null) return false;
  const { agent, customers } = access as Partial<EventStreamAccess>;
  const agentOk =
    typeof agent === 'object' && agent !== null && typeof agent.id === 'string' && agent.id !== '';
  const customersOk =
    customers === 'all' ||
    typeof customers === 'function' ||
    (Array.isArray(customers) && customers.every((customer) => typeof customer === 'string'));
  return agentOk && customersOk;
}

/** The customers the console asked to watch: `?customers=a,b` or `?customers=a&customers=b`. */
function watchList(url: URL): string[] | undefined {
  const values = url.searchParams.getAll('customers');
  if (values.length === 0) return undefined;
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '')
    .map(customerKeyOf);
}

/** Checks who is asking and what they asked for; the stream opens only on a grant. */
export async function openStream(
  request: Request,
  nodeRequest: NodeRequestLike | undefined,
  options: ResolvedStreamOptions,
  log: ReplayLog,
): Promise<StreamGrant | StreamRefusal> {
  if (request.method !== 'GET') {
    return refuse(405, 'The event stream answers GET only (new EventSource(url)).');
  }
  let access: unknown;
  try {
    access = await options.authorize(request, nodeRequest);
  } catch (error) {
    options.onError(error);
    return refuse(500, 'The event stream could not check who is asking; try again later.');
  }
  if (access === null || access === undefined) {
    return refuse(401, 'Sign in first: no agent was found for this request.');
  }
  if (access === false) return refuse(403, 'This agent may not follow the event stream.');
  if (!validAccess(access)) {
    options.onError(
      new EventStreamConfigError(
        'authorize',
        "must resolve { agent: { id, name }, customers: 'all' | string[] | (customer) => boolean }, null (401) or false (403).",
      ),
    );
    return refuse(500, 'The event stream could not check who is asking; try again later.');
  }
  const may = mayFrom(access, options.onError);
  const url = new URL(request.url);
  const watching = watchList(url);
  const refused = watching?.filter((customer) => !may(customer)) ?? [];
  if (refused.length > 0) {
    return refuse(
      403,
      `This agent may not watch ${refused.length === 1 ? 'one of the customers' : `${refused.length} of the customers`} in ?customers=; ask for customers assigned to them.`,
    );
  }
  const lastEventId =
    request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId') ?? undefined;
  const scope: StreamScope = {
    agentId: access.agent.id,
    may,
    ...(watching === undefined ? {} : { watching: new Set(watching) }),
  };
  return { scope, replay: lastEventId ? log.since(lastEventId) : undefined };
}
