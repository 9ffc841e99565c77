import type { DecisionReason } from './types';

/** English text for every decision reason. Replace entries (engine option `messages`) to translate. */
export const decisionMessages: Readonly<Record<DecisionReason, string>> = Object.freeze({
  allowed: 'Allowed.',
  no_permission:
    'The customer has not given permission to be called. Send a permission request first.',
  permission_requested:
    'A permission request is waiting for the customer’s answer. You can call once they accept.',
  permission_declined:
    'The customer declined the permission request. Send a new request to ask again.',
  permission_revoked:
    'The customer’s call permission was revoked. Send a new permission request before calling.',
  permission_expired:
    'The call permission or the permission request has expired. Send a new request.',
  request_limit_24h: 'The daily limit of permission requests to this customer is reached.',
  request_limit_7d: 'The weekly limit of permission requests to this customer is reached.',
  call_limit_24h: 'The limit of connected calls to this customer in 24 hours is reached.',
  already_permanent:
    'The customer has already granted permanent call permission; a request is not needed.',
  region_unavailable:
    'Business-initiated calling and permission requests are not available for this business number’s country.',
  calling_disabled: 'Calling is turned off for this business number.',
  call_in_progress: 'A call with this customer is already in progress.',
  awaiting_confirmation:
    'The last attempt may have reached WhatsApp, but its answer was lost. Wait for WhatsApp to confirm it before trying again, so the customer is not contacted twice.',
  window_closed:
    'The customer has not written in the last 24 hours, so only a pre-approved template can be sent.',
  call_taken: 'Another agent has already answered this call. Stop ringing it here.',
});
