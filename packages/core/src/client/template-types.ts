/** What the agent's template picker needs to know about a message template. */

export type CallingTemplateKind = 'call_permission_request' | 'call_invite';

export type TemplateStatus =
  'approved' | 'pending' | 'rejected' | 'paused' | 'disabled' | (string & {});

export interface TemplateSummary {
  id: string;
  name: string;
  /** e.g. `en_US`. */
  language: string;
  status: TemplateStatus;
  /** e.g. `marketing`, `utility` (lowercased). */
  category: string;
  /** Set when the template carries a calling component (permission request or voice-call button). */
  kind?: CallingTemplateKind;
  /** The BODY component's text, placeholders (`{{1}}`) included. */
  bodyText?: string;
  /** The voice-call button's label, for call-invite templates. */
  buttonText?: string;
  /** The voice-call button's validity in minutes, when the listing gives it. */
  ttlMinutes?: number;
  /** The HEADER component's text. */
  headerText?: string;
  /** The FOOTER component's text. */
  footerText?: string;
  /** Why Meta rejected it (e.g. `INVALID_FORMAT`), as Meta wrote it; absent when Meta says `NONE`. */
  rejectedReason?: string;
  /** Meta's quality rating from recipients' reactions, lowercased. */
  qualityScore?: TemplateQualityScore;
}

export type TemplateQualityScore = 'green' | 'yellow' | 'red' | 'unknown' | (string & {});

/** One page of `templates.list()`. */
export interface TemplatePage {
  templates: TemplateSummary[];
  /** Pass as `after` to fetch the next page; absent on the last page. */
  nextCursor?: string;
}
