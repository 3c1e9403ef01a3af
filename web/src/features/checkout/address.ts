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
