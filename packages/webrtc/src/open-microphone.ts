import { MicrophoneDeniedError } from './errors/microphone-denied-error';
import { MicrophoneNotFoundError } from './errors/microphone-not-found-error';
import type { CallMediaOptions } from './media-options';

/** The microphone track for a call, and whether hanging up should stop it. */
export interface OpenedMicrophone {
  track: MediaStreamTrack;
  owned: boolean;
}

const defaultConstraints: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

/** Opens the agent's microphone, turning the browser's DOMExceptions into typed errors. */
export async function openMicrophone(options: CallMediaOptions): Promise<OpenedMicrophone> {
  const { microphone } = options;
  if (isTrack(microphone)) return { track: microphone, owned: false };
  const getUserMedia =
    options.getUserMedia ??
    ((constraints: MediaStreamConstraints) => {
      if (!globalThis.navigator?.mediaDevices?.getUserMedia) throw new MicrophoneNotFoundError();
      return globalThis.navigator.mediaDevices.getUserMedia(constraints);
    });
  let stream: MediaStream;
  try {
    stream = await getUserMedia({ audio: microphone ?? defaultConstraints, video: false });
  } catch (error) {
    throw mapMediaError(error);
  }
  const [track] = stream.getAudioTracks();
  if (!track) throw new MicrophoneNotFoundError();
  return { track, owned: true };
}

function isTrack(value: CallMediaOptions['microphone']): value is MediaStreamTrack {
  return typeof value === 'object' && value !== null && 'readyState' in value && 'stop' in value;
}

function mapMediaError(error: unknown): unknown {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return new MicrophoneDeniedError({ cause: error });
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') {
    return new MicrophoneNotFoundError({ cause: error });
  }
  return error;
}
