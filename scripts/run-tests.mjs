// Runs every workspace package's tests one package at a time, streams their output, and ends with one
// line that totals them ("N passed, N failed"), so a reader (or CI) sees the whole run at a glance.
import { spawn } from 'node:child_process';

const counts = { passed: 0, failed: 0, skipped: 0 };
// Colour codes start with ESC; built from a string so the pattern holds no raw control character.
const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
let pending = '';

function tally(line) {
  // vitest's summary: "Tests  2 failed | 10 passed | 1 skipped (13)"
  const summary = line.replace(ansi, '').match(/^\s*Tests\s+(.+)\(\d+\)\s*$/);
  if (!summary) return;
  for (const [, n, kind] of summary[1].matchAll(/(\d+) (passed|failed|skipped)/g))
    counts[kind] += Number(n);
}

const child = spawn('pnpm', ['-r', '--workspace-concurrency=1', 'test'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const lines = (pending + chunk.toString()).split('\n');
  pending = lines.pop() ?? '';
  lines.forEach(tally);
});
child.on('close', (code) => {
  tally(pending);
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
  console.log(`\n${counts.passed} passed, ${counts.failed} failed${skipped}`);
  process.exit(code ?? 1);
});
