import { randomBytes } from 'node:crypto';
import type { CheckedCommit } from '@wacall/core';

/** Times in list members are zero-padded to 16 digits so byte order is time order. */
export const padTime = (at: number) => String(at).padStart(16, '0');

/** A fresh version for a value written now. */
export const newVersion = () => randomBytes(9).toString('base64url');

/** Where a store keeps each kind of key under its prefix. */
export interface KeyLayout {
  value(key: string): string;
  list(key: string): [string, string];
}

/**
 * Turns a checked commit into the commit script's arguments: the keys it touches (each once) and one
 * JSON argument with conditions, writes and messages that refer to keys by position.
 */
export function commitArguments(
  commit: CheckedCommit,
  layout: KeyLayout,
  channel: string,
): { keys: string[]; spec: string } {
  const keys: string[] = [];
  const positions = new Map<string, number>();
  const at = (key: string) => {
    let position = positions.get(key);
    if (position === undefined) {
      keys.push(key);
      position = keys.length;
      positions.set(key, position);
    }
    return position;
  };
  const list = (key: string) => layout.list(key).map(at) as [number, number];
  const e = commit.expect.map(({ key, version }) => [at(layout.value(key)), version ?? '']);
  const w = commit.writes.map((write) => {
    switch (write.type) {
      case 'set':
        return [
          's',
          at(layout.value(write.key)),
          `${newVersion()}:${write.text}`,
          write.ttlMs ?? 0,
        ];
      case 'delete':
        return ['d', at(layout.value(write.key)), ...list(write.key)];
      case 'listAdd':
        return [
          'a',
          ...list(write.key),
          write.id,
          padTime(write.at),
          write.text,
          write.maxLength,
          write.ttlMs ?? 0,
        ];
      case 'listRemove':
        return ['r', ...list(write.key), write.id];
      case 'increment':
        return ['i', at(layout.value(write.key)), newVersion(), write.by, write.ttlMs ?? 0];
    }
  });
  return { keys, spec: JSON.stringify({ e, w, c: channel, p: commit.publish }) };
}
