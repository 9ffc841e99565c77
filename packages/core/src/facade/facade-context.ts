import type EventEmitter from 'eventemitter3';
import type { ActivityMessages } from '../calls/activity-messages';
import type { WhatsAppClient } from '../client/create-client';
import type { DecideContext } from '../permissions/decide';
import type { PermissionEngine } from '../permissions/permission-engine';
import type { PermissionPolicy } from '../permissions/policy';
import type { Store } from '../store/store';
import type { StateKeys } from './state-keys';
import type { WacallEventMap } from './wacall-types';
import type { RoutingOptions, RoutingStrategy } from './agent-types';

/** What the facade's parts share. */
export interface FacadeContext {
  client: WhatsAppClient;
  engine: PermissionEngine;
  store: Store;
  keys: StateKeys;
  policy: PermissionPolicy;
  /** The business number's digits (it namespaces the store and the feed). */
  businessDigits: string;
  /** The rules' context for one decision (asks `callingEnabled` when it is a function). */
  decideContext(): Promise<DecideContext>;
  emitter: EventEmitter<WacallEventMap>;
  now: () => number;
  activityMessages: Partial<ActivityMessages> | undefined;
  limits: {
    maxActivities: number;
    dedupeTtlMs: number;
    /** `undefined`: kept forever (`retentionMs: Infinity`). */
    retentionMs: number | undefined;
  };
  /** Resolves once this instance listens to the change feed (so it hears its own changes too). */
  ready(): Promise<void>;
  /** Unique ids for reservations, also used as the correlation token. */
  nextId(): string;
  /** Reports a failure nobody awaits (a listener that threw, a sweep item that failed). */
  report(error: unknown): void;
  /** How incoming calls are offered to agents; absent when the helpdesk routes calls itself. */
  routing?: RoutingSettings;
}

/** `RoutingOptions` checked and filled in. */
export interface RoutingSettings {
  strategy: RoutingStrategy;
  ringMs: number;
  assignee?: RoutingOptions['assignee'];
}
