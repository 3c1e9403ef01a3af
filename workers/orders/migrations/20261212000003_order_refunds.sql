-- Money given back on an order, as the payment service announced it (one row per refunded
-- event, keyed by its PAYMENTS stream sequence so a redelivery counts once). An order refunded
-- in full is no longer a purchase (a review's verified-buyer mark).
CREATE TABLE IF NOT EXISTS order_refunds (
    stream_sequence bigint PRIMARY KEY,
    order_id        uuid NOT NULL,
    amount          bigint NOT NULL CHECK (amount > 0),
    refunded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS order_refunds_by_order ON order_refunds (order_id);
