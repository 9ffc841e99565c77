import {
  isWhatsAppApiError,
  type TemplateDraft,
  type TemplateSummary,
  type WhatsAppClient,
} from '@wacall/core';
import { checkTemplateDraft } from '@wacall/core/engine';
import type { CreatedTemplateAnswer } from '../shared/api-types';
import { HttpError, readJson } from './http-json';
import { route, type Route } from './router';

/** Approved calling templates for the permission dialog, cached; `clear()` after a review changes one. */
export interface TemplateCache {
  approved(): Promise<TemplateSummary[]>;
  clear(): void;
}

// Meta's subcode for "a template with this name already exists in this language".
const NAME_TAKEN = 2388024;

// Templates change only on review or when someone edits them in Meta's manager; a short cache spares
// the Graph API one request per ticket refresh, and a review webhook clears it at once.
const templateCacheMs = 60_000;

export function createTemplateCache(client: WhatsAppClient): TemplateCache {
  let cached: { at: number; templates: Promise<TemplateSummary[]> } | undefined;
  return {
    approved() {
      if (!client.wabaId) return Promise.resolve([]);
      const now = Date.now();
      if (!cached || now - cached.at > templateCacheMs) {
        const templates = client.templates
          .list({ callingOnly: true, status: 'approved', limit: 100 })
          .then((page) => page.templates);
        // A failed lookup is not cached, so the next refresh tries again.
        templates.catch(() => (cached = undefined));
        cached = { at: now, templates };
      }
      return cached.templates;
    },
    clear: () => void (cached = undefined),
  };
}

/** The Templates page's API: every calling template with its review status, and creating one. */
export function templateRoutes(client: WhatsAppClient): Route[] {
  const needsWaba = () => {
    if (!client.wabaId) {
      throw new HttpError(400, 'bad_request', 'Set WHATSAPP_WABA_ID to manage templates.');
    }
  };
  return [
    route('GET', '/api/templates', async (): Promise<TemplateSummary[]> => {
      if (!client.wabaId) return [];
      const page = await client.templates.list({ callingOnly: true, limit: 100 });
      return page.templates;
    }),
    route('POST', '/api/templates', async ({ req }): Promise<CreatedTemplateAnswer> => {
      needsWaba();
      const draft = (await readJson(req)) as Partial<TemplateDraft>;
      // The browser checked with the same rules; checking again here keeps the API honest on its own.
      if (draft.kind !== 'call_permission_request' && draft.kind !== 'call_invite') {
        throw new HttpError(
          400,
          'bad_request',
          'kind must be call_permission_request or call_invite.',
        );
      }
      const problems = checkTemplateDraft(draft);
      if (problems.length > 0) {
        throw new HttpError(
          400,
          'validation',
          problems.map((p) => `${p.field} ${p.message}`).join(' '),
          {
            issues: problems.map(({ field, message, fix }) => ({ path: field, message, fix })),
          },
        );
      }
      const input = draft as TemplateDraft;
      try {
        const created =
          input.kind === 'call_invite'
            ? await client.templates.createCallInvite(input)
            : await client.templates.createCallPermissionRequest(input);
        return { id: created.id, name: input.name, status: created.status };
      } catch (error) {
        // Meta's own sentence says which name is taken; the generic code meaning would not.
        if (isWhatsAppApiError(error) && error.subcode === NAME_TAKEN) {
          throw new HttpError(
            409,
            'whatsapp',
            `A template named ${input.name} already exists in ${input.language}. Pick another name.`,
            { code: error.code, subcode: error.subcode, field: 'name' },
          );
        }
        throw error;
      }
    }),
  ];
}
