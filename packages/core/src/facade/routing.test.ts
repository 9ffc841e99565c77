// Routing on two instances sharing one store: strategies × presence × decline, timeout and accept.
import { beforeEach, describe, expect, it } from 'vitest';
import { ana, ben, customer } from '../../test/support/test-events';
import type { Agent } from '../calls/types';
import { seen, useGraphServer } from '../../test/support/test-graph';
import { isWacallDecisionError } from '../errors/wacall-decision-error';
import type { PresenceStatus, RoutingStrategy } from './agent-types';
import {
  at,
  customerMessage,
  graphAnswers,
  permissionReply,
} from '../../test/support/facade-test-kit';
import type { Heard } from '../../test/support/routing-test-kit';
import {
  accept,
  cleo,
  hangUp,
  outcomes,
  ring,
  settle,
  twoInstances,
} from '../../test/support/routing-test-kit';

useGraphServer();
beforeEach(() => void graphAnswers.callAction());

const CALL = 'wacid.incoming-1';
const agents = { ana, ben, cleo };
type Name = keyof typeof agents;
type On = 'a' | 'b';

type Step =
  | { ring: number; on?: On }
  | { decline: Name; at: number; on?: On }
  | { accept: Name; at: number; on?: On }
  | { sweep: number; on?: On | 'both' }
  | { hangUp: number };

interface Scenario {
  name: string;
  strategy: RoutingStrategy;
  /** Set in this order, a second apart; `in_call`: available, then answers an earlier call. */
  presence: Partial<Record<Name, PresenceStatus | 'in_call'>>;
  assignee?: Name;
  steps: Step[];
  /** Each `call.offered` for the call: the agents rung. */
  offers: string[][];
  /** Each `call.offer_withdrawn`: `reason:agents` (`>winner` when accepted). */
  withdrawn: string[];
  /** The call's assignment and connection activities, oldest first. */
  activities: string[];
}

