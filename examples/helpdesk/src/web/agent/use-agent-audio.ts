import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CallRecord } from '@wacall/core';
import { useCallMedia, type CallMediaController } from '@wacall/react';
import { api } from '../api';

/** The agent's microphone and the one call it is on, shared by every ticket of the console. */
export interface AgentAudio {
  media: CallMediaController;
  /** The customer whose call has (or last had) the agent's audio. */
  customer: string | undefined;
  /** Accepts a ringing call with the microphone: Meta's offer from the server, our SDP answer back. */
  accept(call: Pick<CallRecord, 'callId' | 'customer'>): Promise<void>;
  /** Places a call with the microphone: our offer to the server, Meta's answer applied on arrival. */
  call(customer: string, options?: { record?: boolean }): Promise<void>;
}

interface Target {
  customer: string;
  /** Ask Meta to record the call being placed. */
  record?: boolean;
  callId?: string;
  /** Set once Meta's answer to our offer was handed to the session. */
  answered?: boolean;
}

/**
 * `useCallMedia()` wired to the demo server: the browser writes the SDP, the server only relays it
 * (`acceptCall` / `startCall`), and the connect webhook's SDP comes back through `/api/calls/:id/media`.
 * `version` moves with every live event, which is when an answer or the end of the call can arrive.
 */
export function useAgentAudio(version: number): AgentAudio {
  const target = useRef<Target | undefined>(undefined);
  const [current, setCurrent] = useState<Target>();
  const media = useCallMedia({
    onAnswer: async (answerSdp) => {
      const callId = target.current?.callId;
      if (callId === undefined) throw new Error('The call to accept was forgotten; try again.');
      await api.acceptCall(callId, answerSdp);
    },
    onOffer: async (offerSdp) => {
      const customer = target.current?.customer;
      if (customer === undefined)
        throw new Error('The customer to call was forgotten; call again.');
      const call = await api.startCall(customer, offerSdp, target.current?.record === true);
      target.current = { customer, callId: call.callId };
      setCurrent(target.current);
    },
  });
  const { status, direction, applyAnswer, release } = media;
  const live = status === 'preparing' || status === 'connecting' || status === 'connected';

  useEffect(() => {
    const callId = current?.callId;
    if (!live || callId === undefined) return;
    let stale = false;
    api.callMedia(callId).then(
      (info) => {
        const now = target.current;
        if (stale || now?.callId !== info.callId) return;
        if (info.ended) return release();
        const session = info.session;
        if (direction !== 'outgoing' || now.answered || session?.sdpType !== 'answer') return;
        now.answered = true;
        // A failure lands in media.error and the in-call controls show it.
        applyAnswer(session.sdp).catch(() => {});
      },
      // The next live event asks again.
      () => {},
    );
    return () => {
      stale = true;
    };
  }, [version, current, live, direction, applyAnswer, release]);

  const accept = useCallback(
    async (call: Pick<CallRecord, 'callId' | 'customer'>) => {
      const info = await api.callMedia(call.callId);
      if (info.session?.sdpType !== 'offer') {
        throw new Error("The customer's offer has not arrived yet. Try again in a moment.");
      }
      const customer = call.customer.waId ?? call.customer.userId ?? '';
      target.current = { customer, callId: call.callId };
      setCurrent(target.current);
      await media.answer(info.session.sdp);
    },
    [media],
  );

  const placeCall = useCallback(
    async (customer: string, options: { record?: boolean } = {}) => {
      target.current = { customer, ...(options.record ? { record: true } : {}) };
      setCurrent(target.current);
      await media.start();
    },
    [media],
  );

  return useMemo(
    () => ({ media, customer: current?.customer, accept, call: placeCall }),
    [media, current, accept, placeCall],
  );
}
