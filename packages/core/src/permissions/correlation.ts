/**
 * @wacall's own token in `biz_opaque_callback_data`: Meta echoes the field in a call's status and
 * terminate webhooks, so a call whose `connect` answer was lost can still be recognised as ours.
 * The helpdesk's own data follows the token and is handed back without it.
 */
const pattern = /^wacall:([0-9a-z-]{1,40});([\s\S]*)$/;

/** Room the token takes out of the platform's 512 characters. */
export const correlationReserve = 48;

/** The field's value to send: the token, then the helpdesk's data (if any). */
export function withCorrelation(token: string, data: string | undefined): string {
  return `wacall:${token};${data ?? ''}`;
}

/** Splits an echoed value into the token (if it carries one) and the helpdesk's own data. */
export function readCorrelation(value: string | undefined): { token?: string; data?: string } {
  if (value === undefined) return {};
  const match = pattern.exec(value);
  if (!match) return { data: value };
  const [, token, data] = match;
  return data ? { token, data } : { token };
}
