import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { deferred, descriptionOf, renderInEnglish } from '../../test/render';
import { FIXED_NOW, hours } from '../fixtures/clock';
import { customers, customerView, usage } from '../fixtures/customers';
import { allTemplates } from '../fixtures/templates';
import { PermissionModal } from './permission-modal';
import type { PermissionModalProps } from './types';

function setup(overrides: Partial<PermissionModalProps> = {}) {
  const view = customers.noPermission;
  const props: PermissionModalProps = {
    open: true,
    onOpenChange: vi.fn(),
    decisions: view.decisions,
    windowOpenUntil: view.windowOpenUntil,
    customerName: 'Ana García',
    templates: allTemplates,
    now: FIXED_NOW,
    onSendPermissionRequest: vi.fn(async () => {}),
    onSendCallInvite: vi.fn(async () => {}),
    ...overrides,
  };
  renderInEnglish(<PermissionModal {...props} />);
  const dialog = within(screen.getByRole('dialog'));
  return { props, dialog, user: userEvent.setup() };
}

const closedWindow = {
  decisions: customers.expired.decisions,
  windowOpenUntil: customers.expired.windowOpenUntil,
};

describe('PermissionModal choices by conversation window', () => {
  it('offers free-form text while the window is open', () => {
    const { dialog } = setup();
    expect(dialog.getByText(/Conversation window open until Mar 4, 2026, 10:05 AM/)).toBeTruthy();
    expect(dialog.getByLabelText('Message')).toBeTruthy();
    expect(dialog.queryByRole('radio', { name: /order_follow_up_call/ })).toBeNull();
    expect(dialog.getByRole('radio', { name: /Send permission request/ })).toHaveProperty(
      'checked',
      true,
    );
  });

  it('offers only approved templates of the matching kind once the window is closed', async () => {
    const { dialog, user } = setup(closedWindow);
    expect(dialog.queryByLabelText('Message')).toBeNull();
    const names = dialog.getAllByRole('radio').map((radio) => radio.getAttribute('value'));
    expect(names).toEqual(['permission_request', 'call_invite', 'tpl-req-1', 'tpl-req-2']);

    await user.click(dialog.getByRole('radio', { name: /Send call invite/ }));
    expect(dialog.getByRole('radio', { name: /support_call_button/ })).toBeTruthy();
    expect(dialog.queryByRole('radio', { name: /order_follow_up_call/ })).toBeNull();
  });

  it('requires a template before sending, then sends the one picked', async () => {
    const { props, dialog, user } = setup(closedWindow);
    await user.click(dialog.getByRole('button', { name: 'Send permission request' }));
    expect(dialog.getByText('Choose a template to send.')).toBeTruthy();
    expect(props.onSendPermissionRequest).not.toHaveBeenCalled();
    expect(document.activeElement?.getAttribute('value')).toBe('tpl-req-1');

    await user.click(dialog.getByRole('radio', { name: /appointment_call/ }));
    expect(dialog.queryByText('Choose a template to send.')).toBeNull();
    await user.click(dialog.getByRole('button', { name: 'Send permission request' }));
    expect(dialog.getByText('Fill in every value the template asks for.')).toBeTruthy();
    const value = dialog.getByLabelText('Value for {{1}}');
    expect(document.activeElement).toBe(value);
    expect(props.onSendPermissionRequest).not.toHaveBeenCalled();

    await user.type(value, '5 March');
    await user.click(dialog.getByRole('button', { name: 'Send permission request' }));
    expect(props.onSendPermissionRequest).toHaveBeenCalledWith({
      channel: 'template',
      template: allTemplates[1],
      bodyParameters: ['5 March'],
    });
  });

  it('points to template creation when no template fits', async () => {
    const onCreateTemplate = vi.fn();
    const { dialog, user } = setup({ ...closedWindow, templates: [], onCreateTemplate });
    expect(dialog.getByText('No approved template of this kind yet.')).toBeTruthy();
    expect(dialog.queryByRole('button', { name: 'Send permission request' })).toBeNull();
    await user.click(dialog.getByRole('button', { name: 'Create a template' }));
    expect(onCreateTemplate).toHaveBeenCalledOnce();
  });
});

