// A send whose outcome is unknown may have reached the customer: the agent's next click must not
// dial (or message) twice. Every send × every way it can fail: how many requests reached Meta, and
// what the next click is told.
import { HttpResponse, delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { status, terminate } from '../../test/support/test-events';
import {
  failure,
  graph,
  graphError,
  PHONE_NUMBER_ID,
  testClient,
  useGraphServer,
} from '../../test/support/test-graph';
import { isWacallDecisionError } from '../errors/wacall-decision-error';
import { readCorrelation } from '../permissions/correlation';
import {
  agent,
  at,
  customer,
  customerMessage,
  graphAnswers,
  harness,
  OFFER,
  permissionReply,
} from '../../test/support/facade-test-kit';
import type { Wacall } from './wacall-types';

useGraphServer();

type Failure = 'timeout' | 'network' | '5xx' | 'unreadable 2xx' | '4xx';

const failures: Record<Failure, () => Response | Promise<Response>> = {
  timeout: async () => {
    await delay(300);
    return HttpResponse.json({ messaging_product: 'whatsapp', calls: [{ id: 'wacid.late' }] });
  },
  network: () => HttpResponse.error(),
  '5xx': () => graphError(503, 131000),
  'unreadable 2xx': () => new HttpResponse('<html>ok</html>', { status: 200 }),
  '4xx': () => graphError(400, 138006),
};

const sends = {
  startCall: {
    path: `${PHONE_NUMBER_ID}/calls`,
    setup: (wacall: Wacall) => wacall.ingest([permissionReply(0, { permanent: true })]),
    send: (wacall: Wacall) => wacall.startCall({ to: customer.waId, sdp: OFFER, agent }),
    succeed: () => graphAnswers.connect('wacid.second'),
  },
  requestPermission: {
    path: `${PHONE_NUMBER_ID}/messages`,
    // A house limit of 5 a day, so only the unknown outcome can refuse the second request.
    setup: (wacall: Wacall) => wacall.ingest([customerMessage(0)]),
    send: (wacall: Wacall) =>
      wacall.requestPermission({ to: customer.waId, agent, body: 'May we call?' }),
    succeed: () => graphAnswers.message('wamid.second'),
  },
  sendCallInvite: {
    path: `${PHONE_NUMBER_ID}/messages`,
    setup: (wacall: Wacall) => wacall.ingest([customerMessage(0)]),
    send: (wacall: Wacall) => wacall.sendCallInvite({ to: customer.waId, agent, body: 'Call us' }),
    succeed: () => graphAnswers.message('wamid.second'),
  },
} as const;

const cases = Object.keys(sends).flatMap((send) =>
  (Object.keys(failures) as Failure[]).map((how) => [send as keyof typeof sends, how] as const),
);

describe('never double-dial: a failed send, then a second click', () => {
  it.each(cases)('%s fails with %s', async (send, how) => {
    const { wacall, setTime } = harness({
      client: testClient({ timeoutMs: 100 }),
      policy: { requestLimits: { daily: { max: 5 }, weekly: { max: 10 } } },
    });
    const { path, setup, send: click, succeed } = sends[send];
    await setup(wacall);
    setTime(60);
    const first = graph('post', path, failures[how]);
    await failure(() => click(wacall));
    expect(first).toHaveLength(1);

    setTime(90);
    succeed();
    const second = await click(wacall).then(
      () => undefined,
      (error: unknown) => error,
    );
    const reached = first.length + (second === undefined ? 1 : 0);
    if (how === '4xx') {
      // Meta refused with a Graph error code: nothing happened, the slot is free again.
      expect(second).toBeUndefined();
      expect(reached).toBe(2);
    } else {
      expect(reached).toBe(1);
      expect(isWacallDecisionError(second) && second.decision).toMatchObject({
        reason: 'awaiting_confirmation',
        retryAt: at(60) + 2 * 60_000,
      });
      // The hold lapses by itself once the platform could have rung out.
      setTime(60 + 121);
      const view = await wacall.getCustomer(customer.waId);
      const decision = {
        startCall: view.decisions.startCall,
        requestPermission: view.decisions.sendPermissionRequest,
        sendCallInvite: view.decisions.sendCallInvite,
      }[send];
      expect(decision.reason).not.toBe('awaiting_confirmation');
    }
  });

  it('an unknown request outcome counts as sent: the limit of one a day refuses a second', async () => {
    const { wacall, setTime } = harness({ client: testClient({ timeoutMs: 100 }) });
    await wacall.ingest([customerMessage(0)]);
    graph('post', `${PHONE_NUMBER_ID}/messages`, failures['5xx']);
    await failure(() => wacall.requestPermission({ to: customer.waId, agent, body: 'Hi' }));
    setTime(600);
    const view = await wacall.getCustomer(customer.waId);
    expect(view.permission.permission).toBe('requested');
    expect(view.decisions.sendPermissionRequest).toMatchObject({ reason: 'request_limit_24h' });
    const sent = await wacall.listActivities(customer.waId);
    expect(sent.map((activity) => activity.kind)).toEqual(['permission_request.sent']);
  });

  it('a webhook echoing the token settles a timed-out call: it is credited to the agent, and blocks as a call', async () => {
    const { wacall, setTime } = harness({ client: testClient({ timeoutMs: 100 }) });
    await wacall.ingest([permissionReply(0, { permanent: true })]);
    setTime(60);
    const dial = graph('post', `${PHONE_NUMBER_ID}/calls`, failures.timeout);
    await failure(() =>
      wacall.startCall({
        to: customer.waId,
        sdp: OFFER,
        agent,
        bizOpaqueCallbackData: 'ticket-42',
      }),
    );
    const sent = (dial[0]?.body as { biz_opaque_callback_data?: string }).biz_opaque_callback_data;
    expect(readCorrelation(sent)).toMatchObject({ data: 'ticket-42' });

    // Meta echoes the field on the call's status webhook.
    setTime(62);
    await wacall.ingest([{ ...status('wacid.late', 'RINGING', 61), bizOpaqueCallbackData: sent }]);
    const call = await wacall.getCall('wacid.late');
    expect(call).toMatchObject({
      status: 'ringing',
      agent,
      bizOpaqueCallbackData: 'ticket-42',
      customer: { waId: customer.waId },
    });
    const view = await wacall.getCustomer(customer.waId);
    expect(view.decisions.startCall.reason).toBe('call_in_progress');
    expect(view.activeCall?.callId).toBe('wacid.late');

    await wacall.ingest([
      { ...terminate('wacid.late', 'business_initiated', 100), bizOpaqueCallbackData: sent },
    ]);
    setTime(101);
    expect((await wacall.getCustomer(customer.waId)).decisions.startCall.allowed).toBe(true);
    expect(await wacall.getCall('wacid.late')).toMatchObject({ status: 'unanswered', agent });
  });

  it('refuses callback data that leaves no room for the token, before anything is sent', async () => {
    const { wacall } = harness();
    await wacall.ingest([permissionReply(0, { permanent: true })]);
    const error = await failure(() =>
      wacall.startCall({
        to: customer.waId,
        sdp: OFFER,
        agent,
        bizOpaqueCallbackData: 'x'.repeat(465),
      }),
    );
    expect(String(error)).toMatch(/at most 464 characters/);
    expect((await wacall.getCustomer(customer.waId)).decisions.startCall.allowed).toBe(true);
  });
});
