import { Redis } from 'ioredis';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { TicketDetail } from '../src/shared/api-types';
import { startRedisServer, type RedisServer } from '../../../packages/redis/test/redis-server';
import {
  activeCallId,
  expectAgentHearsTone,
  expectPhoneShowsAgentAudio,
  opusPacketsWithin,
  relayOf,
  waitUntilAudioConnected,
} from './audio-checks';
import { launchBrowser, openDemo } from './demo-harness';

let redis: RedisServer | undefined;
let browser: Browser | undefined;
beforeAll(async () => {
  // A throwaway redis-server on a spare loopback port; the run fails (never skips) without one.
  redis = await startRedisServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    await redis?.stop();
  }
});

const prefix = 'story-9:';

async function ticketOn(url: string, waId: string): Promise<TicketDetail> {
  const response = await fetch(`${url}/api/tickets/${waId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as TicketDetail;
}

it('story 9: two instances on one Redis — the webhooks reach instance 1, the agent on instance 2 hears the ring, answers, talks, and both show one timeline', async () => {
  if (!browser || !redis) throw new Error('beforeAll did not start the browser and Redis.');
  const demo = await openDemo(browser, {
    store: { kind: 'redis', url: redis.url, prefix },
    instances: 2,
    pageOn: 2,
  });
  try {
    const { phone, ticket, helpdesk } = demo;
    const [first, second] = helpdesk.instances;
    if (!first || !second) throw new Error('The demo did not start two instances.');
    expect(demo.pageServer).toBe(second);
    expect(second.url).not.toBe(first.url);
    // Instance 2 must learn everything from Redis: it never sees a webhook.
    const ingestOnFirst = vi.spyOn(first.wacall, 'ingest');
    const ingestOnSecond = vi.spyOn(second.wacall, 'ingest');
    const heardOnSecond: string[] = [];
    second.wacall.on('call.updated', (call) => heardOnSecond.push(call.status));

    // Seeded through instance 1, listed by instance 2 from the shared store.
    await demo.openTicket('Maria Silva');
    await demo.usePhoneOf('Maria Silva');

    await phone.getByRole('button', { name: 'Call the business' }).click();
    // The page only refetches the ticket when instance 2's live stream says so.
    await demo.ticketRow('Maria Silva').getByText('Incoming call').waitFor();
    await demo.latestCallStatus('Ringing').waitFor();
    const callId = activeCallId(demo, 'Maria Silva');
    const relay = relayOf(demo, callId);

    // Instance 2 answers with the offer from the call record, though instance 1 got the connect webhook.
    await ticket.getByRole('button', { name: 'Answer call' }).click();
    await demo.latestCallStatus('Ongoing').waitFor();
    await demo.ticketRow('Maria Silva').getByText('In call').waitFor();
    await waitUntilAudioConnected(demo, relay);
    expect(await opusPacketsWithin(relay, 2000)).toBeGreaterThanOrEqual(50);
    await expectAgentHearsTone(demo);
    await expectPhoneShowsAgentAudio(demo);

    await phone.getByRole('button', { name: 'Hang up' }).click();
    await demo.latestCallStatus('Completed').waitFor();
    // One agent per instance: the page on instance 2 works as Ben.
    await demo.activity(/^Picked up by Ben after \d+ s$/).waitFor();
    await demo.activity(/^Ended by the customer after \d+:\d\d$/).waitFor();
    await expect.poll(() => relay.connectionState, { timeout: 10_000 }).toBe('closed');

    expect(ingestOnFirst).toHaveBeenCalled();
    expect(ingestOnSecond).not.toHaveBeenCalled();
    // …and still heard the call's every step through the store's change feed.
    expect(heardOnSecond).toEqual(expect.arrayContaining(['ringing', 'ongoing', 'completed']));

    // Both instances tell the same story, read through each one's own API and Redis connection.
    const waId = demo.waIdOf('Maria Silva');
    const [onFirst, onSecond] = await Promise.all([
      ticketOn(first.url, waId),
      ticketOn(second.url, waId),
    ]);
    const kinds = onSecond.activities.map((activity) => activity.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['call.answered_by_agent', 'call.ended_by_customer']),
    );
    expect(onSecond.activities).toEqual(onFirst.activities);
    expect(onSecond.calls).toEqual(onFirst.calls);
    expect(onSecond.calls[0]).toMatchObject({ callId, status: 'completed', outcome: 'completed' });
    expect(onSecond.messages).toEqual(onFirst.messages);
    expect(onSecond.messages.map((message) => message.text)).toEqual([
      expect.stringContaining('ON-12853'),
    ]);
    const [listFirst, listSecond] = await Promise.all(
      [first.url, second.url].map(async (url) => (await fetch(`${url}/api/tickets`)).json()),
    );
    expect(listSecond).toEqual(listFirst);

    // The state really is in this Redis, under the demo's prefix.
    const client = new Redis(redis.url);
    try {
      expect((await client.keys(`${prefix}*`)).length).toBeGreaterThan(0);
    } finally {
      client.disconnect();
    }
    expect(demo.pageErrors).toEqual([]);
  } finally {
    await demo.close();
  }
});
