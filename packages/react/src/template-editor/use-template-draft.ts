import { useMemo, useState } from 'react';
import { fieldLimits } from '@wacall/core/platform';
import {
  checkTemplateDraft,
  templatePlaceholders,
  templateRules,
  type TemplateDraft,
  type TemplateField,
} from '@wacall/core/browser';
import type { WacallMessages } from '../i18n/messages';
import type { FieldProblem } from './types';

/** Everything the form edits; optional parts are plain strings so inputs stay controlled. */
export interface EditorValues {
  kind: TemplateDraft['kind'];
  name: string;
  language: string;
  category: TemplateDraft['category'];
  header: string;
  body: string;
  bodyExamples: string[];
  footer: string;
  buttonText: string;
  ttlMinutes: number;
}

export const DEFAULT_TTL_MINUTES = fieldLimits.ttlMinutes.default;

export function initialValues(defaults: Partial<TemplateDraft> = {}, language = 'en_US') {
  return {
    kind: defaults.kind ?? 'call_permission_request',
    name: defaults.name ?? '',
    language: defaults.language ?? language,
    category: defaults.category ?? 'utility',
    header: defaults.header ?? '',
    body: defaults.body ?? '',
    bodyExamples: [...(defaults.bodyExamples ?? [])],
    footer: defaults.footer ?? '',
    buttonText: defaults.buttonText ?? templateRules.buttonText.default,
    ttlMinutes: defaults.ttlMinutes ?? DEFAULT_TTL_MINUTES,
  } satisfies EditorValues;
}

/** The draft Meta will get: empty optional parts left out, button fields only on a call button. */
export function toDraft(values: EditorValues): TemplateDraft {
  const placeholders = templatePlaceholders(values.body);
  const draft: TemplateDraft = {
    kind: values.kind,
    name: values.name.trim(),
    language: values.language,
    category: values.category,
    body: values.body,
  };
  // One sample per placeholder, blanks included, so a missing one is named by its number.
  if (placeholders.length > 0) {
    draft.bodyExamples = placeholders.map((_, i) => values.bodyExamples[i] ?? '');
  }
  if (values.header.trim()) draft.header = values.header;
  if (values.footer.trim()) draft.footer = values.footer;
  if (values.kind === 'call_invite') {
    draft.buttonText = values.buttonText;
    draft.ttlMinutes = values.ttlMinutes;
  }
  return draft;
}

/**
 * The form's state: values, which fields the agent has touched, and the problems to show. A field's
 * problems appear once it was edited (so the agent sees them while typing) or after a submit attempt.
 */
export function useTemplateDraft(
  defaults: Partial<TemplateDraft> | undefined,
  language: string,
  validateOnMount = false,
) {
  const [values, setValues] = useState<EditorValues>(() => initialValues(defaults, language));
  const [touched, setTouched] = useState<ReadonlySet<TemplateField>>(new Set());
  const [showAll, setShowAll] = useState(validateOnMount);
  const draft = useMemo(() => toDraft(values), [values]);
  const problems = useMemo(() => checkTemplateDraft(draft), [draft]);

  const update = (patch: Partial<EditorValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setTouched((current) => {
      const next = new Set(current);
      for (const key of Object.keys(patch)) next.add(key as TemplateField);
      return next;
    });
  };

  return {
    values,
    draft,
    problems,
    update,
    /** Marks every field, so every problem shows; returns whether the draft can be sent. */
    attempt: () => {
      setShowAll(true);
      return problems.length === 0;
    },
    visible: (messages: WacallMessages['templateEditor']): FieldProblem[] =>
      problems
        .filter((problem) => showAll || touched.has(problem.field) || touchedVia(problem.field))
        .map((problem) => ({
          field: problem.field,
          text: messages.problems[problem.code](problem),
          ...(problem.field === 'bodyExamples' ? { index: sampleIndex(problem.index) } : {}),
        })),
  };

  // A missing sample shows under the first empty sample field.
  function sampleIndex(index: number | undefined): number {
    if (index !== undefined) return index;
    const count = templatePlaceholders(values.body).length;
    const empty = Array.from({ length: count }, (_, i) => i).find(
      (i) => !values.bodyExamples[i]?.trim(),
    );
    return empty ?? 0;
  }

  // Sample values belong to the body: typing a placeholder shows that its sample is missing.
  function touchedVia(field: TemplateField): boolean {
    return field === 'bodyExamples' && touched.has('body');
  }
}
