/* global performance, navigator, RTCPeerConnection -- this page runs in the browser */
// The page side of webrtc.bench.mjs: one accept with @wacall/webrtc, and the same connection made
// with two plain RTCPeerConnections in the page.
import { answerIncomingCall } from '@wacall/webrtc';

const gathered = (pc) =>
  pc.iceGatheringState === 'complete'
    ? Promise.resolve()
    : new Promise((resolve) =>
        pc.addEventListener('icegatheringstatechange', () => {
          if (pc.iceGatheringState === 'complete') resolve();
        }),
      );

const connected = (pc) =>
  pc.connectionState === 'connected'
    ? Promise.resolve()
    : new Promise((resolve, reject) =>
        pc.addEventListener('connectionstatechange', () => {
          if (pc.connectionState === 'connected') resolve();
          if (pc.connectionState === 'failed') reject(new Error('ICE failed'));
        }),
      );

/** Accept click → answer built → sent to the relay (through the page binding) → connected. */
globalThis.acceptOnce = async (offerSdp) => {
  const start = performance.now();
  const { answerSdp, session } = await answerIncomingCall({ offerSdp, playRemoteAudio: false });
  await globalThis.sendAnswerToRelay(answerSdp);
  await connected(session.peerConnection);
  const elapsed = performance.now() - start;
  session.hangUp();
  return elapsed;
};

/** Microphone → offer → answer → connected between two plain peer connections, both gathered fully. */
globalThis.baselineOnce = async () => {
  const start = performance.now();
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const caller = new RTCPeerConnection();
  const callee = new RTCPeerConnection();
  caller.addTrack(stream.getAudioTracks()[0], stream);
  await caller.setLocalDescription(await caller.createOffer());
  await gathered(caller);
  await callee.setRemoteDescription(caller.localDescription);
  await callee.setLocalDescription(await callee.createAnswer());
  await gathered(callee);
  await caller.setRemoteDescription(callee.localDescription);
  await Promise.all([connected(caller), connected(callee)]);
  const elapsed = performance.now() - start;
  for (const track of stream.getTracks()) track.stop();
  caller.close();
  callee.close();
  return elapsed;
};
