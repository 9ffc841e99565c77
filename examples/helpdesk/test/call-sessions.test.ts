import type { CallConnectEvent, CallTerminateEvent } from '@wacall/core';
import { expect, it } from 'vitest';
import { createCallSessions } from '../src/server/call-sessions';

const connect = (callId: string, sdpType: 'offer' | 'answer', sdp: string): CallConnectEvent => ({
  type: 'call.connect',
  callId,
  direction: sdpType === 'offer' ? 'user_initiated' : 'business_initiated',
  session: { sdpType, sdp },
  wabaId: 'waba',
  phoneNumberId: 'phone',
  timestamp: 1_700_000_000_000,
  raw: {},
});

it("keeps each call's latest SDP from the connect webhooks and ignores other events", () => {
  const sessions = createCallSessions();
  const terminate: CallTerminateEvent = {
    type: 'call.terminate',
    callId: 'wacid.a',
    direction: 'user_initiated',
    status: 'COMPLETED',
    answered: true,
    errors: [],
    wabaId: 'waba',
    phoneNumberId: 'phone',
    timestamp: 1_700_000_000_000,
    raw: {},
  };
  const changed = sessions.noteEvents([
    connect('wacid.a', 'offer', 'v=0 offer'),
    connect('wacid.b', 'answer', 'v=0 answer'),
    terminate,
  ]);
  expect(changed).toEqual(['wacid.a', 'wacid.b']);
  expect(sessions.get('wacid.a')).toEqual({ sdpType: 'offer', sdp: 'v=0 offer' });
  expect(sessions.get('wacid.b')).toEqual({ sdpType: 'answer', sdp: 'v=0 answer' });
  expect(sessions.get('wacid.c')).toBeUndefined();

  sessions.noteEvents([connect('wacid.a', 'offer', 'v=0 offer, delivered again')]);
  expect(sessions.get('wacid.a')?.sdp).toBe('v=0 offer, delivered again');
});

it('forgets the oldest calls first once it holds 200', () => {
  const sessions = createCallSessions();
  for (let i = 0; i < 201; i++) sessions.noteEvents([connect(`wacid.${i}`, 'offer', `v=0 ${i}`)]);
  expect(sessions.get('wacid.0')).toBeUndefined();
  expect(sessions.get('wacid.1')?.sdp).toBe('v=0 1');
  expect(sessions.get('wacid.200')?.sdp).toBe('v=0 200');
});
