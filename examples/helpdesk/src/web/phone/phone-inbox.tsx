import type { InboxMessage } from '@wacall/mock';
import type { PhoneState } from '../../shared/api-types';
import { formatTime } from '../format';
import type { Action } from '../live-data';

type PermissionStep = 'accept' | 'accept-permanent' | 'decline';

export interface PhoneInboxProps {
  phone: PhoneState;
  action: Action;
  onPermission: (step: PermissionStep) => Promise<unknown>;
  onCallFromInvite: (messageId: string) => Promise<unknown>;
}

const kindLabel: Record<InboxMessage['kind'], string> = {
  text: 'Message',
  call_permission_request: 'Call permission request',
  call_permission_request_template: 'Call permission request',
  call_invite: 'Call invite',
  call_invite_template: 'Call invite',
  template: 'Message',
};

/** What the business sent, as the chat shows it; the newest permission request can be answered. */
export function PhoneInbox({ phone, action, onPermission, onCallFromInvite }: PhoneInboxProps) {
  const request = phone.pendingPermissionRequest;
  return (
    <section className="phone__inbox" aria-labelledby="phone-inbox-title">
      <h3 id="phone-inbox-title">Chat with the business</h3>
      {phone.inbox.length === 0 ? (
        <p className="muted">No messages from the business yet.</p>
      ) : (
        <ol className="phone__messages">
          {phone.inbox.map((message) => (
            <li key={message.messageId} className="phone__message" data-kind={message.kind}>
              <span className="phone__kind">{kindLabel[message.kind] ?? 'Message'}</span>
              {message.text && <span>{message.text}</span>}
              {message.templateName && (
                <span className="muted">Template {message.templateName}</span>
              )}
              <span className="muted">{formatTime(message.sentAt)}</span>
              {message.buttonText && (
                <button
                  type="button"
                  className="wacall-button"
                  aria-disabled={action.pending || undefined}
                  onClick={() => void action.run(() => onCallFromInvite(message.messageId))}
                >
                  {message.buttonText}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {request && request.answer !== 'accept' && (
        <PermissionPrompt
          declined={request.answer === 'reject'}
          action={action}
          onPermission={onPermission}
        />
      )}
    </section>
  );
}

const permissionLabels: Record<PermissionStep, string> = {
  accept: 'Allow for 7 days',
  'accept-permanent': 'Always allow',
  decline: 'Decline',
};

/** WhatsApp's answer buttons under a permission request; after a decline the customer may still allow. */
function PermissionPrompt(props: {
  declined: boolean;
  action: Action;
  onPermission: (step: PermissionStep) => Promise<unknown>;
}) {
  const { declined, action, onPermission } = props;
  const steps: PermissionStep[] = declined
    ? ['accept', 'accept-permanent']
    : ['accept', 'accept-permanent', 'decline'];
  return (
    <div className="phone__request" role="group" aria-label="Answer the call permission request">
      <p>
        {declined
          ? 'You declined. You can still allow calls until the request expires.'
          : 'The business asks to call you.'}
      </p>
      <div className="phone__buttons">
        {steps.map((step) => (
          <button
            key={step}
            type="button"
            className={`wacall-button ${step === 'decline' ? 'wacall-button--quiet' : 'wacall-button--primary'}`}
            aria-disabled={action.pending || undefined}
            onClick={() => void action.run(() => onPermission(step))}
          >
            {permissionLabels[step]}
          </button>
        ))}
      </div>
    </div>
  );
}
