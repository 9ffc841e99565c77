import type { CallRecord } from '@wacall/core';
import { CallStatusBadge } from '@wacall/react';
import { endedByText, formatDuration, formatTime, outcomeText } from '../format';

export interface CallListProps {
  calls: readonly CallRecord[];
}

/** The customer's calls, newest first, each with its outcome once over (the call button answers). */
export function CallList({ calls }: CallListProps) {
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
              {call.outcome && <TicketOutcome call={call} />}
            </li>
          ))}
        </ol>
      )}
    </section>
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
