import { useEffect, useMemo, useRef, useState, type FormEvent, type SyntheticEvent } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import type { Decision } from '@wacall/core';
import { decisionSentence, describeDecision } from '../i18n/decision-text';
import { useWacallI18n } from '../i18n/messages-context';
import { Icon } from '../internal/icon';
import { LiveRegion } from '../internal/live-region';
import { errorText, useAsyncAction } from '../internal/use-async-action';
import { useNow } from '../internal/use-now';
import { ChoicePicker } from './choice-picker';
import { FreeFormFields } from './free-form-fields';
import {
  buildInput,
  channelFor,
  checkTtlOptions,
  DEFAULT_TTL_OPTIONS,
  templatesFor,
  type Draft,
  type FieldError,
} from './permission-form';
import { TemplatePicker } from './template-picker';
import type { PermissionModalChoice, PermissionModalProps } from './types';

/**
 * The dialog that opens when the agent may not call yet: send a permission request or a call invite,
 * free-form while the conversation window is open, from a template when it is closed.
 */
export function PermissionModal(props: PermissionModalProps) {
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange} modal={props.modal ?? true}>
      <Dialog.Portal container={props.container}>
        <Dialog.Overlay className="wacall-overlay" />
        <PermissionModalContent {...props} />
      </Dialog.Portal>
    </Dialog.Root>
  );
}

const runThunk = (send: () => Promise<unknown>) => send();

