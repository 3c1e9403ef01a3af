import { describe, expect, it } from 'vitest';
import type { DeliveryMethod, Totals } from '../api/types';
import { deliveryPrice, goodsAsListed, taxOf, withDelivery } from './delivery';

const method: DeliveryMethod = {
  id: 'd1',
  name: 'Courier',
  description: '',
  price: 490,
  free_above: 5000,
  currency: 'EUR',
  active: true,
  position: 0,
};

/** €44.70 of goods with prices including VAT (the Rust test's basket). */
const gross: Totals = {
  subtotal: 4470 - 570 - 55,
  delivery: 0,
  delivery_tax: 0,
  tax: 570 + 55,
  total: 4470,
  currency: 'EUR',
  prices_include_tax: true,
  tax_lines: [
    { rate_bp: 700, tax: 55 },
    { rate_bp: 1900, tax: 570 },
  ],
};

describe('delivery', () => {
  it('rounds tax like the server, half away from zero', () => {
    expect(taxOf(490, 1900, true)).toBe(78);
    expect(taxOf(250, 700, false)).toBe(18);
    expect(taxOf(249, 700, false)).toBe(17);
    expect(taxOf(500, 700, false)).toBe(35);
  });

  it('is free from the threshold of goods as listed on', () => {
    expect(goodsAsListed(gross)).toBe(4470);
    expect(deliveryPrice(method, 4999)).toBe(490);
    expect(deliveryPrice(method, 5000)).toBe(0);
    expect(deliveryPrice({ ...method, free_above: null }, 1_000_000)).toBe(490);
  });

  it('adds up to the cent with prices including tax', () => {
    const t = withDelivery(gross, 490, 1900);
    expect(t.delivery_tax).toBe(78);
    expect(t.delivery).toBe(412);
    expect(t.total).toBe(4470 + 490);
    expect(t.subtotal + t.delivery + t.tax).toBe(t.total);
    expect(t.tax_lines).toEqual([
      { rate_bp: 700, tax: 55 },
      { rate_bp: 1900, tax: 648 },
    ]);
    expect(goodsAsListed(t)).toBe(4470);
  });

  it('adds its tax when prices exclude it, and changes nothing when free', () => {
    const net: Totals = {
      ...gross,
      subtotal: 1000,
      tax: 70,
      total: 1070,
      prices_include_tax: false,
      tax_lines: [{ rate_bp: 700, tax: 70 }],
    };
    const t = withDelivery(net, 500, 700);
    expect([t.delivery, t.delivery_tax, t.total]).toEqual([500, 35, 1605]);
    expect(withDelivery(net, 0, 700)).toEqual(net);
  });
});
