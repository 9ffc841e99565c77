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
}

/** One page of `templates.list()`. */
export interface TemplatePage {
  templates: TemplateSummary[];
  /** Pass as `after` to fetch the next page; absent on the last page. */
  nextCursor?: string;
}
