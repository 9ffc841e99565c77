import { createHmac } from 'node:crypto';
import { parseWebhook, type TemplateStatusEvent } from '@wacall/core';
import { describe, expect, it, vi } from 'vitest';
import {
  createCloudApiSimulator,
  isSimulatorUsageError,
  type CloudApiSimulator,
  type CloudApiSimulatorOptions,
} from '../src/index';
import { appSecret, customerWaId, graph, graphError, sendMessage } from './helpers';

const start = Date.UTC(2026, 4, 4, 8, 0, 0);

function setup(options: Partial<CloudApiSimulatorOptions> = {}) {
  return createCloudApiSimulator({ appSecret, now: () => start, seed: 7, ...options });
}

const path = (simulator: CloudApiSimulator) =>
  `${simulator.businessNumber.wabaId}/message_templates`;

function template(name: string) {
  return {
    name,
    language: 'en_US',
    category: 'UTILITY',
    components: [
      { type: 'BODY', text: 'May we call you about your order?' },
      { type: 'call_permission_request' },
    ],
  };
}

async function create(simulator: CloudApiSimulator, name: string) {
  const reply = await graph(simulator, 'POST', path(simulator), template(name));
  expect(reply.body['status']).toBe('PENDING');
  return String(reply.body['id']);
}

/** The template status events of every delivery so far, after checking each signature. */
function reviews(simulator: CloudApiSimulator): TemplateStatusEvent[] {
  return simulator.drain().flatMap((delivery) => {
    const expected = createHmac('sha256', appSecret).update(delivery.body).digest('hex');
    expect(delivery.signature).toBe(`sha256=${expected}`);
    const { events, issues } = parseWebhook(delivery.body);
    expect(issues).toEqual([]);
    return events.filter((event) => event.type === 'template.status');
  });
}

function sendTemplate(simulator: CloudApiSimulator, name: string) {
  return sendMessage(simulator, {
    to: customerWaId,
    type: 'template',
    template: { name, language: { code: 'en_US' } },
  });
}

function listed(simulator: CloudApiSimulator, name: string) {
  return graph(simulator, 'GET', `${path(simulator)}?name=${name}`).then(
    (reply) => (reply.body['data'] as Record<string, unknown>[])[0],
  );
}

describe('template review', () => {
  it('by default approves right after creation, with a signed status webhook dated by the entry', async () => {
    const simulator = setup();
    const id = await create(simulator, 'ask_to_call');
    expect(simulator.templates.list()[0]?.status).toBe('PENDING');
    await simulator.tick();
    const [approved] = reviews(simulator);
    expect(approved).toEqual(
      expect.objectContaining({
        templateId: id,
        name: 'ask_to_call',
        language: 'en_US',
        status: 'approved',
        wabaId: simulator.businessNumber.wabaId,
        timestamp: start,
      }),
    );
    expect(approved?.reason).toBeUndefined();
    expect((await sendTemplate(simulator, 'ask_to_call')).status).toBe(200);
  });

  it('keeps a template pending for delayMs, refusing to send it, then rejects it with a reason', async () => {
    const simulator = setup({ templateReview: { delayMs: 60_000, outcome: 'rejected' } });
    await create(simulator, 'ask_to_call');
    await simulator.advanceTime(59_999);
    expect(reviews(simulator)).toEqual([]);
    const pending = await sendTemplate(simulator, 'ask_to_call');
    expect([pending.status, graphError(pending)['code']]).toEqual([404, 132001]);
    expect(JSON.stringify(graphError(pending))).toContain('is PENDING');

    await simulator.advanceTime(1);
    expect(reviews(simulator)).toMatchObject([
      { name: 'ask_to_call', status: 'rejected', reason: 'INVALID_FORMAT' },
    ]);
    expect(await listed(simulator, 'ask_to_call')).toMatchObject({
      status: 'REJECTED',
      rejected_reason: 'INVALID_FORMAT',
    });
    expect((await sendTemplate(simulator, 'ask_to_call')).status).toBe(404);
  });

  it('lets the outcome depend on the template', async () => {
    const simulator = setup({
      templateReview: {
        outcome: (t) =>
          t.name.includes('promo') ? { outcome: 'rejected', reason: 'PROMOTIONAL' } : 'approved',
      },
    });
    await create(simulator, 'ask_to_call');
    await create(simulator, 'promo_call');
    await simulator.tick();
    expect(reviews(simulator).map((e) => [e.name, e.status, e.reason])).toEqual([
      ['ask_to_call', 'approved', undefined],
      ['promo_call', 'rejected', 'PROMOTIONAL'],
    ]);
  });

  it('takes a delay per template', async () => {
    const simulator = setup({
      templateReview: { delayMs: (t) => (t.name.startsWith('slow') ? 10_000 : 0) },
    });
    await create(simulator, 'slow_review');
    await create(simulator, 'quick_review');
    await simulator.tick();
    expect(reviews(simulator).map((e) => e.name)).toEqual(['quick_review']);
    await simulator.advanceTime(10_000);
    expect(reviews(simulator).map((e) => e.name)).toEqual(['slow_review']);
  });

  it("'manual' waits for templates.review(), which refuses unknown names and outcomes", async () => {
    const simulator = setup({ templateReview: 'manual' });
    await create(simulator, 'ask_to_call');
    await simulator.advanceTime(30 * 86_400_000);
    expect(simulator.templates.list()[0]?.status).toBe('PENDING');
    expect(reviews(simulator)).toEqual([]);

    await simulator.templates.review('ask_to_call', 'rejected', 'TAG_CONTENT_MISMATCH');
    expect(reviews(simulator)).toMatchObject([
      { status: 'rejected', reason: 'TAG_CONTENT_MISMATCH' },
    ]);
    await simulator.templates.review('ask_to_call', 'approved');
    expect(reviews(simulator)).toMatchObject([{ status: 'approved' }]);
    expect(simulator.templates.list()[0]).not.toHaveProperty('rejectedReason');
    expect((await sendTemplate(simulator, 'ask_to_call')).status).toBe(200);

    const unknown = await simulator.templates.review('nope', 'approved').catch((e: unknown) => e);
    expect(isSimulatorUsageError(unknown)).toBe(true);
    await expect(simulator.templates.review('ask_to_call', 'maybe' as 'approved')).rejects.toThrow(
      "Pass 'approved' or 'rejected'.",
    );
  });

  it('pauses an approved template with a webhook, and it can no longer be sent', async () => {
    const simulator = setup();
    await create(simulator, 'ask_to_call');
    await simulator.tick();
    reviews(simulator);
    await simulator.setTemplateStatus('ask_to_call', 'PAUSED');
    expect(reviews(simulator)).toMatchObject([{ status: 'paused' }]);
    expect((await sendTemplate(simulator, 'ask_to_call')).status).toBe(404);
  });

  it('decides a delayed review on the real clock without any other traffic', async () => {
    const simulator = createCloudApiSimulator({
      appSecret,
      seed: 8,
      templateReview: { delayMs: 30 },
    });
    await create(simulator, 'ask_to_call');
    await vi.waitFor(() => expect(reviews(simulator)).toMatchObject([{ status: 'approved' }]), {
      timeout: 2000,
      interval: 20,
    });
  });

  it('skips the webhook when the app is not subscribed to the field', async () => {
    const simulator = setup({ delivery: { subscribedFields: ['calls', 'messages'] } });
    await create(simulator, 'ask_to_call');
    await simulator.tick();
    expect(simulator.templates.list()[0]?.status).toBe('APPROVED');
    expect(reviews(simulator)).toEqual([]);
  });
});
