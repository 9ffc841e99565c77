import { check, type ChangeContext } from './change-context';
import type { AccountUpdateEvent } from './events';
import { lower, optionalEpochMs, present, toEpochMs } from './normalize';
import { accountUpdateSchema } from './schemas';

/** A change on field `account_update`: calling quality warnings, restrictions and other account news. */
export function parseAccountUpdate(
  value: unknown,
  path: string,
  base: { wabaId: string; fallbackTimestamp: number },
  ctx: Pick<ChangeContext, 'out'>,
): void {
  const item = check(accountUpdateSchema, value, path, ctx.out);
  if (!item) return;
  const event: AccountUpdateEvent = {
    type: 'account.update',
    wabaId: base.wabaId,
    // account_update names the display number (when any), never the phone number's Graph id.
    displayPhoneNumber: present(item.phone_number),
    timestamp: item.timestamp === undefined ? base.fallbackTimestamp : toEpochMs(item.timestamp),
    raw: value,
    event: lower(item.event),
    violationType: present(item.violation_info?.violation_type)?.toLowerCase(),
    restrictions: (item.restriction_info ?? []).map((r) => ({
      type: lower(r.restriction_type),
      expiresAt: optionalEpochMs(r.expiration),
    })),
  };
  ctx.out.events.push(event);
}
