import { ActivityTimeline, CallButton } from '@wacall/react';
import type { ChatMessage, TicketDetail } from '../../shared/api-types';
import { permissionText, windowText, formatTime } from '../format';
import { CallList } from './call-list';
import type { AgentAudio } from './use-agent-audio';
import { useTicketActions } from './use-ticket-actions';

// The demo's tests (and its agents) know these buttons by their longer names.
const callButtonMessages = { callButton: { answer: 'Answer call', decline: 'Decline call' } };

export interface TicketViewProps {
  ticket: TicketDetail;
  /** The agent's microphone; its controls show in the ticket whose customer the call is with. */
  audio: AgentAudio;
  /** Called after every action, so the view does not wait for the live event to refresh. */
  onChanged: () => void;
}

/** One customer's ticket: the call button and its permission dialog, the calls, the messages, the history. */
export function TicketView({ ticket, audio, onChanged }: TicketViewProps) {
  const { customer, view } = ticket;
  const actions = useTicketActions(customer, audio, onChanged);

  return (
    <article className="ticket" aria-labelledby="ticket-name">
      <header className="ticket__header">
        <div>
          <h3 id="ticket-name">{ticket.name}</h3>
          <p className="muted">+{customer}</p>
        </div>
        <CallButton
          customer={view}
          customerName={ticket.name}
          templates={ticket.templates}
          templateCreateHref="#templates"
          onStartCall={actions.startCall}
          onEndCall={actions.endCall}
          onAnswerCall={actions.answerCall}
          onDeclineCall={actions.declineCall}
          messages={callButtonMessages}
          {...(audio.customer === customer ? { media: audio.media } : {})}
          onSendPermissionRequest={actions.requestPermission}
          onSendCallInvite={actions.sendCallInvite}
        />
      </header>
      <dl className="facts">
        <div>
          <dt>Call permission</dt>
          <dd>{permissionText(view.permission)}</dd>
        </div>
        <div>
          <dt>Conversation window</dt>
          <dd>{windowText(view.windowOpenUntil, Date.now())}</dd>
        </div>
      </dl>
      <div className="ticket__columns">
        <div className="ticket__main">
          <CallList calls={ticket.calls} />
          <CustomerMessages messages={ticket.messages} />
        </div>
        <ActivityTimeline
          className="ticket__timeline"
          activities={ticket.activities}
          headingLevel={4}
        />
      </div>
    </article>
  );
}

/** What the customer wrote; the helpdesk files it from the message webhooks. */
function CustomerMessages({ messages }: { messages: readonly ChatMessage[] }) {
  return (
    <section className="panel" aria-labelledby="messages-heading">
      <h4 id="messages-heading">Messages from the customer</h4>
      {messages.length === 0 ? (
        <p className="muted">The customer has not written yet.</p>
      ) : (
        <ol className="messages">
          {messages.map((message) => (
            <li key={message.id} className="messages__item">
              <span>{message.text}</span>
              <time className="muted" dateTime={new Date(message.at).toISOString()}>
                {formatTime(message.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
