-- A refund is written `pending` before the provider is called and completed after, so no row
-- lock is held across the call and a retry after a timeout resumes the same refund (same id,
-- the provider's idempotency key) instead of refunding twice. One pending refund per payment.
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'succeeded'
    CHECK (status IN ('pending', 'succeeded', 'failed'));
ALTER TABLE refunds ALTER COLUMN provider_reference DROP NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS refunds_one_pending ON refunds (transaction_id)
    WHERE status = 'pending';
