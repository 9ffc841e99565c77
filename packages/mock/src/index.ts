// The public surface of @wacall/mock. The msw face lives in '@wacall/mock/msw'.
export { createCloudApiSimulator } from './simulator';
export { startSimulatorServer } from './server';
export { createSampleSdp } from './media/sample-sdp';
export { createMediaPeer } from './media/media-peer';
export { defaultLimits } from './world/limits';
export { graphErrors } from './graph/graph-errors';
export { SimulatorUsageError, isSimulatorUsageError } from './errors/simulator-usage-error';

export type {
  CloudApiSimulator,
  CloudApiSimulatorOptions,
  CustomerOptions,
  SimulatorTemplates,
} from './simulator';
export type { BusinessNumberInput } from './world/business-numbers';
export type { SubscriptionCheck } from './webhooks/subscription-check';
export type { SimulatorServer, SimulatorServerOptions } from './server';
export type { CustomerCallOptions, SimulatedCustomer } from './customer/simulated-customer';
export type { SimulatorChange, SimulatorChangeListener } from './world/changes';
export type { CallSnapshot, CustomerSnapshot, UsageSnapshot } from './world/snapshots';
export type { SavedCall, SavedConversation, SavedMedia, SimulatorState } from './flows/saved-state';
export type { EffectivePermission } from './world/conversations';
export type {
  BusinessNumber,
  CallEnd,
  CallParty,
  CallPhase,
  InboxMessage,
  InboxMessageKind,
} from './world/state';
export type { StoredTemplate } from './world/state';
export type {
  TemplateReviewOption,
  TemplateReviewOutcome,
  TemplateReviewResult,
} from './world/template-review';
export type { DeliveryOptions, WebhookDelivery, WebhookListener } from './webhooks/dispatcher';
export type { WebhookEnvelope } from './webhooks/envelope';
export type { RollingLimit, SimulatorLimits, SimulatorLimitsOverrides } from './world/limits';
export type { GraphErrorCode, GraphErrorInfo } from './graph/graph-errors';
export type { SampleSdpOptions, SdpSide } from './media/sample-sdp';
export type {
  MediaConnectionState,
  MediaPeer,
  MediaPeerOptions,
  MediaStats,
} from './media/media-peer';
