import type { CallRecord } from '@wacall/core';
import type { WacallMessages } from '../i18n/messages';

/** The words for a live call's state, e.g. "Calling…" or "In call". */
export function activeCallLabel(call: CallRecord, messages: WacallMessages): string {
  const text = messages.callButton;
  if (call.status === 'ongoing') return text.inCall;
  if (call.status === 'calling') return text.calling;
  return call.direction === 'user_initiated' ? text.incoming : text.ringing;
}
