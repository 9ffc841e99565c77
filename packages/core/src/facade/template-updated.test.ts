import { describe, expect, it } from 'vitest';
import { useGraphServer, WABA_ID } from '../../test/support/test-graph';
import type { TemplateStatusEvent } from '../webhooks/events';
import { at, harness } from '../../test/support/facade-test-kit';
import type { TemplateUpdatedEvent } from './template-updated';

useGraphServer();

function review(
  seconds: number,
  status: string,
  extra: Partial<TemplateStatusEvent> = {},
): TemplateStatusEvent {
  return {
    type: 'template.status',
    wabaId: WABA_ID,
    timestamp: at(seconds),
    raw: {},
    templateId: '594425479261596',
    name: 'call_permission_ask',
    language: 'en_US',
    status,
    ...extra,
  };
}

describe("ingest: 'template.updated'", () => {
  it('announces each review outcome once, with the reason, and skips other accounts', async () => {
    const { wacall } = harness();
    const updates: TemplateUpdatedEvent[] = [];
    wacall.on('template.updated', (update) => updates.push(update));

    const rejected = review(60, 'rejected', { reason: 'INVALID_FORMAT' });
    const result = await wacall.ingest([
      review(30, 'approved'),
      rejected,
      rejected,
      review(90, 'approved', { wabaId: '999999999999999' }),
    ]);

    expect(result).toEqual({ applied: 3, duplicates: 1, ignored: 0 });
    expect(updates).toEqual([
      {
        templateId: '594425479261596',
        name: 'call_permission_ask',
        language: 'en_US',
        status: 'approved',
        at: at(30),
      },
      {
        templateId: '594425479261596',
        name: 'call_permission_ask',
        language: 'en_US',
        status: 'rejected',
        reason: 'INVALID_FORMAT',
        at: at(60),
      },
    ]);
  });
});
