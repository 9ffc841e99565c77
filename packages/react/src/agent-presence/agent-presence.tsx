import { useId, useState } from 'react';
import type { AgentPresenceState, PresenceStatus } from '@wacall/core';
import type { WacallMessagesOverride } from '../i18n/messages';
import { useWacallI18n } from '../i18n/messages-context';
import { cx } from '../internal/cx';
import { Icon } from '../internal/icon';
import { LiveRegion } from '../internal/live-region';
import { errorText, useAsyncAction } from '../internal/use-async-action';

export interface AgentPresenceProps {
  /** The agent's presence as routing sees it (`wacall.listAgents()`, the `presence.updated` event). */
  presence: Pick<AgentPresenceState, 'status' | 'chosen' | 'callId'>;
  /** Sets the agent's status (your route calls `wacall.setPresence`); while it runs the choice shows. */
  onChange: (status: PresenceStatus) => Promise<unknown> | void;
  messages?: WacallMessagesOverride;
  className?: string;
}

const statuses: readonly PresenceStatus[] = ['available', 'busy', 'away'];

/** Whether routing holds the agent busy whatever they chose: they are in a call. */
export function isForcedBusy(
  presence: Pick<AgentPresenceState, 'status' | 'chosen' | 'callId'>,
): boolean {
  return (
    presence.callId !== undefined || (presence.status === 'busy' && presence.chosen !== 'busy')
  );
}

/**
 * The agent's own status for call routing: available, busy or away, as one radio group. While the agent
 * is in a call routing counts them busy; the group then shows busy, says why, and is locked.
 */
export function AgentPresence(props: AgentPresenceProps) {
  const { presence } = props;
  const i18n = useWacallI18n(props.messages);
  const text = i18n.messages.presence;
  const ids = { name: useId(), note: useId() };
  const change = useAsyncAction(props.onChange);
  // The status asked for, and the presence it was asked over: shown until the host passes a newer one.
  const [request, setRequest] = useState<{ status: PresenceStatus; over: typeof presence }>();
  const locked = isForcedBusy(presence);
  const asking =
    request !== undefined &&
    request.over === presence &&
    (change.status === 'pending' || change.status === 'success');
  const shown = asking ? request.status : presence.status;

  const choose = (status: PresenceStatus) => {
    if (change.status === 'pending' || locked) return;
    setRequest({ status, over: presence });
    void change.run(status);
  };

  const announcement =
    change.status === 'pending'
      ? text.saving
      : change.status === 'success' && request
        ? text.saved({ status: text.status[request.status] })
        : '';

  return (
    <fieldset
      className={cx('wacall-presence', props.className)}
      data-status={shown}
      data-state={locked ? 'in-call' : change.status === 'pending' ? 'pending' : 'idle'}
      aria-describedby={ids.note}
      disabled={locked}
    >
      <legend className="wacall-presence__legend">{text.label}</legend>
      <div className="wacall-presence__options">
        {statuses.map((status) => (
          <label key={status} className="wacall-presence__option" data-status={status}>
            <input
              type="radio"
              className="wacall-presence__input"
              name={ids.name}
              value={status}
              checked={shown === status}
              onChange={() => choose(status)}
            />
            <span className="wacall-presence__dot" aria-hidden="true" />
            <span>{text.status[status]}</span>
          </label>
        ))}
      </div>
      <p id={ids.note} className="wacall-presence__note">
        {locked && <Icon name="phone" />}
        {locked ? text.inCall({ chosen: text.status[presence.chosen] }) : text.hint[shown]}
      </p>
      {change.status === 'error' && (
        <p className="wacall-presence__error" role="alert">
          {text.failed({ error: errorText(change.error) })}
        </p>
      )}
      <LiveRegion>{announcement}</LiveRegion>
    </fieldset>
  );
}
