import type { TemplateStatus } from '@wacall/core';
import type { WacallMessages } from '../i18n/messages';
import { Icon, type IconName } from '../internal/icon';

interface ReviewStatusProps {
  status: TemplateStatus;
  reason?: string;
  text: WacallMessages['templateEditor'];
}

const icons: Record<string, IconName> = { approved: 'check', pending: 'clock', rejected: 'cross' };

/** Where the submitted template stands in Meta's review; announced when it changes. */
export function ReviewStatus({ status, reason, text }: ReviewStatusProps) {
  const line =
    status === 'pending'
      ? text.pending
      : status === 'approved'
        ? text.approved
        : status === 'rejected'
          ? text.rejected({ reason })
          : text.otherStatus({ status, reason });
  return (
    <p className="wacall-template-editor__review" role="status" data-status={status}>
      <Icon name={icons[status] ?? 'alert'} />
      <span>{line}</span>
    </p>
  );
}
