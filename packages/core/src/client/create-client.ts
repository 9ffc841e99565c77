import { createAnalyticsResource, type AnalyticsResource } from './analytics';
import { createCallsResource, type CallsResource } from './calls';
import {
  DEFAULT_API_VERSION,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  type ClientOptions,
  type RetryPolicy,
} from './client-options';
import { createHealthResource, type HealthResource } from './health';
import { createMediaResource, type MediaResource } from './media';
import { createMessagesResource, type MessagesResource } from './messages';
import { createPermissionsResource, type PermissionsResource } from './permissions';
import { resolveRetryPolicy } from './retry';
import { createSettingsResource, type SettingsResource } from './settings';
import { createTemplatesResource, type TemplatesResource } from './templates';
import { createTransport } from './transport';
import { checkInteger, issuesFor, type Issues } from './validate';

/** A typed client of the WhatsApp Cloud Calling API, bound to one business phone number. */
export interface WhatsAppClient {
  readonly calls: CallsResource;
  readonly permissions: PermissionsResource;
  readonly settings: SettingsResource;
  readonly messages: MessagesResource;
  readonly templates: TemplatesResource;
  readonly health: HealthResource;
  readonly analytics: AnalyticsResource;
  readonly media: MediaResource;
  readonly phoneNumberId: string;
  readonly wabaId?: string;
  readonly apiVersion: string;
}

const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Creates a Cloud API client. Throws `WacallValidationError` when an option is unusable.
 * @example const wa = createClient({ accessToken, phoneNumberId: '106540352242922' });
 */
export function createClient(options: ClientOptions): WhatsAppClient {
  const issues = issuesFor('createClient');
  checkOptions(issues, options ?? ({} as ClientOptions));
  issues.throwIfAny();
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  const send = createTransport({
    accessToken: options.accessToken,
    apiVersion,
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch: options.fetch,
    retry: resolveRetryPolicy(options.retry),
    hooks: options.hooks,
  });
  const context = { send, phoneNumberId: options.phoneNumberId, wabaId: options.wabaId };
  return {
    calls: createCallsResource(context),
    permissions: createPermissionsResource(context),
    settings: createSettingsResource(context),
    messages: createMessagesResource(context),
    templates: createTemplatesResource(context),
    health: createHealthResource(context),
    analytics: createAnalyticsResource(context),
    media: createMediaResource(context),
    phoneNumberId: options.phoneNumberId,
    wabaId: options.wabaId,
    apiVersion,
  };
}

function checkOptions(issues: Issues, options: ClientOptions): void {
  const token = options.accessToken;
  if (typeof token !== 'string' || token === '' || /\s/.test(token)) {
    const fix = /^bearer\s/i.test(String(token))
      ? 'Pass the token alone; the client adds "Bearer ".'
      : 'Pass a system-user access token from Business Settings.';
    issues.add('accessToken', 'must be a non-empty token without spaces.', fix);
  } else if (/[^\x21-\x7e]/.test(token)) {
    // An HTTP header cannot carry it, and the runtime's complaint would quote the header.
    issues.add(
      'accessToken',
      'contains a character outside printable ASCII.',
      'Copy the token again from Business Settings; it may have picked up a stray character.',
    );
  }
  checkGraphId(issues, 'phoneNumberId', options.phoneNumberId, false);
  checkGraphId(issues, 'wabaId', options.wabaId, true);
  if (options.apiVersion !== undefined && !/^v\d+\.\d+$/.test(options.apiVersion)) {
    issues.add(
      'apiVersion',
      'must look like v25.0.',
      'Pass a Graph API version such as v25.0 (calling needs v17.0 or later).',
    );
  }
  if (options.baseUrl !== undefined && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(options.baseUrl)) {
    issues.add(
      'baseUrl',
      'must be an http(s) URL.',
      'Pass e.g. https://graph.facebook.com or http://localhost:4010.',
    );
  }
  checkInteger(issues, 'timeoutMs', options.timeoutMs, {
    min: 1,
    max: MAX_TIMEOUT_MS,
    optional: true,
    unit: 'ms',
  });
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    issues.add(
      'fetch',
      'must be a function.',
      'Pass a fetch implementation, or leave it out to use the global one.',
    );
  }
  if (options.retry !== undefined && options.retry !== false) checkRetry(issues, options.retry);
}

function checkGraphId(issues: Issues, path: string, value: unknown, optional: boolean): void {
  if ((optional && value === undefined) || (typeof value === 'string' && /^\d+$/.test(value)))
    return;
  const fix =
    typeof value === 'string' && value.startsWith('+')
      ? 'That is the display phone number; pass its numeric Graph id from WhatsApp Manager instead.'
      : 'Pass the numeric id from WhatsApp Manager (API Setup), as a string.';
  issues.add(path, 'must be a numeric Graph id.', fix);
}

function checkRetry(issues: Issues, retry: RetryPolicy): void {
  if (typeof retry !== 'object' || retry === null) {
    issues.add('retry', 'must be a policy object or false.', 'Pass e.g. { limit: 3 }, or false.');
    return;
  }
  const range = { min: 0, max: 10, optional: true };
  checkInteger(issues, 'retry.limit', retry.limit, range);
  const delay = { min: 0, max: MAX_TIMEOUT_MS, optional: true, unit: 'ms' };
  checkInteger(issues, 'retry.baseDelayMs', retry.baseDelayMs, delay);
  checkInteger(issues, 'retry.maxDelayMs', retry.maxDelayMs, delay);
  checkInteger(issues, 'retry.maxRetryAfterMs', retry.maxRetryAfterMs, delay);
}
