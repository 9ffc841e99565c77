import { deepFreeze } from './deep-freeze';

/**
 * The lengths and ranges of what a helpdesk sends: checked before a request leaves, and used for
 * form fields' `maxLength`, so nothing is typed that the platform would refuse.
 */
export const fieldLimits = /* @__PURE__ */ deepFreeze({
  /** Body text of a call permission request or a call invite. Meta "Call button messages and deep
   * links" and "User call permissions" pages: ≤ 1024 characters; checked 2026-12. */
  messageBody: { maxLength: 1024 },
  /** A call invite's button label (`display_text`). Meta "Call button messages and deep links"
   * page: ≤ 20 characters, default "Call Now"; checked 2026-12. */
  displayText: { maxLength: 20, default: 'Call Now' },
  /** A call invite's `ttl_minutes` when sent. Meta "Call button messages and deep links" page:
   * 1–43 200 minutes (30 days), default 10 080 (7 days); checked 2026-12. */
  ttlMinutes: { min: 1, max: 43_200, default: 10_080 },
  /** A call invite's `payload`, echoed as `cta_payload`. Meta "Call button messages and deep links"
   * page: ≤ 512 characters; checked 2026-12. */
  payload: { maxLength: 512 },
  /** `biz_opaque_callback_data` on connect, pre_accept and accept, echoed in webhooks. Meta "Calling
   * API reference" page: ≤ 512 characters; checked 2026-12. */
  bizOpaqueCallbackData: { maxLength: 512 },
  /** The `purpose` of a call recording or transcription. Meta "Call recording" page (2026-05-31):
   * required when enabled, ≤ 250 characters; checked 2026-12. */
  capturePurpose: { maxLength: 250 },
  /** A template's name. Meta "Message templates" reference: lowercase letters, digits and
   * underscores, ≤ 512 characters; checked 2026-12. */
  templateName: { maxLength: 512 },
  /** A template's language code, e.g. `en_US`. Meta "Message templates" reference: ≤ 20
   * characters; checked 2026-12. */
  templateLanguage: { maxLength: 20 },
  /** A template's plain-text header. Meta "Message templates" reference: ≤ 60 characters;
   * checked 2026-12. */
  templateHeader: { maxLength: 60 },
  /** A template's body. Meta "Message templates" reference: ≤ 1024 characters; checked 2026-12. */
  templateBody: { maxLength: 1024 },
  /** A template's plain-text footer. Meta "Message templates" reference: ≤ 60 characters;
   * checked 2026-12. */
  templateFooter: { maxLength: 60 },
  /** A call button template's `ttl_minutes` at creation. Meta "Call button messages and deep
   * links" page: 1440–43 200 minutes (1 to 30 days); checked 2026-12. */
  templateTtlMinutes: { min: 1440, max: 43_200 },
  /** `holiday_schedule` entries in the call hours. Meta "Call settings" page: at most 20;
   * checked 2026-12. */
  holidays: { maxItems: 20 },
} as const);
