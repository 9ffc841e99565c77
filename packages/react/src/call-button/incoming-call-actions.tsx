import { useId } from 'react';
import type { CallRecord } from '@wacall/core';
import type { WacallMessages } from '../i18n/messages';
import { isCallMediaError, mediaErrorText } from '../call-media/media-error-text';
import { Icon } from '../internal/icon';
import { errorText } from '../internal/use-async-action';
import type { IncomingCallState } from './use-incoming-call';

export interface IncomingCallActionsProps {
  call: CallRecord;
  state: IncomingCallState;
  messages: WacallMessages;
  canAnswer: boolean;
  canDecline: boolean;
}

/**
 * Answer and Decline for a ringing incoming call. While either runs both read as disabled (with
 * `aria-disabled`, so they stay focusable); a failure is shown and both stay, so the agent can retry.
 */
export function IncomingCallActions(props: IncomingCallActionsProps) {
  const { call, state, messages, canAnswer, canDecline } = props;
  const text = messages.callButton;
  const errorId = useId();
  const { answer, decline, busy } = state;
  const error =
    answer.status === 'error'
      ? failure(text.answerFailed, answer.error, messages)
      : decline.status === 'error'
        ? failure(text.declineFailed, decline.error, messages)
        : undefined;
  const describedBy = error ? errorId : undefined;

  return (
    <>
      {canAnswer && (
        <button
          type="button"
          className="wacall-button wacall-button--primary"
          data-state={
            answer.status === 'pending' ? 'pending' : answer.status === 'error' ? 'error' : 'idle'
          }
          aria-disabled={busy || undefined}
          aria-describedby={describedBy}
          onClick={() => state.runAnswer(call)}
        >
          <Icon name="phone" />
          <span>{answer.status === 'pending' ? text.answering : text.answer}</span>
        </button>
      )}
      {canDecline && (
        <button
          type="button"
          className="wacall-button wacall-button--danger"
          data-state={
            decline.status === 'pending' ? 'pending' : decline.status === 'error' ? 'error' : 'idle'
          }
          aria-disabled={busy || undefined}
          aria-describedby={describedBy}
          onClick={() => state.runDecline(call)}
        >
          <Icon name="hangUp" />
          <span>{decline.status === 'pending' ? text.declining : text.decline}</span>
        </button>
      )}
      {error && (
        <span id={errorId} className="wacall-call-button__error">
          {error}
        </span>
      )}
    </>
  );
}

// Answering with `media` can fail on the microphone; those errors say how to fix it.
function failure(summary: string, error: unknown, messages: WacallMessages): string {
  const detail = isCallMediaError(error)
    ? mediaErrorText(error, messages.callMedia)
    : errorText(error);
  return detail ? `${summary} ${detail}` : summary;
}
