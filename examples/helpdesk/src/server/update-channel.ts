import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoUpdate } from '../shared/api-types';

/**
 * The demo's own updates, which are not the facade's events: the simulated phone's changes and the
 * ticket directory's (a message the customer wrote). The facade's events reach the page through
 * `createEventStream` from @wacall/node.
 */
export interface UpdateChannel {
  /** Serves `GET /api/demo-events` as Server-Sent Events until the browser goes away. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  publish(update: DemoUpdate): void;
  /** Ends every open stream, so the HTTP server can close. */
  close(): void;
}

// Proxies and browsers drop a silent connection after a while; a comment line keeps it open.
const keepAliveMs = 15_000;

/** Every update names what changed, and the page fetches it again. */
export function createUpdateChannel(): UpdateChannel {
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
    publish(update) {
      const frame = `data: ${JSON.stringify(update)}\n\n`;
      for (const res of clients) res.write(frame);
    },
    close() {
      clearInterval(keepAlive);
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
