import type { ReactNode } from 'react';
import { cx } from '../internal/cx';
import { LiveRegion } from '../internal/live-region';
import { CallControlsContext } from './call-controls-context';
import { useCallControlState, type CallControlsOptions } from './use-call-control-state';

export interface CallControlsProps extends CallControlsOptions {
  /** The parts, in the console's order: `CallTrigger`, `CallStatus`, `InCallControls`, … */
  children?: ReactNode;
  className?: string;
}

/**
 * The root of the call controls: holds the call's state for the parts inside it and announces its
 * changes. `data-state` (`ready`, `needs-permission`, `blocked`, `starting`, `failed`, `active`) and
 * `data-status` (the live call's status) are there for styling.
 */
export function CallControls(props: CallControlsProps) {
  const { children, className, ...options } = props;
  const controls = useCallControlState(options);
  return (
    <CallControlsContext.Provider value={controls}>
      <div
        className={cx('wacall-call-button', className)}
        data-state={controls.state}
        data-status={controls.call?.status}
      >
        {children}
        <LiveRegion>{controls.announcement}</LiveRegion>
      </div>
    </CallControlsContext.Provider>
  );
}
