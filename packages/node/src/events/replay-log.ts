/** Who may receive a frame: the agents it names, the agents who may see one of its customers, or all. */
export type Audience =
  | { kind: 'everyone' }
  | { kind: 'agents'; agentIds: readonly string[] }
  | { kind: 'customers'; customers: readonly string[] };

export interface LoggedFrame {
  seq: number;
  id: string;
  audience: Audience;
  /** The whole SSE block, ready to write. */
  text: string;
}

/** What a `Last-Event-ID` leads to: the frames after it, or `gap` when they are no longer all here. */
export type ReplayResult = LoggedFrame[] | 'gap';

function randomStreamId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 12);
}

/**
 * The last `capacity` frames, and the id scheme. Ids are `<stream>-<seq>`: `seq` counts up in this
 * process; `stream` is random per process, so an id from another instance behind the load balancer,
 * or from before a restart, is never mistaken for one of ours (it leads to a resync instead).
 */
export class ReplayLog {
  readonly streamId = randomStreamId();
  private seq = 0;
  private readonly frames: LoggedFrame[] = [];

  constructor(private readonly capacity: number) {}

  /** The id of the newest frame (`<stream>-0` before the first). */
  get lastId(): string {
    return `${this.streamId}-${this.seq}`;
  }

  append(audience: Audience, build: (id: string) => string): LoggedFrame {
    this.seq += 1;
    const id = this.lastId;
    const frame = { seq: this.seq, id, audience, text: build(id) };
    if (this.capacity > 0) {
      this.frames.push(frame);
      if (this.frames.length > this.capacity) this.frames.shift();
    }
    return frame;
  }

  /** The frames after `lastEventId`, oldest first. */
  since(lastEventId: string): ReplayResult {
    const dash = lastEventId.lastIndexOf('-');
    if (dash < 0 || lastEventId.slice(0, dash) !== this.streamId) return 'gap';
    const digits = lastEventId.slice(dash + 1);
    if (!/^\d{1,15}$/.test(digits)) return 'gap';
    const after = Number(digits);
    if (after > this.seq) return 'gap';
    if (after === this.seq) return [];
    const oldest = this.frames[0]?.seq ?? this.seq + 1;
    if (after + 1 < oldest) return 'gap';
    return this.frames.filter((frame) => frame.seq > after);
  }
}
