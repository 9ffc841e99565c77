import { deriveCall, readShownCall } from './call-change';
import { callLogWrites, logEntryWrites, logIndex, logKeys } from './call-log-index';
import type { LogEntry } from './call-log-index';
import type { FacadeContext } from './facade-context';
import type { ListItem } from '../store/store';
import { transact } from './transact';

const pageSize = 100;

/**
 * Takes calls created longer than `retentionMs` ago out of the log — every index and count, with the
 * call's record in the same commit (so a late event about it starts afresh instead of moving counts it
 * no longer holds). Part of `sweep()`; returns how many calls it took out.
 */
export async function trimCallLog(context: FacadeContext): Promise<number> {
  const retentionMs = context.limits.retentionMs;
  if (retentionMs === undefined) return 0; // kept forever
  const cutoff = context.now() - retentionMs;
  if (cutoff <= 0) return 0;
  const all = logKeys(context, logIndex.all).list;
  const done = new Set<string>();
  let trimmed = 0;
  for (;;) {
    const page = await context.store.listPage<LogEntry>(all, {
      limit: pageSize,
      before: { at: cutoff },
    });
    const todo = page.items.filter((item) => !done.has(item.id));
    if (todo.length === 0) return trimmed;
    for (const item of todo) {
      done.add(item.id);
      if (await trimCall(context, item, cutoff)) trimmed++;
    }
  }
}

function trimCall(
  context: FacadeContext,
  item: ListItem<LogEntry>,
  cutoff: number,
): Promise<boolean> {
  const callKey = context.keys.call(item.id);
  return transact(context, [callKey], ([value]) => {
    const facts = readShownCall(value);
    const record = facts ? deriveCall(context, facts).record : undefined;
    if (record && record.createdAt >= cutoff) return { writes: [], publish: [], result: false };
    // With the record gone (expired), the entry itself says which indexes hold the call.
    const writes = record
      ? callLogWrites(context, record, undefined)
      : logEntryWrites(context, { callId: item.id, at: item.at, entry: item.value }, undefined);
    if (value) writes.push({ type: 'delete', key: callKey });
    return { writes, publish: [], result: true };
  });
}
