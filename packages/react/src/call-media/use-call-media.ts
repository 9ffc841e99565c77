import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { CallMediaStore } from './call-media-store';
import type { CallMediaController, UseCallMediaOptions } from './types';

/**
 * The agent's call audio in a component: answer or start a call with the microphone, send the SDP
 * through your own callbacks, then mute, meter and hang up. Unmounting releases the media.
 */
export function useCallMedia(options: UseCallMediaOptions = {}): CallMediaController {
  // Callbacks run after a click or a webhook, long after render: they read the latest options.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const [store] = useState(() => new CallMediaStore(() => latest.current));
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  useEffect(() => () => store.release(), [store]);
  return useMemo(
    () => ({
      ...snapshot,
      answer: store.answer,
      start: store.start,
      applyAnswer: store.applyAnswer,
      hangUp: store.hangUp,
      release: store.release,
      mute: store.mute,
      unmute: store.unmute,
      toggleMute: store.toggleMute,
    }),
    [snapshot, store],
  );
}
