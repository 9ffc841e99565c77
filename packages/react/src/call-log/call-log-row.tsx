import type { CallRecord } from '@wacall/core';
import { CallStatusBadge } from '../call-status-badge/call-status-badge';
import type { WacallI18n } from '../i18n/messages-context';
import { customerDetail, customerName } from '../internal/customer-name';
import { Icon } from '../internal/icon';

export interface CallLogRowProps {
  call: CallRecord;
  i18n: WacallI18n;
  onOpenCall?: (call: CallRecord) => void;
}

/** An empty cell: a dash to the eye, words to a screen reader. */
function Missing({ label }: { label: string }) {
  return (
    <>
      <span className="wacall-call-log__none" aria-hidden="true">
        —
      </span>
      <span className="wacall-visually-hidden">{label}</span>
    </>
  );
}

/** One call: the customer heads the row, so a screen reader names it on every cell. */
export function CallLogRow({ call, i18n, onOpenCall }: CallLogRowProps) {
  const { messages, formats } = i18n;
  const text = messages.callLog;
  const name = customerName(call.customer);
  const detail = customerDetail(call.customer);
  const incoming = call.direction === 'user_initiated';

  return (
    <tr
      className="wacall-call-log__row"
      data-status={call.status}
      data-direction={call.direction}
      data-outcome={call.outcome}
    >
      {/* Focusable from script only: after "Load more" disappears, focus lands on the first new row. */}
      <th scope="row" className="wacall-call-log__customer" tabIndex={-1}>
        {onOpenCall ? (
          <button type="button" className="wacall-link-button" onClick={() => onOpenCall(call)}>
            {name}
          </button>
        ) : (
          <span className="wacall-call-log__name">{name}</span>
        )}
        {detail && <span className="wacall-call-log__detail">{detail}</span>}
      </th>
      <td>
        <span className="wacall-call-log__direction">
          <Icon name={incoming ? 'incoming' : 'outgoing'} />
          {incoming ? text.incoming : text.outgoing}
        </span>
      </td>
      <td>
        <CallStatusBadge call={call} />
      </td>
      <td>{call.agent ? call.agent.name : <Missing label={text.noAgent} />}</td>
      <td>
        <time dateTime={new Date(call.createdAt).toISOString()}>
          {formats.exact(call.createdAt)}
        </time>
      </td>
      <td>
        {call.durationSeconds === undefined ? (
          <Missing label={text.noDuration} />
        ) : (
          <span className="wacall-call-log__duration">{formats.clock(call.durationSeconds)}</span>
        )}
      </td>
      <td>
        {call.outcome ? (
          // An outcome a newer core adds reads as its raw name until the table has a word for it.
          (text.outcome[call.outcome] ?? call.outcome)
        ) : (
          <Missing label={text.noOutcome} />
        )}
      </td>
    </tr>
  );
}
