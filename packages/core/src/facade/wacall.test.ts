import { describe, expect, it } from 'vitest';
import { connect, status, terminate } from '../../test/support/test-events';
import {
  failure,
  graph,
  graphError,
  PHONE_NUMBER_ID,
  seen,
  useGraphServer,
} from '../../test/support/test-graph';
import { isWacallDecisionError } from '../errors/wacall-decision-error';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import { isWhatsAppApiError } from '../errors/whatsapp-api-error';
import {
  agent,
  at,
  customer,
  customerMessage,
  graphAnswers,
  harness,
  kinds,
  OFFER,
  permissionReply,
} from '../../test/support/facade-test-kit';

useGraphServer();

const CALL = 'wacid.outgoing-1';

describe('createWacall: the agent asks, the customer grants, the agent calls', () => {
  it('walks permission request → reply → call → ringing → accepted → terminate', async () => {
    const { wacall, emitted, setTime } = harness();
    await wacall.ingest([customerMessage(0)]);

    setTime(10);
    const sendRequest = graphAnswers.message('wamid.request-1');
    const sent = await wacall.requestPermission({
      to: customer.waId,
      agent,
      body: 'May we call you?',
    });
    expect(sent).toMatchObject({ messageId: 'wamid.request-1', channel: 'free_form' });
    expect(sendRequest[0]?.body).toMatchObject({
      to: customer.waId,
      interactive: { type: 'call_permission_request', body: { text: 'May we call you?' } },
    });
    expect((await wacall.getCustomer(customer.waId)).permission.permission).toBe('requested');

    await wacall.ingest([permissionReply(60, { contextId: 'wamid.request-1' })]);
    const granted = await wacall.getCustomer(customer.waId);
    expect(granted.permission.permission).toBe('granted');
    expect(granted.decisions.startCall.allowed).toBe(true);

    setTime(120);
    const dial = graphAnswers.connect(CALL);
    const started = await wacall.startCall({ to: customer.waId, sdp: OFFER, agent });
    expect(started).toMatchObject({ callId: CALL, status: 'calling', agent });
    expect(dial[0]?.body).toMatchObject({
      action: 'connect',
      to: customer.waId,
      session: { sdp_type: 'offer', sdp: OFFER },
    });
    expect((await wacall.getCustomer(customer.waId)).activeCall?.callId).toBe(CALL);

    await wacall.ingest([
      connect(CALL, 'business_initiated', 122),
      status(CALL, 'ringing', 123),
      status(CALL, 'accepted', 130),
      terminate(CALL, 'business_initiated', 190, { start: 130, end: 190 }),
    ]);
    const call = await wacall.getCall(CALL);
    expect(call).toMatchObject({ status: 'completed', outcome: 'completed', durationSeconds: 60 });
    // The connect webhook refines the record (contact name…) without moving its status.
    const statuses = emitted.calls.map((c) => c.status).filter((s, i, all) => s !== all[i - 1]);
    expect(statuses).toEqual(['calling', 'ringing', 'ongoing', 'completed']);
    expect(kinds(await wacall.listActivities(customer.waId))).toEqual([
      'call.ended_by_customer',
      'call.answered_by_customer',
      'call.started_by_agent',
      'permission_request.approved',
      'permission_request.sent',
    ]);
    expect(kinds(emitted.activities)).toEqual([
      'permission_request.sent',
      'permission_request.approved',
      'call.started_by_agent',
      'call.answered_by_customer',
      'call.ended_by_customer',
    ]);
    expect((await wacall.getCustomer(customer.waId)).activeCall).toBeUndefined();
  });

  it('ingests a redelivered batch once: nothing is emitted or counted twice', async () => {
    const { wacall, emitted } = harness();
    const batch = [customerMessage(0), permissionReply(5)];
    expect(await wacall.ingest(batch)).toEqual({ applied: 2, duplicates: 0, ignored: 0 });
    const before = {
      activities: emitted.activities.length,
      permissions: emitted.permissions.length,
    };
    expect(await wacall.ingest(batch)).toEqual({ applied: 0, duplicates: 2, ignored: 0 });
    expect(emitted.activities).toHaveLength(before.activities);
    expect(emitted.permissions).toHaveLength(before.permissions);
  });

  it('ignores events addressed to another business number', async () => {
    const { wacall } = harness();
    const elsewhere = { ...customerMessage(0), phoneNumberId: '999999999999999' };
    expect(await wacall.ingest([elsewhere])).toEqual({ applied: 0, duplicates: 0, ignored: 1 });
  });
});

