import { randomBytes } from 'node:crypto';
import { createClient, type WhatsAppClient } from '@wacall/core';
import { createCloudApiSimulator, type CloudApiSimulator, type SimulatorState } from '@wacall/mock';
import type { DemoConfig } from './demo-config';
import { demoTemplateReview } from './template-review';

/** The WhatsApp side of the demo: Meta's Cloud API, or the simulator standing in for it. */
export interface Platform {
  /**
   * A client of its own for each helpdesk instance, as each process of a fleet would build one from
   * the same credentials.
   */
  newClient(): WhatsAppClient;
  /** International format, e.g. `+5511955550100`. */
  businessNumber: string;
  appSecret: string;
  verifyToken: string;
  /** Present in simulator mode only: it also plays the customers. */
  simulator?: CloudApiSimulator;
}

/**
 * Builds the client the way the @wacall/core README shows. In simulator mode the secrets are random per
 * run: the simulator signs its webhooks with the same app secret the webhook handler checks. `saved` is
 * the simulated world an earlier run left (simulator mode only): the simulator carries on from it.
 */
export function createPlatform(
  config: DemoConfig,
  webhookUrl: string,
  saved?: SimulatorState,
): Platform {
  if (config.mode === 'cloud') {
    return {
      newClient: () =>
        createClient({
          accessToken: config.accessToken,
          phoneNumberId: config.phoneNumberId,
          ...(config.wabaId ? { wabaId: config.wabaId } : {}),
        }),
      businessNumber: config.businessNumber,
      appSecret: config.appSecret,
      verifyToken: config.verifyToken,
    };
  }
  const appSecret = randomSecret();
  // media: a werift peer plays Meta's relay on loopback, so the agent's browser carries real audio.
  const simulator = createCloudApiSimulator({
    appSecret,
    webhookUrl,
    media: true,
    templateReview: demoTemplateReview,
    ...(saved ? { state: saved } : {}),
  });
  const { phoneNumberId, wabaId, displayPhoneNumber } = simulator.businessNumber;
  const accessToken = randomSecret();
  return {
    // Every instance reaches the one simulated Cloud API, as every process would reach Meta's.
    newClient: () => createClient({ accessToken, phoneNumberId, wabaId, fetch: simulator.fetch }),
    businessNumber: `+${displayPhoneNumber}`,
    appSecret,
    verifyToken: randomSecret(),
    simulator,
  };
}

function randomSecret(): string {
  return randomBytes(24).toString('hex');
}
