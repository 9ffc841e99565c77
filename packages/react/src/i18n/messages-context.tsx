import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { getIntlFormats, type IntlFormats } from './intl-format';
import {
  englishMessages,
  mergeMessages,
  type WacallMessages,
  type WacallMessagesOverride,
} from './messages';

/** The messages and formatters a component renders with. */
export interface WacallI18n {
  messages: WacallMessages;
  formats: IntlFormats;
  locale?: string;
  timeZone?: string;
}

const I18nContext = createContext<WacallI18n>({
  messages: englishMessages,
  formats: getIntlFormats(),
});

export interface WacallMessagesProviderProps {
  /** Replaces some or all strings; nested providers merge over their parent. */
  messages?: WacallMessagesOverride;
  /** BCP 47 tag for dates, times and numbers, e.g. `de-DE`. Defaults to the parent's, then the browser's. */
  locale?: string;
  /** IANA zone for times and day groups, e.g. `Europe/Berlin`. Defaults to the parent's, then the browser's. */
  timeZone?: string;
  children?: ReactNode;
}

/** Gives every @wacall component below it a language: strings, locale and time zone. */
export function WacallMessagesProvider({
  messages,
  locale,
  timeZone,
  children,
}: WacallMessagesProviderProps) {
  const parent = useContext(I18nContext);
  const nextLocale = locale ?? parent.locale;
  const nextZone = timeZone ?? parent.timeZone;
  const value = useMemo<WacallI18n>(
    () => ({
      messages: mergeMessages(parent.messages, messages),
      formats: getIntlFormats(nextLocale, nextZone),
      locale: nextLocale,
      timeZone: nextZone,
    }),
    [parent.messages, messages, nextLocale, nextZone],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The nearest provider's messages and formatters, with a component's own `messages` prop laid over them. */
export function useWacallI18n(override?: WacallMessagesOverride): WacallI18n {
  const context = useContext(I18nContext);
  return useMemo(
    () =>
      override ? { ...context, messages: mergeMessages(context.messages, override) } : context,
    [context, override],
  );
}