describe('createWacall: refusals', () => {
  it('refuses a call without permission before anything is sent, with the decision attached', async () => {
    const { wacall } = harness();
    const error = await failure(() => wacall.startCall({ to: customer.waId, sdp: OFFER, agent }));
    expect(isWacallDecisionError(error)).toBe(true);
    if (!isWacallDecisionError(error)) return;
    expect(error.decision).toMatchObject({
      action: 'start_call',
      allowed: false,
      reason: 'no_permission',
    });
    expect(seen).toHaveLength(0);
  });

  it('refuses a second permission request within 24 h and says when it becomes possible', async () => {
    const { wacall, setTime } = harness();
    await wacall.ingest([customerMessage(0)]);
    graphAnswers.message('wamid.request-1');
    await wacall.requestPermission({ to: customer.waId, agent, body: 'May we call?' });
    setTime(3600);
    const error = await failure(() =>
      wacall.requestPermission({ to: customer.waId, agent, body: 'Again?' }),
    );
    expect(isWacallDecisionError(error)).toBe(true);
    if (!isWacallDecisionError(error)) return;
    expect(error.decision.reason).toBe('request_limit_24h');
    expect(error.decision.retryAt).toBe(at(0) + 86_400_000);
    expect(seen).toHaveLength(1);
  });

  it('needs a template once the window is closed, and refuses free-form text there', async () => {
    const { wacall } = harness();
    const missing = await failure(() => wacall.requestPermission({ to: customer.waId, agent }));
    expect(isWacallValidationError(missing)).toBe(true);
    expect(String(missing)).toMatch(/template/);

    const freeForm = await failure(() =>
      wacall.requestPermission({ to: customer.waId, agent, body: 'Can we call?' }),
    );
    expect(isWacallDecisionError(freeForm) && freeForm.decision.reason).toBe('window_closed');
    expect(seen).toHaveLength(0);

    const send = graphAnswers.message('wamid.template-1');
    const sent = await wacall.requestPermission({
      to: customer.waId,
      agent,
      template: { name: 'call_permission_ask', language: 'en_US' },
    });
    expect(sent.channel).toBe('template');
    expect(sent.activity).toMatchObject({
      kind: 'permission_request.sent',
      params: { channel: 'template', templateName: 'call_permission_ask' },
    });
    expect(send[0]?.body).toMatchObject({
      type: 'template',
      template: { name: 'call_permission_ask' },
    });
  });

  it('gives the reservation back when Meta refuses the send, so the quota is not spent', async () => {
    const { wacall } = harness();
    await wacall.ingest([customerMessage(0)]);
    graph('post', `${PHONE_NUMBER_ID}/messages`, graphError(400, 131026));
    const error = await failure(() =>
      wacall.requestPermission({ to: customer.waId, agent, body: 'Hi' }),
    );
    expect(isWhatsAppApiError(error)).toBe(true);
    const view = await wacall.getCustomer(customer.waId);
    expect(view.decisions.sendPermissionRequest.allowed).toBe(true);
    expect(view.decisions.sendPermissionRequest.usage.requests24h.used).toBe(0);
    expect(await wacall.listActivities(customer.waId)).toEqual([]);
  });

  it('releases the call reservation when connect fails, leaving no call in progress', async () => {
    const { wacall } = harness();
    await wacall.ingest([permissionReply(0, { permanent: true })]);
    graph('post', `${PHONE_NUMBER_ID}/calls`, graphError(400, 138001));
    const error = await failure(() => wacall.startCall({ to: customer.waId, sdp: OFFER, agent }));
    expect(isWhatsAppApiError(error)).toBe(true);
    const view = await wacall.getCustomer(customer.waId);
    expect(view.activeCall).toBeUndefined();
    expect(view.decisions.startCall.allowed).toBe(true);
  });
});

