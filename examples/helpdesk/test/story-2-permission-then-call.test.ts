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

it('story 2: no permission → the agent asks in free form → the customer allows → the agent calls → Completed', async () => {
  const demo = await openDemo(browser);
  try {
    const { page, phone, ticket, callButton } = demo;
    await demo.openTicket('Maria Silva');
    await demo.usePhoneOf('Maria Silva');

    // Without permission the button opens the dialog instead of calling.
    expect(await callButton.getAttribute('aria-haspopup')).toBe('dialog');
    await callButton.click();
    const dialog = page.getByRole('dialog', { name: 'Reach Maria Silva by call' });
    await dialog.getByText(/^Conversation window open until/).waitFor();
    expect(await dialog.getByRole('radio', { name: /^Send permission request/ }).isChecked()).toBe(
      true,
    );
    await dialog.getByRole('textbox', { name: 'Message' }).fill('May we call you about ON-12853?');
    await dialog.getByRole('button', { name: 'Send permission request' }).click();
    // "Done" replaces the form only once the request went out.
    await dialog.getByRole('button', { name: 'Done' }).waitFor();
    expect(await dialog.getByRole('status').innerText()).toMatch(/^Permission request sent\./);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await demo.activity('Call permission request sent by Ana').waitFor();
    await ticket.getByText('Requested, waiting for the customer').waitFor();

    await phone.getByText('May we call you about ON-12853?').waitFor();
    await phone.getByRole('button', { name: 'Allow for 7 days' }).click();

    // The button goes live: a click now calls.
    await ticket.getByText(/^Granted until/).waitFor();
    await expect.poll(() => callButton.getAttribute('aria-haspopup')).toBeNull();
    await demo.activity('The customer approved the call permission request (temporary)').waitFor();

    await callButton.click();
    await demo.latestCallStatus('(Calling|Ringing)').waitFor();
    await phone.getByRole('heading', { name: 'The business is calling' }).waitFor();
    await phone.getByRole('button', { name: 'Answer' }).click();
    await demo.latestCallStatus('Ongoing').waitFor();

    await ticket.getByRole('button', { name: 'End call' }).click();
    await demo.latestCallStatus('Completed').waitFor();
    await demo.activity(/^Picked up by the customer after \d+ s$/).waitFor();
    await demo.activity(/^Ended by Ana after \d+:\d\d$/).waitFor();
    await phone.getByRole('button', { name: 'Call the business' }).waitFor();
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});
