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
