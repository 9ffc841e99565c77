/** Message templates per WhatsApp Business Account: `POST`/`GET /{waba-id}/message_templates`. */
import type { SimulatorRandom } from './random';
import { SimulatedGraphError } from '../graph/simulated-graph-error';
import { invalid, isObject, requireString, type JsonObject } from '../graph/request-fields';
import {
  automaticDecision,
  normaliseResult,
  type TemplateReviewOption,
  type TemplateReviewResult,
} from './template-review';

export interface StoredTemplate {
  id: string;
  name: string;
  language: string;
  category: string;
  /** Meta's spelling: `PENDING`, `APPROVED`, `REJECTED`, `PAUSED`… */
  status: string;
  components: JsonObject[];
  /** Why the review rejected it (Meta's `rejected_reason`). */
  rejectedReason?: string;
  /** When the automatic review decides (simulated epoch ms); absent once decided or when manual. */
  reviewAt?: number;
}

/** A template whose status changed, with its account: the makings of a status webhook. */
export interface TemplateChange {
  wabaId: string;
  template: StoredTemplate;
}

export interface TemplateStoreOptions {
  review: () => TemplateReviewOption;
  now: () => number;
  /** Asks to be woken `ms` from now (real time), so a delayed review happens without other traffic. */
  wakeIn: (ms: number) => void;
}

/** What a template does for calling, read case-insensitively from its components. */
export type TemplateCallingKind = 'call_permission_request' | 'call_invite' | undefined;

const categories = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

function typeOf(value: unknown): string {
  return isObject(value) ? String(value['type'] ?? '').toLowerCase() : '';
}

function voiceCallButtons(components: readonly JsonObject[]): JsonObject[] {
  return components
    .filter((component) => typeOf(component) === 'buttons')
    .flatMap((component) => (Array.isArray(component['buttons']) ? component['buttons'] : []))
    .filter((button): button is JsonObject => typeOf(button) === 'voice_call');
}

export function templateCallingKind(template: StoredTemplate): TemplateCallingKind {
  if (template.components.some((component) => typeOf(component) === 'call_permission_request')) {
    return 'call_permission_request';
  }
  return voiceCallButtons(template.components).length > 0 ? 'call_invite' : undefined;
}

/** The BODY text, for showing the message on the simulated phone. */
export function templateBodyText(template: StoredTemplate): string | undefined {
  const body = template.components.find((component) => typeOf(component) === 'body');
  return typeof body?.['text'] === 'string' ? body['text'] : undefined;
}

function validateComponents(value: unknown): JsonObject[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isObject)) {
    throw invalid('The parameter components is required: a non-empty array of component objects.');
  }
  const components = value as JsonObject[];
  const isPermissionRequest = components.some((c) => typeOf(c) === 'call_permission_request');
  if (isPermissionRequest && !components.some((c) => typeOf(c) === 'body')) {
    throw invalid('A call_permission_request template needs a BODY component.');
  }
  for (const button of voiceCallButtons(components)) {
    const text = button['text'];
    if (typeof text !== 'string' || text === '' || text.length > 20) {
      throw invalid('A voice_call button needs a text of 1–20 characters.');
    }
    const ttl = button['ttl_minutes'];
    if (
      ttl !== undefined &&
      (!Number.isInteger(ttl) || (ttl as number) < 1440 || (ttl as number) > 43200)
    ) {
      throw invalid(
        `voice_call ttl_minutes must be an integer from 1440 to 43200; got ${JSON.stringify(ttl)}.`,
      );
    }
  }
  return components;
}

export class TemplateStore {
  private readonly byWaba = new Map<string, StoredTemplate[]>();

  constructor(
    private readonly random: SimulatorRandom,
    private readonly options: TemplateStoreOptions,
  ) {}

  list(wabaId: string): StoredTemplate[] {
    return this.byWaba.get(wabaId) ?? [];
  }

  find(wabaId: string, name: string, language: string): StoredTemplate | undefined {
    return this.list(wabaId).find((t) => t.name === name && t.language === language);
  }

  /** Validates and stores a template the way `POST /{waba-id}/message_templates` does. */
  create(wabaId: string, body: JsonObject): StoredTemplate {
    const name = requireString(body, 'name');
    if (!/^[a-z0-9_]{1,512}$/.test(name)) {
      throw invalid(
        `Template name "${name}" may only contain lowercase letters, digits and underscores.`,
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
    if (this.find(wabaId, name, language) !== undefined) {
      throw new SimulatedGraphError(
        100,
        `A template named ${name} already exists in ${language}. Pick another name or language.`,
        { httpStatus: 400, type: 'OAuthException', title: 'Invalid parameter', subcode: 2388024 },
      );
    }
    const template: StoredTemplate = {
      id: this.random.digits(16),
      name,
      language,
      category,
      status: 'PENDING',
      components: structuredClone(components),
    };
    const review = this.options.review();
    if (review !== 'manual') {
      const delay =
        typeof review.delayMs === 'function' ? review.delayMs(template) : review.delayMs;
      const delayMs = Number.isFinite(delay) ? Math.max(0, delay ?? 0) : 0;
      template.reviewAt = this.options.now() + delayMs;
      if (delayMs > 0) this.options.wakeIn(delayMs);
    }
    this.byWaba.set(wabaId, [...this.list(wabaId), template]);
    return template;
  }

  /** Decides every automatic review that is due by now. */
  settleDue(): TemplateChange[] {
    const review = this.options.review();
    const now = this.options.now();
    const changes: TemplateChange[] = [];
    for (const [wabaId, templates] of this.byWaba) {
      for (const template of templates) {
        if (template.reviewAt === undefined || template.reviewAt > now) continue;
        const decision =
          review === 'manual' ? normaliseResult('approved') : automaticDecision(review, template);
        this.decide(template, decision.outcome.toUpperCase(), decision.reason);
        changes.push({ wabaId, template });
      }
    }
    return changes;
  }

  /** Ends the review of a template (every language of `name`): approved, or rejected with a reason. */
  review(wabaId: string, name: string, result: TemplateReviewResult): TemplateChange[] {
    const { outcome, reason } = normaliseResult(result);
    return this.setStatus(wabaId, name, outcome, reason);
  }

  /** Changes a template's status (e.g. `APPROVED`, `REJECTED`, `PAUSED`); all languages of `name`. */
  setStatus(wabaId: string, name: string, status: string, reason?: string): TemplateChange[] {
    const matching = this.list(wabaId).filter((template) => template.name === name);
    for (const template of matching) this.decide(template, status.toUpperCase(), reason);
    return matching.map((template) => ({ wabaId, template }));
  }

  private decide(template: StoredTemplate, status: string, reason: string | undefined): void {
    template.status = status;
    delete template.reviewAt;
    if (reason === undefined) delete template.rejectedReason;
    else template.rejectedReason = reason;
  }

  /** A page of `GET /{waba-id}/message_templates`, with Graph's cursor paging. */
  page(wabaId: string, query: URLSearchParams, requestUrl: URL): JsonObject {
    const name = query.get('name');
    const status = query.get('status')?.toUpperCase();
    const all = this.list(wabaId).filter(
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
}
