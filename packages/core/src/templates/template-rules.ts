// The rules Meta applies to a calling template at creation, as data and one plain function. Zod-free
// and client-free on purpose: the client checks input with it before sending, and a template editor in
// the browser (via `@wacall/core/browser`) shows the same problems while the agent types.

import { fieldLimits } from '../platform/field-limits';

/** The two calling templates: one asks for call permission, one carries a "Call on WhatsApp" button. */
export type TemplateDraftKind = 'call_permission_request' | 'call_invite';

/** A template as an editor holds it before `templates.create…()`; every field may still be wrong. */
export interface TemplateDraft {
  kind: TemplateDraftKind;
  /** Lowercase letters, digits and underscores. */
  name: string;
  /** e.g. `en_US`. */
  language: string;
  category: 'marketing' | 'utility';
  /** May hold `{{1}}`, `{{2}}`, … placeholders. */
  body: string;
  /** One sample value per placeholder, in order. */
  bodyExamples?: string[];
  header?: string;
  footer?: string;
  /** Call-button templates only. */
  buttonText?: string;
  /** Call-button templates only: how long the button works after sending. */
  ttlMinutes?: number;
}

export type TemplateField =
  | 'name'
  | 'language'
  | 'category'
  | 'body'
  | 'bodyExamples'
  | 'header'
  | 'footer'
  | 'buttonText'
  | 'ttlMinutes';

export type TemplateProblemCode =
  /** Missing or blank. */
  | 'required'
  /** Longer than `limit` characters (`length` says how long). */
  | 'too_long'
  | 'name_characters'
  | 'language_code'
  | 'category'
  /** Something that looks like a placeholder but is not `{{n}}`. */
  | 'placeholder_format'
  /** Placeholders not numbered 1, 2, … in the order they appear. */
  | 'placeholder_order'
  /** Not one sample value per placeholder (`count` given, `limit` wanted). */
  | 'examples_count'
  /** The sample value at `index` is blank. */
  | 'example_empty'
  /** Header and footer take fixed text only. */
  | 'placeholder_not_allowed'
  | 'ttl_range';

/** One thing to change before Meta will take the template. */
export interface TemplateProblem {
  field: TemplateField;
  code: TemplateProblemCode;
  /** What is wrong, in English, e.g. `is 25 characters long; the limit is 20.` */
  message: string;
  /** How to put it right, in English. */
  fix: string;
  /** The limit involved (characters, or the number of examples wanted). */
  limit?: number;
  /** The current length or count. */
  length?: number;
  /** Which sample value, for `example_empty`. */
  index?: number;
  /** A corrected value to offer, for `name_characters`; the text at fault, for `placeholder_format`. */
  suggestion?: string;
}

/** Meta's limits for calling templates at creation. */
export const templateRules = /* @__PURE__ */ readTemplateRules();

// Read from the platform table inside a function, so a bundle that never checks a template drops it.
function readTemplateRules() {
  return {
    name: { maxLength: fieldLimits.templateName.maxLength, pattern: /^[a-z0-9_]+$/ },
    language: {
      maxLength: fieldLimits.templateLanguage.maxLength,
      pattern: /^[a-z]{2,3}(_[A-Za-z]{2,4})?$/,
    },
    categories: ['marketing', 'utility'],
    header: fieldLimits.templateHeader,
    body: fieldLimits.templateBody,
    footer: fieldLimits.templateFooter,
    buttonText: fieldLimits.displayText,
    /** At creation; a send may pass `fieldLimits.ttlMinutes` (1–43 200). */
    ttlMinutes: fieldLimits.templateTtlMinutes,
  } as const;
}

const PLACEHOLDER = /\{\{(\d+)\}\}/g;
const LOOKS_LIKE_PLACEHOLDER = /\{\{[^{}]*\}\}/g;

/** The placeholder numbers of `text`, in the order they first appear: `'Hi {{1}}, {{2}}'` → `[1, 2]`. */
export function templatePlaceholders(text: string): number[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => Number(match[1])))];
}

/** `text` with each `{{n}}` replaced by `values[n - 1]`; placeholders without a value stay as they are. */
export function fillTemplatePlaceholders(text: string, values: readonly string[]): string {
  return text.replace(PLACEHOLDER, (whole, n: string) => {
    const value = values[Number(n) - 1];
    return value === undefined || value.trim() === '' ? whole : value;
  });
}

/**
 * Every problem Meta would refuse the draft for, in field order; an empty list means it can be sent.
 * Accepts anything, so it can check untyped input too.
 */
