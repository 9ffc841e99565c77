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

it('story 9: a new template goes pending → approved live, is offered when the window is closed, and a rejected one says why', async () => {
  const demo = await openDemo(browser);
  try {
    const { page, phone, ticket, callButton } = demo;
    await page
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Templates' })
      .click();
    const screen = page.getByRole('region', { name: 'Templates', exact: true });
    const editor = screen.getByRole('region', { name: 'New calling template' });
    const list = screen.getByRole('group', { name: 'Calling templates' });

    // The editor says what to change while the agent types.
    await editor.getByLabel('Name', { exact: true }).fill('Order Call');
    await editor
      .getByText('Use only lowercase letters, digits and underscores, e.g. order_call.')
      .waitFor();
    await editor.getByLabel('Name', { exact: true }).fill('order_call_permission');
    await editor.getByLabel('Message', { exact: true }).fill('May we call you about order {{1}}?');
    await editor.getByLabel('Sample value for {{1}}').fill('ON-12853');
    await editor.getByRole('figure').getByText('ON-12853').waitFor();
    await editor.getByRole('button', { name: 'Submit for review' }).click();
    await editor.getByText(/^Submitted\. Meta is reviewing the template/).waitFor();
    // The review's webhook arrives a moment later and the page shows it without a reload.
    await editor.getByText('Approved by Meta: agents can send this template now.').waitFor();
    const approved = list.getByRole('listitem').filter({ hasText: 'order_call_permission' });
    await approved.getByText('Approved').waitFor();

    // Sales talk in a utility template is rejected, and the page says why.
    await editor.getByRole('button', { name: 'Create another template' }).click();
    await editor.getByLabel('Name', { exact: true }).fill('spring_discount_call');
    await editor
      .getByLabel('Message', { exact: true })
      .fill('Get 20% off this week. May we call you?');
    await editor.getByRole('button', { name: 'Submit for review' }).click();
    await editor.getByText(/^Rejected by Meta \(INCORRECT_CATEGORY\)/).waitFor();
    await list
      .getByRole('listitem')
      .filter({ hasText: 'spring_discount_call' })
      .getByText('Reason: INCORRECT_CATEGORY')
      .waitFor();

    // "Use" leads to the tickets, where the window-closed dialog now offers the new template.
    await approved.getByRole('button', { name: 'Use order_call_permission' }).click();
    await demo.openTicket('João Pereira');
    await callButton.click();
    const dialog = page.getByRole('dialog', { name: 'Reach João Pereira by call' });
    const templates = dialog.getByRole('group', { name: 'Template' });
    await templates.getByRole('radio', { name: /order_call_permission/ }).check();
    expect(await templates.getByRole('radio').count()).toBe(2);
    expect(await templates.getByText('spring_discount_call').count()).toBe(0);
    await dialog.getByLabel('Value for {{1}}').fill('ON-12853');
    await dialog.getByRole('button', { name: 'Send permission request' }).click();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await demo
      .activity('Call permission request sent by Ana as a template (order_call_permission)')
      .waitFor();
    await demo.usePhoneOf('João Pereira');
    await phone.getByText('Template order_call_permission').waitFor();
    await ticket.getByRole('heading', { name: 'João Pereira' }).waitFor();
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});
