// How the tests read the views: rows with times as epoch ms, and the rows the facade's own records and
// timelines say the views should hold.
import type { Activity, CallRecord, Wacall } from '@wacall/core';
import { businessDigits, dayCalls } from './helpdesk-day';

export type Row = Record<string, unknown>;
/** Runs one statement and resolves with its rows. */
export type Query = (text: string) => Promise<Row[]>;

export const ms = (value: unknown) => (value instanceof Date ? value.getTime() : value);

/** A calls-view row as the facade's record would fill it. */
export function expectedCall(call: CallRecord): Row {
  return {
    business_number: businessDigits,
    call_id: call.callId,
    direction: call.direction === 'user_initiated' ? 'incoming' : 'outgoing',
    status: call.status,
    customer: call.customer.waId ?? null,
    customer_name: call.customer.name ?? null,
    agent_id: call.agent?.id ?? null,
    agent_name: call.agent?.name ?? null,
    created_at: call.createdAt,
    ringing_at: call.ringingAt ?? null,
    answered_at: call.answeredAt ?? null,
    ended_at: call.endedAt ?? null,
    duration_seconds: call.durationSeconds ?? null,
  };
}

export async function callRows(sql: Query, schema: string): Promise<Row[]> {
  const rows = await sql(
    `SELECT business_number, call_id, direction, status, customer, customer_name, agent_id, agent_name,
            created_at, ringing_at, answered_at, ended_at, duration_seconds
       FROM ${schema}.calls ORDER BY created_at, call_id`,
  );
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([name, value]) => [name, ms(value)])),
  );
}

export async function activityRows(sql: Query, schema: string, customer: string): Promise<Row[]> {
  const rows = await sql(
    `SELECT business_number, customer, activity_id, kind, at, call_id, agent_id, agent_name, text, activity
       FROM ${schema}.activities WHERE customer = '${customer}' ORDER BY at DESC, activity_id DESC`,
  );
  return rows.map((row) => ({ ...row, at: ms(row.at) }));
}

export function expectedActivity(activity: Activity, customer: string): Row {
  return {
    business_number: businessDigits,
    customer,
    activity_id: activity.id,
    kind: activity.kind,
    at: activity.at,
    call_id: activity.callId ?? null,
    agent_id: activity.actor?.id ?? null,
    agent_name: activity.actor?.name ?? null,
    text: activity.text,
    activity,
  };
}

export async function records(wacall: Wacall): Promise<CallRecord[]> {
  const calls = await Promise.all(Object.keys(dayCalls).map((id) => wacall.getCall(id)));
  return calls
    .filter((call): call is CallRecord => call !== undefined)
    .sort((a, b) => a.createdAt - b.createdAt || (a.callId < b.callId ? -1 : 1));
}
