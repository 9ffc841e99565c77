import { keepCandidates } from './loopback-candidates';
import { startToneSender } from './tone-sender';
import { loadWerift } from './load-werift';

export interface MediaPeerOptions {
  /** Send the looping 440 Hz test tone once connected. Default `true`. */
  tone?: boolean;
  /**
   * The only addresses offered as ICE candidates. Default `['127.0.0.1']`: media never leaves the
   * machine, which is what tests want. Add another host address to reach a browser elsewhere.
   */
  hostAddresses?: readonly string[];
}

/** RTP counters of one simulated call leg. */
export interface MediaStats {
  /** Every RTP packet received from the business side. */
  packetsReceived: number;
  /** Those carrying the negotiated Opus payload type. */
  opusPacketsReceived: number;
  /** Payload bytes received. */
  bytesReceived: number;
  /** Tone packets handed to the transport. */
  packetsSent: number;
}

/** The ICE + DTLS state of the peer, as `RTCPeerConnection.connectionState` names it. */
export type MediaConnectionState =
  'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';

/**
 * A real WebRTC peer that plays Meta's relay: ICE-lite (so the business side must be
 * ICE-controlling), Opus only, sends a test tone and counts what it receives.
 */
export interface MediaPeer {
  /** An offer as Meta writes it for an incoming call (`a=ice-lite`, candidates gathered, `\r\n`). */
  createOffer(): Promise<string>;
  /** Applies the business's answer to `createOffer()`. */
  acceptAnswer(answerSdp: string): Promise<void>;
  /** Answers a business offer (`connect`), as Meta does. */
  answer(offerSdp: string): Promise<string>;
  readonly connectionState: MediaConnectionState;
  /** Resolves once ICE and DTLS are up; rejects after `timeoutMs` (default 10 000). */
  waitUntilConnected(timeoutMs?: number): Promise<void>;
  /** A copy of the counters. */
  stats(): MediaStats;
  close(): Promise<void>;
}

/**
 * Starts a simulated relay peer (werift, pure TypeScript). Loaded on first use, so the
 * signalling-only simulator never imports it (werift is an optional peer dependency).
 */
export async function createMediaPeer(options: MediaPeerOptions = {}): Promise<MediaPeer> {
  const werift = await loadWerift();
  const hostAddresses = options.hostAddresses ?? ['127.0.0.1'];
  const opus = new werift.RTCRtpCodecParameters({
    mimeType: 'audio/opus',
    clockRate: 48000,
    channels: 2,
    payloadType: 111,
  });
  const pc = new werift.RTCPeerConnection({
    iceLite: true,
    // No STUN: Meta offers host candidates only, and tests must not reach the network.
    iceServers: [],
    iceUseIpv6: false,
    iceAdditionalHostAddresses: [...hostAddresses],
    codecs: { audio: [opus], video: [] },
  });
  const transceiver = pc.addTransceiver('audio', { direction: 'sendrecv' });
  const counters: MediaStats = {
    packetsReceived: 0,
    opusPacketsReceived: 0,
    bytesReceived: 0,
    packetsSent: 0,
  };
  transceiver.onTrack.subscribe((track) => {
    track.onReceiveRtp.subscribe((packet) => {
      counters.packetsReceived += 1;
      counters.bytesReceived += packet.payload.length;
      const negotiated = transceiver.codecs.find(
        (codec) => codec.mimeType.toLowerCase() === 'audio/opus',
      );
      if (packet.header.payloadType === (negotiated?.payloadType ?? opus.payloadType)) {
        counters.opusPacketsReceived += 1;
      }
    });
  });

  let stopTone: (() => void) | undefined;
  pc.connectionStateChange.subscribe((state) => {
    if (state === 'connected' && options.tone !== false && stopTone === undefined) {
      stopTone = startToneSender({
        RtpHeader: werift.RtpHeader,
        RtpPacket: werift.RtpPacket,
        send: (packet) => {
          counters.packetsSent += 1;
          void transceiver.sender.sendRtp(packet);
        },
      });
    }
    if (state === 'closed' || state === 'failed') stopTone?.();
  });

  const localSdp = async (): Promise<string> => {
    await waitForGathering(pc);
    const sdp = (pc.localDescription?.sdp ?? '').replace(/\r?\n/g, '\r\n');
    return metaStyle(keepCandidates(sdp, hostAddresses));
  };

  return {
    async createOffer() {
      await pc.setLocalDescription(await pc.createOffer());
      return localSdp();
    },
    async acceptAnswer(answerSdp) {
      await pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
    },
    async answer(offerSdp) {
      await pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
      await pc.setLocalDescription(await pc.createAnswer());
      return localSdp();
    },
    get connectionState() {
      return pc.connectionState;
    },
    async waitUntilConnected(timeoutMs = 10_000) {
      if (pc.connectionState === 'connected') return;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          subscription.unSubscribe();
          reject(
            new Error(
              `The media peer did not connect within ${timeoutMs} ms (state ${pc.connectionState}).`,
            ),
          );
        }, timeoutMs);
        const subscription = pc.connectionStateChange.subscribe((state) => {
          if (state !== 'connected') return;
          clearTimeout(timer);
          subscription.unSubscribe();
          resolve();
        });
      });
    },
    stats: () => ({ ...counters }),
    async close() {
      stopTone?.();
      // werift can wait on a DTLS close alert the other side never sends; a second is plenty.
      await Promise.race([pc.close(), new Promise((resolve) => setTimeout(resolve, 1000))]);
    },
  };
}

/** Meta writes `a=ice-lite` once, at session level; werift writes it in the media section. */
function metaStyle(sdp: string): string {
  const lines = sdp.split('\r\n').filter((line) => line !== 'a=ice-lite');
  const timing = lines.indexOf('t=0 0');
  lines.splice(timing + 1, 0, 'a=ice-lite');
  return lines.join('\r\n');
}

interface GatheringPeer {
  iceGatheringState: string;
  iceGatheringStateChange: {
    subscribe(listener: (state: string) => void): { unSubscribe(): void };
  };
}

async function waitForGathering(pc: GatheringPeer): Promise<void> {
  if (pc.iceGatheringState === 'complete') return;
  await new Promise<void>((resolve) => {
    const subscription = pc.iceGatheringStateChange.subscribe((state) => {
      if (state !== 'complete') return;
      subscription.unSubscribe();
      resolve();
    });
  });
}
