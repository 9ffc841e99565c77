import { useState, type FormEvent } from 'react';
import { templateRules, type TemplateDraftKind, type TemplateField } from '@wacall/core/browser';
import { fieldLimits } from '@wacall/core/platform';
import { useWacallI18n } from '../i18n/messages-context';
import { cx } from '../internal/cx';
import { languageName } from '../internal/language-name';
import { LiveRegion } from '../internal/live-region';
import { errorText, useAsyncAction } from '../internal/use-async-action';
import { EditorField } from './editor-field';
import { ButtonFields, KindChoice, SampleFields, type SectionProps } from './editor-sections';
import { metaProblems } from './meta-problems';
import { ReviewStatus } from './review-status';
import { TemplatePreview } from './template-preview';
import type { FieldProblem, TemplateEditorProps, TemplateEditorSubmitResult } from './types';
import { useTemplateDraft } from './use-template-draft';

const BOTH_KINDS: readonly TemplateDraftKind[] = ['call_permission_request', 'call_invite'];
const DEFAULT_LANGUAGES = ['en_US', 'en_GB', 'es', 'es_MX', 'pt_BR', 'fr', 'de', 'it'];
const { min: TTL_MIN, max: TTL_MAX } = fieldLimits.templateTtlMinutes;
const DEFAULT_TTL_OPTIONS = [TTL_MIN, 4320, 10_080, 20_160, TTL_MAX];

/**
 * Creates a calling template: a call permission request or a call button (`voice_call`). Checks every
 * field with core's template rules while the agent types, previews the message as the customer's phone
 * shows it, and hands the draft to `onSubmit` (your backend creates it through the Cloud API client).
 */
export function TemplateEditor(props: TemplateEditorProps) {
  const i18n = useWacallI18n(props.messages);
  const text = i18n.messages.templateEditor;
  const kinds = props.kinds?.length ? props.kinds : BOTH_KINDS;
  const languages = props.languages?.length ? props.languages : DEFAULT_LANGUAGES;
  const ttlOptions = props.ttlOptions?.length ? props.ttlOptions : DEFAULT_TTL_OPTIONS;
  const form = useTemplateDraft(
    { kind: kinds[0], ...props.defaultValues },
    languages[0] ?? 'en',
    props.validateOnMount,
  );
  const { values, update } = form;
  const [submitted, setSubmitted] = useState<TemplateEditorSubmitResult>();
  const [announcement, setAnnouncement] = useState('');
  const action = useAsyncAction(async () => {
    setSubmitted((await props.onSubmit(form.draft)) ?? {});
  });
  const pending = action.status === 'pending';
  const shown: FieldProblem[] = [
    ...form.visible(text),
    ...(action.status === 'error' ? metaProblems(action.error) : []),
  ];
  const problemsOf = (field: TemplateField) => shown.filter((problem) => problem.field === field);
  const count = (value: string, max: number) => text.count({ length: [...value].length, max });
  const section: SectionProps = { values, update, problemsOf, text };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!form.attempt()) {
      setAnnouncement(text.fixFirst({ count: form.problems.length }));
      const field = form.problems[0]?.field;
      event.currentTarget.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus();
      return;
    }
    setAnnouncement('');
    void action.run();
  };

  const status = props.review?.status ?? submitted?.status ?? 'pending';
  return (
    <form
      className={cx('wacall-template-editor', props.className)}
      noValidate
      data-state={pending ? 'submitting' : action.status === 'success' ? 'submitted' : 'editing'}
      onSubmit={submit}
    >
      <fieldset className="wacall-template-editor__fields" disabled={pending}>
        {kinds.length > 1 && <KindChoice kinds={kinds} {...section} />}
        <EditorField label={text.name} hint={text.nameHint} problems={problemsOf('name')}>
          {(control) => (
            <input
              {...control}
              className="wacall-input"
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={values.name}
              data-field="name"
              onChange={(event) => update({ name: event.target.value })}
            />
          )}
        </EditorField>
        <div className="wacall-field-row">
          <EditorField label={text.language} problems={problemsOf('language')}>
            {(control) => (
              <select
                {...control}
                className="wacall-input"
                value={values.language}
                data-field="language"
                onChange={(event) => update({ language: event.target.value })}
              >
                {languages.map((code) => (
                  <option key={code} value={code}>
                    {`${languageName(code, i18n.formats.locale)} (${code})`}
                  </option>
                ))}
              </select>
            )}
          </EditorField>
          <EditorField label={text.category} problems={problemsOf('category')}>
            {(control) => (
              <select
                {...control}
                className="wacall-input"
                value={values.category}
                data-field="category"
                onChange={(event) =>
                  update({ category: event.target.value as typeof values.category })
                }
              >
                {templateRules.categories.map((category) => (
                  <option key={category} value={category}>
                    {text.categories[category]}
                  </option>
                ))}
              </select>
            )}
          </EditorField>
        </div>
        <EditorField
          label={text.header}
          count={count(values.header, templateRules.header.maxLength)}
          problems={problemsOf('header')}
        >
          {(control) => (
            <input
              {...control}
              className="wacall-input"
              type="text"
              value={values.header}
              data-field="header"
              onChange={(event) => update({ header: event.target.value })}
            />
          )}
        </EditorField>
        <EditorField
          label={text.body}
          hint={text.bodyHint}
          count={count(values.body, templateRules.body.maxLength)}
          problems={problemsOf('body')}
        >
          {(control) => (
            <textarea
              {...control}
              className="wacall-input"
              rows={4}
              required
              value={values.body}
              data-field="body"
              onChange={(event) => update({ body: event.target.value })}
            />
          )}
        </EditorField>
        <SampleFields {...section} />
        <EditorField
          label={text.footer}
          count={count(values.footer, templateRules.footer.maxLength)}
          problems={problemsOf('footer')}
        >
          {(control) => (
            <input
              {...control}
              className="wacall-input"
              type="text"
              value={values.footer}
              data-field="footer"
              onChange={(event) => update({ footer: event.target.value })}
            />
          )}
        </EditorField>
        {values.kind === 'call_invite' && (
          <ButtonFields ttlOptions={ttlOptions} minutes={i18n.formats.minutes} {...section} />
        )}
      </fieldset>
      <TemplatePreview
        kind={values.kind}
        header={values.header}
        body={values.body}
        examples={values.bodyExamples}
        footer={values.footer}
        buttonText={values.buttonText}
        permissionButton={text.previewPermissionButton}
        caption={text.preview}
        businessName={props.businessName}
      />
      {action.status === 'error' && (
        <p className="wacall-template-editor__failure" role="alert">
          {text.failed({ error: errorText(action.error) })}
        </p>
      )}
      {(props.review || action.status === 'success') && (
        <ReviewStatus status={status} reason={props.review?.reason} text={text} />
      )}
      <div className="wacall-template-editor__actions">
        <button type="submit" className="wacall-button wacall-button--primary" aria-busy={pending}>
          {pending ? text.submitting : text.submit}
        </button>
      </div>
      <LiveRegion>{pending ? text.submitting : announcement}</LiveRegion>
    </form>
  );
}
