-- Delivery methods the shop offers, and the one each order was placed with. Totals:
-- total = subtotal + delivery + tax, where `delivery` is before tax and `delivery_tax` (part of
-- `tax`) is delivery's tax at the shop's standard rate.
CREATE TABLE IF NOT EXISTS delivery_methods (
    id           uuid PRIMARY KEY,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    description  text NOT NULL DEFAULT '',
    price        bigint NOT NULL CHECK (price >= 0),
    free_above   bigint CHECK (free_above >= 0),
    currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    active       boolean NOT NULL DEFAULT true,
    position     int NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE orders ADD COLUMN IF NOT EXISTS delivery bigint NOT NULL DEFAULT 0 CHECK (delivery >= 0);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS delivery_tax bigint NOT NULL DEFAULT 0
    CHECK (delivery_tax >= 0);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS delivery_method_id uuid;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS delivery_name text;
-- The first migration's unnamed `CHECK (total = subtotal + tax)` (PostgreSQL named it), found
-- by its definition.
DO $$
DECLARE
    old record;
BEGIN
    FOR old IN SELECT conname FROM pg_constraint
               WHERE conrelid = 'orders'::regclass AND contype = 'c'
                 AND pg_get_constraintdef(oid) LIKE '%total = (subtotal + tax)%'
    LOOP
        EXECUTE format('ALTER TABLE orders DROP CONSTRAINT %I', old.conname);
    END LOOP;
END $$;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_check;
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total = subtotal + delivery + tax);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS delivery_tax_rate_bp bigint NOT NULL DEFAULT 0;
