-- Payments under way for an order, as the payment service announces them (`started`, then
-- `succeeded` or `failed`): the payment service owns the payments, the order service only
-- remembers which are open, so that it does not expire an order whose payment a bank is still
-- confirming. A verdict may arrive before its `started` (events of one payment can be
-- published by different relays): the row is then written settled, and stays so.
CREATE TABLE payments_under_way (
    transaction_id uuid PRIMARY KEY,
    order_id       uuid NOT NULL,
    started_at     timestamptz NOT NULL DEFAULT now(),
    settled_at     timestamptz
);
CREATE INDEX payments_under_way_open ON payments_under_way (order_id) WHERE settled_at IS NULL;
