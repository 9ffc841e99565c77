import { describe, expect, it } from 'vitest';
import type { WebhookEvent } from '../webhooks/events';
import { applyCallEvent, isCallEvent } from './apply-call-event';
import { isCallLifecycleError } from './call-lifecycle-error';
import { deriveCallActivities } from './derive-call-activities';
import { callCustomerKey, deriveCallRecord } from './derive-call-record';
import { diffActivities } from './diff-activities';
import {
  ana,
  at,
  business,
  connect,
  customer,
  factsOf,
  feed,
  status,
  terminate,
} from '../../test/support/test-events';

describe('applyCallEvent', () => {
  it('reads the customer from the side of the call they are on, in both directions', () => {
    for (const direction of ['user_initiated', 'business_initiated'] as const) {
      const record = deriveCallRecord(applyCallEvent(undefined, connect('wacid.p', direction, 0)));
      expect(record.customer).toEqual(customer);
      expect(record.businessNumber).toBe(business.display);
    }
  });

  it('files username-only customers (empty phone fields) under their BSUID', () => {
    const event = {
      ...connect('wacid.b', 'user_initiated', 0),
      from: '',
      contact: { userId: 'US.1349' },
    };
    delete event.fromUserId;
    const record = deriveCallRecord(applyCallEvent(undefined, event));
    expect(record.customer).toEqual({ userId: 'US.1349' });
    expect(callCustomerKey(record.customer)).toBe('US.1349');
    const end = {
      ...terminate('wacid.b', 'user_initiated', 40),
      from: '',
      contact: { userId: 'US.1349' },
    };
    delete end.fromUserId;
    const [missed] = deriveCallActivities(feed(applyCallEvent(undefined, event), end));
    expect(missed).toMatchObject({ kind: 'call.missed_no_answer', customer: 'US.1349' });
  });

  it('falls back to the phone number id when no display number is known', () => {
    const event = { ...status('wacid.n', 'RINGING', 1) };
    delete event.displayPhoneNumber;
    expect(deriveCallRecord(applyCallEvent(undefined, event)).businessNumber).toBe(
      business.phoneNumberId,
    );
  });

  it('reads statuses case-insensitively and ignores ones it does not know', () => {
    const facts = factsOf([status('wacid.c', 'ringing', 1), status('wacid.c', 'ON_HOLD', 2)]);
    expect(deriveCallRecord(facts)).toMatchObject({ status: 'ringing', ringingAt: at(1) });
  });

  it('keeps every distinct error of the terminate, sorted by code', () => {
    const end = terminate('wacid.e', 'user_initiated', 9, {
      errors: [
        { code: 138021, title: 'No media' },
        { code: 131044 },
        { code: 138021, title: 'No media' },
      ],
    });
    expect(deriveCallRecord(applyCallEvent(undefined, end)).errors).toEqual([
      { code: 131044 },
      { code: 138021, title: 'No media' },
    ]);
  });

  it('refuses an event of another call, naming both', () => {
    const facts = applyCallEvent(undefined, connect('wacid.one', 'user_initiated', 0));
    let thrown: unknown;
    try {
      applyCallEvent(facts, connect('wacid.two', 'user_initiated', 1));
    } catch (error) {
      thrown = error;
    }
    expect(isCallLifecycleError(thrown)).toBe(true);
    expect(thrown).toMatchObject({
      code: 'call_id_mismatch',
      message: expect.stringContaining('wacid.one'),
    });
  });

  it('isCallEvent picks the lifecycle’s events out of a webhook batch', () => {
    const other: WebhookEvent = {
      type: 'message',
      wabaId: 'w',
      phoneNumberId: business.phoneNumberId,
      timestamp: at(0),
      raw: {},
      messageId: 'wamid.1',
      messageType: 'text',
    };
    const batch: WebhookEvent[] = [
      other,
      connect('wacid.x', 'user_initiated', 0),
      status('wacid.x', 'RINGING', 1),
    ];
    expect(batch.filter(isCallEvent).map((event) => event.type)).toEqual([
      'call.connect',
      'call.status',
    ]);
  });
});

describe('diffActivities', () => {
  const id = 'wacid.diff';
  const started = {
    callId: id,
    kind: 'started',
    agent: ana,
    at: at(0),
    customer: { waId: customer.waId },
  } as const;

  it('reports new activities once, and a redelivered event as nothing new', () => {
    const before = factsOf([started, status(id, 'RINGING', 2)]);
    const end = terminate(id, 'business_initiated', 30);
    const after = feed(before, end);
    const diff = diffActivities(deriveCallActivities(before), deriveCallActivities(after));
    expect(diff.added.map((a) => a.kind)).toEqual(['call.unanswered']);
    expect(diff.changed).toEqual([]);
    expect(
      diffActivities(deriveCallActivities(after), deriveCallActivities(feed(after, end))),
    ).toEqual({
      added: [],
      changed: [],
      removed: [],
    });
  });

  it('reports a refinement under the same id: the REJECTED status arriving after the terminate', () => {
    const unanswered = factsOf([started, terminate(id, 'business_initiated', 7)]);
    const rejected = feed(unanswered, status(id, 'REJECTED', 6));
    const diff = diffActivities(deriveCallActivities(unanswered), deriveCallActivities(rejected));
    expect(diff.added).toEqual([]);
    expect(diff.changed).toMatchObject([
      {
        id: `${id}:connection`,
        kind: 'call.rejected_by_customer',
        text: 'Rejected by the customer after 6 s',
      },
    ]);
  });
});
