import { describe, expect, it } from 'vitest';
import { orderLabel } from './orderNumber';

describe('orderLabel', () => {
  it('shows the order number when there is one', () => {
    expect(orderLabel({ id: '3f2a9c1e-0000-4000-8000-000000000000', number: 'MK-10042' })).toBe('MK-10042');
  });

  it('falls back to the start of the id', () => {
    expect(orderLabel({ id: '3f2a9c1e-0000-4000-8000-000000000000' })).toBe('#3F2A9C1E');
  });
});
