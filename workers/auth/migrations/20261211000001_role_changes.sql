-- The audit log of roles: every change of an account's roles, who made it (NULL: the platform,
-- for the first admin named by MK_ADMIN_EMAIL) and from what to what, written in the
-- transaction that changes `users.roles`. Kept for good: it is the record of who had access.
CREATE TABLE IF NOT EXISTS role_changes (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL,
    email       text NOT NULL,
    changed_by  uuid,
    from_roles  text[] NOT NULL,
    to_roles    text[] NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX IF NOT EXISTS role_changes_newest ON role_changes (changed_at DESC, id DESC);
