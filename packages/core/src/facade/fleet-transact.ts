import type { AgentBook } from '../agents/agent-book';
import { bookCallIds, presenceOf, readBook } from '../agents/agent-book';
import type { Candidate } from '../agents/choose-agents';
import type { CallRecord } from '../calls/types';
import type { Versioned } from '../store/store';
import { deriveCall, readShownCall } from './call-change';
import type { FacadeContext } from './facade-context';
import type { Plan } from './transact';
import { transact } from './transact';

/** The agents as one transaction read them, with the records of the calls that make them busy. */
export interface Fleet {
  book: AgentBook;
  calls: Map<string, CallRecord | undefined>;
}

const stale = Symbol('stale');

/**
 * `transact` over `keys` plus the agents and the calls they are in, so a routing decision sees who is
 * busy at the same moment it commits. Which calls to read depends on the agents' value: when another
 * writer changed that set meanwhile, reads it again and plans again. `ownCallId` is read by the caller
 * already (among `keys`) and is left out of the extra reads.
 */
export async function transactFleet<T>(
  context: FacadeContext,
  keys: readonly string[],
  ownCallId: string | undefined,
  plan: (values: (Versioned | undefined)[], fleet: Fleet) => Plan<T>,
): Promise<T> {
  for (;;) {
    const first = readBook(await context.store.get(context.keys.agents));
    const callIds = bookCallIds(first).filter((id) => id !== ownCallId);
    const all = [...keys, context.keys.agents, ...callIds.map((id) => context.keys.call(id))];
    const outcome = await transact<T | typeof stale>(context, all, (values) => {
      const book = readBook(values[keys.length]);
      const now = bookCallIds(book).filter((id) => id !== ownCallId);
      if (now.join('\n') !== callIds.join('\n')) return { writes: [], publish: [], result: stale };
      const calls = new Map<string, CallRecord | undefined>();
      callIds.forEach((id, index) => {
        const facts = readShownCall(values[keys.length + 1 + index]);
        calls.set(id, facts ? deriveCall(context, facts).record : undefined);
      });
      return plan(values.slice(0, keys.length), { book, calls });
    });
    if (outcome !== stale) return outcome;
  }
}

/** Every agent in the book with their presence now; `own` is the record of the call being routed. */
export function candidates(fleet: Fleet, own?: CallRecord): Candidate[] {
  return Object.values(fleet.book).map((entry) => ({
    entry,
    presence: presenceOf(
      entry,
      own && entry.callId === own.callId ? own : fleet.calls.get(entry.callId ?? ''),
    ),
  }));
}
