import { useEffect, useRef, useState } from 'react';
import type { WacallMessages, WacallMessagesOverride } from '../i18n/messages';
import { useWacallI18n } from '../i18n/messages-context';
import { cx } from '../internal/cx';
import { Icon } from '../internal/icon';
import { LiveRegion } from '../internal/live-region';
import { errorText, useAsyncAction } from '../internal/use-async-action';
import { isLive } from './call-media-store';
import { LevelMeter } from './level-meter';
import { mediaErrorText } from './media-error-text';
import { QualityIndicator } from './quality-indicator';
import type { CallMediaController, CallMediaStatus } from './types';

/** The part of `useCallMedia()`'s result the controls read; the whole result fits. */
export type CallMediaControlsMedia = Pick<
  CallMediaController,
  'status' | 'muted' | 'level' | 'microphoneLevel' | 'quality' | 'error' | 'toggleMute' | 'hangUp'
>;

export interface CallMediaControlsProps {
  /** `useCallMedia()`'s result. */
  media: CallMediaControlsMedia;
  /** Show a "Hang up" button (calls `media.hangUp()`). Default `true`; `CallButton` has its own. */
  showHangUp?: boolean;
  messages?: WacallMessagesOverride;
  className?: string;
}

/**
 * The agent's in-call audio controls: mute, their microphone's level, the customer's level, the
 * connection quality, hang up, and what went wrong when the audio failed.
 */
export function CallMediaControls({ messages, ...props }: CallMediaControlsProps) {
  const i18n = useWacallI18n(messages);
  return <MediaControls {...props} text={i18n.messages.callMedia} />;
}

/** @internal The controls with resolved strings, for `CallButton`'s in-call state. */
export function MediaControls({
  media,
  showHangUp = true,
  className,
  text,
}: Omit<CallMediaControlsProps, 'messages'> & { text: WacallMessages['callMedia'] }) {
  const { status, muted } = media;
  const live = isLive(status);
  const hangUp = useAsyncAction(media.hangUp);
  const hangingUp = hangUp.status === 'pending';
  const announcement = useMediaAnnouncement(status, muted, text);

  return (
    <div
      role="group"
      aria-label={text.controls}
      className={cx('wacall-media', className)}
      data-status={status}
      data-muted={muted || undefined}
    >
      {(status === 'preparing' || status === 'connecting') && (
        <span className="wacall-media__progress">
          <Icon name="clock" />
          <span>{statusText(status, text)}</span>
        </span>
      )}
      {live && (
        <button
          type="button"
          className="wacall-button wacall-button--quiet wacall-media__mute"
          aria-pressed={muted}
          onClick={media.toggleMute}
        >
          <Icon name={muted ? 'microphoneOff' : 'microphone'} />
          <span>{text.mute}</span>
        </button>
      )}
      {status === 'connected' && (
        <>
          <LevelMeter
            source="microphone"
            label={text.microphoneLevel}
            level={media.microphoneLevel}
          />
          <LevelMeter source="customer" label={text.customerLevel} level={media.level} />
          {media.quality && <QualityIndicator quality={media.quality} text={text} />}
        </>
      )}
      {showHangUp && live && (
        <button
          type="button"
          className="wacall-button wacall-button--danger"
          data-state={hangingUp ? 'pending' : 'idle'}
          aria-disabled={hangingUp || undefined}
          onClick={() => {
            if (!hangingUp) void hangUp.run();
          }}
        >
          <Icon name="hangUp" />
          <span>{hangingUp ? text.hangingUp : text.hangUp}</span>
        </button>
      )}
      {status === 'failed' && (
        <span role="alert" className="wacall-media__error">
          <Icon name="alert" />
          <span>{mediaErrorText(media.error, text)}</span>
        </span>
      )}
      {showHangUp && hangUp.status === 'error' && status !== 'failed' && (
        <span role="alert" className="wacall-media__error">
          <Icon name="alert" />
          <span>{cx(text.hangUpFailed, errorText(hangUp.error))}</span>
        </span>
      )}
      <LiveRegion>{announcement}</LiveRegion>
    </div>
  );
}

function statusText(status: CallMediaStatus, text: WacallMessages['callMedia']): string {
  if (status === 'preparing') return text.preparing;
  if (status === 'connecting') return text.connecting;
  if (status === 'connected') return text.connected;
  return '';
}

/** The polite announcement: a mute toggle while live, otherwise each new media status. */
function useMediaAnnouncement(
  status: CallMediaStatus,
  muted: boolean,
  text: WacallMessages['callMedia'],
): string {
  const [announcement, setAnnouncement] = useState(() => statusText(status, text));
  const previous = useRef({ status, muted });
  useEffect(() => {
    const before = previous.current;
    if (before.muted !== muted && isLive(status)) {
      setAnnouncement(muted ? text.muted : text.unmuted);
    } else if (before.status !== status) {
      setAnnouncement(statusText(status, text));
    }
    previous.current = { status, muted };
  }, [status, muted, text]);
  return announcement;
}
