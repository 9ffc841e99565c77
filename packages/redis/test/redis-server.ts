// Starts a throwaway redis-server for tests: loopback only, a spare port, persistence only on request.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  port: number;
  /** `redis://127.0.0.1:<port>` */
  url: string;
  /** Stops the server (its data is gone). Safe to call twice. */
  stop(): Promise<void>;
  /** Takes the server away (an outage) but keeps its folder, so `restart()` can bring it back. */
  halt(): Promise<void>;
  /** Stops the server and starts it again on the same port (empty unless started with `persist`). */
  restart(): Promise<void>;
}

export interface StartRedisServerOptions {
  /** The executable; default `redis-server` from PATH. */
  command?: string;
  /** How long to wait for the server to answer PING (default 10 s). */
  readyTimeoutMs?: number;
  /**
   * Keep data across `restart()` (append-only file, synced on every write), so a test can take Redis
   * away and bring the same data back. Default: no persistence, a restart starts empty.
   */
  persist?: boolean;
}

const installHint =
  'The @wacall/redis tests need a real Redis: install it with `apt-get install redis-server` (Debian/Ubuntu; `.ci/run` does this) or put redis-server on PATH.';

/** Starts redis-server on a free loopback port and resolves once it answers PING. */
export async function startRedisServer(
  options: StartRedisServerOptions = {},
): Promise<RedisServer> {
  const command = options.command ?? 'redis-server';
  const readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
  const persistence = options.persist
    ? ['--appendonly', 'yes', '--appendfsync', 'always']
    : ['--appendonly', 'no'];
  const port = await freePort();
  const directory = mkdtempSync(join(tmpdir(), 'wacall-redis-'));
  let child: ChildProcess | undefined = await launch(
    command,
    port,
    directory,
    readyTimeoutMs,
    persistence,
  );
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    const running = child;
    child = undefined;
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    }
  };

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await stop();
      process.removeListener('exit', killOnExit);
      rmSync(directory, { recursive: true, force: true });
    },
    halt: stop,
    async restart() {
      await stop();
      child = await launch(command, port, directory, readyTimeoutMs, persistence);
    },
  };
}

async function launch(
  command: string,
  port: number,
  directory: string,
  readyTimeoutMs: number,
  persistence: readonly string[],
): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence];
  const child = spawn(command, [...args, '--dir', directory], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error(`"${command}" was not found. ${installHint}`)
          : new Error(`Could not start ${command}: ${error.message}`),
      );
    });
    child.once('exit', (code) => {
      reject(new Error(`${command} exited (code ${code}) before it was ready:\n${output.trim()}`));
    });
  });
  let gaveUp = false;
  failed.catch(() => (gaveUp = true));
  const deadline = Date.now() + readyTimeoutMs;
  const ready = (async () => {
    while (!gaveUp && Date.now() < deadline) {
      if (await answersPing(port)) return child;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // When the process already failed, `failed` carries the better message.
    if (gaveUp) return failed;
    child.kill('SIGKILL');
    throw new Error(`${command} did not answer PING on port ${port} within ${readyTimeoutMs} ms.`);
  })();
  return Promise.race([ready, failed]);
}

/** Asks the OS for a port nobody listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
