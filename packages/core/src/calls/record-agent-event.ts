import { CallLifecycleError } from './call-lifecycle-error';
import type { AgentEventFact, AgentEventKind, CallFacts } from './call-facts';
import { emptyCallFacts, mergeCallFacts, setIfDefined, stamp } from './call-facts';
import type { Agent, CustomerRef } from './types';

interface AgentEventBase {
  callId: string;
  /** Epoch ms. */
  at: number;
}

/**
 * What an agent (or the helpdesk's assignment logic) did with a call. Assignment is the helpdesk's
 * business, so it reports it: `no_answer` (the offered agent let it ring out), `declined` (the agent
 * turned down the offer; the call rings on for others), `inactive`, `all_busy`, `unassigned`. Business
 * actions on the call itself: `started` (placed an outgoing call), `accepted` (picked up an incoming
 * call), `declined_call` (turned the incoming call down for good: Meta's reject), `ended`.
 *
 * `answered` and `rejected` are the deprecated spellings of `accepted` and `declined_call`; they are
 * still accepted and recorded the same way.
 */
export type AgentEvent =
  | (AgentEventBase & {
      kind: 'started';
      agent: Agent;
      /** Who is being called. */
      customer: CustomerRef;
      /** The business number the call is placed from. */
      businessNumber?: string;
      bizOpaqueCallbackData?: string;
    })
  | (AgentEventBase & {
      kind:
        'accepted' | 'declined_call' | 'ended' | 'declined' | 'inactive' | DeprecatedAgentEventKind;
      agent: Agent;
    })
  | (AgentEventBase & { kind: 'no_answer'; agent?: Agent })
  | (AgentEventBase & { kind: 'all_busy' | 'unassigned'; agent?: undefined });

/** Kinds renamed so that each concept has one word; recorded exactly like their new names. */
export type DeprecatedAgentEventKind = 'answered' | 'rejected';

// Facts keep the words they were first stored with, so calls saved before the rename read the same.
const storedKinds: Readonly<Record<string, AgentEventKind>> = {
  accepted: 'answered',
  declined_call: 'rejected',
};

type InputKind = AgentEvent['kind'];
const agentRequired = new Set<InputKind>([
  'started',
  'accepted',
  'declined_call',
  'ended',
  'declined',
  'inactive',
]);
const agentOptional = new Set<InputKind>(['no_answer', 'all_busy', 'unassigned']);
const deprecatedKinds = new Set<InputKind>(['answered', 'rejected']);

/**
 * Adds an agent event to a call's facts (pass `undefined` for a call not seen before). Idempotent and
 * order-independent, like `applyCallEvent`. Throws `CallLifecycleError` for malformed input, and for
 * an `ended` report about a call nothing else is known of.
 */
export function recordAgentEvent(facts: CallFacts | undefined, event: AgentEvent): CallFacts {
  validateAgentEvent(event);
  if (facts && facts.callId !== event.callId) {
    throw new CallLifecycleError(
      'call_id_mismatch',
      `Agent event for call ${event.callId} was applied to the facts of call ${facts.callId}; ` +
        'look the facts up by the event’s callId.',
      { callId: event.callId },
    );
  }
  if (!facts && event.kind === 'ended') {
    throw new CallLifecycleError(
      'unknown_call',
      `Cannot record that call ${event.callId} was ended: nothing else is known about it yet. ` +
        'Apply its webhook events (or its `started` event) first.',
      { callId: event.callId },
    );
  }
  return mergeCallFacts(facts ?? emptyCallFacts(event.callId), factsFromAgentEvent(event));
}

function factsFromAgentEvent(event: AgentEvent): CallFacts {
  const facts = emptyCallFacts(event.callId);
  const fact: AgentEventFact = {
    kind: storedKinds[event.kind] ?? (event.kind as AgentEventKind),
    at: event.at,
  };
  if (event.agent) fact.agent = { id: event.agent.id, name: event.agent.name };
  facts.agentEvents = [fact];
  if (event.kind === 'started') {
    // Webhooks carry bare digits; a number typed by the helpdesk may be formatted (`+49 151 …`).
    const { waId, userId, name } = event.customer;
    setIfDefined(facts.customer, 'waId', stamp(textOf(waId)?.replace(/\D/g, ''), event.at));
    setIfDefined(facts.customer, 'userId', stamp(textOf(userId), event.at));
    setIfDefined(facts.customer, 'name', stamp(textOf(name), event.at));
    setIfDefined(facts, 'displayNumber', stamp(event.businessNumber, event.at));
    setIfDefined(facts, 'bizOpaqueCallbackData', stamp(event.bizOpaqueCallbackData, event.at));
  }
  return facts;
}

function validateAgentEvent(event: AgentEvent): void {
  const input: unknown = event;
  if (typeof input !== 'object' || input === null) {
    invalid('An agent event must be an object like { callId, kind, agent, at }.');
  }
  const { callId, kind, at, agent } = input as Record<string, unknown>;
  if (typeof callId !== 'string' || callId === '') {
    invalid('An agent event needs a non-empty `callId` (the wacid of the call).');
  }
  const known =
    typeof kind === 'string' &&
    [agentRequired, agentOptional, deprecatedKinds].some((kinds) => kinds.has(kind as InputKind));
  if (!known) {
    invalid(
      `Unknown agent event kind ${JSON.stringify(kind)} for call ${callId}; use one of ` +
        [...agentRequired, ...agentOptional].join(', ') +
        '.',
      callId,
    );
  }
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) {
    invalid(
      `Agent event ${kind} for call ${callId} needs \`at\` as epoch milliseconds (a finite number).`,
      callId,
    );
  }
  if (
    agent !== undefined ||
    agentRequired.has(kind as InputKind) ||
    deprecatedKinds.has(kind as InputKind)
  ) {
    if (!isAgent(agent)) {
      invalid(
        `Agent event ${kind} for call ${callId} needs \`agent\` as { id, name } with non-empty strings.`,
        callId,
      );
    }
  }
  if (kind === 'started' && !hasCustomerId((input as { customer?: unknown }).customer)) {
    invalid(
      `Agent event started for call ${callId} needs \`customer\` with a \`waId\` or \`userId\` (who is called).`,
      callId,
    );
  }
}

function isAgent(value: unknown): value is Agent {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name } = value as Record<string, unknown>;
  return typeof id === 'string' && id !== '' && typeof name === 'string' && name !== '';
}

function hasCustomerId(value: unknown): value is CustomerRef {
  if (typeof value !== 'object' || value === null) return false;
  const { waId, userId } = value as Record<string, unknown>;
  return (
    (typeof waId === 'string' && /\d/.test(waId)) || (typeof userId === 'string' && userId !== '')
  );
}

/** Only strings are kept: a helpdesk's JSON may hand over numbers or nulls. */
function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function invalid(message: string, callId?: string): never {
  throw new CallLifecycleError(
    'invalid_agent_event',
    message,
    callId === undefined ? undefined : { callId },
  );
}
