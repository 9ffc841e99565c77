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

it('story 5: four unanswered outgoing calls revoke the permission, and the console says so', async () => {
  const demo = await openDemo(browser);
  try {
    const { phone, ticket, callButton } = demo;
    // Ana allowed calls permanently before the demo started.
    await demo.openTicket('Ana Costa');
    await demo.usePhoneOf('Ana Costa');
    await ticket.getByText('Granted permanently').waitFor();
    const unanswered = ticket
      .getByRole('list', { name: 'Calls' })
      .locator('.wacall-badge')
      .filter({ hasText: /: Unanswered$/ });

    for (let call = 1; call <= 4; call++) {
      await callButton.click();
      await phone.getByRole('heading', { name: 'The business is calling' }).waitFor();
      await phone.getByRole('button', { name: 'Ignore' }).click();
      await phone
        .getByRole('heading', { name: 'The business is calling' })
        .waitFor({ state: 'hidden' });
      await expect.poll(() => unanswered.count()).toBe(call);
    }

    await ticket.getByText('Revoked automatically after 4 unanswered calls').waitFor();
    await demo.activity('Call permission revoked automatically after 4 missed calls').waitFor();
    // Calling now needs a new permission: the button opens the dialog and explains why.
    expect(await callButton.getAttribute('aria-haspopup')).toBe('dialog');
    expect(await ticket.getByRole('tooltip').innerText()).toMatch(
      /^Call permission was revoked after several unanswered calls\./,
    );
    await phone.getByText('Turned off by WhatsApp after unanswered calls').waitFor();
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});
