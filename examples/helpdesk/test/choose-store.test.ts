// The demo's store choice: PGlite under a folder by default (state survives a restart), memory on
// request, and a clear message for a setting that cannot work.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore } from '@wacall/core';
import { PostgresStore } from '@wacall/postgres';
import { describe, expect, it } from 'vitest';
import { chooseStore } from '../src/server/choose-store';

describe('chooseStore', () => {
  it('keeps state in PGlite under the data folder by default, across a restart', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'wacall-demo-data-'));
    try {
      const first = await chooseStore({}, folder);
      expect(first.store).toBeInstanceOf(PostgresStore);
      expect(first.description).toContain(folder);
      await first.store.set('wacall:1:call:wacid.1', { status: 'completed' });
      await first.close();

      const again = await chooseStore({}, folder);
      expect((await again.store.get('wacall:1:call:wacid.1'))?.value).toEqual({
        status: 'completed',
      });
      await again.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 90_000);

  it('uses memory with WACALL_STORE=memory, and refuses settings that cannot work', async () => {
    const memory = await chooseStore({ WACALL_STORE: 'memory' }, '/nonexistent');
    expect(memory.store).toBeInstanceOf(MemoryStore);
    await memory.close();
    await expect(chooseStore({ WACALL_STORE: 'postgres' }, '/unused')).rejects.toThrow(
      /needs DATABASE_URL/,
    );
    await expect(chooseStore({ WACALL_STORE: 'redis' }, '/unused')).rejects.toThrow(
      /pglite, postgres or memory/,
    );
  });
});
