import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  freePort,
  startPostgresServer,
  type PostgresServer,
} from '../../../packages/postgres/test/postgres-server';
import { lockFileName } from '../src/server/data-folder-lock';
import { openStore } from '../src/server/demo-store';
import { seedCustomers } from '../src/server/seed';
import { startHelpdesk, type Helpdesk } from '../src/server/start-helpdesk';
import type { TicketEntry } from '../src/server/ticket-directory';

const webRoot = fileURLToPath(new URL('../dist/web/', import.meta.url));
const secret = 'hunter2-very-secret';
const maria = seedCustomers[0]!.waId;

let postgres: PostgresServer | undefined;
let folder: string;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'wacall-demo-store-'));
  // A throwaway server on a spare loopback port; the run fails (never skips) without PostgreSQL.
  postgres = await startPostgresServer();
});
afterAll(async () => {
  try {
    await postgres?.stop();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

function refusalOf(opening: Promise<unknown>): Promise<string> {
  return opening.then(
    () => {
      throw new Error('Expected the store to be refused.');
    },
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}

it('stops at start with where it looked when PostgreSQL does not answer, never with the password', async () => {
  const port = await freePort();
  const message = await refusalOf(
    openStore({ kind: 'postgres', url: `postgres://desk:${secret}@127.0.0.1:${port}/helpdesk` }),
  );
  expect(message).toMatch(
    new RegExp(`^PostgreSQL at postgres://127\\.0\\.0\\.1:${port}/helpdesk could not be used \\(`),
  );
  expect(message).toMatch(/Start the server, or point DATABASE_URL at a running one/);
  expect(message).not.toContain(secret);
});

it('stops at start when the PGlite folder cannot be one, naming it and what to do', async () => {
  const file = join(folder, 'not-a-folder');
  writeFileSync(file, 'hello');
  const message = await refusalOf(openStore({ kind: 'pglite', dataDir: file }));
  expect(message).toMatch(new RegExp(`^The PGlite folder ${file} could not be created`));
  expect(message).toMatch(/Point WACALL_DATA_DIR at a folder the demo may write/);
});

it('lets one demo at a time open a PGlite folder, and takes over from one that stopped without letting go', async () => {
  const dataDir = join(folder, 'pglite');
  const first = await openStore({ kind: 'pglite', dataDir });
  try {
    expect(readFileSync(join(dataDir, lockFileName), 'utf8')).toBe(String(process.pid));
    const message = await refusalOf(openStore({ kind: 'pglite', dataDir }));
    expect(message).toBe(
      `The PGlite folder ${dataDir} is in use by another helpdesk demo (process ${process.pid}). Stop that one first, or give this one a folder of its own with WACALL_DATA_DIR.`,
    );
    await first.store.set('helpdesk:note', 'kept');
  } finally {
    await first.close();
  }
  expect(existsSync(join(dataDir, lockFileName))).toBe(false);

  // A demo that was killed leaves its lock behind; its process no longer runs.
  const gone = spawnSync(process.execPath, ['-e', '']).pid;
  writeFileSync(join(dataDir, lockFileName), String(gone));
  const second = await openStore({ kind: 'pglite', dataDir });
  try {
    expect((await second.store.get('helpdesk:note'))?.value).toBe('kept');
  } finally {
    await second.close();
  }
});

async function ticketsOn(url: string): Promise<TicketEntry[]> {
  const response = await fetch(`${url}/api/tickets`);
  expect(response.status).toBe(200);
  return (await response.json()) as TicketEntry[];
}

it('runs two instances on one PostgreSQL server and carries on after a restart, the ringing call ended', async () => {
  if (!postgres) throw new Error('beforeAll did not start PostgreSQL.');
  const options = {
    config: { mode: 'simulator' },
    port: 0,
    host: '127.0.0.1',
    webRoot,
    store: { kind: 'postgres', url: postgres.url },
    instances: 2,
  } as const;
  let callId: string;
  let helpdesk: Helpdesk = await startHelpdesk(options);
  try {
    expect(helpdesk.restored).toBe(false);
    const [, second] = helpdesk.instances;
    callId = await helpdesk.simulator!.customer(maria).call();
    // Instance 2 never sees a webhook: it reads the call from the database.
    await expect
      .poll(async () => (await second!.wacall.getCall(callId))?.status, { timeout: 10_000 })
      .toBe('ringing');
  } finally {
    await helpdesk.close();
  }

  helpdesk = await startHelpdesk(options);
  try {
    expect(helpdesk.restored).toBe(true);
    const [first, second] = helpdesk.instances;
    await expect
      .poll(async () => (await second!.wacall.getCall(callId))?.status, { timeout: 10_000 })
      .toBe('missed');
    expect((await ticketsOn(second!.url)).map((ticket) => ticket.name).sort()).toEqual(
      seedCustomers.map((customer) => customer.name).sort(),
    );
    expect(await ticketsOn(first!.url)).toEqual(await ticketsOn(second!.url));
    // Not seeded twice: the simulated business still has its two templates, once each.
    expect((await first!.wacall.client.templates.list()).templates).toHaveLength(2);
  } finally {
    await helpdesk.close();
  }
});
