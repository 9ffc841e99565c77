/**
 * Saving the simulated world as plain JSON and putting it back, so an app that keeps its own history
 * (a demo on a database) restarts next to a WhatsApp that remembers the same customers, permissions,
 * templates and calls. Delivery history, listeners and media peers are not part of it.
 */
import { SimulatorUsageError } from '../errors/simulator-usage-error';
import { endCall, type LifecycleContext } from './call-lifecycle';
import type { WebhookUpdate } from '../webhooks/payloads';
import { isObject } from '../world/json-object';
import type {
  BusinessState,
  CallState,
  ConversationState,
  CustomerProfile,
  StoredMedia,
  StoredTemplate,
} from '../world/state';
import type { TemplateStore } from '../world/template-store';
import type { World } from '../world/world';

/** A conversation as saved: its business and customer named by id instead of shared by reference. */
export type SavedConversation = Omit<ConversationState, 'business' | 'customer'> & {
  phoneNumberId: string;
  waId: string;
};

/** A call as saved: its conversation named by business number id and customer. */
export type SavedCall = Omit<CallState, 'conversation'> & { phoneNumberId: string; waId: string };

/** A recording or transcript as saved: its bytes in base64. */
export type SavedMedia = Omit<StoredMedia, 'bytes'> & { bytesBase64: string };

/**
 * Everything the simulated platform remembers, as JSON-safe plain data: what `exportState()` returns
 * and `createCloudApiSimulator({ state })` takes back. It holds no secret (the app secret and the
 * accepted tokens are options, given again on every start).
 */
export interface SimulatorState {
  format: typeof stateFormat;
  version: typeof stateVersion;
  /** The simulated present when it was saved (epoch ms), for people reading it. */
  savedAt: number;
  /** How far `advanceTime()` had moved the simulated present ahead of the clock. */
  clockOffsetMs: number;
  /** Where the id generator was, so the restored simulator never hands out an id twice. */
  randomPosition: number;
  businesses: BusinessState[];
  customers: CustomerProfile[];
  conversations: SavedConversation[];
  calls: SavedCall[];
  templates: { wabaId: string; templates: StoredTemplate[] }[];
  mediaFiles: SavedMedia[];
}

const stateFormat = 'wacall-simulator-state';
const stateVersion = 1;

/** What saving and restoring touch: the whole world and its templates. */
export type SavedWorldContext = World & LifecycleContext & { readonly templates: TemplateStore };

const conversationKey = (phoneNumberId: string, waId: string) => `${phoneNumberId}:${waId}`;

/** The world as plain data, cloned so later steps never change what was exported. */
export function exportWorld(context: SavedWorldContext): SimulatorState {
  return structuredClone({
    format: stateFormat,
    version: stateVersion,
    savedAt: context.clock.now(),
    clockOffsetMs: context.clock.offset,
    randomPosition: context.random.position,
    businesses: [...context.businesses.values()],
    customers: [...context.customers.values()],
    conversations: [...context.conversations.values()].map(
      ({ business, customer, ...rest }): SavedConversation => ({
        ...rest,
        phoneNumberId: business.phoneNumberId,
        waId: customer.waId,
      }),
    ),
    calls: [...context.calls.values()].map(({ conversation, ...rest }): SavedCall => ({
      ...rest,
      phoneNumberId: conversation.business.phoneNumberId,
      waId: conversation.customer.waId,
    })),
    templates: context.templates.entries().map(([wabaId, templates]) => ({ wabaId, templates })),
    mediaFiles: [...context.mediaFiles.values()].map(({ bytes, ...rest }): SavedMedia => ({
      ...rest,
      bytesBase64: Buffer.from(bytes).toString('base64'),
    })),
  });
}

function refuse(problem: string): never {
  throw new SimulatorUsageError(
    `The saved simulator state cannot be restored: ${problem}.`,
    'Pass exactly what simulator.exportState() returned (after JSON.stringify/parse if you stored it), or start without `state`.',
  );
}

function listOf(state: Record<string, unknown>, name: keyof SimulatorState): unknown[] {
  const value = state[name];
  if (!Array.isArray(value)) refuse(`"${name}" is not a list`);
  for (const [index, item] of value.entries()) {
    if (!isObject(item)) refuse(`${name}[${index}] is not an object`);
  }
  return value;
}

function finite(state: Record<string, unknown>, name: keyof SimulatorState): number {
  const value = state[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) refuse(`"${name}" is not a number`);
  return value;
}

