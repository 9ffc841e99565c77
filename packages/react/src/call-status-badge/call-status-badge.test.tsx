import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInEnglish } from '../../test/render';
import { incomingRingingCall, outgoingCall } from '../fixtures/customers';
import { CallStatusBadge } from './call-status-badge';

describe('CallStatusBadge', () => {
  it('labels a status in its direction’s words, with the direction for screen readers', () => {
    const { container } = renderInEnglish(
      <CallStatusBadge status="missed" direction="user_initiated" />,
    );
    const badge = container.querySelector('.wacall-badge');
    expect(badge?.textContent).toBe('Incoming call: Missed');
    expect(badge?.getAttribute('data-status')).toBe('missed');
    expect(badge?.getAttribute('data-direction')).toBe('user_initiated');
    expect(badge?.getAttribute('data-tone')).toBe('danger');
    expect(badge?.querySelectorAll('.wacall-icon[aria-hidden="true"]')).toHaveLength(2);
  });

  it('reads status and direction from a call record', () => {
    const { container } = renderInEnglish(<CallStatusBadge call={outgoingCall('unanswered')} />);
    expect(container.textContent).toBe('Outgoing call: Unanswered');
  });

  it('renders the chat-list marker for missed and live calls only', () => {
    const { container, rerender } = renderInEnglish(
      <CallStatusBadge variant="marker" call={incomingRingingCall()} />,
    );
    expect(screen.getByText('Incoming call')).toBeTruthy();
    rerender(
      <CallStatusBadge variant="marker" status="unanswered" direction="business_initiated" />,
    );
    expect(container.querySelector('.wacall-marker')?.textContent).toBe('Missed call');
    rerender(<CallStatusBadge variant="marker" status="ongoing" direction="business_initiated" />);
    expect(container.textContent).toBe('In call');
    rerender(<CallStatusBadge variant="marker" status="completed" direction="user_initiated" />);
    expect(container.innerHTML).toBe('');
  });

  it('takes its labels from the messages prop', () => {
    const { container } = renderInEnglish(
      <CallStatusBadge
        status="ongoing"
        direction="business_initiated"
        messages={{
          outgoingStatus: { ongoing: 'En curso' },
          direction: { business_initiated: 'Saliente' },
        }}
      />,
    );
    expect(container.textContent).toBe('Saliente: En curso');
  });

  it('can be a polite live region that follows the call', () => {
    const { rerender } = renderInEnglish(<CallStatusBadge live call={outgoingCall('ringing')} />);
    expect(screen.getByRole('status').textContent).toBe('Outgoing call: Ringing');
    rerender(<CallStatusBadge live call={outgoingCall('ongoing')} />);
    expect(screen.getByRole('status').textContent).toBe('Outgoing call: Ongoing');
  });
});
