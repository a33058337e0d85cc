-- Notifications (issue 19): an outbox written in the transaction of the event that causes it, read by the bell and
-- drained by the delivery worker. See the SQLite script of the same number for what each table holds.
CREATE TABLE dbo.notification_events (
    id            BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_notification_events PRIMARY KEY,
    kind          NVARCHAR(40)   NOT NULL,
    subject_type  NVARCHAR(40)   NOT NULL,
    subject_id    BIGINT         NOT NULL,
    actor_name    NVARCHAR(200)  NULL,
    params_json   NVARCHAR(MAX)  NOT NULL CONSTRAINT df_notification_events_params DEFAULT '{}',
    dedupe_key    NVARCHAR(200)  NULL,
    created_at    DATETIME2(7)   NOT NULL
);
CREATE UNIQUE INDEX ux_notification_events_dedupe ON dbo.notification_events (dedupe_key) WHERE dedupe_key IS NOT NULL;

CREATE TABLE dbo.notification_deliveries (
    id               BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_notification_deliveries PRIMARY KEY,
    user_id          BIGINT         NOT NULL CONSTRAINT fk_notification_deliveries_user REFERENCES dbo.users (id),
    notification_id  BIGINT         NULL,
    digest_day       DATE           NULL,
    dedupe_key       NVARCHAR(200)  NULL,
    state            NVARCHAR(20)   NOT NULL CONSTRAINT ck_notification_deliveries_state CHECK (state IN ('pending','sending','sent','failed')),
    attempts         INT            NOT NULL CONSTRAINT df_notification_deliveries_attempts DEFAULT 0,
    next_attempt_at  DATETIME2(7)   NOT NULL,
    lease_token      NVARCHAR(64)   NULL,
    lease_until      DATETIME2(7)   NULL,
    handed_over_at   DATETIME2(7)   NULL,
    to_address       NVARCHAR(320)  NULL,
    last_error       NVARCHAR(2000) NULL,
    sent_at          DATETIME2(7)   NULL,
    created_at       DATETIME2(7)   NOT NULL,
    updated_at       DATETIME2(7)   NOT NULL
);
CREATE UNIQUE INDEX ux_notification_deliveries_dedupe ON dbo.notification_deliveries (dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX ix_notification_deliveries_due ON dbo.notification_deliveries (state, next_attempt_at, id);
CREATE INDEX ix_notification_deliveries_lease ON dbo.notification_deliveries (state, lease_until, id);

CREATE TABLE dbo.notifications (
    id                  BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_notifications PRIMARY KEY,
    event_id            BIGINT       NOT NULL CONSTRAINT fk_notifications_event REFERENCES dbo.notification_events (id),
    user_id             BIGINT       NOT NULL CONSTRAINT fk_notifications_user REFERENCES dbo.users (id),
    email_mode          NVARCHAR(10) NOT NULL CONSTRAINT ck_notifications_email_mode CHECK (email_mode IN ('none','single','digest')),
    digest_delivery_id  BIGINT       NULL CONSTRAINT fk_notifications_digest REFERENCES dbo.notification_deliveries (id),
    created_at          DATETIME2(7) NOT NULL,
    read_at             DATETIME2(7) NULL
);
CREATE INDEX ix_notifications_user ON dbo.notifications (user_id, id);
CREATE INDEX ix_notifications_unread ON dbo.notifications (user_id, id) WHERE read_at IS NULL;
CREATE INDEX ix_notifications_digest ON dbo.notifications (user_id, id) WHERE email_mode = 'digest' AND digest_delivery_id IS NULL;

CREATE TABLE dbo.notification_preferences (
    user_id      BIGINT        NOT NULL CONSTRAINT pk_notification_preferences PRIMARY KEY
                               CONSTRAINT fk_notification_preferences_user REFERENCES dbo.users (id),
    email        NVARCHAR(320) NULL,
    lang         NVARCHAR(2)   NOT NULL CONSTRAINT df_notification_preferences_lang DEFAULT 'ko'
                               CONSTRAINT ck_notification_preferences_lang CHECK (lang IN ('ko','en')),
    email_off    NVARCHAR(MAX) NOT NULL CONSTRAINT df_notification_preferences_off DEFAULT '[]',
    digest       BIT           NOT NULL CONSTRAINT df_notification_preferences_digest DEFAULT 0,
    digest_hour  INT           NOT NULL CONSTRAINT df_notification_preferences_hour DEFAULT 8
                               CONSTRAINT ck_notification_preferences_hour CHECK (digest_hour BETWEEN 0 AND 23),
    version      BIGINT        NOT NULL CONSTRAINT df_notification_preferences_version DEFAULT 1,
    updated_at   DATETIME2(7)  NOT NULL
);
