-- The address the customer had when placing the order: what the shop owner sees and searches
-- by. (Orders placed before this have none.)
ALTER TABLE orders ADD COLUMN customer_email text;
