/** The normalised answer of `GET /{phone-number-id}/call_permissions` (`client.permissions.get()`). */

/** Meta's permission status, lowercased. Kept open: Meta's own pages disagree on the values. */
export type ApiPermissionStatus = 'no_permission' | 'temporary' | 'permanent' | (string & {});

export interface ActionLimit {
  /** ISO-8601 duration as Meta sends it, e.g. `PT24H`, `P7D`. */
  period: string;
  /** `period` in milliseconds, when it parses. */
  periodMs?: number;
  maxAllowed: number;
  currentUsage: number;
  /** Epoch ms when the limit frees up; Meta sends it only while the limit is exhausted. */
  resetsAt?: number;
}

export interface PermissionActionInfo {
  /** Meta's verdict with every limit folded in. */
  canPerform: boolean;
  limits: ActionLimit[];
}

export interface CallPermissions {
  status: ApiPermissionStatus;
  /** Epoch ms when a temporary permission lapses; absent for permanent ones. */
  expiresAt?: number;
  actions: {
    sendCallPermissionRequest?: PermissionActionInfo;
    startCall?: PermissionActionInfo;
  };
  /** Actions Meta reports that this SDK does not know yet, keyed by Meta's lowercased name. */
  otherActions?: Record<string, PermissionActionInfo>;
}
