import { useEffect, useId, useState } from 'react';
import type { CallOffer } from '@wacall/core';
import type { WacallMessagesOverride } from '../i18n/messages';
import { useWacallI18n } from '../i18n/messages-context';
import { cx } from '../internal/cx';
import { customerDetail, customerName } from '../internal/customer-name';
import { Icon } from '../internal/icon';
import { LiveRegion } from '../internal/live-region';
import { errorText, useAsyncAction } from '../internal/use-async-action';
import { useNow } from '../internal/use-now';
import { offerAnnouncement, offerState } from './offer-state';

export interface IncomingCallOfferProps {
  /** The offer this agent was rung for (the `call.offered` event). */
  offer: CallOffer;
  /**
   * Epoch ms the call started ringing (the call's `ringingAt`), so the waiting time counts from the
   * customer's first ring even when the offer came to this agent second. Default: when it was shown.
   */
  ringingAt?: number;
  /** Takes the call (your route calls `wacall.acceptCall`); while it runs the buttons are busy. */
  onAccept: (offer: CallOffer) => Promise<unknown> | void;
  /** Passes the call on (your route calls `wacall.declineOffer`). */
  onDecline: (offer: CallOffer) => Promise<unknown> | void;
  /** Seconds left at which the ring turns urgent and says so. Default 5. */
  warnSeconds?: number;
  /** A fixed clock (epoch ms); stories and tests pass one. By default it ticks every second. */
  now?: number;
  /** Level of the "Incoming call" heading, to fit the page's outline. Default 2. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  messages?: WacallMessagesOverride;
  className?: string;
}

/**
 * The ring an offered agent sees: who is calling, how long they have waited, how long the offer
 * still rings, and Answer and Decline. It never takes focus and no key but a button press answers:
 * an agent typing elsewhere must not pick up a call by accident.
 */
export function IncomingCallOffer(props: IncomingCallOfferProps) {
  const { offer, warnSeconds = 5, headingLevel = 2 } = props;
  const i18n = useWacallI18n(props.messages);
  const text = i18n.messages.incomingOffer;
  const ids = { title: useId(), name: useId(), error: useId() };
  const now = useNow(1000, props.now);
  // Fixed on first sight of this call, so the waiting time does not restart on a re-render.
  const [shownAt, setShownAt] = useState({ callId: offer.callId, at: now });
  if (shownAt.callId !== offer.callId) setShownAt({ callId: offer.callId, at: now });
  const accept = useAsyncAction(props.onAccept);
  const decline = useAsyncAction(props.onDecline);
  const { reset: resetAccept } = accept;
  const { reset: resetDecline } = decline;
  useEffect(() => {
    resetAccept();
    resetDecline();
  }, [offer.callId, resetAccept, resetDecline]);

  const waitedSeconds = Math.max(0, (now - (props.ringingAt ?? shownAt.at)) / 1000);
  const leftSeconds = Math.max(0, Math.ceil((offer.expiresAt - now) / 1000));
  const state = offerState(accept.status, decline.status, leftSeconds, warnSeconds);
  const busy = state === 'accepting' || state === 'declining';
  const name = customerName(offer.customer);
  const number = customerDetail(offer.customer);
  const failed =
    accept.status === 'error' ? 'accept' : decline.status === 'error' ? 'decline' : undefined;
  const failure = failed
    ? [
        failed === 'accept' ? text.acceptFailed : text.declineFailed,
        errorText(failed === 'accept' ? accept.error : decline.error),
      ]
    : undefined;

  const Heading = `h${headingLevel}` as const;
  const run = (action: typeof accept) => {
    if (busy) return;
    (action === accept ? resetDecline : resetAccept)();
    void action.run(offer);
  };

  return (
    <section
      className={cx('wacall-offer', props.className)}
      // Named with the customer too, so two rings at once are two distinct landmarks.
      aria-labelledby={`${ids.title} ${ids.name}`}
      data-state={state}
      data-call-id={offer.callId}
    >
      <Heading id={ids.title} className="wacall-offer__title">
        <Icon name="phone" />
        {text.title}
      </Heading>
      <p className="wacall-offer__customer">
        <span id={ids.name} className="wacall-offer__name">
          {name}
        </span>
        {number && <span className="wacall-offer__number">{number}</span>}
      </p>
      <p className="wacall-offer__times">
        <span className="wacall-offer__waiting">
          <Icon name="clock" />
          {text.waiting({ time: i18n.formats.clock(waitedSeconds) })}
        </span>
        <span className="wacall-offer__left">
          {leftSeconds > 0
            ? text.timeLeft({ time: i18n.formats.clock(leftSeconds) })
            : text.expired}
        </span>
      </p>
      <div className="wacall-offer__actions">
        <button
          type="button"
          className="wacall-button wacall-button--primary"
          data-state={accept.status === 'pending' ? 'pending' : 'idle'}
          aria-disabled={busy || undefined}
          aria-describedby={failure ? ids.error : undefined}
          onClick={() => run(accept)}
        >
          <Icon name="phone" />
          <span>{accept.status === 'pending' ? text.accepting : text.accept}</span>
        </button>
        <button
          type="button"
          className="wacall-button wacall-button--danger"
          data-state={decline.status === 'pending' ? 'pending' : 'idle'}
          aria-disabled={busy || undefined}
          aria-describedby={failure ? ids.error : undefined}
          onClick={() => run(decline)}
        >
          <Icon name="hangUp" />
          <span>{decline.status === 'pending' ? text.declining : text.decline}</span>
        </button>
      </div>
      {failure && (
        <p id={ids.error} className="wacall-offer__error">
          {failure.filter(Boolean).join(' ')}
        </p>
      )}
      {/* An alert inserted with its text is read at once: the ring is news the agent must not miss. */}
      <span className="wacall-visually-hidden" role="alert">
        {text.announce({ customer: name })}
      </span>
      <LiveRegion>{offerAnnouncement(state, failed, warnSeconds, text)}</LiveRegion>
    </section>
  );
}
