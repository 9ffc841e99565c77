// The public surface of @wacall/react. The build prefixes the bundle with 'use client' so the
// components work inside React Server Component trees. Values first, then types.

export { ActivityTimeline } from './activity-timeline/activity-timeline';
export { CallButton } from './call-button/call-button';
export { CallControls } from './call-button/call-controls';
export { useCallControls } from './call-button/call-controls-context';
export { CallStatus } from './call-button/call-status';
export { CallTrigger } from './call-button/call-trigger';
export { InCallControls } from './call-button/in-call-controls';
export { IncomingCallActions } from './call-button/incoming-call-actions';
export { PermissionDialog } from './call-button/permission-dialog';
export { CallTranscript } from './call-transcript/call-transcript';
export { CallMediaControls } from './call-media/call-media-controls';
export { callQualityLevel } from './call-media/call-quality-level';
export { useCallMedia } from './call-media/use-call-media';
export { CallStatusBadge } from './call-status-badge/call-status-badge';
export { PermissionModal } from './permission-modal/permission-modal';
export { TemplateEditor } from './template-editor/template-editor';
export { TemplateList } from './template-list/template-list';
export { englishMessages, mergeMessages } from './i18n/messages';
export { useWacallEvents } from './live/use-wacall-events';
export { useCustomerView } from './live/use-customer-view';
export { useCallLog } from './live/use-call-log';
export { matchesCallLogFilter } from './live/call-log-patch';
export { useWacallI18n, WacallMessagesProvider } from './i18n/messages-context';
// --- console: call log, incoming offer, presence ---
export { AgentPresence } from './agent-presence/agent-presence';
export { CallLog } from './call-log/call-log';
export { callLogChips } from './call-log/call-log-chips';
export { IncomingCallOffer } from './incoming-call-offer/incoming-call-offer';
// --- end console ---

export type {
  ActivityActions,
  RecordingActivity,
  TranscriptActivity,
} from './activity-timeline/activity-action';
export type { ActivityTimelineProps } from './activity-timeline/activity-timeline';
export type { CallTranscriptProps, CallTranscriptStatus } from './call-transcript/call-transcript';
export type { CallButtonProps } from './call-button/call-button';
export type { CallControlsProps } from './call-button/call-controls';
export type { CallControlsView } from './call-button/call-controls-context';
export type { PermissionDialogProps } from './call-button/permission-dialog';
export type {
  CallControlsOptions,
  CallControlsStateName,
} from './call-button/use-call-control-state';
export type {
  CallMediaControlsMedia,
  CallMediaControlsProps,
} from './call-media/call-media-controls';
export type {
  CallMediaController,
  CallMediaImplementation,
  CallMediaSessionPort,
  CallMediaSnapshot,
  CallMediaStatus,
  CallQualityLevel,
  MicrophoneMeter,
  UseCallMediaOptions,
} from './call-media/types';
export type { CallStatusBadgeProps } from './call-status-badge/call-status-badge';
export type { StatusTone } from './call-status-badge/status-meta';
export type {
  CallInviteInput,
  PermissionModalChoice,
  PermissionModalProps,
  PermissionRequestInput,
  RequestPermissionInput,
} from './permission-modal/types';
export type {
  TemplateEditorProps,
  TemplateEditorReview,
  TemplateEditorSubmitResult,
} from './template-editor/types';
export type { TemplateListFilters, TemplateListProps } from './template-list/template-list';
export type { IntlFormats } from './i18n/intl-format';
export type {
  UseWacallEventsOptions,
  WacallEvents,
  WacallEventsStatus,
} from './live/use-wacall-events';
export type { CustomerViewState, UseCustomerViewOptions } from './live/use-customer-view';
export type { CallLogState, UseCallLogOptions } from './live/use-call-log';
export type { CustomerSnapshot } from './live/customer-snapshot';
export type {
  WacallEventSubscription,
  WacallResyncReason,
  WacallStreamEvent,
} from './live/stream-event';
export type {
  ActivityTextFormatter,
  QuotaPeriod,
  WacallMessages,
  WacallMessagesOverride,
} from './i18n/messages';
export type { WacallI18n, WacallMessagesProviderProps } from './i18n/messages-context';
// --- console types ---
export type { AgentPresenceProps } from './agent-presence/agent-presence';
export type { CallLogProps } from './call-log/call-log';
export type {
  CallLogChip,
  CallLogCounts,
  CallLogDirectionChip,
  CallLogStatusChip,
} from './call-log/call-log-chips';
export type { IncomingCallOfferProps } from './incoming-call-offer/incoming-call-offer';
export type {
  CallLogMessages,
  ConsoleMessages,
  IncomingOfferMessages,
  PresenceMessages,
} from './i18n/console-messages';
// --- end console types ---
