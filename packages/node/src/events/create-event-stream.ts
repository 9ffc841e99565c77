import type { Wacall, WacallEventMap } from '@wacall/core';
import type { ExpressRequestLike } from '../handler/express-adapter';
import type { NodeRequestLike } from '../handler/node-adapter';
import { audienceOf, STREAMED_EVENTS, type StreamedEvent } from './audience';
import { Connection } from './connection';
import { pumpToNode, webRequestOf, type NodeStreamResponseLike } from './node-stream';
import { openStream, type StreamGrant, type StreamRefusal } from './open-stream';
import { resolveStreamOptions, type EventStreamOptions } from './options';
import { ReplayLog } from './replay-log';
import { eventBlock } from './sse-frame';

/** Server-Sent Events of one `Wacall` for agents' browsers, served through any HTTP library. */
export interface EventStream {
  /** For Web `Request` → `Response` runtimes: Next.js route handlers, Hono, Bun, Deno. */
  fetch(request: Request): Promise<Response>;
  /** For `node:http` (and frameworks that hand over Node's request and response untouched). */
  node(req: NodeRequestLike, res: NodeStreamResponseLike): Promise<void>;
  /** Express middleware for a GET route. */
  express(): EventStreamExpressMiddleware;
  /** Browsers connected right now. */
  readonly connections: number;
  /** Ends every stream and stops listening to the `Wacall`; later requests are answered 503. */
  close(): void;
}

export type EventStreamExpressMiddleware = (
  req: ExpressRequestLike,
  res: NodeStreamResponseLike,
  next: (error?: unknown) => void,
) => void;

/** What a stream needs of a `Wacall`: its events. */
export type EventStreamSource = Pick<Wacall, 'on'>;

const streamHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  // `no-transform` keeps compressing proxies from holding frames back; nginx honours the last one.
  'cache-control': 'no-store, no-transform',
  'x-accel-buffering': 'no',
};

const isRefusal = (value: StreamGrant | StreamRefusal): value is StreamRefusal => 'status' in value;

/**
 * A Server-Sent Events endpoint that forwards the facade's events to agents' browsers: each agent
 * gets the offers rung to them and changes to the customers `authorize` lets them see. Events carry
 * ids, and a reconnecting browser resumes from its `Last-Event-ID` (or is told to `resync`).
 */
export function createEventStream(
  wacall: EventStreamSource,
  options: EventStreamOptions,
): EventStream {
  const config = resolveStreamOptions(options);
  const log = new ReplayLog(config.replay);
  const live = new Set<Connection>();
  let closed = false;

  const publish = (type: StreamedEvent, payload: unknown) => {
    const data = type === 'resync' ? { reason: 'feed_restarted' } : payload;
    const frame = log.append(audienceOf(type, payload), (id) => eventBlock(id, type, data));
    for (const connection of live) connection.deliver(frame);
  };
  const listen = wacall.on.bind(wacall) as (
    event: keyof WacallEventMap,
    listener: (payload?: unknown) => void,
  ) => () => void;
  const unsubscribes = STREAMED_EVENTS.map((type) =>
    listen(type, (payload) => publish(type, payload)),
  );

  const open = async (request: Request, nodeRequest?: NodeRequestLike) => {
    if (closed) return { status: 503, error: 'The event stream has closed; reconnect shortly.' };
    const opened = await openStream(request, nodeRequest, config, log);
    if (isRefusal(opened)) return opened;
    if (closed) return { status: 503, error: 'The event stream has closed; reconnect shortly.' };
    const connection = new Connection(opened.scope, log, config);
    live.add(connection);
    connection.start(opened.replay, () => live.delete(connection));
    return connection;
  };

  const serveNode = async (req: NodeRequestLike, res: NodeStreamResponseLike) => {
    // The browser may leave while `authorize` runs; its `close` would then come before any listener.
    let gone = false;
    const leave = () => {
      gone = true;
    };
    res.on('close', leave);
    const opened = await open(webRequestOf(req), req);
    res.removeListener('close', leave);
    if (gone) {
      if (opened instanceof Connection) opened.close();
      return;
    }
    if (!(opened instanceof Connection)) {
      res.statusCode = opened.status;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ error: opened.error }));
      return;
    }
    res.statusCode = 200;
    for (const [name, value] of Object.entries(streamHeaders)) res.setHeader(name, value);
    res.flushHeaders?.();
    res.on('close', () => opened.close());
    await pumpToNode(opened.outbox, res);
  };

  return {
    async fetch(request) {
      const opened = await open(request);
      if (!(opened instanceof Connection)) {
        return Response.json({ error: opened.error }, { status: opened.status });
      }
      if (request.signal.aborted) {
        opened.close();
        return new Response(null, { status: 499 });
      }
      request.signal.addEventListener('abort', () => opened.close(), { once: true });
      const encoder = new TextEncoder();
      let cancelled = false;
      // High-water mark 0: bytes leave the outbox only when the runtime reads, so it is the one bound.
      const body = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            const chunk = await opened.outbox.next();
            if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
            // After a cancel the stream is already closed; closing again would throw.
            else if (!cancelled) controller.close();
          },
          cancel: () => {
            cancelled = true;
            opened.close();
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(body, { status: 200, headers: streamHeaders });
    },
    node: serveNode,
    express: () => (req, res, next) => {
      serveNode(req, res).catch(next);
    },
    get connections() {
      return live.size;
    },
    close() {
      if (closed) return;
      closed = true;
      for (const unsubscribe of unsubscribes) unsubscribe();
      for (const connection of [...live]) connection.close();
    },
  };
}
