import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { isWacallResponseError } from '../errors/wacall-response-error';
import { isWacallValidationError } from '../errors/wacall-validation-error';
import {
  ANSWER,
  CALL_ID,
  GRAPH,
  OFFER,
  PHONE_NUMBER_ID,
  TOKEN,
  failure,
  graph,
  seen,
  testClient,
  useGraphServer,
} from '../../test/support/test-graph';

useGraphServer();
const callsPath = `${PHONE_NUMBER_ID}/calls`;
const success = { messaging_product: 'whatsapp', success: true };

describe('calls.connect', () => {
  it('posts a connect action with the SDP offer and returns the call id', async () => {
    const requests = graph('post', callsPath, {
      messaging_product: 'whatsapp',
      calls: [{ id: CALL_ID }],
    });
    const result = await testClient().calls.connect({
      to: '14085551234',
      sdp: OFFER,
      bizOpaqueCallbackData: 'ticket-42',
    });
    expect(result).toEqual({ callId: CALL_ID });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
    });
    expect(request?.body).toEqual({
      messaging_product: 'whatsapp',
      to: '14085551234',
      action: 'connect',
      session: { sdp_type: 'offer', sdp: OFFER },
      biz_opaque_callback_data: 'ticket-42',
    });
  });

  it('calls a business-scoped user id and asks for recording and transcription', async () => {
    const requests = graph('post', callsPath, { calls: [{ id: CALL_ID }] });
    await testClient().calls.connect({
      recipient: 'US.13491208655302741918',
      sdp: OFFER,
      recording: { status: 'enabled', purpose: 'Quality assurance', announcementLanguage: 'en_US' },
      transcription: { status: 'disabled' },
    });
    expect(requests[0]?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient: 'US.13491208655302741918',
      action: 'connect',
      session: { sdp_type: 'offer', sdp: OFFER },
      recording: {
        status: 'ENABLED',
        purpose: 'Quality assurance',
        announcement_language: 'en_US',
      },
      transcription: { status: 'DISABLED' },
    });
  });

  it('reports a success body without a call id as an unreadable response', async () => {
    graph('post', callsPath, { messaging_product: 'whatsapp', calls: [] });
    const error = await failure(() =>
      testClient().calls.connect({ to: '14085551234', sdp: OFFER }),
    );
    expect(isWacallResponseError(error)).toBe(true);
    expect(String(error)).toContain('may have taken effect');
  });

  it('reports a success body that is not JSON as unreadable, without retrying', async () => {
    const requests = graph(
      'post',
      callsPath,
      () => new HttpResponse('<html>OK</html>', { status: 200 }),
    );
    const error = await failure(() =>
      testClient().calls.connect({ to: '14085551234', sdp: OFFER }),
    );
    expect(isWacallResponseError(error) && [error.httpStatus, error.problems]).toEqual([
      200,
      ['the body is not JSON'],
    ]);
    expect(requests).toHaveLength(1);
  });

  it('refuses every bad field at once and sends nothing', async () => {
    const error = await failure(() =>
      testClient().calls.connect({
        to: '+1 (408) 555-1234',
        sdp: JSON.stringify({ type: 'offer', sdp: OFFER }),
        bizOpaqueCallbackData: 'x'.repeat(513),
        recording: { status: 'enabled' },
      }),
    );
    expect(isWacallValidationError(error)).toBe(true);
    if (!isWacallValidationError(error)) return;
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'to',
      'sdp',
      'bizOpaqueCallbackData',
      'recording.purpose',
      'recording.announcementLanguage',
    ]);
    expect(error.issues[0]?.fix).toContain('Remove the +');
    expect(error.issues[1]?.fix).toContain('not JSON.stringify');
    expect(seen).toHaveLength(0);
  });

  it('needs a phone number or a recipient, and checks the BSUID shape', async () => {
    const missing = await failure(() =>
      testClient().calls.connect({ sdp: OFFER } as unknown as { to: string; sdp: string }),
    );
    expect(isWacallValidationError(missing) && missing.issues[0]?.path).toBe('to | recipient');
    const badBsuid = await failure(() =>
      testClient().calls.connect({ recipient: '13491208655302741918', sdp: OFFER }),
    );
    expect(isWacallValidationError(badBsuid) && badBsuid.issues[0]?.path).toBe('recipient');
    expect(seen).toHaveLength(0);
  });

  it('refuses an empty SDP, one without v=0, and one with bare \\n line ends', async () => {
    for (const sdp of ['', 'o=- 1 2 IN IP4 127.0.0.1\r\n', OFFER.replace(/\r\n/g, '\n')]) {
      const error = await failure(() => testClient().calls.connect({ to: '14085551234', sdp }));
      expect(isWacallValidationError(error) && error.issues[0]?.path).toBe('sdp');
    }
    expect(seen).toHaveLength(0);
  });
});

describe('calls.preAccept and calls.accept', () => {
  it('send the SDP answer with the right action', async () => {
    const requests = graph('post', callsPath, success);
    const client = testClient();
    await expect(client.calls.preAccept({ callId: CALL_ID, sdp: ANSWER })).resolves.toBeUndefined();
    await expect(
      client.calls.accept({ callId: CALL_ID, sdp: ANSWER, bizOpaqueCallbackData: 'ticket-7' }),
    ).resolves.toBeUndefined();
    expect(requests.map((request) => request.body)).toEqual([
      {
        messaging_product: 'whatsapp',
        call_id: CALL_ID,
        action: 'pre_accept',
        session: { sdp_type: 'answer', sdp: ANSWER },
      },
      {
        messaging_product: 'whatsapp',
        call_id: CALL_ID,
        action: 'accept',
        session: { sdp_type: 'answer', sdp: ANSWER },
        biz_opaque_callback_data: 'ticket-7',
      },
    ]);
  });

  it('refuse an id that is not a wacid', async () => {
    const error = await failure(() => testClient().calls.accept({ callId: '12345', sdp: ANSWER }));
    expect(isWacallValidationError(error) && error.issues.map((issue) => issue.path)).toEqual([
      'callId',
    ]);
    expect(seen).toHaveLength(0);
  });

  it('treat a success body that is not { success: true } as unreadable', async () => {
    graph('post', callsPath, { success: false });
    const error = await failure(() =>
      testClient().calls.preAccept({ callId: CALL_ID, sdp: ANSWER }),
    );
    expect(isWacallResponseError(error)).toBe(true);
  });
});

describe('calls.reject and calls.terminate', () => {
  it('send only the call id and the action', async () => {
    const requests = graph('post', callsPath, success);
    const client = testClient();
    await client.calls.reject({ callId: CALL_ID });
    await client.calls.terminate({ callId: CALL_ID });
    expect(requests.map((request) => request.body)).toEqual([
      { messaging_product: 'whatsapp', call_id: CALL_ID, action: 'reject' },
      { messaging_product: 'whatsapp', call_id: CALL_ID, action: 'terminate' },
    ]);
    expect(requests[1]?.url.href).toBe(`${GRAPH}/${callsPath}`);
  });
});
