-- Refunds are the audit log's record of money given back: who asked (NULL: the platform, for an
-- order cancelled after payment) and when the provider confirmed it.
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS requested_by uuid;
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS completed_at timestamptz;
UPDATE refunds SET completed_at = created_at WHERE status = 'succeeded' AND completed_at IS NULL;
CREATE INDEX IF NOT EXISTS refunds_completed ON refunds (completed_at DESC, refund_id DESC)
    WHERE status = 'succeeded';
