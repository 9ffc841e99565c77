import type { Transport } from './transport';

/** What every resource needs from the client. */
export interface ResourceContext {
  send: Transport;
  phoneNumberId: string;
  wabaId?: string;
}

/** Every `/calls` and `/messages` body starts with this marker. */
export const WHATSAPP = { messaging_product: 'whatsapp' } as const;

/** `'enabled'` / `'disabled'`, as the SDK spells Meta's `ENABLED` / `DISABLED`. */
export type Toggle = 'enabled' | 'disabled';

/** `T` with every key that may be `undefined` made optional instead. */
export type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Drops `undefined` values so they never reach the wire (or a result object). */
export function compact<T extends Record<string, unknown>>(value: T): Compact<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Compact<T>;
}