const scenarios: Scenario[] = [
  {
    name: 'ring_all rings every available agent; the first accept stops the others',
    strategy: 'ring_all',
    presence: { ana: 'available', ben: 'available', cleo: 'away' },
    steps: [{ ring: 0 }, { accept: 'ben', at: 4, on: 'b' }],
    offers: [['Ana', 'Ben']],
    withdrawn: ['accepted:Ana>Ben'],
    activities: ['call.answered_by_agent:Ben'],
  },
  {
    name: 'ring_all: when everybody rung declines and the one left is in a call, all agents are busy',
    strategy: 'ring_all',
    presence: { ana: 'available', ben: 'available', cleo: 'in_call' },
    steps: [{ ring: 0 }, { decline: 'ana', at: 3 }, { decline: 'ben', at: 6, on: 'b' }],
    offers: [['Ana', 'Ben']],
    withdrawn: ['declined:Ana', 'declined:Ben'],
    activities: ['call.agent_declined:Ana', 'call.agent_declined:Ben', 'call.all_agents_busy'],
  },
  {
    name: 'ring_all: nobody available because the only other agent is away and one is in a call',
    strategy: 'ring_all',
    presence: { ana: 'in_call', ben: 'away' },
    steps: [{ ring: 0 }],
    offers: [],
    withdrawn: [],
    activities: ['call.all_agents_busy'],
  },
  {
    name: 'ring_all: everybody away leaves the call unassigned',
    strategy: 'ring_all',
    presence: { ana: 'away', ben: 'away' },
    steps: [{ ring: 0 }],
    offers: [],
    withdrawn: [],
    activities: ['call.unassigned'],
  },
  {
    name: 'no agent has set a presence: unassigned',
    strategy: 'longest_idle',
    presence: {},
    steps: [{ ring: 0 }],
    offers: [],
    withdrawn: [],
    activities: ['call.unassigned'],
  },
  {
    name: 'longest_idle rings the agent available longest; unanswered offers pass on at the sweep',
    strategy: 'longest_idle',
    presence: { ben: 'available', ana: 'available' },
    steps: [
      { ring: 0 },
      { sweep: 10 },
      { sweep: 21, on: 'b' },
      { sweep: 42 },
      { hangUp: 50 },
      { sweep: 80 },
    ],
    offers: [['Ben'], ['Ana']],
    withdrawn: ['expired:Ben', 'expired:Ana'],
    activities: [
      'call.missed_no_answer:Ben',
      'call.missed_no_answer:Ana',
      'call.unassigned',
      'call.missed_no_answer',
    ],
  },
  {
    name: 'longest_idle: a decline passes the call on, and the next agent answers',
    strategy: 'longest_idle',
    presence: { ana: 'available', ben: 'available', cleo: 'busy' },
    steps: [{ ring: 0 }, { decline: 'ana', at: 5, on: 'b' }, { accept: 'ben', at: 8 }],
    offers: [['Ana'], ['Ben']],
    withdrawn: ['declined:Ana'],
    activities: ['call.agent_declined:Ana', 'call.answered_by_agent:Ben'],
  },
  {
    name: 'the assignee rings alone first, then the strategy takes over',
    strategy: 'ring_all',
    presence: { ana: 'available', ben: 'available', cleo: 'available' },
    assignee: 'ben',
    steps: [{ ring: 0 }, { decline: 'ben', at: 2 }, { accept: 'cleo', at: 5, on: 'b' }],
    offers: [['Ben'], ['Ana', 'Cleo']],
    withdrawn: ['declined:Ben', 'accepted:Ana>Cleo'],
    activities: ['call.agent_declined:Ben', 'call.answered_by_agent:Cleo'],
  },
  {
    name: 'an away assignee is recorded inactive and skipped',
    strategy: 'round_robin',
    presence: { ana: 'available', ben: 'away' },
    assignee: 'ben',
    steps: [{ ring: 0 }],
    offers: [['Ana']],
    withdrawn: [],
    activities: ['call.agent_inactive:Ben'],
  },
  {
    name: 'a busy assignee is skipped without an activity',
    strategy: 'round_robin',
    presence: { ana: 'available', ben: 'in_call' },
    assignee: 'ben',
    steps: [{ ring: 0 }],
    offers: [['Ana']],
    withdrawn: [],
    activities: [],
  },
  {
    name: 'the customer hangs up while it rings: the offer ends, missed is recorded once',
    strategy: 'longest_idle',
    presence: { ana: 'available' },
    steps: [{ ring: 0 }, { hangUp: 7, on: 'b' } as Step, { sweep: 30, on: 'both' }],
    offers: [['Ana']],
    withdrawn: ['ended:Ana'],
    activities: ['call.missed_no_answer'],
  },
  {
    name: 'an agent who was not rung may take a call nobody took',
    strategy: 'longest_idle',
    presence: { ana: 'available', ben: 'available' },
    steps: [{ ring: 0 }, { accept: 'ben', at: 3, on: 'b' }],
    offers: [['Ana']],
    withdrawn: ['accepted:Ana>Ben'],
    activities: ['call.answered_by_agent:Ben'],
  },
  {
    name: 'both instances sweep the same expiry at once: the miss is recorded once',
    strategy: 'longest_idle',
    presence: { ana: 'available', ben: 'available' },
    steps: [{ ring: 0 }, { sweep: 25, on: 'both' }],
    offers: [['Ana'], ['Ben']],
    withdrawn: ['expired:Ana'],
    activities: ['call.missed_no_answer:Ana'],
  },
];

