import type { HmacBackend } from '../signature/types';
import { verifyWith } from '../signature/verify';
import { expressMiddleware, type ExpressMiddleware } from './express-adapter';
import { serveFetch } from './fetch-adapter';
import { handleWebhook, type IncomingWebhook } from './handle-webhook';
import { serveNode, type NodeRequestLike, type NodeResponseLike } from './node-adapter';
import { resolveOptions, type WebhookHandlerOptions } from './options';

/** One webhook endpoint, served through whichever HTTP library the app uses. */
export interface WebhookHandler {
  /** For Web `Request` → `Response` runtimes: Next.js route handlers, Hono, Bun, Deno, workers. */
  fetch(request: Request): Promise<Response>;
  /** For `node:http` (and frameworks that hand over Node's request and response untouched). */
  node(req: NodeRequestLike, res: NodeResponseLike): Promise<void>;
  /** Express middleware; mount it after `express.raw({ type: 'application/json' })`. */
  express(): ExpressMiddleware;
}

/** @internal Builds the handler on the given HMAC backend (`node:crypto` or Web Crypto). */
export function buildWebhookHandler(
  options: WebhookHandlerOptions,
  backend: HmacBackend,
): WebhookHandler {
  const config = resolveOptions(options);
  const run = (request: IncomingWebhook) =>
    handleWebhook(request, config, (payload, signature) =>
      verifyWith(backend, { payload, signature, appSecret: config.secrets }, config.secrets),
    );
  return {
    fetch: (request) => serveFetch(request, run),
    node: (req, res) => serveNode(req, res, run),
    express: () => expressMiddleware(run),
  };
}
