// Node-side commands the browser tests call: a simulated WhatsApp relay (werift) on loopback.
import type { BrowserCommand } from 'vitest/node';
import { createMediaPeer, type MediaPeer, type MediaStats } from '../../mock/src/media/media-peer';

const peers = new Map<string, MediaPeer>();
let next = 0;

function peer(id: string): MediaPeer {
  const found = peers.get(id);
  if (!found) throw new Error(`No relay peer ${id}`);
  return found;
}

async function open(): Promise<{ id: string; peer: MediaPeer }> {
  const id = `relay-${++next}`;
  const created = await createMediaPeer();
  peers.set(id, created);
  return { id, peer: created };
}

export const relayOffer: BrowserCommand<[]> = async () => {
  const { id, peer: created } = await open();
  return { id, sdp: await created.createOffer() };
};

export const relayAcceptAnswer: BrowserCommand<[id: string, sdp: string]> = async (_, id, sdp) => {
  await peer(id).acceptAnswer(sdp);
};

export const relayAnswer: BrowserCommand<[offerSdp: string]> = async (_, offerSdp) => {
  const { id, peer: created } = await open();
  return { id, sdp: await created.answer(offerSdp) };
};

export const relayWaitConnected: BrowserCommand<[id: string]> = async (_, id) => {
  await peer(id).waitUntilConnected(5000);
};

export const relayStats: BrowserCommand<[id: string]> = (_, id): MediaStats => peer(id).stats();

export const relayClose: BrowserCommand<[id: string]> = async (_, id) => {
  await peers.get(id)?.close();
  peers.delete(id);
};
