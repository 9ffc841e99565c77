import * as z from 'zod/mini';
import type { RequestOptions } from './client-options';
import {
  checkTemplateDraft,
  templateRules,
  type TemplateDraftKind,
} from '../templates/template-rules';
import { readResponse } from './read-response';
import { compact, type ResourceContext } from './resource-context';
import { parseTemplate } from './template-parse';
import type { CallingTemplateKind, TemplatePage, TemplateStatus } from './template-types';
import { checkInteger, checkLanguage, checkOneOf, issuesFor, type Issues } from './validate';

/** What both calling templates share. */
export interface CreateTemplateInput {
  /** Lowercase letters, digits and underscores. */
  name: string;
  /** e.g. `en_US`. */
  language: string;
  category: 'marketing' | 'utility';
  /** The message text, ≤ 1024 characters; may hold `{{1}}`, `{{2}}`, … placeholders. */
  body: string;
  /** One example per placeholder, in order; Meta's reviewers need them. */
  bodyExamples?: string[];
  /** A plain-text header, ≤ 60 characters. */
  header?: string;
  /** A plain-text footer, ≤ 60 characters. */
  footer?: string;
}

export interface CreateCallInviteTemplateInput extends CreateTemplateInput {
  /** The button label, ≤ 20 characters. Default "Call Now". */
  buttonText?: string;
  /** How long the button works after sending, 1 440–43 200 minutes. */
  ttlMinutes?: number;
}

/** A template Meta accepted for review. */
export interface CreatedTemplate {
  id: string;
  /** Usually `pending` until Meta's review ends. */
  status: TemplateStatus;
  category?: string;
}

export interface ListTemplatesInput {
  /** Page size (Meta's default applies when absent). */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  after?: string;
  /** Only templates whose name contains this. */
  name?: string;
  status?: TemplateStatus;
  /** Only templates in this language, e.g. `en_US`. */
  language?: string;
  /** Keep only templates of this calling kind. Filters each page, so a page may be short. */
  kind?: CallingTemplateKind;
  /** Keep only templates with a calling component. Filters each page, so a page may be short. */
  callingOnly?: boolean;
}

/** `client.templates`: create and list message templates (`/{waba-id}/message_templates`). */
export interface TemplatesResource {
  /** Creates a template with a call-permission-request component. Never retried. */
  createCallPermissionRequest(
    input: CreateTemplateInput,
    options?: RequestOptions,
  ): Promise<CreatedTemplate>;
  /** Creates a template with a "Call on WhatsApp" (voice_call) button. Never retried. */
  createCallInvite(
    input: CreateCallInviteTemplateInput,
    options?: RequestOptions,
  ): Promise<CreatedTemplate>;
  /** Lists templates, with the calling kind detected. Retried on transient failures. */
  list(input?: ListTemplatesInput, options?: RequestOptions): Promise<TemplatePage>;
}

const CreateResponse = z.looseObject({
  id: z.string().check(z.minLength(1)),
  status: z.optional(z.string()),
  category: z.optional(z.string()),
});
const ListResponse = z.looseObject({
  data: z.array(z.unknown()),
  paging: z.optional(
    z.looseObject({
      cursors: z.optional(z.looseObject({ after: z.optional(z.string()) })),
      next: z.optional(z.string()),
    }),
  ),
});

/** @internal Builds `client.templates`. */
export function createTemplatesResource(context: ResourceContext): TemplatesResource {
  const pathFor = (operation: string, issues = issuesFor(operation)) => {
    if (!context.wabaId) {
      issues.add('wabaId', 'is needed for templates.', 'Pass wabaId to createClient().');
    }
    return { issues, path: `${context.wabaId}/message_templates` };
  };
  const create = async (
    operation: string,
    issues: Issues,
    path: string,
    body: object,
    options?: RequestOptions,
  ) => {
    issues.throwIfAny();
    // Not repeated: a retry after a lost answer would hit "name already exists" or double-create.
    const result = await context.send(
      { operation, method: 'POST', path, body, repeatable: false },
      options,
    );
    const created = readResponse(CreateResponse, result, operation);
    return compact({
      id: created.id,
      status: created.status?.toLowerCase() ?? 'pending',
      category: created.category?.toLowerCase(),
    });
  };

  return {
    async createCallPermissionRequest(input, options) {
      const operation = 'templates.createCallPermissionRequest';
      const { issues, path } = pathFor(operation);
      checkTemplateInput(issues, 'call_permission_request', input);
      const components = [...textComponents(input), { type: 'call_permission_request' }];
      return create(operation, issues, path, templateBody(input, components), options);
    },

    async createCallInvite(input, options) {
      const operation = 'templates.createCallInvite';
      const { issues, path } = pathFor(operation);
      checkTemplateInput(issues, 'call_invite', input);
      // Meta's calling page writes the button type in lowercase; listings may show VOICE_CALL.
      const button = compact({
        type: 'voice_call',
        text: input?.buttonText ?? templateRules.buttonText.default,
        ttl_minutes: input?.ttlMinutes,
      });
      const components = [...textComponents(input), { type: 'BUTTONS', buttons: [button] }];
      return create(operation, issues, path, templateBody(input, components), options);
    },

    async list(input = {}, options) {
      const operation = 'templates.list';
      const { issues, path } = pathFor(operation);
      checkInteger(issues, 'limit', input.limit, { min: 1, max: 1000, optional: true });
      checkOneOf(issues, 'kind', input.kind, ['call_permission_request', 'call_invite'], true);
      checkLanguage(issues, 'language', input.language, true);
      issues.throwIfAny();
      const query = {
        fields: 'id,name,language,status,category,components,rejected_reason,quality_score',
        language: input.language,
        limit: input.limit === undefined ? undefined : String(input.limit),
        after: input.after,
        name: input.name,
        status: input.status?.toUpperCase(),
      };
      const result = await context.send(
        { operation, method: 'GET', path, query, repeatable: true },
        options,
      );
      const page = readResponse(ListResponse, result, operation);
      const templates = page.data.flatMap((item) => parseTemplate(item) ?? []);
      const cursor = page.paging?.next ? page.paging.cursors?.after : undefined;
      const kind = input.kind?.toLowerCase();
      const wanted = templates.filter(
        (template) =>
          (!input.callingOnly || template.kind !== undefined) &&
          (kind === undefined || template.kind === kind),
      );
      return compact({ templates: wanted, nextCursor: cursor });
    },
  };
}

// One rule set for the client and the browser editor: see templates/template-rules.ts.
function checkTemplateInput(
  issues: Issues,
  kind: TemplateDraftKind,
  input: CreateCallInviteTemplateInput | undefined,
): void {
  for (const problem of checkTemplateDraft({ ...input, kind })) {
    issues.add(problem.field, problem.message, problem.fix);
  }
}

function textComponents(input: CreateTemplateInput | undefined) {
  if (!input) return [];
  const examples = input.bodyExamples?.length
    ? { example: { body_text: [input.bodyExamples] } }
    : {};
  return [
    ...(input.header ? [{ type: 'HEADER', format: 'TEXT', text: input.header }] : []),
    { type: 'BODY', text: input.body, ...examples },
    ...(input.footer ? [{ type: 'FOOTER', text: input.footer }] : []),
  ];
}

function templateBody(input: CreateTemplateInput, components: object[]) {
  return {
    name: input?.name,
    language: input?.language,
    category: input?.category?.toUpperCase(),
    components,
  };
}