describe('createWacall: incoming calls and agent actions', () => {
  it('answers an incoming call with pre-accept then accept, and reports the agent on the record', async () => {
    const { wacall, setTime } = harness();
    const incoming = 'wacid.incoming-1';
    await wacall.ingest([connect(incoming, 'user_initiated', 0)]);
    expect((await wacall.getCall(incoming))?.status).toBe('ringing');

    setTime(8);
    const actions = graphAnswers.callAction();
    const answered = await wacall.acceptCall({ callId: incoming, sdp: OFFER, agent });
    expect(actions.map((request) => (request.body as { action: string }).action)).toEqual([
      'pre_accept',
      'accept',
    ]);
    expect(answered).toMatchObject({ status: 'ongoing', agent });

    setTime(70);
    await wacall.endCall({ callId: incoming, agent });
    await wacall.ingest([terminate(incoming, 'user_initiated', 70, { start: 8, end: 70 })]);
    expect(await wacall.getCall(incoming)).toMatchObject({
      status: 'completed',
      endedBy: 'agent',
      durationSeconds: 62,
    });
    const texts = (await wacall.listActivities(customer.waId)).map((activity) => activity.text);
    expect(texts.some((text) => text.includes('Ana') && text.includes('8'))).toBe(true);
  });

  it('records the helpdesk’s assignment outcome on a missed call', async () => {
    const { wacall } = harness();
    const incoming = 'wacid.incoming-2';
    await wacall.ingest([connect(incoming, 'user_initiated', 0)]);
    await wacall.recordAgentEvent({ callId: incoming, kind: 'all_busy', at: at(5) });
    await wacall.ingest([terminate(incoming, 'user_initiated', 40)]);
    expect(await wacall.getCall(incoming)).toMatchObject({ status: 'missed', outcome: 'missed' });
    expect(kinds(await wacall.listActivities(customer.waId))).toContain('call.all_agents_busy');
  });
});

describe('createWacall: declining an incoming call', () => {
  it.each(['declineCall', 'rejectCall'] as const)(
    '%s sends Meta’s reject and records the call declined by the agent',
    async (method) => {
      const { wacall, setTime } = harness();
      const incoming = `wacid.${method}`;
      await wacall.ingest([connect(incoming, 'user_initiated', 0)]);

      setTime(6);
      const actions = graphAnswers.callAction();
      const declined = await wacall[method]({ callId: incoming, agent });
      expect(actions.map((request) => request.body)).toEqual([
        { messaging_product: 'whatsapp', call_id: incoming, action: 'reject' },
      ]);
      expect(declined).toMatchObject({ status: 'declined', outcome: 'rejected', agent });
    },
  );
});

