import { maskCredentials } from './mask-credentials';

/** Turns any text into text that is safe to show: the secret and anything credential-shaped masked. */
export type Redact = (text: string) => string;

/**
 * @internal The client's redactor for one access token. Besides the token as typed it masks the
 * forms text can carry it in: percent-encoded (a URL) and JSON-escaped (a serialised body), then
 * whatever else looks like a credential.
 */
export function createRedactor(secret: string): Redact {
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)].filter(
    (form, index, all) => form !== '' && all.indexOf(form) === index,
  );
  return (text) => {
    let safe = text;
    for (const form of forms) safe = safe.split(form).join('[redacted]');
    return maskCredentials(safe);
  };
}
