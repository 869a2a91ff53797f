-- In-app inbox: reminders, overdue notices, escalations. One row per recipient.
CREATE TABLE notification (
    id          bigserial PRIMARY KEY,
    recipient   text        NOT NULL,
    kind        text        NOT NULL,
    title       text        NOT NULL,
    body        text        NOT NULL DEFAULT '',
    link        text,
    dedup_key   text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz
);
CREATE INDEX notification_recipient_idx ON notification (recipient, read_at, id DESC);
-- the same reminder is never sent twice to the same person
CREATE UNIQUE INDEX notification_dedup_idx ON notification (recipient, dedup_key) WHERE dedup_key IS NOT NULL;
