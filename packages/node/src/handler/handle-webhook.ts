import { isWebhookPayloadError, parseWebhook, type ParsedWebhook } from '@wacall/core';
import { constantTimeEqual } from './constant-time-equal';
import type { ResolvedOptions } from './options';
import { TOO_LARGE, type BodyResult } from './read-body';

/** A request as every adapter sees it: method, URL (path and query at least), headers, body. */
export interface IncomingWebhook {
  method: string;
  url: string;
  /** A header by lowercase name. */
  header(name: string): string | undefined;
  body(limit: number): Promise<BodyResult>;
}

export interface WebhookReply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export type VerifyBody = (body: Uint8Array, signature: string | undefined) => Promise<boolean>;

function reply(status: number, body: string, headers: Record<string, string> = {}): WebhookReply {
  return { status, body, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } };
}

/** The whole protocol, independent of the HTTP library: GET verification, POST delivery. */
export async function handleWebhook(
  request: IncomingWebhook,
  options: ResolvedOptions,
  verify: VerifyBody,
): Promise<WebhookReply> {
  const method = request.method.toUpperCase();
  if (method === 'GET') return answerChallenge(request.url, options.verifyToken);
  if (method !== 'POST') {
    return reply(405, 'Method not allowed: use GET (verification) or POST (events).', {
      allow: 'GET, POST',
    });
  }
  try {
    return await receive(request, options, verify);
  } catch (error) {
    options.onError(error);
    return failed();
  }
}

const failed = () => reply(500, 'The events could not be processed; Meta will redeliver them.');

function answerChallenge(url: string, verifyToken: string): WebhookReply {
  let query: URLSearchParams;
  try {
    query = new URL(url, 'http://localhost').searchParams;
  } catch {
    return reply(400, 'Malformed URL.');
  }
  const token = query.get('hub.verify_token');
  const subscribed = query.get('hub.mode') === 'subscribe';
  if (!subscribed || token === null || !constantTimeEqual(token, verifyToken)) {
    return reply(403, 'Verification failed.');
  }
  const challenge = query.get('hub.challenge');
  if (!challenge) return reply(400, 'Missing hub.challenge.');
  return reply(200, challenge);
}

const tooLarge = () => reply(413, 'Payload too large.', { connection: 'close' });

async function receive(
  request: IncomingWebhook,
  options: ResolvedOptions,
  verify: VerifyBody,
): Promise<WebhookReply> {
  const declared = Number(request.header('content-length'));
  if (declared > options.maxBodyBytes) return tooLarge();
  let body: BodyResult;
  try {
    body = await request.body(options.maxBodyBytes);
  } catch {
    return reply(400, 'Could not read the request body.');
  }
  if (body === TOO_LARGE) return tooLarge();
  // Same answer for a missing and a wrong signature: nothing to learn from the difference.
  if (!(await verify(body, request.header('x-hub-signature-256')))) {
    return reply(401, 'Invalid signature.');
  }
  let parsed: ParsedWebhook;
  try {
    parsed = parseWebhook(body);
  } catch (error) {
    if (isWebhookPayloadError(error)) return reply(400, `Bad payload (${error.reason}).`);
    throw error;
  }
  try {
    await options.onEvents(parsed.events, { issues: parsed.issues });
  } catch (error) {
    options.onError(error);
    return failed();
  }
  return reply(200, 'OK');
}
