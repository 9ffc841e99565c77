import { useCallback, useId, type ReactNode } from 'react';
import type { CallRecord } from '@wacall/core';
import { MediaControls } from '../call-media/call-media-controls';
import type { CallMediaController } from '../call-media/types';
import type { WacallI18n } from '../i18n/messages-context';
import { Icon } from '../internal/icon';
import { errorText, useAsyncAction } from '../internal/use-async-action';
import { useNow } from '../internal/use-now';

/** The words for a live call's state, e.g. "Calling…" or "In call". */
export function activeCallLabel(call: CallRecord, messages: WacallI18n['messages']): string {
  const text = messages.callButton;
  if (call.status === 'ongoing') return text.inCall;
  if (call.status === 'calling') return text.calling;
  return call.direction === 'user_initiated' ? text.incoming : text.ringing;
}

export interface ActiveCallProps {
  call: CallRecord;
  i18n: WacallI18n;
  onEndCall?: (call: CallRecord) => Promise<unknown> | unknown;
  /** The call's audio (`useCallMedia()`): adds the media controls, and End call releases it. */
  media?: CallMediaController;
  now?: number;
  /** Answer and Decline for a ringing incoming call; shown in place of End call. */
  incomingActions?: ReactNode;
}

/** The in-call state: what the call is doing, a running timer once answered, and the end-call action. */
export function ActiveCall(props: ActiveCallProps) {
  const { call, i18n, onEndCall, media, now: fixedNow, incomingActions } = props;
  const { messages, formats } = i18n;
  const text = messages.callButton;
  const answeredAt = call.status === 'ongoing' ? (call.answeredAt ?? call.createdAt) : undefined;
  const now = useNow(1000, fixedNow, answeredAt !== undefined);
  const end = useAsyncAction(useEndCall(onEndCall, media));
  const errorId = useId();
  const ending = end.status === 'pending';
  const failed = end.status === 'error';
  const detail = failed ? errorText(end.error) : undefined;

  return (
    <>
      <span className="wacall-call-button__status">
        <Icon name="phone" />
        <span>{activeCallLabel(call, messages)}</span>
        {answeredAt !== undefined && (
          <span className="wacall-call-button__timer" role="timer" aria-label={text.duration}>
            {formats.clock((now - answeredAt) / 1000)}
          </span>
        )}
      </span>
      {media && <MediaControls media={media} showHangUp={false} text={messages.callMedia} />}
      {incomingActions}
      {!incomingActions && (onEndCall ?? media) && (
        <button
          type="button"
          className="wacall-button wacall-button--danger"
          data-state={ending ? 'pending' : failed ? 'error' : 'idle'}
          aria-disabled={ending || undefined}
          aria-describedby={failed ? errorId : undefined}
          onClick={() => {
            if (!ending) void end.run(call);
          }}
        >
          <Icon name="hangUp" />
          <span>{ending ? text.ending : text.endCall}</span>
        </button>
      )}
      {!incomingActions && failed && (
        <span id={errorId} className="wacall-call-button__error">
          {detail ? `${text.endFailed} ${detail}` : text.endFailed}
        </span>
      )}
    </>
  );
}

/**
 * What End call does: with media alone, the hook hangs up (and calls its `onHangUp`); with
 * `onEndCall` too, that ends the call and the media is released once it has.
 */
function useEndCall(
  onEndCall: ActiveCallProps['onEndCall'],
  media: CallMediaController | undefined,
): ((call: CallRecord) => Promise<unknown> | unknown) | undefined {
  const hangUp = media?.hangUp;
  const release = media?.release;
  const endWithMedia = useCallback(
    async (call: CallRecord) => {
      await onEndCall?.(call);
      release?.();
    },
    [onEndCall, release],
  );
  if (!onEndCall) return hangUp;
  return release ? endWithMedia : onEndCall;
}
