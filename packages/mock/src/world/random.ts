import { randomBytes } from 'node:crypto';

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const traceAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The simulator's only source of randomness (ids, SDP secrets, duplicate and reorder choices).
 * Seeded, so a failing test that passes `seed` replays exactly.
 */
export class SimulatorRandom {
  private state: number;

  constructor(seed: number = randomBytes(4).readUInt32LE(0)) {
    this.state = seed >>> 0;
  }

  /** The generator's position, so a saved simulator picks up where it stopped instead of repeating ids. */
  get position(): number {
    return this.state;
  }

  set position(value: number) {
    this.state = value >>> 0;
  }

  /** A float in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  digits(length: number): string {
    return String(1 + this.int(9)) + this.pick('0123456789', length - 1);
  }

  hexPairs(count: number): string {
    return Array.from({ length: count }, () => this.pick('0123456789ABCDEF', 2)).join(':');
  }

  /** Shuffles a copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /** A call id shaped like Meta's: `wacid.` + base64 text. */
  callId(): `wacid.${string}` {
    return `wacid.HBgL${this.pick(base64Alphabet, 48)}=`;
  }

  /** A message id shaped like Meta's: `wamid.` + base64 text. */
  messageId(): `wamid.${string}` {
    return `wamid.HBgL${this.pick(base64Alphabet, 48)}=`;
  }

  /** An `fbtrace_id` like the ones Graph puts in error bodies. */
  traceId(): string {
    return this.pick(traceAlphabet, 23);
  }
}
