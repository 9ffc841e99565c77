/**
 * What waits for one browser. The writer takes it when the socket can take more, so a slow browser
 * costs at most `maxBytes`; beyond that `onOverflow` ends its stream (it reconnects and resumes).
 */
export class Outbox {
  private chunks: string[] = [];
  private bytes = 0;
  private closed = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly onOverflow: () => void,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  push(chunk: string): void {
    if (this.closed) return;
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.onOverflow();
      return;
    }
    this.wake?.();
  }

  /** Everything queued as one chunk; `undefined` once closed. Waits while empty. */
  async next(): Promise<string | undefined> {
    while (this.chunks.length === 0 && !this.closed) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    if (this.closed) return undefined;
    const chunk = this.chunks.join('');
    this.chunks = [];
    this.bytes = 0;
    return chunk;
  }

  close(): void {
    this.closed = true;
    this.chunks = [];
    this.bytes = 0;
    this.wake?.();
  }
}
