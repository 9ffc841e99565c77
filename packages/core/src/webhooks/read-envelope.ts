import { WebhookPayloadError } from '../errors/webhook-payload-error';
import { isFields } from './containers';

const ENVELOPE_OBJECT = 'whatsapp_business_account';

let utf8: TextDecoder | undefined;

/** Turns the body a caller holds (text, bytes or an already parsed object) into the envelope. */
export function readEnvelope(body: unknown): { entry: unknown[] } {
  const parsed =
    typeof body === 'string' ? parseJson(body) : isBytes(body) ? parseJson(decode(body)) : body;
  if (!isFields(parsed) || typeof parsed.object !== 'string' || !Array.isArray(parsed.entry)) {
    throw new WebhookPayloadError(
      'invalid_envelope',
      `The body is not a WhatsApp webhook: it must be a JSON object with "object": "${ENVELOPE_OBJECT}" and an "entry" array (${describeShape(parsed)}).`,
    );
  }
  if (parsed.object !== ENVELOPE_OBJECT) {
    throw new WebhookPayloadError(
      'invalid_envelope',
      `The body is a webhook for "${parsed.object.slice(0, 40)}", not "${ENVELOPE_OBJECT}". Subscribe this URL to the WhatsApp Business Account object only, or route other objects elsewhere.`,
    );
  }
  return { entry: parsed.entry as unknown[] };
}

function isBytes(body: unknown): body is ArrayBufferView | ArrayBuffer {
  return ArrayBuffer.isView(body) || body instanceof ArrayBuffer;
}

function decode(bytes: ArrayBufferView | ArrayBuffer): string {
  utf8 ??= new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(bytes);
  } catch (cause) {
    throw new WebhookPayloadError(
      'invalid_encoding',
      'The body is not valid UTF-8. Pass the request body exactly as received.',
      { cause },
    );
  }
}

function parseJson(text: string): unknown {
  try {
    // A byte-order mark is legal in a UTF-8 body but not in JSON text.
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (cause) {
    throw new WebhookPayloadError(
      'invalid_json',
      `The body is not valid JSON (${text.length === 0 ? 'it is empty' : `${text.length} characters`}). Pass the raw request body, not an object's string form.`,
      { cause },
    );
  }
}

function describeShape(value: unknown): string {
  if (value === null) return 'got null';
  if (Array.isArray(value)) return 'got an array';
  if (typeof value !== 'object') return `got ${typeof value}`;
  const keys = Object.keys(value).slice(0, 5);
  return keys.length ? `got an object with keys ${keys.join(', ')}` : 'got an empty object';
}
