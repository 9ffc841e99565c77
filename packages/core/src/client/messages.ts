import * as z from 'zod/mini';
import { fieldLimits } from '../platform/field-limits';
import { templateRules } from '../templates/template-rules';
import type { RequestOptions } from './client-options';
import { readResponse } from './read-response';
import { WHATSAPP, compact, type ResourceContext } from './resource-context';
import {
  checkInteger,
  checkLanguage,
  checkPattern,
  checkPhone,
  checkText,
  issuesFor,
  type Issues,
} from './validate';

/** An approved template to send, by name and language. */
export interface TemplateRef {
  /** The template's name, e.g. `call_permission_ask`. */
  name: string;
  /** The template's language code, e.g. `en_US`. */
  language: string;
  /** Values for the body's `{{1}}`, `{{2}}`, … in order. */
  bodyParameters?: string[];
}

export interface SendCallPermissionRequestInput {
  /** The user's phone number, digits only. */
  to: string;
  /** Why you want to call; optional but strongly advised. ≤ 1024 characters. */
  body?: string;
}

export interface SendCallPermissionRequestTemplateInput {
  to: string;
  template: TemplateRef;
}

export interface SendCallInviteInput {
  to: string;
  /** The message text above the button. ≤ 1024 characters. */
  body: string;
  /** The button label, ≤ 20 characters (Meta's default: "Call Now"). */
  displayText?: string;
  /** How long the button works, 1–43 200 minutes (Meta's default: 10 080 = 7 days). */
  ttlMinutes?: number;
  /** ≤ 512 characters, handed back as `ctaPayload` when the user calls from the button. */
  payload?: string;
}

export interface SendCallInviteTemplateInput {
  to: string;
  template: TemplateRef;
  /** Overrides the template's button lifetime, 1–43 200 minutes. */
  ttlMinutes?: number;
  /** ≤ 512 characters, handed back as `ctaPayload`. */
  payload?: string;
}

/** The user as Meta resolved them. */
export interface SentMessageContact {
  /** The number you sent to. */
  input?: string;
  waId?: string;
  /** The user's business-scoped user id, when Meta reports it. */
  userId?: string;
}

export interface SentMessage {
  /** The wamid; permission replies quote it as their context id. */
  messageId: string;
  contacts: SentMessageContact[];
}

/** `client.messages`: the calling-related messages. Sends are never retried automatically. */
export interface MessagesResource {
  /** Free-form permission request; only inside the 24 h customer-service window. */
  sendCallPermissionRequest(
    input: SendCallPermissionRequestInput,
    options?: RequestOptions,
  ): Promise<SentMessage>;
  /** Permission request from an approved template; works outside the window too. */
  sendCallPermissionRequestTemplate(
    input: SendCallPermissionRequestTemplateInput,
    options?: RequestOptions,
  ): Promise<SentMessage>;
  /** Free-form "Call on WhatsApp" button; only inside the 24 h window. */
  sendCallInvite(input: SendCallInviteInput, options?: RequestOptions): Promise<SentMessage>;
  /** Call button from an approved template; works outside the window too. */
  sendCallInviteTemplate(
    input: SendCallInviteTemplateInput,
    options?: RequestOptions,
  ): Promise<SentMessage>;
}

const SendResponse = z.looseObject({
  contacts: z.optional(
    z.array(
      z.looseObject({
        input: z.optional(z.string()),
        wa_id: z.optional(z.string()),
        user_id: z.optional(z.string()),
      }),
    ),
  ),
  messages: z.array(z.looseObject({ id: z.string().check(z.minLength(1)) })).check(z.minLength(1)),
});

