import type * as WeriftModule from 'werift';
import { SimulatorUsageError } from '../errors/simulator-usage-error';

export type Werift = typeof WeriftModule;

/**
 * Imports werift, the optional peer behind `media: true`, on first use only: the signalling-only
 * simulator never needs it, so installs without it stay small. A missing werift becomes a
 * `SimulatorUsageError` that says how to install it.
 */
export async function loadWerift(
  importer: () => Promise<Werift> = () => import('werift'),
): Promise<Werift> {
  try {
    return await importer();
  } catch (error) {
    if (!isMissingModule(error)) throw error;
    throw new SimulatorUsageError(
      'The simulator was created with `media: true`, but werift (the optional peer dependency that plays Meta’s side of the call audio) is not installed.',
      'Install it next to @wacall/mock (`npm install --save-dev werift@^0.24`), or leave `media` off for SDP-only calls.',
    );
  }
}

function isMissingModule(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : '';
  const message = error instanceof Error ? error.message : '';
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes('werift')
  );
}
