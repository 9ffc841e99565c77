// One event per block: `id`, then the JSON on one `data` line (JSON.stringify never emits a raw newline).

/** An event block: `{ type, data }` as the message data, so one `onmessage` hears every kind. */
export function eventBlock(id: string, type: string, data: unknown): string {
  return `id: ${id}\ndata: ${JSON.stringify({ type, data })}\n\n`;
}

/**
 * Moves the browser's resume point without firing an event (a block without data only sets the
 * id), so events this agent may not see never hold its `Last-Event-ID` back.
 */
export function positionBlock(id: string): string {
  return `id: ${id}\n\n`;
}

/** A heartbeat: a comment that proxies count as traffic, then the current position. */
export function heartbeatBlock(id: string): string {
  return `: heartbeat\n${positionBlock(id)}`;
}

/** The first bytes: how soon the browser should reconnect. */
export function openingBlock(retryMs: number): string {
  return `retry: ${retryMs}\n\n`;
}
