// Time from the agent's "Answer call" click to connected audio in the helpdesk demo on loopback: the
// BUILT demo server (simulator with its werift relay) and its page in headless Chromium, against two
// plain RTCPeerConnections in the same page. Build first: the packages (`pnpm build`), then
// `pnpm --filter @wacall/example-helpdesk build`.
// The functions passed to page.evaluate run in the browser, where these globals exist.
/* global document, Element, MutationObserver, navigator, performance, requestAnimationFrame, RTCPeerConnection */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { heading, iterations } from './harness.mjs';
import { chromiumMediaArgs, chromiumPath } from '../scripts/chromium.mjs';

const serverEntry = fileURLToPath(
  new URL('../examples/helpdesk/dist/server/main.js', import.meta.url),
);
const RUNS = iterations(10, 1);

/** Starts the built demo on a free loopback port and resolves with its URL once it prints it. */
function startDemo() {
  if (!existsSync(serverEntry)) {
    throw new Error('The demo is not built: run `pnpm --filter @wacall/example-helpdesk build`.');
  }
  // In memory: the bench measures media, not the store, and must not share a running demo's data folder.
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'WACALL_DATA_DIR', 'WACALL_INSTANCES']) {
    delete env[name];
  }
  const child = spawn(process.execPath, [serverEntry], {
    env: { ...env, WACALL_STORE: 'memory', PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`The demo server exited (${code}).`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /Open (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGTERM') });
    });
  });
}

// Runs in the page: resolves with the ms between the "Answer call" click and the agent's audio
// controls reporting `connected`, both seen from inside the page.
const acceptToConnected = () =>
  new Promise((resolve) => {
    let clickedAt;
    const onClick = (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button?.textContent?.trim() === 'Answer call') clickedAt = performance.now();
    };
    document.addEventListener('click', onClick, { capture: true });
    const observer = new MutationObserver(() => {
      if (clickedAt === undefined) return;
      if (!document.querySelector('.wacall-media[data-status="connected"]')) return;
      observer.disconnect();
      document.removeEventListener('click', onClick, { capture: true });
      resolve(performance.now() - clickedAt);
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });

// Runs in the page: the same work without the demo — open the microphone, connect two peers.
const plainPairConnected = async () => {
  const gathered = (pc) =>
    pc.iceGatheringState === 'complete'
      ? undefined
      : new Promise((resolve) =>
          pc.addEventListener('icegatheringstatechange', () => {
            if (pc.iceGatheringState === 'complete') resolve();
          }),
        );
  const connected = (pc) =>
    new Promise((resolve) => {
      const check = () => pc.connectionState === 'connected' && resolve();
      pc.addEventListener('connectionstatechange', check);
      check();
    });
  const started = performance.now();
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const offerer = new RTCPeerConnection();
  const answerer = new RTCPeerConnection();
  offerer.addTrack(stream.getAudioTracks()[0], stream);
  await offerer.setLocalDescription(await offerer.createOffer());
  await gathered(offerer);
  await answerer.setRemoteDescription(offerer.localDescription);
  await answerer.setLocalDescription(await answerer.createAnswer());
  await gathered(answerer);
  await offerer.setRemoteDescription(answerer.localDescription);
  await Promise.all([connected(offerer), connected(answerer)]);
  const elapsed = performance.now() - started;
  for (const track of stream.getTracks()) track.stop();
  offerer.close();
  answerer.close();
  return elapsed;
};

/** One incoming call in the demo: ring, answer in the console, measure, then end it. */
async function answerOnce(page) {
  const agent = page.getByRole('region', { name: 'Agent console' });
  const phone = page.getByRole('region', { name: 'Customer phone' });
  await phone.getByRole('button', { name: 'Call the business' }).click();
  const answer = agent.getByRole('button', { name: 'Answer call' });
  await answer.waitFor();
  const measured = page.evaluate(acceptToConnected);
  // The listener must be in place before the click it times.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  await answer.click();
  const elapsed = await measured;
  await agent.getByRole('button', { name: 'End call' }).click();
  await phone.getByRole('button', { name: 'Call the business' }).waitFor();
  await agent.getByRole('button', { name: 'Call', exact: true }).waitFor();
  return elapsed;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
};

export default async function run() {
  heading('helpdesk demo — accept click to connected audio (baseline: two plain peer connections)');
  const demo = await startDemo();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumMediaArgs,
  });
  try {
    const page = await browser.newPage();
    await page.goto(demo.url);
    await page
      .getByRole('region', { name: 'Agent console' })
      .getByRole('navigation', { name: 'Tickets' })
      .getByRole('button', { name: 'Maria Silva' })
      .click();
    const phoneOf = page.getByLabel('Phone of');
    const maria = await phoneOf.locator('option', { hasText: 'Maria Silva' }).getAttribute('value');
    await phoneOf.selectOption(maria);
    const samples = { accept: [], baseline: [] };
    // One unmeasured round each warms up the codecs and the certificate generation.
    for (let i = 0; i <= RUNS; i++) {
      const accept = await answerOnce(page);
      const baseline = await page.evaluate(plainPairConnected);
      if (i === 0) continue;
      samples.accept.push(accept);
      samples.baseline.push(baseline);
    }
    const subject = median(samples.accept);
    const baseline = median(samples.baseline);
    console.log(
      `  accept click → connected: median ${subject.toFixed(1)} ms vs plain pair ${baseline.toFixed(1)} ms ` +
        `(${RUNS} runs each) → ${(subject / baseline).toFixed(2)}×`,
    );
  } finally {
    await browser.close();
    demo.stop();
  }
}
