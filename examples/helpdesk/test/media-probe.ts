// Lets a story see the agent page's media from outside: every peer connection and microphone track the
// page creates is recorded before the app's own scripts run, without changing the app.
import type { BrowserContext, Page } from 'playwright-core';

interface ProbeGlobals {
  wacallProbe: { peers: RTCPeerConnection[]; tracks: MediaStreamTrack[] };
}

// Plain script text: a compiled function could carry helpers of the test's bundler into the page.
const recordMedia = `
  (() => {
    const probe = { peers: [], tracks: [] };
    globalThis.wacallProbe = probe;
    const Native = globalThis.RTCPeerConnection;
    globalThis.RTCPeerConnection = class extends Native {
      constructor(configuration) {
        super(configuration);
        probe.peers.push(this);
      }
    };
    const devices = navigator.mediaDevices;
    const getUserMedia = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints) => {
      const stream = await getUserMedia(constraints);
      probe.tracks.push(...stream.getTracks());
      return stream;
    };
  })();
`;

export async function installMediaProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: recordMedia });
}

/** What the agent's newest peer connection has received: RTP packets and the audio level (0–1). */
export interface InboundAudio {
  packetsReceived: number;
  audioLevel: number;
}

export function agentInboundAudio(page: Page): Promise<InboundAudio> {
  return page.evaluate(async () => {
    const { peers } = (globalThis as unknown as ProbeGlobals).wacallProbe;
    const newest = peers.at(-1);
    const inbound = { packetsReceived: 0, audioLevel: 0 };
    if (!newest) return inbound;
    const report = await newest.getStats();
    report.forEach((entry: { type: string; kind?: string } & Partial<InboundAudio>) => {
      if (entry.type !== 'inbound-rtp' || entry.kind !== 'audio') return;
      inbound.packetsReceived += entry.packetsReceived ?? 0;
      inbound.audioLevel = Math.max(inbound.audioLevel, entry.audioLevel ?? 0);
    });
    return inbound;
  });
}

/** `readyState` of every microphone track the page opened, oldest first. */
export function microphoneStates(page: Page): Promise<MediaStreamTrackState[]> {
  return page.evaluate(() =>
    (globalThis as unknown as ProbeGlobals).wacallProbe.tracks
      .filter((track) => track.kind === 'audio')
      .map((track) => track.readyState),
  );
}
