/**
 * Migration 3: views with typed columns over the store's tables (calls, activities, permission facts),
 * and partial expression indexes for the call log's filters. Each view repeats the predicate of its
 * indexes word for word and each filtered column is the indexed expression itself, so the planner can
 * answer `WHERE customer = … AND status = …` from an index. The views read; they add nothing to a write
 * except keeping the indexes, whose predicates skip every row that is not a call log entry, an activity
 * or a permission state. A later migration that changes a column the views read must drop and recreate
 * them in the same step.
 */

// Each index is limited by a LIKE (cheap on every write); each view also holds the exact pattern, which
// costs only reads. A view must repeat its index's LIKE word for word for the planner to use the index.
/** The call log's "every call" list of each business number: `wacall:<digits>:log`. */
const logList = { like: `list_key LIKE 'wacall:%:log'`, exact: `list_key ~ '^wacall:[0-9]+:log$'` };
/** A customer's activities: `wacall:<digits>:activities:<customer>`. */
const activitiesList = {
  like: `list_key LIKE 'wacall:%:activities:%'`,
  exact: `list_key ~ '^wacall:[0-9]+:activities:'`,
};
/** A customer's permission state: `permissions:<digits>:<customer>`. */
const permissionValue = { like: `key LIKE 'permissions:%'`, exact: `key ~ '^permissions:[0-9]+:'` };

// Shared by a view column and the index that serves it, so the two are the same expression.
const direction = (row: string) =>
  `CASE ${row}value->>'d' WHEN 'user_initiated' THEN 'incoming' WHEN 'business_initiated' THEN 'outgoing' ELSE ${row}value->>'d' END`;
const logCustomer = (row: string) => `nullif(${row}value->>'c', '')`;
// The customer is what follows the business number's digits: 'wacall:' is 7 characters, ':activities:'
// 12, 'permissions:' 12 (and substr counts from 1).
const activityCustomer = (row: string) =>
  `substr(${row}list_key, length(split_part(${row}list_key, ':', 2)) + 20)`;
const permissionCustomer = (row: string) =>
  `substr(${row}key, length(split_part(${row}key, ':', 2)) + 14)`;

const live = (row: string) => `(${row}expires_at IS NULL OR ${row}expires_at > now())`;
/** Epoch milliseconds (JSON text) as a timestamp. */
const time = (ms: string) => `to_timestamp((${ms})::double precision / 1000)`;

/** The indexes, on the store's tables, that the views' filters use. */
const indexes = (
  s: string,
) => `-- The call log's filters (customer, status with direction, agent, time) on its entries.
CREATE INDEX IF NOT EXISTS store_list_items_calls_customer ON ${s}.store_list_items
  ((${logCustomer('')}), at_time DESC) WHERE ${logList.like};
CREATE INDEX IF NOT EXISTS store_list_items_calls_status ON ${s}.store_list_items
  ((value->>'s'), (${direction('')}), at_time DESC) WHERE ${logList.like};
CREATE INDEX IF NOT EXISTS store_list_items_calls_agent ON ${s}.store_list_items
  ((value->>'a'), at_time DESC) WHERE ${logList.like};
CREATE INDEX IF NOT EXISTS store_list_items_calls_created ON ${s}.store_list_items
  (at_time DESC) WHERE ${logList.like};
-- A customer's activities, and a customer's permission state, by the customer's key.
CREATE INDEX IF NOT EXISTS store_list_items_activities_customer ON ${s}.store_list_items
  ((${activityCustomer('')}), at_time DESC) WHERE ${activitiesList.like};
CREATE INDEX IF NOT EXISTS store_values_permissions_customer ON ${s}.store_values
  ((${permissionCustomer('')})) WHERE ${permissionValue.like};`;

/**
 * One row per call in the log. Direction, status, customer, agent and creation time are the log entry's
 * (written with the call, in the same commit); the other moments follow the rules of core's
 * `deriveCallRecord`, from the call's facts.
 */
