-- A short number per order that people can read out (shown as MK-10001), beside the UUID that
-- stays the order's identity. Existing orders get numbers in the order they were placed.
CREATE SEQUENCE order_number_seq START 10001;
ALTER TABLE orders ADD COLUMN number bigint;
UPDATE orders SET number = numbered.n
FROM (SELECT id, nextval('order_number_seq') AS n
      FROM (SELECT id FROM orders ORDER BY created_at, id) AS oldest_first) AS numbered
WHERE orders.id = numbered.id;
ALTER TABLE orders
    ALTER COLUMN number SET DEFAULT nextval('order_number_seq'),
    ALTER COLUMN number SET NOT NULL,
    ADD CONSTRAINT orders_number_unique UNIQUE (number);
ALTER SEQUENCE order_number_seq OWNED BY orders.number;
-- The admin's order list: newest first, optionally one status.
CREATE INDEX orders_newest ON orders (created_at DESC, id DESC) WHERE status <> 'placing';
