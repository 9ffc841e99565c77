import { useId } from 'react';
import type { Decision } from '@wacall/core';
import { decisionSentence, describeDecision } from '../i18n/decision-text';
import type { WacallI18n } from '../i18n/messages-context';
import { Icon } from '../internal/icon';
import { requestQuota } from './permission-form';
import type { PermissionModalChoice } from './types';

interface ChoicePickerProps {
  value: PermissionModalChoice | undefined;
  onChange: (choice: PermissionModalChoice) => void;
  request: Decision;
  invite: Decision;
  i18n: WacallI18n;
  now: number;
  /** Locked while a message is being sent. */
  locked: boolean;
}

/** The two choices as a radio group; a choice the engine refuses is disabled with its reason. */
export function ChoicePicker({
  value,
  onChange,
  request,
  invite,
  i18n,
  now,
  locked,
}: ChoicePickerProps) {
  const text = i18n.messages.permissionModal;
  const name = useId();
  return (
    <fieldset className="wacall-choices" disabled={locked}>
      <legend className="wacall-choices__legend">{text.choiceLegend}</legend>
      <ChoiceOption
        name={name}
        choice="permission_request"
        checked={value === 'permission_request'}
        onChange={onChange}
        decision={request}
        title={text.permissionRequest}
        hint={text.permissionRequestHint}
        extra={request.allowed ? text.quota(requestQuota(request.usage)) : undefined}
        icon="shieldCheck"
        i18n={i18n}
        now={now}
      />
      <ChoiceOption
        name={name}
        choice="call_invite"
        checked={value === 'call_invite'}
        onChange={onChange}
        decision={invite}
        title={text.callInvite}
        hint={text.callInviteHint}
        icon="send"
        i18n={i18n}
        now={now}
      />
    </fieldset>
  );
}

interface ChoiceOptionProps {
  name: string;
  choice: PermissionModalChoice;
  checked: boolean;
  onChange: (choice: PermissionModalChoice) => void;
  decision: Decision;
  title: string;
  hint: string;
  extra?: string;
  icon: 'shieldCheck' | 'send';
  i18n: WacallI18n;
  now: number;
}

function ChoiceOption(props: ChoiceOptionProps) {
  const { name, choice, checked, onChange, decision, title, hint, extra, icon, i18n, now } = props;
  const hintId = useId();
  const blocked = decision.allowed
    ? undefined
    : decisionSentence(describeDecision(decision, i18n.messages, i18n.formats, now));
  return (
    <label
      className="wacall-choice"
      data-state={checked ? 'checked' : 'unchecked'}
      data-disabled={decision.allowed ? undefined : ''}
      data-choice={choice}
    >
      <input
        type="radio"
        className="wacall-choice__input"
        name={name}
        value={choice}
        checked={checked}
        disabled={!decision.allowed}
        aria-describedby={hintId}
        onChange={() => onChange(choice)}
      />
      <span className="wacall-choice__body">
        <span className="wacall-choice__title">
          <Icon name={icon} />
          <span>{title}</span>
        </span>
        <span id={hintId} className="wacall-choice__hint">
          <span>{hint}</span>
          {extra && <span className="wacall-choice__quota">{extra}</span>}
          {blocked && <span className="wacall-choice__reason">{blocked}</span>}
        </span>
      </span>
    </label>
  );
}
