import type { CallQuality } from '@wacall/webrtc';
import type {
  Activity,
  ActivityKind,
  ActivityParamsMap,
  CallDirection,
  DecisionReason,
  CallingTemplateKind,
  IncomingCallStatus,
  OutgoingCallStatus,
  TemplateProblem,
  TemplateProblemCode,
} from '@wacall/core';
import { englishConsoleMessages, type ConsoleMessages } from './console-messages';

/** The period a quota line talks about. */
export type QuotaPeriod = 'day' | 'week';

/** Formats one activity kind's text from its params; `activity` gives the actor and the time. */
export type ActivityTextFormatter<K extends ActivityKind> = (
  params: ActivityParamsMap[K],
  activity: Extract<Activity, { kind: K }>,
) => string;

/** Every string the components show. Replace any part through `WacallMessagesProvider` or a `messages` prop. */
export interface WacallMessages extends ConsoleMessages {
  incomingStatus: Record<IncomingCallStatus, string>;
  outgoingStatus: Record<OutgoingCallStatus, string>;
  direction: Record<CallDirection, string>;
  marker: { missed: string; inCall: string; incoming: string; calling: string };
  reasons: Record<DecisionReason, string>;
  /** Used instead of `reasons.permission_revoked` when the platform revoked after missed calls. */
  autoRevoked: string;
  /** `relative` is e.g. "in 3 hours", `exact` a full date and time. */
  retryAt: (p: { relative: string; exact: string }) => string;
  callButton: {
    call: string;
    starting: string;
    started: string;
    startFailed: string;
    retry: string;
    askPermission: string;
    calling: string;
    ringing: string;
    incoming: string;
    inCall: string;
    duration: string;
    endCall: string;
    ending: string;
    ended: string;
    endFailed: string;
    /** Answers a ringing incoming call (`onAnswerCall`). */
    answer: string;
    answering: string;
    answered: string;
    answerFailed: string;
    /** Declines a ringing incoming call (`onDeclineCall`). */
    decline: string;
    declining: string;
    declined: string;
    declineFailed: string;
  };
  /** The in-call audio controls (`CallMediaControls`, and `CallButton` with `media`). */
  callMedia: {
    controls: string;
    mute: string;
    muted: string;
    unmuted: string;
    preparing: string;
    connecting: string;
    connected: string;
    hangUp: string;
    hangingUp: string;
    hangUpFailed: string;
    microphoneLevel: string;
    customerLevel: string;
    qualityGood: string;
    qualityFair: string;
    qualityPoor: string;
    /** The figures behind the quality word, e.g. "Round trip 80 ms, jitter 4 ms, 0.5% lost". */
    qualityDetail: (p: Pick<CallQuality, 'rttMs' | 'jitterMs' | 'packetLossPercent'>) => string;
    failed: string;
    microphoneDenied: string;
    microphoneNotFound: string;
    iceFailed: string;
    invalidSdp: string;
  };
  permissionModal: {
    title: (p: { name?: string }) => string;
    description: string;
    windowOpen: (p: { until: string }) => string;
    windowClosed: string;
    choiceLegend: string;
    permissionRequest: string;
    permissionRequestHint: string;
    callInvite: string;
    callInviteHint: string;
    quota: (p: { left: number; max: number; period: QuotaPeriod }) => string;
    message: string;
    requestPlaceholder: string;
    invitePlaceholder: string;
    messageRequired: string;
    buttonLabel: string;
    buttonLabelCount: (p: { length: number; max: number }) => string;
    buttonLabelRequired: string;
    defaultButtonLabel: string;
    validity: string;
    templateLegend: string;
    templateRequired: string;
    templateParameter: (p: { name: string }) => string;
    templateParametersRequired: string;
    noTemplates: string;
    createTemplate: string;
    nothingAllowed: string;
    sendRequest: string;
    sendInvite: string;
    sending: string;
    requestSent: string;
    inviteSent: string;
    failed: (p: { error?: string }) => string;
    cancel: string;
    done: string;
  };
  /** `TemplateEditor`: creating a calling template for Meta's review. */
  templateEditor: {
    title: string;
    kindLegend: string;
    kind: Record<CallingTemplateKind, string>;
    kindHint: Record<CallingTemplateKind, string>;
    name: string;
    nameHint: string;
    language: string;
    category: string;
    categories: Record<'marketing' | 'utility', string>;
    header: string;
    body: string;
    bodyHint: string;
    addPlaceholder: string;
    sample: (p: { number: number }) => string;
    footer: string;
    buttonText: string;
    validity: string;
    count: (p: { length: number; max: number }) => string;
    preview: string;
    /** The platform's own button under a permission request, as the phone shows it. */
    previewPermissionButton: string;
    submit: string;
    submitting: string;
    fixFirst: (p: { count: number }) => string;
    pending: string;
    approved: string;
    rejected: (p: { reason?: string }) => string;
    /** Any later status (paused, disabled…), with Meta's word for it. */
    otherStatus: (p: { status: string; reason?: string }) => string;
    failed: (p: { error?: string }) => string;
    /** What to change, per problem; `problem` carries the limit, length, index or suggestion. */
    problems: Record<TemplateProblemCode, (problem: TemplateProblem) => string>;
  };
  /** `TemplateList`: the business's calling templates. */
  templateList: {
    label: string;
    empty: string;
    noMatch: string;
    filterKind: string;
    filterStatus: string;
    filterName: string;
    all: string;
    kind: Record<CallingTemplateKind, string>;
    status: Record<'approved' | 'pending' | 'rejected' | 'paused' | 'disabled', string>;
    /** A status without its own label, as Meta wrote it. */
    otherStatus: (p: { status: string }) => string;
    rejectedReason: (p: { reason: string }) => string;
    use: string;
    useLabel: (p: { name: string }) => string;
    shown: (p: { shown: number; total: number }) => string;
  };
  timeline: {
    label: string;
    empty: string;
    showOlder: string;
    loadingOlder: string;
    loadFailed: string;
    newActivity: (p: { text: string; count: number }) => string;
    /** The action on a `call.recording_available` row. */
    playRecording: string;
    /** The action on a `call.transcript_available` row. */
    openTranscript: string;
    /** Said when the action failed (the host's callback rejected). */
    actionFailed: string;
  };
  transcript: {
    label: string;
    loading: string;
    failed: string;
    /** An unsupported language gives an empty transcript. */
    empty: string;
    business: string;
    customer: string;
    /** The line under the heading, e.g. "en_US · 4:08". */
    summary: (p: { language?: string; duration?: string }) => string;
  };
  /** Per-kind text; a kind left out shows the activity's own (English) `text`. */
  activityText: { [K in ActivityKind]?: ActivityTextFormatter<K> };
}

