-- Whatever code completes a refund (an older worker during a rolling deploy too), a succeeded
-- refund has its time: the audit log orders by it.
CREATE OR REPLACE FUNCTION refunds_completed_at() RETURNS trigger AS $$
BEGIN
    IF NEW.status = 'succeeded' AND NEW.completed_at IS NULL THEN
        NEW.completed_at := clock_timestamp();
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS refunds_completed_at ON refunds;
CREATE TRIGGER refunds_completed_at BEFORE INSERT OR UPDATE ON refunds
    FOR EACH ROW EXECUTE FUNCTION refunds_completed_at();
