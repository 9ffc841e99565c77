import type { PermissionModalProps } from '../permission-modal/types';
import { CallControls, type CallControlsProps } from './call-controls';
import { CallStatus } from './call-status';
import { CallTrigger } from './call-trigger';
import { InCallControls } from './in-call-controls';
import { IncomingCallActions } from './incoming-call-actions';
import { PermissionDialog } from './permission-dialog';

export interface CallButtonProps
  extends
    Omit<CallControlsProps, 'children'>,
    Pick<
      PermissionModalProps,
      | 'onSendPermissionRequest'
      | 'onSendCallInvite'
      | 'templates'
      | 'templateCreateHref'
      | 'onCreateTemplate'
      | 'ttlOptions'
      | 'container'
    > {
  /** Shown in the permission dialog's title. */
  customerName?: string;
}

/**
 * The call icon at the top of a chat. With permission a click starts the call; without it the click opens
 * the PermissionModal; when a limit blocks calling it is disabled and says why and until when. The
 * ready-made arrangement of `CallControls` and its parts.
 */
export function CallButton(props: CallButtonProps) {
  const {
    customerName,
    onSendPermissionRequest,
    onSendCallInvite,
    templates,
    templateCreateHref,
    onCreateTemplate,
    ttlOptions,
    container,
    ...controls
  } = props;
  return (
    <CallControls {...controls}>
      <CallTrigger />
      <CallStatus />
      <InCallControls />
      <IncomingCallActions />
      <PermissionDialog
        customerName={customerName}
        templates={templates}
        templateCreateHref={templateCreateHref}
        onCreateTemplate={onCreateTemplate}
        onSendPermissionRequest={onSendPermissionRequest}
        onSendCallInvite={onSendCallInvite}
        ttlOptions={ttlOptions}
        container={container}
      />
    </CallControls>
  );
}
