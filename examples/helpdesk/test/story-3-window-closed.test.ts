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

it('story 3: with the conversation window closed, the dialog offers approved templates only', async () => {
  const demo = await openDemo(browser);
  try {
    const { page, phone, ticket, callButton } = demo;
    // João never wrote to the business, so free-form messages are not allowed.
    await demo.openTicket('João Pereira');
    await ticket.getByText('Closed: templates only').waitFor();

    await callButton.click();
    const dialog = page.getByRole('dialog', { name: 'Reach João Pereira by call' });
    await dialog
      .getByText('Conversation window closed: only approved templates can be sent.')
      .waitFor();
    const templates = dialog.getByRole('group', { name: 'Template' });
    await templates.getByRole('radio', { name: /support_call_permission/ }).waitFor();
    expect(await dialog.getByRole('textbox').count()).toBe(0);
    expect(await templates.getByRole('radio').count()).toBe(1);

    // The call invite is template-only as well, with its own kind of template.
    await dialog.getByRole('radio', { name: /^Send call invite/ }).check();
    await templates.getByRole('radio', { name: /support_call_invite/ }).waitFor();
    expect(await dialog.getByRole('textbox').count()).toBe(0);
    expect(await templates.getByRole('radio').count()).toBe(1);

    await dialog.getByRole('radio', { name: /^Send permission request/ }).check();
    await templates.getByRole('radio', { name: /support_call_permission/ }).check();
    await dialog.getByRole('button', { name: 'Send permission request' }).click();
    // "Done" replaces the form only once the request went out.
    await dialog.getByRole('button', { name: 'Done' }).waitFor();
    expect(await dialog.getByRole('status').innerText()).toMatch(/^Permission request sent\./);
    await dialog.getByRole('button', { name: 'Done' }).click();

    await demo
      .activity('Call permission request sent by Ana as a template (support_call_permission)')
      .waitFor();
    await demo.usePhoneOf('João Pereira');
    await phone.getByText('Template support_call_permission').waitFor();
    await phone.getByRole('button', { name: 'Always allow' }).waitFor();
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});
