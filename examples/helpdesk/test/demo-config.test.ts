import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { postgresLocation, readFleetConfig, redisLocation } from '../src/server/demo-config';

const dataDir = '/srv/helpdesk/.data';
const simulator = { mode: 'simulator', runId: 'run1', dataDir } as const;
const cloud = { mode: 'cloud', runId: 'run1', dataDir } as const;
const secret = 'hunter2-very-secret';

function messageOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('Expected the settings to be refused.');
}

it('keeps state in a PGlite folder of the demo when nothing is set, or in WACALL_DATA_DIR', () => {
  expect(readFleetConfig({}, simulator)).toEqual({
    instances: 1,
    store: { kind: 'pglite', dataDir },
  });
  expect(readFleetConfig({ WACALL_DATA_DIR: ' /tmp/desk ' }, cloud)).toEqual({
    instances: 1,
    store: { kind: 'pglite', dataDir: '/tmp/desk' },
  });
  // A relative folder is taken from where the demo was started.
  expect(readFleetConfig({ WACALL_DATA_DIR: 'state' }, simulator).store).toEqual({
    kind: 'pglite',
    dataDir: resolve('state'),
  });
});

it('keeps state in memory with WACALL_STORE=memory, as before', () => {
  expect(readFleetConfig({ WACALL_STORE: 'memory' }, simulator)).toEqual({
    instances: 1,
    store: { kind: 'memory' },
  });
});

it('uses a PostgreSQL server for DATABASE_URL, also as a fleet of instances', () => {
  for (const url of ['postgres://desk:pw@127.0.0.1:5432/helpdesk', 'postgresql://db/helpdesk']) {
    expect(readFleetConfig({ DATABASE_URL: url }, simulator)).toEqual({
      instances: 1,
      store: { kind: 'postgres', url },
    });
  }
  expect(
    readFleetConfig({ DATABASE_URL: 'postgres://db/helpdesk', WACALL_INSTANCES: '3' }, cloud),
  ).toEqual({ instances: 3, store: { kind: 'postgres', url: 'postgres://db/helpdesk' } });
});

it('puts a simulator run on Redis under a prefix of its own, and the Cloud API under the prefix as given', () => {
  const env = { REDIS_URL: 'redis://127.0.0.1:6379', WACALL_INSTANCES: '2' };
  expect(readFleetConfig(env, simulator)).toEqual({
    instances: 2,
    store: { kind: 'redis', url: 'redis://127.0.0.1:6379', prefix: 'wacall-demo:run1:' },
  });
  expect(readFleetConfig({ ...env, REDIS_PREFIX: 'desk:' }, cloud)).toEqual({
    instances: 2,
    store: { kind: 'redis', url: 'redis://127.0.0.1:6379', prefix: 'desk:' },
  });
});

it('refuses several instances on a store they cannot share, and instance counts that are not 1 to 8', () => {
  expect(messageOf(() => readFleetConfig({ WACALL_INSTANCES: '2' }, simulator))).toBe(
    'WACALL_INSTANCES=2 needs a store the instances share (one process owns a PGlite folder): set DATABASE_URL or REDIS_URL.',
  );
  expect(
    messageOf(() => readFleetConfig({ WACALL_INSTANCES: '2', WACALL_STORE: 'memory' }, simulator)),
  ).toBe(
    'WACALL_INSTANCES=2 needs a store the instances share (memory belongs to one instance): set DATABASE_URL or REDIS_URL.',
  );
  for (const bad of ['0', '9', '1.5', 'two']) {
    expect(() => readFleetConfig({ WACALL_INSTANCES: bad }, simulator)).toThrow(
      `WACALL_INSTANCES must be a whole number from 1 to 8 (got "${bad}")`,
    );
  }
});

it('refuses contradictory store settings, saying what to unset', () => {
  const postgres = `postgres://desk:${secret}@127.0.0.1/helpdesk`;
  const redis = `redis://:${secret}@127.0.0.1:6379`;
  const refusals: [Record<string, string>, string][] = [
    [
      { DATABASE_URL: postgres, REDIS_URL: redis },
      'Set DATABASE_URL or REDIS_URL, not both: state lives in PostgreSQL or in Redis. Unset one of them.',
    ],
    [
      { WACALL_STORE: 'memory', DATABASE_URL: postgres },
      'WACALL_STORE=memory keeps state in memory, yet DATABASE_URL is set: unset one or the other.',
    ],
    [
      { WACALL_STORE: 'memory', REDIS_URL: redis, WACALL_DATA_DIR: '/tmp/desk' },
      'WACALL_STORE=memory keeps state in memory, yet REDIS_URL and WACALL_DATA_DIR are set: unset one or the other.',
    ],
    [
      { WACALL_DATA_DIR: '/tmp/desk', DATABASE_URL: postgres },
      'WACALL_DATA_DIR names a PGlite folder, which DATABASE_URL replaces: unset one of them.',
    ],
    [
      { WACALL_DATA_DIR: '/tmp/desk', REDIS_URL: redis },
      'WACALL_DATA_DIR names a PGlite folder, which REDIS_URL replaces: unset one of them.',
    ],
    [
      { WACALL_STORE: 'postgres' },
      'WACALL_STORE takes only "memory" (got "postgres"). Leave it unset to keep state in a PGlite folder, or set DATABASE_URL or REDIS_URL for a server.',
    ],
  ];
  for (const [env, message] of refusals) {
    const refused = messageOf(() => readFleetConfig(env, simulator));
    expect(refused).toBe(message);
    expect(refused).not.toContain(secret);
  }
});

it('refuses a DATABASE_URL that is not one without repeating it, and never prints its password', () => {
  const refused = messageOf(() =>
    readFleetConfig({ DATABASE_URL: `mysql://root:${secret}@db/helpdesk` }, simulator),
  );
  expect(refused).toMatch(/^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
  expect(refused).not.toContain(secret);
  expect(messageOf(() => readFleetConfig({ DATABASE_URL: 'not a url' }, simulator))).toMatch(
    /^DATABASE_URL must be/,
  );
  expect(postgresLocation(`postgres://desk:${secret}@10.0.0.5:6432/helpdesk?sslmode=require`)).toBe(
    'postgres://10.0.0.5:6432/helpdesk',
  );
  expect(
    postgresLocation(`postgresql:///helpdesk?host=/var/run/postgresql&password=${secret}`),
  ).toBe('postgresql:///helpdesk (socket /var/run/postgresql)');
});

it('refuses a REDIS_URL that is not one without repeating it, and never prints its password', () => {
  const message = messageOf(() =>
    readFleetConfig({ REDIS_URL: `http://user:${secret}@example.com` }, simulator),
  );
  expect(message).toMatch(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  expect(message).not.toContain(secret);
  expect(redisLocation(`redis://:${secret}@10.0.0.5:6380/2`)).toBe('redis://10.0.0.5:6380/2');
  expect(redisLocation(`rediss://default:${secret}@cache.example.com`)).toBe(
    'rediss://cache.example.com',
  );
});