describe('PermissionModal free-form sending', () => {
  it('sends a request with the trimmed text, or without text when left empty', async () => {
    const { props, dialog, user } = setup();
    await user.click(dialog.getByRole('button', { name: 'Send permission request' }));
    expect(props.onSendPermissionRequest).toHaveBeenCalledWith({ channel: 'free_form' });
  });

  it('checks an invite’s text and label, and sends the chosen validity', async () => {
    const { props, dialog, user } = setup({ defaultChoice: 'call_invite' });
    const label = dialog.getByLabelText('Button label');
    expect(label.getAttribute('maxlength')).toBe('20');

    await user.click(dialog.getByRole('button', { name: 'Send call invite' }));
    expect(dialog.getByText('Write a message to send.')).toBeTruthy();
    expect(document.activeElement).toBe(dialog.getByLabelText('Message'));

    await user.type(dialog.getByLabelText('Message'), '  Tap to call us.  ');
    await user.clear(label);
    await user.click(dialog.getByRole('button', { name: 'Send call invite' }));
    expect(dialog.getByText('Give the button a label.')).toBeTruthy();
    expect(props.onSendCallInvite).not.toHaveBeenCalled();

    await user.type(label, 'Call support');
    expect(dialog.getByText('12 of 20 characters')).toBeTruthy();
    await user.selectOptions(dialog.getByLabelText('Button works for'), '3 days');
    await user.click(dialog.getByRole('button', { name: 'Send call invite' }));
    expect(props.onSendCallInvite).toHaveBeenCalledWith({
      channel: 'free_form',
      body: 'Tap to call us.',
      displayText: 'Call support',
      ttlMinutes: 4320,
    });
  });

  it('locks while sending, keeps the text and stays open on failure, confirms on success', async () => {
    const first = deferred();
    const onSendPermissionRequest = vi
      .fn<PermissionModalProps['onSendPermissionRequest']>()
      .mockReturnValueOnce(first.promise)
      .mockResolvedValueOnce(undefined);
    const { props, dialog, user } = setup({ onSendPermissionRequest });
    await user.type(dialog.getByLabelText('Message'), 'May we call you?');
    await user.click(dialog.getByRole('button', { name: 'Send permission request' }));

    expect(dialog.getByRole('button', { name: 'Sending…' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    await user.keyboard('{Escape}');
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(props.onOpenChange).not.toHaveBeenCalled();

    await act(async () => first.reject(new Error('Rate limited (131056).')));
    expect(dialog.getByRole('alert').textContent).toBe(
      'Sending failed: Rate limited (131056). Your text is kept; try again.',
    );
    expect(dialog.getByLabelText('Message')).toHaveProperty('value', 'May we call you?');
    expect(props.onOpenChange).not.toHaveBeenCalled();

    await user.click(dialog.getByRole('button', { name: 'Send permission request' }));
    expect(
      await dialog.findByText(
        'Permission request sent. You can call once the customer allows it.',
        { ignore: '[role="status"]' },
      ),
    ).toBeTruthy();
    expect(document.activeElement).toBe(dialog.getByRole('button', { name: 'Done' }));
    await user.click(dialog.getByRole('button', { name: 'Done' }));
    expect(props.onOpenChange).toHaveBeenCalledWith(false);
  });
});

describe('PermissionModal quota and refusals', () => {
  it('shows the binding quota: the week when it leaves fewer or as many requests as the day', () => {
    const view = customerView({ usage: usage({ requests7d: { used: 1, max: 2 } }) });
    const { dialog } = setup({ decisions: view.decisions });
    expect(descriptionOf(dialog.getByRole('radio', { name: /Send permission request/ }))).toContain(
      '1 of 2 requests left this week',
    );
  });

  it('disables a refused choice with its reason and retry time, and selects the other', () => {
    const { dialog } = setup({ decisions: customers.requestLimit.decisions });
    const request = dialog.getByRole('radio', { name: /Send permission request/ });
    expect(request).toHaveProperty('disabled', true);
    expect(descriptionOf(request)).toContain(
      'The weekly limit of permission requests is reached. Possible again in 2 days (Mar 5, 2026, 2:05 PM).',
    );
    expect(dialog.getByRole('radio', { name: /Send call invite/ })).toHaveProperty('checked', true);
  });

  it('says so when nothing can be sent', () => {
    const { dialog } = setup({ decisions: customers.regionUnavailable.decisions });
    expect(dialog.getByText('Nothing can be sent to this customer right now.')).toBeTruthy();
    expect(dialog.queryByRole('button', { name: /Send/ })).toBeNull();
  });

  it('falls back to the window time when a decision carries no channel', () => {
    const view = customerView();
    const decisions = {
      ...view.decisions,
      sendPermissionRequest: { ...view.decisions.sendPermissionRequest, channel: undefined },
    };
    const { dialog } = setup({ decisions, windowOpenUntil: FIXED_NOW - hours(1) });
    expect(dialog.queryByLabelText('Message')).toBeNull();
    expect(dialog.getByText(/Conversation window closed/)).toBeTruthy();
  });
});

describe('PermissionModal developer input', () => {
  it('rejects validity options outside the platform range with the bad value in the message', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(() =>
        renderInEnglish(<PermissionModal {...baseProps()} ttlOptions={[60, 50_000]} />),
      ).toThrow(
        "PermissionModal: ttlOptions must be whole minutes from 1 to 43200 (the platform's range); got 50000.",
      );
    } finally {
      vi.restoreAllMocks();
    }
  });
});

function baseProps(): PermissionModalProps {
  return {
    open: true,
    onOpenChange: vi.fn(),
    decisions: customers.noPermission.decisions,
    onSendPermissionRequest: vi.fn(async () => {}),
    onSendCallInvite: vi.fn(async () => {}),
  };
}
