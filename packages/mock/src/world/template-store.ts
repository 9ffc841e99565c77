/** Message templates per WhatsApp Business Account, and Meta's review of each. */
import { isObject, type JsonObject } from './json-object';
import type { SimulatorRandom } from './random';
import type { StoredTemplate } from './state';
import {
  automaticDecision,
  normaliseResult,
  type TemplateReviewOption,
  type TemplateReviewResult,
} from './template-review';

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

/** A component's or button's `type`, lower-cased. */
export function componentType(value: unknown): string {
  return isObject(value) ? String(value['type'] ?? '').toLowerCase() : '';
}

/** The voice_call buttons of a template's BUTTONS components. */
export function voiceCallButtons(components: readonly JsonObject[]): JsonObject[] {
  return components
    .filter((component) => componentType(component) === 'buttons')
    .flatMap((component) => (Array.isArray(component['buttons']) ? component['buttons'] : []))
    .filter((button): button is JsonObject => componentType(button) === 'voice_call');
}

export function templateCallingKind(template: StoredTemplate): TemplateCallingKind {
  if (
    template.components.some((component) => componentType(component) === 'call_permission_request')
  ) {
    return 'call_permission_request';
  }
  return voiceCallButtons(template.components).length > 0 ? 'call_invite' : undefined;
}

/** The BODY text, for showing the message on the simulated phone. */
export function templateBodyText(template: StoredTemplate): string | undefined {
  const body = template.components.find((component) => componentType(component) === 'body');
  return typeof body?.['text'] === 'string' ? body['text'] : undefined;
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

  /** Every account's templates, for saving the simulator's state. */
  entries(): [wabaId: string, templates: StoredTemplate[]][] {
    return [...this.byWaba].map(([wabaId, templates]) => [wabaId, templates]);
  }

  /**
   * Puts back an account's saved templates. A review that was still to come is decided when it falls
   * due, and the simulator is woken for it as at creation.
   */
  restore(wabaId: string, templates: readonly StoredTemplate[]): void {
    this.byWaba.set(wabaId, structuredClone([...templates]));
    const now = this.options.now();
    for (const template of templates) {
      if (template.reviewAt !== undefined && template.reviewAt > now) {
        this.options.wakeIn(template.reviewAt - now);
      }
    }
  }

  /** Stores a checked template as `PENDING`, with its automatic review scheduled. */
  add(wabaId: string, fields: Omit<StoredTemplate, 'id' | 'status'>): StoredTemplate {
    const template: StoredTemplate = {
      id: this.random.digits(16),
      name: fields.name,
      language: fields.language,
      category: fields.category,
      status: 'PENDING',
      components: structuredClone(fields.components),
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
}
