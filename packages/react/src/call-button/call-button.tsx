import { useEffect, useId, useRef, useState } from 'react';
import type { CallRecord, CustomerView } from '@wacall/core';
import { decisionSentence, describeDecision } from '../i18n/decision-text';
import { useWacallI18n } from '../i18n/messages-context';
import type { WacallMessagesOverride } from '../i18n/messages';
import { cx } from '../internal/cx';
import { Icon } from '../internal/icon';
import { LiveRegion } from '../internal/live-region';
import { errorText, useAsyncAction } from '../internal/use-async-action';
import { useNow } from '../internal/use-now';
import { PermissionModal } from '../permission-modal/permission-modal';
import type { PermissionModalProps } from '../permission-modal/types';
import { ActiveCall, activeCallLabel } from './active-call';
import { callButtonMode } from './call-button-mode';

export interface CallButtonProps extends Pick<
  PermissionModalProps,
  | 'onSendPermissionRequest'
  | 'onSendCallInvite'
  | 'templates'
  | 'templateCreateHref'
  | 'onCreateTemplate'
  | 'ttlOptions'
  | 'container'
> {
  /** Everything about the customer: decisions, conversation window, active call (`wacall.getCustomer()`). */
  customer: CustomerView;
  /** Shown in the permission dialog's title. */
  customerName?: string;
  /** Starts the call; the button shows a pending state until it settles and an error state if it rejects. */
  onStartCall: (customer: CustomerView) => Promise<unknown>;
  /** Ends (or cancels) the live call; without it the in-call state has no end action. */
  onEndCall?: (call: CallRecord) => Promise<unknown>;
  /** A fixed clock (epoch ms) for retry times and the call timer; stories and tests pass one. */
  now?: number;
  messages?: WacallMessagesOverride;
  className?: string;
}

/**
 * The call icon at the top of a chat. With permission a click starts the call; without it the click opens
 * the PermissionModal; when a limit blocks calling it is disabled and says why and until when.
 */
export function CallButton(props: CallButtonProps) {
  const { customer, onStartCall, onEndCall, className } = props;
  const i18n = useWacallI18n(props.messages);
  const text = i18n.messages.callButton;
  const mode = callButtonMode(customer);
  const now = useNow(30_000, props.now, mode.kind === 'ask' || mode.kind === 'blocked');
  const start = useAsyncAction(onStartCall);
  const [modalOpen, setModalOpen] = useState(false);
  const [hintDismissed, setHintDismissed] = useState(false);
  const hintId = useId();
  const errorId = useId();

  const { reset: resetStart } = start;
  useEffect(() => {
    if (mode.kind === 'active') resetStart();
  }, [mode.kind, resetStart]);

  const starting = start.status === 'pending';
  const failed = start.status === 'error' && mode.kind !== 'active';
  const state =
    mode.kind === 'active'
      ? 'active'
      : starting
        ? 'starting'
        : failed
          ? 'failed'
          : mode.kind === 'ask'
            ? 'needs-permission'
            : mode.kind;
  const status =
    mode.kind === 'active'
      ? activeCallLabel(mode.call, i18n.messages)
      : starting
        ? text.starting
        : failed
          ? text.startFailed
          : start.status === 'success'
            ? text.started
            : '';
  const announcement = useAnnouncement(status, mode.kind === 'active', text.ended);

  const hint =
    mode.kind === 'ask' || mode.kind === 'blocked'
      ? [
          ...new Set(
            mode.explain.map((decision) =>
              decisionSentence(describeDecision(decision, i18n.messages, i18n.formats, now)),
            ),
          ),
          mode.kind === 'ask' ? text.askPermission : '',
        ]
          .filter(Boolean)
          .join(' ')
      : undefined;
  const detail = failed ? errorText(start.error) : undefined;

  const onClick = () => {
    if (mode.kind === 'blocked' || starting) return;
    if (mode.kind === 'ask') setModalOpen(true);
    else void start.run(customer);
  };

  return (
    <div
      className={cx('wacall-call-button', className)}
      data-state={state}
      data-status={mode.kind === 'active' ? mode.call.status : undefined}
    >
      {mode.kind === 'active' ? (
        <ActiveCall call={mode.call} i18n={i18n} onEndCall={onEndCall} now={props.now} />
      ) : (
        <span className="wacall-tooltip-anchor" data-hint={hintDismissed ? 'dismissed' : undefined}>
          <button
            type="button"
            className="wacall-button wacall-button--call"
            aria-disabled={mode.kind === 'blocked' || starting || undefined}
            aria-haspopup={mode.kind === 'ask' ? 'dialog' : undefined}
            aria-describedby={cx(hint && hintId, failed && errorId) || undefined}
            onClick={onClick}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setHintDismissed(true);
            }}
            onBlur={() => setHintDismissed(false)}
            onMouseLeave={() => setHintDismissed(false)}
          >
            <Icon name="phone" />
            <span>{starting ? text.starting : failed ? text.retry : text.call}</span>
          </button>
          {hint && (
            <span id={hintId} role="tooltip" className="wacall-tooltip">
              {hint}
            </span>
          )}
        </span>
      )}
      {failed && (
        <span id={errorId} className="wacall-call-button__error">
          {detail ? `${text.startFailed} ${detail}` : text.startFailed}
        </span>
      )}
      <LiveRegion>{announcement}</LiveRegion>
      <PermissionModal
        open={modalOpen}
        onOpenChange={setModalOpen}
        decisions={customer.decisions}
        windowOpenUntil={customer.windowOpenUntil}
        customerName={props.customerName}
        templates={props.templates}
        templateCreateHref={props.templateCreateHref}
        onCreateTemplate={props.onCreateTemplate}
        onSendPermissionRequest={props.onSendPermissionRequest}
        onSendCallInvite={props.onSendCallInvite}
        ttlOptions={props.ttlOptions}
        container={props.container}
        now={props.now}
        messages={props.messages}
      />
    </div>
  );
}

/** The live region's text: the current status, or "Call ended" once a live call goes away. */
function useAnnouncement(status: string, active: boolean, ended: string): string {
  const [announcement, setAnnouncement] = useState(status);
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) setAnnouncement(ended);
    else if (status) setAnnouncement(status);
    wasActive.current = active;
  }, [status, active, ended]);
  return announcement;
}
