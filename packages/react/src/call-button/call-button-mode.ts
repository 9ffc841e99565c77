import type { CallRecord, CustomerView, Decision, DecisionReason } from '@wacall/core';
import { isLiveStatus } from '../call-status-badge/status-meta';

/** What the call button does when clicked, before any click is in flight. */
export type CallButtonMode =
  | { kind: 'active'; call: CallRecord }
  | { kind: 'ready' }
  /** No permission yet: the click opens the PermissionModal. `explain` says why (and what else is limited). */
  | { kind: 'ask'; explain: Decision[] }
  /** Nothing the agent can do now: disabled, with the reasons and when it changes. */
  | { kind: 'blocked'; explain: Decision[] };

// Reasons the agent can act on from the modal: ask for permission, or invite the customer to call.
const askReasons: ReadonlySet<DecisionReason> = new Set<DecisionReason>([
  'no_permission',
  'permission_requested',
  'permission_declined',
  'permission_revoked',
  'permission_expired',
]);

/** Reads the customer view the way product.md's agent flow does. */
export function callButtonMode(view: CustomerView): CallButtonMode {
  const call = view.activeCall;
  if (call && isLiveStatus(call.status)) return { kind: 'active', call };
  const start = view.decisions.startCall;
  if (start.allowed) return { kind: 'ready' };
  if (!askReasons.has(start.reason)) return { kind: 'blocked', explain: [start] };
  const { sendPermissionRequest: request, sendCallInvite: invite } = view.decisions;
  if (!request.allowed && !invite.allowed) {
    return { kind: 'blocked', explain: [start, soonest(request, invite)] };
  }
  return { kind: 'ask', explain: request.allowed ? [start] : [start, request] };
}

/** The decision that frees up first; one without a retry time never frees up by waiting. */
function soonest(a: Decision, b: Decision): Decision {
  if (a.retryAt === undefined) return b.retryAt === undefined ? a : b;
  if (b.retryAt === undefined) return a;
  return a.retryAt <= b.retryAt ? a : b;
}
