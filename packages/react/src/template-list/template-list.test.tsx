import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderInEnglish } from '../../test/render';
import { reviewedTemplates } from '../fixtures/templates';
import { TemplateList } from './template-list';

describe('TemplateList', () => {
  it('lists calling templates only, with kind, language and status', () => {
    renderInEnglish(<TemplateList templates={reviewedTemplates} />);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(6);
    const rejected = items.find((item) => item.textContent?.includes('flash_sale_call'));
    expect(rejected?.getAttribute('data-status')).toBe('rejected');
    expect(rejected?.textContent).toContain('Call button');
    expect(rejected?.textContent).toContain('Reason: INCORRECT_CATEGORY');
    expect(screen.queryByRole('button', { name: /^Use/ })).toBeNull();
  });

  it('offers "Use" on approved templates only and hands the template over', async () => {
    const onUse = vi.fn();
    renderInEnglish(<TemplateList templates={reviewedTemplates} onUse={onUse} />);
    expect(screen.getAllByRole('button', { name: /^Use / }).map((b) => b.textContent)).toEqual([
      'Use',
      'Use',
      'Use',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Use order_follow_up_call' }));
    expect(onUse).toHaveBeenCalledWith(reviewedTemplates[0]);
  });

  it('filters by kind, status and name together', async () => {
    const user = userEvent.setup();
    renderInEnglish(<TemplateList templates={reviewedTemplates} />);
    await user.selectOptions(screen.getByLabelText('Type'), 'call_permission_request');
    await user.selectOptions(screen.getByLabelText('Status'), 'approved');
    expect(screen.getByText('2 of 6 templates')).toBeTruthy();
    await user.type(screen.getByLabelText('Search by name'), 'APPOINT');
    const list = within(screen.getByRole('list'));
    expect(list.getAllByRole('listitem').map((item) => item.getAttribute('data-status'))).toEqual([
      'approved',
    ]);
    expect(list.getByText('appointment_call')).toBeTruthy();
  });

  it('shows a status it has no label for as Meta wrote it', () => {
    renderInEnglish(
      <TemplateList templates={[{ ...reviewedTemplates[0]!, status: 'pending_deletion' }]} />,
    );
    expect(screen.getByText('pending deletion')).toBeTruthy();
  });
});
