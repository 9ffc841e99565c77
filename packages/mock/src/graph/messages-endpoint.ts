/**
 * `POST /{phone-number-id}/messages` for what calling needs: plain text, free-form permission
 * requests and call invites, and templates of either kind (Meta "Call button messages and deep links" and "User call permissions" pages).
 */
import { fieldLimits } from '@wacall/core/platform';
import { messageStatusUpdate } from '../webhooks/payloads';
import { notifyCustomer, type ChangeFeed } from '../world/changes';
import { conversationFor, isWindowOpen } from '../world/conversations';
import { isObject, type JsonObject } from '../world/json-object';
import { recordPermissionRequest } from '../world/permission-rules';
import type { BusinessState, ConversationState, InboxMessage } from '../world/state';
import { templateBodyText, templateCallingKind, type TemplateStore } from '../world/template-store';
import type { World } from '../world/world';
import type { EndpointResult, SimulatorBehaviour } from './graph-context';
import { assertCallingEnabled, assertCanRequestPermission } from './permission-refusals';
import {
  invalid,
  optionalString,
  recipientWaId,
  requireObject,
  requireString,
  requireWhatsApp,
} from './request-fields';
import { SimulatedGraphError } from './simulated-graph-error';

/** What `/messages` reads and writes: conversations, time, ids, templates and the window rule. */
export type MessagesEndpointContext = Pick<
  World,
  'clock' | 'limits' | 'random' | 'customers' | 'conversations'
> &
  ChangeFeed & {
    readonly templates: Pick<TemplateStore, 'find'>;
    readonly behaviour: Pick<SimulatorBehaviour, 'outsideWindow'>;
  };

const minute = 60_000;

/** What one send is, once its body has been read and checked. */
interface Outgoing {
  message: Omit<InboxMessage, 'messageId' | 'sentAt'>;
  freeForm: boolean;
  category: string;
  permissionRequest: boolean;
}

function integerIn(value: unknown, min: number, max: number, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw invalid(
      `The parameter ${where} must be an integer from ${min} to ${max}; got ${JSON.stringify(value)}.`,
    );
  }
  return value as number;
}

function readText(body: JsonObject): Outgoing {
  const text = requireObject(body, 'text');
  const content = requireString(text, 'body', 'text.body');
  if (content.length > 4096)
    throw invalid('The parameter text.body may be at most 4096 characters.');
  return {
    message: { kind: 'text', text: content },
    freeForm: true,
    category: 'service',
    permissionRequest: false,
  };
}

function readInteractive(context: MessagesEndpointContext, body: JsonObject): Outgoing {
  const interactive = requireObject(body, 'interactive');
  const action = requireObject(interactive, 'action', 'interactive.action');
  const bodyText = isObject(interactive['body'])
    ? optionalString(
        interactive['body'],
        'text',
        fieldLimits.messageBody.maxLength,
        'interactive.body.text',
      )
    : undefined;
  if (interactive['type'] === 'call_permission_request') {
    if (action['name'] !== 'call_permission_request') {
      throw invalid('interactive.action.name must be "call_permission_request".');
    }
    return {
      message: {
        kind: 'call_permission_request',
        ...(bodyText === undefined ? {} : { text: bodyText }),
      },
      freeForm: true,
      category: 'service',
      permissionRequest: true,
    };
  }
  if (interactive['type'] === 'voice_call') {
    if (action['name'] !== 'voice_call')
      throw invalid('interactive.action.name must be "voice_call".');
    if (bodyText === undefined)
      throw invalid('The parameter interactive.body.text is required for a voice_call message.');
    const parameters = isObject(action['parameters']) ? action['parameters'] : {};
    const buttonText = optionalString(
      parameters,
      'display_text',
      fieldLimits.displayText.maxLength,
      'interactive.action.parameters.display_text',
    );
    const ttl = integerIn(
      parameters['ttl_minutes'],
      fieldLimits.ttlMinutes.min,
      fieldLimits.ttlMinutes.max,
      'interactive.action.parameters.ttl_minutes',
    );
    const payload = optionalString(
      parameters,
      'payload',
      fieldLimits.payload.maxLength,
      'interactive.action.parameters.payload',
    );
    return {
      message: {
        kind: 'call_invite',
        text: bodyText,
        buttonText: buttonText ?? fieldLimits.displayText.default,
        expiresAt: context.clock.now() + (ttl ?? fieldLimits.ttlMinutes.default) * minute,
        ...(payload === undefined ? {} : { payload }),
      },
      freeForm: true,
      category: 'service',
      permissionRequest: false,
    };
  }
  throw invalid(
    `Interactive type ${JSON.stringify(interactive['type'])} is not simulated; use call_permission_request or voice_call.`,
  );
}

