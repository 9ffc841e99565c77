// The public surface of @wacall/webrtc: browser call media for WhatsApp calls.
export { answerIncomingCall } from './answer-incoming-call';
export { startOutgoingCall } from './start-outgoing-call';
export { estimateMos } from './estimate-mos';
export { IceFailedError, isIceFailedError } from './errors/ice-failed-error';
export { InvalidSdpError, isInvalidSdpError } from './errors/invalid-sdp-error';
export { isMicrophoneDeniedError, MicrophoneDeniedError } from './errors/microphone-denied-error';
export {
  isMicrophoneNotFoundError,
  MicrophoneNotFoundError,
} from './errors/microphone-not-found-error';

export type { AnswerIncomingCallInput, AnsweredCall } from './answer-incoming-call';
export type { StartedCall } from './start-outgoing-call';
export type {
  CallMediaEndReason,
  CallMediaEvents,
  CallMediaSession,
  CallMediaState,
} from './call-media-session';
export type { CallMediaOptions } from './media-options';
export type { CallQuality } from './read-call-quality';
export type { IceFailure } from './errors/ice-failed-error';
export type { SdpSource } from './errors/invalid-sdp-error';
