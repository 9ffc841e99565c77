// ActivityTimeline in real headless Chromium: mount of 50 activities and the re-render after one new
// activity, each against a plain React <ul> of the same 50 texts. The page is bundled offline from the
// BUILT @wacall/react (run `pnpm --filter @wacall/react build` first).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { build } from 'vite';
import { heading, iterations, reportRatio } from './harness.mjs';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const reactDist = here('../packages/react/dist/index.js');
const stylesheet = here('../packages/react/dist/styles.css');
const WARMUP = iterations(15, 1);
const RUNS = iterations(41, 3);
const TARGET = 3;

async function bundlePage() {
  if (!existsSync(reactDist)) {
    throw new Error(
      '@wacall/react is not built: run `pnpm --filter @wacall/react build`, then this bench again.',
    );
  }
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: here('./react'),
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: { alias: { '@wacall/react': reactDist } },
    build: {
      write: false,
      minify: true,
      lib: { entry: here('./react/page.mjs'), formats: ['iife'], name: 'wacallTimelineBench' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((entry) => entry.output);
  const chunk = outputs.find((output) => output.type === 'chunk');
  if (!chunk) throw new Error('The benchmark page did not bundle to a script.');
  return chunk.code;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

export default async function run() {
  heading(
    '@wacall/react ActivityTimeline — 50 activities in headless Chromium (baseline: plain <ul> of the same texts)',
  );
  const script = await bundlePage();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.setContent(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>',
    );
    await page.addStyleTag({ path: stylesheet });
    await page.addScriptTag({ content: script });
    if (pageErrors.length > 0)
      throw new Error(`The benchmark page failed to load: ${pageErrors[0].stack}`);

    const cold = await page.evaluate(() => globalThis.runOnce('timeline'));
    // Both sides must show the same thing, or the ratio means nothing.
    const plain = await page.evaluate(() => globalThis.runOnce('baseline'));
    if (cold.rows !== 50 || plain.rows !== 50 || !cold.first.includes(plain.first)) {
      throw new Error(
        `The two pages differ: ${JSON.stringify({ timeline: cold, baseline: plain })}`,
      );
    }
    for (let i = 0; i < WARMUP; i++) {
      await page.evaluate(() => [globalThis.runOnce('baseline'), globalThis.runOnce('timeline')]);
    }
    const samples = { timeline: [], baseline: [] };
    // Alternating the two keeps drift (GC, thermal) from favouring either side.
    for (let i = 0; i < RUNS; i++) {
      const [baseline, timeline] = await page.evaluate(() => [
        globalThis.runOnce('baseline'),
        globalThis.runOnce('timeline'),
      ]);
      samples.baseline.push(baseline);
      samples.timeline.push(timeline);
    }

    const ms = (value) => `${value.toFixed(2)} ms`;
    for (const phase of ['mount', 'update']) {
      const subject = median(samples.timeline.map((s) => s[phase]));
      const baseline = median(samples.baseline.map((s) => s[phase]));
      const label =
        phase === 'mount' ? 'mount + layout of 50' : 're-render + layout with 1 new on top';
      console.log(`  ${label}: median ${ms(subject)} vs <ul> ${ms(baseline)} (${RUNS} runs each)`);
      reportRatio(label, 1000 / subject, 1000 / baseline, TARGET);
    }
    console.log(
      `  first mount in a fresh page (builds the Intl formatters once): ${ms(cold.mount)}`,
    );
    const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
    console.log(
      `  note: ${width}×${height} viewport; timeline rows out of view skip layout (content-visibility: auto)`,
    );
  } finally {
    await browser.close();
  }
}
