import { describe, expect, it } from 'vitest';
import { eventKey, parseWebhook } from '../../src/index';
import type { TemplateStatusEvent } from '../../src/index';
import {
  fixtureCast as cast,
  firstValue,
  loadFixture,
  readFixture,
  setAt,
  type WebhookFixtureName,
} from '../fixtures';

function templateEvent(body: string | object): TemplateStatusEvent {
  const { events, issues } = parseWebhook(body);
  expect(issues).toEqual([]);
  expect(events).toHaveLength(1);
  expect(events[0]?.type).toBe('template.status');
  return events[0] as TemplateStatusEvent;
}

const fixture = (name: WebhookFixtureName) => templateEvent(readFixture(name));

describe('template.status', () => {
  it('reads an approval with a numeric template id and no reason', () => {
    const event = fixture('template-status-approved');
    expect(event).toEqual({
      type: 'template.status',
      wabaId: cast.wabaId,
      timestamp: (cast.t0 + 600) * 1000,
      raw: expect.any(Object),
      templateId: '594425479261596',
      name: 'call_permission_ask',
      language: 'en_US',
      status: 'approved',
    });
    // A template belongs to the account, not to one phone number.
    expect(event.phoneNumberId).toBeUndefined();
  });

  it('reads a rejection with its reason, unchanged', () => {
    expect(fixture('template-status-rejected')).toMatchObject({
      templateId: '594425479261597',
      name: 'call_invite_promo',
      language: 'pt_BR',
      status: 'rejected',
      reason: 'INCORRECT_CATEGORY',
    });
  });

  it('takes the why of a pause from other_info when the reason is null', () => {
    const event = fixture('template-status-paused');
    expect(event.status).toBe('paused');
    expect(event.reason).toBe(
      'Your template has been paused for 3 hours because of low quality ratings.',
    );
  });

  it('keeps statuses Meta adds later, lowercased', () => {
    const body = loadFixture('template-status-approved');
    setAt(body, `${firstValue}.event`, 'PENDING_DELETION');
    expect(templateEvent(body).status).toBe('pending_deletion');
  });

  it('reports a change without a template name as an issue, not an event', () => {
    const body = loadFixture('template-status-rejected');
    setAt(body, `${firstValue}.message_template_name`, undefined);
    const { events, issues } = parseWebhook(body);
    expect(events).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'entry[0].changes[0].value',
        message: expect.stringContaining('message_template_name'),
      }),
    ]);
  });

  it('gives a redelivery the same key and a later status of the same template another', () => {
    const approved = fixture('template-status-approved');
    expect(eventKey(fixture('template-status-approved'))).toBe(eventKey(approved));
    const body = loadFixture('template-status-approved');
    setAt(body, 'entry.0.time', cast.t0 + 90_000);
    expect(eventKey(templateEvent(body))).not.toBe(eventKey(approved));
  });
});