describe('routing: strategies × presence × decline, timeout and accept on two instances', () => {
  it.each(scenarios)('$name', async (scenario) => {
    const fleet = twoInstances({
      strategy: scenario.strategy,
      ringSeconds: 20,
      ...(scenario.assignee
        ? { assignee: (who) => (who === customer.waId ? agents[scenario.assignee!].id : undefined) }
        : {}),
    });
    const on = (which: On | undefined) => (which === 'b' ? fleet.b : fleet.a);
    let second = -500;
    for (const [name, status] of Object.entries(scenario.presence)) {
      fleet.setTime(second++);
      await fleet.b.setPresence({
        agent: agents[name as Name],
        status: status === 'in_call' ? 'available' : status,
      });
    }
    for (const [name, status] of Object.entries(scenario.presence)) {
      if (status !== 'in_call') continue;
      // An earlier call, answered and still going, makes the agent busy.
      const earlier = `wacid.earlier-${name}`;
      fleet.setTime(second++);
      await ring(fleet.a, earlier, second);
      await accept(fleet.a, earlier, agents[name as Name]);
    }
    for (const step of scenario.steps) await run(step);
    await settle();

    for (const heard of [fleet.heardA, fleet.heardB]) {
      expect(offersOf(heard)).toEqual(scenario.offers);
      expect(withdrawnOf(heard)).toEqual(scenario.withdrawn);
    }
    const history = await fleet.b.listActivities(customer.waId);
    expect(outcomes(history, CALL)).toEqual(scenario.activities);

    async function run(step: Step): Promise<void> {
      if ('ring' in step) {
        fleet.setTime(step.ring);
        await ring(on(step.on), CALL, step.ring);
      } else if ('decline' in step) {
        fleet.setTime(step.at);
        await on(step.on).declineOffer({ callId: CALL, agent: agents[step.decline] });
      } else if ('accept' in step) {
        fleet.setTime(step.at);
        await accept(on(step.on), CALL, agents[step.accept]);
      } else if ('sweep' in step) {
        fleet.setTime(step.sweep);
        if (step.on === 'both') await Promise.all([fleet.a.sweep(), fleet.b.sweep()]);
        else await on(step.on).sweep();
      } else {
        fleet.setTime(step.hangUp);
        await hangUp(on('b'), CALL, step.hangUp);
      }
    }
  });
});

const offersOf = (heard: Heard) =>
  heard.offers.filter((o) => o.callId === CALL).map((o) => o.agents.map((agent) => agent.name));

const withdrawnOf = (heard: Heard) =>
  heard.withdrawn
    .filter((w) => w.callId === CALL)
    .map(
      (w) =>
        `${w.reason}:${w.agents.map((agent) => agent.name).join(',')}${w.acceptedBy ? `>${w.acceptedBy.name}` : ''}`,
    );

