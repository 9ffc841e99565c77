import type { Store } from '../store/store';
import { customerKey } from './customer-key';
import type { DecideInput } from './decide';
import { PermissionEngineError } from './permission-engine-error';
import type { PolicyOverride } from './policy';
import { phoneDigits } from './region';
import type { DecisionReason, MessageChannel, PermissionAction } from './types';

export interface PermissionEngineOptions {
  /**
   * The business phone number the engine decides for, in international format (`+44 20 7946 0000`).
   * Its calling code decides the region rule, and its digits namespace all state in the store, so one
   * store can serve several business numbers.
   */
  businessNumber: string;
  /**
   * The number's Graph id (`metadata.phone_number_id`). When set, `apply` ignores events for other
   * numbers; otherwise events are matched by their display number when they carry one.
   */
  phoneNumberId?: string;
  /** Overrides the country read from the calling code (ISO 3166 alpha-2), e.g. for a +1 number. */
  businessCountry?: string;
  /** Merged onto `defaultPolicy`; pass `platformLimits` to use Meta's numbers as they are. */
  policy?: PolicyOverride;
  /** Where state lives; a new `MemoryStore` (sharing `now`) by default. */
  store?: Store;
  /** The clock, epoch ms; `Date.now` by default. */
  now?: () => number;
  /** Replacement texts for decision reasons (translations); missing ones stay English. */
  messages?: Partial<Record<DecisionReason, string>>;
  /**
   * Whether calling is enabled on the business number (its calling settings). `false` refuses every
   * action with `calling_disabled`. A function is asked on every decision. Default `true`.
   */
  callingEnabled?: boolean | (() => boolean | Promise<boolean>);
}

export interface CheckInput {
  /** The customer's WhatsApp number (any formatting) or business-scoped user id. */
  customer: string;
  action: PermissionAction;
  /**
   * For permission requests and call invites: the format you intend to send. Omit to let the engine
   * choose (`free_form` while the window is open, `template` otherwise); `free_form` outside the window
   * is refused with `window_closed`.
   */
  channel?: MessageChannel;
  /**
   * The id of a call you know is in progress with this customer (e.g. from your call records); its
   * presence refuses `start_call` with `call_in_progress`. The engine also tracks calls itself from
   * reservations and call webhooks.
   */
  activeCallId?: string;
}

const actions: readonly PermissionAction[] = [
  'start_call',
  'send_permission_request',
  'send_call_invite',
];
const channels: readonly MessageChannel[] = ['free_form', 'template'];

function invalid(message: string): never {
  throw new PermissionEngineError('invalid_input', message);
}

/** The business number's digits, refusing anything that is not an international phone number. */
export function businessDigits(options: PermissionEngineOptions | undefined): string {
  const number = options?.businessNumber;
  const digits =
    typeof number === 'string' && /^[+\d\s().-]+$/.test(number) ? phoneDigits(number) : '';
  if (digits.length < 6 || digits.length > 15) {
    invalid(
      `createPermissionEngine needs businessNumber: the business phone number in international format, e.g. "+44 20 7946 0000" (got ${JSON.stringify(number) ?? String(number)}).`,
    );
  }
  const country = options?.businessCountry;
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
    invalid(
      `businessCountry must be an ISO 3166 alpha-2 code in capitals, e.g. "CA" (got ${JSON.stringify(country)}).`,
    );
  }
  return digits;
}

/** A checked `check`/`reserve` input with the customer key normalised. */
export function checkInput(input: CheckInput | undefined): { customer: string } & DecideInput {
  if (typeof input !== 'object' || input === null) {
    invalid('check/reserve needs an object: { customer, action, channel?, activeCallId? }.');
  }
  if (!actions.includes(input.action)) {
    invalid(
      `action must be one of ${actions.map((a) => `"${a}"`).join(', ')} (got ${JSON.stringify(input.action) ?? String(input.action)}).`,
    );
  }
  if (input.channel !== undefined && !channels.includes(input.channel)) {
    invalid(
      `channel must be "free_form" or "template" when given (got ${JSON.stringify(input.channel)}).`,
    );
  }
  if (input.activeCallId !== undefined && typeof input.activeCallId !== 'string') {
    invalid(`activeCallId must be a call id string when given (got ${typeof input.activeCallId}).`);
  }
  const checked: { customer: string } & DecideInput = {
    customer: customerKey(input.customer),
    action: input.action,
  };
  if (input.channel !== undefined) checked.channel = input.channel;
  if (input.activeCallId !== undefined) checked.activeCallId = input.activeCallId;
  return checked;
}
