import type { CallRecord } from './calls/types';
import type { Decision, PermissionState } from './permissions/types';

/** Everything the agent's UI needs about one customer, in one object (`wacall.getCustomer()`). */
export interface CustomerView {
  customer: string;
  permission: PermissionState;
  decisions: {
    startCall: Decision;
    sendPermissionRequest: Decision;
    sendCallInvite: Decision;
  };
  /** Epoch ms until which free-form messages are allowed. */
  windowOpenUntil?: number;
  activeCall?: CallRecord;
}
