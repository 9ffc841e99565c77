import { useId } from 'react';
import type { TemplateSummary } from '@wacall/core';
import type { WacallI18n } from '../i18n/messages-context';
import { Icon } from '../internal/icon';
import { FieldMessage } from './free-form-fields';
import type { FieldError } from './permission-form';

interface TemplatePickerProps {
  templates: readonly TemplateSummary[];
  selectedId?: string;
  onSelect: (id: string) => void;
  error?: FieldError;
  createHref?: string;
  onCreate?: () => void;
  i18n: WacallI18n;
  locked: boolean;
}

/** The approved templates as a radio list, or an empty state that points to template creation. */
export function TemplatePicker(props: TemplatePickerProps) {
  const { templates, selectedId, onSelect, error, createHref, onCreate, i18n, locked } = props;
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
      aria-describedby={error ? errorId : undefined}
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
      <FieldMessage id={errorId} error={error} />
    </fieldset>
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
