import type { ActivityMessages } from './activity-messages';
import { formatActivity } from './activity-messages';
import type { Activity, ActivityKind, ActivityParamsMap, Agent } from './types';

/** Where an activity is filed and who did it; everything except what the kind and params say. */
export interface ActivityPlacement {
  id: string;
  at: number;
  customer: string;
  callId?: string;
  actor?: Agent;
}

/** One activity with its text made from `messages` (English by default). */
export function buildActivity<K extends ActivityKind>(
  kind: K,
  params: ActivityParamsMap[K],
  placement: ActivityPlacement,
  messages?: Partial<ActivityMessages>,
): Activity {
  const activity = {
    id: placement.id,
    kind,
    at: placement.at,
    customer: placement.customer,
    ...(placement.callId === undefined ? {} : { callId: placement.callId }),
    ...(placement.actor === undefined ? {} : { actor: placement.actor }),
    params,
    text: formatActivity(kind, params, placement.actor, messages),
  };
  return activity as Activity;
}