/** A partial table: top-level strings and functions replace, nested tables merge key by key. */
export type WacallMessagesOverride = {
  [K in keyof WacallMessages]?: WacallMessages[K] extends (...args: never[]) => unknown
    ? WacallMessages[K]
    : WacallMessages[K] extends object
      ? Partial<WacallMessages[K]>
      : WacallMessages[K];
};

const plural = new Intl.PluralRules('en-US');

/** The English defaults. */
export const englishMessages: WacallMessages = {
  ...englishConsoleMessages,
  incomingStatus: {
    ringing: 'Ringing',
    ongoing: 'Ongoing',
    completed: 'Completed',
    missed: 'Missed',
    declined: 'Declined',
    disconnected: 'Disconnected',
  },
  outgoingStatus: {
    calling: 'Calling',
    ringing: 'Ringing',
    ongoing: 'Ongoing',
    completed: 'Completed',
    unanswered: 'Unanswered',
    declined: 'Declined',
    disconnected: 'Disconnected',
  },
  direction: { user_initiated: 'Incoming call', business_initiated: 'Outgoing call' },
  marker: {
    missed: 'Missed call',
    inCall: 'In call',
    incoming: 'Incoming call',
    calling: 'Calling…',
  },
  reasons: {
    allowed: 'Allowed.',
    no_permission: 'The customer has not allowed calls yet.',
    permission_requested: 'A permission request is waiting for the customer’s answer.',
    permission_declined: 'The customer declined the last permission request.',
    permission_revoked: 'The customer revoked call permission.',
    permission_expired: 'Call permission has expired.',
    request_limit_24h: 'The daily limit of permission requests is reached.',
    request_limit_7d: 'The weekly limit of permission requests is reached.',
    call_limit_24h: 'The daily limit of calls to this customer is reached.',
    already_permanent: 'The customer already allows calls permanently.',
    region_unavailable: 'Business-initiated calls are not available in this region.',
    calling_disabled: 'Calling is turned off for this business number.',
    call_in_progress: 'A call with this customer is already in progress.',
    awaiting_confirmation:
      'The last attempt may have gone through: waiting for WhatsApp to confirm it, so the customer is not contacted twice.',
    window_closed: 'The conversation window is closed: only templates can be sent.',
    call_taken: 'Another agent has already answered this call.',
  },
  autoRevoked: 'Call permission was revoked after several unanswered calls.',
  retryAt: ({ relative, exact }) => `Possible again ${relative} (${exact}).`,
  callButton: {
    call: 'Call',
    starting: 'Starting call…',
    started: 'Call started',
    startFailed: 'The call could not start.',
    retry: 'Try again',
    askPermission: 'Click to ask for permission or send a call invite.',
    calling: 'Calling…',
    ringing: 'Ringing…',
    incoming: 'Incoming call',
    inCall: 'In call',
    duration: 'Call duration',
    endCall: 'End call',
    ending: 'Ending…',
    ended: 'Call ended',
    endFailed: 'The call could not be ended.',
    answer: 'Answer',
    answering: 'Answering…',
    answered: 'Call answered',
    answerFailed: 'The call could not be answered.',
    decline: 'Decline',
    declining: 'Declining…',
    declined: 'Call declined',
    declineFailed: 'The call could not be declined.',
  },
  callMedia: {
    controls: 'Call audio',
    mute: 'Mute',
    muted: 'Microphone muted',
    unmuted: 'Microphone on',
    preparing: 'Opening microphone…',
    connecting: 'Connecting audio…',
    connected: 'Audio connected',
    hangUp: 'Hang up',
    hangingUp: 'Hanging up…',
    hangUpFailed: 'The call could not be ended.',
    microphoneLevel: 'Your microphone',
    customerLevel: 'Customer',
    qualityGood: 'Good connection',
    qualityFair: 'Fair connection',
    qualityPoor: 'Poor connection',
    qualityDetail: ({ rttMs, jitterMs, packetLossPercent }) =>
      `${rttMs === undefined ? '' : `Round trip ${Math.round(rttMs)} ms, `}jitter ${Math.round(jitterMs)} ms, ` +
      `${Math.round(packetLossPercent * 10) / 10}% of audio lost`,
    failed: 'The call audio failed.',
    microphoneDenied:
      'The browser blocked the microphone. Allow it for this site (the icon in the address bar), then try again.',
    microphoneNotFound: 'No microphone was found. Plug one in or choose another, then try again.',
    iceFailed:
      'The audio could not reach WhatsApp. The network may block UDP; ask your IT team to allow it.',
    invalidSdp: 'The call’s media description was not accepted, so the call has no audio.',
  },
  permissionModal: {
    title: ({ name }) => (name ? `Reach ${name} by call` : 'Reach the customer by call'),
    description:
      'You need the customer’s permission before you can call. Ask for it, or send a button they can tap to call you.',
    windowOpen: ({ until }) =>
      `Conversation window open until ${until}: you can write your own text.`,
    windowClosed: 'Conversation window closed: only approved templates can be sent.',
    choiceLegend: 'What to send',
    permissionRequest: 'Send permission request',
    permissionRequestHint: 'Asks the customer to allow calls from you.',
    callInvite: 'Send call invite',
    callInviteHint: 'A “Call” button the customer taps to call you.',
    quota: ({ left, max, period }) =>
      `${left} of ${max} ${plural.select(max) === 'one' ? 'request' : 'requests'} left ${period === 'day' ? 'today' : 'this week'}`,
    message: 'Message',
    requestPlaceholder: 'e.g. May we call you about your order?',
    invitePlaceholder: 'e.g. Tap the button to call us now.',
    messageRequired: 'Write a message to send.',
    buttonLabel: 'Button label',
    buttonLabelCount: ({ length, max }) => `${length} of ${max} characters`,
    buttonLabelRequired: 'Give the button a label.',
    defaultButtonLabel: 'Call now',
    validity: 'Button works for',
    templateLegend: 'Template',
    templateRequired: 'Choose a template to send.',
    templateParameter: ({ name }) => `Value for {{${name}}}`,
    templateParametersRequired: 'Fill in every value the template asks for.',
    noTemplates: 'No approved template of this kind yet.',
    createTemplate: 'Create a template',
    nothingAllowed: 'Nothing can be sent to this customer right now.',
    sendRequest: 'Send permission request',
    sendInvite: 'Send call invite',
    sending: 'Sending…',
    requestSent: 'Permission request sent. You can call once the customer allows it.',
    inviteSent: 'Call invite sent. The customer can now tap it to call you.',
    failed: ({ error }) =>
      error
        ? `Sending failed: ${error} Your text is kept; try again.`
        : 'Sending failed. Your text is kept; try again.',
    cancel: 'Cancel',
    done: 'Done',
  },
  templateEditor: {
    title: 'New calling template',
    kindLegend: 'Template type',
    kind: { call_permission_request: 'Call permission request', call_invite: 'Call button' },
    kindHint: {
      call_permission_request: 'Asks the customer to allow calls from you.',
      call_invite: 'A “Call on WhatsApp” button the customer taps to call you.',
    },
    name: 'Name',
    nameHint: 'Lowercase letters, digits and underscores, e.g. order_follow_up_call.',
    language: 'Language',
    category: 'Category',
    categories: { marketing: 'Marketing', utility: 'Utility' },
    header: 'Header (optional)',
    body: 'Message',
    bodyHint: 'Use {{1}}, {{2}}, … for values that change per customer.',
    addPlaceholder: 'Add placeholder',
    sample: ({ number }) => `Sample value for {{${number}}}`,
    footer: 'Footer (optional)',
    buttonText: 'Button text',
    validity: 'Button works for',
    count: ({ length, max }) => `${length} of ${max} characters`,
    preview: 'Preview on the customer’s phone',
    previewPermissionButton: 'Choose call permission',
    submit: 'Submit for review',
    submitting: 'Submitting…',
    fixFirst: ({ count }) =>
      count === 1 ? 'Fix 1 problem before submitting.' : `Fix ${count} problems before submitting.`,
    pending:
      'Submitted. Meta is reviewing the template; this usually takes minutes and at most 24 hours.',
    approved: 'Approved by Meta: agents can send this template now.',
    rejected: ({ reason }) =>
      `Rejected by Meta${reason ? ` (${reason})` : ''}. Change the template and submit it under a new name.`,
    otherStatus: ({ status, reason }) =>
      `Meta set the template to “${status}”${reason ? `: ${reason}` : '.'}`,
    failed: ({ error }) =>
      error
        ? `Meta did not take the template: ${error} Your input is kept; fix it and submit again.`
        : 'Meta did not take the template. Your input is kept; try again.',
    problems: {
      required: () => 'Required: fill this in.',
      too_long: ({ length = 0, limit = 0 }) =>
        `${length} of ${limit} characters: remove ${length - limit}.`,
      name_characters: ({ suggestion }) =>
        `Use only lowercase letters, digits and underscores${suggestion ? `, e.g. ${suggestion}` : ''}.`,
      language_code: () => 'Pick a language code such as en_US.',
      category: () => 'Pick marketing or utility.',
      placeholder_format: ({ suggestion }) =>
        `${suggestion ? `${suggestion} is not a placeholder. ` : ''}Write placeholders as {{1}}, {{2}}, … with only a number inside.`,
      placeholder_order: () =>
        'Number placeholders {{1}}, {{2}}, … in the order they appear, without gaps.',
      examples_count: () => 'Give one sample value for every placeholder.',
      example_empty: ({ index = 0 }) => `Write a sample value for {{${index + 1}}}.`,
      placeholder_not_allowed: () => 'Remove the {{…}}: placeholders only work in the message.',
      ttl_range: () => 'Choose between 1 and 30 days.',
    },
  },
  templateList: {
    label: 'Calling templates',
    empty: 'No calling templates yet.',
    noMatch: 'No template matches these filters.',
    filterKind: 'Type',
    filterStatus: 'Status',
    filterName: 'Search by name',
    all: 'All',
    kind: { call_permission_request: 'Permission request', call_invite: 'Call button' },
    status: {
      approved: 'Approved',
      pending: 'In review',
      rejected: 'Rejected',
      paused: 'Paused',
      disabled: 'Disabled',
    },
    otherStatus: ({ status }) => status.replaceAll('_', ' '),
    rejectedReason: ({ reason }) => `Reason: ${reason}`,
    use: 'Use',
    useLabel: ({ name }) => `Use ${name}`,
    shown: ({ shown, total }) => `${shown} of ${total} templates`,
  },
  timeline: {
    label: 'Call activity',
    empty: 'No call activity yet.',
    showOlder: 'Show older',
    loadingOlder: 'Loading older activity…',
    loadFailed: 'Older activity could not be loaded.',
    newActivity: ({ text, count }) =>
      count > 1 ? `${count} new activities. Latest: ${text}` : `New activity: ${text}`,
    playRecording: 'Play recording',
    openTranscript: 'Open transcript',
    actionFailed: 'That did not work. Try again.',
  },
  transcript: {
    label: 'Call transcript',
    loading: 'Loading the transcript…',
    failed: 'The transcript could not be loaded.',
    empty: 'Nothing was transcribed (the language may not be supported).',
    business: 'Agent',
    customer: 'Customer',
    summary: ({ language, duration }) => [language, duration].filter(Boolean).join(' · '),
  },
  activityText: {},
};

const isTable = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Lays `override` over `base`: nested tables merge key by key, everything else replaces. */
export function mergeMessages(
  base: WacallMessages,
  override?: WacallMessagesOverride,
): WacallMessages {
  if (!override) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = isTable(current) && isTable(value) ? { ...current, ...value } : value;
  }
  return merged as unknown as WacallMessages;
}
