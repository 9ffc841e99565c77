import type { CallDirection, CallParties } from './events';
import { lower, present, toDirection } from './normalize';
import type { CallItemBase, ConnectItem } from './schemas';

export interface RawSession {
  sdpType: string | undefined;
  sdp: string;
}

/**
 * The SDP of a connect item, byte-exact: `session` when present, else the legacy
 * `connection.webrtc.sdp`, a JSON-encoded `{ type, sdp }` (or, in some samples, the bare SDP).
 */
export function readSession(item: ConnectItem): RawSession | undefined {
  if (item.session) {
    return {
      sdpType: present(item.session.sdp_type)?.toLowerCase(),
      sdp: item.session.sdp,
    };
  }
  const legacy = item.connection?.webrtc?.sdp;
  if (!legacy) return undefined;
  if (legacy.startsWith('v=')) return { sdpType: undefined, sdp: legacy };
  try {
    const decoded: unknown = JSON.parse(legacy);
    if (typeof decoded === 'object' && decoded !== null && 'sdp' in decoded) {
      const { sdp, type } = decoded as { sdp: unknown; type?: unknown };
      if (typeof sdp === 'string') {
        return { sdpType: typeof type === 'string' ? lower(type) : undefined, sdp };
      }
    }
  } catch {
    // Not JSON: reported below as a missing session.
  }
  return undefined;
}

/**
 * The direction of a call item. Meta omits `direction` in some samples; the SDP type (Meta offers
 * on incoming calls, answers on outgoing ones), which side is the business number, or which side
 * carries the user's BSUID then tell.
 */
export function resolveDirection(
  item: CallItemBase,
  sdpType: string | undefined,
  displayPhoneNumber: string | undefined,
): CallDirection | undefined {
  const explicit = toDirection(item.direction);
  if (explicit) return explicit;
  if (sdpType === 'offer') return 'user_initiated';
  if (sdpType === 'answer') return 'business_initiated';
  const from = present(item.from);
  const to = present(item.to);
  if (displayPhoneNumber !== undefined) {
    if (from === displayPhoneNumber) return 'business_initiated';
    if (to === displayPhoneNumber) return 'user_initiated';
  }
  if (present(item.from_user_id)) return 'user_initiated';
  if (present(item.to_user_id)) return 'business_initiated';
  return undefined;
}

/** Both sides' numbers and BSUIDs, with either spelling of the parent ids. */
export function readParties(item: CallItemBase): CallParties {
  return {
    from: present(item.from),
    to: present(item.to),
    fromUserId: present(item.from_user_id),
    toUserId: present(item.to_user_id),
    fromParentUserId: present(item.from_parent_user_id ?? item.parent_from_user_id),
    toParentUserId: present(item.to_parent_user_id ?? item.parent_to_user_id),
  };
}

/**
 * The user's side of a call. Meta's pages disagree on which field holds the business in an outgoing
 * call, so the side that is the business number loses; else the caller of an incoming call, the
 * callee of an outgoing one.
 */
export function userSide(
  item: CallItemBase,
  direction: CallDirection,
  displayPhoneNumber: string | undefined,
) {
  const from = { phone: present(item.from), userId: present(item.from_user_id) };
  const to = { phone: present(item.to), userId: present(item.to_user_id) };
  if (displayPhoneNumber !== undefined) {
    if (from.phone === displayPhoneNumber) return to;
    if (to.phone === displayPhoneNumber) return from;
  }
  return direction === 'user_initiated' ? from : to;
}
