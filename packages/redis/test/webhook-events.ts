// Webhook events for the facade tests on Redis, shaped like parseWebhook's output.
import { createClient } from '@wacall/core';
import type { WhatsAppClient } from '@wacall/core';

export const phoneNumberId = '106540352242922';
export const businessNumber = '+55 11 95555 0100';
export const customer = '4915112345678';
export const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
export const at = (seconds: number) => t0 + seconds * 1000;

/** The fields every event carries, at `seconds` after t0. */
export const base = (seconds: number) => ({
  wabaId: '102290129340398',
  phoneNumberId,
  displayPhoneNumber: '5511955550100',
  timestamp: at(seconds),
  raw: {},
});

/** A client for ingesting only: any call to the Cloud API fails the test. */
export function ingestOnlyClient(): WhatsAppClient {
  return createClient({
    accessToken: 'test-token',
    phoneNumberId,
    fetch: () => Promise.reject(new Error('ingest must not call the Cloud API')),
  });
}
