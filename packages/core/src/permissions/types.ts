/** Types of the permission rule engine. The React package renders these; keep them plain data. */

export type PermissionAction = 'start_call' | 'send_permission_request' | 'send_call_invite';

/** Where a customer stands on being called by the business. */
export type PermissionStatus =
  'none' | 'requested' | 'granted' | 'declined' | 'revoked' | 'expired';

/** Why a permission was revoked: by the customer, or by the platform after consecutive missed calls. */
export type RevokedReason = 'customer' | 'missed_calls';

/** Which message format an allowed permission request or call invite must use. */
export type MessageChannel = 'free_form' | 'template';

export interface PermissionState {
  permission: PermissionStatus;
  /** A permanent grant never expires; it lasts until the customer revokes it. */
  permanent: boolean;
  /** Epoch ms when a temporary grant, or an unanswered request, lapses. */
  expiresAt?: number;
  revokedReason?: RevokedReason;
  /** Business-initiated calls in a row that were not answered (or were rejected). */
  consecutiveMissed: number;
  /** Epoch ms until which the 24 h customer-service window is open (free-form messages allowed). */
  windowOpenUntil?: number;
  /** Epoch ms of each counted permission request still inside the longest request window. */
  requests: number[];
  /** Epoch ms of each connected business-initiated call still inside the call-limit window. */
  calls: number[];
}

/** Use of one limit, for display ("1 of 2 requests left this week") and scheduling. */
export interface LimitUsage {
  used: number;
  max: number;
  /** Epoch ms when one more use becomes possible; set only while the limit is exhausted. */
  resetsAt?: number;
}

export interface DecisionUsage {
  requests24h: LimitUsage;
  requests7d: LimitUsage;
  calls24h: LimitUsage;
}

/** Why an action is (not) allowed. One catalogue; each code has an English message. */
export type DecisionReason =
  | 'allowed'
  | 'no_permission'
  | 'permission_requested'
  | 'permission_declined'
  | 'permission_revoked'
  | 'permission_expired'
  | 'request_limit_24h'
  | 'request_limit_7d'
  | 'call_limit_24h'
  | 'already_permanent'
  | 'region_unavailable'
  | 'calling_disabled'
  | 'call_in_progress'
  | 'awaiting_confirmation'
  | 'window_closed'
  | 'call_taken';

/** The engine's answer to "may I do this now?" — data, so a UI can say why and until when. */
export interface Decision {
  /** `accept_call`: only routing refuses it (`call_taken`), the permission rules never do. */
  action: PermissionAction | 'accept_call';
  allowed: boolean;
  reason: DecisionReason;
  /** English explanation of `reason`. */
  message: string;
  /** For messages: `free_form` while the window is open, `template` when it is closed. */
  channel?: MessageChannel;
  /** Epoch ms when waiting would make the action allowed. */
  retryAt?: number;
  permission: PermissionState;
  usage: DecisionUsage;
}
