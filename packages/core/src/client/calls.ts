import * as z from 'zod/mini';
import { fieldLimits } from '../platform/field-limits';
import type { RequestOptions } from './client-options';
import { readResponse } from './read-response';
import { WHATSAPP, compact, type ResourceContext, type Toggle } from './resource-context';
import {
  checkCallId,
  checkLanguage,
  checkOneOf,
  checkSdp,
  checkText,
  checkUserTarget,
  issuesFor,
  type Issues,
} from './validate';

/** Asks Meta to record or transcribe a call; both parties hear an announcement. */
export interface CallCaptureOptions {
  status: Toggle;
  /** Why you record, told to the user; required when enabled, ≤ 250 characters. */
  purpose?: string;
  /** Language of the announcement, e.g. `en_US`; required when enabled. */
  announcementLanguage?: string;
}

interface ConnectCallFields {
  /** Your SDP offer. */
  sdp: string;
  /** ≤ 512 characters, echoed in the call's status and terminate webhooks. */
  bizOpaqueCallbackData?: string;
  recording?: CallCaptureOptions;
  transcription?: CallCaptureOptions;
}

/** Who to call: a phone number (`to`, digits) or a business-scoped user id (`recipient`). */
export type ConnectCallInput = ConnectCallFields &
  ({ to: string; recipient?: string } | { to?: string; recipient: string });

export interface AnswerCallInput {
  callId: string;
  /** Your SDP answer; `accept` must send the same one as `preAccept`. */
  sdp: string;
}

/**
 * What `client.calls.accept` sends. The client speaks Meta's words; the facade's `AcceptCallInput`
 * (`wacall.acceptCall`) is the helpdesk's input, hence the prefix here.
 */
export interface ClientAcceptCallInput extends AnswerCallInput {
  /** ≤ 512 characters, echoed in the terminate webhook. */
  bizOpaqueCallbackData?: string;
  recording?: CallCaptureOptions;
  transcription?: CallCaptureOptions;
}

export interface CallIdInput {
  callId: string;
}

/** `client.calls`: start, answer and end calls through `POST /{phone-number-id}/calls`. */
export interface CallsResource {
  /** Starts a business-initiated call (needs the user's call permission). Never retried. */
  connect(input: ConnectCallInput, options?: RequestOptions): Promise<{ callId: string }>;
  /** Sends your answer early so media can set up before you pick up. Never retried. */
  preAccept(input: AnswerCallInput, options?: RequestOptions): Promise<void>;
  /** Picks up an incoming call. Never retried. */
  accept(input: ClientAcceptCallInput, options?: RequestOptions): Promise<void>;
  /** Declines an incoming call. Retried on transient failures. */
  reject(input: CallIdInput, options?: RequestOptions): Promise<void>;
  /** Hangs up a call in either direction. Retried on transient failures. */
  terminate(input: CallIdInput, options?: RequestOptions): Promise<void>;
}

const ConnectResponse = z.looseObject({
  calls: z.array(z.looseObject({ id: z.string().check(z.minLength(1)) })).check(z.minLength(1)),
});
const SuccessResponse = z.looseObject({ success: z.literal(true) });

/** @internal Builds `client.calls`. */
export function createCallsResource(context: ResourceContext): CallsResource {
  const path = `${context.phoneNumberId}/calls`;
  // Repeatable only for reject/terminate: a repeated hang-up cannot ring or bill anyone.
  const post = (operation: string, body: object, repeatable: boolean, options?: RequestOptions) =>
    context.send(
      { operation, method: 'POST', path, body: { ...WHATSAPP, ...body }, repeatable },
      options,
    );
  const simple = async (
    operation: string,
    action: string,
    input: CallIdInput,
    options?: RequestOptions,
  ) => {
    const issues = issuesFor(operation);
    checkCallId(issues, input?.callId);
    issues.throwIfAny();
    const result = await post(operation, { call_id: input.callId, action }, true, options);
    readResponse(SuccessResponse, result, operation);
  };

  return {
    async connect(input, options) {
      const operation = 'calls.connect';
      const issues = issuesFor(operation);
      checkUserTarget(issues, 'to', input?.to, input?.recipient);
      checkSdp(issues, input?.sdp);
      checkExtras(issues, input ?? {});
      issues.throwIfAny();
      const body = compact({
        to: input.to,
        recipient: input.recipient,
        action: 'connect',
        session: { sdp_type: 'offer', sdp: input.sdp },
        ...extrasToWire(input),
      });
      const result = await post(operation, body, false, options);
      const parsed = readResponse(ConnectResponse, result, operation);
      return { callId: (parsed.calls[0] as { id: string }).id };
    },

    async preAccept(input, options) {
      const operation = 'calls.preAccept';
      const issues = issuesFor(operation);
      checkCallId(issues, input?.callId);
      checkSdp(issues, input?.sdp);
      issues.throwIfAny();
      const body = { call_id: input.callId, action: 'pre_accept', session: answer(input.sdp) };
      readResponse(SuccessResponse, await post(operation, body, false, options), operation);
    },

    async accept(input, options) {
      const operation = 'calls.accept';
      const issues = issuesFor(operation);
      checkCallId(issues, input?.callId);
      checkSdp(issues, input?.sdp);
      checkExtras(issues, input ?? {});
      issues.throwIfAny();
      const body = compact({
        call_id: input.callId,
        action: 'accept',
        session: answer(input.sdp),
        ...extrasToWire(input),
      });
      readResponse(SuccessResponse, await post(operation, body, false, options), operation);
    },

    reject: (input, options) => simple('calls.reject', 'reject', input, options),
    terminate: (input, options) => simple('calls.terminate', 'terminate', input, options),
  };
}

// pre_accept and accept carry the business's answer to Meta's offer, despite the docs' field tables.
const answer = (sdp: string) => ({ sdp_type: 'answer', sdp });

type Extras = Pick<ClientAcceptCallInput, 'bizOpaqueCallbackData' | 'recording' | 'transcription'>;

function checkExtras(issues: Issues, input: Extras): void {
  checkText(issues, 'bizOpaqueCallbackData', input.bizOpaqueCallbackData, {
    max: fieldLimits.bizOpaqueCallbackData.maxLength,
    optional: true,
  });
  checkCapture(issues, 'recording', input.recording);
  checkCapture(issues, 'transcription', input.transcription);
}

function checkCapture(issues: Issues, path: string, capture: CallCaptureOptions | undefined): void {
  if (capture === undefined) return;
  checkOneOf(issues, `${path}.status`, capture.status, ['enabled', 'disabled']);
  const enabled = String(capture.status).toLowerCase() === 'enabled';
  checkText(issues, `${path}.purpose`, capture.purpose, {
    max: fieldLimits.capturePurpose.maxLength,
    optional: !enabled,
  });
  checkLanguage(issues, `${path}.announcementLanguage`, capture.announcementLanguage, !enabled);
}

function extrasToWire(input: Extras) {
  const capture = (value: CallCaptureOptions | undefined) =>
    value &&
    compact({
      status: value.status.toUpperCase(),
      purpose: value.purpose,
      announcement_language: value.announcementLanguage,
    });
  return {
    biz_opaque_callback_data: input.bizOpaqueCallbackData,
    recording: capture(input.recording),
    transcription: capture(input.transcription),
  };
}
