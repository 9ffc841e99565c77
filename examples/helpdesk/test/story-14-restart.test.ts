import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoreChoice } from '../src/server/demo-config';
import { simulatorStateKey } from '../src/server/simulator-state';
import { launchBrowser, openDemo, type Demo } from './demo-harness';

let browser: Browser;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wacall-demo-restart-'));
  browser = await launchBrowser();
});
afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** The agent asks Maria for permission in free form and she allows calls for 7 days. */
async function grantPermission(demo: Demo): Promise<void> {
  const { page, phone, ticket, callButton } = demo;
  await callButton.click();
  const dialog = page.getByRole('dialog', { name: 'Reach Maria Silva by call' });
  await dialog.getByRole('textbox', { name: 'Message' }).fill('May we call you about ON-12853?');
  await dialog.getByRole('button', { name: 'Send permission request' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await phone.getByRole('button', { name: 'Allow for 7 days' }).click();
  await ticket.getByText(/^Granted until/).waitFor();
}

/** The agent calls Maria, she answers, the agent ends it: one completed call. */
async function callAndEnd(demo: Demo): Promise<void> {
  const { phone, ticket, callButton } = demo;
  await expect.poll(() => callButton.getAttribute('aria-haspopup')).toBeNull();
  await callButton.click();
  await phone.getByRole('heading', { name: 'The business is calling' }).waitFor();
  await phone.getByRole('button', { name: 'Answer' }).click();
  await demo.latestCallStatus('Ongoing').waitFor();
  await ticket.getByRole('button', { name: 'End call' }).click();
  await demo.latestCallStatus('Completed').waitFor();
}

it('story 14: the helpdesk stops with a call still ringing and starts again on the same PGlite folder — history, ticket and permission are there, the simulator agrees, the ringing call ends', async () => {
  const store: StoreChoice = { kind: 'pglite', dataDir };
  let liveCallId: string;
  const before = await openDemo(browser, { store });
  try {
    expect(before.helpdesk.restored).toBe(false);
    await before.openTicket('Maria Silva');
    await before.usePhoneOf('Maria Silva');
    await grantPermission(before);
    await callAndEnd(before);
    await before.activity(/^Ended by Ana after \d+:\d\d$/).waitFor();

    // A second call is still ringing when the helpdesk stops.
    await before.phone.getByRole('button', { name: 'Call the business' }).click();
    await before.latestCallStatus('Ringing').waitFor();
    const ringing = await before.helpdesk.wacall.findCalls({ status: 'ringing' });
    expect(ringing.calls).toHaveLength(1);
    liveCallId = ringing.calls[0]!.callId;
    expect(before.pageErrors).toEqual([]);
  } finally {
    await before.close();
  }

  const after = await openDemo(browser, { store });
  try {
    const { helpdesk, phone, ticket } = after;
    // Carried on instead of seeding a second time: the simulator's world was in the store.
    expect(helpdesk.restored).toBe(true);
    expect((await helpdesk.wacall.client.templates.list()).templates).toHaveLength(2);
    const waId = after.waIdOf('Maria Silva');
    expect(helpdesk.simulator?.customer(waId).snapshot().permission).toBe('temporary');

    // The call that rang at the stop was ended by the platform after the restart.
    await expect
      .poll(async () => (await helpdesk.wacall.getCall(liveCallId))?.status, { timeout: 15_000 })
      .toBe('missed');
    const log = await helpdesk.wacall.findCalls({ customer: waId });
    expect(log.calls.map((call) => call.status)).toEqual(['missed', 'completed']);

    // The page shows the same ticket, texts, calls, activities and permission as before the stop.
    await after.openTicket('Maria Silva');
    await after.usePhoneOf('Maria Silva');
    await ticket
      .getByText('Hi! My order ON-12853 has not arrived yet. Could someone call me?')
      .waitFor();
    await ticket.getByText(/^Granted until/).waitFor();
    await after.latestCallStatus('Missed').waitFor();
    await after.activity('Call permission request sent by Ana').waitFor();
    await after.activity(/^Ended by Ana after \d+:\d\d$/).waitFor();

    // The simulator still knows the permission: a new call connects without asking again.
    await callAndEnd(after);
    expect((await helpdesk.wacall.findCalls({ customer: waId })).calls).toHaveLength(3);
    await phone.getByRole('button', { name: 'Call the business' }).waitFor();
    expect(after.pageErrors).toEqual([]);
  } finally {
    await after.close();
  }

  // The last close saved the simulator's world with that third call in it.
  const third = await openDemo(browser, { store });
  try {
    const saved = await third.helpdesk.wacall.findCalls({ customer: third.waIdOf('Maria Silva') });
    expect(saved.calls).toHaveLength(3);
    expect(third.helpdesk.simulator?.exportState().calls).toHaveLength(3);
  } finally {
    await third.close();
  }
});

it('saves no simulator state on a memory store: every start seeds afresh', async () => {
  const demo = await openDemo(browser);
  try {
    expect(demo.helpdesk.restored).toBe(false);
    expect(await demo.helpdesk.wacall.store.get(simulatorStateKey)).toBeUndefined();
  } finally {
    await demo.close();
  }
});
