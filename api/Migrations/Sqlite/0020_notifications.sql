-- Notifications (issue 19): an outbox written in the transaction of the event that causes it, read by the bell and
-- drained by the delivery worker.
--   notification_events        one row per event (what happened, to which record, by whom, with the values its message
--                              needs); reminders carry a dedupe_key so each is made once per deadline, however many
--                              API instances look for it.
--   notifications              one row per recipient of an event: the in-app bell (read_at) and how it is mailed
--                              (email_mode: none, single, digest; digest_delivery_id once a digest carried it).
--   notification_deliveries    one e-mail to send: a single notification or a user's daily digest. Claimed by a worker
--                              with a lease (lease_token, lease_until); handed_over_at is set, committed, just before
--                              the message is given to the SMTP server, so a lease that runs out after it is never
--                              sent again (ADR 0018).
--   notification_preferences   per user: address, language of e-mails, kinds not mailed, daily digest and its hour (KST).
CREATE TABLE notification_events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    kind          TEXT    NOT NULL,
    subject_type  TEXT    NOT NULL,
    subject_id    INTEGER NOT NULL,
    actor_name    TEXT    NULL,
    params_json   TEXT    NOT NULL DEFAULT '{}',
    dedupe_key    TEXT    NULL,
    created_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_notification_events_dedupe ON notification_events (dedupe_key) WHERE dedupe_key IS NOT NULL;

CREATE TABLE notification_deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id          INTEGER NOT NULL REFERENCES users (id),
    notification_id  INTEGER NULL,
    digest_day       TEXT    NULL,
    dedupe_key       TEXT    NULL,
    state            TEXT    NOT NULL CHECK (state IN ('pending','sending','sent','failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    lease_token      TEXT    NULL,
    lease_until      TEXT    NULL,
    handed_over_at   TEXT    NULL,
    to_address       TEXT    NULL,
    last_error       TEXT    NULL,
    sent_at          TEXT    NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_notification_deliveries_dedupe ON notification_deliveries (dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX ix_notification_deliveries_due ON notification_deliveries (state, next_attempt_at, id);
CREATE INDEX ix_notification_deliveries_lease ON notification_deliveries (state, lease_until, id);

CREATE TABLE notifications (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id            INTEGER NOT NULL REFERENCES notification_events (id),
    user_id             INTEGER NOT NULL REFERENCES users (id),
    email_mode          TEXT    NOT NULL CHECK (email_mode IN ('none','single','digest')),
    digest_delivery_id  INTEGER NULL REFERENCES notification_deliveries (id),
    created_at          TEXT    NOT NULL,
    read_at             TEXT    NULL
);
CREATE INDEX ix_notifications_user ON notifications (user_id, id);
CREATE INDEX ix_notifications_unread ON notifications (user_id, id) WHERE read_at IS NULL;
CREATE INDEX ix_notifications_digest ON notifications (user_id, id) WHERE email_mode = 'digest' AND digest_delivery_id IS NULL;

CREATE TABLE notification_preferences (
    user_id      INTEGER PRIMARY KEY REFERENCES users (id),
    email        TEXT    NULL,
    lang         TEXT    NOT NULL DEFAULT 'ko' CHECK (lang IN ('ko','en')),
    email_off    TEXT    NOT NULL DEFAULT '[]',
    digest       INTEGER NOT NULL DEFAULT 0,
    digest_hour  INTEGER NOT NULL DEFAULT 8 CHECK (digest_hour BETWEEN 0 AND 23),
    version      INTEGER NOT NULL DEFAULT 1,
    updated_at   TEXT    NOT NULL
);
