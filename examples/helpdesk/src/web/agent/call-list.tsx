import type { CallRecord } from '@wacall/core';
import { CallStatusBadge } from '@wacall/react';
import { useAction } from '../live-data';
import { endedByText, formatDuration, formatTime, outcomeText } from '../format';

export interface CallListProps {
  calls: readonly CallRecord[];
  onAnswer: (call: CallRecord) => Promise<unknown>;
  onDecline: (call: CallRecord) => Promise<unknown>;
}

/** The customer's calls, newest first; a ringing incoming call can be answered here. */
export function CallList({ calls, onAnswer, onDecline }: CallListProps) {
  return (
    <section className="panel" aria-labelledby="calls-heading">
      <h4 id="calls-heading">Calls</h4>
      {calls.length === 0 ? (
        <p className="muted">No calls yet.</p>
      ) : (
        <ol className="calls" aria-labelledby="calls-heading">
          {calls.map((call) => (
            <li key={call.callId} className="calls__item">
              <div className="calls__line">
                <CallStatusBadge call={call} />
                <span className="muted">{formatTime(call.createdAt)}</span>
              </div>
              {call.direction === 'user_initiated' && call.status === 'ringing' && (
                <IncomingCallActions call={call} onAnswer={onAnswer} onDecline={onDecline} />
              )}
              {call.outcome && <TicketOutcome call={call} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

type IncomingCallActionsProps = Omit<CallListProps, 'calls'> & { call: CallRecord };

function IncomingCallActions({ call, onAnswer, onDecline }: IncomingCallActionsProps) {
  const action = useAction();
  return (
    <div className="calls__actions">
      <button
        type="button"
        className="wacall-button wacall-button--primary"
        aria-disabled={action.pending || undefined}
        onClick={() => void action.run(() => onAnswer(call))}
      >
        Answer call
      </button>
      <button
        type="button"
        className="wacall-button wacall-button--danger"
        aria-disabled={action.pending || undefined}
        onClick={() => void action.run(() => onDecline(call))}
      >
        Decline call
      </button>
      {action.error && (
        <p role="alert" className="error">
          {action.error}
        </p>
      )}
    </div>
  );
}

/** What the ticket records once the call is over. */
function TicketOutcome({ call }: { call: CallRecord }) {
  const endedBy = endedByText(call);
  return (
    <dl className="outcome" role="group" aria-label="Ticket outcome">
      <div>
        <dt>Outcome</dt>
        <dd>{call.outcome ? outcomeText(call.outcome) : '—'}</dd>
      </div>
      <div>
        <dt>Talk time</dt>
        <dd>{formatDuration(call.durationSeconds ?? 0)}</dd>
      </div>
      {endedBy && (
        <div>
          <dt>Ended by</dt>
          <dd>{endedBy}</dd>
        </div>
      )}
      {call.agent && (
        <div>
          <dt>Agent</dt>
          <dd>{call.agent.name}</dd>
        </div>
      )}
    </dl>
  );
}
