// Starts a throwaway PostgreSQL server for tests: initdb into a temp folder, loopback only, a spare port.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresServer {
  port: number;
  /** `postgres://wacall@127.0.0.1:<port>/postgres` */
  url: string;
  /** Stops the server and removes its data. Safe to call twice. */
  stop(): Promise<void>;
  /** Takes the server away at once, as a crash would (connections drop), keeping its data. */
  halt(): Promise<void>;
  /** Starts a halted server again on the same port, with the same data. */
  start(): Promise<void>;
}

const installHint =
  'The @wacall/postgres tests need PostgreSQL: install it with `apt-get install -y --no-install-recommends postgresql` (Debian/Ubuntu; `.ci/run` does this), or set PG_BIN to the folder holding initdb and pg_ctl.';

/** The folder with initdb and pg_ctl: PG_BIN, else the newest Debian install. */
function binaries(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0] === undefined) throw new Error(`initdb was not found. ${installHint}`);
  return join(root, versions[0], 'bin');
}

/** Postgres refuses to run as root: as root, run its tools as the `postgres` user. */
const asRoot = process.getuid?.() === 0;

async function tool(bin: string, name: string, args: string[]): Promise<string> {
  const path = join(bin, name);
  if (!existsSync(path)) throw new Error(`${path} was not found. ${installHint}`);
  const [command, fullArgs] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', path, ...args]]
    : [path, args];
  try {
    const { stdout } = await run(command, fullArgs, { timeout: 60_000 });
    return stdout;
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${name} failed: ${output.message}\n${output.stderr ?? ''}${output.stdout ?? ''}`,
    );
  }
}

/** Creates a cluster in a temp folder and starts it on a free loopback port. */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = binaries();
  const directory = mkdtempSync(join(tmpdir(), 'wacall-postgres-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
      throw new Error(`There is no "postgres" user to run the server as. ${installHint}`);
    });
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(directory, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(directory, 'data');
  await tool(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'wacall', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  // Durability across a crash comes from the WAL, which a halt keeps; fsync only matters to the OS.
  const settings = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () =>
    tool(bin, 'pg_ctl', ['-D', data, '-o', settings, '-l', join(directory, 'log'), '-w', 'start']);
  await start();
  let running = true;
  const shutdown = async (mode: 'fast' | 'immediate') => {
    if (!running) return;
    running = false;
    await tool(bin, 'pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  };
  const killOnExit = () => {
    if (running) void shutdown('immediate').catch(() => undefined);
  };
  process.once('exit', killOnExit);
  return {
    port,
    url: `postgres://wacall@127.0.0.1:${port}/postgres`,
    async stop() {
      await shutdown('fast').catch(() => undefined);
      process.removeListener('exit', killOnExit);
      rmSync(directory, { recursive: true, force: true });
    },
    halt: () => shutdown('immediate'),
    async start() {
      if (running) return;
      await start();
      running = true;
    },
  };
}

/** Asks the OS for a port nobody listens on. */
export function freePort(): Promise<number> {
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