// The content mounts on open and unmounts on close, so every opening starts from a clean form.
function PermissionModalContent(props: PermissionModalProps) {
  const {
    decisions,
    customerName,
    templates = [],
    onSendPermissionRequest,
    onSendCallInvite,
  } = props;
  const { sendPermissionRequest: request, sendCallInvite: invite, startCall } = decisions;
  const i18n = useWacallI18n(props.messages);
  const text = i18n.messages.permissionModal;
  const now = useNow(30_000, props.now);
  const ttlOptions = useMemo(
    () => checkTtlOptions(props.ttlOptions ?? DEFAULT_TTL_OPTIONS),
    [props.ttlOptions],
  );
  const [picked, setPicked] = useState(props.defaultChoice);
  const [drafts, setDrafts] = useState(() => initialDrafts(text.defaultButtonLabel, ttlOptions));
  const [error, setError] = useState<FieldError>();
  const [submitted, setSubmitted] = useState<PermissionModalChoice>();
  const send = useAsyncAction(runThunk);
  const contentRef = useRef<HTMLDivElement>(null);
  // Radix returns focus only to its own Trigger; this dialog is opened by any control, so remember it.
  const [returnFocusTo] = useState(() =>
    typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null),
  );
  const doneRef = useRef<HTMLButtonElement>(null);

  const windowUntil = props.windowOpenUntil ?? request.permission.windowOpenUntil ?? 0;
  const windowOpen = windowUntil > now;
  const choice = effectiveChoice(picked, request, invite);
  const decision = choice === 'call_invite' ? invite : request;
  const channel = choice ? channelFor(decision, windowOpen) : undefined;
  const offered = choice ? templatesFor(choice, templates) : [];
  const pending = send.status === 'pending';
  const sent = send.status === 'success' ? submitted : undefined;
  const canSend = choice !== undefined && !(channel === 'template' && offered.length === 0);

  useEffect(() => {
    if (sent) doneRef.current?.focus();
  }, [sent]);

  const updateDraft = (patch: Partial<Draft>) => {
    if (!choice) return;
    setDrafts((current) => ({ ...current, [choice]: { ...current[choice], ...patch } }));
    setError(undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice || !channel || pending) return;
    const built = buildInput(choice, channel, drafts[choice], offered, text);
    if ('field' in built) {
      setError(built);
      focusField(contentRef.current, built.field);
      return;
    }
    setError(undefined);
    setSubmitted(built.choice);
    void send.run(() =>
      built.choice === 'permission_request'
        ? onSendPermissionRequest(built.input)
        : onSendCallInvite(built.input),
    );
  };

  // Closing mid-send would hide the outcome; a failure keeps the dialog open by simply not closing it.
  const holdWhilePending = (event: Event | SyntheticEvent) => {
    if (pending) event.preventDefault();
  };

  const startReason =
    startCall && !startCall.allowed
      ? decisionSentence(describeDecision(startCall, i18n.messages, i18n.formats, now))
      : undefined;
  const announcement = pending
    ? text.sending
    : sent === 'permission_request'
      ? text.requestSent
      : sent === 'call_invite'
        ? text.inviteSent
        : '';

  return (
    <Dialog.Content
      ref={contentRef}
      className="wacall-modal"
      data-send-state={send.status}
      aria-busy={pending || undefined}
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        focusFirst(contentRef.current);
      }}
      onCloseAutoFocus={(event) => {
        if (returnFocusTo?.isConnected && returnFocusTo !== document.body) {
          event.preventDefault();
          returnFocusTo.focus();
        }
      }}
      onEscapeKeyDown={holdWhilePending}
      onPointerDownOutside={holdWhilePending}
      onInteractOutside={holdWhilePending}
    >
      <Dialog.Title className="wacall-modal__title">
        {text.title({ name: customerName })}
      </Dialog.Title>
      <Dialog.Description className="wacall-modal__description">
        {text.description}
      </Dialog.Description>
      {startReason && <p className="wacall-modal__reason">{startReason}</p>}
      <p className="wacall-modal__window" data-window={windowOpen ? 'open' : 'closed'}>
        <Icon name="clock" />
        <span>
          {windowOpen
            ? text.windowOpen({ until: i18n.formats.exact(windowUntil) })
            : text.windowClosed}
        </span>
      </p>
      {sent ? (
        <div className="wacall-modal__sent" data-state="sent">
          <p className="wacall-modal__sent-text">
            <Icon name="check" />
            <span>{sent === 'permission_request' ? text.requestSent : text.inviteSent}</span>
          </p>
          <div className="wacall-modal__actions">
            <Dialog.Close asChild>
              <button ref={doneRef} type="button" className="wacall-button wacall-button--primary">
                {text.done}
              </button>
            </Dialog.Close>
          </div>
        </div>
      ) : (
        <form className="wacall-modal__form" noValidate onSubmit={submit}>
          <ChoicePicker
            value={choice}
            onChange={(next) => {
              setPicked(next);
              setError(undefined);
              send.reset();
            }}
            request={request}
            invite={invite}
            i18n={i18n}
            now={now}
            locked={pending}
          />
          {!choice ? (
            <p className="wacall-modal__nothing">{text.nothingAllowed}</p>
          ) : channel === 'free_form' ? (
            <FreeFormFields
              choice={choice}
              draft={drafts[choice]}
              onDraftChange={updateDraft}
              error={error}
              ttlOptions={ttlOptions}
              i18n={i18n}
              locked={pending}
            />
          ) : (
            <TemplatePicker
              templates={offered}
              selectedId={drafts[choice].templateId}
              onSelect={(templateId) => updateDraft({ templateId })}
              error={error}
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
            {canSend && (
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
      )}
      <LiveRegion>{announcement}</LiveRegion>
    </Dialog.Content>
  );
}

/** The picked choice while the engine allows it, else the first allowed one (request before invite). */
function effectiveChoice(
  picked: PermissionModalChoice | undefined,
  request: Decision,
  invite: Decision,
): PermissionModalChoice | undefined {
  if (picked === 'permission_request' && request.allowed) return picked;
  if (picked === 'call_invite' && invite.allowed) return picked;
  if (request.allowed) return 'permission_request';
  if (invite.allowed) return 'call_invite';
  return undefined;
}

function initialDrafts(
  buttonLabel: string,
  ttlOptions: readonly number[],
): Record<PermissionModalChoice, Draft> {
  // Seven days is the platform's own default validity; otherwise the longest offered.
  const ttlMinutes = ttlOptions.includes(10080) ? 10080 : Math.max(...ttlOptions);
  const blank: Draft = { body: '', displayText: buttonLabel, ttlMinutes };
  return { permission_request: blank, call_invite: { ...blank } };
}

// The selected choice is the safe first stop: nothing is sent until the agent confirms.
function focusFirst(content: HTMLElement | null) {
  const target =
    content?.querySelector<HTMLElement>('input[type="radio"]:checked:not(:disabled)') ??
    content?.querySelector<HTMLElement>('button:not([aria-disabled="true"])');
  (target ?? content)?.focus();
}

// A radio group is reached through its first radio; a text field directly.
function focusField(content: HTMLElement | null, field: FieldError['field']) {
  const holder = content?.querySelector<HTMLElement>(`[data-field="${field}"]`);
  (holder?.querySelector<HTMLElement>('input') ?? holder)?.focus();
}
