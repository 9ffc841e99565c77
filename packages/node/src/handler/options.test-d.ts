// Pins what `onEvents` may return; checked by `tsc --noEmit` (`pnpm typecheck`).
import type { IngestResult, WebhookEvent } from '@wacall/core';
import { createWebhookHandler } from '../index';

declare const ingest: (events: WebhookEvent[]) => Promise<IngestResult>;

// The integration guide's one-liner: hand the events to the facade and let its promise decide 200 or 500.
createWebhookHandler({ appSecret: 's', verifyToken: 't', onEvents: (events) => ingest(events) });

// A synchronous handler still fits.
createWebhookHandler({ appSecret: 's', verifyToken: 't', onEvents: () => undefined });

// @ts-expect-error: onEvents must be a function.
createWebhookHandler({ appSecret: 's', verifyToken: 't', onEvents: ingest([]) });
