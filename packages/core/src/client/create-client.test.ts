import { describe, expect, it } from 'vitest';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import { DEFAULT_API_VERSION } from './client-options';
import { createClient } from './create-client';
import type { ClientOptions } from './client-options';
import { PHONE_NUMBER_ID, TOKEN } from '../../test/support/test-graph';

const issuesOf = (options: Partial<ClientOptions>) => {
  try {
    createClient(options as ClientOptions);
  } catch (error) {
    if (isWacallValidationError(error)) return error.issues;
    throw error;
  }
  return [];
};

describe('createClient', () => {
  it('refuses a token no HTTP header can carry, without quoting it', () => {
    const token = `${TOKEN}\u20ac`;
    const issues = issuesOf({ accessToken: token, phoneNumberId: PHONE_NUMBER_ID });
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'accessToken',
        message: 'contains a character outside printable ASCII.',
      }),
    ]);
    expect(JSON.stringify(issues)).not.toContain(TOKEN);
  });

  it('defaults to a current Graph version (v25.0 or later), taken from one constant', () => {
    const [major, minor] = DEFAULT_API_VERSION.slice(1).split('.').map(Number);
    expect((major ?? 0) * 100 + (minor ?? 0)).toBeGreaterThanOrEqual(2500);
    const client = createClient({ accessToken: TOKEN, phoneNumberId: PHONE_NUMBER_ID });
    expect(client.apiVersion).toBe(DEFAULT_API_VERSION);
    expect(client.phoneNumberId).toBe(PHONE_NUMBER_ID);
    expect(JSON.stringify(client)).not.toContain(TOKEN);
  });

  it('sends to the given baseUrl and apiVersion through the given fetch', async () => {
    const requests: Request[] = [];
    const responseUrls: string[] = [];
    const client = createClient({
      hooks: { onResponse: (event) => responseUrls.push(event.url) },
      accessToken: TOKEN,
      phoneNumberId: PHONE_NUMBER_ID,
      apiVersion: 'v25.0',
      baseUrl: 'http://127.0.0.1:4010/graph/',
      fetch: async (input) => {
        requests.push(input as Request);
        return Response.json({ success: true });
      },
    });
    await client.calls.terminate({ callId: 'wacid.ABC' });
    expect(requests.map((request) => [request.method, request.url])).toEqual([
      ['POST', `http://127.0.0.1:4010/graph/v25.0/${PHONE_NUMBER_ID}/calls`],
    ]);
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(responseUrls).toEqual([requests[0]?.url]);
  });

  it('refuses unusable options with a fix for each', () => {
    const issues = issuesOf({
      accessToken: `Bearer ${TOKEN}`,
      phoneNumberId: '+1 631-555-3601',
      wabaId: 'my-waba',
      apiVersion: '23',
      baseUrl: 'graph.facebook.com',
      timeoutMs: 0,
      retry: { limit: -1 },
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'accessToken',
      'phoneNumberId',
      'wabaId',
      'apiVersion',
      'baseUrl',
      'timeoutMs',
      'retry.limit',
    ]);
    expect(issues[0]?.fix).toContain('the client adds "Bearer "');
    expect(issues[1]?.fix).toContain('display phone number');
    expect(JSON.stringify(issues)).not.toContain(TOKEN);
  });

  it('needs a token and a phone number id', () => {
    expect(issuesOf({}).map((issue) => issue.path)).toEqual(['accessToken', 'phoneNumberId']);
  });
});
