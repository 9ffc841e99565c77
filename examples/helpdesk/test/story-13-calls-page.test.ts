import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openDemo, resultsDir, type Demo, type SeedName } from './demo-harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The customer calls; Ana answers from the ring; the customer hangs up. */
async function answeredCall(demo: Demo, name: SeedName): Promise<void> {
  await demo.usePhoneOf(name);
  await demo.phone.getByRole('button', { name: 'Call the business' }).click();
  await demo.self.offerFrom(name).getByRole('button', { name: 'Answer' }).click();
  await demo.latestCallStatus('Ongoing').waitFor();
  await demo.phone.getByRole('button', { name: 'Hang up' }).click();
  await demo.latestCallStatus('Completed').waitFor();
}

/** The customer calls and gives up while it still rings (Ben rings now: he has been idle longest). */
async function missedCall(demo: Demo, name: SeedName): Promise<void> {
  await demo.usePhoneOf(name);
  await demo.phone.getByRole('button', { name: 'Call the business' }).click();
  await demo.ticketRow(name).getByText('Incoming call').waitFor();
  await demo.phone.getByRole('button', { name: 'Hang up' }).click();
  await demo.ticketRow(name).getByText('Missed call').waitFor();
}

/** Resolves just after the wall clock's next whole second (the simulator dates webhooks by it). */
function nextSecond(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1050 - (Date.now() % 1000)));
}

it('story 13: the Calls page lists every call with its status, its chips count and filter, and a new call appears live', async () => {
  const demo = await openDemo(browser);
  try {
    const { page } = demo;
    await answeredCall(demo, 'Maria Silva');
    // Webhooks date calls to the whole second, and two calls of one second have no defined order:
    // start João's in the next second, so "newest first" has one right answer.
    await nextSecond();
    await missedCall(demo, 'João Pereira');

    await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Calls' })
      .click();
    const log = page.getByRole('table', { name: 'Calls' });
    const rows = log.locator('.wacall-call-log__row');
    await expect.poll(() => rows.count()).toBe(2);
    // Newest first: João's missed call, then Maria's answered one.
    const joao = rows.nth(0);
    const maria = rows.nth(1);
    await joao.getByText('João Pereira').waitFor();
    expect(await joao.getAttribute('data-status')).toBe('missed');
    expect(await joao.getAttribute('data-direction')).toBe('user_initiated');
    await maria.getByText('Maria Silva').waitFor();
    expect(await maria.getAttribute('data-status')).toBe('completed');
    await maria.getByRole('cell', { name: 'Ana', exact: true }).waitFor();

    const status = page.getByRole('group', { name: 'Status' });
    const direction = page.getByRole('group', { name: 'Direction' });
    await direction.getByRole('button', { name: 'All 2 calls' }).waitFor();
    await direction.getByRole('button', { name: 'Incoming 2 calls' }).waitFor();
    await direction.getByRole('button', { name: 'Outgoing 0 calls' }).waitFor();
    await status.getByRole('button', { name: 'Completed 1 call' }).waitFor();

    await status.getByRole('button', { name: 'Missed 1 call' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().getByText('João Pereira').waitFor();
    expect(
      await status.getByRole('button', { name: 'Missed 1 call' }).getAttribute('aria-pressed'),
    ).toBe('true');

    // Pressing the pressed chip lets go: every call again.
    await status.getByRole('button', { name: 'Missed 1 call' }).click();
    await expect.poll(() => rows.count()).toBe(2);

    await direction.getByRole('button', { name: 'Outgoing 0 calls' }).click();
    await page.getByText('No calls match these filters.').waitFor();
    await page.getByRole('button', { name: 'Show all calls' }).click();
    await expect.poll(() => rows.count()).toBe(2);

    // The log follows the event stream: a new call shows on top while it rings, and the chips move.
    await nextSecond();
    await demo.usePhoneOf('Ana Costa');
    await demo.phone.getByRole('button', { name: 'Call the business' }).click();
    await expect.poll(() => rows.count()).toBe(3);
    await rows.first().getByText('Ana Costa').waitFor();
    await expect.poll(() => rows.first().getAttribute('data-status')).toBe('ringing');
    await direction.getByRole('button', { name: 'All 3 calls' }).waitFor();
    await demo.phone.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => rows.first().getAttribute('data-status')).toBe('missed');
    await status.getByRole('button', { name: 'Missed 2 calls' }).waitFor();

    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: `${resultsDir}calls-page.png`, fullPage: true });

    // Opening a call's customer opens the ticket (Maria's call is third from the top now).
    await rows.nth(2).getByRole('button', { name: 'Maria Silva' }).click();
    await demo.ticket.getByRole('heading', { name: 'Maria Silva', level: 3 }).waitFor();
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});

it('story 13: the call log API refuses filters it does not know, with what to send instead', async () => {
  const demo = await openDemo(browser);
  try {
    const url = demo.pageServer.url;
    const refusal = async (query: string) => {
      const response = await fetch(`${url}/api/calls${query}`);
      return {
        status: response.status,
        body: (await response.json()) as { error: { kind: string; message: string } },
      };
    };
    const ok = await fetch(`${url}/api/calls?direction=incoming&status=missed&limit=10`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ calls: [] });

    const unknown = await refusal('?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^Unknown filter colour: use direction, status/);
    const notANumber = await refusal('?limit=ten');
    expect(notANumber.status).toBe(400);
    expect(notANumber.body.error.message).toBe(
      'limit must be a whole number of calls (got "ten").',
    );
    const twice = await refusal('?status=missed&status=completed');
    expect(twice.status).toBe(400);
    // Values are the facade's to judge: its validation error says what fits.
    const noSuchStatus = await refusal('?direction=outgoing&status=missed');
    expect(noSuchStatus.status).toBe(400);
    expect(noSuchStatus.body.error.kind).toBe('validation');
    const tooMany = await refusal('?limit=500');
    expect(tooMany.body.error.kind).toBe('validation');
    const counts = await fetch(`${url}/api/calls/counts?before=x`);
    expect(counts.status).toBe(400);

    const presence = await fetch(`${url}/api/me/presence`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-agent': 'zoe' },
      body: JSON.stringify({ status: 'away' }),
    });
    expect(presence.status).toBe(400);
    expect(((await presence.json()) as { error: { message: string } }).error.message).toBe(
      'There is no demo agent "zoe": use ana or ben.',
    );
    const badStatus = await fetch(`${url}/api/me/presence`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'sleeping' }),
    });
    expect(badStatus.status).toBe(400);
    const stream = await fetch(`${url}/api/events?agent=zoe`);
    expect(stream.status).toBe(400);
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});
