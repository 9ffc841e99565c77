import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in a PGlite folder that says which process has it open. */
export const lockFileName = 'helpdesk-demo.pid';

/**
 * Claims `dataDir` for this process, so two demos never open one PGlite database at once (PGlite,
 * unlike a server, does not guard against that, and the data would not survive it). A lock left by a
 * process that no longer runs is taken over. Returns a function that lets the folder go.
 */
export function lockDataFolder(dataDir: string): () => void {
  const path = join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(path, 'utf8').trim());
    if (isRunning(holder)) {
      throw new Error(
        `The PGlite folder ${dataDir} is in use by another helpdesk demo (process ${holder}). Stop that one first, or give this one a folder of its own with WACALL_DATA_DIR.`,
      );
    }
    // The demo that held it stopped without letting go (killed, or a crash): the folder is free.
    rmSync(path, { force: true });
  }
  throw new Error(
    `The PGlite folder ${dataDir} was claimed by another helpdesk demo while this one started. Stop that one first, or give this one a folder of its own with WACALL_DATA_DIR.`,
  );
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    // Signal 0 checks that the process exists without touching it.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
