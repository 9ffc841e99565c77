import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { deferred, descriptionOf, renderInEnglish } from '../../test/render';
import { TemplateEditor } from './template-editor';
import type { TemplateEditorProps } from './types';

function setup(overrides: Partial<TemplateEditorProps> = {}) {
  const props: TemplateEditorProps = {
    onSubmit: vi.fn(async () => ({ status: 'pending' })),
    ...overrides,
  };
  const view = renderInEnglish(<TemplateEditor {...props} />);
  return { props, view, user: userEvent.setup() };
}

const submit = () => screen.getByRole('button', { name: 'Submit for review' });

describe('TemplateEditor', () => {
  it('shows a field’s problem once the agent edits it, worded as what to change', async () => {
    const { user } = setup();
    const name = screen.getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    await user.type(name, 'Order-Call');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(name)).toContain(
      'Use only lowercase letters, digits and underscores, e.g. order_call.',
    );
    await user.clear(name);
    await user.type(name, 'order_call');
    expect(name.getAttribute('aria-invalid')).toBeNull();
  });

  it('asks for a sample per placeholder and fills the preview with it', async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText('Message'), 'Hi {{{{1}}, about {{{{2}}');
    const first = screen.getByLabelText('Sample value for {{1}}');
    expect(descriptionOf(first)).toContain('Write a sample value for {{1}}.');
    await user.type(first, 'Ana');
    const preview = screen.getByRole('figure', { name: 'Preview on the customer’s phone' });
    expect(preview.textContent).toContain('Hi Ana, about {{2}}');
    expect(descriptionOf(screen.getByLabelText('Sample value for {{2}}'))).toContain(
      'Write a sample value for {{2}}.',
    );
    await user.click(screen.getByRole('button', { name: 'Add placeholder' }));
    expect(screen.getByLabelText('Message')).toHaveProperty('value', 'Hi {{1}}, about {{2}} {{3}}');
    expect(descriptionOf(screen.getByLabelText('Sample value for {{3}}'))).toContain(
      'Write a sample value for {{3}}.',
    );
  });

  it('refuses to submit an invalid draft, shows every problem and focuses the first', async () => {
    const { user, props } = setup();
    await user.click(submit());
    expect(props.onSubmit).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    expect(descriptionOf(screen.getByLabelText('Message'))).toContain('Required: fill this in.');
    expect(screen.getByRole('status').textContent).toBe('Fix 2 problems before submitting.');
  });

  it('submits a clean call-button draft and shows it pending, then the review outcome', async () => {
    const { user, props, view } = setup({ defaultValues: { kind: 'call_invite' } });
    await user.type(screen.getByLabelText('Name'), 'support_call');
    await user.type(screen.getByLabelText('Message'), 'Tap to call us.');
    await user.selectOptions(screen.getByLabelText('Button works for'), '1 day');
    await user.click(submit());
    expect(props.onSubmit).toHaveBeenCalledWith({
      kind: 'call_invite',
      name: 'support_call',
      language: 'en_US',
      category: 'utility',
      body: 'Tap to call us.',
      buttonText: 'Call Now',
      ttlMinutes: 1440,
    });
    expect(await screen.findByText(/Submitted. Meta is reviewing/)).toBeTruthy();
    view.rerender(
      <TemplateEditor
        {...props}
        defaultValues={{ kind: 'call_invite' }}
        review={{ status: 'rejected', reason: 'INVALID_FORMAT' }}
      />,
    );
    expect(screen.getByText(/Rejected by Meta \(INVALID_FORMAT\)/)).toBeTruthy();
  });

  it('locks while submitting and shows Meta’s refusal inline on the fields it names', async () => {
    const answer = deferred<void>();
    const { user } = setup({
      defaultValues: { name: 'ask_call', body: 'May we call you?' },
      onSubmit: () => answer.promise,
    });
    await user.click(submit());
    expect(screen.getByLabelText('Name').matches(':disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Submitting…' })).toBeTruthy();
    const refusal = Object.assign(
      new Error('templates.createCallPermissionRequest: 1 invalid field'),
      {
        issues: [
          { path: 'body', message: 'is too promotional.', fix: 'Say why you want to call.' },
        ],
      },
    );
    await act(async () => answer.reject(refusal));
    expect(screen.getByRole('alert').textContent).toContain(
      'Meta did not take the template: templates.createCallPermissionRequest: 1 invalid field',
    );
    const body = screen.getByLabelText('Message');
    expect(body.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(body)).toContain('is too promotional. Say why you want to call.');
    expect(screen.getByLabelText('Name').matches(':disabled')).toBe(false);
  });

  it('offers one kind only when asked, and takes translated labels', () => {
    setup({
      kinds: ['call_invite'],
      messages: { templateEditor: { buttonText: 'Texto del botón' } },
    });
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByLabelText('Texto del botón')).toBeTruthy();
  });
});
