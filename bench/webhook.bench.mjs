// Webhook ingest (verify + parse) against the floor of node:crypto HMAC + JSON.parse on the same bytes,
// and a loopback load run through the node:http handler that checks every event arrives exactly once.
import { Buffer } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { eventKey, parseWebhook } from '@wacall/core';
import { createWebhookHandler, verifySignature } from '@wacall/node';
import * as webEntry from '../packages/node/dist/web.js';
import { heading, iterations, measure, reportRatio } from './harness.mjs';

const APP_SECRET = 'bench-app-secret-5f0c2a';
const fixture = (name) =>
  readFileSync(new URL(`../packages/core/test/fixtures/${name}.json`, import.meta.url), 'utf8');
const sign = (bytes) => `sha256=${createHmac('sha256', APP_SECRET).update(bytes).digest('hex')}`;

/** A `calls` change with 25 terminates and 25 statuses: a busy minute batched into one POST. */
function largeBody() {
  const terminate = JSON.parse(fixture('call-terminate-completed')).entry[0].changes[0].value;
  const status = JSON.parse(fixture('call-status-ringing')).entry[0].changes[0].value.statuses[0];
  const calls = Array.from({ length: 25 }, (_, i) => ({
    ...terminate.calls[0],
    id: `wacid.bench-t-${i}`,
  }));
  const statuses = Array.from({ length: 25 }, (_, i) => ({ ...status, id: `wacid.bench-s-${i}` }));
  const value = { ...terminate, calls, statuses };
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'calls', value }] }],
  });
}

/**
 * Best of three alternating rounds each: on a busy machine the load shifts between two back-to-back
 * measurements, and alternating keeps the ratio honest.
 */
async function compare(subject, baseline) {
  let subjectOps = 0;
  let baselineOps = 0;
  for (let round = 0; round < 3; round++) {
    subjectOps = Math.max(subjectOps, await measure(subject, { ms: 500 }));
    baselineOps = Math.max(baselineOps, await measure(baseline, { ms: 500 }));
  }
  return [subjectOps, baselineOps];
}

const bodies = [
  ['small (call status)', fixture('call-status-ringing'), undefined],
  ['medium (connect with SDP)', fixture('call-connect-incoming'), 2.5],
  ['large (batch of 50 items)', largeBody(), undefined],
];

async function ingest() {
  heading(
    'webhook ingest: verifySignature + parseWebhook vs node:crypto HMAC + JSON.parse (same bytes)',
  );
  for (const [label, text, target] of bodies) {
    const bytes = Buffer.from(text);
    const signature = sign(bytes);
    const expected = Buffer.from(signature.slice(7), 'hex');
    const subject = async () => {
      if (!(await verifySignature({ payload: bytes, signature, appSecret: APP_SECRET })))
        throw new Error('bad signature');
      return parseWebhook(bytes);
    };
    const baseline = () => {
      const digest = createHmac('sha256', APP_SECRET).update(bytes).digest();
      if (!timingSafeEqual(digest, expected)) throw new Error('bad signature');
      return JSON.parse(bytes.toString('utf8'));
    };
    const events = (await subject()).events.length;
    const [subjectOps, baselineOps] = await compare(subject, baseline);
    reportRatio(`${label}, ${bytes.length} B, ${events} event(s)`, subjectOps, baselineOps, target);
  }
  const [, medium] = bodies[1];
  const bytes = Buffer.from(medium);
  const signature = sign(bytes);
  const [viaWeb, viaNode] = await compare(
    () => webEntry.verifySignature({ payload: bytes, signature, appSecret: APP_SECRET }),
    () => verifySignature({ payload: bytes, signature, appSecret: APP_SECRET }),
  );
  reportRatio(
    'for reference, medium verify on the Web Crypto entry vs the node:crypto entry',
    viaWeb,
    viaNode,
  );
}

const TOTAL = iterations(20_000, 500);
const CONCURRENCY = 50;

function loadBodies() {
  const template = JSON.parse(fixture('call-status-ringing'));
  return Array.from({ length: TOTAL }, (_, i) => {
    template.entry[0].changes[0].value.statuses[0].id = `wacid.load-${i}`;
    const bytes = Buffer.from(JSON.stringify(template));
    return { bytes, signature: sign(bytes) };
  });
}

/** Posts every body over 50 keep-alive connections; resolves to requests per second. */
async function drive(url, payloads) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const post = ({ bytes, signature }) =>
    new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': bytes.length,
            'x-hub-signature-256': signature,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        },
      );
      req.on('error', reject);
      req.end(bytes);
    });
  let next = 0;
  const statuses = new Map();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < payloads.length) {
        const status = await post(payloads[next++]);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { rate: payloads.length / seconds, statuses };
}

async function listen(listener) {
  const server = createServer(listener);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/webhook` };
}

async function loadRun() {
  heading(
    `webhook load: ${TOTAL.toLocaleString('en-US')} signed webhooks, ${CONCURRENCY} connections, loopback node:http`,
  );
  const payloads = loadBodies();
  const seen = new Map();
  const handler = createWebhookHandler({
    appSecret: APP_SECRET,
    verifyToken: 'bench',
    onEvents: (events) => {
      for (const event of events) seen.set(eventKey(event), (seen.get(eventKey(event)) ?? 0) + 1);
    },
  });
  const subject = await listen((req, res) => void handler.node(req, res));
  const measured = await drive(subject.url, payloads);
  subject.server.close();

  const bare = await listen(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    createHmac('sha256', APP_SECRET).update(bytes).digest();
    JSON.parse(bytes.toString('utf8'));
    res.end('OK');
  });
  const floor = await drive(bare.url, payloads);
  bare.server.close();

  console.log(
    `  handler.node: ${Math.round(measured.rate).toLocaleString('en-US')} requests/s (statuses: ${[...measured.statuses].map(([s, n]) => `${s}×${n}`).join(', ')})`,
  );
  reportRatio(
    'requests/s vs a bare node:http server doing HMAC + JSON.parse',
    measured.rate,
    floor.rate,
  );
  const duplicates = [...seen.values()].filter((n) => n !== 1).length;
  const exactlyOnce =
    seen.size === TOTAL && duplicates === 0 && measured.statuses.get(200) === TOTAL;
  console.log(
    `  every event reached onEvents exactly once: ${exactlyOnce ? 'yes' : 'NO'} (${seen.size.toLocaleString('en-US')} distinct of ${TOTAL.toLocaleString('en-US')}, ${duplicates} duplicated)`,
  );
  if (!exactlyOnce) process.exitCode = 1;
}

export default async function run() {
  await ingest();
  await loadRun();
}
