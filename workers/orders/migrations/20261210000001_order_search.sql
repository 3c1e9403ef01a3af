-- The customer's account name when the order was placed, for the owner's search and exports
-- (orders placed before this have none; their delivery address's name is searched instead).
ALTER TABLE orders ADD COLUMN IF NOT EXISTS customer_name text;

-- The one definition of which orders an admin's query matches, shared by the order list, its
-- count and the CSV export. A plain SQL function that PostgreSQL inlines into the calling
-- query, so `orders_newest` (on created_at) still serves the newest-first order and the day
-- range. Days are calendar days of `p_tz`, the shop's time zone; `p_to` is included.
-- `p_text` is a LIKE pattern's inside, already escaped with `\`.
CREATE OR REPLACE FUNCTION orders_matching(
    p_status text, p_number bigint, p_text text, p_from date, p_to date, p_tz text
) RETURNS SETOF orders LANGUAGE sql STABLE AS $$
    SELECT * FROM orders
    WHERE status <> 'placing'
      AND (p_status IS NULL OR status = p_status)
      AND (p_number IS NULL OR number = p_number)
      AND (p_text IS NULL
           OR customer_email ILIKE '%' || p_text || '%' ESCAPE '\'
           OR customer_name ILIKE '%' || p_text || '%' ESCAPE '\'
           OR shipping_address ->> 'name' ILIKE '%' || p_text || '%' ESCAPE '\')
      AND (p_from IS NULL OR created_at >= (p_from::timestamp AT TIME ZONE p_tz))
      AND (p_to IS NULL OR created_at < ((p_to + 1)::timestamp AT TIME ZONE p_tz))
$$;
