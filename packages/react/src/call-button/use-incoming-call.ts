import { useCallback, useEffect } from 'react';
import type { CallRecord } from '@wacall/core';
import type { WacallMessages } from '../i18n/messages';
import { useAsyncAction, type AsyncAction } from '../internal/use-async-action';

type CallAction = (call: CallRecord) => Promise<unknown>;

export interface IncomingCallState {
  accept: AsyncAction<[CallRecord]>;
  decline: AsyncAction<[CallRecord]>;
  /** Accepts, unless an accept or a decline is already running. */
  runAccept: (call: CallRecord) => void;
  /** Declines, unless an accept or a decline is already running. */
  runDecline: (call: CallRecord) => void;
  busy: boolean;
}

/**
 * The accept and decline actions for a ringing incoming call. Starting one clears the other's
 * outcome, so the agent only ever reads about the latest attempt; a new call starts clean.
 */
export function useIncomingCall(
  ringingCallId: string | undefined,
  onAcceptCall: CallAction | undefined,
  onDeclineCall: CallAction | undefined,
): IncomingCallState {
  const accept = useAsyncAction(onAcceptCall);
  const decline = useAsyncAction(onDeclineCall);
  const busy = accept.status === 'pending' || decline.status === 'pending';
  const { reset: resetAccept, run: acceptRun } = accept;
  const { reset: resetDecline, run: declineRun } = decline;

  useEffect(() => {
    resetAccept();
    resetDecline();
  }, [ringingCallId, resetAccept, resetDecline]);

  const runAccept = useCallback(
    (call: CallRecord) => {
      if (busy) return;
      resetDecline();
      void acceptRun(call);
    },
    [busy, resetDecline, acceptRun],
  );
  const runDecline = useCallback(
    (call: CallRecord) => {
      if (busy) return;
      resetAccept();
      void declineRun(call);
    },
    [busy, resetAccept, declineRun],
  );

  return { accept, decline, runAccept, runDecline, busy };
}

/** What the live region says about the latest accept or decline, or undefined before either. */
export function incomingCallAnnouncement(
  state: IncomingCallState,
  text: WacallMessages['callButton'],
): string | undefined {
  const { accept, decline } = state;
  if (accept.status === 'pending') return text.answering;
  if (accept.status === 'error') return text.answerFailed;
  if (accept.status === 'success') return text.answered;
  if (decline.status === 'pending') return text.declining;
  if (decline.status === 'error') return text.declineFailed;
  if (decline.status === 'success') return text.declined;
  return undefined;
}
