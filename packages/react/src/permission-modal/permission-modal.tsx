import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { decisionSentence, describeDecision } from '../i18n/decision-text';
import { useWacallI18n } from '../i18n/messages-context';
import { Icon } from '../internal/icon';
import { LiveRegion } from '../internal/live-region';
import { useNow } from '../internal/use-now';
import type { FieldError } from './permission-form';
import { SendForm } from './send-form';
import type { PermissionModalProps } from './types';
import { usePermissionForm } from './use-permission-form';

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

// The content mounts on open and unmounts on close, so every opening starts from a clean form.
function PermissionModalContent(props: PermissionModalProps) {
  const { decisions } = props;
  const i18n = useWacallI18n(props.messages);
  const text = i18n.messages.permissionModal;
  const now = useNow(30_000, props.now);
  const contentRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  // Radix returns focus only to its own Trigger; this dialog is opened by any control, so remember it.
  const [returnFocusTo] = useState(() =>
    typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null),
  );
  const windowUntil =
    props.windowOpenUntil ?? decisions.sendPermissionRequest.permission.windowOpenUntil ?? 0;
  const windowOpen = windowUntil > now;
  const form = usePermissionForm(props, i18n, windowOpen, (field) =>
    focusField(contentRef.current, field),
  );
  const { pending, sent } = form;

  useEffect(() => {
    if (sent) doneRef.current?.focus();
  }, [sent]);

  // Closing mid-send would hide the outcome; a failure keeps the dialog open by simply not closing it.
  const holdWhilePending = (event: Event | SyntheticEvent) => {
    if (pending) event.preventDefault();
  };

  const startCall = decisions.startCall;
  const startReason =
    startCall && !startCall.allowed
      ? decisionSentence(describeDecision(startCall, i18n.messages, i18n.formats, now))
      : undefined;
  const sentText = sent === 'call_invite' ? text.inviteSent : text.requestSent;

  return (
    <Dialog.Content
      ref={contentRef}
      className="wacall-modal"
      data-send-state={form.send.status}
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
        {text.title({ name: props.customerName })}
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
            <span>{sentText}</span>
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
        <SendForm
          form={form}
          props={props}
          i18n={i18n}
          now={now}
          holdWhilePending={holdWhilePending}
        />
      )}
      <LiveRegion>{pending ? text.sending : sent ? sentText : ''}</LiveRegion>
    </Dialog.Content>
  );
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
