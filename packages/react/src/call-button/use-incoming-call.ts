import { useCallback, useEffect } from 'react';
import type { CallRecord } from '@wacall/core';
import type { WacallMessages } from '../i18n/messages';
import { useAsyncAction, type AsyncAction } from '../internal/use-async-action';

type CallAction = (call: CallRecord) => Promise<unknown>;

export interface IncomingCallState {
  answer: AsyncAction<[CallRecord]>;
  decline: AsyncAction<[CallRecord]>;
  /** Answers, unless an answer or a decline is already running. */
  runAnswer: (call: CallRecord) => void;
  /** Declines, unless an answer or a decline is already running. */
  runDecline: (call: CallRecord) => void;
  busy: boolean;
}

/**
 * The answer and decline actions for a ringing incoming call. Starting one clears the other's
 * outcome, so the agent only ever reads about the latest attempt; a new call starts clean.
 */
export function useIncomingCall(
  ringingCallId: string | undefined,
  onAnswerCall: CallAction | undefined,
  onDeclineCall: CallAction | undefined,
): IncomingCallState {
  const answer = useAsyncAction(onAnswerCall);
  const decline = useAsyncAction(onDeclineCall);
  const busy = answer.status === 'pending' || decline.status === 'pending';
  const { reset: resetAnswer, run: answerRun } = answer;
  const { reset: resetDecline, run: declineRun } = decline;

  useEffect(() => {
    resetAnswer();
    resetDecline();
  }, [ringingCallId, resetAnswer, resetDecline]);

  const runAnswer = useCallback(
    (call: CallRecord) => {
      if (busy) return;
      resetDecline();
      void answerRun(call);
    },
    [busy, resetDecline, answerRun],
  );
  const runDecline = useCallback(
    (call: CallRecord) => {
      if (busy) return;
      resetAnswer();
      void declineRun(call);
    },
    [busy, resetAnswer, declineRun],
  );

  return { answer, decline, runAnswer, runDecline, busy };
}

/** What the live region says about the latest answer or decline, or undefined before either. */
export function incomingCallAnnouncement(
  state: IncomingCallState,
  text: WacallMessages['callButton'],
): string | undefined {
  const { answer, decline } = state;
  if (answer.status === 'pending') return text.answering;
  if (answer.status === 'error') return text.answerFailed;
  if (answer.status === 'success') return text.answered;
  if (decline.status === 'pending') return text.declining;
  if (decline.status === 'error') return text.declineFailed;
  if (decline.status === 'success') return text.declined;
  return undefined;
}