const callsView = (s: string) => `-- One row per call: the log entry joined to the call's facts.
CREATE OR REPLACE VIEW ${s}.calls AS
SELECT
  split_part(i.list_key, ':', 2) AS business_number,
  i.id AS call_id,
  ${direction('i.')} AS direction,
  i.value->>'s' AS status,
  ${logCustomer('i.')} AS customer,
  f.value->'customer'->'name'->>'value' AS customer_name,
  i.value->>'a' AS agent_id,
  coalesce(r.starter, r.answerer, r.rejecter, r.ender)->'agent'->>'name' AS agent_name,
  i.at_time AS created_at,
  ${time('m.ringing')} AS ringing_at,
  ${time('m.answered_at')} AS answered_at,
  ${time('m.ended')} AS ended_at,
  CASE WHEN m.answered AND m.ended IS NOT NULL THEN
    coalesce((c.term->>'durationSeconds')::numeric,
             greatest(0, round((coalesce((c.term->>'endTime')::numeric, m.ended) - m.answered_at) / 1000)))::integer
  END AS duration_seconds,
  f.value AS facts
FROM ${s}.store_list_items i
JOIN ${s}.store_lists l ON l.key = i.list_key
JOIN ${s}.store_values f ON f.key = left(i.list_key, -3) || 'call:' || i.id
CROSS JOIN LATERAL (
  SELECT i.value->>'d' = 'user_initiated' AS incoming, f.value->'terminate' AS term
) c
-- The first agent event of each kind (facts keep them in time order), in the roles of the direction.
CROSS JOIN LATERAL (
  SELECT
    CASE WHEN NOT c.incoming THEN (array_agg(x.e ORDER BY x.n) FILTER (WHERE x.e->>'kind' = 'started'))[1] END AS starter,
    CASE WHEN c.incoming THEN (array_agg(x.e ORDER BY x.n) FILTER (WHERE x.e->>'kind' = 'answered'))[1] END AS answerer,
    CASE WHEN c.incoming THEN (array_agg(x.e ORDER BY x.n) FILTER (WHERE x.e->>'kind' = 'rejected'))[1] END AS rejecter,
    (array_agg(x.e ORDER BY x.n) FILTER (WHERE x.e->>'kind' = 'ended'))[1] AS ender
  FROM json_array_elements(f.value->'agentEvents') WITH ORDINALITY AS x(e, n)
) r
-- Picked up: the terminate webhook says so, or an agent answered (incoming), or the customer did (outgoing).
CROSS JOIN LATERAL (
  SELECT coalesce((c.term->>'answered')::boolean, false)
         OR CASE WHEN c.incoming THEN r.answerer IS NOT NULL ELSE f.value->>'acceptedAt' IS NOT NULL END
         AS answered
) a
-- Epoch ms: when it rang, was picked up and ended (NULL while unknown).
CROSS JOIN LATERAL (
  SELECT
    a.answered,
    (CASE WHEN c.incoming THEN f.value->>'connectAt' ELSE f.value->>'ringingAt' END)::numeric AS ringing,
    CASE WHEN a.answered THEN
      coalesce((c.term->>'startTime')::numeric,
               (c.term->>'endTime')::numeric - (c.term->>'durationSeconds')::numeric * 1000,
               (CASE WHEN c.incoming THEN r.answerer->>'at' ELSE f.value->>'acceptedAt' END)::numeric)
    END AS answered_at,
    coalesce((c.term->>'endTime')::numeric, (c.term->>'at')::numeric,
             least((r.ender->>'at')::numeric, (r.rejecter->>'at')::numeric,
                   (CASE WHEN NOT c.incoming THEN f.value->>'rejectedAt' END)::numeric),
             (f.value->>'endNotSeenAt')::numeric) AS ended
) m
WHERE i.${logList.like} AND i.${logList.exact} AND ${live('l.')} AND ${live('f.')};`;

const activitiesView = (s: string) => `-- One row per activity, as a customer's timeline shows it.
CREATE OR REPLACE VIEW ${s}.activities AS
SELECT
  split_part(i.list_key, ':', 2) AS business_number,
  ${activityCustomer('i.')} AS customer,
  i.id AS activity_id,
  i.value->>'kind' AS kind,
  i.at_time AS at,
  i.value->>'callId' AS call_id,
  i.value->'actor'->>'id' AS agent_id,
  i.value->'actor'->>'name' AS agent_name,
  i.value->>'text' AS text,
  i.value AS activity
FROM ${s}.store_list_items i
JOIN ${s}.store_lists l ON l.key = i.list_key
WHERE i.${activitiesList.like} AND i.${activitiesList.exact} AND ${live('l.')};`;

const permissionFactsView = (
  s: string,
) => `-- One row per permission fact (a reply, a revocation, the platform's answer) of each customer.
CREATE OR REPLACE VIEW ${s}.permission_facts AS
SELECT
  split_part(v.key, ':', 2) AS business_number,
  ${permissionCustomer('v.')} AS customer,
  p.fact->>'status' AS status,
  ${time(`p.fact->>'at'`)} AS at,
  p.fact->>'key' AS source,
  coalesce((p.fact->>'permanent')::boolean, false) AS permanent,
  ${time(`p.fact->>'expiresAt'`)} AS expires_at,
  p.fact->>'revokedReason' AS revoked_reason,
  p.fact
FROM ${s}.store_values v
CROSS JOIN LATERAL json_array_elements(
  CASE WHEN json_typeof(v.value->'facts') = 'array' THEN v.value->'facts' ELSE '[]'::json END
) AS p(fact)
WHERE v.${permissionValue.like} AND v.${permissionValue.exact} AND ${live('v.')};`;

/** The statements of migration 3 for a (checked) schema name. */
export function readableViews(s: string): string {
  return [indexes(s), callsView(s), activitiesView(s), permissionFactsView(s)].join('\n\n');
}
