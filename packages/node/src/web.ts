// The entry for runtimes without `node:crypto` (workers, edge, browsers): the same API as `index.ts`,
// on Web Crypto, with no `node:*` import anywhere in its graph.
import { buildWebhookHandler, type WebhookHandler } from './handler/create-webhook-handler';
import type { WebhookHandlerOptions } from './handler/options';
import { webHmac } from './signature/web-hmac';
import type { SignaturePayload, VerifySignatureOptions } from './signature/types';
import { signWith, verifyWith } from './signature/verify';

/**
 * Checks an `X-Hub-Signature-256` header against the raw request body, in constant time. Resolves
 * `false` for a wrong, missing or malformed header; never throws on the header.
 */
export function verifySignature(options: VerifySignatureOptions): Promise<boolean> {
  return verifyWith(webHmac, options);
}

/** Signs a body the way Meta does, giving the `X-Hub-Signature-256` value (`sha256=<hex>`), e.g. for tests. */
export function signPayload(payload: SignaturePayload, appSecret: string): Promise<string> {
  return signWith(webHmac, payload, appSecret);
}

/**
 * A webhook endpoint: answers Meta's verification GET, checks each POST's signature on the raw body,
 * parses it and hands the events to `onEvents`. Serve it with `.fetch`, `.node` or `.express()`.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  return buildWebhookHandler(options, webHmac);
}

export * from './shared-exports';
