import { commands } from 'vitest/browser';
import type { CallMediaSession } from '../src/index';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when the session reaches `connected`; rejects if it fails or ends first. */
export function connected(session: CallMediaSession): Promise<void> {
  if (session.state === 'connected') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const off = session.on('state', (state) => {
      if (state === 'connected') {
        off();
        resolve();
      } else if (state === 'failed' || state === 'ended') reject(new Error(`state ${state}`));
    });
  });
}

/** Opus packets the relay received from the browser during `ms`. */
export async function packetsDuring(relayId: string, ms: number): Promise<number> {
  const before = await commands.relayStats(relayId);
  await sleep(ms);
  const after = await commands.relayStats(relayId);
  return after.opusPacketsReceived - before.opusPacketsReceived;
}

/** The highest level the session reported during `ms`. */
export async function loudestLevel(session: CallMediaSession, ms: number): Promise<number> {
  const levels: number[] = [0];
  const off = session.on('level', (level) => levels.push(level));
  await sleep(ms);
  off();
  return Math.max(...levels);
}
