import type { IncomingMessage, ServerResponse } from 'node:http';
import { isWacallDecisionError, isWacallValidationError, isWhatsAppApiError } from '@wacall/core';
import { isSimulatorUsageError } from '@wacall/mock';
import type { ApiErrorBody, ApiErrorKind } from '../shared/api-types';

const maxBodyBytes = 64 * 1024;

/** A refusal the API answers with a status and a sentence, rather than a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly kind: ApiErrorKind,
    message: string,
    /** More of the answer's `error` object (field issues, Meta's codes). */
    readonly extra: Partial<ApiErrorBody['error']> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A route's answer that is a file, not JSON (a call recording). */
export class BinaryAnswer {
  constructor(
    readonly bytes: Uint8Array,
    readonly contentType: string,
  ) {}
}

/** Sends a route's answer: a file as it is, anything else as JSON. */
export function sendAnswer(res: ServerResponse, status: number, body: unknown): void {
  if (!(body instanceof BinaryAnswer)) return sendJson(res, status, body);
  res.writeHead(status, {
    'content-type': body.contentType,
    'cache-control': 'private, no-store',
    'content-length': body.bytes.byteLength,
  });
  res.end(body.bytes);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Reads a small JSON object body; an empty body is `{}`. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBodyBytes)
      throw new HttpError(413, 'bad_request', 'The request body is too large.');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'bad_request', 'The request body is not JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, 'bad_request', 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** An optional string field of a request body. */
export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new HttpError(400, 'bad_request', `${field} must be a string.`);
  return value;
}

/** Turns what an action threw into the API's error answer; anything unexpected is logged and hidden. */
export function errorAnswer(
  error: unknown,
  log: (line: string) => void,
): { status: number; body: ApiErrorBody } {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      body: { error: { ...error.extra, kind: error.kind, message: error.message } },
    };
  }
  if (isWacallDecisionError(error)) {
    const { decision } = error;
    return {
      status: 409,
      body: {
        error: {
          kind: 'decision',
          message: decision.message,
          reason: decision.reason,
          ...(decision.retryAt === undefined ? {} : { retryAt: decision.retryAt }),
        },
      },
    };
  }
  if (isWacallValidationError(error)) {
    const message = error.issues.map((issue) => `${issue.path} ${issue.message}`).join(' ');
    const issues = error.issues.map(({ path, message: what, fix }) => ({
      path,
      message: what,
      fix,
    }));
    return { status: 400, body: { error: { kind: 'validation', message, issues } } };
  }
  if (isWhatsAppApiError(error)) {
    const message = `WhatsApp refused it (error ${error.code}): ${error.meaning}`;
    return {
      status: 502,
      body: { error: { kind: 'whatsapp', message, code: error.code, fix: error.fix } },
    };
  }
  if (isSimulatorUsageError(error)) {
    return {
      status: 409,
      body: { error: { kind: 'simulator', message: error.message, fix: error.fix } },
    };
  }
  log(
    `Unexpected error: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown'}`,
  );
  return {
    status: 500,
    body: { error: { kind: 'internal', message: 'Something went wrong on the demo server.' } },
  };
}
