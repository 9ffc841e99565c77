import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  activeCallId,
  expectAgentHearsTone,
  expectPhoneShowsAgentAudio,
  opusPacketsWithin,
  relayOf,
  waitUntilAudioConnected,
} from './audio-checks';
import { launchBrowser, openDemo } from './demo-harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('story 6: an incoming call answered in the console carries audio both ways', async () => {
  const demo = await openDemo(browser);
  try {
    const { phone, ticket } = demo;
    await demo.openTicket('Maria Silva');
    await demo.usePhoneOf('Maria Silva');

    await phone.getByRole('button', { name: 'Call the business' }).click();
    await demo.latestCallStatus('Ringing').waitFor();
    const relay = relayOf(demo, activeCallId(demo, 'Maria Silva'));

    await ticket.getByRole('button', { name: 'Answer call' }).click();
    await demo.latestCallStatus('Ongoing').waitFor();
    await waitUntilAudioConnected(demo, relay);

    // Opus frames are 20 ms: a live microphone sends about 100 in 2 s.
    expect(await opusPacketsWithin(relay, 2000)).toBeGreaterThanOrEqual(50);
    await expectAgentHearsTone(demo);
    await expectPhoneShowsAgentAudio(demo);
    expect(relay.stats().packetsSent).toBeGreaterThan(0);

    await phone.getByRole('button', { name: 'Hang up' }).click();
    await demo.latestCallStatus('Completed').waitFor();
    await expect.poll(() => relay.connectionState).toBe('closed');
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});
