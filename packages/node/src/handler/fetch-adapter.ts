import type { IncomingWebhook, WebhookReply } from './handle-webhook';
import { readWebStream } from './read-body';

export type RunWebhook = (request: IncomingWebhook) => Promise<WebhookReply>;

/** Serves a Web `Request` (Next.js route handlers, Hono, Bun, Deno, workers). */
export async function serveFetch(request: Request, run: RunWebhook): Promise<Response> {
  const result = await run({
    method: request.method,
    url: request.url,
    header: (name) => request.headers.get(name) ?? undefined,
    body: (limit) => readWebStream(request.body, limit),
  });
  return new Response(result.body, { status: result.status, headers: result.headers });
}