/** @internal Builds `client.messages`. */
export function createMessagesResource(context: ResourceContext): MessagesResource {
  const send = async (operation: string, to: string, message: object, options?: RequestOptions) => {
    const result = await context.send(
      {
        operation,
        method: 'POST',
        path: `${context.phoneNumberId}/messages`,
        body: { ...WHATSAPP, recipient_type: 'individual', to, ...message },
        // A repeated send delivers the message twice.
        repeatable: false,
      },
      options,
    );
    const body = readResponse(SendResponse, result, operation);
    return {
      messageId: (body.messages[0] as { id: string }).id,
      contacts: (body.contacts ?? []).map((contact) =>
        compact({ input: contact.input, waId: contact.wa_id, userId: contact.user_id }),
      ),
    };
  };

  return {
    async sendCallPermissionRequest(input, options) {
      const operation = 'messages.sendCallPermissionRequest';
      const issues = issuesFor(operation);
      checkPhone(issues, 'to', input?.to);
      checkText(issues, 'body', input?.body, {
        max: fieldLimits.messageBody.maxLength,
        optional: true,
      });
      issues.throwIfAny();
      const interactive = compact({
        type: 'call_permission_request',
        action: { name: 'call_permission_request' },
        body: input.body === undefined ? undefined : { text: input.body },
      });
      return send(operation, input.to, { type: 'interactive', interactive }, options);
    },

    async sendCallPermissionRequestTemplate(input, options) {
      const operation = 'messages.sendCallPermissionRequestTemplate';
      const issues = issuesFor(operation);
      checkPhone(issues, 'to', input?.to);
      checkTemplateRef(issues, input?.template);
      issues.throwIfAny();
      return send(operation, input.to, templateMessage(input.template, []), options);
    },

    async sendCallInvite(input, options) {
      const operation = 'messages.sendCallInvite';
      const issues = issuesFor(operation);
      checkPhone(issues, 'to', input?.to);
      checkText(issues, 'body', input?.body, { max: fieldLimits.messageBody.maxLength });
      checkText(issues, 'displayText', input?.displayText, {
        max: fieldLimits.displayText.maxLength,
        optional: true,
      });
      checkInvite(issues, input ?? {});
      issues.throwIfAny();
      const interactive = {
        type: 'voice_call',
        body: { text: input.body },
        action: {
          name: 'voice_call',
          parameters: compact({
            display_text: input.displayText,
            ttl_minutes: input.ttlMinutes,
            payload: input.payload,
          }),
        },
      };
      return send(operation, input.to, { type: 'interactive', interactive }, options);
    },

    async sendCallInviteTemplate(input, options) {
      const operation = 'messages.sendCallInviteTemplate';
      const issues = issuesFor(operation);
      checkPhone(issues, 'to', input?.to);
      checkTemplateRef(issues, input?.template);
      checkInvite(issues, input ?? {});
      issues.throwIfAny();
      const parameters = [
        ...(input.ttlMinutes === undefined
          ? []
          : [{ type: 'ttl_minutes', ttl_minutes: input.ttlMinutes }]),
        ...(input.payload === undefined ? [] : [{ type: 'payload', payload: input.payload }]),
      ];
      // Meta's sample sends the voice_call button without an index.
      const button =
        parameters.length > 0 ? [{ type: 'button', sub_type: 'voice_call', parameters }] : [];
      return send(operation, input.to, templateMessage(input.template, button), options);
    },
  };
}

function checkInvite(issues: Issues, input: { ttlMinutes?: number; payload?: string }): void {
  checkInteger(issues, 'ttlMinutes', input.ttlMinutes, {
    min: fieldLimits.ttlMinutes.min,
    max: fieldLimits.ttlMinutes.max,
    optional: true,
    unit: 'minutes',
  });
  checkText(issues, 'payload', input.payload, {
    max: fieldLimits.payload.maxLength,
    optional: true,
  });
}

/** Checks a template reference: Meta's name and language rules, and sendable parameter text. */
export function checkTemplateRef(issues: Issues, template: TemplateRef | undefined): void {
  if (typeof template !== 'object' || template === null) {
    issues.add('template', 'is missing.', 'Pass { name, language } of an approved template.');
    return;
  }
  checkTemplateName(issues, 'template.name', template.name);
  checkLanguage(issues, 'template.language', template.language);
  template.bodyParameters?.forEach((value, i) => {
    const path = `template.bodyParameters[${i}]`;
    if (checkText(issues, path, value, { max: 32_768 }) && /[\n\t]| {5}/.test(value)) {
      issues.add(
        path,
        'contains a line break, a tab or more than 4 spaces in a row.',
        'Put such text in the template itself; parameters must be one line.',
      );
    }
  });
}

/** Meta's template names: lowercase letters, digits and underscores, up to `fieldLimits.templateName`. */
export function checkTemplateName(issues: Issues, path: string, name: unknown): void {
  // Same rule as at creation (templates/template-rules.ts), in one regular expression.
  const pattern = new RegExp(`^[a-z0-9_]{1,${templateRules.name.maxLength}}$`);
  checkPattern(
    issues,
    path,
    name,
    pattern,
    'must use only lowercase letters, digits and underscores.',
    "Write e.g. 'call_permission_ask'.",
  );
}

function templateMessage(template: TemplateRef, extra: object[]) {
  const body = template.bodyParameters?.length
    ? [
        {
          type: 'body',
          parameters: template.bodyParameters.map((text) => ({ type: 'text', text })),
        },
      ]
    : [];
  const components = [...body, ...extra];
  return {
    type: 'template',
    template: compact({
      name: template.name,
      language: { code: template.language },
      components: components.length > 0 ? components : undefined,
    }),
  };
}
