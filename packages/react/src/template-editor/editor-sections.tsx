import { useId } from 'react';
import {
  templatePlaceholders,
  type TemplateDraftKind,
  type TemplateField,
} from '@wacall/core/browser';
import type { WacallMessages } from '../i18n/messages';
import { templateRules } from '@wacall/core/browser';
import { EditorField } from './editor-field';
import type { FieldProblem } from './types';
import type { EditorValues } from './use-template-draft';

/** What each part of the editor's form needs. */
export interface SectionProps {
  values: EditorValues;
  update: (patch: Partial<EditorValues>) => void;
  problemsOf: (field: TemplateField) => FieldProblem[];
  text: WacallMessages['templateEditor'];
}

/** Permission request or call button. */
export function KindChoice({
  kinds,
  values,
  update,
  text,
}: SectionProps & { kinds: readonly TemplateDraftKind[] }) {
  const kindName = useId();
  return (
    <fieldset className="wacall-choices" data-field="kind">
      <legend className="wacall-choices__legend">{text.kindLegend}</legend>
      {kinds.map((kind) => (
        <label
          key={kind}
          className="wacall-choice"
          data-state={values.kind === kind ? 'checked' : 'unchecked'}
        >
          <input
            type="radio"
            className="wacall-choice__input"
            name={kindName}
            value={kind}
            checked={values.kind === kind}
            onChange={() => update({ kind })}
          />
          <span className="wacall-choice__body">
            <span className="wacall-choice__title">{text.kind[kind]}</span>
            <span className="wacall-choice__hint">{text.kindHint[kind]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** One sample value per placeholder of the message, and a button that adds the next placeholder. */
export function SampleFields({ values, update, problemsOf, text }: SectionProps) {
  const placeholders = templatePlaceholders(values.body);
  const addPlaceholder = () => {
    const next = Math.max(0, ...placeholders) + 1;
    const spacer = values.body === '' || values.body.endsWith(' ') ? '' : ' ';
    update({ body: `${values.body}${spacer}{{${next}}}` });
  };
  return (
    <div className="wacall-template-editor__samples" data-field="bodyExamples" tabIndex={-1}>
      <button type="button" className="wacall-button wacall-button--quiet" onClick={addPlaceholder}>
        {text.addPlaceholder}
      </button>
      {placeholders.map((number, index) => (
        <EditorField
          key={number}
          label={text.sample({ number })}
          problems={problemsOf('bodyExamples').filter((problem) => (problem.index ?? 0) === index)}
        >
          {(control) => (
            <input
              {...control}
              className="wacall-input"
              type="text"
              value={values.bodyExamples[index] ?? ''}
              onChange={(event) => {
                const next = placeholders.map((_, i) => values.bodyExamples[i] ?? '');
                next[index] = event.target.value;
                update({ bodyExamples: next });
              }}
            />
          )}
        </EditorField>
      ))}
    </div>
  );
}

/** The call button's text and how long it works. */
export function ButtonFields({
  values,
  update,
  problemsOf,
  text,
  ttlOptions,
  minutes,
}: SectionProps & { ttlOptions: readonly number[]; minutes: (total: number) => string }) {
  return (
    <div className="wacall-field-row">
      <EditorField
        label={text.buttonText}
        count={text.count({
          length: [...values.buttonText].length,
          max: templateRules.buttonText.maxLength,
        })}
        problems={problemsOf('buttonText')}
      >
        {(control) => (
          <input
            {...control}
            className="wacall-input"
            type="text"
            value={values.buttonText}
            data-field="buttonText"
            onChange={(event) => update({ buttonText: event.target.value })}
          />
        )}
      </EditorField>
      <EditorField label={text.validity} problems={problemsOf('ttlMinutes')}>
        {(control) => (
          <select
            {...control}
            className="wacall-input"
            value={values.ttlMinutes}
            data-field="ttlMinutes"
            onChange={(event) => update({ ttlMinutes: Number(event.target.value) })}
          >
            {ttlOptions.map((value) => (
              <option key={value} value={value}>
                {minutes(value)}
              </option>
            ))}
          </select>
        )}
      </EditorField>
    </div>
  );
}
