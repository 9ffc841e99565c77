import { IceFailedError } from './errors/ice-failed-error';

/**
 * Waits until the browser has gathered every ICE candidate (the platform does not trickle), or
 * `timeoutMs` passed with at least one; then returns the local SDP.
 */
export async function gatherCandidates(pc: RTCPeerConnection, timeoutMs: number): Promise<string> {
  if (pc.iceGatheringState !== 'complete') {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pc.removeEventListener('icegatheringstatechange', onChange);
        resolve();
      };
      const onChange = () => {
        if (pc.iceGatheringState === 'complete') done();
      };
      const timer = setTimeout(done, timeoutMs);
      pc.addEventListener('icegatheringstatechange', onChange);
    });
  }
  const sdp = pc.localDescription?.sdp ?? '';
  if (!/^a=candidate:/m.test(sdp)) throw new IceFailedError('no_candidates');
  return sdp;
}
