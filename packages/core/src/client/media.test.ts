import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { isWacallResponseError } from '../errors/wacall-response-error';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import { isWhatsAppApiError } from '../errors/whatsapp-api-error';
import {
  TOKEN,
  failure,
  graph,
  server,
  seen,
  testClient,
  useGraphServer,
} from '../../test/support/test-graph';

useGraphServer();

const MEDIA_ID = '1290384756102938';
const FILE_URL = `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=${MEDIA_ID}&ext=1&hash=AT`;
const info = {
  messaging_product: 'whatsapp',
  url: FILE_URL,
  mime_type: 'audio/ogg; codecs=opus',
  sha256: 'q1w8sYkP0pZ3mF2tB9rX7cVnJ4hL6eD5gA0uK8iO3yE=',
  file_size: '4096',
  id: MEDIA_ID,
};

/** Serves the file at FILE_URL, recording the authorization header each request carried. */
function serveFile(response: () => Response): string[] {
  const auth: string[] = [];
  server.use(
    http.get('https://lookaside.fbsbx.com/whatsapp_business/attachments/', ({ request }) => {
      auth.push(request.headers.get('authorization') ?? '');
      return response();
    }),
  );
  return auth;
}

describe('media.get', () => {
  it('returns a fresh url with type, hash and size', async () => {
    graph('get', MEDIA_ID, info);
    expect(await testClient().media.get(MEDIA_ID)).toEqual({
      url: FILE_URL,
      mimeType: 'audio/ogg; codecs=opus',
      sha256: info.sha256,
      fileSize: 4096,
    });
  });

  it.each([['../settings'], [''], ['wacid.X']])('refuses the media id %j', async (id) => {
    const error = await failure(() => testClient().media.get(id));
    expect(isWacallValidationError(error) && error.issues[0]?.path).toBe('mediaId');
    expect(seen).toHaveLength(0);
  });
});

describe('media.download', () => {
  it('fetches the bytes from the fresh url with the bearer token', async () => {
    graph('get', MEDIA_ID, info);
    const bytes = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2]);
    const auth = serveFile(
      () => new HttpResponse(bytes, { headers: { 'content-type': 'audio/ogg' } }),
    );
    const file = await testClient().media.download(MEDIA_ID);
    expect(new Uint8Array(file.data)).toEqual(bytes);
    expect(file.mimeType).toBe('audio/ogg; codecs=opus');
    expect(auth).toEqual([`Bearer ${TOKEN}`]);
  });

  it('turns an expired url into a typed error that never carries the token', async () => {
    graph('get', MEDIA_ID, info);
    serveFile(() =>
      HttpResponse.json(
        { error: { message: `Invalid token ${TOKEN}`, code: 190, type: 'OAuthException' } },
        { status: 401 },
      ),
    );
    const error = await failure(() => testClient({ retry: false }).media.download(MEDIA_ID));
    expect(isWhatsAppApiError(error)).toBe(true);
    for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 5 })]) {
      expect(text).not.toContain(TOKEN);
    }
  });

  it('never sends the token to a plain-http url on another host', async () => {
    graph('get', MEDIA_ID, { ...info, url: 'http://evil.example/file.ogg' });
    const error = await failure(() => testClient().media.download(MEDIA_ID));
    expect(isWacallResponseError(error)).toBe(true);
    expect(String(error)).toContain('the token stays home');
    expect(seen).toHaveLength(1);
  });

  it('retries a transient failure of the file fetch', async () => {
    graph('get', MEDIA_ID, info);
    let attempts = 0;
    serveFile(() => {
      attempts += 1;
      return attempts === 1
        ? new HttpResponse('busy', { status: 503 })
        : new HttpResponse(new Uint8Array([1, 2, 3]));
    });
    const file = await testClient().media.download(MEDIA_ID);
    expect(file.data.byteLength).toBe(3);
    expect(attempts).toBe(2);
  });
});
