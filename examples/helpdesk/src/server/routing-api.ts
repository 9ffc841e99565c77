import type {
  Agent,
  AgentPresenceState,
  CallLogFilter,
  CallLogPage,
  FindCallsInput,
  PresenceStatus,
  Wacall,
} from '@wacall/core';
import { callLogChips, type CallLogCounts } from '@wacall/react';
import { HttpError, optionalString, readJson } from './http-json';
import { route, type Route, type RouteContext } from './router';

export interface RoutingApiOptions {
  wacall: Wacall;
  agentOf: (req: RouteContext['req']) => Agent;
}

const presenceStatuses: readonly PresenceStatus[] = ['available', 'busy', 'away'];

// The filters `findCalls` takes from a query string; which values are allowed is the facade's to say.
const textFilters = ['direction', 'status', 'agentId', 'customer', 'before'] as const;
const timeFilters = ['since', 'until', 'limit'] as const;
const pageFilters: ReadonlySet<string> = new Set([...textFilters, ...timeFilters]);
const countFilters: ReadonlySet<string> = new Set(['direction', 'status', 'agentId', 'customer']);

/**
 * Presence, offers and the call log: `setPresence` / `listAgents`, `declineOffer`, and
 * `findCalls` / `countCalls` with the query string checked before it reaches the facade.
 */
export function routingRoutes({ wacall, agentOf }: RoutingApiOptions): Route[] {
  return [
    route('GET', '/api/agents', (): Promise<AgentPresenceState[]> => wacall.listAgents()),
    route('POST', '/api/me/presence', async ({ req }) => {
      const status = optionalString(await readJson(req), 'status');
      if (!isPresenceStatus(status)) {
        throw new HttpError(
          400,
          'bad_request',
          `Send { "status": "available" | "busy" | "away" } (got ${JSON.stringify(status ?? null)}).`,
        );
      }
      return wacall.setPresence({ agent: agentOf(req), status });
    }),
    route('POST', '/api/calls/:callId/decline-offer', async ({ params, req }) =>
      wacall.declineOffer({ callId: params['callId'] ?? '', agent: agentOf(req) }),
    ),
    route('GET', '/api/calls', async ({ req }): Promise<CallLogPage> =>
      wacall.findCalls(readQuery(req, pageFilters) as FindCallsInput),
    ),
    route('GET', '/api/calls/counts', async ({ req }): Promise<CallLogCounts> => {
      const filter = readQuery(req, countFilters) as CallLogFilter;
      // One count per chip, each the number of calls pressing that chip would show.
      const counts: Required<CallLogCounts> = { direction: {}, status: {} };
      await Promise.all(
        callLogChips(filter).map(async (chip) => {
          const n = await wacall.countCalls(chip.filter);
          if (chip.group === 'direction') counts.direction[chip.value] = n;
          else counts.status[chip.value] = n;
        }),
      );
      return counts;
    }),
  ];
}

function isPresenceStatus(value: string | undefined): value is PresenceStatus {
  return presenceStatuses.includes(value as PresenceStatus);
}

/**
 * The query string as filter fields: only the names in `allowed`, each once, times and the limit as
 * whole numbers. An unknown or repeated name is refused rather than ignored, so a typo never widens a
 * filter silently.
 */
function readQuery(
  req: RouteContext['req'],
  allowed: ReadonlySet<string>,
): Record<string, unknown> {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const fields: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    if (!allowed.has(name)) {
      const names = [...allowed].join(', ');
      throw new HttpError(400, 'bad_request', `Unknown filter ${name}: use ${names}.`, {
        field: name,
      });
    }
    const values = params.getAll(name);
    if (values.length > 1) {
      throw new HttpError(
        400,
        'bad_request',
        `Give ${name} once (it came ${values.length} times).`,
        {
          field: name,
        },
      );
    }
    const value = values[0] ?? '';
    if ((timeFilters as readonly string[]).includes(name)) {
      if (!/^\d{1,15}$/.test(value)) {
        const what = name === 'limit' ? 'a whole number of calls' : 'epoch milliseconds';
        throw new HttpError(400, 'bad_request', `${name} must be ${what} (got "${value}").`, {
          field: name,
        });
      }
      fields[name] = Number(value);
    } else {
      fields[name] = value;
    }
  }
  return fields;
}
