import { RawBodyError } from '../errors/raw-body-error';
import type { RunWebhook } from './fetch-adapter';
import type { IncomingWebhook } from './handle-webhook';
import { nodeRequest, sendNode, type NodeRequestLike, type NodeResponseLike } from './node-adapter';
import { bufferedBody, readNodeStream } from './read-body';

/** The parts of an Express request the handler uses. */
export interface ExpressRequestLike extends NodeRequestLike {
  /** Set by body parsers: a Buffer from `express.raw()`, an object from `express.json()`. */
  body?: unknown;
  originalUrl?: string;
  readableEnded?: boolean;
}

export type ExpressMiddleware = (
  req: ExpressRequestLike,
  res: NodeResponseLike,
  next: (error?: unknown) => void,
) => void;

const MOUNT_HINT =
  "Mount the webhook route with the raw body parser, before any JSON parser: app.post('/webhook', express.raw({ type: 'application/json', limit: '3mb' }), handler.express()). If app.use(express.json()) is registered first, register the webhook route above it or exclude the path from it.";

/**
 * Where the raw body is: a Buffer (or text) a parser left in `req.body`, or the untouched stream.
 * A parsed object means the bytes Meta signed are gone.
 */
function bodySource(req: ExpressRequestLike): IncomingWebhook['body'] | RawBodyError {
  const { body } = req;
  if (body instanceof Uint8Array || typeof body === 'string') {
    return async (limit) => bufferedBody(body, limit);
  }
  if (req.readableEnded !== true) return (limit) => readNodeStream(req, limit);
  const found =
    body === undefined
      ? 'the body was already consumed by another middleware'
      : 'req.body is already a parsed object';
  return new RawBodyError(
    `The webhook signature cannot be checked because ${found}: Meta signs the raw bytes, and re-serialised JSON never matches them. ${MOUNT_HINT}`,
  );
}

/** Express middleware; answers GET and POST, hands a mounting mistake to `next(error)`. */
export function expressMiddleware(run: RunWebhook): ExpressMiddleware {
  return (req, res, next) => {
    const isPost = (req.method ?? '').toUpperCase() === 'POST';
    const source = isPost ? bodySource(req) : undefined;
    if (source instanceof RawBodyError) {
      next(source);
      return;
    }
    const request = nodeRequest(req, source);
    // Express strips the mount path from req.url; the query (all GET needs) survives either way.
    request.url = req.originalUrl ?? request.url;
    run(request).then((result) => sendNode(res, result), next);
  };
}
