import type { CheckedCommit } from '@wacall/core';

/**
 * Turns a checked commit into the JSON argument of `apply_commit`: the keys to lock (values and lists are
 * separate namespaces, so each gets its own lock name), the conditions, the writes, the messages, and the
 * store's clock (`null`: the database's).
 */
export function commitSpec(commit: CheckedCommit, now: number | null): string {
  const locks = new Set<string>();
  for (const { key } of commit.expect) locks.add(`v:${key}`);
  const writes = commit.writes.map((write) => {
    switch (write.type) {
      case 'set':
        locks.add(`v:${write.key}`);
        return ['s', write.key, write.text, write.ttlMs ?? null];
      case 'delete':
        locks.add(`v:${write.key}`).add(`l:${write.key}`);
        return ['d', write.key];
      case 'listAdd':
        locks.add(`l:${write.key}`);
        return [
          'a',
          write.key,
          write.id,
          write.at,
          write.text,
          write.maxLength,
          write.ttlMs ?? null,
        ];
      case 'listRemove':
        locks.add(`l:${write.key}`);
        return ['r', write.key, write.id];
      case 'increment':
        locks.add(`v:${write.key}`);
        return ['i', write.key, write.by, write.ttlMs ?? null];
    }
  });
  const expect = commit.expect.map(({ key, version }) => [key, version]);
  return JSON.stringify({ l: [...locks], e: expect, w: writes, p: commit.publish, t: now });
}
