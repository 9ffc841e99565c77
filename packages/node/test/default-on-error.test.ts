import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFixture } from '../../core/test/fixtures';
import {
  distinctiveToken,
  exposes,
  leakCases,
  metaShapedToken,
  provoke,
} from '../../core/test/token-leaks';
import { APP_SECRET, entries, expectedSignature, VERIFY_TOKEN, type Entry } from './support';

const body = readFixture('batch-text-with-calls');

/** Delivers one signed webhook whose `onEvents` throws `error`; returns what the default onError printed. */
async function printedFor(entry: Entry, error: unknown): Promise<string> {
  const printed: string[] = [];
  // console.error formats its arguments the way util.format does: capture exactly that text.
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    printed.push(format(...args));
  });
  const handler = entry.createWebhookHandler({
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    onEvents: () => {
      throw error;
    },
  });
  const response = await handler.fetch(
    new Request('https://helpdesk.example/webhook', {
      method: 'POST',
      body,
      headers: { 'x-hub-signature-256': expectedSignature(body) },
    }),
  );
  expect(response.status).toBe(500);
  return printed.join('\n');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(entries)('the default onError (%s)', (_, entry) => {
  it.each(leakCases)('prints no trace of the token for: $name', async (leakCase) => {
    const token = distinctiveToken();
    const { error } = await provoke(leakCase, token);
    const printed = await printedFor(entry, error);
    expect(printed).toContain(`${leakCase.expected}`);
    expect(printed.split('\n')).toHaveLength(1);
    expect(exposes(printed, token)).toBe(false);
  });

  it('prints what an operator needs: name, code, message and fbtraceId', async () => {
    const leakCase = leakCases.find((each) => each.name.startsWith('401'))!;
    const { error } = await provoke(leakCase, distinctiveToken());
    const printed = await printedFor(entry, error);
    expect(printed).toMatch(
      /^\[@wacall\/node\] a webhook delivery failed; answered 500 so Meta redelivers it: WhatsAppApiError \[190\]: WhatsApp API error 190 on permissions\.get: .+ \(fbtraceId Trace-\[redacted\]\)$/,
    );
  });

  it('prints an HTTP library error thrown by your own code without its request', async () => {
    // Here the handler cannot know the token: it prints no request, and masks credential shapes.
    const token = metaShapedToken();
    const request = new Request('https://graph.facebook.com/v24.0/me', {
      headers: { authorization: `Bearer ${token}` },
    });
    const error = Object.assign(new Error(`Request failed with status code 401: Bearer ${token}`), {
      name: 'HTTPError',
      request,
      options: { headers: { authorization: `Bearer ${token}` } },
      cause: new Error(`upstream said ${token} is invalid`),
    });
    const printed = await printedFor(entry, error);
    expect(printed).toContain(
      'HTTPError: Request failed with status code 401: Bearer [redacted] <- caused by Error: upstream said [redacted] is invalid',
    );
    expect(printed).not.toMatch(/authorization|Headers/i);
    expect(exposes(printed, token)).toBe(false);
  });
});
