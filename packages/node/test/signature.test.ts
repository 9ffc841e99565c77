import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../core/test/fixtures';
import { isRawBodyError, isWebhookConfigError } from '../src/index';
import { APP_SECRET, entries, expectedSignature, OLD_APP_SECRET } from './support';

const body = readFixture('call-connect-incoming');
const bytes = new TextEncoder().encode(body);

describe.each(entries)('%s: verifySignature', (_, { verifySignature, signPayload }) => {
  const verify = (
    payload: Parameters<typeof verifySignature>[0]['payload'],
    signature: unknown,
    appSecret: string | string[] = APP_SECRET,
  ) => verifySignature({ payload, signature: signature as string, appSecret });

  it('matches a published HMAC-SHA256 vector (RFC 4231, test case 2)', async () => {
    const signature = 'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(await verify('what do ya want for nothing?', signature, 'Jefe')).toBe(true);
    expect(await signPayload('what do ya want for nothing?', 'Jefe')).toBe(signature);
  });

  it('accepts the signature of the exact bytes, in every body form', async () => {
    const signature = expectedSignature(body);
    const offsetView = new Uint8Array([0, 0, ...bytes]).subarray(2);
    for (const payload of [body, bytes, Buffer.from(body), bytes.buffer.slice(0), offsetView]) {
      expect(await verify(payload, signature)).toBe(true);
    }
    expect(await verify(body, signature.toUpperCase().replace('SHA256=', 'sha256='))).toBe(true);
    expect(await verify(body, ` ${signature} `)).toBe(true);
  });

  it('rejects the body when any single byte changes', async () => {
    const signature = expectedSignature(bytes);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, flip) => {
          const tampered = Uint8Array.from(bytes);
          tampered[at] = (tampered[at] ?? 0) ^ flip;
          expect(await verify(tampered, signature)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('verifies the bytes Meta sent (\\u escapes), not a re-serialised copy', async () => {
    const raw = readFixture('message-text-unicode');
    expect(raw).toContain('\\u00e1');
    const signature = expectedSignature(raw);
    expect(await verify(raw, signature)).toBe(true);
    const reserialised = JSON.stringify(JSON.parse(raw), null, 2) + '\n';
    expect(reserialised).not.toBe(raw);
    expect(await verify(reserialised, signature)).toBe(false);
  });

  it('gives text and bytes of a body with raw non-ASCII characters the same result', async () => {
    const text = '{"text":"Olá — 📞"}';
    const signature = expectedSignature(text);
    expect(await verify(text, signature)).toBe(true);
    expect(await verify(Buffer.from(text, 'utf8'), signature)).toBe(true);
    expect(await verify(Buffer.from(text, 'latin1'), signature)).toBe(false);
  });

  it('accepts any secret of a rotation and nothing else', async () => {
    const secrets = [OLD_APP_SECRET, APP_SECRET];
    expect(await verify(body, expectedSignature(body, APP_SECRET), secrets)).toBe(true);
    expect(await verify(body, expectedSignature(body, OLD_APP_SECRET), secrets)).toBe(true);
    expect(await verify(body, expectedSignature(body, 'some-other-secret'), secrets)).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['prefix only', 'sha256='],
    ['no prefix', expectedSignature(body).slice('sha256='.length)],
    ['sha1 only', `sha1=${'ab'.repeat(20)}`],
    ['one digit short', expectedSignature(body).slice(0, -1)],
    ['one digit long', `${expectedSignature(body)}0`],
    ['not hex', `sha256=${'zz'.repeat(32)}`],
    ['two values joined', `${expectedSignature(body)}, ${expectedSignature(body)}`],
    ['a number', 12345],
    ['an array', [expectedSignature(body)]],
    ['the right digest under another name', expectedSignature(body).replace('sha256', 'sha512')],
  ])('returns false, never throws, for a %s header', async (_, header) => {
    await expect(verify(body, header)).resolves.toBe(false);
  });

  it('refuses a parsed body with a RawBodyError that says what to pass', async () => {
    const error = await verifySignature({
      payload: JSON.parse(body) as never,
      signature: expectedSignature(body),
      appSecret: APP_SECRET,
    }).catch((e: unknown) => e);
    expect(isRawBodyError(error)).toBe(true);
    expect(String(error)).toContain('raw request body');
  });

  it.each([[''], [[]], [['', APP_SECRET]], [[42]]])(
    'refuses the app secret %j at once',
    async (appSecret) => {
      const error = await verifySignature({
        payload: body,
        signature: expectedSignature(body),
        appSecret: appSecret as never,
      }).catch((e: unknown) => e);
      expect(isWebhookConfigError(error)).toBe(true);
      expect(String(error)).toContain('appSecret');
    },
  );
});

describe.each(entries)('%s: signPayload', (_, { signPayload, verifySignature }) => {
  it('produces the header Meta would send, for text and bytes alike', async () => {
    expect(await signPayload(body, APP_SECRET)).toBe(expectedSignature(body));
    expect(await signPayload(bytes, APP_SECRET)).toBe(expectedSignature(body));
  });

  it('round-trips with verifySignature for any body and secret', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 512 }),
        fc.string({ minLength: 1 }),
        async (payload, secret) => {
          const signature = await signPayload(payload, secret);
          expect(signature).toBe(expectedSignature(payload, secret));
          expect(await verifySignature({ payload, signature, appSecret: secret })).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses to sign with a list of secrets', async () => {
    const error = await signPayload(body, [APP_SECRET] as never).catch((e: unknown) => e);
    expect(isWebhookConfigError(error)).toBe(true);
  });
});
