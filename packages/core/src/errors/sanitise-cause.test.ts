import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ErrorCause } from './error-cause';
import { MAX_CAUSE_DEPTH, sanitiseCause } from './sanitise-cause';

const token = 'tok-5f0c2e9a-(+*?)';
const redact = (text: string) => text.split(token).join('[redacted]');

describe('sanitiseCause', () => {
  it('keeps name, message, code and stack frames, redacted, and nothing else', () => {
    const original = Object.assign(new TypeError(`refused ${token}`), {
      code: 'ECONNREFUSED',
      request: new Request('https://graph.example/x', {
        headers: { authorization: `Bearer ${token}` },
      }),
      headers: { authorization: token },
    });
    const cause = sanitiseCause(original, redact)!;
    expect(cause).toBeInstanceOf(ErrorCause);
    expect(cause).toMatchObject({
      name: 'TypeError',
      message: 'refused [redacted]',
      code: 'ECONNREFUSED',
    });
    expect(cause.stack).toMatch(/^TypeError: refused \[redacted\]\n\s+at /);
    expect(cause.toJSON()).toEqual({
      name: 'TypeError',
      message: 'refused [redacted]',
      code: 'ECONNREFUSED',
    });
    expect(inspect(cause, { depth: 10 })).not.toMatch(/tok-5f0c|authorization|Request/);
  });

  it('follows the chain, stops at a loop and at the depth limit', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    const chain = (start: unknown) => {
      const names: string[] = [];
      for (let link = sanitiseCause(start); link; link = link.cause as ErrorCause | undefined)
        names.push(link.message);
      return names;
    };
    expect(chain(b)).toEqual(['b', 'a']);
    let deep: Error = new Error('0');
    for (let level = 1; level < 100; level++) deep = new Error(String(level), { cause: deep });
    expect(chain(deep)).toEqual(['99', '98', '97', '96', '95', '94', '93', '92']);
    expect(chain(deep)).toHaveLength(MAX_CAUSE_DEPTH);
  });

  it('reads thrown strings, plain objects and hostile objects without throwing', () => {
    expect(sanitiseCause(`boom ${token}`, redact)).toMatchObject({
      name: 'Error',
      message: 'boom [redacted]',
    });
    expect(sanitiseCause({ code: 42 })).toMatchObject({
      message: 'a thrown object',
      code: 42,
    });
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    expect(sanitiseCause(hostile)).toMatchObject({
      name: 'Error',
      message: 'a thrown object',
    });
    expect(sanitiseCause(undefined)).toBeUndefined();
  });

  it('clips a message the size of a web page', () => {
    const cause = sanitiseCause(new Error('x'.repeat(10_000)))!;
    expect(cause.message.length).toBeLessThanOrEqual(501);
    expect(cause.stack!.length).toBeLessThan(10_000);
  });

  it('masks credential-shaped text by default', () => {
    const cause = sanitiseCause(new Error('GET /x?access_token=abc123 with Bearer xyz789'))!;
    expect(cause.message).toBe('GET /x?access_token=[redacted] with Bearer [redacted]');
  });
});
