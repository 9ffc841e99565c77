import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { activeCallId, relayOf, waitUntilAudioConnected } from './audio-checks';
import { launchBrowser, openDemo, resultsDir, type AgentTab } from './demo-harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('story 12: an away agent is skipped — the call rings the available agent, who answers from the ring with audio', async () => {
  const demo = await openDemo(browser);
  try {
    const { phone, self: ana } = demo;
    const ben = await demo.openAgentTab('ben');
    await ben.choose('Away');
    const agents = await demo.helpdesk.wacall.listAgents();
    expect(agents.find((presence) => presence.agent.name === 'Ben')?.chosen).toBe('away');

    await demo.usePhoneOf('Maria Silva');
    await phone.getByRole('button', { name: 'Call the business' }).click();
    const ring = ana.offerFrom('Maria Silva');
    await ring.waitFor();
    await ring.getByText(/^Rings for \d+:\d\d more$/).waitFor();
    // Ben's tab follows the same stream and would have shown the ring by now.
    await demo.ticketRow('Maria Silva').getByText('Incoming call').waitFor();
    expect(await ben.offers.count()).toBe(0);

    const relay = relayOf(demo, activeCallId(demo, 'Maria Silva'));
    await ring.getByRole('button', { name: 'Answer' }).click();
    // Answering opens the customer's ticket, where the call's audio controls are.
    await demo.ticket.getByRole('heading', { name: 'Maria Silva', level: 3 }).waitFor();
    await demo.latestCallStatus('Ongoing').waitFor();
    await waitUntilAudioConnected(demo, relay);
    await expect.poll(() => ana.offers.count()).toBe(0);
    // In a call, routing counts Ana busy whatever she chose.
    await ana.page.locator('.wacall-presence[data-state="in-call"][data-status="busy"]').waitFor();

    await phone.getByRole('button', { name: 'Hang up' }).click();
    await demo.latestCallStatus('Completed').waitFor();
    await demo.activity(/^Picked up by Ana after \d+ s$/).waitFor();
    await ana.page
      .locator('.wacall-presence[data-state="idle"][data-status="available"]')
      .waitFor();
    expect(ben.pageErrors).toEqual([]);
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});

it('story 12: declining passes the call to the other agent, who answers it', async () => {
  const demo = await openDemo(browser);
  try {
    const { phone, self: ana } = demo;
    const ben = await demo.openAgentTab('ben');
    await demo.openTicket('Maria Silva');
    await demo.usePhoneOf('Maria Silva');
    await phone.getByRole('button', { name: 'Call the business' }).click();

    // One agent rings at a time (longest idle first): whoever it is declines.
    const ringing = async (tab: AgentTab) => (await tab.offerFrom('Maria Silva').count()) > 0;
    await expect.poll(async () => (await ringing(ana)) || (await ringing(ben))).toBe(true);
    const [first, second] = (await ringing(ana)) ? [ana, ben] : [ben, ana];
    const [firstName, secondName] = first === ana ? ['Ana', 'Ben'] : ['Ben', 'Ana'];
    expect(await second.offers.count()).toBe(0);
    mkdirSync(resultsDir, { recursive: true });
    await first.page.screenshot({ path: `${resultsDir}agent-bar-ringing.png` });

    await first.offerFrom('Maria Silva').getByRole('button', { name: 'Decline' }).click();
    await second.offerFrom('Maria Silva').waitFor();
    await expect.poll(() => first.offers.count()).toBe(0);
    // The customer's phone still rings: declining an offer is not declining the call.
    await demo.latestCallStatus('Ringing').waitFor();

    await second.offerFrom('Maria Silva').getByRole('button', { name: 'Answer' }).click();
    await demo.latestCallStatus('Ongoing').waitFor();
    await expect.poll(() => second.offers.count()).toBe(0);

    await phone.getByRole('button', { name: 'Hang up' }).click();
    await demo.latestCallStatus('Completed').waitFor();
    await demo.activity(new RegExp(`^Picked up by ${secondName} after \\d+ s$`)).waitFor();
    const history = await demo.helpdesk.wacall.listActivities(demo.waIdOf('Maria Silva'));
    const declined = history.filter((activity) => activity.kind === 'call.agent_declined');
    expect(declined).toHaveLength(1);
    await demo.activity(new RegExp(`^${firstName} declined the call after \\d+ s$`)).waitFor();
    expect(ana.pageErrors).toEqual([]);
    expect(ben.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});
