// Checks of the call's audio on both ends: the simulator's relay peer (Meta's side) and the agent's page.
import type { MediaPeer } from '@wacall/mock';
import { expect } from 'vitest';
import type { Demo, SeedName } from './demo-harness';
import { agentInboundAudio } from './media-probe';

/** The call the customer's phone is on now. */
export function activeCallId(demo: Demo, name: SeedName): string {
  const callId = demo.helpdesk.simulator?.customer(demo.waIdOf(name)).snapshot().activeCall?.callId;
  if (!callId) throw new Error(`${name}'s phone is on no call.`);
  return callId;
}

/** The simulator's relay peer of the call. */
export function relayOf(demo: Demo, callId: string): MediaPeer {
  const relay = demo.helpdesk.simulator?.callMedia(callId);
  if (!relay) throw new Error(`The call ${callId} has no relay peer: is the simulator's media on?`);
  return relay;
}

/** The agent's in-call audio controls, inside the open ticket. */
export function agentAudio(demo: Demo) {
  return demo.ticket.getByRole('group', { name: 'Call audio' });
}

// Generous for a busy 2-core CI machine; a path that carries no audio still fails, only later.
const audioTimeout = { timeout: 10_000 };

/** Both ends report a connected media path. */
export async function waitUntilAudioConnected(demo: Demo, relay: MediaPeer): Promise<void> {
  await expect.poll(() => relay.connectionState, audioTimeout).toBe('connected');
  await expect
    .poll(() => agentAudio(demo).getAttribute('data-status'), audioTimeout)
    .toBe('connected');
}

/** Opus packets the relay receives from the agent during `windowMs`: the window is the measurement. */
export async function opusPacketsWithin(relay: MediaPeer, windowMs: number): Promise<number> {
  const before = relay.stats().opusPacketsReceived;
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  return relay.stats().opusPacketsReceived - before;
}

/** The relay's tone reaches the agent's page: packets arrive and carry sound, and the meter moves. */
export async function expectAgentHearsTone(demo: Demo): Promise<void> {
  await expect
    .poll(async () => (await agentInboundAudio(demo.page)).packetsReceived, audioTimeout)
    .toBeGreaterThan(0);
  await expect
    .poll(async () => (await agentInboundAudio(demo.page)).audioLevel, audioTimeout)
    .toBeGreaterThan(0);
  const customerMeter = agentAudio(demo).getByRole('meter', { name: 'Customer' });
  await expect
    .poll(async () => Number(await customerMeter.getAttribute('aria-valuenow')), audioTimeout)
    .toBeGreaterThan(0);
}

/** The phone pane's own count of packets from the agent has moved past zero. */
export async function expectPhoneShowsAgentAudio(demo: Demo): Promise<void> {
  const received = demo.phone.getByTestId('phone-packets-received');
  await expect
    .poll(async () => Number(await received.innerText()), audioTimeout)
    .toBeGreaterThan(0);
  const sent = demo.phone.getByTestId('phone-packets-sent');
  await expect.poll(async () => Number(await sent.innerText()), audioTimeout).toBeGreaterThan(0);
}
