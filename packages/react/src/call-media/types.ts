import type {
  AnswerIncomingCallInput,
  CallMediaEvents,
  CallMediaOptions,
  CallQuality,
} from '@wacall/webrtc';

/**
 * Where the call's audio is: `preparing` (opening the microphone, gathering candidates),
 * `connecting` (SDP sent, waiting for the media path), `connected`, `ended`, or `failed` (see `error`).
 */
export type CallMediaStatus =
  'idle' | 'preparing' | 'connecting' | 'connected' | 'ended' | 'failed';

/** How a call sounds, from the estimated MOS: `good` ≥ 4, `fair` ≥ 3.6, `poor` below. */
export type CallQualityLevel = 'good' | 'fair' | 'poor';

/** The part of a `@wacall/webrtc` session the hook drives; a fake only needs these members. */
export interface CallMediaSessionPort {
  readonly muted: boolean;
  /** The agent's track, for the microphone meter; a fake may leave it out. */
  readonly microphone?: MediaStreamTrack;
  applyAnswer(answerSdp: string): Promise<void>;
  mute(): void;
  unmute(): void;
  hangUp(): void;
  on<Name extends keyof CallMediaEvents & string>(
    name: Name,
    listener: (payload: CallMediaEvents[Name]) => void,
  ): () => void;
}

/** Reads the loudness of the agent's microphone, 0–1. */
export interface MicrophoneMeter {
  read(): number;
  close(): void;
}

/**
 * What opens the media. Defaults to `@wacall/webrtc`; pass your own in tests (jsdom has no WebRTC)
 * or to wrap the real functions.
 */
export interface CallMediaImplementation {
  answerIncomingCall(
    input: AnswerIncomingCallInput,
  ): Promise<{ answerSdp: string; session: CallMediaSessionPort }>;
  startOutgoingCall(
    options?: CallMediaOptions,
  ): Promise<{ offerSdp: string; session: CallMediaSessionPort }>;
  /** Measures the session's microphone; default Web Audio on `session.microphone`, none without it. */
  meterMicrophone?(session: CallMediaSessionPort): MicrophoneMeter | undefined;
}

/** The app's side of the signalling: each callback calls your backend, which calls the Graph API. */
export interface UseCallMediaOptions {
  /** Sends the answer SDP of an incoming call (your backend: `wacall.acceptCall({ callId, sdp })`). */
  onAnswer?: (answerSdp: string) => Promise<unknown>;
  /** Sends the offer SDP of an outgoing call (your backend: `wacall.startCall({ to, sdp })`). */
  onOffer?: (offerSdp: string) => Promise<unknown>;
  /** Ends the call on your backend (`wacall.endCall()`) when the agent hangs up. */
  onHangUp?: () => Promise<unknown>;
  /** Microphone constraints or track, intervals, ICE configuration: passed to `@wacall/webrtc`. */
  mediaOptions?: CallMediaOptions;
  /** Replaces `@wacall/webrtc` (tests, wrappers). */
  media?: CallMediaImplementation;
}

/** What the hook reports; every field is safe to render. */
export interface CallMediaSnapshot {
  status: CallMediaStatus;
  /** Which call the media belongs to, once one was answered or started. */
  direction: 'incoming' | 'outgoing' | undefined;
  /** Whether the agent's audio is held back. */
  muted: boolean;
  /** The customer's audio level, 0–1 (from the session's `level` event). */
  level: number;
  /** The agent's microphone level, 0–1, as the customer hears it: 0 while muted. */
  microphoneLevel: number;
  /** The latest quality sample, once connected. */
  quality: CallQuality | undefined;
  /** The last failure: a `@wacall/webrtc` error or what one of your callbacks rejected with. */
  error: unknown;
}

/** `useCallMedia()`'s result: the snapshot plus the actions. */
export interface CallMediaController extends CallMediaSnapshot {
  /** Answers an incoming call's offer, then calls `onAnswer(answerSdp)`. Rejects when either fails. */
  answer(offerSdp: string): Promise<void>;
  /** Writes an outgoing call's offer, then calls `onOffer(offerSdp)`. Rejects when either fails. */
  start(): Promise<void>;
  /** Applies Meta's answer from the connect webhook of the outgoing call. */
  applyAnswer(answerSdp: string): Promise<void>;
  /** Releases the media and calls `onHangUp()`. Rejects when `onHangUp` does. */
  hangUp(): Promise<void>;
  /** Releases the media without calling `onHangUp` (the call already ended elsewhere). */
  release(): void;
  mute(): void;
  unmute(): void;
  toggleMute(): void;
}
