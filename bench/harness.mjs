// A small benchmark harness: every measurement is reported next to a baseline measured in the same
// run, so the numbers mean something on any machine.
import { performance } from 'node:perf_hooks';

/**
 * `BENCH_QUICK=1`: a smoke run for CI. Few iterations and no targets judged: it proves every benchmark
 * still runs to the end, not how fast anything is.
 */
export const quick = process.env.BENCH_QUICK === '1';

/** How many iterations to run: `full` normally, `few` in a quick run. */
export const iterations = (full, few = 2) => (quick ? few : full);

/**
 * Runs `fn` repeatedly for about `ms` milliseconds (after a warm-up) and returns operations per second.
 * `fn` may be async; it is awaited one call at a time.
 */
export async function measure(fn, { ms = 1000, warmupMs = 200 } = {}) {
  if (quick) [ms, warmupMs] = [20, 5];
  const run = async (budget) => {
    let ops = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < budget) {
      for (let i = 0; i < 100; i++) {
        const result = fn();
        if (result && typeof result.then === 'function') await result;
      }
      ops += 100;
      elapsed = performance.now() - start;
    }
    return (ops / elapsed) * 1000;
  };
  await run(warmupMs);
  return run(ms);
}

/** Formats a number of operations per second, and the mean cost of one operation. */
export function formatRate(opsPerSecond) {
  const micros = 1e6 / opsPerSecond;
  return `${Math.round(opsPerSecond).toLocaleString('en-US')} ops/s (${micros.toFixed(2)} µs/op)`;
}

/**
 * Prints one comparison row: the subject's rate, the baseline's, and how many times slower the subject is.
 * Returns the ratio so a bench can check it against its target.
 */
export function reportRatio(label, subjectOps, baselineOps, target) {
  const ratio = baselineOps / subjectOps;
  const verdict =
    target === undefined || quick
      ? ''
      : ratio <= target
        ? ` (target ≤ ${target}×: met)`
        : ` (target ≤ ${target}×: MISSED)`;
  console.log(
    `  ${label}: ${formatRate(subjectOps)} vs baseline ${formatRate(baselineOps)} → ${ratio.toFixed(2)}×${verdict}`,
  );
  return ratio;
}

export function heading(title) {
  console.log(`\n${title}`);
}