describe('the first accept wins', () => {
  async function offeredToAnaAndBen() {
    const fleet = twoInstances({ strategy: 'ring_all' });
    await fleet.a.setPresence({ agent: ana, status: 'available' });
    await fleet.b.setPresence({ agent: ben, status: 'available' });
    await ring(fleet.a, CALL, 0);
    fleet.setTime(3);
    seen.length = 0;
    return fleet;
  }

  it('refuses the loser of a race on two instances before it reaches the Graph API', async () => {
    const fleet = await offeredToAnaAndBen();
    const results = await Promise.allSettled([
      accept(fleet.a, CALL, ana),
      accept(fleet.b, CALL, ben),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = (lost[0] as PromiseRejectedResult).reason as unknown;
    expect(isWacallDecisionError(error)).toBe(true);
    const winner = results[0]!.status === 'fulfilled' ? ana : ben;
    if (!isWacallDecisionError(error)) return;
    expect(error.decision).toMatchObject({
      action: 'accept_call',
      allowed: false,
      reason: 'call_taken',
    });
    expect(error.message).toContain(`${winner.name} (${winner.id}) has already answered`);
    // Pre-accept and accept of the winner only.
    expect(seen.map((request) => (request.body as { action: string }).action)).toEqual([
      'pre_accept',
      'accept',
    ]);
    await settle();
    const loser = winner === ana ? ben : ana;
    for (const heard of [fleet.heardA, fleet.heardB]) {
      expect(heard.withdrawn.filter((w) => w.callId === CALL)).toEqual([
        { callId: CALL, agents: [loser], reason: 'accepted', acceptedBy: winner },
      ]);
    }
    expect((await fleet.a.getCall(CALL))?.agent).toEqual(winner);
  });

  it('lets the winner retry their own accept, and never gives the call to a late second agent', async () => {
    const fleet = await offeredToAnaAndBen();
    await accept(fleet.a, CALL, ana);
    await expect(accept(fleet.b, CALL, ana)).resolves.toMatchObject({ agent: ana });
    await expect(accept(fleet.b, CALL, ben)).rejects.toThrow(/call_taken.*Ana \(agent-ana\)/);
    expect(seen).toHaveLength(4);
  });
});

describe('assignment activities', () => {
  it('count the seconds since the call rang, and say who', async () => {
    const fleet = twoInstances({ strategy: 'longest_idle', ringSeconds: 15 });
    await fleet.a.setPresence({ agent: ana, status: 'available' });
    await fleet.a.setPresence({ agent: ben, status: 'available' });
    await ring(fleet.a, CALL, 0);
    fleet.setTime(16);
    expect(await fleet.b.sweep()).toEqual({ customers: 0, calls: 0, failed: 0, offers: 1 });
    fleet.setTime(20);
    await fleet.a.declineOffer({ callId: CALL, agent: ben });
    const history = (await fleet.a.listActivities(customer.waId)).filter((x) => x.callId === CALL);
    expect(history.map((x) => [x.kind, x.text, x.params])).toEqual([
      ['call.unassigned', 'The call was not assigned to any agent', {}],
      ['call.agent_declined', 'Ben declined the call after 20 s', { seconds: 20 }],
      ['call.missed_no_answer', 'Ana did not answer within 15 s', { seconds: 15 }],
    ]);
  });
});

describe('round_robin', () => {
  it('rings the agent offered least recently, call after call', async () => {
    const fleet = twoInstances({ strategy: 'round_robin' });
    for (const agent of [ben, ana, cleo]) await fleet.a.setPresence({ agent, status: 'available' });
    const rung: string[] = [];
    for (const [index, callId] of ['wacid.r1', 'wacid.r2', 'wacid.r3', 'wacid.r4'].entries()) {
      fleet.setTime(index * 100);
      await ring(index % 2 ? fleet.b : fleet.a, callId, index * 100);
      await hangUp(fleet.a, callId, index * 100 + 5);
    }
    await settle();
    for (const offer of fleet.heardB.offers) rung.push(offer.agents.map((a) => a.name).join());
    expect(rung).toEqual(['Ana', 'Ben', 'Cleo', 'Ana']);
  });
});

describe('presence', () => {
  it('is shared by the fleet, announced on every instance, and busy while the agent is in a call', async () => {
    const fleet = twoInstances({ strategy: 'ring_all' });
    fleet.setTime(-10);
    await fleet.a.setPresence({ agent: ana, status: 'available' });
    await fleet.a.setPresence({ agent: ben, status: 'away' });
    expect(await fleet.b.listAgents()).toEqual([
      { agent: ana, status: 'available', chosen: 'available', since: fleet.clock.now },
      { agent: ben, status: 'away', chosen: 'away', since: fleet.clock.now },
    ]);
    await ring(fleet.b, CALL, 0);
    fleet.setTime(2);
    await accept(fleet.b, CALL, ana);
    const inCall = (await fleet.a.listAgents())[0];
    expect(inCall).toMatchObject({ status: 'busy', chosen: 'available', callId: CALL });
    await hangUp(fleet.a, CALL, 60);
    await settle();
    const after = (await fleet.a.listAgents())[0];
    expect(after).toMatchObject({ status: 'available', lastCallEndedAt: at(60) });
    expect(after?.callId).toBeUndefined();
    for (const heard of [fleet.heardA, fleet.heardB]) {
      expect(heard.presence.map((p) => `${p.agent.name}:${p.status}`)).toEqual([
        'Ana:available',
        'Ben:away',
        'Ana:busy',
        'Ana:available',
      ]);
    }
  });

  it('makes the agent who places a call busy until it ends', async () => {
    const fleet = twoInstances(undefined);
    await fleet.a.setPresence({ agent: ana, status: 'available' });
    // Starting a call needs a grant; the agent is busy in the same commit as the call.
    await fleet.a.ingest([customerMessage(0), permissionReply(5)]);
    graphAnswers.connect('wacid.out-1');
    fleet.setTime(10);
    await fleet.b.startCall({ to: customer.waId, agent: ana, sdp: 'v=0\r\n' });
    expect((await fleet.a.listAgents())[0]).toMatchObject({
      status: 'busy',
      callId: 'wacid.out-1',
    });
  });

  it('changes nothing when the same status is set again, and refuses malformed input', async () => {
    const fleet = twoInstances(undefined);
    await fleet.a.setPresence({ agent: ana, status: 'available' });
    fleet.setTime(30);
    const again = await fleet.b.setPresence({ agent: ana, status: 'available' });
    expect(again.since).not.toBe(fleet.clock.now);
    await settle();
    expect(fleet.heardA.presence).toHaveLength(1);
    await expect(
      fleet.a.setPresence({ agent: ana, status: 'online' as PresenceStatus }),
    ).rejects.toThrow(/status.*'available', 'busy' or 'away'/);
    await expect(
      fleet.a.setPresence({ agent: { id: '' } as Agent, status: 'away' }),
    ).rejects.toThrow(/agent.*non-empty strings/);
  });
});

describe('without routing', () => {
  it('offers nothing, accepts as before, and has no offer to decline', async () => {
    const fleet = twoInstances(undefined);
    await fleet.a.setPresence({ agent: ana, status: 'available' });
    await ring(fleet.a, CALL, 0);
    await settle();
    expect(fleet.heardA.offers).toEqual([]);
    await expect(fleet.a.declineOffer({ callId: CALL, agent: ana })).rejects.toThrow(
      /routing.*not configured/,
    );
    await fleet.b.recordAgentEvent({
      kind: 'declined',
      callId: CALL,
      at: fleet.clock.now,
      agent: ben,
    });
    await accept(fleet.a, CALL, ana);
    expect(outcomes(await fleet.a.listActivities(customer.waId), CALL)).toEqual([
      'call.agent_declined:Ben',
      'call.answered_by_agent:Ana',
    ]);
    expect(await fleet.a.sweep()).toEqual({ customers: 0, calls: 0, failed: 0 });
  });
});

describe('declineOffer', () => {
  it('records one decline when the same agent declines on both instances at once', async () => {
    const fleet = twoInstances({ strategy: 'ring_all' });
    await fleet.a.setPresence({ agent: ana, status: 'available' });
    await fleet.a.setPresence({ agent: ben, status: 'available' });
    await ring(fleet.a, CALL, 0);
    fleet.setTime(4);
    await Promise.all([
      fleet.a.declineOffer({ callId: CALL, agent: ana }),
      fleet.b.declineOffer({ callId: CALL, agent: ana }),
    ]);
    await settle();
    expect(outcomes(await fleet.a.listActivities(customer.waId), CALL)).toEqual([
      'call.agent_declined:Ana',
    ]);
    expect(fleet.heardB.withdrawn).toEqual([{ callId: CALL, agents: [ana], reason: 'declined' }]);
  });

  it('refuses a call it does not know, and malformed input', async () => {
    const fleet = twoInstances({ strategy: 'ring_all' });
    await expect(fleet.a.declineOffer({ callId: 'wacid.nope', agent: ana })).rejects.toThrow(
      /callId.*names no call/,
    );
    await expect(fleet.a.declineOffer({ callId: '', agent: ana })).rejects.toThrow(/callId/);
  });
});
