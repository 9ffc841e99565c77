import { isWacallValidationError } from '../errors/wacall-validation-error';
import { isWhatsAppApiError } from '../errors/whatsapp-api-error';

/**
 * Whether a failed send certainly did not happen: refused before it left (input checks), or refused by
 * Graph with an error code on a 4xx. Everything else — a timeout, a network error after the request
 * left, a 5xx, an answer that could not be read — may have reached the customer.
 */
export function certainlyNotSent(error: unknown): boolean {
  if (isWacallValidationError(error)) return true;
  return (
    isWhatsAppApiError(error) &&
    error.httpStatus >= 400 &&
    error.httpStatus < 500 &&
    error.code !== undefined
  );
}
