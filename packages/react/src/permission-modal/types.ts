import type { Decision, MessageChannel, TemplateSummary } from '@wacall/core';
import type { WacallMessagesOverride } from '../i18n/messages';

/** The two things the agent can send from the modal. */
export type PermissionModalChoice = 'permission_request' | 'call_invite';

/**
 * What `onSendPermissionRequest` receives: free-form text while the window is open, else a template.
 * Named like core's `RequestPermissionInput`, which your backend builds from it for `wacall.requestPermission`.
 */
export interface RequestPermissionInput {
  channel: MessageChannel;
  /** Free-form only; omitted when the agent left it empty (the platform's text is used). */
  body?: string;
  /** Template only: the approved `call_permission_request` template the agent picked. */
  template?: TemplateSummary;
  /** Template only: the agent's values for the template body's placeholders, in order. */
  bodyParameters?: string[];
}

/** @deprecated Renamed `RequestPermissionInput`, the name core uses for the same step. */
export type PermissionRequestInput = RequestPermissionInput;

/** What `onSendCallInvite` receives; your backend turns it into core's `CallInviteInput`. */
export interface CallInviteInput {
  channel: MessageChannel;
  /** Free-form only: the message above the button. */
  body?: string;
  /** Free-form only: the button's label, at most 20 characters. */
  displayText?: string;
  /** Free-form only: how long the button works, in minutes (1–43200). */
  ttlMinutes?: number;
  /** Template only: the approved `call_invite` template the agent picked. */
  template?: TemplateSummary;
  /** Template only: the agent's values for the template body's placeholders, in order. */
  bodyParameters?: string[];
}

export interface PermissionModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The engine's answers; `CustomerView['decisions']` fits as is. `startCall` explains why the modal shows. */
  decisions: {
    sendPermissionRequest: Decision;
    sendCallInvite: Decision;
    startCall?: Decision;
  };
  /** Epoch ms until which free-form text is allowed; used when a decision carries no `channel`. */
  windowOpenUntil?: number;
  customerName?: string;
  /** Message templates; only approved ones of the matching calling kind are offered. */
  templates?: readonly TemplateSummary[];
  /** Where the empty template list points to create one. */
  templateCreateHref?: string;
  /** Called by the empty template list's button when there is no `templateCreateHref`. */
  onCreateTemplate?: () => void;
  onSendPermissionRequest: (input: RequestPermissionInput) => Promise<unknown>;
  onSendCallInvite: (input: CallInviteInput) => Promise<unknown>;
  /** Which choice starts selected when both are allowed. Default: the permission request. */
  defaultChoice?: PermissionModalChoice;
  /** Validity choices for free-form invites, in whole minutes (1–43200). Default: 1 h, 1 day, 3 days, 7 days. */
  ttlOptions?: readonly number[];
  /** A fixed clock (epoch ms) for relative times; stories and tests pass one. */
  now?: number;
  messages?: WacallMessagesOverride;
  /** `false` drops the overlay and focus trap, e.g. to show the dialog inside a side panel. Default `true`. */
  modal?: boolean;
  /** Where the dialog is portalled; defaults to `document.body`. Pass a themed element to keep its theme. */
  container?: HTMLElement | null;
}
