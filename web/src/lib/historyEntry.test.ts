import { describe, expect, it } from 'vitest';
import { historyEntry } from './historyEntry';

describe('historyEntry', () => {
  it('turns a failed payment into a declined entry with its reason', () => {
    expect(
      historyEntry({ status: 'pending_payment', reason: 'payment 2eea0f10-b11b-546d failed: card_declined' }),
    ).toEqual({ title: 'Payment declined', note: 'card declined' });
  });

  it('says why an order was cancelled', () => {
    expect(historyEntry({ status: 'cancelled', reason: 'payment_timeout' })).toEqual({
      title: 'Cancelled',
      note: 'payment timeout',
    });
  });

  it('keeps internal reasons out', () => {
    expect(historyEntry({ status: 'paid', reason: 'payment a188ba43 succeeded' })).toEqual({
      title: 'Paid',
      note: null,
    });
  });
});
