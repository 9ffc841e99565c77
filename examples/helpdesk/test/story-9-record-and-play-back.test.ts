import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openDemo } from './demo-harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('story 9: the agent records a call, then plays the recording back in the ticket', async () => {
  const demo = await openDemo(browser);
  try {
    const { page, phone, ticket, callButton } = demo;
    await demo.openTicket('Ana Costa');
    await demo.usePhoneOf('Ana Costa');

    await ticket.getByRole('checkbox', { name: /Record calls I place/ }).check();
    await callButton.click();
    await phone.getByRole('heading', { name: 'The business is calling' }).waitFor();
    await phone.getByRole('button', { name: 'Answer' }).click();
    await demo.latestCallStatus('Ongoing').waitFor();
    await page.waitForTimeout(2500);
    await ticket.getByRole('button', { name: 'End call' }).click();
    await demo.latestCallStatus('Completed').waitFor();

    await demo.activity('Call recording available').waitFor();
    await ticket.getByRole('button', { name: 'Play recording' }).click();
    const player = ticket.getByRole('region', { name: 'Call recording' }).locator('audio');
    await player.waitFor();
    // The player accepted the OGG/Opus file the server fetched with its token…
    await expect
      .poll(() => player.evaluate((audio: HTMLAudioElement) => audio.readyState), {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(1);
    expect(await player.evaluate((audio: HTMLAudioElement) => audio.error)).toBeNull();
    // …and the browser's own decoder finds whole seconds of sound in it.
    const src = (await player.getAttribute('src')) ?? '';
    const decoded = await page.evaluate(async (url) => {
      const response = await fetch(url);
      const bytes = await response.arrayBuffer();
      const audio = await new OfflineAudioContext(1, 48_000, 48_000).decodeAudioData(bytes);
      const samples = audio.getChannelData(0);
      const peak = samples.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
      return { type: response.headers.get('content-type'), seconds: audio.duration, peak };
    }, src);
    expect(decoded.type).toBe('audio/ogg; codecs=opus');
    expect(decoded.seconds).toBeGreaterThanOrEqual(1);
    expect(decoded.seconds).toBeLessThanOrEqual(10);
    expect(decoded.peak).toBeGreaterThan(0.1);
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});
