import type { Decision } from '@wacall/core';
import type { IntlFormats } from './intl-format';
import type { WacallMessages } from './messages';

/** Why a decision says no, and (when waiting helps) when it will say yes, in the user's language. */
export interface DecisionText {
  reason: string;
  retry?: string;
}

/** Words for a decision's reason code and `retryAt`. */
export function describeDecision(
  decision: Decision,
  messages: WacallMessages,
  formats: IntlFormats,
  now: number,
): DecisionText {
  const autoRevoked =
    decision.reason === 'permission_revoked' &&
    decision.permission.revokedReason === 'missed_calls';
  const reason = autoRevoked
    ? messages.autoRevoked
    : (messages.reasons[decision.reason] ?? decision.message);
  if (decision.retryAt === undefined) return { reason };
  return {
    reason,
    retry: messages.retryAt({
      relative: formats.relative(decision.retryAt, now),
      exact: formats.exact(decision.retryAt),
    }),
  };
}

/** Reason and retry time as one sentence pair. */
export function decisionSentence(text: DecisionText): string {
  return text.retry ? `${text.reason} ${text.retry}` : text.reason;
}
