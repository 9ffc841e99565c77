import { useId, useMemo, useState } from 'react';
import type { CallingTemplateKind, TemplateSummary } from '@wacall/core';
import type { WacallMessages, WacallMessagesOverride } from '../i18n/messages';
import { useWacallI18n } from '../i18n/messages-context';
import { cx } from '../internal/cx';
import { Icon, type IconName } from '../internal/icon';
import { languageName } from '../internal/language-name';

export interface TemplateListProps {
  /** The business's templates (`client.templates.list()`); only calling templates are shown. */
  templates: readonly TemplateSummary[];
  /** Called with an approved template the agent picked; without it there is no "Use" button. */
  onUse?: (template: TemplateSummary) => void;
  /** Starting filters. */
  defaultFilters?: Partial<TemplateListFilters>;
  messages?: WacallMessagesOverride;
  className?: string;
}

export interface TemplateListFilters {
  kind: CallingTemplateKind | 'all';
  status: 'approved' | 'pending' | 'rejected' | 'paused' | 'disabled' | 'all';
  /** Part of the name, any case. */
  name: string;
}

type KnownStatus = keyof WacallMessages['templateList']['status'];
const known: readonly KnownStatus[] = ['approved', 'pending', 'rejected', 'paused', 'disabled'];
const tones: Record<KnownStatus, { tone: string; icon: IconName }> = {
  approved: { tone: 'success', icon: 'check' },
  pending: { tone: 'info', icon: 'clock' },
  rejected: { tone: 'danger', icon: 'cross' },
  paused: { tone: 'warning', icon: 'alert' },
  disabled: { tone: 'neutral', icon: 'cross' },
};
const kinds: readonly CallingTemplateKind[] = ['call_permission_request', 'call_invite'];

/**
 * The business's calling templates with their kind, language and review status (a rejection shows its
 * reason), filters by kind, status and name, and a "Use" action on the approved ones.
 */
export function TemplateList(props: TemplateListProps) {
  const i18n = useWacallI18n(props.messages);
  const text = i18n.messages.templateList;
  const [filters, setFilters] = useState<TemplateListFilters>({
    kind: 'all',
    status: 'all',
    name: '',
    ...props.defaultFilters,
  });
  const ids = { kind: useId(), status: useId(), name: useId(), count: useId() };
  const calling = useMemo(
    () => props.templates.filter((template) => template.kind !== undefined),
    [props.templates],
  );
  const shown = calling.filter(
    (template) =>
      (filters.kind === 'all' || template.kind === filters.kind) &&
      (filters.status === 'all' || template.status === filters.status) &&
      template.name.toLowerCase().includes(filters.name.trim().toLowerCase()),
  );
  const set = (patch: Partial<TemplateListFilters>) =>
    setFilters((current) => ({ ...current, ...patch }));

  if (calling.length === 0) {
    return (
      <div
        className={cx('wacall-template-list', props.className)}
        role="group"
        aria-label={text.label}
      >
        <p className="wacall-empty" data-state="empty">
          <Icon name="alert" />
          <span className="wacall-empty__text">{text.empty}</span>
        </p>
      </div>
    );
  }

  return (
    // A group, not a landmark: a console may show several lists on one page.
    <div
      className={cx('wacall-template-list', props.className)}
      role="group"
      aria-label={text.label}
    >
      <div className="wacall-template-list__filters">
        <div className="wacall-field">
          <label className="wacall-field__label" htmlFor={ids.kind}>
            {text.filterKind}
          </label>
          <select
            id={ids.kind}
            className="wacall-input"
            value={filters.kind}
            onChange={(event) => set({ kind: event.target.value as TemplateListFilters['kind'] })}
          >
            <option value="all">{text.all}</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {text.kind[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="wacall-field">
          <label className="wacall-field__label" htmlFor={ids.status}>
            {text.filterStatus}
          </label>
          <select
            id={ids.status}
            className="wacall-input"
            value={filters.status}
            onChange={(event) =>
              set({ status: event.target.value as TemplateListFilters['status'] })
            }
          >
            <option value="all">{text.all}</option>
            {known.map((status) => (
              <option key={status} value={status}>
                {text.status[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="wacall-field">
          <label className="wacall-field__label" htmlFor={ids.name}>
            {text.filterName}
          </label>
          <input
            id={ids.name}
            className="wacall-input"
            type="search"
            value={filters.name}
            aria-describedby={ids.count}
            onChange={(event) => set({ name: event.target.value })}
          />
        </div>
      </div>
      <p id={ids.count} className="wacall-field__hint" aria-live="polite">
        {text.shown({ shown: shown.length, total: calling.length })}
      </p>
      {shown.length === 0 ? (
        <p className="wacall-empty" data-state="no-match">
          <span className="wacall-empty__text">{text.noMatch}</span>
        </p>
      ) : (
        <ul className="wacall-template-list__items">
          {shown.map((template) => (
            <TemplateRow
              key={template.id}
              template={template}
              text={text}
              locale={i18n.formats.locale}
              onUse={props.onUse}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

interface TemplateRowProps {
  template: TemplateSummary;
  text: WacallMessages['templateList'];
  locale: string;
  onUse?: (template: TemplateSummary) => void;
}

function TemplateRow({ template, text, locale, onUse }: TemplateRowProps) {
  const status = known.find((candidate) => candidate === template.status);
  const look = status ? tones[status] : { tone: 'neutral', icon: 'alert' as const };
  return (
    <li
      className="wacall-template-list__item"
      data-status={template.status}
      data-kind={template.kind}
    >
      <div className="wacall-template-list__head">
        <span className="wacall-template__name">{template.name}</span>
        <span className="wacall-badge" data-tone={look.tone} data-status={template.status}>
          <Icon name={look.icon} />
          {status ? text.status[status] : text.otherStatus({ status: template.status })}
        </span>
      </div>
      <p className="wacall-template-list__meta">
        {template.kind && <span>{text.kind[template.kind]}</span>}
        <span>{languageName(template.language, locale)}</span>
      </p>
      {template.bodyText && <p className="wacall-template__text">{template.bodyText}</p>}
      {template.status === 'rejected' && template.rejectedReason && (
        <p className="wacall-template-list__reason">
          {text.rejectedReason({ reason: template.rejectedReason })}
        </p>
      )}
      {onUse && template.status === 'approved' && (
        <button
          type="button"
          className="wacall-button"
          aria-label={text.useLabel({ name: template.name })}
          onClick={() => onUse(template)}
        >
          {text.use}
        </button>
      )}
    </li>
  );
}
