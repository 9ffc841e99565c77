/** Returned instead of the body when it grows past the limit; reading stops there. */
export const TOO_LARGE = Symbol('too large');
export type BodyResult = Uint8Array | typeof TOO_LARGE;

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const encoder = new TextEncoder();

function asBytes(chunk: Uint8Array | string): Uint8Array {
  return typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

/** Reads a Web stream (a `Request` body) up to `limit` bytes, cancelling it past that. */
export async function readWebStream(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<BodyResult> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return concat(chunks, total);
    total += value.byteLength;
    if (total > limit) {
      void reader.cancel().catch(() => undefined);
      return TOO_LARGE;
    }
    chunks.push(value);
  }
}

/**
 * Reads a Node stream (an `IncomingMessage`) up to `limit` bytes. Past the limit it stops pulling
 * without destroying the stream, so the 413 response can still be written to the socket.
 */
export async function readNodeStream(
  stream: AsyncIterable<Uint8Array | string>,
  limit: number,
): Promise<BodyResult> {
  const iterator = stream[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await iterator.next();
    if (done) return concat(chunks, total);
    const chunk = asBytes(value);
    total += chunk.byteLength;
    if (total > limit) return TOO_LARGE;
    chunks.push(chunk);
  }
}

/** A body some middleware already read, as bytes, or `TOO_LARGE`. */
export function bufferedBody(body: Uint8Array | string, limit: number): BodyResult {
  const bytes = asBytes(body);
  return bytes.byteLength > limit ? TOO_LARGE : bytes;
}