describe('createWacall: what the clock changes', () => {
  it('shows a temporary permission expired on read, and sweep records it once, dated at the expiry', async () => {
    const { wacall, emitted, setTime } = harness();
    await wacall.ingest([permissionReply(0)]);
    setTime(7 * 86_400 + 4 * 3600);
    const view = await wacall.getCustomer(customer.waId);
    expect(view.permission.permission).toBe('expired');
    // Reading wrote nothing and announced nothing.
    expect(kinds(emitted.activities)).toEqual(['permission.granted']);
    expect(await wacall.sweep()).toEqual({ customers: 1, calls: 0, failed: 0 });
    expect(await wacall.sweep()).toEqual({ customers: 0, calls: 0, failed: 0 });
    expect(kinds(emitted.activities)).toEqual(['permission.granted', 'permission.expired']);
    expect(emitted.activities[1]?.at).toBe(at(7 * 86_400));
    expect(emitted.permissions.at(-1)?.permission.permission).toBe('expired');
  });

  it('pages activities newest first with a cursor', async () => {
    const { wacall } = harness();
    for (let i = 0; i < 3; i++) {
      const id = `wacid.page-${i}`;
      await wacall.ingest([
        connect(id, 'user_initiated', i * 100),
        terminate(id, 'user_initiated', i * 100 + 40),
      ]);
    }
    const first = await wacall.listActivities(customer.waId, { limit: 2 });
    expect(first).toHaveLength(2);
    const next = await wacall.listActivities(customer.waId, { limit: 50, before: first[1]?.id });
    expect([...first, ...next].map((a) => a.at)).toEqual(
      [...first, ...next].map((a) => a.at).sort((a, b) => b - a),
    );
    expect(first.length + next.length).toBe((await wacall.listActivities(customer.waId)).length);
    expect((await wacall.listCalls(customer.waId)).map((call) => call.callId)).toEqual([
      'wacid.page-2',
      'wacid.page-1',
      'wacid.page-0',
    ]);
  });
});

describe('createWacall: what the agent console hears', () => {
  it('announces the window a new customer opens with their first message', async () => {
    const { wacall, emitted } = harness();
    await wacall.ingest([customerMessage(0)]);
    expect(emitted.permissions).toHaveLength(1);
    expect(emitted.permissions[0]?.permission.windowOpenUntil).toBe(at(0) + 86_400_000);
  });

  it('places a reply after the request it answers, though Meta stamps whole seconds', async () => {
    const { wacall, clock } = harness();
    await wacall.ingest([customerMessage(0)]);
    clock.now = at(10) + 700;
    graphAnswers.message('wamid.request-1');
    await wacall.requestPermission({ to: customer.waId, agent, body: 'May we call?' });
    await wacall.ingest([
      permissionReply(10, { response: 'reject', contextId: 'wamid.request-1' }),
    ]);
    expect(kinds(await wacall.listActivities(customer.waId))).toEqual([
      'permission_request.declined',
      'permission_request.sent',
    ]);
  });
});

describe('createWacall: bad input stays at the edge', () => {
  it('skips an event with an impossible time, reports it, and applies the rest of the batch', async () => {
    const reported: unknown[] = [];
    const { wacall } = harness({ onError: (error) => void reported.push(error) });
    const bad = { ...customerMessage(5, 'wamid.bad'), timestamp: at(5) + 0.5 };
    const result = await wacall.ingest([bad, permissionReply(10)]);
    expect(result).toEqual({ applied: 1, duplicates: 0, ignored: 1 });
    expect(String(reported[0])).toMatch(/whole epoch milliseconds/);
    expect((await wacall.getCustomer(customer.waId)).permission.permission).toBe('granted');
  });
});

describe('createWacall: the timeline keeps the order things happened in', () => {
  it('lists "call placed" before "picked up" when Meta’s whole-second stamp precedes the click', async () => {
    const { wacall, clock } = harness();
    await wacall.ingest([permissionReply(0, { permanent: true })]);
    clock.now = at(10) + 400;
    graphAnswers.connect(CALL);
    await wacall.startCall({ to: customer.waId, sdp: OFFER, agent });
    await wacall.ingest([
      status(CALL, 'accepted', 10),
      terminate(CALL, 'business_initiated', 40, { start: 10, end: 40 }),
    ]);
    const activities = await wacall.listActivities(customer.waId);
    expect(kinds(activities).slice(0, 3)).toEqual([
      'call.ended_by_customer',
      'call.answered_by_customer',
      'call.started_by_agent',
    ]);
    const [ended, answered, placed] = activities;
    expect(placed!.at).toBeLessThan(answered!.at);
    expect(answered!.at).toBeLessThan(ended!.at);
  });
});
