import type { RunWebhook } from './fetch-adapter';
import type { IncomingWebhook, WebhookReply } from './handle-webhook';
import { readNodeStream } from './read-body';

/** The parts of `http.IncomingMessage` the handler uses (so this file needs no Node types). */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The parts of `http.ServerResponse` the handler uses. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

export function nodeHeader(req: NodeRequestLike, name: string): string | undefined {
  const value = req.headers[name];
  // A repeated signature header is not something Meta sends: treat it as missing.
  return typeof value === 'string' ? value : undefined;
}

export function nodeRequest(
  req: NodeRequestLike,
  body: IncomingWebhook['body'] = (limit) => readNodeStream(req, limit),
): IncomingWebhook {
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    header: (name) => nodeHeader(req, name),
    body,
  };
}

export function sendNode(res: NodeResponseLike, result: WebhookReply): void {
  res.statusCode = result.status;
  for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
  res.end(result.body);
}

/** Serves a `node:http` request (also Next.js pages API routes with `bodyParser: false`). */
export async function serveNode(
  req: NodeRequestLike,
  res: NodeResponseLike,
  run: RunWebhook,
): Promise<void> {
  sendNode(res, await run(nodeRequest(req)));
}
