import { describe, expect, it } from 'vitest';
import { catalogedErrorCodes, getErrorInfo } from '../platform/error-catalogue';
import { isWhatsAppApiError } from '../errors/whatsapp-api-error';
import {
  CALL_ID,
  PHONE_NUMBER_ID,
  failure,
  graph,
  graphError,
  testClient,
  useGraphServer,
} from './test-graph';

useGraphServer();

// The HTTP status Meta's troubleshooting table gives for each calling code; others arrive as 400.
const httpStatus: Record<number, number> = {
  613: 429,
  138000: 401,
  138002: 429,
  138004: 500,
  138005: 429,
  138006: 401,
  138007: 500,
  130429: 429,
};

describe('Graph errors through the client', () => {
  it.each(catalogedErrorCodes.map((code) => [code, httpStatus[code] ?? 400] as const))(
    'code %i (HTTP %i) becomes a WhatsAppApiError with the catalogue’s category, meaning and fix',
    async (code, status) => {
      graph('post', `${PHONE_NUMBER_ID}/calls`, graphError(status, code));
      const error = await failure(() =>
        testClient({ retry: false }).calls.terminate({ callId: CALL_ID }),
      );
      const info = getErrorInfo(code);
      expect(isWhatsAppApiError(error)).toBe(true);
      if (!isWhatsAppApiError(error)) return;
      expect(error).toMatchObject({
        httpStatus: status,
        code,
        category: info.category,
        retryable: info.retryable || status >= 500,
        meaning: info.meaning,
        fix: info.fix,
        details: `details of ${code}`,
        fbtraceId: 'AbCdEfGhIjK',
        operation: 'calls.terminate',
      });
    },
  );

  it('maps an undocumented 138xxx code to a generic calling error', async () => {
    graph('post', `${PHONE_NUMBER_ID}/calls`, graphError(400, 138011));
    const error = await failure(() => testClient().calls.terminate({ callId: CALL_ID }));
    expect(isWhatsAppApiError(error) && [error.code, error.category, error.retryable]).toEqual([
      138011,
      'calling',
      false,
    ]);
  });
});
