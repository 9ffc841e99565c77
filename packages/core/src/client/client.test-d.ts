// Pins the public shape of the client; checked by `tsc --noEmit` (`pnpm typecheck`).
import { expectTypeOf } from 'vitest';
import type {
  CallAnalytics,
  CallPermissions,
  CallTranscript,
  CallingSettings,
  DownloadedMedia,
  NumberHealth,
  TemplatePage,
  WhatsAppClient,
} from '../index';
import { createClient, parseCallTranscript } from '../index';

declare const wa: WhatsAppClient;
declare const sdp: string;

expectTypeOf(createClient).returns.toEqualTypeOf<WhatsAppClient>();
expectTypeOf(wa.calls.connect({ to: '14085551234', sdp })).resolves.toEqualTypeOf<{
  callId: string;
}>();
expectTypeOf(wa.calls.connect({ recipient: 'US.1', sdp })).resolves.toEqualTypeOf<{
  callId: string;
}>();
// @ts-expect-error a call needs a phone number or a business-scoped user id
void wa.calls.connect({ sdp });
expectTypeOf(
  wa.calls.terminate({ callId: 'wacid.x' }, { signal: AbortSignal.timeout(1) }),
).resolves.toBeVoid();

expectTypeOf(wa.permissions.get({ userWaId: '1' })).resolves.toEqualTypeOf<CallPermissions>();
// @ts-expect-error a permission lookup takes one of userWaId and recipient, not both
void wa.permissions.get({ userWaId: '1', recipient: 'US.1' });

expectTypeOf(wa.settings.get()).resolves.toEqualTypeOf<CallingSettings>();
// What get() returns can be passed straight back to update().
expectTypeOf(wa.settings.update).parameter(0).toEqualTypeOf<CallingSettings>();

expectTypeOf(wa.messages.sendCallInvite({ to: '1', body: 'Call us' })).resolves.toHaveProperty(
  'messageId',
);
expectTypeOf(wa.templates.list()).resolves.toEqualTypeOf<TemplatePage>();
const authentication = {
  name: 'a',
  language: 'en',
  category: 'authentication',
  body: 'b',
} as const;
// @ts-expect-error calling templates are marketing or utility
void wa.templates.createCallInvite(authentication);

// Health, analytics, media and transcripts.
expectTypeOf(wa.health.get()).resolves.toEqualTypeOf<NumberHealth>();
expectTypeOf(
  wa.analytics.calls({ start: 0, end: 1, granularity: 'daily' }),
).resolves.toEqualTypeOf<CallAnalytics>();
// @ts-expect-error granularity is half_hour, daily or monthly
void wa.analytics.calls({ start: 0, end: 1, granularity: 'weekly' });
expectTypeOf(wa.media.download('1')).resolves.toEqualTypeOf<DownloadedMedia>();
expectTypeOf(parseCallTranscript('{}')).toEqualTypeOf<CallTranscript>();
