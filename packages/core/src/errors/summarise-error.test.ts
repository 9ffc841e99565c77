import { describe, expect, it } from 'vitest';
import { maskCredentials } from './mask-credentials';
import { summariseError } from './summarise-error';
import { WhatsAppApiError } from './whatsapp-api-error';
import { WacallValidationError } from './wacall-validation-error';

const metaToken = `EAAG${'a1B2c3D4e5'.repeat(6)}`;

describe('summariseError', () => {
  it('gives name, code, message and fbtraceId on one line', () => {
    const error = new WhatsAppApiError({ httpStatus: 400, code: 138006, fbtraceId: 'AbC123' });
    expect(summariseError(error)).toMatch(
      /^WhatsAppApiError \[138006\]: WhatsApp API error 138006: .+ \(fbtraceId AbC123\)$/,
    );
  });

  it('puts a multi-line message and the cause chain on the same line', () => {
    const validation = new WacallValidationError('calls.connect', [
      { path: 'to', message: 'must be digits.', fix: 'Pass digits.' },
      { path: 'sdp', message: 'is empty.', fix: 'Pass an offer.' },
    ]);
    const wrapped = new Error('sync failed', {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    expect(summariseError(validation)).not.toContain('\n');
    expect(summariseError(wrapped)).toBe(
      'Error: sync failed <- caused by Error [ECONNRESET]: socket hang up',
    );
  });

  it('never reads a request or its headers, and masks credential-shaped text', () => {
    const error = Object.assign(new Error(`401 for Bearer ${metaToken}`), {
      name: 'HTTPError',
      request: new Request('https://graph.example/x', {
        headers: { authorization: `Bearer ${metaToken}` },
      }),
      token: metaToken,
    });
    const line = summariseError(error);
    expect(line).toBe('HTTPError: 401 for Bearer [redacted]');
    expect(line).not.toContain(metaToken.slice(0, 12));
  });

  it('describes thrown values that are not errors', () => {
    expect(summariseError('plain text')).toBe('Error: plain text');
    expect(summariseError(undefined)).toBe('undefined');
    expect(summariseError(null)).toBe('Error: null');
  });
});

describe('maskCredentials', () => {
  it('masks bearer values, token parameters and Meta-shaped tokens, and leaves prose alone', () => {
    expect(maskCredentials(`authorization: Bearer ${metaToken}`)).toBe(
      'authorization: Bearer [redacted]',
    );
    expect(maskCredentials(`/me?fields=id&access_token=${metaToken}&x=1`)).toBe(
      '/me?fields=id&access_token=[redacted]&x=1',
    );
    expect(maskCredentials(`token ${metaToken} expired`)).toBe('token [redacted] expired');
    const prose = 'Pass the token alone; the client adds "Bearer ". Invalid OAuth access token.';
    expect(maskCredentials(prose)).toBe(prose);
  });
});
