import type { CallSnapshot } from '@wacall/mock';
import type { Action } from '../live-data';
import { PhoneCallAudio } from './phone-call-audio';

type CallStep = 'answer' | 'reject' | 'ignore' | 'hang-up';

export interface PhoneCallProps {
  call: CallSnapshot;
  action: Action;
  onStep: (step: CallStep) => Promise<unknown>;
}

/** The phone's call screen: a business call rings with three choices; a live call can be hung up. */
export function PhoneCall({ call, action, onStep }: PhoneCallProps) {
  const incoming = call.direction === 'business_initiated';
  const ringing = call.state === 'ringing' || call.state === 'pre_accepted';
  const title =
    call.state === 'ongoing'
      ? 'On a call with the business'
      : incoming
        ? 'The business is calling'
        : 'Calling the business…';
  const button = (step: CallStep, label: string, tone: string) => (
    <button
      type="button"
      className={`wacall-button ${tone}`}
      aria-disabled={action.pending || undefined}
      onClick={() => void action.run(() => onStep(step))}
    >
      {label}
    </button>
  );
  return (
    <section className="phone__call" aria-labelledby="phone-call-title" data-state={call.state}>
      <h3 id="phone-call-title">{title}</h3>
      <PhoneCallAudio callId={call.callId} />
      <div className="phone__buttons">
        {incoming && ringing ? (
          <>
            {button('answer', 'Answer', 'wacall-button--primary')}
            {button('reject', 'Reject', 'wacall-button--danger')}
            {button('ignore', 'Ignore', 'wacall-button--quiet')}
          </>
        ) : (
          button('hang-up', 'Hang up', 'wacall-button--danger')
        )}
      </div>
    </section>
  );
}
