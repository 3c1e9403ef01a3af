-- Orders, their frozen lines, their status history, and the transactional outbox.

CREATE TABLE orders (
    id               uuid PRIMARY KEY,
    user_id          uuid NOT NULL,
    -- `placing`: written, stock not yet reserved (internal; a retry resumes it, the sweeper
    -- releases and removes it when abandoned).
    status           text NOT NULL CHECK (status IN
                       ('placing', 'pending_payment', 'paid', 'fulfilled', 'shipped', 'cancelled')),
    currency         text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    subtotal         bigint NOT NULL CHECK (subtotal >= 0),
    tax              bigint NOT NULL CHECK (tax >= 0),
    total            bigint NOT NULL CHECK (total = subtotal + tax),
    shipping_address jsonb NOT NULL,
    idempotency_key  text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL
);
CREATE UNIQUE INDEX orders_idempotency ON orders (user_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX orders_by_user ON orders (user_id, created_at DESC, id DESC);
CREATE INDEX orders_due ON orders (expires_at) WHERE status = 'pending_payment';
CREATE INDEX orders_placing ON orders (created_at) WHERE status = 'placing';

CREATE TABLE order_lines (
    order_id    uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no     int NOT NULL,
    product_id  text NOT NULL,
    name        text NOT NULL,
    unit_price  bigint NOT NULL CHECK (unit_price >= 0),
    quantity    bigint NOT NULL CHECK (quantity > 0),
    line_total  bigint NOT NULL,
    tax_rate_bp bigint NOT NULL,
    tax         bigint NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_status_history (
    id       bigserial PRIMARY KEY,
    order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status   text NOT NULL,
    reason   text,
    at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_status_history_order ON order_status_history (order_id, id);

-- Every event is written here in the transaction of the change it announces; the relay
-- publishes it to JetStream with `msg_id` as `Nats-Msg-Id` and stamps `published_at`.
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    subject      text NOT NULL,
    msg_id       text NOT NULL UNIQUE,
    payload      jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;
