-- Whether the order's prices included tax (the shop's setting when it was placed). Either way
-- total = subtotal + tax (subtotal is before tax); with prices including tax, the lines add up
-- to the total instead of the subtotal. Orders before this column were priced without tax.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS prices_include_tax boolean NOT NULL DEFAULT false;
