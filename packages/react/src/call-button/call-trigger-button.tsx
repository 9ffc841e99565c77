import { useId, useState } from 'react';
import type { WacallI18n } from '../i18n/messages-context';
import type { CallControlState } from './use-call-control-state';
import { cx } from '../internal/cx';
import { Icon } from '../internal/icon';

interface CallTriggerButtonProps {
  controls: CallControlState;
  /** Why the call cannot start right away, shown as a tooltip and read as the description. */
  hint?: string;
}

/**
 * The call button itself. Disabled states use `aria-disabled`, not `disabled`, so keyboard users can
 * still reach the button and hear why it does nothing.
 */
export function CallTriggerButton(props: CallTriggerButtonProps) {
  const { controls, hint } = props;
  const { mode, starting, failed, startError: error } = controls;
  const disabled = mode.kind === 'blocked' || starting;
  const text = controls.i18n.messages.callButton;
  const [hintDismissed, setHintDismissed] = useState(false);
  const hintId = useId();
  const errorId = useId();
  return (
    <>
      <span className="wacall-tooltip-anchor" data-hint={hintDismissed ? 'dismissed' : undefined}>
        <button
          type="button"
          className="wacall-button wacall-button--call"
          aria-disabled={disabled || undefined}
          aria-haspopup={mode.kind === 'ask' ? 'dialog' : undefined}
          aria-describedby={cx(hint && hintId, error && errorId) || undefined}
          onClick={() => {
            if (!disabled) controls.activate();
          }}
          // WCAG 1.4.13: a tooltip shown on focus or hover can be dismissed without moving away.
          onKeyDown={(event) => {
            if (event.key === 'Escape') setHintDismissed(true);
          }}
          onBlur={() => setHintDismissed(false)}
          onMouseLeave={() => setHintDismissed(false)}
        >
          <Icon name="phone" />
          <span>{triggerLabel(starting, failed, text)}</span>
        </button>
        {hint && (
          <span id={hintId} role="tooltip" className="wacall-tooltip">
            {hint}
          </span>
        )}
      </span>
      {error && (
        <span id={errorId} className="wacall-call-button__error">
          {error}
        </span>
      )}
    </>
  );
}

function triggerLabel(
  starting: boolean,
  failed: boolean,
  text: WacallI18n['messages']['callButton'],
): string {
  if (starting) return text.starting;
  return failed ? text.retry : text.call;
}
