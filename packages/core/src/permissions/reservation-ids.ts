/**
 * Makes reservation ids unique across instances: a random prefix per engine (`getRandomValues` exists
 * in Node, browsers and edge runtimes, but is too slow to call per reservation) and a counter. Ids are
 * lower-case hex and base-36, so they travel safely inside `biz_opaque_callback_data`.
 */
export function reservationIds(): () => string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  const prefix = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  let counter = 0;
  return () => `${prefix}-${(++counter).toString(36)}`;
}
