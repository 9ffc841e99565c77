import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallRecord, CustomerView } from '@wacall/core';
import { isCallMediaError, mediaErrorText } from '../call-media/media-error-text';
import type { CallMediaController } from '../call-media/types';
import type { WacallMessagesOverride } from '../i18n/messages';
import { useWacallI18n, type WacallI18n } from '../i18n/messages-context';
import { cx } from '../internal/cx';
import { errorText, useAsyncAction, type AsyncAction } from '../internal/use-async-action';
import { useNow } from '../internal/use-now';
import { activeCallLabel } from './active-call-label';
import { callButtonMode, type CallButtonMode } from './call-button-mode';
import {
  incomingCallAnnouncement,
  useIncomingCall,
  type IncomingCallState,
} from './use-incoming-call';

type CallAction = (call: CallRecord) => Promise<unknown>;

/** What `CallControls` (and so `CallButton`) needs to run a customer's call. */
export interface CallControlsOptions {
  /** Everything about the customer: decisions, conversation window, active call (`wacall.getCustomer()`). */
  customer: CustomerView;
  /** Starts the call; the trigger shows a pending state until it settles and an error state if it rejects. */
  onStartCall: (customer: CustomerView) => Promise<unknown>;
  /** Ends (or cancels) the live call; without it the in-call state has no end action. */
  onEndCall?: CallAction;
  /**
   * Accepts a ringing incoming call: with it (or `onDeclineCall`) the ringing state shows Answer and
   * Decline instead of End call. With `media`, call `media.answer(offerSdp)` in here.
   */
  onAcceptCall?: CallAction;
  /** @deprecated Renamed `onAcceptCall` (one word per concept: accept); still honoured. */
  onAnswerCall?: CallAction;
  /** Declines a ringing incoming call; the Decline button shows a pending state and any error. */
  onDeclineCall?: CallAction;
  /**
   * The call's audio from `useCallMedia()`: the in-call state gains mute, level meters and the
   * quality, End call hangs up the media too, and the media is released when the call goes away.
   */
  media?: CallMediaController;
  /** A fixed clock (epoch ms) for retry times and the call timer; stories and tests pass one. */
  now?: number;
  messages?: WacallMessagesOverride;
}

/** Everything the parts read; one instance per `CallControls`. */
export interface CallControlState {
  options: CallControlsOptions;
  i18n: WacallI18n;
  mode: CallButtonMode;
  /** The live call, if any. */
  call?: CallRecord;
  /** The clock for retry times, ticking while the trigger explains a wait. */
  now: number;
  starting: boolean;
  /** The last start failed and no call is live: the trigger offers a retry. */
  failed: boolean;
  /** The failed start's visible text, with its cause. */
  startError?: string;
  incoming: IncomingCallState;
  /** A ringing incoming call the agent can accept or decline from here. */
  acceptsHere: boolean;
  onAcceptCall?: CallAction;
  dialogOpen: boolean;
  setDialogOpen: (open: boolean) => void;
  /** What a click on the trigger does: open the dialog without permission, else start the call. */
  activate: () => void;
  announcement: string;
  /** The root's `data-state`. */
  state: CallControlsStateName;
}

/** The root's `data-state`, for styling: what the controls show right now. */
export type CallControlsStateName =
  'ready' | 'needs-permission' | 'blocked' | 'starting' | 'failed' | 'active';

/** The call controls' state machine: starting, accepting, declining, the dialog and media release. */
export function useCallControlState(options: CallControlsOptions): CallControlState {
  const { customer, media } = options;
  const i18n = useWacallI18n(options.messages);
  const text = i18n.messages.callButton;
  const mode = callButtonMode(customer);
  const active = mode.kind === 'active';
  const now = useNow(30_000, options.now, mode.kind === 'ask' || mode.kind === 'blocked');
  const start = useAsyncAction(options.onStartCall);
  const [dialogOpen, setDialogOpen] = useState(false);
  const ringing = active ? incomingRinging(mode.call) : undefined;
  const onAcceptCall = options.onAcceptCall ?? options.onAnswerCall;
  const incoming = useIncomingCall(ringing?.callId, onAcceptCall, options.onDeclineCall);
  const acceptsHere =
    ringing !== undefined && (onAcceptCall ?? options.onDeclineCall) !== undefined;

  const { reset: resetStart, run: runStart } = start;
  useEffect(() => {
    if (active) resetStart();
  }, [active, resetStart]);

  const starting = start.status === 'pending';
  const failed = start.status === 'error' && !active;
  const incomingText = acceptsHere ? incomingCallAnnouncement(incoming, text) : undefined;
  const status = active
    ? (incomingText ?? activeCallLabel(mode.call, i18n.messages))
    : startText(start, failed, text);
  const announcement = useAnnouncement(status, active, text.ended);
  useReleaseWhenCallEnds(active, media?.release);

  const kind = mode.kind;
  const activate = useCallback(() => {
    if (starting) return;
    if (kind === 'ask') setDialogOpen(true);
    else if (kind === 'ready') void runStart(customer);
  }, [kind, starting, runStart, customer]);

  return {
    options,
    i18n,
    mode,
    call: active ? mode.call : undefined,
    now,
    starting,
    failed,
    startError: failed ? cx(text.startFailed, startErrorDetail(start.error, i18n)) : undefined,
    incoming,
    acceptsHere,
    onAcceptCall,
    dialogOpen,
    setDialogOpen,
    activate,
    announcement,
    state: stateName(mode, starting, failed),
  };
}

/** The call, if it is a customer's call still ringing for the agent. */
function incomingRinging(call: CallRecord): CallRecord | undefined {
  return call.direction === 'user_initiated' && call.status === 'ringing' ? call : undefined;
}

function stateName(
  mode: CallButtonMode,
  starting: boolean,
  failed: boolean,
): CallControlsStateName {
  if (starting) return 'starting';
  if (failed) return 'failed';
  if (mode.kind === 'ask') return 'needs-permission';
  return mode.kind;
}

/** The live region's words for a start in flight, failed or done; empty before any. */
function startText(
  start: AsyncAction<[CustomerView]>,
  failed: boolean,
  text: WacallI18n['messages']['callButton'],
): string {
  if (start.status === 'pending') return text.starting;
  if (failed) return text.startFailed;
  if (start.status === 'success') return text.started;
  return '';
}

// Starting with `media` can fail on the microphone; those errors say how to fix it.
function startErrorDetail(error: unknown, i18n: WacallI18n): string | undefined {
  if (isCallMediaError(error)) return mediaErrorText(error, i18n.messages.callMedia);
  return errorText(error);
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
