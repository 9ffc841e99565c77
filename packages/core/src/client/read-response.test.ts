import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../errors/create-redactor';
import { readResponse } from './read-response';

describe('readResponse', () => {
  it('redacts problem paths, which can hold keys Meta sent back', () => {
    const token = 'tok.(+*?)[^$]{|}';
    const schema = z.record(z.string(), z.string());
    const result = { status: 200, body: { [token]: 7 }, redact: createRedactor(token) };
    const thrown = (() => {
      try {
        readResponse(schema, result, 'settings.get');
      } catch (error) {
        return error as { problems: string[]; message: string };
      }
      throw new Error('expected readResponse to throw');
    })();
    expect(thrown.problems).toEqual(['[redacted]: expected string']);
    expect(thrown.message).not.toContain(token);
  });
});
