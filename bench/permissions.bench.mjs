// Permission engine throughput: check and reserve on MemoryStore and on RedisStore (loopback), next to
// a baseline of the same limits computed from a plain Map in the same run.
import { MemoryStore } from '@wacall/core';
import { createPermissionEngine } from '@wacall/core/engine';
import { RedisStore } from '@wacall/redis';
import { formatRate, heading, measure, quick, reportRatio } from './harness.mjs';
import { startRedis } from './redis-server.mjs';

const hour = 60 * 60 * 1000;
const day = 24 * hour;
const customer = '447700900123';
const businessNumber = '+44 20 7946 0000';

/** A granted customer with a realistic history: a message, two connected calls, one request. */
async function seed(engine, start) {
  const base = { wabaId: 'w', phoneNumberId: 'p', raw: {} };
  await engine.apply({
    ...base,
    type: 'permission.reply',
    timestamp: start,
    messageId: 'wamid.g',
    from: customer,
    response: 'accept',
    permanent: true,
    source: 'user_action',
  });
  await engine.apply({
    ...base,
    type: 'message',
    timestamp: start + hour,
    messageId: 'wamid.m',
    from: customer,
    messageType: 'text',
  });
  for (const [i, at] of [start + 2 * hour, start + 3 * hour].entries()) {
    await engine.apply({
      ...base,
      type: 'call.terminate',
      timestamp: at + 60_000,
      callId: `wacid.${i}`,
      direction: 'business_initiated',
      from: '442079460000',
      to: customer,
      status: 'completed',
      answered: true,
      startTime: at,
      endTime: at + 60_000,
      errors: [],
    });
  }
}

/** The same decision from a plain Map: permission, window and three rolling limits, no store, no copies. */
function baseline(now) {
  const facts = new Map([
    [
      customer,
      {
        granted: true,
        windowOpenUntil: now + day,
        requests: [now - hour],
        calls: [now - 2 * hour, now - hour],
      },
    ],
  ]);
  return () => {
    const t = now;
    const f = facts.get(customer);
    const used = (times, windowMs) => times.filter((time) => time > t - windowMs).length;
    const usage = {
      requests24h: used(f.requests, day),
      requests7d: used(f.requests, 7 * day),
      calls24h: used(f.calls, day),
    };
    const windowOpen = f.windowOpenUntil > t;
    return f.granted && usage.calls24h < 10 && windowOpen;
  };
}

async function benchStore(label, makeStore, ms) {
  const start = Date.now() - 4 * hour;
  const store = await makeStore();
  const engine = createPermissionEngine({ businessNumber, store });
  await seed(engine, start);
  const check = await measure(() => engine.check({ customer, action: 'start_call' }), { ms });
  const reserveRelease = await measure(
    async () => {
      const reservation = await engine.reserve({ customer, action: 'start_call' });
      if (!reservation.allowed)
        throw new Error(`bench setup: reserve refused (${reservation.reason})`);
      await reservation.release();
    },
    { ms },
  );
  await store.close();
  return { label, check, reserveRelease };
}

export default async function run() {
  heading('Permission engine (check / reserve)');
  const baselineOps = await measure(baseline(Date.now()), { ms: 1000 });
  console.log(`  baseline (Map lookup + the same limit arithmetic): ${formatRate(baselineOps)}`);

  const redis = await startRedis();
  try {
    const results = [
      await benchStore('MemoryStore', () => new MemoryStore(), 1000),
      await benchStore(
        'RedisStore (loopback)',
        () => new RedisStore({ url: redis.url, prefix: `bench:${Date.now()}:` }),
        1000,
      ),
    ];
    for (const { label, check, reserveRelease } of results) {
      reportRatio(`${label} check`, check, baselineOps);
      reportRatio(`${label} reserve + release`, reserveRelease, baselineOps);
    }
    const memoryCheckMicros = 1e6 / results[0].check;
    const verdict = quick ? 'not judged in a quick run' : memoryCheckMicros < 20 ? 'met' : 'MISSED';
    console.log(
      `  target: a check on MemoryStore costs under 20 µs → ${memoryCheckMicros.toFixed(2)} µs (${verdict})`,
    );
  } finally {
    await redis.stop();
  }
}
