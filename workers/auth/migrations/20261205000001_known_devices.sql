-- Devices (browsers, apps) an account has logged in from, by the SHA-256 of the random token the
-- device keeps. A login from a known device is throttled on its own count, so failed attempts
-- made elsewhere cannot lock its owner out.
CREATE TABLE IF NOT EXISTS known_devices (
    token_digest bytea PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS known_devices_user ON known_devices (user_id);

-- The throttle now counts per subject: `email:<address>` for clients we do not know, and
-- `device:<digest>` for a known device. Rows keyed by a bare address are from before; they
-- expire with their window and are dropped here.
DELETE FROM login_throttle;
ALTER TABLE login_throttle RENAME COLUMN email TO subject;
