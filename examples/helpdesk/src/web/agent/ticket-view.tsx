import { useState } from 'react';
import { ActivityTimeline, CallButton, type RecordingActivity } from '@wacall/react';
import { api } from '../api';
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
  const [record, setRecord] = useState(false);
  const [playing, setPlaying] = useState<string>();
  const actions = useTicketActions(customer, audio, onChanged, record);
  // The row's call id picks the file; the server fetches it from WhatsApp with its token.
  const playRecording = (activity: RecordingActivity) => setPlaying(activity.callId);

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
          onAcceptCall={actions.acceptCall}
          onDeclineCall={actions.declineCall}
          messages={callButtonMessages}
          {...(audio.customer === customer ? { media: audio.media } : {})}
          onSendPermissionRequest={actions.requestPermission}
          onSendCallInvite={actions.sendCallInvite}
        />
      </header>
      <label className="ticket__record">
        <input type="checkbox" checked={record} onChange={(e) => setRecord(e.target.checked)} />
        Record calls I place (the customer hears an announcement)
      </label>
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
        <div className="ticket__side">
          {playing && (
            <section className="panel" aria-labelledby="recording-heading">
              <h4 id="recording-heading">Call recording</h4>
              <audio
                className="ticket__recording"
                controls
                autoPlay
                src={api.recordingUrl(playing)}
                aria-labelledby="recording-heading"
              />
            </section>
          )}
          <ActivityTimeline
            className="ticket__timeline"
            activities={ticket.activities}
            headingLevel={4}
            onPlayRecording={playRecording}
          />
        </div>
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
