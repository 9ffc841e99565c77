import { decisionSentence, describeDecision } from '../i18n/decision-text';
import type { WacallI18n } from '../i18n/messages-context';
import type { CallButtonMode } from './call-button-mode';
import { CallTriggerButton } from './call-trigger-button';
import { usePartState } from './call-controls-context';

/**
 * The call button of `CallControls`: starts the call with permission, opens the `PermissionDialog`
 * without it, and is disabled (saying why and until when) while a limit blocks calling. Renders
 * nothing while a call is live.
 */
export function CallTrigger() {
  const controls = usePartState('CallTrigger');
  const { mode, i18n } = controls;
  if (mode.kind === 'active') return null;
  return <CallTriggerButton controls={controls} hint={callTriggerHint(mode, i18n, controls.now)} />;
}

/** Why the trigger will not call right away, and until when: each decision's reason once, in order. */
function callTriggerHint(mode: CallButtonMode, i18n: WacallI18n, now: number): string | undefined {
  if (mode.kind !== 'ask' && mode.kind !== 'blocked') return undefined;
  const reasons = mode.explain.map((decision) =>
    decisionSentence(describeDecision(decision, i18n.messages, i18n.formats, now)),
  );
  if (mode.kind === 'ask') reasons.push(i18n.messages.callButton.askPermission);
  return [...new Set(reasons)].join(' ');
}
