import { useEffect, useState } from 'react';
import type { PhoneCallMedia } from '../../shared/api-types';
import { api } from '../api';

// RTP counters move 50 times a second and no event says so: the phone reads them twice a second.
const pollMs = 500;

/**
 * The simulated relay's view of the call's audio: how many packets came from the agent's microphone
 * and how many of the test tone went to the agent, so a person sees audio flowing both ways.
 */
export function PhoneCallAudio({ callId }: { callId: string }) {
  const [media, setMedia] = useState<PhoneCallMedia>();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      api.phoneCallMedia(callId).then(
        (next) => {
          if (!stopped) setMedia(next);
        },
        // A lost request is followed by the next one.
        () => {},
      );
      if (!stopped) timer = setTimeout(read, pollMs);
    };
    read();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [callId]);

  return (
    <dl className="facts facts--phone" role="group" aria-label="Audio on the phone">
      <div>
        <dt>Audio</dt>
        <dd data-testid="phone-audio-state">{connectionText(media)}</dd>
      </div>
      <div>
        <dt>Packets from the agent</dt>
        <dd data-testid="phone-packets-received">{media?.stats?.packetsReceived ?? 0}</dd>
      </div>
      <div>
        <dt>Tone packets to the agent</dt>
        <dd data-testid="phone-packets-sent">{media?.stats?.packetsSent ?? 0}</dd>
      </div>
    </dl>
  );
}

function connectionText(media: PhoneCallMedia | undefined): string {
  switch (media?.connectionState) {
    case undefined:
    case 'new':
      return 'Waiting for the agent';
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Connected: a 440 Hz tone plays to the agent';
    case 'disconnected':
      return 'Interrupted';
    default:
      return 'Ended';
  }
}
