import { checkOfferSdp, inspectSdp } from '@wacall/core/engine';
import { commands } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { isInvalidSdpError, startOutgoingCall, type CallMediaSession } from '../src/index';
import { connected, loudestLevel, packetsDuring } from './call-helpers';

const sessions: CallMediaSession[] = [];
const relays: string[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) session.hangUp();
  for (const id of relays.splice(0)) await commands.relayClose(id);
});

describe('startOutgoingCall', () => {
  it('offers one Opus audio section, connects on the answer, and audio flows both ways', async () => {
    const { offerSdp, session } = await startOutgoingCall({ levelIntervalMs: 50 });
    sessions.push(session);
    expect(checkOfferSdp(offerSdp)).toEqual([]);
    expect(inspectSdp(offerSdp).media[0]?.setup).toBe('actpass');

    const answer = await commands.relayAnswer(offerSdp);
    relays.push(answer.id);
    await session.applyAnswer(answer.sdp);
    await connected(session);
    expect(await packetsDuring(answer.id, 2000)).toBeGreaterThanOrEqual(50);
    expect(await loudestLevel(session, 400)).toBeGreaterThan(0.05);

    session.hangUp();
    expect(session.microphone.readyState).toBe('ended');
  });

  it("refuses an answer that is not Meta's SDP, and keeps the call waiting for a good one", async () => {
    const { offerSdp, session } = await startOutgoingCall();
    sessions.push(session);
    const error = await session.applyAnswer('').catch((caught: unknown) => caught);
    expect(isInvalidSdpError(error) && error.source).toBe('remote_answer');
    expect(session.peerConnection.signalingState).toBe('have-local-offer');

    const answer = await commands.relayAnswer(offerSdp);
    relays.push(answer.id);
    await session.applyAnswer(answer.sdp.replaceAll('\r\n', '\n'));
    await connected(session);
  });
});