/** Checks the shape a restore relies on, before anything in the world changes. */
function checkState(state: unknown): SimulatorState {
  if (!isObject(state)) refuse('it is not an object');
  if (state['format'] !== stateFormat) refuse(`"format" is not "${stateFormat}"`);
  if (state['version'] !== stateVersion) {
    refuse(`it is version ${JSON.stringify(state['version'])}; this simulator reads version 1`);
  }
  finite(state, 'savedAt');
  if (finite(state, 'clockOffsetMs') < 0) refuse('"clockOffsetMs" is negative');
  finite(state, 'randomPosition');
  const ids = (name: keyof SimulatorState, field: string) =>
    new Set(
      listOf(state, name).map((item, index) => {
        const id = (item as Record<string, unknown>)[field];
        if (typeof id !== 'string' || id === '') refuse(`${name}[${index}] has no ${field}`);
        return id;
      }),
    );
  const businesses = ids('businesses', 'phoneNumberId');
  const customers = ids('customers', 'waId');
  const conversations = new Set<string>();
  for (const [index, raw] of listOf(state, 'conversations').entries()) {
    const item = raw as Record<string, unknown>;
    if (
      !businesses.has(item['phoneNumberId'] as string) ||
      !customers.has(item['waId'] as string)
    ) {
      refuse(`conversations[${index}] names a business number or customer the state does not hold`);
    }
    conversations.add(conversationKey(item['phoneNumberId'] as string, item['waId'] as string));
  }
  for (const [index, raw] of listOf(state, 'calls').entries()) {
    const item = raw as Record<string, unknown>;
    if (typeof item['id'] !== 'string' || !item['id'].startsWith('wacid.')) {
      refuse(`calls[${index}] has no wacid. id`);
    }
    const key = conversationKey(String(item['phoneNumberId']), String(item['waId']));
    if (!conversations.has(key)) refuse(`calls[${index}] belongs to no saved conversation`);
  }
  for (const [index, raw] of listOf(state, 'templates').entries()) {
    const item = raw as Record<string, unknown>;
    if (typeof item['wabaId'] !== 'string' || !Array.isArray(item['templates'])) {
      refuse(`templates[${index}] needs a wabaId and a list of templates`);
    }
  }
  for (const [index, raw] of listOf(state, 'mediaFiles').entries()) {
    if (typeof (raw as Record<string, unknown>)['bytesBase64'] !== 'string') {
      refuse(`mediaFiles[${index}] has no bytesBase64`);
    }
  }
  return state as unknown as SimulatorState;
}

/**
 * Puts a saved world back. Saved business numbers replace the ones the options made (same id) or join
 * them. A call that was live when saved cannot go on: its media and its app are gone. The platform ends
 * it as failed (an ongoing one as dropped, 138021: no media from the business) at the moment of the
 * restore; the webhooks for that are returned, for the first step after the restore to deliver.
 */
export function restoreWorld(context: SavedWorldContext, raw: unknown): WebhookUpdate[] {
  const state = structuredClone(checkState(raw));
  context.clock.advance(state.clockOffsetMs - context.clock.offset);
  context.random.position = state.randomPosition;
  for (const business of state.businesses) context.businesses.set(business.phoneNumberId, business);
  for (const customer of state.customers) context.customers.set(customer.waId, customer);
  for (const { phoneNumberId, waId, ...rest } of state.conversations) {
    context.conversations.set(conversationKey(phoneNumberId, waId), {
      ...rest,
      business: context.businesses.get(phoneNumberId)!,
      customer: context.customers.get(waId)!,
    });
  }
  for (const { phoneNumberId, waId, ...rest } of state.calls) {
    const conversation = context.conversations.get(conversationKey(phoneNumberId, waId))!;
    context.calls.set(rest.id, { ...rest, conversation });
  }
  for (const { wabaId, templates } of state.templates) context.templates.restore(wabaId, templates);
  for (const { bytesBase64, ...rest } of state.mediaFiles) {
    context.mediaFiles.set(rest.id, {
      ...rest,
      bytes: new Uint8Array(Buffer.from(bytesBase64, 'base64')),
    });
  }
  return [...context.calls.values()]
    .filter((call) => call.phase !== 'ended')
    .flatMap((call) =>
      endCall(context, call, {
        end: 'failed',
        endedBy: 'platform',
        ...(call.phase === 'ongoing' ? { errorCode: 138021 } : {}),
      }),
    );
}
