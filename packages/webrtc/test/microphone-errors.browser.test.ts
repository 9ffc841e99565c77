import { commands } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import {
  answerIncomingCall,
  isMicrophoneDeniedError,
  isMicrophoneNotFoundError,
  MicrophoneDeniedError,
  startOutgoingCall,
} from '../src/index';

const relays: string[] = [];
afterEach(async () => {
  for (const id of relays.splice(0)) await commands.relayClose(id);
});

const failing = (name: string) => async () => {
  throw new DOMException('refused', name);
};

describe('microphone errors', () => {
  it('turns a refused permission into MicrophoneDeniedError with the fix', async () => {
    const error = await startOutgoingCall({ getUserMedia: failing('NotAllowedError') }).catch(
      (caught: unknown) => caught,
    );
    expect(isMicrophoneDeniedError(error)).toBe(true);
    expect(MicrophoneDeniedError.isInstance(error)).toBe(true);
    expect(String(error)).toContain('allow the microphone');
  });

  it('turns a missing device into MicrophoneNotFoundError on an incoming call', async () => {
    const offer = await commands.relayOffer();
    relays.push(offer.id);
    const error = await answerIncomingCall({
      offerSdp: offer.sdp,
      getUserMedia: failing('NotFoundError'),
    }).catch((caught: unknown) => caught);
    expect(isMicrophoneNotFoundError(error)).toBe(true);
    expect(isMicrophoneDeniedError(error)).toBe(false);
  });

  it('leaves a microphone track the caller passed running after hang-up', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const [track] = stream.getAudioTracks();
    if (!track) throw new Error('the fake device gave no track');
    const { session } = await startOutgoingCall({ microphone: track });
    session.hangUp();
    expect(track.readyState).toBe('live');
    track.stop();
  });
});
