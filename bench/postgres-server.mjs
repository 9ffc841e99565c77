// A throwaway PostgreSQL server for benchmarks: initdb into a temp folder, a free loopback port.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const hint =
  'install PostgreSQL with `apt-get install -y --no-install-recommends postgresql`, or set PG_BIN to the folder holding initdb and pg_ctl';

/** Runs a Postgres tool; as root, as the postgres user (Postgres refuses to run as root). */
function tool(bin, name, args) {
  const path = join(bin, name);
  if (!existsSync(path)) throw new Error(`${path} was not found: ${hint}.`);
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? 'runuser' : path, asRoot ? ['-u', 'postgres', '--', path, ...args] : args, {
    stdio: 'ignore',
  });
}

/** Starts a server and resolves with its URL and a stop function. */
export async function startPostgres() {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root)
    ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  const bin = process.env.PG_BIN ?? (version ? join(root, version, 'bin') : undefined);
  if (!bin) throw new Error(`PostgreSQL was not found: ${hint}.`);
  const port = await new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'wacall-bench-postgres-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  tool(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'wacall', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  tool(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://wacall@127.0.0.1:${port}/postgres`,
    async stop() {
      tool(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
