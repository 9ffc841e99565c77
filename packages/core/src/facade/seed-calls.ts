import { applyCallEvent } from '../calls/apply-call-event';
import type { CallEvent } from '../calls/apply-call-event';
import type { CallFacts } from '../calls/call-facts';
import { defaultPolicy } from '../permissions/policy';
import { phoneDigits } from '../permissions/region';
import type { Store, StoreWrite } from '../store/store';
import { callChange } from './call-change';
import type { FacadeContext } from './facade-context';
import { stateKeys } from './state-keys';

export interface SeedCallsOptions {
  /** The business number the facade will be created with. */
  businessNumber: string;
  /** Call webhook events, as `parseWebhook` returns them; grouped by call id. */
  events: readonly CallEvent[];
  /** How many calls one commit writes (default 200). */
  perCommit?: number;
  /** As the facade's `retentionMs` (default 90 days). */
  retentionMs?: number;
}

/**
 * Fills a store with calls for benchmarks and load tests, many calls per commit: each call's facts,
 * customer list, activities and call-log entries are planned by the same code `ingest` uses, without
 * de-duplication claims or permission state. Resolves with how many calls it wrote.
 */
export async function seedCalls(store: Store, options: SeedCallsOptions): Promise<number> {
  const facts = new Map<string, CallFacts>();
  for (const event of options.events) {
    facts.set(event.callId, applyCallEvent(facts.get(event.callId), event));
  }
  const businessDigits = phoneDigits(options.businessNumber);
  const context = {
    keys: stateKeys(businessDigits),
    businessDigits,
    policy: defaultPolicy,
    activityMessages: undefined,
    limits: {
      maxActivities: 1000,
      dedupeTtlMs: 7 * 86_400_000,
      retentionMs: options.retentionMs ?? 90 * 86_400_000,
    },
  } as Pick<FacadeContext, 'keys' | 'businessDigits' | 'policy' | 'activityMessages' | 'limits'>;
  const perCommit = options.perCommit ?? 200;
  let writes: StoreWrite[] = [];
  let pending = 0;
  for (const call of facts.values()) {
    writes.push(...callChange(context as FacadeContext, undefined, call).change.writes);
    if (++pending === perCommit) {
      await store.commit({ writes });
      [writes, pending] = [[], 0];
    }
  }
  if (writes.length > 0) await store.commit({ writes });
  return facts.size;
}
