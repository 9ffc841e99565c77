/** `POST` and `GET /{waba-id}/message_templates`: creating templates and listing them (Meta "Message templates" reference). */
import { fieldLimits } from '@wacall/core/platform';
import { isObject, type JsonObject } from '../world/json-object';
import type { StoredTemplate } from '../world/state';
import { componentType, voiceCallButtons, type TemplateStore } from '../world/template-store';
import { invalid, requireString } from './request-fields';
import { SimulatedGraphError } from './simulated-graph-error';

const categories = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

function validateComponents(value: unknown): JsonObject[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isObject)) {
    throw invalid('The parameter components is required: a non-empty array of component objects.');
  }
  const components = value as JsonObject[];
  const isPermissionRequest = components.some(
    (c) => componentType(c) === 'call_permission_request',
  );
  if (isPermissionRequest && !components.some((c) => componentType(c) === 'body')) {
    throw invalid('A call_permission_request template needs a BODY component.');
  }
  for (const button of voiceCallButtons(components)) {
    const text = button['text'];
    const maxText = fieldLimits.displayText.maxLength;
    if (typeof text !== 'string' || text === '' || text.length > maxText) {
      throw invalid(`A voice_call button needs a text of 1–${maxText} characters.`);
    }
    const ttl = button['ttl_minutes'];
    if (
      ttl !== undefined &&
      (!Number.isInteger(ttl) ||
        (ttl as number) < fieldLimits.templateTtlMinutes.min ||
        (ttl as number) > fieldLimits.templateTtlMinutes.max)
    ) {
      throw invalid(
        `voice_call ttl_minutes must be an integer from ${fieldLimits.templateTtlMinutes.min} to ${fieldLimits.templateTtlMinutes.max}; got ${JSON.stringify(ttl)}.`,
      );
    }
  }
  return components;
}

/** Validates and stores a template the way `POST /{waba-id}/message_templates` does. */
export function createTemplate(
  store: TemplateStore,
  wabaId: string,
  body: JsonObject,
): StoredTemplate {
  const name = requireString(body, 'name');
  if (!/^[a-z0-9_]+$/.test(name) || name.length > fieldLimits.templateName.maxLength) {
    throw invalid(
      `Template name "${name}" may only contain lowercase letters, digits and underscores, at most ${fieldLimits.templateName.maxLength} of them.`,
    );
  }
  const language = requireString(body, 'language');
  const category = requireString(body, 'category').toUpperCase();
  if (!categories.includes(category)) {
    throw invalid(
      `Template category must be one of ${categories.join(', ')}; got "${String(body['category'])}".`,
    );
  }
  const components = validateComponents(body['components']);
  if (store.find(wabaId, name, language) !== undefined) {
    throw new SimulatedGraphError(
      100,
      `A template named ${name} already exists in ${language}. Pick another name or language.`,
      { httpStatus: 400, type: 'OAuthException', title: 'Invalid parameter', subcode: 2388024 },
    );
  }
  return store.add(wabaId, { name, language, category, components });
}

/** A page of `GET /{waba-id}/message_templates`, with Graph's cursor paging. */
export function templatesPage(
  store: TemplateStore,
  wabaId: string,
  query: URLSearchParams,
  requestUrl: URL,
): JsonObject {
  const name = query.get('name');
  const status = query.get('status')?.toUpperCase();
  const all = store
    .list(wabaId)
    .filter(
      (t) =>
        (name === null || t.name.includes(name)) && (status === undefined || t.status === status),
    );
  const limit = Math.min(Math.max(Number(query.get('limit') ?? 25) || 25, 1), 1000);
  const after = query.get('after');
  const start =
    after === null ? 0 : Number(Buffer.from(after, 'base64url').toString('utf8')) + 1 || 0;
  const slice = all.slice(start, start + limit);
  const cursor = (index: number) => Buffer.from(String(index), 'utf8').toString('base64url');
  const data = slice.map((t) => ({
    name: t.name,
    components: structuredClone(t.components),
    language: t.language,
    status: t.status,
    category: t.category,
    rejected_reason: t.rejectedReason ?? 'NONE',
    id: t.id,
  }));
  if (slice.length === 0) return { data };
  const last = start + slice.length - 1;
  const paging: JsonObject = { cursors: { before: cursor(start), after: cursor(last) } };
  if (last < all.length - 1) {
    const next = new URL(requestUrl);
    // Graph would echo a query-string token here; the simulator never repeats a token.
    next.searchParams.delete('access_token');
    next.searchParams.set('after', cursor(last));
    paging['next'] = next.toString();
  }
  return { data, paging };
}
