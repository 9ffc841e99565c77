import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncStatus = 'idle' | 'pending' | 'success' | 'error';

export interface AsyncAction<A extends unknown[]> {
  status: AsyncStatus;
  error: unknown;
  /** Runs the action unless one is already running; resolves to whether it succeeded. */
  run: (...args: A) => Promise<boolean>;
  reset: () => void;
}

/** Tracks one promise-returning callback: pending while it runs, error if it rejects (or throws). */
export function useAsyncAction<A extends unknown[]>(
  action: ((...args: A) => Promise<unknown> | unknown) | undefined,
): AsyncAction<A> {
  const [state, setState] = useState<{ status: AsyncStatus; error: unknown }>({
    status: 'idle',
    error: undefined,
  });
  const running = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (...args: A) => {
      // A second click while the first request runs must not send twice.
      if (running.current || !action) return false;
      running.current = true;
      setState({ status: 'pending', error: undefined });
      try {
        await action(...args);
        if (mounted.current) setState({ status: 'success', error: undefined });
        return true;
      } catch (error) {
        if (mounted.current) setState({ status: 'error', error });
        return false;
      } finally {
        running.current = false;
      }
    },
    [action],
  );

  const reset = useCallback(() => setState({ status: 'idle', error: undefined }), []);

  return { status: state.status, error: state.error, run, reset };
}

/** The human-readable part of a rejection, if it has one. */
export function errorText(error: unknown): string | undefined {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return undefined;
}
