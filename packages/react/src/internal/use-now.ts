import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` while `live` is true. A `fixed` time wins: stories,
 * tests and server-rendered pages pass one so the output does not depend on the clock.
 */
export function useNow(intervalMs: number, fixed?: number, live = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (fixed !== undefined || !live) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [fixed, intervalMs, live]);
  return fixed ?? now;
}
