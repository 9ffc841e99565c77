import type { NodeRequestLike, NodeResponseLike } from '../handler/node-adapter';
import type { Outbox } from './outbox';

/** The parts of `http.ServerResponse` a stream uses (writes, backpressure, disconnect). */
export interface NodeStreamResponseLike extends NodeResponseLike {
  write(chunk: string): boolean;
  on(event: 'close' | 'drain', listener: () => void): unknown;
  removeListener(event: 'close' | 'drain', listener: () => void): unknown;
  flushHeaders?(): void;
}

/** Node's request as a Web `Request`, so `authorize` reads cookies and headers one way everywhere. */
export function webRequestOf(req: NodeRequestLike): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.append(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://${headers.get('host') ?? 'localhost'}`);
  } catch {
    url = new URL(req.url ?? '/', 'http://localhost');
  }
  return new Request(url, { method: req.method ?? 'GET', headers });
}

function drainOrClose(res: NodeStreamResponseLike): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.removeListener('drain', done);
      res.removeListener('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes the outbox as the socket takes it: a full socket waits for `drain`, never buffers unbounded. */
export async function pumpToNode(outbox: Outbox, res: NodeStreamResponseLike): Promise<void> {
  for (;;) {
    const chunk = await outbox.next();
    if (chunk === undefined) break;
    if (!res.write(chunk)) await drainOrClose(res);
  }
  res.end();
}
