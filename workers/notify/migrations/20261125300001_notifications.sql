-- Every notification, keyed by the event it is about and the channel: a redelivered or
-- replayed event finds its row `sent` and sends nothing.
CREATE TABLE notifications (
    id          bigserial PRIMARY KEY,
    event_key   text NOT NULL,
    channel     text NOT NULL CHECK (channel IN ('email', 'sms')),
    kind        text NOT NULL,
    user_id     uuid NOT NULL,
    recipient   text,
    status      text NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
    attempts    int NOT NULL DEFAULT 0,
    provider_id text,
    last_error  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    UNIQUE (event_key, channel)
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
