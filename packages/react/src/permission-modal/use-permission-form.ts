import { useMemo, useState, type FormEvent } from 'react';
import type { Decision } from '@wacall/core';
import type { WacallI18n } from '../i18n/messages-context';
import { useAsyncAction } from '../internal/use-async-action';
import {
  buildInput,
  channelFor,
  checkTtlOptions,
  DEFAULT_TTL_OPTIONS,
  templatesFor,
  type Draft,
  type FieldError,
} from './permission-form';
import type { PermissionModalChoice, PermissionModalProps } from './types';

const runThunk = (send: () => Promise<unknown>) => send();

/** The dialog's form: which choice, the drafts, validation, and the send in flight. */
export function usePermissionForm(
  props: PermissionModalProps,
  i18n: WacallI18n,
  windowOpen: boolean,
  focusField: (field: FieldError['field']) => void,
) {
  const { sendPermissionRequest: request, sendCallInvite: invite } = props.decisions;
  const text = i18n.messages.permissionModal;
  const ttlOptions = useMemo(
    () => checkTtlOptions(props.ttlOptions ?? DEFAULT_TTL_OPTIONS),
    [props.ttlOptions],
  );
  const [picked, setPicked] = useState(props.defaultChoice);
  const [drafts, setDrafts] = useState(() => initialDrafts(text.defaultButtonLabel, ttlOptions));
  const [error, setError] = useState<FieldError>();
  const [submitted, setSubmitted] = useState<PermissionModalChoice>();
  const send = useAsyncAction(runThunk);

  const choice = effectiveChoice(picked, request, invite);
  const channel = choice
    ? channelFor(choice === 'call_invite' ? invite : request, windowOpen)
    : undefined;
  const offered = choice ? templatesFor(choice, props.templates ?? []) : [];
  const pending = send.status === 'pending';

  const pick = (next: PermissionModalChoice) => {
    setPicked(next);
    setError(undefined);
    send.reset();
  };

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
      focusField(built.field);
      return;
    }
    setError(undefined);
    setSubmitted(built.choice);
    void send.run(() =>
      built.choice === 'permission_request'
        ? props.onSendPermissionRequest(built.input)
        : props.onSendCallInvite(built.input),
    );
  };

  return {
    choice,
    channel,
    offered,
    draft: choice ? drafts[choice] : undefined,
    error,
    ttlOptions,
    send,
    pending,
    sent: send.status === 'success' ? submitted : undefined,
    canSend: choice !== undefined && !(channel === 'template' && offered.length === 0),
    pick,
    updateDraft,
    submit,
  };
}

export type PermissionForm = ReturnType<typeof usePermissionForm>;

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
  const blank = (): Draft => ({ body: '', displayText: buttonLabel, ttlMinutes, parameters: [] });
  return { permission_request: blank(), call_invite: blank() };
}
