import { useId } from 'react';
import type { TemplateSummary } from '@wacall/core';
import type { WacallI18n } from '../i18n/messages-context';
import { Icon } from '../internal/icon';
import { FieldMessage } from './free-form-fields';
import { templatePlaceholders, type FieldError } from './permission-form';

interface TemplatePickerProps {
  templates: readonly TemplateSummary[];
  selectedId?: string;
  parameters: readonly string[];
  onSelect: (id: string) => void;
  onParametersChange: (parameters: string[]) => void;
  error?: FieldError;
  createHref?: string;
  onCreate?: () => void;
  i18n: WacallI18n;
  locked: boolean;
}

/** The approved templates as a radio list, or an empty state that points to template creation. */
export function TemplatePicker(props: TemplatePickerProps) {
  const { templates, selectedId, onSelect, error, createHref, onCreate, i18n, locked } = props;
  const selected = templates.find((template) => template.id === selectedId);
  const text = i18n.messages.permissionModal;
  const name = useId();
  const errorId = useId();

  if (templates.length === 0) {
    return (
      <div className="wacall-empty" data-state="empty">
        <Icon name="alert" />
        <p className="wacall-empty__text">{text.noTemplates}</p>
        {createHref ? (
          <a className="wacall-link" href={createHref}>
            {text.createTemplate}
          </a>
        ) : onCreate ? (
          <button type="button" className="wacall-button wacall-button--quiet" onClick={onCreate}>
            {text.createTemplate}
          </button>
        ) : null}
      </div>
    );
  }

  return (
    <fieldset
      className="wacall-templates"
      disabled={locked}
      aria-describedby={error?.field === 'template' ? errorId : undefined}
      data-field="template"
    >
      <legend className="wacall-field__label">{text.templateLegend}</legend>
      {templates.map((template) => {
        const checked = template.id === selectedId;
        return (
          <label
            key={template.id}
            className="wacall-template"
            data-state={checked ? 'checked' : 'unchecked'}
          >
            <input
              type="radio"
              className="wacall-choice__input"
              name={name}
              value={template.id}
              checked={checked}
              onChange={() => onSelect(template.id)}
            />
            <span className="wacall-template__body">
              <span className="wacall-template__name">
                {template.name}
                <span className="wacall-template__language">
                  {languageName(template.language, i18n.formats.locale)}
                </span>
              </span>
              {template.bodyText && (
                <span className="wacall-template__text">{template.bodyText}</span>
              )}
              {template.buttonText && (
                <span className="wacall-template__button">
                  <Icon name="phone" />
                  <span>{template.buttonText}</span>
                </span>
              )}
            </span>
          </label>
        );
      })}
      <FieldMessage id={errorId} error={error?.field === 'template' ? error : undefined} />
      {selected && (
        <TemplateParameters
          names={templatePlaceholders(selected.bodyText)}
          values={props.parameters}
          onChange={props.onParametersChange}
          error={error?.field === 'parameters' ? error : undefined}
          i18n={i18n}
          locked={locked}
        />
      )}
    </fieldset>
  );
}

interface TemplateParametersProps {
  names: readonly string[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  error?: FieldError;
  i18n: WacallI18n;
  locked: boolean;
}

/** One field per placeholder of the picked template, so the message goes out complete. */
function TemplateParameters({
  names,
  values,
  onChange,
  error,
  i18n,
  locked,
}: TemplateParametersProps) {
  const baseId = useId();
  if (names.length === 0) return null;
  const errorId = `${baseId}-error`;
  return (
    <div className="wacall-fields" data-field="parameters">
      {names.map((placeholder, index) => {
        const id = `${baseId}-${index}`;
        const missing = error !== undefined && !values[index]?.trim();
        return (
          <div key={placeholder} className="wacall-field">
            <label className="wacall-field__label" htmlFor={id}>
              {i18n.messages.permissionModal.templateParameter({ name: placeholder })}
            </label>
            <input
              id={id}
              className="wacall-input"
              type="text"
              required
              value={values[index] ?? ''}
              readOnly={locked}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? errorId : undefined}
              onChange={(event) => {
                const next = names.map((_, i) => values[i] ?? '');
                next[index] = event.target.value;
                onChange(next);
              }}
            />
          </div>
        );
      })}
      <FieldMessage id={errorId} error={error} />
    </div>
  );
}

/** "en_US" → "American English" in the UI's language, or the code itself when Intl does not know it. */
function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code.replace('_', '-')) ?? code;
  } catch {
    return code;
  }
}
