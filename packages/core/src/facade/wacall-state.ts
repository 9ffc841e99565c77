import type { CallFacts } from '../calls/call-facts';
import { deriveCallActivities } from '../calls/derive-call-activities';
import { callCustomerKey, deriveCallRecord } from '../calls/derive-call-record';
import type { ActivityMessages } from '../calls/activity-messages';
import type { Activity, CallRecord } from '../calls/types';
import type { PermissionState } from '../permissions/types';
import type { JsonValue, ListCursor, Store } from '../store/store';
import { updateValue } from '../store/update-value';

/** The store behind a `Wacall`: call facts, per-customer call and activity lists, de-duplication marks. */
export interface WacallState {
  callFacts(callId: string): Promise<CallFacts | undefined>;
  /** Atomically changes a call's facts; resolves with the facts before and after the write. */
  updateCall(
    callId: string,
    change: (facts: CallFacts | undefined) => CallFacts,
  ): Promise<{ before: CallFacts | undefined; after: CallFacts }>;
  /** Files the call under its customer (idempotent). */
  indexCall(record: CallRecord): Promise<void>;
  callIds(customer: string, limit: number, before?: ListCursor): Promise<string[]>;
  /** Adds or replaces activities (same id → same entry). */
  saveActivities(activities: readonly Activity[]): Promise<void>;
  activities(customer: string, limit: number, before?: ListCursor): Promise<Activity[]>;
  seen(eventKey: string): Promise<boolean>;
  markSeen(eventKey: string): Promise<void>;
  /** The permission state last reported for a customer, to notice changes made by the clock. */
  lastPermission(customer: string): Promise<PermissionState | undefined>;
  setLastPermission(customer: string, state: PermissionState): Promise<void>;
}

export interface WacallStateOptions {
  store: Store;
  businessDigits: string;
  maxActivities: number;
  dedupeTtlMs: number;
  retentionMs: number;
}

/** Facts and activities are plain JSON by construction; this is the one place that says so to the compiler. */
const json = <T>(value: T): JsonValue => value as unknown as JsonValue;

export function createWacallState(options: WacallStateOptions): WacallState {
  const { store, businessDigits, maxActivities, dedupeTtlMs, retentionMs } = options;
  const key = (...parts: string[]) => ['wacall', businessDigits, ...parts].join(':');
  const retain = { ttlMs: retentionMs };

  return {
    async callFacts(callId) {
      return (await store.get<JsonValue>(key('call', callId)))?.value as CallFacts | undefined;
    },
    async updateCall(callId, change) {
      let before: CallFacts | undefined;
      let after: CallFacts | undefined;
      await updateValue<JsonValue>(store, key('call', callId), (current) => {
        before = current as CallFacts | undefined;
        after = change(before);
        return { value: json(after), ...retain };
      });
      return { before, after: after as CallFacts };
    },
    async indexCall(record) {
      const customer = callCustomerKey(record.customer);
      await store.listAdd(
        key('calls', customer),
        { id: record.callId, at: record.createdAt, value: record.callId },
        { maxLength: maxActivities, ...retain },
      );
    },
    async callIds(customer, limit, before) {
      const page = await store.listPage<string>(key('calls', customer), { limit, before });
      return page.items.map((item) => item.value);
    },
    async saveActivities(activities) {
      for (const activity of activities) {
        await store.listAdd(
          key('activities', activity.customer),
          { id: activity.id, at: activity.at, value: json(activity) },
          { maxLength: maxActivities, ...retain },
        );
      }
    },
    async activities(customer, limit, before) {
      const page = await store.listPage<JsonValue>(key('activities', customer), { limit, before });
      return page.items.map((item) => item.value as unknown as Activity);
    },
    async seen(eventKey) {
      return (await store.get(key('seen', eventKey))) !== undefined;
    },
    async markSeen(eventKey) {
      await store.setIfAbsent(key('seen', eventKey), 1, { ttlMs: dedupeTtlMs });
    },
    async lastPermission(customer) {
      return (await store.get<JsonValue>(key('permission-seen', customer)))?.value as
        PermissionState | undefined;
    },
    async setLastPermission(customer, state) {
      await store.set(key('permission-seen', customer), json(state), retain);
    },
  };
}

/** The record and activities a call's facts stand for. */
export function deriveCall(
  facts: CallFacts,
  messages: Partial<ActivityMessages> | undefined,
): { record: CallRecord; activities: Activity[] } {
  return {
    record: deriveCallRecord(facts),
    activities: deriveCallActivities(facts, messages ? { messages } : {}),
  };
}
