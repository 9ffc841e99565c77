import { useId } from 'react';
import type { CallRecord } from '@wacall/core';
import type { WacallMessages } from '../i18n/messages';
import { isCallMediaError, mediaErrorText } from '../call-media/media-error-text';
import { Icon } from '../internal/icon';
import { errorText, type AsyncAction } from '../internal/use-async-action';
import { usePartState } from './call-controls-context';
import type { IncomingCallState } from './use-incoming-call';

/**
 * Answer and Decline for a customer's call ringing for the agent, from `CallControls`' `onAcceptCall`
 * and `onDeclineCall` (each button only with its callback); renders nothing otherwise. While either
 * runs both read as disabled (with `aria-disabled`, so they stay focusable); a failure is shown and
 * both stay, so the agent can retry.
 */
export function IncomingCallActions() {
  const controls = usePartState('IncomingCallActions');
  const errorId = useId();
  const { call, incoming: state, acceptsHere } = controls;
  if (!call || !acceptsHere) return null;
  const { messages } = controls.i18n;
  const text = messages.callButton;
  const { accept, decline, busy } = state;
  const error = incomingError(state, messages);
  const describedBy = error ? errorId : undefined;

  return (
    <>
      {controls.onAcceptCall && (
        <button
          type="button"
          className="wacall-button wacall-button--primary"
          data-state={buttonState(accept)}
          aria-disabled={busy || undefined}
          aria-describedby={describedBy}
          onClick={() => state.runAccept(call)}
        >
          <Icon name="phone" />
          <span>{accept.status === 'pending' ? text.answering : text.answer}</span>
        </button>
      )}
      {controls.options.onDeclineCall && (
        <button
          type="button"
          className="wacall-button wacall-button--danger"
          data-state={buttonState(decline)}
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

function buttonState(action: AsyncAction<[CallRecord]>): 'pending' | 'error' | 'idle' {
  if (action.status === 'pending' || action.status === 'error') return action.status;
  return 'idle';
}

/** The latest attempt's failure, if it failed: accepting and declining clear each other's outcome. */
function incomingError(state: IncomingCallState, messages: WacallMessages): string | undefined {
  const { accept, decline } = state;
  const text = messages.callButton;
  if (accept.status === 'error') return failure(text.answerFailed, accept.error, messages);
  if (decline.status === 'error') return failure(text.declineFailed, decline.error, messages);
  return undefined;
}

// Accepting with `media` can fail on the microphone; those errors say how to fix it.
function failure(summary: string, error: unknown, messages: WacallMessages): string {
  const detail = isCallMediaError(error)
    ? mediaErrorText(error, messages.callMedia)
    : errorText(error);
  return detail ? `${summary} ${detail}` : summary;
}
