import { StoreError } from '../store/store-error';
import type { Versioned } from '../store/store';
import { asJson } from './feed-message';
import type { Change } from './change';
import type { FacadeContext } from './facade-context';

export interface Plan<T> extends Change {
  result: T;
}

const maxAttempts = 50;

/**
 * Reads `keys`, plans a change from what it read, and commits it on condition that none of the keys
 * moved meanwhile — all or nothing; when another writer got in between, reads again and plans again.
 * `plan` may run several times, so it must be pure. A plan with no writes commits nothing.
 */
export async function transact<T>(
  context: FacadeContext,
  keys: readonly string[],
  plan: (values: (Versioned | undefined)[]) => Plan<T>,
): Promise<T> {
  await context.ready();
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const values = await context.store.getMany(keys);
    const { writes, publish, result } = plan(values);
    if (writes.length === 0 && publish.length === 0) return result;
    const committed = await context.store.commit({
      expect: keys.map((key, index) => ({ key, version: values[index]?.version ?? null })),
      writes,
      publish: publish.map(asJson),
    });
    if (committed) return result;
    await pause(attempt);
  }
  throw new StoreError(
    'conflict',
    `Could not apply a change to ${keys.join(', ')}: other writers changed them ${maxAttempts} times in a row. Retry later.`,
    { key: keys[0] ?? '' },
  );
}

/** Random back-off that grows with the attempt, so competing instances stop colliding. */
function pause(attempt: number): Promise<void> {
  const ceiling = Math.min(2 ** attempt, 32);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
