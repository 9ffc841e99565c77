import * as z from 'zod/mini';
import type { RequestOptions } from './client-options';
import { readResponse } from './read-response';
import type { ResourceContext } from './resource-context';
import { checkCallingSettings } from './settings-validate';
import type { CallingSettings } from './settings-types';
import { SettingsResponse, fromWire, toWire } from './settings-wire';
import { issuesFor } from './validate';

export interface GetSettingsOptions extends RequestOptions {
  /** Ask Meta to include each SIP server's `sipUserPassword`. */
  includeSipCredentials?: boolean;
}

/** `client.settings`: the number's calling settings (`/{phone-number-id}/settings`). */
export interface SettingsResource {
  /** Reads the calling settings, normalised. Retried on transient failures. */
  get(options?: GetSettingsOptions): Promise<CallingSettings>;
  /**
   * Changes the calling settings; keys you leave out are not sent. `callHours` replaces the
   * previous call hours as a whole. Validated first; retried on transient failures.
   */
  update(calling: CallingSettings, options?: RequestOptions): Promise<void>;
}

const UpdateResponse = z.looseObject({ success: z.literal(true) });
const READ_ONLY = ['restrictions'];

/** @internal Builds `client.settings`. */
export function createSettingsResource(context: ResourceContext): SettingsResource {
  const path = `${context.phoneNumberId}/settings`;
  return {
    async get(options = {}) {
      const operation = 'settings.get';
      const result = await context.send(
        {
          operation,
          method: 'GET',
          path,
          query: { include_sip_credentials: options.includeSipCredentials ? 'true' : undefined },
          repeatable: true,
        },
        { signal: options.signal },
      );
      const body = readResponse(SettingsResponse, result, operation);
      return body.calling ? fromWire(body.calling) : {};
    },

    async update(calling, options) {
      const operation = 'settings.update';
      const issues = issuesFor(operation);
      const writable = Object.keys(calling ?? {}).filter((key) => !READ_ONLY.includes(key));
      if (typeof calling !== 'object' || calling === null || writable.length === 0) {
        issues.add(
          'calling',
          'must contain at least one setting to change.',
          "Pass e.g. { status: 'enabled' }.",
        );
        issues.throwIfAny();
      }
      checkCallingSettings(issues, calling, Date.now());
      issues.throwIfAny();
      const result = await context.send(
        // Setting the same values twice leaves the same state, so a retry is harmless.
        { operation, method: 'POST', path, body: { calling: toWire(calling) }, repeatable: true },
        options,
      );
      readResponse(UpdateResponse, result, operation);
    },
  };
}
