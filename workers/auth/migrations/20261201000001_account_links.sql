-- Emailed single-use links: password resets and email verification. Only the SHA-256 of a
-- link's token is kept; a link works once, before it expires.
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;

CREATE TABLE account_links (
    id         uuid PRIMARY KEY,
    token_hash bytea NOT NULL UNIQUE,
    purpose    text NOT NULL CHECK (purpose IN ('password_reset', 'verify_email')),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The address the link was sent to: verifying it after an email change verifies nothing.
    email      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX account_links_user ON account_links (user_id, purpose) WHERE used_at IS NULL;

-- The events asking notify to email the links, written in the transaction that creates them
-- (menuskart_kit::outbox).
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    subject      text NOT NULL,
    msg_id       text NOT NULL UNIQUE,
    payload      jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;
