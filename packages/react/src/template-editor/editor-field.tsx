import { useId, type ReactNode } from 'react';
import type { FieldProblem } from './types';

interface EditorFieldProps {
  label: string;
  hint?: string;
  /** e.g. "12 of 60 characters" */
  count?: string;
  problems: readonly FieldProblem[];
  /** Renders the control with the ids it must carry. */
  children: (control: {
    id: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}

/** A label, a control, and what to change about it — tied together for screen readers. */
export function EditorField({ label, hint, count, problems, children }: EditorFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, count && countId, problems.length > 0 && errorId]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="wacall-field" data-state={problems.length > 0 ? 'invalid' : 'valid'}>
      <label className="wacall-field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': problems.length > 0 ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <span id={hintId} className="wacall-field__hint">
          {hint}
        </span>
      )}
      {count && (
        <span id={countId} className="wacall-field__hint">
          {count}
        </span>
      )}
      {problems.length > 0 && (
        <span id={errorId} className="wacall-field__error">
          {problems.map((problem) => problem.text).join(' ')}
        </span>
      )}
    </div>
  );
}
