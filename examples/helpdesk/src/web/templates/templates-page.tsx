import { useState } from 'react';
import type { TemplateDraft } from '@wacall/core';
import { TemplateEditor, TemplateList, type TemplateEditorReview } from '@wacall/react';
import type { CreatedTemplateAnswer } from '../../shared/api-types';
import { api } from '../api';
import { useResource } from '../live-data';

export interface TemplatesPageProps {
  /** Bumped by live events: a review outcome arrived. */
  version: number;
  /** Where "Use" goes: the tickets, whose call dialog offers the approved templates. */
  onUse: () => void;
}

const loadTemplates = () => api.templates();

/**
 * The template create screen: a new calling template goes to Meta's review (the simulator's here), the
 * editor shows the outcome as soon as its webhook arrives, and the list shows every template's status.
 */
export function TemplatesPage({ version, onUse }: TemplatesPageProps) {
  const list = useResource('templates', loadTemplates, version);
  const [created, setCreated] = useState<CreatedTemplateAnswer>();
  const [editor, setEditor] = useState(0);
  const current = created && list.data?.find((template) => template.id === created.id);
  const review: TemplateEditorReview | undefined = current && {
    status: current.status,
    ...(current.rejectedReason ? { reason: current.rejectedReason } : {}),
  };

  const submit = async (draft: TemplateDraft) => {
    const answer = await api.createTemplate(draft);
    setCreated(answer);
    list.reload();
    return { status: answer.status };
  };

  return (
    <section className="pane pane--templates" aria-labelledby="templates-heading">
      <h2 id="templates-heading" className="pane__title">
        Templates
      </h2>
      <div className="templates">
        <section className="templates__create" aria-labelledby="new-template-heading">
          <h3 id="new-template-heading">New calling template</h3>
          <TemplateEditor
            key={editor}
            businessName="Acme support"
            onSubmit={submit}
            {...(review ? { review } : {})}
          />
          {created && (
            <button
              type="button"
              className="wacall-button wacall-button--quiet"
              onClick={() => {
                setCreated(undefined);
                setEditor((count) => count + 1);
              }}
            >
              Create another template
            </button>
          )}
        </section>
        <section className="templates__list" aria-labelledby="template-list-heading">
          <h3 id="template-list-heading">Calling templates</h3>
          {list.error && (
            <p role="alert" className="error">
              {list.error}
            </p>
          )}
          <TemplateList templates={list.data ?? []} onUse={onUse} />
        </section>
      </div>
    </section>
  );
}
