import type { SyntheticEvent } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import type { WacallI18n } from '../i18n/messages-context';
import { Icon } from '../internal/icon';
import { errorText } from '../internal/use-async-action';
import { ChoicePicker } from './choice-picker';
import { FreeFormFields } from './free-form-fields';
import { TemplatePicker } from './template-picker';
import type { PermissionModalProps } from './types';
import type { PermissionForm } from './use-permission-form';

interface SendFormProps {
  form: PermissionForm;
  props: PermissionModalProps;
  i18n: WacallI18n;
  now: number;
  holdWhilePending: (event: Event | SyntheticEvent) => void;
}

/** The choice, what goes with it (free-form fields or a template), the failure line and the actions. */
export function SendForm({ form, props, i18n, now, holdWhilePending }: SendFormProps) {
  const text = i18n.messages.permissionModal;
  const { choice, draft, pending, send } = form;
  return (
    <form className="wacall-modal__form" noValidate onSubmit={form.submit}>
      <ChoicePicker
        value={choice}
        onChange={form.pick}
        request={props.decisions.sendPermissionRequest}
        invite={props.decisions.sendCallInvite}
        i18n={i18n}
        now={now}
        locked={pending}
      />
      {!choice || !draft ? (
        <p className="wacall-modal__nothing">{text.nothingAllowed}</p>
      ) : form.channel === 'free_form' ? (
        <FreeFormFields
          choice={choice}
          draft={draft}
          onDraftChange={form.updateDraft}
          error={form.error}
          ttlOptions={form.ttlOptions}
          i18n={i18n}
          locked={pending}
        />
      ) : (
        <TemplatePicker
          templates={form.offered}
          selectedId={draft.templateId}
          parameters={draft.parameters}
          onSelect={(templateId) => form.updateDraft({ templateId, parameters: [] })}
          onParametersChange={(parameters) => form.updateDraft({ parameters })}
          error={form.error}
          createHref={props.templateCreateHref}
          onCreate={props.onCreateTemplate}
          i18n={i18n}
          locked={pending}
        />
      )}
      {send.status === 'error' && (
        <p className="wacall-modal__failure" role="alert">
          <Icon name="alert" />
          <span>{text.failed({ error: errorText(send.error) })}</span>
        </p>
      )}
      <div className="wacall-modal__actions">
        <Dialog.Close asChild>
          <button
            type="button"
            className="wacall-button wacall-button--quiet"
            aria-disabled={pending || undefined}
            onClick={holdWhilePending}
          >
            {text.cancel}
          </button>
        </Dialog.Close>
        {form.canSend && (
          <button
            type="submit"
            className="wacall-button wacall-button--primary"
            data-state={pending ? 'pending' : send.status === 'error' ? 'error' : 'idle'}
            aria-disabled={pending || undefined}
          >
            <Icon name={choice === 'call_invite' ? 'send' : 'shieldCheck'} />
            <span>
              {pending
                ? text.sending
                : choice === 'call_invite'
                  ? text.sendInvite
                  : text.sendRequest}
            </span>
          </button>
        )}
      </div>
    </form>
  );
}
