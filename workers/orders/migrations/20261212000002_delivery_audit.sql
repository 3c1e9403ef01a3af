-- The audit log of delivery terms: every new method and every change of a method's price,
-- free-delivery threshold or offering, who made it and from what to what, written in the
-- transaction of the change. `from_*` are NULL for a method's creation.
CREATE TABLE IF NOT EXISTS delivery_method_changes (
    id               uuid PRIMARY KEY,
    method_id        uuid NOT NULL,
    name             text NOT NULL,
    currency         text NOT NULL,
    changed_by       uuid NOT NULL,
    from_price       bigint,
    from_free_above  bigint,
    from_active      boolean,
    to_price         bigint NOT NULL,
    to_free_above    bigint,
    to_active        boolean NOT NULL,
    changed_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX IF NOT EXISTS delivery_method_changes_newest
    ON delivery_method_changes (changed_at DESC, id DESC);
