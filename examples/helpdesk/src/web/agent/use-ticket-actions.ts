import { useMemo } from 'react';
import type { CallRecord } from '@wacall/core';
import type { CallInviteInput, RequestPermissionInput } from '@wacall/react';
import type { TemplateChoice } from '../../shared/api-types';
import { api } from '../api';
import type { AgentAudio } from './use-agent-audio';

// The server needs only what identifies an approved template.
const templateChoice = (template: TemplateChoice | undefined) =>
  template ? { template: { name: template.name, language: template.language } } : {};

/**
 * The components' callbacks, each a call to the demo server's API (calls go through the agent's
 * audio, which writes the SDP). Each refreshes the ticket when it settles, so the view does not wait
 * for the live event; a refusal rejects with the server's sentence.
 */
export function useTicketActions(
  customer: string,
  audio: AgentAudio,
  onChanged: () => void,
  record = false,
) {
  return useMemo(() => {
    const after = <T>(action: Promise<T>) => action.finally(onChanged);
    return {
      startCall: () => after(audio.call(customer, { record })),
      endCall: (call: CallRecord) => after(api.endCall(call.callId)),
      acceptCall: (call: CallRecord) => after(audio.accept(call)),
      declineCall: (call: CallRecord) => after(api.declineCall(call.callId)),
      requestPermission: (input: RequestPermissionInput) =>
        after(
          api.requestPermission(customer, {
            channel: input.channel,
            ...(input.body === undefined ? {} : { body: input.body }),
            ...templateChoice(input.template),
          }),
        ),
      sendCallInvite: (input: CallInviteInput) =>
        after(
          api.sendCallInvite(customer, {
            channel: input.channel,
            ...(input.body === undefined ? {} : { body: input.body }),
            ...(input.displayText === undefined ? {} : { displayText: input.displayText }),
            ...(input.ttlMinutes === undefined ? {} : { ttlMinutes: input.ttlMinutes }),
            ...templateChoice(input.template),
          }),
        ),
    };
  }, [customer, audio, onChanged, record]);
}
