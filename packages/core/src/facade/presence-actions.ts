import type { BookEntry } from '../agents/agent-book';
import { byAgentId, isAgent, presenceOf, readBook } from '../agents/agent-book';
import type { CallRecord } from '../calls/types';
import { WacallValidationError } from '../errors/wacall-validation-error';
import type { Versioned } from '../store/store';
import type { AgentPresenceState, SetPresenceInput } from './agent-types';
import { deriveCall, readShownCall } from './call-change';
import type { Change } from './change';
import type { FacadeContext } from './facade-context';
import { asJson } from './feed-message';
import type { FeedMessage } from './feed-message';
import { candidates, transactFleet } from './fleet-transact';

const statuses = new Set(['available', 'busy', 'away']);

export function presenceMessage(
  context: FacadeContext,
  entry: BookEntry,
  call: CallRecord | undefined,
): FeedMessage {
  return { b: context.businessDigits, type: 'presence.updated', presence: presenceOf(entry, call) };
}

/** Records what an agent chose, fleet-wide, and announces it; a repeat of the same choice changes nothing. */
export async function setPresence(
  context: FacadeContext,
  input: SetPresenceInput,
): Promise<AgentPresenceState> {
  checkPresence(input);
  const agent = { id: input.agent.id, name: input.agent.name };
  return transactFleet(context, [], undefined, (_values, fleet) => {
    const before = fleet.book[agent.id];
    const call = fleet.calls.get(before?.callId ?? '');
    if (before && before.chosen === input.status && before.agent.name === agent.name) {
      return { writes: [], publish: [], result: presenceOf(before, call) };
    }
    const entry: BookEntry = {
      ...before,
      agent,
      chosen: input.status,
      since: before?.chosen === input.status ? before.since : context.now(),
    };
    const book = { ...fleet.book, [agent.id]: entry };
    return {
      writes: [{ type: 'set', key: context.keys.agents, value: asJson(book) }],
      publish: [presenceMessage(context, entry, call)],
      result: presenceOf(entry, call),
    };
  });
}

/** Every agent who has set a presence, by id, with their presence now. */
export async function listAgents(context: FacadeContext): Promise<AgentPresenceState[]> {
  const book = readBook(await context.store.get(context.keys.agents));
  const ids = [...new Set(Object.values(book).flatMap((e) => (e.callId ? [e.callId] : [])))];
  const values = await context.store.getMany(ids.map((id) => context.keys.call(id)));
  const calls = new Map(
    ids.map((id, index) => {
      const facts = readShownCall(values[index]);
      return [id, facts ? deriveCall(context, facts).record : undefined] as const;
    }),
  );
  return byAgentId(candidates({ book, calls }).map((c) => c.presence));
}

/**
 * The part of `startCall`'s commit that makes the agent busy, when they have a presence: the agents'
 * value is among the commit's keys, read at the same moment.
 */
export function startedCallChange(
  context: FacadeContext,
  value: Versioned | undefined,
  record: CallRecord | undefined,
): Change {
  const agent = record?.agent;
  const book = readBook(value);
  const entry = agent ? book[agent.id] : undefined;
  if (!record || !entry) return { writes: [], publish: [] };
  const next = { ...entry, callId: record.callId };
  return {
    writes: [
      { type: 'set', key: context.keys.agents, value: asJson({ ...book, [entry.agent.id]: next }) },
    ],
    publish: [presenceMessage(context, next, record)],
  };
}

/**
 * A call that ended frees its agent: each instance hears the call's change and announces the agent's
 * presence (a read, so nothing is written twice). Nothing happens for agents without a presence.
 */
export function presenceOnCallEnd(context: FacadeContext) {
  return (call: CallRecord): void => {
    const agent = call.agent;
    if (!agent || (call.endedAt === undefined && call.outcome === undefined)) return;
    void context.store
      .get(context.keys.agents)
      .then((value) => {
        const entry = readBook(value)[agent.id];
        if (entry?.callId === call.callId) {
          context.emitter.emit('presence.updated', presenceOf(entry, call));
        }
      })
      .catch(context.report);
  };
}

function checkPresence(input: SetPresenceInput): void {
  const value = input as Partial<SetPresenceInput> | undefined;
  const issues = [];
  if (!isAgent(value?.agent)) {
    issues.push({
      path: 'agent',
      message: 'must be { id, name } with non-empty strings.',
      fix: "Pass the signed-in agent, e.g. { id: 'agent-ana', name: 'Ana' }.",
    });
  }
  if (typeof value?.status !== 'string' || !statuses.has(value.status)) {
    issues.push({
      path: 'status',
      message: `must be 'available', 'busy' or 'away' (got ${JSON.stringify(value?.status)}).`,
      fix: "Pass status: 'available' to take calls, 'away' to be skipped.",
    });
  }
  if (issues.length > 0) throw new WacallValidationError('setPresence', issues);
}
