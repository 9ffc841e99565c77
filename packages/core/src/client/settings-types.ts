/**
 * The `calling` object of `/{phone-number-id}/settings`, in camelCase. Enum values are lowercase
 * here (Meta's guides write them in uppercase, its generated reference in lowercase); the client
 * sends uppercase and reads either.
 */

/** An on/off switch; other values Meta may report are passed through lowercased. */
export type SettingsToggle = 'enabled' | 'disabled' | (string & {});

export type DayOfWeek =
  'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** One opening window of a weekday. Times are 24-hour `HHMM` strings, e.g. `0930`. */
export interface WeeklyHours {
  dayOfWeek: DayOfWeek;
  openTime: string;
  closeTime: string;
}

/** A day with special hours. `date` is `YYYY-MM-DD`; times are `HHMM`. */
export interface HolidayHours {
  date: string;
  startTime: string;
  endTime: string;
}

/** When users may call in. Every update replaces the whole previous `callHours`. */
export interface CallHoursSettings {
  /** `disabled` means open around the clock. */
  status: SettingsToggle;
  /** An IANA time zone, e.g. `America/Manaus`. */
  timezoneId?: string;
  /** At most 2 windows per day, open before close, no overlaps. */
  weeklyOperatingHours?: WeeklyHours[];
  /** At most 20 entries. Leaving it out of an update deletes the existing holidays. */
  holidaySchedule?: HolidayHours[];
}

export interface SipServer {
  hostname: string;
  port?: number;
  /** Extra user parameters of the request URI, e.g. `{ tgrp: 'wacall' }`. */
  requestUriUserParams?: Record<string, string>;
  /** Only in `settings.get({ includeSipCredentials: true })`; never sent back. */
  sipUserPassword?: string;
  /** Read-only: the app this server belongs to, when `get()` lists several apps' servers. */
  appId?: string;
}

export interface SipSettings {
  status: SettingsToggle;
  /**
   * Whether Meta sends calling webhooks (`call_created`, `terminate`) for SIP calls. Off by default:
   * with SIP on and this off, a helpdesk hears nothing of its SIP calls.
   */
  webhookDelivery?: SettingsToggle;
  /**
   * Your app's SIP server. Only one server per phone number works (a BYE from any configured server
   * ends the call), so an update takes at most one. `[]` deletes this app's server; `status:
   * 'disabled'` keeps it. `get()` may list one server per app, each with its `appId`.
   */
  servers?: SipServer[];
}

export type VoicemailTrigger = 'reject' | 'timeout' | (string & {});

export interface VoicemailSettings {
  status: SettingsToggle;
  /** What sends a caller to voicemail; at least one when enabled. */
  triggers?: VoicemailTrigger[];
  audio?: {
    default?: {
      /** A media id uploaded with `use_case=call_voicemail_announcement` (OGG/Opus, < 60 s). */
      announcementMediaId?: string;
      /** Seconds of ringing before voicemail, 0–30; required for the `timeout` trigger. */
      timeoutSeconds?: number;
    };
  };
}

/** A pause Meta put on calling (read-only). */
export interface CallingRestriction {
  type:
    'restricted_business_initiated_calling' | 'restricted_user_initiated_calling' | (string & {});
  reason?: string;
  /** Epoch ms when the restriction ends. */
  expiresAt?: number;
}

/** The calling settings of a phone number. Every key is optional in an update. */
export interface CallingSettings {
  status?: SettingsToggle;
  /** `default` shows the call icon; `disable_all` hides it and the other entry points. */
  callIconVisibility?: 'default' | 'disable_all' | (string & {});
  /** Show the call icon only to users of these countries (ISO codes); `[]` for everyone. */
  callIcons?: { restrictToUserCountries: string[] };
  callHours?: CallHoursSettings;
  /** Offer users a "let this business call you" prompt after they call. */
  callbackPermissionStatus?: SettingsToggle;
  sip?: SipSettings;
  srtpKeyExchangeProtocol?: 'dtls' | 'sdes' | (string & {});
  /** Extra codecs besides Opus (which is always on). */
  audio?: { additionalCodecs: ('pcma' | 'pcmu' | (string & {}))[] };
  voicemail?: VoicemailSettings;
  /** Read-only: present when Meta has paused calling on the number. */
  restrictions?: CallingRestriction[];
}
