import { useId, useState } from 'react';
import type { WacallI18n } from '../i18n/messages-context';
import { cx } from '../internal/cx';
import { Icon } from '../internal/icon';

interface CallTriggerProps {
  i18n: WacallI18n;
  /** Why the call cannot start right away, shown as a tooltip and read as the description. */
  hint?: string;
  /** The visible error of a failed start, read as part of the description. */
  error?: string;
  opensDialog: boolean;
  disabled: boolean;
  starting: boolean;
  failed: boolean;
  onActivate: () => void;
}

/**
 * The call button itself. Disabled states use `aria-disabled`, not `disabled`, so keyboard users can
 * still reach the button and hear why it does nothing.
 */
export function CallTrigger(props: CallTriggerProps) {
  const { i18n, hint, error, opensDialog, disabled, starting, failed, onActivate } = props;
  const text = i18n.messages.callButton;
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
          aria-haspopup={opensDialog ? 'dialog' : undefined}
          aria-describedby={cx(hint && hintId, error && errorId) || undefined}
          onClick={() => {
            if (!disabled) onActivate();
          }}
          // WCAG 1.4.13: a tooltip shown on focus or hover can be dismissed without moving away.
          onKeyDown={(event) => {
            if (event.key === 'Escape') setHintDismissed(true);
          }}
          onBlur={() => setHintDismissed(false)}
          onMouseLeave={() => setHintDismissed(false)}
        >
          <Icon name="phone" />
          <span>{starting ? text.starting : failed ? text.retry : text.call}</span>
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
