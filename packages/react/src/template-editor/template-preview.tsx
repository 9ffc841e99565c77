import type { TemplateDraftKind } from '@wacall/core';
import { useId } from 'react';
import { Icon } from '../internal/icon';

interface TemplatePreviewProps {
  kind: TemplateDraftKind;
  header?: string;
  body: string;
  examples: readonly string[];
  footer?: string;
  buttonText: string;
  permissionButton: string;
  caption: string;
  businessName?: string;
}

const PLACEHOLDER = /(\{\{\d+\}\})/;

/** The message as the customer's phone shows it: placeholders filled with the sample values. */
export function TemplatePreview(props: TemplatePreviewProps) {
  const { kind, header, body, examples, footer, caption, businessName } = props;
  const captionId = useId();
  return (
    <figure className="wacall-phone" data-kind={kind} aria-labelledby={captionId}>
      <figcaption id={captionId} className="wacall-phone__caption">
        {caption}
      </figcaption>
      <div className="wacall-phone__screen">
        {businessName && <p className="wacall-phone__business">{businessName}</p>}
        <div className="wacall-bubble">
          {header?.trim() && <p className="wacall-bubble__header">{header}</p>}
          <p className="wacall-bubble__body">{fill(body, examples)}</p>
          {footer?.trim() && <p className="wacall-bubble__footer">{footer}</p>}
          <p className="wacall-bubble__button">
            <Icon name="phone" />
            <span>{kind === 'call_invite' ? props.buttonText : props.permissionButton}</span>
          </p>
        </div>
      </div>
    </figure>
  );
}

// Filled placeholders are marked so the agent sees which words vary; empty ones stay visible as {{n}}.
function fill(body: string, examples: readonly string[]) {
  return body.split(PLACEHOLDER).map((part, i) => {
    const match = /^\{\{(\d+)\}\}$/.exec(part);
    if (!match) return part;
    const value = examples[Number(match[1]) - 1]?.trim();
    return (
      <mark key={i} className="wacall-bubble__value" data-state={value ? 'filled' : 'empty'}>
        {value || part}
      </mark>
    );
  });
}
