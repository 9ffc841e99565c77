import type { Decision, DecisionUsage, MessageChannel, TemplateSummary } from '@wacall/core';
import { fieldLimits } from '@wacall/core/platform';
import type { QuotaPeriod, WacallMessages } from '../i18n/messages';
import type { CallInviteInput, PermissionModalChoice, RequestPermissionInput } from './types';

/** The platform's limit on a call button's label. */
export const DISPLAY_TEXT_MAX = fieldLimits.displayText.maxLength;
/** The platform's limit on an interactive message's body. */
export const BODY_MAX = fieldLimits.messageBody.maxLength;
export const DEFAULT_TTL_OPTIONS: readonly number[] = [60, 1440, 4320, 10080];
const TTL_MIN = fieldLimits.ttlMinutes.min;
const TTL_MAX = fieldLimits.ttlMinutes.max;

/** What the agent has typed or picked for one choice. Kept per choice, so switching loses nothing. */
export interface Draft {
  body: string;
  displayText: string;
  ttlMinutes: number;
  templateId?: string;
  /** Values for the picked template's placeholders, in the order `templatePlaceholders` lists them. */
  parameters: string[];
}

export type FieldName = 'body' | 'displayText' | 'template' | 'parameters';

export interface FieldError {
  field: FieldName;
  message: string;
}

export type BuiltInput =
  | { choice: 'permission_request'; input: RequestPermissionInput }
  | { choice: 'call_invite'; input: CallInviteInput };

/** Checks developer-supplied validity options against the platform's range, naming the bad value. */
export function checkTtlOptions(options: readonly number[]): readonly number[] {
  if (options.length === 0) {
    throw new RangeError(
      'PermissionModal: ttlOptions is empty; pass at least one validity in minutes.',
    );
  }
  for (const value of options) {
    if (!Number.isInteger(value) || value < TTL_MIN || value > TTL_MAX) {
      throw new RangeError(
        `PermissionModal: ttlOptions must be whole minutes from ${TTL_MIN} to ${TTL_MAX} (the platform's range); got ${value}.`,
      );
    }
  }
  return options;
}

/** Free-form while the window is open, otherwise a template; the engine's `channel` wins when it has one. */
export function channelFor(decision: Decision, windowOpen: boolean): MessageChannel {
  return decision.channel ?? (windowOpen ? 'free_form' : 'template');
}

/** Approved templates of the calling kind that matches the choice. */
export function templatesFor(
  choice: PermissionModalChoice,
  templates: readonly TemplateSummary[],
): TemplateSummary[] {
  const kind = choice === 'permission_request' ? 'call_permission_request' : 'call_invite';
  return templates.filter((template) => template.kind === kind && template.status === 'approved');
}

/** The quota line worth showing: whichever of the day and week limits leaves fewer requests. */
export function requestQuota(usage: DecisionUsage): {
  left: number;
  max: number;
  period: QuotaPeriod;
} {
  const day = {
    left: Math.max(0, usage.requests24h.max - usage.requests24h.used),
    max: usage.requests24h.max,
  };
  const week = {
    left: Math.max(0, usage.requests7d.max - usage.requests7d.used),
    max: usage.requests7d.max,
  };
  return day.left < week.left ? { ...day, period: 'day' } : { ...week, period: 'week' };
}

/**
 * The placeholders of a template body in send order: `{{1}}`, `{{2}}`… by number, named ones
 * (`{{first_name}}`) in the order they first appear.
 */
export function templatePlaceholders(bodyText: string | undefined): string[] {
  const names = [
    ...new Set([...(bodyText ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '')),
  ];
  return names.every((name) => /^\d+$/.test(name))
    ? names.sort((a, b) => Number(a) - Number(b))
    : names;
}

/** Turns a draft into the callback's input, or says which field needs attention. */
export function buildInput(
  choice: PermissionModalChoice,
  channel: MessageChannel,
  draft: Draft,
  templates: readonly TemplateSummary[],
  messages: WacallMessages['permissionModal'],
): BuiltInput | FieldError {
  if (channel === 'template') {
    const template = templates.find((candidate) => candidate.id === draft.templateId);
    if (!template) return { field: 'template', message: messages.templateRequired };
    const count = templatePlaceholders(template.bodyText).length;
    if (count === 0) return { choice, input: { channel, template } };
    const bodyParameters = Array.from({ length: count }, (_, i) =>
      (draft.parameters[i] ?? '').trim(),
    );
    if (bodyParameters.some((value) => !value)) {
      return { field: 'parameters', message: messages.templateParametersRequired };
    }
    return { choice, input: { channel, template, bodyParameters } };
  }
  const body = draft.body.trim();
  if (choice === 'permission_request') {
    return { choice, input: body ? { channel, body } : { channel } };
  }
  if (!body) return { field: 'body', message: messages.messageRequired };
  const displayText = draft.displayText.trim();
  if (!displayText) return { field: 'displayText', message: messages.buttonLabelRequired };
  return { choice, input: { channel, body, displayText, ttlMinutes: draft.ttlMinutes } };
}
