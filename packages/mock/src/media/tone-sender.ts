import type { RtpHeader as RtpHeaderType, RtpPacket as RtpPacketType } from 'werift';
import { toneFrames } from './tone-frames';

/** What a tone sender needs from werift: its packet classes and a sender to hand packets to. */
export interface ToneSenderDeps {
  RtpHeader: new (props: Partial<RtpHeaderType>) => RtpHeaderType;
  RtpPacket: new (header: RtpHeaderType, payload: Buffer) => RtpPacketType;
  send: (packet: RtpPacketType) => void;
}

const frameMs = 20;
const samplesPerFrame = 960;

/**
 * Sends the looping 440 Hz Opus tone, one frame every 20 ms, until the returned function is called.
 * The sender rewrites SSRC and payload type; sequence and timestamp run on from here.
 */
export function startToneSender(deps: ToneSenderDeps): () => void {
  const frames = toneFrames.map((frame) => Buffer.from(frame, 'base64'));
  let index = 0;
  const timer = setInterval(() => {
    const header = new deps.RtpHeader({
      sequenceNumber: index & 0xffff,
      timestamp: (index * samplesPerFrame) >>> 0,
      marker: index === 0,
    });
    deps.send(new deps.RtpPacket(header, frames[index % frames.length] ?? Buffer.alloc(0)));
    index += 1;
  }, frameMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
