// Time from an agent's accept to a connected call on loopback, in real headless Chromium: the BUILT
// @wacall/webrtc answering a werift relay from the BUILT @wacall/mock (the answer crosses to Node
// and back, as it would through a helpdesk backend), against two plain RTCPeerConnections in the
// same page. Build first: `pnpm --filter @wacall/core --filter @wacall/webrtc --filter @wacall/mock build`.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createMediaPeer } from '@wacall/mock';
import { chromium } from 'playwright';
import { build } from 'vite';
import { heading, iterations } from './harness.mjs';
import { chromiumMediaArgs, chromiumPath } from '../scripts/chromium.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const webrtcDist = here('../packages/webrtc/dist/index.js');
const coreDist = here('../packages/core/dist/index.js');
const coreBrowserDist = here('../packages/core/dist/browser.js');
const RUNS = iterations(10, 1);

async function bundlePage() {
  for (const dist of [webrtcDist, coreDist, coreBrowserDist]) {
    if (!existsSync(dist)) {
      throw new Error(`${dist} is missing: build @wacall/core and @wacall/webrtc, then run again.`);
    }
  }
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    // Exact matches: a prefix alias would turn `@wacall/core/browser` into `dist/index.js/browser`.
    resolve: {
      alias: [
        { find: /^@wacall\/webrtc$/, replacement: webrtcDist },
        { find: /^@wacall\/core\/browser$/, replacement: coreBrowserDist },
        { find: /^@wacall\/core$/, replacement: coreDist },
      ],
    },
    build: {
      write: false,
      minify: true,
      lib: { entry: here('./webrtc/page.mjs'), formats: ['iife'], name: 'wacallWebrtcBench' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((entry) => entry.output);
  const chunk = outputs.find((output) => output.type === 'chunk');
  if (!chunk) throw new Error('The benchmark page did not bundle to a script.');
  return chunk.code;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
};

export default async function run() {
  heading(
    '@wacall/webrtc — accept to connected on loopback (baseline: two plain RTCPeerConnections)',
  );
  const script = await bundlePage();
  // getUserMedia needs a secure context: a page on 127.0.0.1 is one.
  const server = createServer((_, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(`<!doctype html><meta charset="utf-8"><script>${script}</script>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumMediaArgs,
  });
  let relay;
  try {
    const page = await browser.newPage();
    await page.exposeFunction('sendAnswerToRelay', (sdp) => relay.acceptAnswer(sdp));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const samples = { accept: [], baseline: [] };
    // One unmeasured round each warms up the codecs and the certificate generation.
    for (let i = 0; i <= RUNS; i++) {
      relay = await createMediaPeer();
      const offer = await relay.createOffer();
      const accept = await page.evaluate((sdp) => globalThis.acceptOnce(sdp), offer);
      await relay.close();
      const baseline = await page.evaluate(() => globalThis.baselineOnce());
      if (i === 0) continue;
      samples.accept.push(accept);
      samples.baseline.push(baseline);
    }
    const subject = median(samples.accept);
    const baseline = median(samples.baseline);
    console.log(
      `  accept → connected: median ${subject.toFixed(1)} ms vs plain pair ${baseline.toFixed(1)} ms ` +
        `(${RUNS} runs each) → ${(subject / baseline).toFixed(2)}×`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}
