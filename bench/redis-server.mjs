// A throwaway redis-server for benchmarks: a free loopback port, no persistence.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';

/** A throwaway redis-server on a free loopback port, without persistence. */
export async function startRedis() {
  const port = await new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'wacall-bench-redis-'));
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: 'ignore' },
  );
  const failed = new Promise((_, reject) => {
    child.once('error', (error) =>
      reject(
        new Error(
          `cannot start redis-server (install it with apt-get install redis-server): ${error.message}`,
        ),
      ),
    );
  });
  const ready = (async () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const ok = await new Promise((resolve) => {
        const socket = createConnection({ port, host: '127.0.0.1' });
        socket.once('error', () => resolve(false));
        socket.once('connect', () => socket.write('PING\r\n'));
        socket.once('data', (data) => {
          socket.destroy();
          resolve(String(data).startsWith('+PONG'));
        });
      });
      if (ok) return;
      await sleep(50);
    }
    throw new Error('redis-server did not start');
  })();
  await Promise.race([ready, failed]);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
