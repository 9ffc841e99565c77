import { checkAnswerSdp, checkOfferSdp, inspectSdp } from '@wacall/core/engine';
import { RTCPeerConnection, RtpHeader, RtpPacket } from 'werift';
import { afterEach, describe, expect, it } from 'vitest';
import { startToneSender } from '../src/media/tone-sender';
import { createCloudApiSimulator, type CloudApiSimulator } from '../src/index';
import { appSecret, callAction, customerWaId, grantedCustomer, items } from './helpers';

const open: { simulator: CloudApiSimulator; business: RTCPeerConnection; stop: () => void }[] = [];
afterEach(async () => {
  for (const { simulator, business, stop } of open.splice(0)) {
    stop();
    await Promise.race([business.close(), new Promise((resolve) => setTimeout(resolve, 1000))]);
    await simulator.closeMedia();
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The business side: a full-ICE werift peer on loopback that sends the tone and counts Opus back. */
function businessPeer(simulator: CloudApiSimulator) {
  const pc = new RTCPeerConnection({
    iceServers: [],
    iceUseIpv6: false,
    iceAdditionalHostAddresses: ['127.0.0.1'],
  });
  const transceiver = pc.addTransceiver('audio', { direction: 'sendrecv' });
  let received = 0;
  transceiver.onTrack.subscribe((track) => track.onReceiveRtp.subscribe(() => (received += 1)));
  let stop = () => {};
  pc.connectionStateChange.subscribe((state) => {
    if (state !== 'connected') return;
    stop = startToneSender({
      RtpHeader,
      RtpPacket,
      send: (packet) => void transceiver.sender.sendRtp(packet),
    });
  });
  open.push({ simulator, business: pc, stop: () => stop() });
  return { pc, received: () => received };
}

async function localSdp(pc: RTCPeerConnection): Promise<string> {
  while (pc.iceGatheringState !== 'complete') await sleep(20);
  return (pc.localDescription?.sdp ?? '').replace(/\r?\n/g, '\r\n');
}

async function connected(pc: RTCPeerConnection): Promise<void> {
  for (let waited = 0; pc.connectionState !== 'connected'; waited += 20) {
    if (waited > 5000) throw new Error(`not connected: ${pc.connectionState}`);
    await sleep(20);
  }
}

describe('media: true', () => {
  it('a customer call carries a real ICE-lite offer, and audio flows both ways after accept', async () => {
    const simulator = createCloudApiSimulator({ appSecret, media: true });
    const callId = await simulator.customer(customerWaId).call();
    const offerSdp = (items(simulator, 'calls')[0]?.['session'] as { sdp: string }).sdp;
    expect(checkOfferSdp(offerSdp)).toEqual([]);
    expect(inspectSdp(offerSdp).iceLite).toBe(true);

    const business = businessPeer(simulator);
    await business.pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
    await business.pc.setLocalDescription(await business.pc.createAnswer());
    const session = { sdp_type: 'answer', sdp: await localSdp(business.pc) };
    expect(
      (await callAction(simulator, { call_id: callId, action: 'pre_accept', session })).status,
    ).toBe(200);
    expect(
      (await callAction(simulator, { call_id: callId, action: 'accept', session })).status,
    ).toBe(200);

    await connected(business.pc);
    await sleep(1500);
    const relay = simulator.callMedia(callId)?.stats();
    expect(relay?.opusPacketsReceived).toBeGreaterThanOrEqual(40);
    expect(business.received()).toBeGreaterThanOrEqual(40);

    await callAction(simulator, { call_id: callId, action: 'terminate' });
    const afterEnd = simulator.callMedia(callId)?.stats().packetsSent ?? 0;
    await sleep(200);
    expect(simulator.callMedia(callId)?.stats().packetsSent).toBe(afterEnd);
  });

  it("answers a business connect with the relay's real answer, and audio flows both ways", async () => {
    const simulator = createCloudApiSimulator({ appSecret, media: true });
    await grantedCustomer(simulator);
    const business = businessPeer(simulator);
    await business.pc.setLocalDescription(await business.pc.createOffer());
    const reply = await callAction(simulator, {
      to: customerWaId,
      action: 'connect',
      session: { sdp_type: 'offer', sdp: await localSdp(business.pc) },
    });
    const callId = (reply.body['calls'] as { id: string }[])[0]?.id ?? '';
    const connect = items(simulator, 'calls').find((item) => item['event'] === 'connect');
    const answerSdp = (connect?.['session'] as { sdp: string }).sdp;
    expect(checkAnswerSdp(answerSdp, { from: 'platform' })).toEqual([]);

    await business.pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
    await connected(business.pc);
    await sleep(1500);
    expect(simulator.callMedia(callId)?.stats().opusPacketsReceived).toBeGreaterThanOrEqual(40);
    expect(business.received()).toBeGreaterThanOrEqual(40);
  });

  it('keeps signalling-only SDPs and no peers when media is off', async () => {
    const simulator = createCloudApiSimulator({ appSecret });
    const callId = await simulator.customer(customerWaId).call();
    expect(simulator.callMedia(callId)).toBeUndefined();
  });
});
