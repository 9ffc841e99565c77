/**
 * The English texts of activities, as one replaceable table. Translating the activity panel means
 * passing another table; nothing else in the lifecycle holds words.
 *
 * Template syntax: `{name}` is replaced by a param of the activity (`{seconds}`, `{code}`,
 * `{templateName}`…), `{agent}` by the actor's name and `{duration}` by `durationSeconds` as m:ss.
 * A part in square brackets is kept only when every placeholder inside it has a value:
 * `'Picked up[ by {agent}] after {seconds} s'`.
 */
import type { ActivityKind, ActivityParamsMap, Agent } from './types';

/** Every text the activity panel can show: one per kind, or one per variant where wording differs. */
export interface ActivityMessages {
  'call.missed_no_answer': string;
  /** The helpdesk reported that this agent let the call ring out. */
  'call.missed_no_answer.agent': string;
  'call.agent_declined': string;
  'call.agent_inactive': string;
  'call.all_agents_busy': string;
  'call.unassigned': string;
  'call.started_by_agent': string;
  'call.answered_by_agent': string;
  'call.answered_by_customer': string;
  'call.rejected_by_customer': string;
  'call.unanswered.agent': string;
  'call.unanswered.platform': string;
  'call.ended_by_agent': string;
  'call.ended_by_customer': string;
  'call.dropped.agent': string;
  'call.dropped.customer': string;
  'call.dropped.unknown': string;
  'call.recording_available': string;
  'call.transcript_available': string;
  'call.end_not_seen': string;
  'permission.granted.permanent': string;
  'permission.granted.temporary': string;
  'permission.revoked_by_customer': string;
  'permission.auto_revoked': string;
  'permission.expired': string;
  'permission_request.sent.free_form': string;
  'permission_request.sent.template': string;
  'permission_request.approved.permanent': string;
  'permission_request.approved.temporary': string;
  'permission_request.declined': string;
  'permission_request.expired': string;
  'call_invite.sent.free_form': string;
  'call_invite.sent.template': string;
}

export type ActivityMessageKey = keyof ActivityMessages;

/** The English activity texts. Copy and translate it, or override single entries. */
export const defaultActivityMessages: Readonly<ActivityMessages> = {
  'call.missed_no_answer': 'Missed: no agent answered[ within {seconds} s]',
  'call.missed_no_answer.agent': '{agent} did not answer[ within {seconds} s]',
  'call.agent_declined': '{agent} declined the call[ after {seconds} s]',
  'call.agent_inactive': '{agent} was inactive and could not take the call[ ({seconds} s)]',
  'call.all_agents_busy': 'All agents were busy',
  'call.unassigned': 'The call was not assigned to any agent',
  'call.started_by_agent': 'Call placed[ by {agent}]',
  'call.answered_by_agent': 'Picked up[ by {agent}][ after {seconds} s]',
  'call.answered_by_customer': 'Picked up by the customer[ after {seconds} s]',
  'call.rejected_by_customer': 'Rejected by the customer[ after {seconds} s]',
  'call.unanswered.agent': 'No answer: ended[ by {agent}][ after {seconds} s]',
  'call.unanswered.platform': 'No answer: the call timed out[ after {seconds} s]',
  'call.ended_by_agent': 'Ended[ by {agent}] after {duration}',
  'call.ended_by_customer': 'Ended by the customer after {duration}',
  'call.dropped.agent':
    'Dropped[ after {duration}]: network problem on the agent’s side[ (error {code})]',
  'call.dropped.customer':
    'Dropped[ after {duration}]: network problem on the customer’s side[ (error {code})]',
  'call.dropped.unknown': 'Dropped[ after {duration}]: the connection was lost[ (error {code})]',
  'call.recording_available': 'Call recording available',
  'call.transcript_available': 'Call transcript available',
  'call.end_not_seen': 'No word from WhatsApp about this call for {minutes} min: marked as ended',
  'permission.granted.permanent': 'The customer granted permanent call permission',
  'permission.granted.temporary': 'The customer granted temporary call permission',
  'permission.revoked_by_customer': 'The customer revoked call permission',
  'permission.auto_revoked':
    'Call permission revoked automatically after {missedCalls} missed calls',
  'permission.expired': 'Call permission expired after {days} days',
  'permission_request.sent.free_form': 'Call permission request sent[ by {agent}]',
  'permission_request.sent.template':
    'Call permission request sent[ by {agent}] as a template[ ({templateName})]',
  'permission_request.approved.permanent':
    'The customer approved the call permission request (permanent)',
  'permission_request.approved.temporary':
    'The customer approved the call permission request (temporary)',
  'permission_request.declined': 'The customer declined the call permission request',
  'permission_request.expired': 'The call permission request expired without an answer',
  'call_invite.sent.free_form': 'Call invite sent[ by {agent}]',
  'call_invite.sent.template': 'Call invite sent[ by {agent}] as a template[ ({templateName})]',
};

