// Fetching the files Meta makes of a call (recording, transcript), server side, through the client.
import { CallLifecycleError } from '../calls/call-lifecycle-error';
import type { CallRecord } from '../calls/types';
import { parseCallTranscript, type CallTranscript } from '../client/call-transcript';
import type { CallRecordingFile } from './call-recording-file';
import { getCall } from './customer-reader';
import type { FacadeContext } from './facade-context';

export type { CallRecordingFile };

/** Downloads the latest recording of a call. Throws `CallLifecycleError` when there is none (yet). */
export async function getRecording(
  context: FacadeContext,
  callId: string,
): Promise<CallRecordingFile> {
  const record = await knownCall(context, callId);
  const recording = record.recording;
  if (!recording) throw notAvailable(callId, 'recording', 'recording');
  const file = await context.client.media.download(recording.mediaId);
  return { mediaId: recording.mediaId, data: file.data, mimeType: file.mimeType };
}

/** Downloads and parses the transcript of a call. Throws `CallLifecycleError` when there is none. */
export async function getTranscript(
  context: FacadeContext,
  callId: string,
): Promise<CallTranscript> {
  const record = await knownCall(context, callId);
  const transcript = record.transcript;
  if (!transcript) throw notAvailable(callId, 'transcript', 'transcription');
  const file = await context.client.media.download(transcript.mediaId);
  return parseCallTranscript(new TextDecoder().decode(file.data));
}

async function knownCall(context: FacadeContext, callId: string): Promise<CallRecord> {
  const record = await getCall(context, callId);
  if (record) return record;
  throw new CallLifecycleError(
    'unknown_call',
    `No call ${callId} is known here. Fix: pass the callId of a call this helpdesk has seen ` +
      '(from a CallRecord or an activity).',
    { callId },
  );
}

function notAvailable(callId: string, file: string, setting: string): CallLifecycleError {
  return new CallLifecycleError(
    'media_not_available',
    `Call ${callId} has no ${file} yet. Meta sends it about a minute after the call ends, only for ` +
      `calls placed or accepted with ${setting} enabled, and keeps it 7 days. Fix: wait for the ` +
      `call.${file}_available activity, or turn ${setting} on for the next call.`,
    { callId },
  );
}