export function checkTemplateDraft(draft: Partial<TemplateDraft>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const input = (typeof draft === 'object' && draft !== null ? draft : {}) as Record<
    string,
    unknown
  >;
  if (isText(problems, 'name', input.name, templateRules.name.maxLength)) {
    if (!templateRules.name.pattern.test(input.name)) {
      const suggestion = input.name
        .toLowerCase()
        .replace(/[^a-z0-9_]+/g, '_')
        .replace(/^_+|_+$/g, '');
      problems.push({
        field: 'name',
        code: 'name_characters',
        message: 'must use only lowercase letters, digits and underscores.',
        fix: suggestion ? `Write e.g. '${suggestion}'.` : "Write e.g. 'call_permission_ask'.",
        ...(suggestion ? { suggestion } : {}),
      });
    }
  }
  if (isText(problems, 'language', input.language, templateRules.language.maxLength)) {
    if (!templateRules.language.pattern.test(input.language)) {
      problems.push({
        field: 'language',
        code: 'language_code',
        message: 'must be a language code.',
        fix: "Write e.g. 'en_US', 'en' or 'pt_BR'.",
      });
    }
  }
  const category = typeof input.category === 'string' ? input.category.toLowerCase() : undefined;
  if (!templateRules.categories.some((allowed) => allowed === category)) {
    problems.push({
      field: 'category',
      code: 'category',
      message: 'must be one of marketing, utility.',
      fix: 'Pick marketing or utility.',
    });
  }
  if (isText(problems, 'body', input.body, templateRules.body.maxLength)) {
    checkPlaceholders(problems, input.body, input.bodyExamples);
  }
  for (const field of ['header', 'footer'] as const) {
    if (input[field] === undefined || input[field] === '') continue;
    if (isText(problems, field, input[field], templateRules[field].maxLength)) {
      if (input[field].match(LOOKS_LIKE_PLACEHOLDER)) {
        problems.push({
          field,
          code: 'placeholder_not_allowed',
          message: 'cannot hold placeholders here.',
          fix: 'Use fixed text; put variables in the body.',
        });
      }
    }
  }
  if (input.kind === 'call_invite') checkButton(problems, input.buttonText, input.ttlMinutes);
  return problems;
}

function checkButton(problems: TemplateProblem[], text: unknown, ttl: unknown): void {
  if (text !== undefined) isText(problems, 'buttonText', text, templateRules.buttonText.maxLength);
  if (ttl === undefined) return;
  const { min, max } = templateRules.ttlMinutes;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < min || ttl > max) {
    problems.push({
      field: 'ttlMinutes',
      code: 'ttl_range',
      message: `must be a whole number from ${min} to ${max} minutes (1 to 30 days).`,
      fix: `Pass an integer between ${min} and ${max}.`,
    });
  }
}

// Meta wants placeholders numbered 1..n in the order they appear, and one sample value for each.
function checkPlaceholders(problems: TemplateProblem[], body: string, examples: unknown): void {
  const odd = (body.match(LOOKS_LIKE_PLACEHOLDER) ?? []).find((m) => !/^\{\{\d+\}\}$/.test(m));
  if (odd !== undefined) {
    problems.push({
      field: 'body',
      code: 'placeholder_format',
      message: `has "${odd}", which is not a placeholder.`,
      fix: 'Write placeholders as {{1}}, {{2}}, … with nothing else between the braces.',
      suggestion: odd,
    });
  }
  const numbers = templatePlaceholders(body);
  if (numbers.some((n, i) => n !== i + 1)) {
    problems.push({
      field: 'body',
      code: 'placeholder_order',
      message: `numbers its placeholders ${numbers.map((n) => `{{${n}}}`).join(', ')}.`,
      fix: 'Number them {{1}}, {{2}}, … in the order they appear, without gaps.',
    });
  }
  const list = Array.isArray(examples) ? (examples as unknown[]) : [];
  if (list.length !== numbers.length) {
    problems.push({
      field: 'bodyExamples',
      code: 'examples_count',
      message: `has ${list.length} examples for ${numbers.length} placeholders.`,
      fix: 'Give exactly one example value per placeholder, in order.',
      limit: numbers.length,
      length: list.length,
    });
    return;
  }
  list.forEach((value, index) => {
    if (typeof value === 'string' && value.trim() !== '') return;
    problems.push({
      field: 'bodyExamples',
      code: 'example_empty',
      message: `has no sample value for {{${index + 1}}}.`,
      fix: `Write a realistic value for {{${index + 1}}}, e.g. a name or an order number.`,
      index,
    });
  });
}

function isText(
  problems: TemplateProblem[],
  field: TemplateField,
  value: unknown,
  max: number,
): value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({
      field,
      code: 'required',
      message: 'must be non-empty text.',
      fix: `Write 1–${max} characters.`,
      limit: max,
    });
    return false;
  }
  const length = [...value].length;
  if (length > max) {
    problems.push({
      field,
      code: 'too_long',
      message: `is ${length} characters long; the limit is ${max}.`,
      fix: `Shorten it by ${length - max} to ${max} characters or fewer.`,
      limit: max,
      length,
    });
    return false;
  }
  return true;
}