/** Which entry of the table words this activity. */
export function activityMessageKey<K extends ActivityKind>(
  kind: K,
  params: ActivityParamsMap[K],
  actor?: Agent,
): ActivityMessageKey {
  const p = params as Partial<Record<string, unknown>>;
  switch (kind) {
    case 'call.missed_no_answer':
      return actor ? 'call.missed_no_answer.agent' : 'call.missed_no_answer';
    case 'call.unanswered':
      return p['endedBy'] === 'agent' ? 'call.unanswered.agent' : 'call.unanswered.platform';
    case 'call.dropped':
      return p['side'] === 'agent'
        ? 'call.dropped.agent'
        : p['side'] === 'customer'
          ? 'call.dropped.customer'
          : 'call.dropped.unknown';
    case 'permission.granted':
    case 'permission_request.approved':
      return `${kind}.${p['permanent'] === true ? 'permanent' : 'temporary'}` as ActivityMessageKey;
    case 'permission_request.sent':
    case 'call_invite.sent':
      return `${kind}.${p['channel'] === 'template' ? 'template' : 'free_form'}` as ActivityMessageKey;
    default:
      return kind as ActivityMessageKey;
  }
}

/**
 * The text of one activity, from `messages` (entries missing there fall back to the English table).
 * @example formatActivity('call.answered_by_agent', { seconds: 7 }, { id: 'a1', name: 'Ana' })
 *   // 'Picked up by Ana after 7 s'
 */
export function formatActivity<K extends ActivityKind>(
  kind: K,
  params: ActivityParamsMap[K],
  actor?: Agent,
  messages?: Partial<ActivityMessages>,
): string {
  const key = activityMessageKey(kind, params, actor);
  const template = messages?.[key] ?? defaultActivityMessages[key];
  return renderTemplate(template, placeholderValues(params, actor));
}

function placeholderValues(params: object, actor: Agent | undefined): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number' || typeof value === 'string') values.set(name, String(value));
  }
  if (actor) values.set('agent', actor.name);
  const duration = (params as { durationSeconds?: unknown }).durationSeconds;
  if (typeof duration === 'number') values.set('duration', formatClock(duration));
  return values;
}

/** `65` → `1:05`, `3725` → `1:02:05`. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const optionalPart = /\[([^[\]]*)\]/g;
const placeholder = /\{(\w+)\}/g;

/**
 * Fills a template. A placeholder with no value outside brackets stays visible as `{name}`, so a
 * typo in a translated table shows up instead of silently vanishing.
 */
export function renderTemplate(template: string, values: ReadonlyMap<string, string>): string {
  const withOptional = template.replace(optionalPart, (_part, inner: string) => {
    const names = [...inner.matchAll(placeholder)].map((match) => match[1] ?? '');
    return names.every((name) => values.has(name)) ? inner : '';
  });
  return withOptional.replace(placeholder, (whole, name: string) => values.get(name) ?? whole);
}
