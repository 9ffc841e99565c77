import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { deferred, liveRegion, renderInEnglish } from '../../test/render';
import { FIXED_NOW } from '../fixtures/clock';
import { customers, incomingRingingCall } from '../fixtures/customers';
import { CallControls } from './call-controls';
import { useCallControls } from './call-controls-context';
import { CallStatus } from './call-status';
import { CallTrigger } from './call-trigger';
import { InCallControls } from './in-call-controls';
import { IncomingCallActions } from './incoming-call-actions';
import { PermissionDialog } from './permission-dialog';

const ringing = { ...customers.granted, activeCall: incomingRingingCall() };
const dialog = {
  onSendPermissionRequest: vi.fn(async () => {}),
  onSendCallInvite: vi.fn(async () => {}),
};

describe('CallControls arranged by a console', () => {
  it('shows the parts in the console’s order and accepts through onAcceptCall', async () => {
    const accept = deferred();
    const onAcceptCall = vi.fn(() => accept.promise);
    const view = renderInEnglish(
      <CallControls
        customer={ringing}
        now={FIXED_NOW}
        onStartCall={vi.fn()}
        onAcceptCall={onAcceptCall}
      >
        <IncomingCallActions />
        <CallStatus />
      </CallControls>,
    );
    const root = view.container.querySelector('.wacall-call-button');
    expect(root?.getAttribute('data-state')).toBe('active');
    expect(root?.getAttribute('data-status')).toBe('ringing');
    const answer = screen.getByRole('button', { name: 'Answer' });
    const status = screen.getByText('Incoming call', { ignore: '[role="status"]' });
    // The accept button comes first, as arranged.
    expect(answer.compareDocumentPosition(status) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Only the callbacks given get a button.
    expect(screen.queryByRole('button', { name: 'Decline' })).toBeNull();

    await userEvent.setup().click(answer);
    expect(onAcceptCall).toHaveBeenCalledWith(ringing.activeCall);
    expect(liveRegion(view.container).textContent).toBe('Answering…');
    await act(async () => accept.resolve());
    expect(liveRegion(view.container).textContent).toBe('Call answered');
  });

  it('prefers onAcceptCall over the deprecated onAnswerCall', async () => {
    const onAcceptCall = vi.fn(async () => {});
    const onAnswerCall = vi.fn(async () => {});
    renderInEnglish(
      <CallControls
        customer={ringing}
        now={FIXED_NOW}
        onStartCall={vi.fn()}
        onAcceptCall={onAcceptCall}
        onAnswerCall={onAnswerCall}
      >
        <IncomingCallActions />
      </CallControls>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Answer' }));
    expect(onAcceptCall).toHaveBeenCalledOnce();
    expect(onAnswerCall).not.toHaveBeenCalled();
  });

  it('renders only the parts that apply: no trigger in a call, no in-call controls before one', () => {
    const onEndCall = vi.fn(async () => {});
    const parts = (
      <>
        <CallTrigger />
        <CallStatus />
        <InCallControls />
        <IncomingCallActions />
      </>
    );
    const idle = renderInEnglish(
      <CallControls
        customer={customers.granted}
        now={FIXED_NOW}
        onStartCall={vi.fn()}
        onEndCall={onEndCall}
      >
        {parts}
      </CallControls>,
    );
    const before = within(idle.container);
    expect(before.getByRole('button', { name: 'Call' })).toBeTruthy();
    expect(before.queryByRole('button', { name: 'End call' })).toBeNull();
    idle.unmount();

    const inCall = renderInEnglish(
      <CallControls customer={ringing} now={FIXED_NOW} onStartCall={vi.fn()} onEndCall={onEndCall}>
        {parts}
      </CallControls>,
    );
    const during = within(inCall.container);
    expect(during.queryByRole('button', { name: 'Call' })).toBeNull();
    // Without onAcceptCall and onDeclineCall, a ringing call can only be ended.
    expect(during.getByRole('button', { name: 'End call' })).toBeTruthy();
    expect(during.queryByRole('button', { name: 'Answer' })).toBeNull();
  });

  it('lets a console’s own part read the state and open the permission dialog', async () => {
    function AskButton() {
      const controls = useCallControls();
      return (
        <button type="button" data-state={controls.state} onClick={controls.activate}>
          Ask to call
        </button>
      );
    }
    const onStartCall = vi.fn(async () => {});
    renderInEnglish(
      <CallControls customer={customers.noPermission} now={FIXED_NOW} onStartCall={onStartCall}>
        <AskButton />
        <PermissionDialog customerName="Ana García" {...dialog} />
      </CallControls>,
    );
    const ask = screen.getByRole('button', { name: 'Ask to call' });
    expect(ask.getAttribute('data-state')).toBe('needs-permission');
    await userEvent.setup().click(ask);
    expect(await screen.findByRole('dialog', { name: 'Reach Ana García by call' })).toBeTruthy();
    expect(onStartCall).not.toHaveBeenCalled();
  });

  it('says where a part belongs when it is used outside CallControls', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderInEnglish(<CallTrigger />)).toThrow(
      'CallTrigger needs a <CallControls> around it (or use <CallButton>).',
    );
    vi.mocked(console.error).mockRestore();
  });
});
