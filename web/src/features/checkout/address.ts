import type { Address, Profile } from '../../api/types';
import { EMPTY_ADDRESS, type AddressValue } from '../../lib/address';
import type { ShippingAddress } from '../orders/api';

export function fromSaved(address: Address, name: string): AddressValue {
  return {
    name,
    line1: address.line1,
    line2: address.line2 ?? '',
    city: address.city,
    postal_code: address.postal_code,
    country: address.country,
  };
}

/** The address to start with: the profile's first saved one, with the profile's name. */
export function initialAddress(profile: Profile | undefined): AddressValue {
  const saved = profile?.addresses[0];
  if (saved) return fromSaved(saved, profile.name);
  return { ...EMPTY_ADDRESS, name: profile?.name ?? '' };
}

/** The order's address: trimmed strings only (the order service refuses nulls), no empty line2. */
export function toShipping(address: AddressValue): ShippingAddress {
  const shipping: ShippingAddress = {
    name: address.name.trim(),
    line1: address.line1.trim(),
    city: address.city.trim(),
    postal_code: address.postal_code.trim(),
    country: address.country,
  };
  if (address.line2.trim()) shipping.line2 = address.line2.trim();
  return shipping;
}

/** How many addresses a profile keeps (the auth service's `MAX_ADDRESSES`). */
export const MAX_SAVED_ADDRESSES = 10;

const sameAddress = (a: Address, b: ShippingAddress) =>
  a.line1 === b.line1 &&
  (a.line2 ?? '') === (b.line2 ?? '') &&
  a.city === b.city &&
  a.postal_code === b.postal_code &&
  a.country === b.country;

/**
 * The address book after an order went to `used`: that address first (the next checkout
 * starts from the first one), added when `save` is asked and it is new. `null` when nothing
 * changes, so no request is made. A full book drops its last entry for the new one.
 */
export function withLastUsed(saved: Address[], used: ShippingAddress, save: boolean): Address[] | null {
  const index = saved.findIndex((a) => sameAddress(a, used));
  if (index === 0) return null;
  if (index > 0) return [saved[index]!, ...saved.filter((_, i) => i !== index)];
  if (!save) return null;
  const added: Address = {
    label: null,
    line1: used.line1,
    line2: used.line2 ?? null,
    city: used.city,
    postal_code: used.postal_code,
    country: used.country,
  };
  return [added, ...saved].slice(0, MAX_SAVED_ADDRESSES);
}
