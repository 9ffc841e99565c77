import { inspectSdp } from '@wacall/core/engine';
import { commands } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { answerIncomingCall, isInvalidSdpError, type CallMediaSession } from '../src/index';
import { connected, loudestLevel, packetsDuring, sleep } from './call-helpers';

const sessions: CallMediaSession[] = [];
const relays: string[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) session.hangUp();
  for (const id of relays.splice(0)) await commands.relayClose(id);
});

async function answeredCall() {
  const offer = await commands.relayOffer();
  relays.push(offer.id);
  const answered = await answerIncomingCall({ offerSdp: offer.sdp, levelIntervalMs: 50 });
  sessions.push(answered.session);
  return { relayId: offer.id, ...answered };
}

describe('answerIncomingCall', () => {
  it('writes an answer the platform accepts, connects, and audio flows both ways', async () => {
    const { relayId, answerSdp, session } = await answeredCall();

    const summary = inspectSdp(answerSdp);
    expect(summary.lineEndings).toBe('crlf');
    expect(summary.media).toHaveLength(1);
    expect(summary.media[0]).toMatchObject({ kind: 'audio', setup: 'active' });
    expect(summary.media[0]?.fingerprint?.algorithm).toBe('sha-256');
    expect(summary.media[0]?.codecs.some((codec) => codec.name === 'opus')).toBe(true);
    expect(summary.media[0]?.candidates.length).toBeGreaterThan(0);

    await commands.relayAcceptAnswer(relayId, answerSdp);
    await connected(session);
    expect(await packetsDuring(relayId, 2000)).toBeGreaterThanOrEqual(50);

    const quality = await session.getQuality();
    expect(quality.packetsReceived).toBeGreaterThan(0);
    expect(quality.mos).toBeGreaterThan(4);
    expect(await loudestLevel(session, 400)).toBeGreaterThan(0.05);

    // The browser took the ICE-controlling role, as the platform requires.
    const roles = [...(await session.peerConnection.getStats()).values()]
      .filter((stat) => stat.type === 'transport')
      .map((stat) => stat.iceRole);
    expect(roles).toContain('controlling');
  });

  it('stops sending audio on mute and resumes on unmute', async () => {
    const { relayId, answerSdp, session } = await answeredCall();
    await commands.relayAcceptAnswer(relayId, answerSdp);
    await connected(session);
    session.mute();
    expect(session.muted).toBe(true);
    await sleep(300);
    expect(await packetsDuring(relayId, 1000)).toBe(0);
    session.unmute();
    await sleep(300);
    expect(await packetsDuring(relayId, 1000)).toBeGreaterThanOrEqual(25);
  });

  it('releases the microphone and the connection on hang-up, and reports it once', async () => {
    const { relayId, answerSdp, session } = await answeredCall();
    await commands.relayAcceptAnswer(relayId, answerSdp);
    await connected(session);
    const ended: string[] = [];
    session.on('ended', (event) => ended.push(event.reason));
    session.hangUp();
    session.hangUp();
    expect(session.microphone.readyState).toBe('ended');
    expect(session.peerConnection.connectionState).toBe('closed');
    expect(session.state).toBe('ended');
    expect(ended).toEqual(['hang_up']);
  });

  it('refuses a JSON-encoded offer before touching the microphone', async () => {
    const offer = await commands.relayOffer();
    relays.push(offer.id);
    let asked = false;
    const error = await answerIncomingCall({
      offerSdp: JSON.stringify({ type: 'offer', sdp: offer.sdp }),
      getUserMedia: async () => {
        asked = true;
        throw new Error('not reached');
      },
    }).catch((caught: unknown) => caught);
    expect(isInvalidSdpError(error)).toBe(true);
    expect(isInvalidSdpError(error) && error.problems.map((problem) => problem.code)).toEqual([
      'json_encoded',
    ]);
    expect(asked).toBe(false);
  });
});
