-- A link's token is minted when notify sends its email (`mk.auth.link_token`), not when the
-- link is made, so that no event (kept in the AUTH stream for days, in dead letters for good)
-- carries it: a link has no digest until then.
ALTER TABLE account_links ALTER COLUMN token_hash DROP NOT NULL;

-- Events written before carried the token: none is kept here any more.
UPDATE outbox SET payload = payload - 'token' WHERE payload ? 'token';
