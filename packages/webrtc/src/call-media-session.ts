import { checkAnswerSdp, normalizeSdpLineEndings, WacallError } from '@wacall/core/browser';
import { Emitter } from './emitter';
import { IceFailedError } from './errors/ice-failed-error';
import { InvalidSdpError } from './errors/invalid-sdp-error';
import type { CallMediaOptions } from './media-options';
import type { OpenedMicrophone } from './open-microphone';
import { readAudioLevel, readCallQuality, type CallQuality } from './read-call-quality';
import { createLevelMeter, type LevelMeter } from './remote-level-meter';

/** `RTCPeerConnection.connectionState`, plus `ended` once the session has released everything. */
export type CallMediaState = RTCPeerConnectionState | 'ended';

/** Why a session ended. */
export type CallMediaEndReason = 'hang_up' | 'ice_failed';

/** What a session tells its listeners. */
export interface CallMediaEvents {
  /** Every change of the connection state. */
  state: CallMediaState;
  /** The customer's audio level, 0–1, every `levelIntervalMs` while connected. */
  level: number;
  /** RTT, jitter, loss and MOS, every `qualityIntervalMs` while connected. */
  quality: CallQuality;
  /** Once, after the microphone and the peer connection were released. */
  ended: { reason: CallMediaEndReason; error?: IceFailedError };
  [key: string]: unknown;
}

/** The media side of one call: microphone, peer connection and what they report. */
export interface CallMediaSession {
  readonly direction: 'incoming' | 'outgoing';
  readonly state: CallMediaState;
  readonly muted: boolean;
  /** The agent's microphone track (ended after hang-up when the session opened it). */
  readonly microphone: MediaStreamTrack;
  /** The customer's audio, to play or record yourself. */
  readonly remoteStream: MediaStream;
  /** The underlying connection, for your own `getStats()` or debugging. */
  readonly peerConnection: RTCPeerConnection;
  /** Outgoing calls: applies Meta's answer from the connect webhook. */
  applyAnswer(answerSdp: string): Promise<void>;
  /** Stops sending the agent's audio (RTCP keeps the call alive). */
  mute(): void;
  unmute(): void;
  /** Closes the connection and releases the microphone. Safe to call twice. */
  hangUp(): void;
  /** One quality sample now. */
  getQuality(): Promise<CallQuality>;
  on<Name extends keyof CallMediaEvents & string>(
    name: Name,
    listener: (payload: CallMediaEvents[Name]) => void,
  ): () => void;
}

/** @internal Wires a peer connection that already carries the microphone into a session. */
export function createCallMediaSession(input: {
  direction: 'incoming' | 'outgoing';
  pc: RTCPeerConnection;
  sender: RTCRtpSender;
  microphone: OpenedMicrophone;
  options: CallMediaOptions;
}): CallMediaSession {
  const { pc, sender, microphone, options, direction } = input;
  const events = new Emitter<CallMediaEvents>();
  const remoteStream = new MediaStream();
  let state: CallMediaState = pc.connectionState;
  let muted = false;
  let counters = { received: 0, lost: 0 };
  const timers: ReturnType<typeof setInterval>[] = [];
  const audio =
    options.playRemoteAudio === false || typeof Audio === 'undefined' ? undefined : new Audio();

  let meter: LevelMeter | undefined;
  const addRemoteTrack = (track: MediaStreamTrack) => {
    if (remoteStream.getTrackById(track.id)) return;
    remoteStream.addTrack(track);
    meter ??= createLevelMeter(remoteStream);
    if (audio) {
      audio.srcObject = remoteStream;
      // Autoplay can be refused before a user gesture; the stream stays available to the app.
      void audio.play().catch(() => undefined);
    }
  };
  // An answer's remote track already exists: setRemoteDescription ran before this session did.
  for (const receiver of pc.getReceivers()) addRemoteTrack(receiver.track);
  pc.addEventListener('track', (event) => addRemoteTrack(event.track));

  const sample = async () => {
    const { quality, counters: next } = readCallQuality(await pc.getStats(), counters);
    counters = next;
    return quality;
  };
  const startReports = () => {
    timers.push(
      setInterval(() => {
        if (meter) events.emit('level', meter.read());
        else
          void pc.getStats().then(
            (report) => events.emit('level', readAudioLevel(report)),
            () => undefined,
          );
      }, options.levelIntervalMs ?? 200),
      setInterval(() => {
        void sample().then(
          (quality) => events.emit('quality', quality),
          () => undefined,
        );
      }, options.qualityIntervalMs ?? 2000),
    );
  };

  const end = (reason: CallMediaEndReason, error?: IceFailedError) => {
    if (state === 'ended') return;
    for (const timer of timers) clearInterval(timer);
    if (microphone.owned) microphone.track.stop();
    meter?.close();
    pc.close();
    if (audio) audio.srcObject = null;
    state = 'ended';
    events.emit('state', state);
    events.emit('ended', error ? { reason, error } : { reason });
    events.clear();
  };

  pc.addEventListener('connectionstatechange', () => {
    if (state === 'ended') return;
    state = pc.connectionState;
    events.emit('state', state);
    if (state === 'connected' && timers.length === 0) startReports();
    if (state === 'failed') end('ice_failed', new IceFailedError('connection_failed'));
  });

  return {
    direction,
    get state() {
      return state;
    },
    get muted() {
      return muted;
    },
    microphone: microphone.track,
    remoteStream,
    peerConnection: pc,
    async applyAnswer(answerSdp) {
      if (direction !== 'outgoing' || pc.signalingState !== 'have-local-offer') {
        throw new WacallError(
          `applyAnswer(): an answer cannot be applied to an ${direction} call in signaling state ` +
            `${pc.signalingState}. Fix: call it once, on the session from startOutgoingCall().`,
        );
      }
      const sdp = normalizeSdpLineEndings(answerSdp);
      const problems = checkAnswerSdp(sdp, { from: 'platform' });
      if (problems.length > 0) throw new InvalidSdpError('remote_answer', problems);
      await pc.setRemoteDescription({ type: 'answer', sdp });
    },
    mute() {
      if (muted || state === 'ended') return;
      muted = true;
      // Without a track the sender stops RTP entirely, so not even silence reaches the customer.
      void sender.replaceTrack(null);
    },
    unmute() {
      if (!muted || state === 'ended') return;
      muted = false;
      void sender.replaceTrack(microphone.track);
    },
    hangUp: () => end('hang_up'),
    getQuality: sample,
    on: (name, listener) => events.on(name, listener),
  };
}
