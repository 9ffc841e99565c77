import type { MediaStats } from '../../mock/src/media/media-peer';

declare module 'vitest/browser' {
  interface BrowserCommands {
    relayOffer(): Promise<{ id: string; sdp: string }>;
    relayAcceptAnswer(id: string, sdp: string): Promise<void>;
    relayAnswer(offerSdp: string): Promise<{ id: string; sdp: string }>;
    relayWaitConnected(id: string): Promise<void>;
    relayStats(id: string): Promise<MediaStats>;
    relayClose(id: string): Promise<void>;
  }
}
