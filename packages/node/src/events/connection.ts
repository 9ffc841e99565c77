import { canReceive, type StreamScope } from './audience';
import { Outbox } from './outbox';
import type { LoggedFrame, ReplayLog, ReplayResult } from './replay-log';
import { eventBlock, heartbeatBlock, openingBlock, positionBlock } from './sse-frame';

export interface ConnectionSettings {
  heartbeatMs: number;
  retryMs: number;
  maxQueuedBytes: number;
}

/** What a `resync` frame says: the facade may have missed changes, or this stream cannot replay the gap. */
export type ResyncReason = 'replay_gap' | 'feed_restarted';

/** One browser's stream: its scope, its queue and its heartbeat, until either side ends it. */
export class Connection {
  readonly outbox: Outbox;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private onClose: (() => void) | undefined;

  constructor(
    readonly scope: StreamScope,
    private readonly log: ReplayLog,
    settings: ConnectionSettings,
  ) {
    this.outbox = new Outbox(settings.maxQueuedBytes, () => this.close());
    this.outbox.push(openingBlock(settings.retryMs));
    this.heartbeat = setInterval(
      () => this.outbox.push(heartbeatBlock(this.log.lastId)),
      settings.heartbeatMs,
    );
    // A stream alone must not keep a Node process alive.
    (this.heartbeat as { unref?: () => void }).unref?.();
  }

  /** Sends what the browser missed since its `Last-Event-ID` (or a resync), then where it now stands. */
  start(replay: ReplayResult | undefined, onClose: () => void): void {
    this.onClose = onClose;
    if (replay === 'gap') {
      this.outbox.push(eventBlock(this.log.lastId, 'resync', { reason: 'replay_gap' }));
      return;
    }
    for (const frame of replay ?? []) this.deliver(frame);
    this.outbox.push(positionBlock(this.log.lastId));
  }

  deliver(frame: LoggedFrame): void {
    if (canReceive(this.scope, frame.audience)) this.outbox.push(frame.text);
  }

  /** Ends the stream and lets go of its timer and queue; safe to call twice. */
  close(): void {
    if (this.heartbeat === undefined) return;
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    this.outbox.close();
    const onClose = this.onClose;
    this.onClose = undefined;
    onClose?.();
  }
}
