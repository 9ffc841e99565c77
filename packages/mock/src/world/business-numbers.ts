/** Business phone numbers: the default one, adding more, and their public view. */
import { SimulatorUsageError } from '../errors/simulator-usage-error';
import type { BusinessNumber, BusinessState } from './state';
import type { World } from './world';

/** A business number to add; `wabaId` defaults to the default number's account. */
export interface BusinessNumberInput extends Omit<BusinessNumber, 'wabaId' | 'verifiedName'> {
  wabaId?: string;
  verifiedName?: string;
  /** Whether calling is switched on in the number's settings. Default `true`. */
  callingEnabled?: boolean;
}

/** A Brazilian number, so business-initiated calling works out of the box (US numbers get 138013). */
export const defaultBusinessNumber: BusinessNumber = {
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '5511955550100',
  wabaId: '102290129340398',
  country: 'BR',
  verifiedName: 'Acme Support',
};

/** A number's calling settings when the test does not say otherwise: calling on, like a ready number. */
export function defaultCallingSettings(enabled: boolean): Record<string, unknown> {
  return {
    status: enabled ? 'ENABLED' : 'DISABLED',
    call_icon_visibility: 'DEFAULT',
    callback_permission_status: 'DISABLED',
    srtp_key_exchange_protocol: 'DTLS',
    sip: { status: 'DISABLED' },
  };
}

function usage(message: string, fix: string): never {
  throw new SimulatorUsageError(message, fix);
}

function check(input: BusinessNumberInput): void {
  if (!/^\d{1,20}$/.test(input.phoneNumberId)) {
    usage(
      `phoneNumberId "${input.phoneNumberId}" must be the numeric Graph id.`,
      'Pass digits, e.g. "106540352242922".',
    );
  }
  if (!/^\d{6,20}$/.test(input.displayPhoneNumber)) {
    usage(
      `displayPhoneNumber "${input.displayPhoneNumber}" must be digits without "+".`,
      'Pass e.g. "5511955550100".',
    );
  }
  if (!/^[A-Z]{2}$/i.test(input.country)) {
    usage(`country "${input.country}" must be an ISO 3166 code.`, 'Pass e.g. "BR" or "US".');
  }
}

export function publicBusiness(state: BusinessState): BusinessNumber {
  const { phoneNumberId, displayPhoneNumber, wabaId, country, verifiedName } = state;
  return { phoneNumberId, displayPhoneNumber, wabaId, country, verifiedName };
}

/** Validates and registers a number; `defaults` fills the fields the input leaves out. */
export function addBusinessNumber(
  context: Pick<World, 'businesses'>,
  input: BusinessNumberInput,
  defaults: BusinessNumber,
): BusinessNumber {
  const full = { ...defaults, ...input };
  check(full);
  if (context.businesses.has(full.phoneNumberId)) {
    usage(
      `Phone number id ${full.phoneNumberId} already exists.`,
      'Give each business number its own phoneNumberId.',
    );
  }
  const state: BusinessState = {
    phoneNumberId: full.phoneNumberId,
    displayPhoneNumber: full.displayPhoneNumber,
    wabaId: full.wabaId,
    country: full.country.toUpperCase(),
    verifiedName: full.verifiedName,
    calling: defaultCallingSettings(input.callingEnabled ?? true),
    callInitiations: [],
  };
  context.businesses.set(state.phoneNumberId, state);
  return publicBusiness(state);
}

/** The number with this id (the default one when omitted). */
export function businessState(
  context: Pick<World, 'businesses'>,
  phoneNumberId: string | undefined,
  fallback: string,
): BusinessState {
  return (
    context.businesses.get(phoneNumberId ?? fallback) ??
    usage(
      `Unknown business phone number id ${String(phoneNumberId)}.`,
      'Add it first with addBusinessNumber().',
    )
  );
}
