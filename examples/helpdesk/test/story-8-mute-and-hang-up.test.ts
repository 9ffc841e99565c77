import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  activeCallId,
  agentAudio,
  opusPacketsWithin,
  relayOf,
  waitUntilAudioConnected,
} from './audio-checks';
import { launchBrowser, openDemo } from './demo-harness';
import { microphoneStates } from './media-probe';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('story 8: mute stops the agent’s audio, unmute resumes it, and End call releases the microphone', async () => {
  const demo = await openDemo(browser);
  try {
    const { page, phone, ticket } = demo;
    await demo.openTicket('Maria Silva');
    await demo.usePhoneOf('Maria Silva');
    await phone.getByRole('button', { name: 'Call the business' }).click();
    await demo.latestCallStatus('Ringing').waitFor();
    const relay = relayOf(demo, activeCallId(demo, 'Maria Silva'));
    await ticket.getByRole('button', { name: 'Answer call' }).click();
    await waitUntilAudioConnected(demo, relay);
    const received = () => relay.stats().opusPacketsReceived;
    await expect.poll(received).toBeGreaterThan(0);

    const mute = agentAudio(demo).getByRole('button', { name: 'Mute' });
    await mute.click();
    await expect.poll(() => mute.getAttribute('aria-pressed')).toBe('true');
    // Packets already in flight may still land: wait until two reads in a row agree, then hold.
    let previous = -1;
    await expect
      .poll(
        () => {
          const now = received();
          const settled = now === previous;
          previous = now;
          return settled;
        },
        { interval: 250 },
      )
      .toBe(true);
    // Whether a count stops growing takes a window to see: a second of a live microphone is ~50.
    expect(await opusPacketsWithin(relay, 1000)).toBe(0);
    const whileMuted = received();
    // Muted means silence, not a dropped call: the relay stays connected.
    expect(relay.connectionState).toBe('connected');

    await mute.click();
    await expect.poll(() => mute.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(received).toBeGreaterThan(whileMuted + 10);

    expect(await microphoneStates(page)).toEqual(['live']);
    await ticket.getByRole('button', { name: 'End call' }).click();
    await demo.latestCallStatus('Completed').waitFor();
    await expect.poll(() => microphoneStates(page)).toEqual(['ended']);
    await expect.poll(() => relay.connectionState).toBe('closed');
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});
