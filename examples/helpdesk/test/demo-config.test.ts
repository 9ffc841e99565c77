import { expect, it } from 'vitest';
import { readFleetConfig, redisLocation } from '../src/server/demo-config';

const simulator = { mode: 'simulator', runId: 'run1' } as const;
const cloud = { mode: 'cloud', runId: 'run1' } as const;

it('runs one instance in memory when nothing is set', () => {
  expect(readFleetConfig({}, simulator)).toEqual({ instances: 1 });
});

it('puts a simulator run under a prefix of its own, and the Cloud API under the prefix as given', () => {
  const env = { REDIS_URL: 'redis://127.0.0.1:6379', WACALL_INSTANCES: '2' };
  expect(readFleetConfig(env, simulator)).toEqual({
    instances: 2,
    redis: { url: 'redis://127.0.0.1:6379', prefix: 'wacall-demo:run1:' },
  });
  expect(readFleetConfig({ ...env, REDIS_PREFIX: 'desk:' }, cloud)).toEqual({
    instances: 2,
    redis: { url: 'redis://127.0.0.1:6379', prefix: 'desk:' },
  });
});

it('refuses several instances without Redis, and instance counts that are not 1 to 8', () => {
  expect(() => readFleetConfig({ WACALL_INSTANCES: '2' }, simulator)).toThrow(
    'WACALL_INSTANCES=2 needs REDIS_URL',
  );
  for (const bad of ['0', '9', '1.5', 'two']) {
    expect(() => readFleetConfig({ WACALL_INSTANCES: bad }, simulator)).toThrow(
      `WACALL_INSTANCES must be a whole number from 1 to 8 (got "${bad}")`,
    );
  }
});

it('refuses a REDIS_URL that is not one without repeating it, and never prints its password', () => {
  const secret = 'hunter2-very-secret';
  let message = '';
  try {
    readFleetConfig({ REDIS_URL: `http://user:${secret}@example.com` }, simulator);
  } catch (error) {
    message = error instanceof Error ? error.message : '';
  }
  expect(message).toMatch(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  expect(message).not.toContain(secret);
  expect(redisLocation(`redis://:${secret}@10.0.0.5:6380/2`)).toBe('redis://10.0.0.5:6380/2');
  expect(redisLocation(`rediss://default:${secret}@cache.example.com`)).toBe(
    'rediss://cache.example.com',
  );
});
