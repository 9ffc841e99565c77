import type { TemplateDraft, TemplateDraftKind, TemplateField, TemplateStatus } from '@wacall/core';
import type { WacallMessagesOverride } from '../i18n/messages';

/** What `onSubmit` may resolve to: `client.templates.create…()`'s answer fits as it is. */
export interface TemplateEditorSubmitResult {
  /** Usually `pending`: Meta reviews every new template. */
  status?: TemplateStatus;
}

/** The review outcome of the submitted template, e.g. from the facade's `'template.updated'` event. */
export interface TemplateEditorReview {
  status: TemplateStatus;
  /** Why Meta rejected or paused it. */
  reason?: string;
}

export interface TemplateEditorProps {
  /** Starting values; `kind` picks the template type (default `call_permission_request`). */
  defaultValues?: Partial<TemplateDraft>;
  /** The template types offered (default both). With one, the type choice is not shown. */
  kinds?: readonly TemplateDraftKind[];
  /** Language codes to choose from (default a few common ones). */
  languages?: readonly string[];
  /** How long a call button may work, in minutes (default 1, 3, 7, 14 and 30 days). */
  ttlOptions?: readonly number[];
  /**
   * Sends the template to your backend, which calls `client.templates.createCallPermissionRequest()` or
   * `createCallInvite()`. Reject to show Meta's error; an error with `issues` (`{ path, message, fix }`,
   * as `WacallValidationError` has) marks the fields it names.
   */
  onSubmit: (draft: TemplateDraft) => Promise<TemplateEditorSubmitResult | void>;
  /**
   * The review status of the template, e.g. from the facade's `'template.updated'` event. Shown when
   * given; after a submit without it, the status `onSubmit` resolved to (usually `pending`) shows.
   */
  review?: TemplateEditorReview;
  /** Shows every problem at once instead of field by field as the agent edits (e.g. a reopened draft). */
  validateOnMount?: boolean;
  /** The business name shown above the preview. */
  businessName?: string;
  messages?: WacallMessagesOverride;
  className?: string;
}

/** A problem to show under one field: from the shared rules, or from Meta's answer. */
export interface FieldProblem {
  field: TemplateField;
  text: string;
  /** Which sample value, for problems of `bodyExamples`. */
  index?: number;
}
