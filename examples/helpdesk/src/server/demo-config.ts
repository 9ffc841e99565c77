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

/** Where the facade keeps its state, and how many helpdesk servers share it. */
export interface FleetConfig {
  /** Absent: one MemoryStore in this process. */
  redis?: RedisConfig;
  /** Helpdesk servers in this process, on PORT, PORT+1, … (1 unless `WACALL_INSTANCES` says more). */
  instances: number;
}

export interface RedisConfig {
  url: string;
  /** Prepended to every key the demo writes. */
  prefix: string;
}

const maxInstances = 8;

/**
 * Reads `REDIS_URL`, `REDIS_PREFIX` and `WACALL_INSTANCES`. On the simulator the prefix gets `runId`
 * appended: the simulated WhatsApp starts empty on every run, so state an earlier run left in Redis
 * would contradict it. Against the Cloud API the prefix is used as given, so every process started
 * with the same variables is one helpdesk.
 */
export function readFleetConfig(
  env: Record<string, string | undefined>,
  run: { mode: DemoMode; runId: string },
): FleetConfig {
  const rawInstances = env['WACALL_INSTANCES']?.trim() ?? '';
  const instances = rawInstances === '' ? 1 : Number(rawInstances);
  if (!Number.isInteger(instances) || instances < 1 || instances > maxInstances) {
    throw new Error(
      `WACALL_INSTANCES must be a whole number from 1 to ${maxInstances} (got "${rawInstances}").`,
    );
  }
  const url = env['REDIS_URL']?.trim() ?? '';
  if (url === '') {
    if (instances > 1) {
      throw new Error(
        `WACALL_INSTANCES=${instances} needs REDIS_URL: instances share calls, permissions and tickets only through Redis.`,
      );
    }
    return { instances };
  }
  redisLocation(url);
  const prefix = env['REDIS_PREFIX']?.trim() || 'wacall-demo:';
  return {
    instances,
    redis: { url, prefix: run.mode === 'simulator' ? `${prefix}${run.runId}:` : prefix },
  };
}

/**
 * `redis://host:port/db` without the user name and password, for the log and for error messages.
 * Throws when `url` is not a Redis URL; the message never repeats it, as it may carry a password.
 */
export function redisLocation(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL('invalid:');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(
      'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379 (redis://:password@host:6379/0 with a password).',
    );
  }
  const database = parsed.pathname.length > 1 ? parsed.pathname : '';
  return `${parsed.protocol}//${parsed.host}${database}`;
}
