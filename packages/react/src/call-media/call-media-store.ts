import { answerIncomingCall, startOutgoingCall, type CallMediaState } from '@wacall/webrtc';
import { meterMicrophone } from './microphone-meter';
import type {
  CallMediaImplementation,
  CallMediaSessionPort,
  CallMediaSnapshot,
  MicrophoneMeter,
  UseCallMediaOptions,
} from './types';

const webrtc: CallMediaImplementation = { answerIncomingCall, startOutgoingCall };

const initialSnapshot: CallMediaSnapshot = {
  status: 'idle',
  direction: undefined,
  muted: false,
  level: 0,
  microphoneLevel: 0,
  quality: undefined,
  error: undefined,
};

const meterSessionMicrophone = (session: CallMediaSessionPort) =>
  session.microphone ? meterMicrophone(session.microphone) : undefined;

const silent = { level: 0, microphoneLevel: 0 } as const;

/**
 * The media of one call at a time, outside React so the async steps can be ordered and cancelled:
 * every answer or start is an attempt, and a hang-up while one is in flight makes it stale.
 */
export class CallMediaStore {
  private snapshot = initialSnapshot;
  private readonly listeners = new Set<() => void>();
  private session: CallMediaSessionPort | undefined;
  private meter: MicrophoneMeter | undefined;
  private unsubscribers: Array<() => void> = [];
  private attempt = 0;
  private hangingUp: Promise<void> | undefined;

  constructor(private readonly options: () => UseCallMediaOptions) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CallMediaSnapshot => this.snapshot;

  readonly answer = async (offerSdp: string): Promise<void> => {
    const attempt = this.begin('incoming');
    const { media = webrtc, mediaOptions } = this.options();
    try {
      const { answerSdp, session } = await media.answerIncomingCall({ ...mediaOptions, offerSdp });
      if (!this.adopt(attempt, session)) return;
      await this.options().onAnswer?.(answerSdp);
    } catch (error) {
      if (this.fail(attempt, error)) throw error;
    }
  };

  readonly start = async (): Promise<void> => {
    const attempt = this.begin('outgoing');
    const { media = webrtc, mediaOptions } = this.options();
    try {
      const { offerSdp, session } = await media.startOutgoingCall(mediaOptions);
      if (!this.adopt(attempt, session)) return;
      await this.options().onOffer?.(offerSdp);
    } catch (error) {
      if (this.fail(attempt, error)) throw error;
    }
  };

  readonly applyAnswer = async (answerSdp: string): Promise<void> => {
    const session = this.session;
    if (!session || this.snapshot.direction !== 'outgoing') {
      throw new Error(
        'applyAnswer(): no outgoing call is waiting for an answer. Fix: call start() first, and ' +
          'apply the answer from the connect webhook of that same call.',
      );
    }
    const attempt = this.attempt;
    try {
      await session.applyAnswer(answerSdp);
    } catch (error) {
      if (this.fail(attempt, error)) throw error;
    }
  };

  readonly hangUp = (): Promise<void> => {
    // A double click must not end the call twice on the backend.
    this.hangingUp ??= (async () => {
      try {
        this.release();
        await this.options().onHangUp?.();
      } catch (error) {
        this.update({ error });
        throw error;
      } finally {
        this.hangingUp = undefined;
      }
    })();
    return this.hangingUp;
  };

  readonly release = (): void => {
    const live = isLive(this.snapshot.status);
    this.attempt += 1;
    this.stopMedia();
    if (live) this.update({ status: 'ended', ...silent });
  };

  readonly mute = (): void => {
    if (this.snapshot.muted) return;
    this.session?.mute();
    this.update({ muted: true, microphoneLevel: 0 });
  };

  readonly unmute = (): void => {
    if (!this.snapshot.muted) return;
    this.session?.unmute();
    this.update({ muted: false });
  };

  readonly toggleMute = (): void => {
    if (this.snapshot.muted) this.unmute();
    else this.mute();
  };

  private update(patch: Partial<CallMediaSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private begin(direction: 'incoming' | 'outgoing'): number {
    if (isLive(this.snapshot.status)) {
      throw new Error(
        `${direction === 'incoming' ? 'answer' : 'start'}(): the media of another call is still ` +
          `${this.snapshot.status}. Fix: hangUp() or release() it first; one hook holds one call.`,
      );
    }
    this.attempt += 1;
    this.snapshot = { ...initialSnapshot };
    this.update({ status: 'preparing', direction });
    return this.attempt;
  }

  /** Takes over a new session, or hangs it up when the agent hung up while it was being built. */
  private adopt(attempt: number, session: CallMediaSessionPort): boolean {
    if (attempt !== this.attempt) {
      session.hangUp();
      return false;
    }
    this.session = session;
    // The agent may have pressed mute while the microphone was still opening.
    if (this.snapshot.muted) session.mute();
    const meter = this.options().media?.meterMicrophone ?? meterSessionMicrophone;
    this.meter = meter(session);
    this.unsubscribers = [
      session.on('state', (state) => this.onState(state)),
      session.on('level', (level) => {
        const microphoneLevel = this.snapshot.muted ? 0 : (this.meter?.read() ?? 0);
        this.update({ level, microphoneLevel });
      }),
      session.on('quality', (quality) => this.update({ quality })),
      session.on('ended', ({ reason, error }) => {
        this.detach();
        if (reason === 'ice_failed') this.update({ status: 'failed', error, ...silent });
        else this.update({ status: 'ended', ...silent });
      }),
    ];
    this.update({ status: 'connecting' });
    return true;
  }

  private onState(state: CallMediaState): void {
    if (state === 'connected') this.update({ status: 'connected' });
    // ICE retries after a drop: the audio is interrupted but the call is not over yet.
    else if (state === 'disconnected' && this.snapshot.status === 'connected') {
      this.update({ status: 'connecting', ...silent });
    }
  }

  /** Records a failure of the current attempt; a stale attempt's failure is nobody's business. */
  private fail(attempt: number, error: unknown): boolean {
    if (attempt !== this.attempt) return false;
    this.stopMedia();
    this.update({ status: 'failed', error, ...silent });
    return true;
  }

  private stopMedia(): void {
    const session = this.session;
    this.detach();
    session?.hangUp();
  }

  private detach(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
    this.meter?.close();
    this.meter = undefined;
    this.session = undefined;
  }
}

/** Whether media is being set up or running. */
export function isLive(status: CallMediaSnapshot['status']): boolean {
  return status === 'preparing' || status === 'connecting' || status === 'connected';
}