/** The `ttl_minutes` and `payload` parameters of a voice_call template button. */
function templateButtonParameters(template: JsonObject): { ttl?: number; payload?: string } {
  const components = Array.isArray(template['components']) ? template['components'] : [];
  const out: { ttl?: number; payload?: string } = {};
  for (const component of components) {
    if (!isObject(component) || String(component['sub_type']).toLowerCase() !== 'voice_call')
      continue;
    for (const parameter of Array.isArray(component['parameters']) ? component['parameters'] : []) {
      if (!isObject(parameter)) continue;
      const ttl = integerIn(
        parameter['ttl_minutes'],
        fieldLimits.ttlMinutes.min,
        fieldLimits.ttlMinutes.max,
        'template button ttl_minutes',
      );
      if (ttl !== undefined) out.ttl = ttl;
      const payload = optionalString(
        parameter,
        'payload',
        fieldLimits.payload.maxLength,
        'template button payload',
      );
      if (payload !== undefined) out.payload = payload;
    }
  }
  return out;
}

function readTemplate(
  context: MessagesEndpointContext,
  business: BusinessState,
  body: JsonObject,
): Outgoing {
  const template = requireObject(body, 'template');
  const name = requireString(template, 'name', 'template.name');
  const language = requireString(
    requireObject(template, 'language', 'template.language'),
    'code',
    'template.language.code',
  );
  const stored = context.templates.find(business.wabaId, name, language);
  if (stored === undefined || stored.status !== 'APPROVED') {
    throw SimulatedGraphError.of(
      132001,
      stored === undefined
        ? `Template ${name} does not exist in ${language}.`
        : `Template ${name} (${language}) is ${stored.status}; only APPROVED templates can be sent.`,
    );
  }
  const kind = templateCallingKind(stored);
  const text = templateBodyText(stored);
  const category = stored.category.toLowerCase();
  if (kind === 'call_invite') {
    const { ttl, payload } = templateButtonParameters(template);
    return {
      message: {
        kind: 'call_invite_template',
        templateName: name,
        ...(text === undefined ? {} : { text }),
        expiresAt: context.clock.now() + (ttl ?? fieldLimits.ttlMinutes.default) * minute,
        ...(payload === undefined ? {} : { payload }),
      },
      freeForm: false,
      category,
      permissionRequest: false,
    };
  }
  return {
    message: {
      kind: kind === 'call_permission_request' ? 'call_permission_request_template' : 'template',
      templateName: name,
      ...(text === undefined ? {} : { text }),
    },
    freeForm: false,
    category,
    permissionRequest: kind === 'call_permission_request',
  };
}

function readOutgoing(
  context: MessagesEndpointContext,
  business: BusinessState,
  body: JsonObject,
): Outgoing {
  switch (body['type'] ?? 'text') {
    case 'text':
      return readText(body);
    case 'interactive':
      return readInteractive(context, body);
    case 'template':
      return readTemplate(context, business, body);
    default:
      throw invalid(
        `Message type ${JSON.stringify(body['type'])} is not simulated; use text, interactive or template.`,
      );
  }
}

const reEngagement = {
  code: 131047,
  title: 'Re-engagement message',
  message: 'Re-engagement message',
  details:
    'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
};

function send(
  context: MessagesEndpointContext,
  conversation: ConversationState,
  outgoing: Outgoing,
  inWindow: boolean,
): EndpointResult {
  const now = context.clock.now();
  const message: InboxMessage = {
    messageId: context.random.messageId(),
    sentAt: now,
    ...outgoing.message,
  };
  const { customer } = conversation;
  const response = {
    messaging_product: 'whatsapp',
    contacts: [
      {
        input: customer.waId,
        wa_id: customer.waId,
        ...(customer.userId === undefined ? {} : { user_id: customer.userId }),
      },
    ],
    messages: [{ id: message.messageId }],
  };
  if (!inWindow) {
    // Meta's real behaviour for `fail_status`: accepted now, failed by webhook a moment later.
    return {
      body: response,
      updates: [
        messageStatusUpdate(conversation, message, 'failed', now, {
          billable: false,
          category: outgoing.category,
          errors: [reEngagement],
        }),
      ],
    };
  }
  if (outgoing.permissionRequest) recordPermissionRequest(context, conversation, message.messageId);
  conversation.inbox.push(message);
  notifyCustomer(context, conversation);
  const pricing = { billable: !outgoing.freeForm, category: outgoing.category };
  return {
    body: response,
    updates: [
      messageStatusUpdate(conversation, message, 'sent', now, pricing),
      messageStatusUpdate(conversation, message, 'delivered', now, pricing),
    ],
  };
}

/** Sends one message; throws `SimulatedGraphError` with the platform's code when refused. */
export function handleMessages(
  context: MessagesEndpointContext,
  business: BusinessState,
  body: JsonObject,
): EndpointResult {
  requireWhatsApp(body);
  const waId = recipientWaId(context, body);
  const outgoing = readOutgoing(context, business, body);
  const conversation = conversationFor(context, business, waId);
  if (outgoing.permissionRequest) assertCanRequestPermission(context, conversation);
  if (outgoing.message.kind === 'call_invite' || outgoing.message.kind === 'call_invite_template') {
    // A call invite asks the user to call in, which every country allows; only calling must be on.
    assertCallingEnabled(business);
  }
  const windowOpen = !outgoing.freeForm || isWindowOpen(conversation, context.clock.now());
  if (!windowOpen && context.behaviour.outsideWindow === 'reject') {
    throw SimulatedGraphError.of(
      131047,
      `${reEngagement.details} Send a template to ${waId} instead.`,
    );
  }
  return send(context, conversation, outgoing, windowOpen);
}
