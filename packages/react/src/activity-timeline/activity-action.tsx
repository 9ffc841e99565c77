import type { Activity } from '@wacall/core';
import type { WacallMessages } from '../i18n/messages';
import { Icon } from '../internal/icon';
import { useAsyncAction } from '../internal/use-async-action';

/** An activity announcing a call's recording. */
export type RecordingActivity = Extract<Activity, { kind: 'call.recording_available' }>;
/** An activity announcing a call's transcript. */
export type TranscriptActivity = Extract<Activity, { kind: 'call.transcript_available' }>;

/** The callbacks that give a row its action; a row whose kind has no callback shows none. */
export interface ActivityActions {
  onPlayRecording?: (activity: RecordingActivity) => Promise<unknown> | void;
  onOpenTranscript?: (activity: TranscriptActivity) => Promise<unknown> | void;
}

interface ActivityActionProps extends ActivityActions {
  activity: Activity;
  text: WacallMessages['timeline'];
}

/** "Play recording" / "Open transcript" on the rows that announce a file, when the host handles it. */
export function ActivityAction({ activity, text, ...actions }: ActivityActionProps) {
  const callback = actionFor(activity, actions);
  const action = useAsyncAction(callback);
  if (!callback) return null;
  const recording = activity.kind === 'call.recording_available';
  return (
    <>
      <button
        type="button"
        className="wacall-button wacall-button--quiet wacall-activity__action"
        data-state={action.status === 'pending' ? 'pending' : action.status}
        aria-disabled={action.status === 'pending' || undefined}
        onClick={() => void action.run()}
      >
        <Icon name={recording ? 'microphone' : 'history'} />
        <span>{recording ? text.playRecording : text.openTranscript}</span>
      </button>
      {action.status === 'error' && (
        <span className="wacall-activity__action-error" role="alert">
          {text.actionFailed}
        </span>
      )}
    </>
  );
}

function actionFor(activity: Activity, actions: ActivityActions): (() => unknown) | undefined {
  if (activity.kind === 'call.recording_available' && actions.onPlayRecording) {
    const play = actions.onPlayRecording;
    return () => play(activity);
  }
  if (activity.kind === 'call.transcript_available' && actions.onOpenTranscript) {
    const open = actions.onOpenTranscript;
    return () => open(activity);
  }
  return undefined;
}
