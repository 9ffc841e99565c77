import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctiveToken, exposes, leakCases, provoke, views } from '../../test/token-leaks';
import { ErrorCause } from '../errors/error-cause';

// Each failure path × each way an error reaches a log. A fresh token per test, so one test's
// redaction cannot hide another's leak.
describe('the token table', () => {
  it.each(leakCases)('$name: no view of the error holds the token', async (leakCase) => {
    const token = distinctiveToken();
    const { error, events } = await provoke(leakCase, token);
    expect((error as Error).name).toBe(leakCase.expected);
    for (const [view, text] of Object.entries(views(error))) {
      expect({ view, leaked: exposes(text, token) }).toEqual({ view, leaked: false });
    }
    expect(exposes(JSON.stringify(events), token)).toBe(false);
    expect(exposes(inspect(events, { depth: 10 }), token)).toBe(false);
  });

  it('keeps what an operator needs: names, codes, fbtraceId and the cause chain', async () => {
    const token = distinctiveToken();
    const byName = (name: string) => leakCases.find((leakCase) => leakCase.name.startsWith(name))!;

    const refused = (await provoke(byName('401'), token)).error as Record<string, unknown>;
    expect(refused).toMatchObject({
      code: 190,
      fbtraceId: 'Trace-[redacted]',
      userMessage: 'The token [redacted] is not valid',
    });

    const unreadable = (await provoke(byName('200 with an unreadable'), token)).error as Error;
    expect(unreadable).toMatchObject({ fbtraceId: '[redacted]' });
    expect(unreadable.message).toContain('report the fbtraceId [redacted]');

    const misshapen = (await provoke(byName('200 JSON'), token)).error as Error;
    expect(misshapen).toMatchObject({ fbtraceId: '[redacted]' });
    expect(misshapen.message).toContain('permission.status: expected string');

    const refusedConnect = (await provoke(byName('custom fetch throwing a TypeError'), token))
      .error as Error;
    expect(refusedConnect.message).toContain('(fetch failed: ECONNREFUSED)');
    expect(refusedConnect.cause).toBeInstanceOf(ErrorCause);
    expect(JSON.parse(JSON.stringify(refusedConnect))).toMatchObject({
      cause: {
        name: 'TypeError',
        message: 'fetch failed',
        cause: {
          name: 'Error',
          code: 'ECONNREFUSED',
          message: 'connect ECONNREFUSED ?access_token=[redacted]',
        },
      },
    });
  });

  it('drops the request, response and options an HTTP library error carries', async () => {
    const token = distinctiveToken();
    const leakCase = leakCases.find((each) => each.name.includes('carries the Request'))!;
    const { error } = await provoke(leakCase, token);
    const cause = (error as Error).cause as Record<string, unknown>;
    expect(cause).toBeInstanceOf(ErrorCause);
    expect(Object.keys(cause).filter((key) => key !== 'name')).toEqual([]);
    expect(cause.request).toBeUndefined();
    expect(cause.response).toBeUndefined();
    expect(cause.options).toBeUndefined();
    expect(cause).toMatchObject({
      name: 'HTTPError',
      message: expect.stringMatching(/^Request failed: POST https:/),
    });
    expect(inspect(error, { depth: 10 })).not.toMatch(/authorization|Request \{|Headers/i);
  });

  it('ends cyclic and deep cause chains', async () => {
    const token = distinctiveToken();
    const chainOf = async (name: string) => {
      const leakCase = leakCases.find((each) => each.name.includes(name))!;
      const names: string[] = [];
      let link = ((await provoke(leakCase, token)).error as Error).cause;
      for (; link instanceof Error; link = link.cause) names.push(link.name);
      return names;
    };
    expect(await chainOf('cyclic')).toEqual(['FirstError', 'SecondError']);
    expect(await chainOf('200-deep')).toHaveLength(8);
  });

  it('holds for any token, including regex-special, quoting and non-ASCII characters', async () => {
    // A fixed random prefix keeps a generated token from being a substring of ordinary text.
    const tokens = fc
      .tuple(
        fc.stringMatching(/^[a-z0-9]{12}$/),
        fc.string({ unit: fc.constantFrom(...'\\"\'$^.*+?()[]{}|/%&=#:;,<>`~!@'), minLength: 1 }),
        // Now and then a character no header can carry: the client must refuse it without quoting it.
        fc.oneof(
          { weight: 5, arbitrary: fc.constant('') },
          { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }) },
        ),
      )
      .map(([prefix, special, tail]) => `${prefix}${special}${tail}`);
    await fc.assert(
      fc.asyncProperty(tokens, fc.constantFrom(...leakCases), async (token, leakCase) => {
        const { error, events } = await provoke(leakCase, token);
        for (const text of Object.values(views(error))) expect(exposes(text, token)).toBe(false);
        expect(exposes(JSON.stringify(events), token)).toBe(false);
        expect(exposes(inspect(events, { depth: 10 }), token)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
