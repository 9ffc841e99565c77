import { useEffect, useRef, useState } from 'react';
import type { CallRecord, CustomerView } from '@wacall/core';
import { isCallMediaError, mediaErrorText } from '../call-media/media-error-text';
import type { CallMediaController } from '../call-media/types';
import { decisionSentence, describeDecision } from '../i18n/decision-text';
import { useWacallI18n, type WacallI18n } from '../i18n/messages-context';
import type { WacallMessagesOverride } from '../i18n/messages';
import { cx } from '../internal/cx';
import { LiveRegion } from '../internal/live-region';
import { errorText, useAsyncAction } from '../internal/use-async-action';
import { useNow } from '../internal/use-now';
import { PermissionModal } from '../permission-modal/permission-modal';
import type { PermissionModalProps } from '../permission-modal/types';
import { ActiveCall, activeCallLabel } from './active-call';
import { callButtonMode, type CallButtonMode } from './call-button-mode';
import { CallTrigger } from './call-trigger';
import { IncomingCallActions } from './incoming-call-actions';
import { incomingCallAnnouncement, useIncomingCall } from './use-incoming-call';

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
  /**
   * Answers a ringing incoming call: with it (or `onDeclineCall`) the ringing state shows Answer and
   * Decline instead of End call. With `media`, call `media.answer(offerSdp)` in here.
   */
  onAnswerCall?: (call: CallRecord) => Promise<unknown>;
  /** Declines a ringing incoming call; the Decline button shows a pending state and any error. */
  onDeclineCall?: (call: CallRecord) => Promise<unknown>;
  /**
   * The call's audio from `useCallMedia()`: the in-call state gains mute, level meters and the
   * quality, End call hangs up the media too, and the media is released when the call goes away.
   */
  media?: CallMediaController;
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
  const { customer, onStartCall, onEndCall, media, className } = props;
  const i18n = useWacallI18n(props.messages);
  const text = i18n.messages.callButton;
  const mode = callButtonMode(customer);
  const now = useNow(30_000, props.now, mode.kind === 'ask' || mode.kind === 'blocked');
  const start = useAsyncAction(onStartCall);
  const [modalOpen, setModalOpen] = useState(false);
  const ringing = mode.kind === 'active' ? incomingRinging(mode.call) : undefined;
  const incoming = useIncomingCall(ringing?.callId, props.onAnswerCall, props.onDeclineCall);
  const answersHere =
    ringing !== undefined && (props.onAnswerCall ?? props.onDeclineCall) !== undefined;

  const { reset: resetStart } = start;
  useEffect(() => {
    if (mode.kind === 'active') resetStart();
  }, [mode.kind, resetStart]);

  const starting = start.status === 'pending';
  const failed = start.status === 'error' && mode.kind !== 'active';
  const announcement = useAnnouncement(
    mode.kind === 'active'
      ? ((answersHere ? incomingCallAnnouncement(incoming, text) : undefined) ??
          activeCallLabel(mode.call, i18n.messages))
      : starting
        ? text.starting
        : failed
          ? text.startFailed
          : start.status === 'success'
            ? text.started
            : '',
    mode.kind === 'active',
    text.ended,
  );
  useReleaseWhenCallEnds(mode.kind === 'active', media?.release);
  const detail = !failed
    ? undefined
    : isCallMediaError(start.error)
      ? mediaErrorText(start.error, i18n.messages.callMedia)
      : errorText(start.error);

  return (
    <div
      className={cx('wacall-call-button', className)}
      data-state={
        starting
          ? 'starting'
          : failed
            ? 'failed'
            : mode.kind === 'ask'
              ? 'needs-permission'
              : mode.kind
      }
      data-status={mode.kind === 'active' ? mode.call.status : undefined}
    >
      {mode.kind === 'active' ? (
        <ActiveCall
          call={mode.call}
          i18n={i18n}
          onEndCall={onEndCall}
          media={media}
          now={props.now}
          incomingActions={
            answersHere && (
              <IncomingCallActions
                call={mode.call}
                state={incoming}
                messages={i18n.messages}
                canAnswer={props.onAnswerCall !== undefined}
                canDecline={props.onDeclineCall !== undefined}
              />
            )
          }
        />
      ) : (
        <CallTrigger
          i18n={i18n}
          hint={callButtonHint(mode, i18n, now)}
          error={failed ? cx(text.startFailed, detail) : undefined}
          opensDialog={mode.kind === 'ask'}
          disabled={mode.kind === 'blocked' || starting}
          starting={starting}
          failed={failed}
          onActivate={() => {
            if (mode.kind === 'ask') setModalOpen(true);
            else void start.run(customer);
          }}
        />
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

/** The call, if it is a customer's call still ringing for the agent. */
function incomingRinging(call: CallRecord): CallRecord | undefined {
  return call.direction === 'user_initiated' && call.status === 'ringing' ? call : undefined;
}

/** Why the button will not call right away, and until when: each decision's reason once, in order. */
function callButtonHint(mode: CallButtonMode, i18n: WacallI18n, now: number): string | undefined {
  if (mode.kind !== 'ask' && mode.kind !== 'blocked') return undefined;
  const reasons = mode.explain.map((decision) =>
    decisionSentence(describeDecision(decision, i18n.messages, i18n.formats, now)),
  );
  if (mode.kind === 'ask') reasons.push(i18n.messages.callButton.askPermission);
  return [...new Set(reasons)].join(' ');
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

/** The customer hung up, declined or missed the call: its audio has nothing left to carry. */
function useReleaseWhenCallEnds(active: boolean, release: (() => void) | undefined): void {
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) release?.();
    wasActive.current = active;
  }, [active, release]);
}
