import { describe, expect, it } from 'vitest';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import { fieldLimits } from '../platform/field-limits';
import {
  CALL_ID,
  OFFER,
  PHONE_NUMBER_ID,
  failure,
  graph,
  seen,
  testClient,
  useGraphServer,
} from './test-graph';

// The client's checks read `@wacall/core/platform`: every input here is sized from the table, so a
// limit changed there moves the boundary the client enforces, and a literal left in the client fails.
useGraphServer();
const messages = `${PHONE_NUMBER_ID}/messages`;
const sent = { messaging_product: 'whatsapp', messages: [{ id: 'wamid.A' }] };
const text = (length: number) => 'x'.repeat(length);

const refusedPaths = async (send: () => Promise<unknown>): Promise<string[]> => {
  const error = await failure(send);
  return isWacallValidationError(error) ? error.issues.map((issue) => issue.path) : [];
};

describe("the client's length checks follow the platform table", () => {
  it('sends a call invite at every limit, and refuses it one past each', async () => {
    const { messageBody, displayText, ttlMinutes, payload } = fieldLimits;
    graph('post', messages, sent);
    await testClient().messages.sendCallInvite({
      to: '14085551234',
      body: text(messageBody.maxLength),
      displayText: text(displayText.maxLength),
      ttlMinutes: ttlMinutes.max,
      payload: text(payload.maxLength),
    });
    expect(seen).toHaveLength(1);
    const paths = await refusedPaths(() =>
      testClient().messages.sendCallInvite({
        to: '14085551234',
        body: text(messageBody.maxLength + 1),
        displayText: text(displayText.maxLength + 1),
        ttlMinutes: ttlMinutes.max + 1,
        payload: text(payload.maxLength + 1),
      }),
    );
    expect(paths).toEqual(['body', 'displayText', 'ttlMinutes', 'payload']);
    expect(seen).toHaveLength(1);
  });

  it('refuses a ttl below the minimum and a permission request body past the limit', async () => {
    const ttl = await refusedPaths(() =>
      testClient().messages.sendCallInviteTemplate({
        to: '14085551234',
        template: { name: 'call_invite', language: 'en_US' },
        ttlMinutes: fieldLimits.ttlMinutes.min - 1,
      }),
    );
    expect(ttl).toEqual(['ttlMinutes']);
    const body = await refusedPaths(() =>
      testClient().messages.sendCallPermissionRequest({
        to: '14085551234',
        body: text(fieldLimits.messageBody.maxLength + 1),
      }),
    );
    expect(body).toEqual(['body']);
    expect(seen).toHaveLength(0);
  });

  it("takes biz_opaque_callback_data up to the table's length on connect", async () => {
    graph('post', `${PHONE_NUMBER_ID}/calls`, { calls: [{ id: CALL_ID }] });
    const max = fieldLimits.bizOpaqueCallbackData.maxLength;
    await testClient().calls.connect({
      to: '14085551234',
      sdp: OFFER,
      bizOpaqueCallbackData: text(max),
    });
    expect(seen).toHaveLength(1);
    const paths = await refusedPaths(() =>
      testClient().calls.connect({
        to: '14085551234',
        sdp: OFFER,
        bizOpaqueCallbackData: text(max + 1),
      }),
    );
    expect(paths).toEqual(['bizOpaqueCallbackData']);
  });
});
