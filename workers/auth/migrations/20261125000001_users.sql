-- Accounts. `email` is stored normalised (trimmed, lower-case), so the unique constraint is the
-- uniqueness rule. Passwords are argon2id PHC strings; nothing else about them is kept.
CREATE TABLE users (
    id               uuid PRIMARY KEY,
    email            text NOT NULL UNIQUE,
    password_hash    text NOT NULL,
    name             text NOT NULL,
    phone            text,
    addresses        jsonb NOT NULL DEFAULT '[]'::jsonb,
    marketing_opt_in boolean NOT NULL DEFAULT false,
    roles            text[] NOT NULL DEFAULT '{customer}',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- A login session is one refresh-token family: every rotation stays in it, and revoking it
-- (logout, or reuse of a rotated token) ends every token of the family at once.
CREATE TABLE sessions (
    id             uuid PRIMARY KEY,
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz,
    revoked_reason text
);
CREATE INDEX sessions_user_id ON sessions (user_id);

-- Refresh tokens are stored as SHA-256 digests: a leaked table cannot be replayed.
CREATE TABLE refresh_tokens (
    token_hash bytea PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    -- Set when the token is rotated; presenting it again afterwards is reuse.
    used_at    timestamptz
);
CREATE INDEX refresh_tokens_session_id ON refresh_tokens (session_id);

-- Failed logins per email address, whether or not an account has it, so throttling does not
-- reveal which addresses exist.
CREATE TABLE login_throttle (
    email             text PRIMARY KEY,
    failures          integer NOT NULL,
    window_started_at timestamptz NOT NULL,
    locked_until      timestamptz
);
