// The public surface of @wacall/mock. The msw face lives in '@wacall/mock/msw'.
export { createCloudApiSimulator } from './simulator';
export { startSimulatorServer } from './server';
export { createSampleSdp } from './sdp';
export { createMediaPeer } from './media/media-peer';
export { defaultLimits } from './limits';
export { graphErrors } from './graph-errors';
export { SimulatorUsageError, isSimulatorUsageError } from './errors/simulator-usage-error';

export type {
  CloudApiSimulator,
  CloudApiSimulatorOptions,
  CustomerOptions,
  SimulatorTemplates,
} from './simulator';
export type { BusinessNumberInput } from './business-numbers';
export type { SubscriptionCheck } from './verify-subscription';
export type { SimulatorServer, SimulatorServerOptions } from './server';
export type { CustomerCallOptions, SimulatedCustomer } from './customer';
export type { SimulatorChange, SimulatorChangeListener } from './context';
export type { CallSnapshot, CustomerSnapshot, UsageSnapshot } from './snapshots';
export type { EffectivePermission } from './conversations';
export type {
  BusinessNumber,
  CallEnd,
  CallParty,
  CallPhase,
  InboxMessage,
  InboxMessageKind,
} from './state';
export type { StoredTemplate } from './template-store';
export type {
  TemplateReviewOption,
  TemplateReviewOutcome,
  TemplateReviewResult,
} from './template-review';
export type { DeliveryOptions, WebhookDelivery, WebhookListener } from './webhook-dispatcher';
export type { WebhookEnvelope } from './webhook-envelope';
export type { RollingLimit, SimulatorLimits, SimulatorLimitsOverrides } from './limits';
export type { GraphErrorCode, GraphErrorInfo } from './graph-errors';
export type { SampleSdpOptions, SdpSide } from './sdp';
export type {
  MediaConnectionState,
  MediaPeer,
  MediaPeerOptions,
  MediaStats,
} from './media/media-peer';
