import { checkOfferSdp, normalizeSdpLineEndings } from '@wacall/core/browser';
import { createCallMediaSession, type CallMediaSession } from './call-media-session';
import { createPeerConnection } from './create-peer-connection';
import { InvalidSdpError } from './errors/invalid-sdp-error';
import { gatherCandidates } from './gather-candidates';
import type { CallMediaOptions } from './media-options';
import { openMicrophone } from './open-microphone';

export interface StartedCall {
  /** Send it with `connect` (`createWacall().startCall({ sdp })`). */
  offerSdp: string;
  /** Call `session.applyAnswer(sdp)` when the connect webhook brings Meta's answer. */
  session: CallMediaSession;
}

/**
 * Opens the agent's microphone and writes the offer for a business-initiated call: one Opus audio
 * section, SHA-256 fingerprint, `a=setup:actpass`, every candidate gathered, `\r\n` line ends.
 */
export async function startOutgoingCall(options: CallMediaOptions = {}): Promise<StartedCall> {
  const microphone = await openMicrophone(options);
  let pc: RTCPeerConnection | undefined;
  try {
    pc = createPeerConnection(options);
    const { sender } = pc.addTransceiver(microphone.track, {
      direction: 'sendrecv',
      streams: [new MediaStream([microphone.track])],
    });
    const session = createCallMediaSession({
      direction: 'outgoing',
      pc,
      sender,
      microphone,
      options,
    });
    await pc.setLocalDescription(await pc.createOffer());
    const offerSdp = normalizeSdpLineEndings(
      await gatherCandidates(pc, options.gatherTimeoutMs ?? 3000),
    );
    const problems = checkOfferSdp(offerSdp);
    if (problems.length > 0) throw new InvalidSdpError('local_offer', problems);
    return { offerSdp, session };
  } catch (error) {
    pc?.close();
    if (microphone.owned) microphone.track.stop();
    throw error;
  }
}
