// What the ingest benches on RedisStore and PostgresStore share: the calls they deliver, the facade they
// deliver them to, the 16 deliveries in flight and the lines that report them, so the two stores are
// measured by the same workload and read out the same way.
import { performance } from 'node:perf_hooks';
import { createClient, createWacall } from '@wacall/core';

export const concurrency = 16;
export const quick = process.env.BENCH_QUICK === '1';
export const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const callsPerWorker = quick ? 5 : 60;
const phoneNumberId = '106540352242922';

/** A call's connect and terminate, as Meta sends them for an answered incoming call. */
function callEvents(worker, index) {
  const callId = `wacid.bench-${worker}-${index}`;
  const customer = `4915112${String(worker).padStart(2, '0')}${String(index).padStart(4, '0')}`;
  const start = t0 + index * 60_000;
  const base = { wabaId: 'w', phoneNumberId, displayPhoneNumber: '5511955550100', raw: {} };
  const parties = { direction: 'user_initiated', from: customer, to: '5511955550100' };
  return [
    {
      ...base,
      ...parties,
      type: 'call.connect',
      timestamp: start,
      callId,
      session: { sdpType: 'offer', sdp: 'v=0\r\n' },
    },
    {
      ...base,
      ...parties,
      type: 'call.terminate',
      timestamp: start + 40_000,
      callId,
      status: 'completed',
      answered: true,
      startTime: start + 5_000,
      endTime: start + 40_000,
      durationSeconds: 35,
      errors: [],
    },
  ];
}

/** A facade on `store` that only ingests, listening to the change feed before anything is counted. */
export async function ingestingWacall(store) {
  const client = createClient({
    accessToken: 'bench-token',
    phoneNumberId,
    fetch: () => Promise.reject(new Error('ingest never calls the Cloud API')),
  });
  const wacall = createWacall({ client, businessNumber: '+55 11 95555 0100', store });
  await wacall.sweep(); // subscribes to the change feed before counting
  return wacall;
}

/** 16 workers each ingesting their calls one event at a time: events applied and events per second. */
export async function ingestInFlight(wacall) {
  let events = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let index = 0; index < callsPerWorker; index++) {
        for (const event of callEvents(worker, index)) {
          const result = await wacall.ingest([event]);
          events += result.applied;
        }
      }
    }),
  );
  const elapsed = performance.now() - started;
  console.log(
    `  ${events.toLocaleString('en-US')} events in ${elapsed.toFixed(0)} ms: ${Math.round((events / elapsed) * 1000).toLocaleString('en-US')} events/s`,
  );
  return { events, eventRate: (events / elapsed) * 1000 };
}

/**
 * Prints the baseline next to the ingest rate and the round trips an event cost, with the ≤ 4 target
 * judged on full runs only: `baseline` names the loop, `unit` what it counts per second, `one` a single
 * such operation, `trips` what the store's round trips are called.
 */
export function reportAgainstBaseline({
  eventRate,
  perEvent,
  baselineRate,
  baseline,
  unit,
  one,
  trips,
}) {
  console.log(
    `  baseline: ${baseline}: ${Math.round(baselineRate).toLocaleString('en-US')} ${unit}/s → ` +
      `an event costs the time of ${(baselineRate / eventRate).toFixed(2)} ${one}`,
  );
  const verdict = quick ? '' : perEvent <= 4 ? ' (target ≤ 4: met)' : ' (target ≤ 4: MISSED)';
  console.log(`  ${trips} per event: ${perEvent.toFixed(2)}${verdict}`);
}
