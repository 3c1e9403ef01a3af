-- What the customer must still do for a payment the provider holds (3-D Secure): the provider's
-- client secret and next action, handed to the payer while the payment is `processing`.
ALTER TABLE payments ADD COLUMN IF NOT EXISTS next_action jsonb;
