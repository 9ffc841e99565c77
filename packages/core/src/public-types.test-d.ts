// Pins the public types other packages and users build on; checked by `tsc --noEmit` (`pnpm typecheck`).
import { expectTypeOf } from 'vitest';
import type {
  Activity,
  CallRecord,
  CallTranscript,
  CustomerView,
  Decision,
  IncomingCallStatus,
  OutgoingCallStatus,
  PermissionState,
  Wacall,
  WebhookEvent,
} from './index';
import { createWacall, isWacallDecisionError, parseWebhook } from './index';

// The webhook union narrows on `type`.
declare const event: WebhookEvent;
if (event.type === 'call.terminate') {
  expectTypeOf(event.answered).toBeBoolean();
  expectTypeOf(event.durationSeconds).toEqualTypeOf<number | undefined>();
}
if (event.type === 'permission.reply') expectTypeOf(event.permanent).toBeBoolean();
if (event.type === 'call.created') {
  // A SIP call: a connect without SDP.
  expectTypeOf(event).not.toHaveProperty('session');
  expectTypeOf(event.contact?.countryCode).toEqualTypeOf<string | undefined>();
}
if (event.type === 'call.status') {
  expectTypeOf(event.recipientParentUserId).toEqualTypeOf<string | undefined>();
}
expectTypeOf(parseWebhook('{}').events).toEqualTypeOf<WebhookEvent[]>();

// A call record's status narrows with its direction.
declare const call: CallRecord;
if (call.direction === 'user_initiated')
  expectTypeOf(call.status).toEqualTypeOf<IncomingCallStatus>();
else expectTypeOf(call.status).toEqualTypeOf<OutgoingCallStatus>();

// An activity's params narrow with its kind.
declare const activity: Activity;
if (activity.kind === 'call.answered_by_agent') {
  expectTypeOf(activity.params.seconds).toEqualTypeOf<number | undefined>();
}
if (activity.kind === 'permission.auto_revoked')
  expectTypeOf(activity.params.missedCalls).toBeNumber();
if (activity.kind === 'call.recording_available') {
  expectTypeOf(activity.params).toEqualTypeOf<{ mediaId: string; mimeType: string }>();
}
expectTypeOf<CallRecord['recording']>().toEqualTypeOf<
  { mediaId: string; mimeType: string } | undefined
>();

// The facade hands the UI exactly what the components take.
expectTypeOf(createWacall).returns.toEqualTypeOf<Wacall>();
declare const wacall: Wacall;
expectTypeOf(wacall.getCustomer('1')).resolves.toEqualTypeOf<CustomerView>();
expectTypeOf<CustomerView['decisions']['startCall']>().toEqualTypeOf<Decision>();
expectTypeOf<CustomerView['permission']>().toEqualTypeOf<PermissionState>();
expectTypeOf(wacall.listActivities('1')).resolves.toEqualTypeOf<Activity[]>();
expectTypeOf(wacall.getTranscript('wacid.1')).resolves.toEqualTypeOf<CallTranscript>();
expectTypeOf(wacall.getRecording('wacid.1')).resolves.toHaveProperty('data');
wacall.on('call.updated', (updated) => expectTypeOf(updated).toEqualTypeOf<CallRecord>());
// @ts-expect-error not an event the facade emits
wacall.on('call.created', () => undefined);

declare const caught: unknown;
if (isWacallDecisionError(caught)) expectTypeOf(caught.decision).toEqualTypeOf<Decision>();
