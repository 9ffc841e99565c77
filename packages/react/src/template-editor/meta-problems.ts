import type { TemplateField } from '@wacall/core';
import type { FieldProblem } from './types';

const fields: ReadonlySet<string> = new Set<TemplateField>([
  'name',
  'language',
  'category',
  'body',
  'bodyExamples',
  'header',
  'footer',
  'buttonText',
  'ttlMinutes',
]);

// Meta's code for "a template with this name already exists in this language".
const NAME_TAKEN_SUBCODE = 2388024;

/**
 * The field-level part of a rejected submit: `issues` of a validation error (`{ path, message, fix }`),
 * or Meta's "name already exists". Whatever names no field stays with the form-level message.
 */
export function metaProblems(error: unknown): FieldProblem[] {
  if (typeof error !== 'object' || error === null) return [];
  const { issues, subcode, message } = error as {
    issues?: unknown;
    subcode?: unknown;
    message?: unknown;
  };
  if (Array.isArray(issues)) {
    return issues.flatMap((issue: unknown) => {
      const { path, message: what, fix } = (issue ?? {}) as Record<string, unknown>;
      if (typeof path !== 'string' || !fields.has(path)) return [];
      const text = [what, fix].filter((part) => typeof part === 'string' && part).join(' ');
      return text ? [{ field: path as TemplateField, text }] : [];
    });
  }
  if (subcode === NAME_TAKEN_SUBCODE && typeof message === 'string') {
    return [{ field: 'name', text: message }];
  }
  return [];
}
