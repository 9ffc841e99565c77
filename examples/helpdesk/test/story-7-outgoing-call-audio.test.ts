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

it('story 7: a call the agent places carries audio both ways once the customer answers', async () => {
  const demo = await openDemo(browser);
  try {
    const { phone, ticket, callButton } = demo;
    // Ana allowed calls permanently, so the button calls at once.
    await demo.openTicket('Ana Costa');
    await demo.usePhoneOf('Ana Costa');

    await callButton.click();
    await phone.getByRole('heading', { name: 'The business is calling' }).waitFor();
    const relay = relayOf(demo, activeCallId(demo, 'Ana Costa'));
    await phone.getByRole('button', { name: 'Answer' }).click();
    await demo.latestCallStatus('Ongoing').waitFor();
    await waitUntilAudioConnected(demo, relay);

    expect(await opusPacketsWithin(relay, 2000)).toBeGreaterThanOrEqual(50);
    await expectAgentHearsTone(demo);
    await expectPhoneShowsAgentAudio(demo);

    await ticket.getByRole('button', { name: 'End call' }).click();
    await demo.latestCallStatus('Completed').waitFor();
    await expect.poll(() => relay.connectionState).toBe('closed');
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});
