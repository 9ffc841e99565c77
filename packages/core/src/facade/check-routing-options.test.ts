import { describe, expect, it } from 'vitest';
import { testClient } from '../client/test-graph';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import { createWacall } from '../wacall';
import type { RoutingOptions } from './agent-types';

function issues(routing: unknown) {
  try {
    createWacall({
      client: testClient(),
      businessNumber: '+55 11 95555 0100',
      routing: routing as RoutingOptions,
    });
  } catch (error) {
    if (isWacallValidationError(error)) return error.issues;
    throw error;
  }
  return [];
}

describe('createWacall routing option', () => {
  it('accepts each strategy, with or without ring time and assignee', () => {
    expect(issues({ strategy: 'ring_all' })).toEqual([]);
    expect(issues({ strategy: 'longest_idle', ringSeconds: 5 })).toEqual([]);
    expect(
      issues({ strategy: 'round_robin', ringSeconds: 120, assignee: () => undefined }),
    ).toEqual([]);
  });

  it('names every bad field with a fix', () => {
    const found = issues({ strategy: 'random', ringSeconds: 2.5, assignee: 'agent-ana' });
    expect(found.map((issue) => issue.path)).toEqual([
      'routing.strategy',
      'routing.ringSeconds',
      'routing.assignee',
    ]);
    expect(found[0]?.message).toContain('ring_all, longest_idle, round_robin (got "random")');
    expect(found[1]?.fix).toContain('ringSeconds: 20');
  });

  it('refuses ring times outside 5–120 s and a routing that is not an object', () => {
    expect(issues({ strategy: 'ring_all', ringSeconds: 4 })[0]?.message).toContain('from 5 to 120');
    expect(issues({ strategy: 'ring_all', ringSeconds: 121 })).toHaveLength(1);
    expect(issues('ring_all')[0]).toMatchObject({ path: 'routing' });
  });
});
