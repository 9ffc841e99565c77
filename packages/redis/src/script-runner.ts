import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';

/**
 * Runs a Lua script by its SHA-1 (cheap), loading it once when the server does not know it yet
 * (after a restart or a failover), without adding commands to a client the caller owns.
 */
export class ScriptRunner {
  readonly #source: string;
  readonly #sha: string;

  constructor(source: string) {
    this.#source = source;
    this.#sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: Redis | Cluster, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await client.evalsha(this.#sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return client.eval(this.#source, keys.length, ...keys, ...args);
    }
  }
}
