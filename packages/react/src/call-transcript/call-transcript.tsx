import { useId } from 'react';
import type { CallTranscript as Transcript } from '@wacall/core';
import { useWacallI18n } from '../i18n/messages-context';
import type { WacallMessagesOverride } from '../i18n/messages';
import { cx } from '../internal/cx';

export type CallTranscriptStatus = 'loading' | 'error' | 'ready';

export interface CallTranscriptProps {
  /** The parsed transcript: `parseCallTranscript()` or `wacall.getTranscript()` on the server. */
  transcript?: Transcript;
  /** `loading` while the host fetches it, `error` when that failed. Default `ready`. */
  status?: CallTranscriptStatus;
  /** Level of the heading, to fit the page's outline. Default 3. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  messages?: WacallMessagesOverride;
  className?: string;
}

/** A call's transcript: who said what, and when (minutes into the call). */
export function CallTranscript(props: CallTranscriptProps) {
  const { transcript, status = 'ready', headingLevel = 3, className } = props;
  const i18n = useWacallI18n(props.messages);
  const text = i18n.messages.transcript;
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  const segments = transcript?.segments ?? [];
  const state =
    status !== 'ready' ? status : segments.length === 0 && !transcript?.text ? 'empty' : 'filled';
  const summary =
    transcript &&
    text.summary({
      language: transcript.language,
      duration:
        transcript.durationSeconds === undefined
          ? undefined
          : i18n.formats.clock(Math.round(transcript.durationSeconds)),
    });
  const speakerName = (speaker: string) =>
    speaker === 'business' ? text.business : speaker === 'customer' ? text.customer : speaker;

  return (
    <section
      className={cx('wacall-transcript', className)}
      aria-labelledby={headingId}
      data-state={state}
    >
      <Heading id={headingId} className="wacall-transcript__heading">
        {text.label}
      </Heading>
      {state === 'loading' && (
        <p className="wacall-transcript__note" role="status">
          {text.loading}
        </p>
      )}
      {state === 'error' && (
        <p className="wacall-transcript__note" role="alert">
          {text.failed}
        </p>
      )}
      {state === 'empty' && <p className="wacall-transcript__note">{text.empty}</p>}
      {state === 'filled' && (
        <>
          {summary ? <p className="wacall-transcript__summary">{summary}</p> : null}
          {segments.length === 0 ? (
            <p className="wacall-transcript__text">{transcript?.text}</p>
          ) : (
            <ol className="wacall-transcript__segments">
              {segments.map((segment, index) => (
                <li
                  key={segment.id ?? index}
                  className="wacall-transcript__segment"
                  data-speaker={segment.speaker}
                >
                  <span className="wacall-transcript__speaker">{speakerName(segment.speaker)}</span>
                  <span className="wacall-transcript__time">
                    {i18n.formats.clock(Math.floor(segment.start))}
                  </span>
                  <p className="wacall-transcript__line">{segment.text}</p>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
