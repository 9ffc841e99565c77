// Two instances, each on its own RedisStore connection, race to answer one routed incoming call: the
// first accept wins in one Lua commit, and the loser never reaches the Graph API.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createClient, createWacall, isWacallDecisionError } from '@wacall/core';
import type { Agent, CallOfferWithdrawn, WebhookEvent } from '@wacall/core';
import { RedisStore } from '../src/index';
import { at, base, businessNumber, customer, phoneNumberId } from './webhook-events';

const url = inject('redisUrl');
const ana: Agent = { id: 'agent-ana', name: 'Ana' };
const ben: Agent = { id: 'agent-ben', name: 'Ben' };
const SDP =
  'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';

const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const resource of opened.reverse()) await resource.close();
});

function connect(callId: string, seconds: number): WebhookEvent {
  return {
    ...base(seconds),
    type: 'call.connect',
    callId,
    direction: 'user_initiated',
    from: customer,
    to: '5511955550100',
    session: { sdpType: 'offer', sdp: 'v=0\r\n' },
  };
}

/** One instance: its own Redis connection and a Graph API that records each call action it answers. */
function instance(prefix: string, actions: string[]) {
  const store = new RedisStore({ url, prefix });
  opened.push(store);
  const client = createClient({
    accessToken: 'test-token',
    phoneNumberId,
    fetch: async (input) => {
      const body = input instanceof Request ? await input.text() : '';
      actions.push((JSON.parse(body) as { action: string }).action);
      return Response.json({ messaging_product: 'whatsapp', success: true });
    },
  });
  const wacall = createWacall({
    client,
    businessNumber,
    store,
    now: () => at(3),
    routing: { strategy: 'ring_all' },
  });
  opened.push(wacall);
  const withdrawn: CallOfferWithdrawn[] = [];
  wacall.on('call.offer_withdrawn', (w) => void withdrawn.push(w));
  return { wacall, withdrawn };
}

async function eventually(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 10_000; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('routing on two instances over Redis', () => {
  it('gives a call rung on both to exactly one agent, again and again', async () => {
    for (let round = 0; round < 5; round++) {
      const prefix = `routing:${process.pid}:${round}:`;
      const actions: string[] = [];
      const [a, b] = [instance(prefix, actions), instance(prefix, actions)];
      await a.wacall.setPresence({ agent: ana, status: 'available' });
      await b.wacall.setPresence({ agent: ben, status: 'available' });
      const callId = `wacid.race-${round}`;
      await b.wacall.ingest([connect(callId, 0)]);
      const results = await Promise.allSettled([
        a.wacall.acceptCall({ callId, sdp: SDP, agent: ana }),
        b.wacall.acceptCall({ callId, sdp: SDP, agent: ben }),
      ]);
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      expect(lost).toHaveLength(1);
      expect(isWacallDecisionError(lost[0]) && lost[0].decision.reason).toBe('call_taken');
      expect(actions).toEqual(['pre_accept', 'accept']);
      const winner = results[0]?.status === 'fulfilled' ? ana : ben;
      const loser = winner === ana ? ben : ana;
      await eventually(() => a.withdrawn.length > 0 && b.withdrawn.length > 0);
      for (const { withdrawn } of [a, b]) {
        expect(withdrawn).toEqual([
          { callId, agents: [loser], reason: 'accepted', acceptedBy: winner },
        ]);
      }
      expect((await a.wacall.listAgents()).map((p) => `${p.agent.name}:${p.status}`)).toEqual(
        [ana, ben].map((agent) => `${agent.name}:${agent === winner ? 'busy' : 'available'}`),
      );
    }
  });
});
