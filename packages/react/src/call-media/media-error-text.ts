import {
  isIceFailedError,
  isInvalidSdpError,
  isMicrophoneDeniedError,
  isMicrophoneNotFoundError,
} from '@wacall/webrtc';
import type { WacallMessages } from '../i18n/messages';
import { errorText } from '../internal/use-async-action';

/**
 * What the agent reads when the call audio fails: a sentence they can act on for the media errors,
 * otherwise the failure with the rejection's own message (e.g. from your backend).
 */
export function mediaErrorText(error: unknown, text: WacallMessages['callMedia']): string {
  if (isMicrophoneDeniedError(error)) return text.microphoneDenied;
  if (isMicrophoneNotFoundError(error)) return text.microphoneNotFound;
  if (isIceFailedError(error)) return text.iceFailed;
  if (isInvalidSdpError(error)) return text.invalidSdp;
  const detail = errorText(error);
  return detail ? `${text.failed} ${detail}` : text.failed;
}

/** Whether `error` came from the media side (microphone, ICE, SDP) rather than from your backend. */
export function isCallMediaError(error: unknown): boolean {
  return (
    isMicrophoneDeniedError(error) ||
    isMicrophoneNotFoundError(error) ||
    isIceFailedError(error) ||
    isInvalidSdpError(error)
  );
}
