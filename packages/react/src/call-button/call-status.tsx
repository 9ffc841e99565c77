import type { CallRecord } from '@wacall/core';
import type { WacallI18n } from '../i18n/messages-context';
import { Icon } from '../internal/icon';
import { useNow } from '../internal/use-now';
import { activeCallLabel } from './active-call-label';
import { usePartState } from './call-controls-context';

/** What the live call is doing ("Calling…", "Incoming call", "In call") and, once picked up, its timer. */
export function CallStatus() {
  const controls = usePartState('CallStatus');
  const { call } = controls;
  if (!call) return null;
  return <CallStatusLine call={call} i18n={controls.i18n} now={controls.options.now} />;
}

function CallStatusLine(props: { call: CallRecord; i18n: WacallI18n; now?: number }) {
  const { call, i18n } = props;
  const answeredAt = call.status === 'ongoing' ? (call.answeredAt ?? call.createdAt) : undefined;
  const now = useNow(1000, props.now, answeredAt !== undefined);
  return (
    <span className="wacall-call-button__status">
      <Icon name="phone" />
      <span>{activeCallLabel(call, i18n.messages)}</span>
      {answeredAt !== undefined && (
        <span
          className="wacall-call-button__timer"
          role="timer"
          aria-label={i18n.messages.callButton.duration}
        >
          {i18n.formats.clock((now - answeredAt) / 1000)}
        </span>
      )}
    </span>
  );
}
