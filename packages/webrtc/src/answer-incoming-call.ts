import { checkAnswerSdp, checkOfferSdp, normalizeSdpLineEndings } from '@wacall/core/browser';
import { createCallMediaSession, type CallMediaSession } from './call-media-session';
import { createPeerConnection } from './create-peer-connection';
import { InvalidSdpError } from './errors/invalid-sdp-error';
import { gatherCandidates } from './gather-candidates';
import type { CallMediaOptions } from './media-options';
import { openMicrophone } from './open-microphone';

export interface AnswerIncomingCallInput extends CallMediaOptions {
  /** `session.sdp` of the connect webhook of a user-initiated call. */
  offerSdp: string;
}

export interface AnsweredCall {
  /** Send it with both `pre_accept` and `accept` (the platform wants the same SDP twice). */
  answerSdp: string;
  session: CallMediaSession;
}

/**
 * Answers Meta's offer with the agent's microphone: one Opus audio section, a SHA-256 DTLS
 * fingerprint, `a=setup:active`, every candidate gathered, `\r\n` line ends. The browser becomes
 * ICE-controlling because Meta's relay is ICE-lite.
 */
export async function answerIncomingCall(input: AnswerIncomingCallInput): Promise<AnsweredCall> {
  const offerSdp = normalizeSdpLineEndings(input.offerSdp);
  const offerProblems = checkOfferSdp(offerSdp);
  if (offerProblems.length > 0) throw new InvalidSdpError('remote_offer', offerProblems);
  const microphone = await openMicrophone(input);
  let pc: RTCPeerConnection | undefined;
  try {
    pc = createPeerConnection(input);
    await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
    const sender = pc.addTrack(microphone.track, new MediaStream([microphone.track]));
    const session = createCallMediaSession({
      direction: 'incoming',
      pc,
      sender,
      microphone,
      options: input,
    });
    await pc.setLocalDescription(await pc.createAnswer());
    const answerSdp = normalizeSdpLineEndings(
      await gatherCandidates(pc, input.gatherTimeoutMs ?? 3000),
    );
    const problems = checkAnswerSdp(answerSdp);
    if (problems.length > 0) throw new InvalidSdpError('local_answer', problems);
    return { answerSdp, session };
  } catch (error) {
    pc?.close();
    if (microphone.owned) microphone.track.stop();
    throw error;
  }
}
