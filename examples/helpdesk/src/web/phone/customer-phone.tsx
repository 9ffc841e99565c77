import { useEffect, useId, useState, type FormEvent } from 'react';
import type { PhoneOwner, PhoneState } from '../../shared/api-types';
import { api } from '../api';
import { formatDateTime } from '../format';
import { useAction, useResource, type Action } from '../live-data';
import { PhoneCall } from './phone-call';
import { PhoneInbox } from './phone-inbox';

export interface CustomerPhoneProps {
  version: number;
}

const loadOwners = () => api.phones();

/** The WhatsApp user's side, played by the simulator: pick whose phone, then act as them. */
export function CustomerPhone({ version }: CustomerPhoneProps) {
  const owners = useResource('all', loadOwners, version);
  const [waId, setWaId] = useState<string>();
  const phone = useResource(waId, api.phone, version);
  const selectId = useId();
  const first = owners.data?.[0]?.waId;

  useEffect(() => {
    if (waId === undefined && first !== undefined) setWaId(first);
  }, [waId, first]);

  return (
    <section className="pane pane--phone" aria-labelledby="phone-heading">
      <h2 id="phone-heading" className="pane__title">
        Customer phone
      </h2>
      <div className="phone__owner">
        <label htmlFor={selectId}>Phone of</label>
        <select id={selectId} value={waId ?? ''} onChange={(event) => setWaId(event.target.value)}>
          {(owners.data ?? []).map((owner: PhoneOwner) => (
            <option key={owner.waId} value={owner.waId}>
              {owner.name} (+{owner.waId})
            </option>
          ))}
        </select>
      </div>
      {phone.data ? (
        <PhoneScreen key={phone.data.waId} phone={phone.data} onChanged={phone.reload} />
      ) : (
        <p className="muted">{phone.error ?? 'Loading the phone…'}</p>
      )}
    </section>
  );
}

function PhoneScreen({ phone, onChanged }: { phone: PhoneState; onChanged: () => void }) {
  const action = useAction();
  const act = (run: () => Promise<unknown>) => run().finally(onChanged);
  const granted = phone.permission === 'temporary' || phone.permission === 'permanent';
  const activeCall = phone.activeCall;

  return (
    <div className="phone__screen" data-owner={phone.waId}>
      <dl className="facts facts--phone">
        <div>
          <dt>Calls from the business</dt>
          <dd>{phonePermissionText(phone)}</dd>
        </div>
        <div>
          <dt>Chat window</dt>
          <dd>{phone.windowOpen ? 'Open' : 'Closed'}</dd>
        </div>
      </dl>
      {activeCall && (
        <PhoneCall
          call={activeCall}
          action={action}
          onStep={(step) => act(() => api.phoneCallStep(phone.waId, activeCall.callId, step))}
        />
      )}
      <PhoneInbox
        phone={phone}
        action={action}
        onPermission={(step) => act(() => api.phonePermission(phone.waId, step))}
        onCallFromInvite={(messageId) => act(() => api.phoneCall(phone.waId, messageId))}
      />
      <ComposeMessage
        action={action}
        onSend={(text) => act(() => api.phoneMessage(phone.waId, text))}
      />
      <div className="phone__buttons">
        {!activeCall && (
          <button
            type="button"
            className="wacall-button wacall-button--primary"
            aria-disabled={action.pending || undefined}
            onClick={() => void action.run(() => act(() => api.phoneCall(phone.waId)))}
          >
            Call the business
          </button>
        )}
        {granted && (
          <button
            type="button"
            className="wacall-button wacall-button--quiet"
            aria-disabled={action.pending || undefined}
            onClick={() =>
              void action.run(() => act(() => api.phonePermission(phone.waId, 'revoke')))
            }
          >
            Revoke call permission
          </button>
        )}
      </div>
      {action.error && (
        <p role="alert" className="error">
          {action.error}
        </p>
      )}
    </div>
  );
}

/** The customer's text box: writing opens the business's 24 h conversation window. */
function ComposeMessage({
  action,
  onSend,
}: {
  action: Action;
  onSend: (text: string) => Promise<unknown>;
}) {
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const send = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    void action.run(async () => {
      await onSend(text);
      setDraft('');
    });
  };
  return (
    <form className="phone__compose" onSubmit={send}>
      <label htmlFor={inputId}>Message to the business</label>
      <input
        id={inputId}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        placeholder="Type a message"
      />
      <button type="submit" className="wacall-button" aria-disabled={action.pending || undefined}>
        Send message
      </button>
    </form>
  );
}

function phonePermissionText(phone: PhoneState): string {
  switch (phone.permission) {
    case 'permanent':
      return 'Always allowed';
    case 'temporary':
      return phone.permissionExpiresAt === undefined
        ? 'Allowed'
        : `Allowed until ${formatDateTime(phone.permissionExpiresAt)}`;
    case 'revoked':
      return phone.revokedBy === 'automatic'
        ? 'Turned off by WhatsApp after unanswered calls'
        : 'Turned off by you';
    case 'declined':
      return 'Declined';
    case 'expired':
      return 'Expired';
    default:
      return 'Not allowed';
  }
}
