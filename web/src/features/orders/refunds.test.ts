import { describe, expect, it } from 'vitest';
import type { Payment } from '../../api/types';
import { refundSummary } from './refunds';

function payment(change: Partial<Payment>): Payment {
  return {
    transaction_id: 't1',
    order_id: 'o1',
    user_id: 'u1',
    status: 'succeeded',
    amount: 7831,
    currency: 'EUR',
    provider: 'sandbox',
    provider_reference: 'ref',
    refunded_amount: 0,
    refunds: [],
    created_at: '2026-12-07T10:00:00Z',
    updated_at: '2026-12-07T10:00:00Z',
    ...change,
  };
}

describe('refundSummary', () => {
  it('says nothing while no money went back', () => {
    expect(refundSummary([payment({})])).toBeNull();
    expect(refundSummary([payment({ status: 'failed', refunded_amount: 0 })])).toBeNull();
  });

  it('counts what went back and what the shop kept, refunds oldest first', () => {
    const summary = refundSummary([
      payment({ status: 'failed', transaction_id: 't0' }),
      payment({
        status: 'partially_refunded',
        refunded_amount: 1416,
        refunds: [
          { refund_id: 'r2', amount: 416, provider_reference: 'b', created_at: '2026-12-07T12:00:00Z' },
          { refund_id: 'r1', amount: 1000, provider_reference: 'a', created_at: '2026-12-07T11:00:00Z' },
        ],
      }),
    ]);
    expect(summary).toEqual({
      currency: 'EUR',
      paid: 7831,
      refunded: 1416,
      kept: 6415,
      refunds: [
        { amount: 1000, at: '2026-12-07T11:00:00Z' },
        { amount: 416, at: '2026-12-07T12:00:00Z' },
      ],
    });
  });
});
