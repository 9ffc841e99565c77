import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiErrorBody, TicketDetail } from '../src/shared/api-types';
import { launchBrowser, openDemo } from './demo-harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The browser runs in en-US and UTC; the dialog formats times the same way.
const exactTime = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const oneSpace = (text: string) => text.replace(/\s+/gu, ' ');

it('story 4: a second permission request within 24 h is refused, with the time it becomes possible', async () => {
  const demo = await openDemo(browser);
  try {
    const { page, phone, ticket, callButton, helpdesk } = demo;
    const maria = demo.waIdOf('Maria Silva');
    await demo.openTicket('Maria Silva');
    await demo.usePhoneOf('Maria Silva');

    await callButton.click();
    const dialog = page.getByRole('dialog', { name: 'Reach Maria Silva by call' });
    await dialog.getByRole('textbox', { name: 'Message' }).fill('May we call you today?');
    await dialog.getByRole('button', { name: 'Send permission request' }).click();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await phone.getByRole('button', { name: 'Decline' }).click();
    await ticket.getByText('Declined by the customer').waitFor();
    await demo.activity('The customer declined the call permission request').waitFor();

    // The agent tries again: the request choice is refused and says when it works again.
    await callButton.click();
    await dialog.waitFor();
    const requestChoice = dialog.getByRole('radio', { name: /^Send permission request/ });
    await expect.poll(() => requestChoice.isDisabled()).toBe(true);
    const detail = (await (
      await fetch(`${helpdesk.url}/api/tickets/${maria}`)
    ).json()) as TicketDetail;
    const refusal = detail.view.decisions.sendPermissionRequest;
    expect(refusal).toMatchObject({ allowed: false, reason: 'request_limit_24h' });
    const retryAt = refusal.retryAt ?? Number.NaN;
    const reason = dialog.getByText(/^The daily limit of permission requests is reached\./);
    await reason.waitFor();
    // The relative part ("in 23 hours") depends on the seconds that passed; the exact time does not.
    const shown = oneSpace(await reason.innerText());
    expect(shown).toMatch(/ Possible again in 2[34] hours \(/);
    expect(shown.endsWith(oneSpace(`(${exactTime.format(retryAt)}).`))).toBe(true);
    // The call invite stays possible, so it is the choice offered instead.
    expect(await dialog.getByRole('radio', { name: /^Send call invite/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The server refuses it too, before anything reaches WhatsApp.
    const sent = await fetch(`${helpdesk.url}/api/tickets/${maria}/permission-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'free_form', body: 'Please?' }),
    });
    expect(sent.status).toBe(409);
    expect(((await sent.json()) as ApiErrorBody).error).toMatchObject({
      kind: 'decision',
      reason: 'request_limit_24h',
      retryAt,
    });
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});
