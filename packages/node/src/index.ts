// The entry for runtimes with `node:crypto` (Node, Bun, Deno): the native HMAC is several times cheaper
// per webhook than Web Crypto there. `web.ts` is the same API on Web Crypto.
import { buildWebhookHandler, type WebhookHandler } from './handler/create-webhook-handler';
import type { WebhookHandlerOptions } from './handler/options';
import { nodeHmac } from './signature/node-hmac';
import type { SignaturePayload, VerifySignatureOptions } from './signature/types';
import { signWith, verifyWith } from './signature/verify';

/**
 * Checks an `X-Hub-Signature-256` header against the raw request body, in constant time. Resolves
 * `false` for a wrong, missing or malformed header; never throws on the header.
 */
export function verifySignature(options: VerifySignatureOptions): Promise<boolean> {
  return verifyWith(nodeHmac, options);
}

/** Signs a body the way Meta does, giving the `X-Hub-Signature-256` value (`sha256=<hex>`), e.g. for tests. */
export function signPayload(payload: SignaturePayload, appSecret: string): Promise<string> {
  return signWith(nodeHmac, payload, appSecret);
}

/**
 * A webhook endpoint: answers Meta's verification GET, checks each POST's signature on the raw body,
 * parses it and hands the events to `onEvents`. Serve it with `.fetch`, `.node` or `.express()`.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  return buildWebhookHandler(options, nodeHmac);
}

export * from './shared-exports';
