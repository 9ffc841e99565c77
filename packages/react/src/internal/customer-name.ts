import type { CustomerRef } from '@wacall/core';

/** The customer as an agent knows them: the name, else the number, else the business-scoped id. */
export function customerName(customer: CustomerRef): string {
  return customer.name ?? (customer.waId ? `+${customer.waId}` : (customer.userId ?? ''));
}

/** The number to show under a name, when there is a name to put it under. */
export function customerDetail(customer: CustomerRef): string | undefined {
  if (!customer.name) return undefined;
  return customer.waId ? `+${customer.waId}` : customer.userId;
}
