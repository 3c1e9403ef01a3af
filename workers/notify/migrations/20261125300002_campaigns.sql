-- Promotional campaigns. Creating one writes the campaign and one outbox row per opted-in user
-- in one transaction; the relay publishes them to the NOTIFY stream, where a paced consumer
-- sends them. Each message is recorded in `notifications` like any other, with its campaign.
CREATE TABLE campaigns (
    id          uuid PRIMARY KEY,
    subject     text NOT NULL,
    body        text NOT NULL,
    recipients  bigint NOT NULL,
    created_by  uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE notifications ADD COLUMN campaign_id uuid REFERENCES campaigns (id);
CREATE INDEX notifications_campaign ON notifications (campaign_id, status)
    WHERE campaign_id IS NOT NULL;
-- `skipped`: the user opted out (or left) before the message's turn came.
ALTER TABLE notifications DROP CONSTRAINT notifications_status_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
    CHECK (status IN ('sending', 'sent', 'failed', 'skipped'));

-- Every event is written here in the transaction of the change it announces; the relay
-- publishes it to JetStream with `msg_id` as `Nats-Msg-Id` and stamps `published_at`.
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    subject      text NOT NULL,
    msg_id       text NOT NULL UNIQUE,
    payload      jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;
