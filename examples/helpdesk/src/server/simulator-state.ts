import type { JsonValue, Store } from '@wacall/core';
import type { CloudApiSimulator, SimulatorState } from '@wacall/mock';

/**
 * Where the simulated WhatsApp's memory is kept, next to the helpdesk's state in the same Store: after
 * a restart the simulator knows the same customers, permissions, templates and calls the helpdesk does.
 */
export const simulatorStateKey = 'helpdesk:simulator';

// Often enough that a crash loses at most a second of the simulated world, rarely enough to stay cheap.
const saveIntervalMs = 1000;

/** The state an earlier run saved, or undefined on a first start. */
export async function savedSimulatorState(store: Store): Promise<SimulatorState | undefined> {
  const saved = await store.get(simulatorStateKey);
  // The simulator checks the shape itself and refuses, with what to do, what it did not write.
  return saved ? (saved.value as unknown as SimulatorState) : undefined;
}

/** Keeps saving the simulator's state while the demo runs. */
export interface SimulatorStateKeeper {
  /** Saves now when anything changed since the last save. */
  save(): Promise<void>;
  /** Stops the periodic saves after a last one. */
  stop(): Promise<void>;
}

/**
 * Saves `simulator.exportState()` under {@link simulatorStateKey} at most once a second, only when the
 * world changed (the export's own time aside), and once more on `stop()`. The app secret and the
 * tokens are options, never part of the state: they stay random per run.
 */
export function keepSimulatorState(
  simulator: CloudApiSimulator,
  store: Store,
  log: (line: string) => void,
): SimulatorStateKeeper {
  let lastSaved = '';
  let saving: Promise<void> = Promise.resolve();
  const saveOnce = async () => {
    const state = simulator.exportState();
    const unchanged = JSON.stringify({ ...state, savedAt: 0 });
    if (unchanged === lastSaved) return;
    // The state is plain JSON data by the simulator's contract.
    await store.set(simulatorStateKey, state as unknown as JsonValue);
    lastSaved = unchanged;
  };
  // One save at a time, in order: a slow write never lets an older state overwrite a newer one.
  const save = () => {
    saving = saving.then(saveOnce);
    return saving;
  };
  const timer = setInterval(() => {
    save().catch((error: unknown) => {
      log(
        `Saving the simulator's state failed: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
      saving = Promise.resolve();
    });
  }, saveIntervalMs);
  timer.unref();
  return {
    save,
    async stop() {
      clearInterval(timer);
      await saving.catch(() => undefined);
      saving = Promise.resolve();
      await save();
    },
  };
}
