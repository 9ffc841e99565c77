import { resolve } from 'node:path';
import type { DemoMode } from '../shared/api-types';

/** The variables that switch the demo from the simulator to Meta's Cloud API. */
export const cloudVariables = [
  'WHATSAPP_ACCESS_TOKEN',
  'WHATSAPP_PHONE_NUMBER_ID',
  'WHATSAPP_APP_SECRET',
  'WHATSAPP_VERIFY_TOKEN',
  'WHATSAPP_BUSINESS_NUMBER',
] as const;

export interface SimulatorConfig {
  mode: Extract<DemoMode, 'simulator'>;
}

export interface CloudConfig {
  mode: Extract<DemoMode, 'cloud'>;
  accessToken: string;
  phoneNumberId: string;
  appSecret: string;
  verifyToken: string;
  /** International format, e.g. `+44 20 7946 0000`. */
  businessNumber: string;
  /** Needed to list templates; without it the modal offers free-form messages only. */
  wabaId?: string;
}

export type DemoConfig = SimulatorConfig | CloudConfig;

/**
 * Reads the mode from the environment: all cloud variables set means Meta's Cloud API, none means the
 * simulator. A partial set is refused, naming what is missing, so a typo never silently runs offline.
 */
export function readDemoConfig(env: Record<string, string | undefined>): DemoConfig {
  const present = cloudVariables.filter((name) => nonEmpty(env[name]));
  if (present.length === 0) return { mode: 'simulator' };
  const missing = cloudVariables.filter((name) => !nonEmpty(env[name]));
  if (missing.length > 0) {
    throw new Error(
      `Set all of ${cloudVariables.join(', ')} to use the Cloud API (missing: ${missing.join(', ')}), or none of them to run on the simulator.`,
    );
  }
  const value = (name: (typeof cloudVariables)[number]) => (env[name] ?? '').trim();
  const wabaId = env['WHATSAPP_WABA_ID']?.trim();
  return {
    mode: 'cloud',
    accessToken: value('WHATSAPP_ACCESS_TOKEN'),
    phoneNumberId: value('WHATSAPP_PHONE_NUMBER_ID'),
    appSecret: value('WHATSAPP_APP_SECRET'),
    verifyToken: value('WHATSAPP_VERIFY_TOKEN'),
    businessNumber: value('WHATSAPP_BUSINESS_NUMBER'),
    ...(wabaId ? { wabaId } : {}),
  };
}

