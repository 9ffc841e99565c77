import type { WebhookEvent } from './events';

/**
 * A stable identity for an event, the same on every redelivery of it: use it to drop duplicates
 * (Meta delivers at least once). E.g. `call:wacid.X:terminate:completed`, `message:wamid.Y:status:read`.
 */
export function eventKey(event: WebhookEvent): string {
  switch (event.type) {
    case 'call.connect':
      return `call:${event.callId}:connect`;
    case 'call.created':
      return `call:${event.callId}:created`;
    case 'call.status':
      return `call:${event.callId}:status:${event.status}`;
    case 'call.terminate':
      return `call:${event.callId}:terminate:${event.status}`;
    case 'call.recording_available':
      return `call:${event.callId}:recording:${event.media.id}`;
    case 'call.transcription_available':
      return `call:${event.callId}:transcription:${event.media.id}`;
    case 'permission.reply':
    case 'message':
      return `message:${event.messageId}`;
    case 'message.status':
      return `message:${event.messageId}:status:${event.status}`;
    case 'account.update':
      return `account:${event.wabaId}:${event.event}:${event.timestamp}`;
    case 'template.status':
      // A template can be approved, paused and approved again: the time tells those apart.
      return `template:${event.templateId}:status:${event.status}:${event.timestamp}`;
    case 'unknown':
      return `unknown:${event.wabaId}:${event.field}:${hashOf(event.value)}`;
  }
}

/** A short, non-cryptographic 53-bit hash of a JSON value (two multiply-xor lanes, cyrb53-style). */
function hashOf(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? 'undefined';
  } catch {
    // Cyclic or BigInt values only come from hand-built objects; their type is identity enough.
    text = typeof value;
  }
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
