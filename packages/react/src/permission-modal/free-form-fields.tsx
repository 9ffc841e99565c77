import { useId } from 'react';
import type { WacallI18n } from '../i18n/messages-context';
import { BODY_MAX, DISPLAY_TEXT_MAX, type Draft, type FieldError } from './permission-form';
import type { PermissionModalChoice } from './types';

interface FreeFormFieldsProps {
  choice: PermissionModalChoice;
  draft: Draft;
  onDraftChange: (patch: Partial<Draft>) => void;
  error?: FieldError;
  ttlOptions: readonly number[];
  i18n: WacallI18n;
  locked: boolean;
}

/** The agent's own text; invites also get the button label and how long the button works. */
export function FreeFormFields(props: FreeFormFieldsProps) {
  const { choice, draft, onDraftChange, error, ttlOptions, i18n, locked } = props;
  const text = i18n.messages.permissionModal;
  const ids = { body: useId(), label: useId(), count: useId(), ttl: useId(), error: useId() };
  const invite = choice === 'call_invite';
  const errorFor = (field: FieldError['field']) => (error?.field === field ? error : undefined);

  return (
    <div className="wacall-fields">
      <div className="wacall-field">
        <label className="wacall-field__label" htmlFor={ids.body}>
          {text.message}
        </label>
        <textarea
          id={ids.body}
          className="wacall-input"
          rows={3}
          maxLength={BODY_MAX}
          value={draft.body}
          placeholder={invite ? text.invitePlaceholder : text.requestPlaceholder}
          readOnly={locked}
          required={invite}
          aria-invalid={errorFor('body') ? true : undefined}
          aria-describedby={errorFor('body') ? ids.error : undefined}
          data-field="body"
          onChange={(event) => onDraftChange({ body: event.target.value })}
        />
        <FieldMessage id={ids.error} error={errorFor('body')} />
      </div>
      {invite && (
        <div className="wacall-field-row">
          <div className="wacall-field">
            <label className="wacall-field__label" htmlFor={ids.label}>
              {text.buttonLabel}
            </label>
            <input
              id={ids.label}
              className="wacall-input"
              type="text"
              maxLength={DISPLAY_TEXT_MAX}
              value={draft.displayText}
              readOnly={locked}
              required
              aria-invalid={errorFor('displayText') ? true : undefined}
              aria-describedby={errorFor('displayText') ? `${ids.count} ${ids.error}` : ids.count}
              data-field="displayText"
              onChange={(event) => onDraftChange({ displayText: event.target.value })}
            />
            <span id={ids.count} className="wacall-field__hint">
              {text.buttonLabelCount({ length: draft.displayText.length, max: DISPLAY_TEXT_MAX })}
            </span>
            <FieldMessage id={ids.error} error={errorFor('displayText')} />
          </div>
          <div className="wacall-field">
            <label className="wacall-field__label" htmlFor={ids.ttl}>
              {text.validity}
            </label>
            <select
              id={ids.ttl}
              className="wacall-input"
              value={draft.ttlMinutes}
              disabled={locked}
              onChange={(event) => onDraftChange({ ttlMinutes: Number(event.target.value) })}
            >
              {ttlOptions.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {i18n.formats.minutes(minutes)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
    </div>
  );
}

export function FieldMessage({ id, error }: { id: string; error?: FieldError }) {
  if (!error) return null;
  return (
    <span id={id} className="wacall-field__error">
      {error.message}
    </span>
  );
}
