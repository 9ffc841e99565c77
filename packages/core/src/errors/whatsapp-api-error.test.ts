import { describe, expect, it } from 'vitest';
import { parseGraphError } from './graph-error-envelope';
import { WacallError } from './wacall-error';
import { WhatsAppApiError, isWhatsAppApiError } from './whatsapp-api-error';

const failed = (httpStatus: number, body: unknown, extra: { traceHeader?: string } = {}) =>
  parseGraphError({
    httpStatus,
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
    operation: 'calls.connect',
    redact: (text) => text.split('SECRET').join('[redacted]'),
    ...extra,
  });

describe('parseGraphError', () => {
  it('reads every field of the Graph error envelope', () => {
    const error = failed(400, {
      error: {
        message: '(#138006) No approved call permission',
        type: 'OAuthException',
        code: 138006,
        error_data: { messaging_product: 'whatsapp', details: 'User has not granted permission' },
        error_subcode: 2494055,
        fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
        is_transient: false,
        error_user_title: 'No permission',
        error_user_msg: 'Ask the user first',
      },
    });
    expect(error).toMatchObject({
      httpStatus: 400,
      code: 138006,
      subcode: 2494055,
      type: 'OAuthException',
      apiMessage: '(#138006) No approved call permission',
      details: 'User has not granted permission',
      fbtraceId: 'Az8or2yhqkZfEZ-_4Qn_Bam',
      userTitle: 'No permission',
      userMessage: 'Ask the user first',
      operation: 'calls.connect',
      category: 'permission',
      retryable: false,
    });
    expect(error.message).toContain('error 138006 on calls.connect');
    expect(error.message).toContain('Fix: Send a call permission request');
  });

  it('survives missing fields, string codes, error_data as a JSON string and a trace id header', () => {
    const error = failed(
      400,
      { error: { code: '138009', error_data: '{"details":"next request allowed at 1745622600"}' } },
      { traceHeader: 'HeaderTrace' },
    );
    expect(error).toMatchObject({
      code: 138009,
      details: 'next request allowed at 1745622600',
      fbtraceId: 'HeaderTrace',
      category: 'rate_limit',
    });
    expect(error.type).toBeUndefined();
    expect(error.subcode).toBeUndefined();
  });

  it('describes a non-JSON body (a proxy page) by its HTTP status', () => {
    const error = failed(502, '<html><body>Bad Gateway</body></html>');
    expect(error).toMatchObject({ httpStatus: 502, category: 'server', retryable: true });
    expect(error.code).toBeUndefined();
    expect(error.message).toContain('HTTP 502');
    const notFound = failed(404, '');
    expect(notFound).toMatchObject({ category: 'unknown', retryable: false });
    expect(notFound.fix).toContain('phone number ID');
  });

  it('uses the HTTP status and is_transient for codes outside the catalogue', () => {
    expect(failed(429, { error: { code: 55555 } })).toMatchObject({
      category: 'rate_limit',
      retryable: true,
    });
    expect(failed(400, { error: { code: 55555, is_transient: true } })).toMatchObject({
      retryable: true,
    });
    expect(failed(401, { error: { code: 55555 } })).toMatchObject({
      category: 'auth',
      retryable: false,
    });
  });

  it('treats a 5xx as retryable even for a code that is not', () => {
    expect(failed(500, { error: { code: 100 } })).toMatchObject({
      category: 'validation',
      retryable: true,
    });
  });

  it('scrubs the token from text Meta echoes back', () => {
    const error = failed(401, { error: { code: 190, message: 'Invalid token SECRET' } });
    expect(error.apiMessage).toBe('Invalid token [redacted]');
    expect(error.message).not.toContain('SECRET');
  });
});

describe('isWhatsAppApiError', () => {
  it('recognises errors of another copy of the package by their marker', () => {
    const foreign = Object.assign(new Error('from another bundle'), {
      [Symbol.for('wacall.error.WhatsAppApiError')]: true,
    });
    expect(isWhatsAppApiError(foreign)).toBe(true);
    expect(isWhatsAppApiError(new WhatsAppApiError({ httpStatus: 500 }))).toBe(true);
    expect(isWhatsAppApiError(new WacallError('other'))).toBe(false);
    expect(isWhatsAppApiError({ code: 138006 })).toBe(false);
    expect(WacallError.isInstance(new WhatsAppApiError({ httpStatus: 500 }))).toBe(true);
  });

  it('serialises to a plain object with the fields a log needs', () => {
    const error = failed(429, { error: { code: 130429, fbtrace_id: 'T1' } });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'WhatsAppApiError',
      message: error.message,
      httpStatus: 429,
      code: 130429,
      fbtraceId: 'T1',
      category: 'rate_limit',
      retryable: true,
      meaning: expect.any(String),
      fix: expect.any(String),
    });
  });
});
