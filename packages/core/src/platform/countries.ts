/**
 * ISO 3166 alpha-2 countries whose business numbers cannot place business-initiated calls or ask for
 * call permission (error 138013); the customer's country does not matter. Meta "Calling API" overview,
 * availability section: United States, Canada, Egypt, Vietnam, Nigeria (Turkey was listed in 2025
 * and dropped by 2026-02 without a changelog entry); checked 2026-12.
 */
export const businessCallingUnavailableCountries: readonly string[] = /* @__PURE__ */ Object.freeze(
  ['US', 'CA', 'EG', 'VN', 'NG'],
);
