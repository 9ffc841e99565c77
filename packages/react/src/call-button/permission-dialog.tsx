import { PermissionModal } from '../permission-modal/permission-modal';
import type { PermissionModalProps } from '../permission-modal/types';
import { usePartState } from './call-controls-context';

/** The `PermissionModal` props a console sets; `CallControls` supplies the rest (open, decisions, window, clock). */
export type PermissionDialogProps = Omit<
  PermissionModalProps,
  'open' | 'onOpenChange' | 'decisions' | 'windowOpenUntil'
>;

/**
 * The `PermissionModal` of `CallControls`: `CallTrigger` opens it when the customer has not allowed
 * calls, with the customer's decisions and conversation window.
 */
export function PermissionDialog(props: PermissionDialogProps) {
  const controls = usePartState('PermissionDialog');
  const { customer, now, messages } = controls.options;
  return (
    <PermissionModal
      now={now}
      messages={messages}
      {...props}
      open={controls.dialogOpen}
      onOpenChange={controls.setDialogOpen}
      decisions={customer.decisions}
      windowOpenUntil={customer.windowOpenUntil}
    />
  );
}
