import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveEvent } from '../shared/api-types';

export interface EventStream {
  /** Serves `GET /api/events` as Server-Sent Events until the browser goes away. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  publish(event: LiveEvent): void;
  /** Ends every open stream, so the HTTP server can close. */
  close(): void;
}

// Proxies and browsers drop a silent connection after a while; a comment line keeps it open.
const keepAliveMs = 15_000;

/** Live updates for the web app: every event names what changed, and the page fetches it again. */
export function createEventStream(): EventStream {
  const clients = new Set<ServerResponse>();
  const keepAlive = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, keepAliveMs);
  keepAlive.unref();

  return {
    handle(req, res) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      // Tell the browser how soon to reconnect, and flush the headers so EventSource opens now.
      res.write('retry: 1000\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    publish(event) {
      const frame = `data: ${JSON.stringify(event)}\n\n`;
      for (const res of clients) res.write(frame);
    },
    close() {
      clearInterval(keepAlive);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
