import { describe, expect, it } from 'vitest';
import * as browser from './browser';
import * as engine from './engine';
import * as root from './index';

// The root is what a helpdesk integrates; everything under `createWacall` lives in `./engine`. A value
// added to the root is a promise kept for a major version, so it is added here on purpose.
const rootValues = [
  'CallLifecycleError',
  'DEFAULT_API_VERSION',
  'DEFAULT_BASE_URL',
  'DEFAULT_TIMEOUT_MS',
  'MemoryStore',
  'PermissionEngineError',
  'StoreError',
  'WacallDecisionError',
  'WacallError',
  'WacallNetworkError',
  'WacallResponseError',
  'WacallTimeoutError',
  'WacallValidationError',
  'WebhookPayloadError',
  'WhatsAppApiError',
  'createClient',
  'createWacall',
  'decisionMessages',
  'defaultActivityMessages',
  'eventKey',
  'formatActivity',
  'isCallLifecycleError',
  'isPermissionEngineError',
  'isStoreError',
  'isWacallDecisionError',
  'isWacallNetworkError',
  'isWacallResponseError',
  'isWacallTimeoutError',
  'isWacallValidationError',
  'isWebhookPayloadError',
  'isWhatsAppApiError',
  'parseCallTranscript',
  'parseWebhook',
  'summariseError',
  'summarizeCall',
];

describe('the public surface', () => {
  it('keeps the root to what a helpdesk integrates', () => {
    expect(Object.keys(root).sort()).toEqual([...rootValues].sort());
  });

  it('exports every error class with its guard from the root', () => {
    const classes = Object.keys(root).filter((name) => /^[A-Z]\w*Error$/.test(name));
    for (const name of classes) {
      if (name === 'WacallError') continue; // the base class; `instanceof` is its guard
      expect(Object.keys(root), name).toContain(`is${name}`);
    }
  });

  it('keeps the building blocks out of the root and in the engine entry', () => {
    for (const name of Object.keys(engine)) {
      expect(Object.keys(root), name).not.toContain(name);
    }
    for (const name of [
      'createPermissionEngine',
      'applyCallEvent',
      'deriveCallRecord',
      'checkCommit',
    ]) {
      expect(Object.keys(engine)).toContain(name);
    }
  });

  it('offers the browser entry’s rules from the engine entry too', () => {
    for (const name of Object.keys(browser)) {
      if (name === 'WacallError') continue;
      expect(Object.keys(engine), name).toContain(name);
    }
  });
});
