/**
 * The Graph errors the simulator answers with: code, HTTP status and Meta's wording (Meta "Calling troubleshooting" and "Error codes" pages).
 * One table, so a test can assert the exact envelope a real number would return.
 */

export interface GraphErrorInfo {
  httpStatus: number;
  /** Graph's `type`; Meta uses `OAuthException` for almost every WhatsApp error. */
  type: string;
  /** The title Meta puts after `(#code)` in `message`. */
  title: string;
}

export const graphErrors = {
  100: { httpStatus: 400, type: 'OAuthException', title: 'Invalid parameter' },
  190: {
    httpStatus: 401,
    type: 'OAuthException',
    title: 'Invalid OAuth access token - Cannot parse access token',
  },
  131047: { httpStatus: 400, type: 'OAuthException', title: 'Re-engagement message' },
  131055: {
    httpStatus: 400,
    type: 'OAuthException',
    title: 'Method not allowed: calling is handled by SIP on this number',
  },
  132001: {
    httpStatus: 404,
    type: 'OAuthException',
    title: 'Template name does not exist in the translation',
  },
  138000: { httpStatus: 401, type: 'OAuthException', title: 'Calling not enabled' },
  138002: { httpStatus: 429, type: 'OAuthException', title: 'Concurrent calls limit reached' },
  138003: { httpStatus: 400, type: 'OAuthException', title: 'Duplicate call' },
  138005: { httpStatus: 429, type: 'OAuthException', title: 'Call initiation rate limit reached' },
  138006: { httpStatus: 401, type: 'OAuthException', title: 'No approved call permission' },
  138009: {
    httpStatus: 400,
    type: 'OAuthException',
    title: 'Call permission request limit reached',
  },
  138012: {
    httpStatus: 400,
    type: 'OAuthException',
    title: 'Business initiated calls limit reached',
  },
  138013: {
    httpStatus: 400,
    type: 'OAuthException',
    title: 'Business initiated calling is not available',
  },
  138017: {
    httpStatus: 400,
    type: 'OAuthException',
    title: 'Call permission request not allowed: permanent permission already granted',
  },
} as const satisfies Record<number, GraphErrorInfo>;

export type GraphErrorCode = keyof typeof graphErrors;

/** Graph's answer for an id or edge it does not know (`GraphMethodException`, subcode 33). */
export const unsupportedRequest = {
  httpStatus: 400,
  type: 'GraphMethodException',
  code: 100,
  subcode: 33,
} as const;
