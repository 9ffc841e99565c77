// Helpers for the event stream tests: a Wacall-shaped emitter, both serving flavours on a real
// node:http server, and a reader that parses the SSE bytes a browser would get.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WacallEventMap } from '@wacall/core';
import type { EventStream } from '../src/index';
import { startServer } from './support';

type Listener = (payload?: unknown) => void;

/** The `on` of a Wacall, plus `emit` and a count of live listeners (to catch leaks). */
export function fakeWacall() {
  const listeners = new Map<string, Set<Listener>>();
  return {
    on<E extends keyof WacallEventMap>(event: E, listener: WacallEventMap[E]): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
    emit(event: keyof WacallEventMap, payload?: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    listenerCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
}

/** Serves a Web `Request` → `Response` handler on node:http, the way Hono's or Next's adapters do. */
async function bridgeFetch(
  handler: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const abort = new AbortController();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  // As real adapters do: the request's signal aborts when the browser leaves, even mid-handler.
  res.on('close', () => abort.abort());
  const response = await handler(
    new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      signal: abort.signal,
    }),
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.flushHeaders();
  const reader = response.body?.getReader();
  res.on('close', () => void reader?.cancel());
  if (!reader) return void res.end();
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (done) break;
    if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

export type Flavour = 'node' | 'fetch' | 'express';

/** Starts a real server for the stream in one flavour. */
export function serveStream(stream: EventStream, flavour: Flavour) {
  const middleware = stream.express();
  return startServer((req, res) => {
    if (flavour === 'node') void stream.node(req, res);
    else if (flavour === 'express') middleware(req, res, (error) => res.destroy(error as Error));
    else void bridgeFetch((request) => stream.fetch(request), req, res);
  });
}

export interface SseBlock {
  id?: string;
  data?: { type: string; data: unknown };
  comment?: string;
  retry?: number;
  raw: string;
}

function parseBlock(raw: string): SseBlock {
  const block: SseBlock = { raw };
  for (const line of raw.split('\n')) {
    if (line.startsWith(':')) block.comment = line.slice(1).trim();
    else if (line.startsWith('id: ')) block.id = line.slice(4);
    else if (line.startsWith('retry: ')) block.retry = Number(line.slice(7));
    else if (line.startsWith('data: ')) block.data = JSON.parse(line.slice(6)) as SseBlock['data'];
  }
  return block;
}

/** Opens the stream with fetch and reads it block by block, as EventSource would. */
export async function openSse(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const blocks: SseBlock[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  let text = '';
  const reading = (async () => {
    if (!response.body || response.status !== 200) return;
    const decoder = new TextDecoder();
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          blocks.push(parseBlock(text.slice(0, end)));
          text = text.slice(end + 2);
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // Aborted by the test.
    }
    ended = true;
    for (const wake of waiters) wake();
  })();
  /** Waits until `count` blocks satisfying `match` have arrived. */
  const waitFor = async (match: (block: SseBlock) => boolean, count = 1, timeoutMs = 3_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = blocks.filter(match);
      if (found.length >= count) return found;
      if (ended)
        throw new Error(`the stream ended; got ${JSON.stringify(blocks.map((b) => b.raw))}`);
      if (Date.now() > deadline) {
        throw new Error(`timed out; got ${JSON.stringify(blocks.map((b) => b.raw))}`);
      }
      await new Promise<void>((resolve) => {
        waiters.add(resolve);
        setTimeout(resolve, 50);
      });
      waiters.clear();
    }
  };
  return {
    response,
    blocks,
    events: () => blocks.filter((block) => block.data !== undefined).map((block) => block.data!),
    waitFor,
    /** Waits for `count` data events. */
    waitForEvents: (count: number) => waitFor((block) => block.data !== undefined, count),
    lastId: () => [...blocks].reverse().find((block) => block.id !== undefined)?.id,
    ended: () => ended,
    close: async () => {
      abort.abort();
      await reading;
    },
  };
}

/** Polls until `check` holds (for server-side effects of a client going away). */
export async function eventually(check: () => boolean, timeoutMs = 3_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
