// What both entries export beyond the three functions bound to their HMAC (`index.ts`: node:crypto,
// `web.ts`: Web Crypto). Nothing here may import `node:*`: the web entry re-exports it.
export { createEventStream } from './events/create-event-stream';
export {
  EventStreamConfigError,
  isEventStreamConfigError,
} from './errors/event-stream-config-error';
export { isRawBodyError, RawBodyError } from './errors/raw-body-error';
export { isWebhookConfigError, WebhookConfigError } from './errors/webhook-config-error';
export { DEFAULT_MAX_BODY_BYTES } from './handler/options';
export type {
  EventStream,
  EventStreamExpressMiddleware,
  EventStreamSource,
} from './events/create-event-stream';
export type { ResyncReason } from './events/connection';
export type { NodeStreamResponseLike } from './events/node-stream';
export type { EventStreamAccess, EventStreamAuthorize, EventStreamOptions } from './events/options';
export type { WebhookHandler } from './handler/create-webhook-handler';
export type { ExpressMiddleware, ExpressRequestLike } from './handler/express-adapter';
export type { NodeRequestLike, NodeResponseLike } from './handler/node-adapter';
export type { WebhookContext, WebhookHandlerOptions } from './handler/options';
export type { SignaturePayload, VerifySignatureOptions } from './signature/types';