/** The port from `PORT`, 5173 by default. */
export function readPort(env: Record<string, string | undefined>): number {
  const raw = env['PORT'];
  if (raw === undefined || raw === '') return 5173;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535 (got "${raw}").`);
  }
  return port;
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

/**
 * Where the helpdesk keeps its state: the facade's calls, permissions and activities, the tickets and,
 * on the simulator, the simulated WhatsApp's own memory.
 */
export type StoreChoice =
  /** An embedded PostgreSQL (PGlite) in a folder: survives restarts, one process at a time. */
  | { kind: 'pglite'; dataDir: string }
  /** A PostgreSQL server; each instance opens its own connections. */
  | { kind: 'postgres'; url: string }
  /** Redis, the fleet mode: each instance opens its own connection; `prefix` goes before every key. */
  | { kind: 'redis'; url: string; prefix: string }
  /** In this process only: a restart starts over. */
  | { kind: 'memory' };

/** Where the state lives, and how many helpdesk servers share it. */
export interface FleetConfig {
  store: StoreChoice;
  /** Helpdesk servers in this process, on PORT, PORT+1, … (1 unless `WACALL_INSTANCES` says more). */
  instances: number;
}

/** What `readFleetConfig` needs besides the environment. */
export interface FleetRun {
  mode: DemoMode;
  /** Appended to the Redis prefix on the simulator, so each run starts empty there. */
  runId: string;
  /** The PGlite folder when `WACALL_DATA_DIR` is not set (absolute). */
  dataDir: string;
}

const maxInstances = 8;

/**
 * Reads `WACALL_STORE`, `DATABASE_URL`, `WACALL_DATA_DIR`, `REDIS_URL`, `REDIS_PREFIX` and
 * `WACALL_INSTANCES`. By default state lives in an embedded PGlite under `run.dataDir`; `DATABASE_URL`
 * moves it to a PostgreSQL server, `REDIS_URL` to Redis, `WACALL_STORE=memory` keeps it in memory.
 * Contradictory settings are refused, naming what to change. On the simulator the Redis prefix gets
 * `runId` appended: Redis state is not carried over to the next run (the simulated WhatsApp would not
 * remember it). Against the Cloud API the prefix is used as given, so every process started with the
 * same variables is one helpdesk.
 */
export function readFleetConfig(
  env: Record<string, string | undefined>,
  run: FleetRun,
): FleetConfig {
  const rawInstances = env['WACALL_INSTANCES']?.trim() ?? '';
  const instances = rawInstances === '' ? 1 : Number(rawInstances);
  if (!Number.isInteger(instances) || instances < 1 || instances > maxInstances) {
    throw new Error(
      `WACALL_INSTANCES must be a whole number from 1 to ${maxInstances} (got "${rawInstances}").`,
    );
  }
  const store = readStoreChoice(env, run);
  if (instances > 1 && (store.kind === 'memory' || store.kind === 'pglite')) {
    const why =
      store.kind === 'pglite'
        ? 'one process owns a PGlite folder'
        : 'memory belongs to one instance';
    throw new Error(
      `WACALL_INSTANCES=${instances} needs a store the instances share (${why}): set DATABASE_URL or REDIS_URL.`,
    );
  }
  return { store, instances };
}

function readStoreChoice(env: Record<string, string | undefined>, run: FleetRun): StoreChoice {
  const value = (name: string) => env[name]?.trim() ?? '';
  const storeName = value('WACALL_STORE');
  const databaseUrl = value('DATABASE_URL');
  const redisUrl = value('REDIS_URL');
  const dataDir = value('WACALL_DATA_DIR');
  if (storeName !== '' && storeName !== 'memory') {
    throw new Error(
      `WACALL_STORE takes only "memory" (got "${storeName}"). Leave it unset to keep state in a PGlite folder, or set DATABASE_URL or REDIS_URL for a server.`,
    );
  }
  const set = [
    ...(databaseUrl ? ['DATABASE_URL'] : []),
    ...(redisUrl ? ['REDIS_URL'] : []),
    ...(dataDir ? ['WACALL_DATA_DIR'] : []),
  ];
  if (storeName === 'memory') {
    if (set.length > 0) {
      throw new Error(
        `WACALL_STORE=memory keeps state in memory, yet ${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set: unset one or the other.`,
      );
    }
    return { kind: 'memory' };
  }
  if (databaseUrl && redisUrl) {
    throw new Error(
      'Set DATABASE_URL or REDIS_URL, not both: state lives in PostgreSQL or in Redis. Unset one of them.',
    );
  }
  if (dataDir && (databaseUrl || redisUrl)) {
    throw new Error(
      `WACALL_DATA_DIR names a PGlite folder, which ${databaseUrl ? 'DATABASE_URL' : 'REDIS_URL'} replaces: unset one of them.`,
    );
  }
  if (databaseUrl) {
    postgresLocation(databaseUrl);
    return { kind: 'postgres', url: databaseUrl };
  }
  if (redisUrl) {
    redisLocation(redisUrl);
    const prefix = value('REDIS_PREFIX') || 'wacall-demo:';
    return {
      kind: 'redis',
      url: redisUrl,
      prefix: run.mode === 'simulator' ? `${prefix}${run.runId}:` : prefix,
    };
  }
  return { kind: 'pglite', dataDir: resolve(dataDir || run.dataDir) };
}

/**
 * `postgres://host:port/database` without the user name and password, for the log and for error
 * messages. Throws when `url` is not a PostgreSQL URL; the message never repeats it, as it may carry a
 * password.
 */
export function postgresLocation(url: string): string {
  const parsed = parseUrl(url);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(
      'DATABASE_URL must be a postgres:// or postgresql:// URL, e.g. postgres://helpdesk:password@127.0.0.1:5432/helpdesk.',
    );
  }
  // A Unix socket is named by the `host` parameter; the other parameters may hold a password.
  const socket = parsed.host === '' ? parsed.searchParams.get('host') : null;
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${socket ? ` (socket ${socket})` : ''}`;
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    return new URL('invalid:');
  }
}

/**
 * `redis://host:port/db` without the user name and password, for the log and for error messages.
 * Throws when `url` is not a Redis URL; the message never repeats it, as it may carry a password.
 */
export function redisLocation(url: string): string {
  const parsed = parseUrl(url);
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(
      'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379 (redis://:password@host:6379/0 with a password).',
    );
  }
  const database = parsed.pathname.length > 1 ? parsed.pathname : '';
  return `${parsed.protocol}//${parsed.host}${database}`;
}
