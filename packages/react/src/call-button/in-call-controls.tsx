import { useCallback, useId } from 'react';
import type { CallRecord } from '@wacall/core';
import { MediaControls } from '../call-media/call-media-controls';
import type { CallMediaController } from '../call-media/types';
import type { WacallI18n } from '../i18n/messages-context';
import { Icon } from '../internal/icon';
import { errorText, useAsyncAction } from '../internal/use-async-action';
import { usePartState } from './call-controls-context';

type EndCall = (call: CallRecord) => Promise<unknown> | unknown;

/**
 * The live call's controls: mute, levels and quality with `media`, and End call (with `onEndCall` or
 * `media`). While the agent can still accept or decline a ringing call here, End call gives way to
 * `IncomingCallActions`. Renders nothing without a live call.
 */
export function InCallControls() {
  const controls = usePartState('InCallControls');
  const { call, options } = controls;
  if (!call) return null;
  return (
    <InCallButtons
      call={call}
      i18n={controls.i18n}
      media={options.media}
      onEndCall={options.onEndCall}
      canEnd={!controls.acceptsHere}
    />
  );
}

interface InCallButtonsProps {
  call: CallRecord;
  i18n: WacallI18n;
  media?: CallMediaController;
  onEndCall?: EndCall;
  canEnd: boolean;
}

function InCallButtons(props: InCallButtonsProps) {
  const { call, media, canEnd } = props;
  const { messages } = props.i18n;
  const text = messages.callButton;
  const endCall = useEndCall(props.onEndCall, media);
  const end = useAsyncAction(endCall);
  const errorId = useId();
  const ending = end.status === 'pending';
  const failed = canEnd && end.status === 'error';
  const detail = failed ? errorText(end.error) : undefined;
  return (
    <>
      {media && <MediaControls media={media} showHangUp={false} text={messages.callMedia} />}
      {canEnd && endCall && (
        <button
          type="button"
          className="wacall-button wacall-button--danger"
          data-state={endState(ending, failed)}
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
      {failed && (
        <span id={errorId} className="wacall-call-button__error">
          {detail ? `${text.endFailed} ${detail}` : text.endFailed}
        </span>
      )}
    </>
  );
}

function endState(ending: boolean, failed: boolean): 'pending' | 'error' | 'idle' {
  if (ending) return 'pending';
  return failed ? 'error' : 'idle';
}

/**
 * What End call does: with media alone, the hook hangs up (and calls its `onHangUp`); with
 * `onEndCall` too, that ends the call and the media is released once it has.
 */
function useEndCall(
  onEndCall: EndCall | undefined,
  media: CallMediaController | undefined,
): EndCall | undefined {
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
