import { createContext, useContext } from 'react';
import type { CallRecord } from '@wacall/core';
import type { CallControlState, CallControlsStateName } from './use-call-control-state';

export const CallControlsContext = createContext<CallControlState | undefined>(undefined);

/** The state a part reads; a part outside `CallControls` has nothing to show, so it says where it belongs. */
export function usePartState(part: string): CallControlState {
  const state = useContext(CallControlsContext);
  if (!state) {
    throw new Error(`${part} needs a <CallControls> around it (or use <CallButton>).`);
  }
  return state;
}

/** What a console's own part can read and do inside `CallControls`. */
export interface CallControlsView {
  /** What the controls show right now; also the root's `data-state`. */
  state: CallControlsStateName;
  /** The live call (calling, ringing or ongoing), if any. */
  call?: CallRecord;
  /** Whether the permission dialog is open. */
  dialogOpen: boolean;
  setDialogOpen: (open: boolean) => void;
  /**
   * What the call trigger does on a click: opens the dialog when permission is missing, starts the
   * call when it is granted, and does nothing while blocked, starting or in a call.
   */
  activate: () => void;
}

/** Reads the nearest `CallControls`, for a console's own parts (a header badge, a shortcut key…). */
export function useCallControls(): CallControlsView {
  return usePartState('useCallControls');
}
