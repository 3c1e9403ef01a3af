-- Payments, their refunds, provider webhook events seen, and the transactional outbox.

CREATE TABLE payments (
    transaction_id     uuid PRIMARY KEY,
    order_id           uuid NOT NULL,
    user_id            uuid NOT NULL,
    idempotency_key    text,
    status             text NOT NULL CHECK (status IN
                         ('pending', 'processing', 'succeeded', 'failed', 'partially_refunded', 'refunded')),
    amount             bigint NOT NULL CHECK (amount > 0),
    currency           text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    provider           text NOT NULL,
    -- The provider's token (never card data: see schemas::payments::PaymentMethod), kept so a
    -- payment interrupted before the provider answered can be resumed with the same call.
    payment_method     text NOT NULL,
    provider_reference text,
    failure_reason     text,
    refunded_amount    bigint NOT NULL DEFAULT 0 CHECK (refunded_amount BETWEEN 0 AND amount),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX payments_idempotency ON payments (user_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
-- At most one payment per order that has not failed: an order is never paid twice, and two
-- concurrent attempts cannot both reach the provider.
CREATE UNIQUE INDEX payments_one_live_per_order ON payments (order_id) WHERE status <> 'failed';
CREATE UNIQUE INDEX payments_provider_reference ON payments (provider, provider_reference)
    WHERE provider_reference IS NOT NULL;

CREATE TABLE refunds (
    refund_id          uuid PRIMARY KEY,
    transaction_id     uuid NOT NULL REFERENCES payments (transaction_id),
    amount             bigint NOT NULL CHECK (amount > 0),
    provider_reference text NOT NULL,
    reason             text,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refunds_payment ON refunds (transaction_id, created_at);

-- Provider events already applied: a webhook delivered twice changes nothing the second time.
CREATE TABLE webhook_events (
    provider    text NOT NULL,
    event_id    text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, event_id)
);

CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    subject      text NOT NULL,
    msg_id       text NOT NULL UNIQUE,
    payload      jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;
