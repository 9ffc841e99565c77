import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openDemo, resultsDir } from './demo-harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('story 1: the customer calls in, the agent answers, the customer hangs up — the ticket records it', async () => {
  const demo = await openDemo(browser);
  try {
    const { phone, ticket, latestCall } = demo;
    await demo.openTicket('Maria Silva');
    await demo.usePhoneOf('Maria Silva');

    await phone.getByRole('button', { name: 'Call the business' }).click();
    await demo.ticketRow('Maria Silva').getByText('Incoming call').waitFor();
    await demo.latestCallStatus('Ringing').waitFor();

    await ticket.getByRole('button', { name: 'Answer call' }).click();
    await demo.latestCallStatus('Ongoing').waitFor();
    await demo.ticketRow('Maria Silva').getByText('In call').waitFor();
    await phone.getByRole('heading', { name: 'On a call with the business' }).waitFor();

    await phone.getByRole('button', { name: 'Hang up' }).click();
    await demo.latestCallStatus('Completed').waitFor();
    await demo.activity(/^Picked up by Ana after \d+ s$/).waitFor();
    await demo.activity(/^Ended by the customer after \d+:\d\d$/).waitFor();

    const outcome = latestCall.getByRole('group', { name: 'Ticket outcome' });
    await outcome.waitFor();
    const summary = (await outcome.innerText()).replace(/\s+/g, ' ');
    expect(summary).toMatch(/Outcome Completed/);
    expect(summary).toMatch(/Talk time \d+:\d\d/);
    expect(summary).toMatch(/Ended by the customer/);
    expect(summary).toMatch(/Agent Ana/);
    await expect.poll(() => demo.ticketRow('Maria Silva').getByText('In call').count()).toBe(0);

    mkdirSync(resultsDir, { recursive: true });
    await demo.agent.screenshot({
      path: `${resultsDir}agent-console-after-incoming-call.png`,
    });
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});
