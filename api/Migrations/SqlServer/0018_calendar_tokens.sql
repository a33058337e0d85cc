-- Calendar feeds (iCalendar subscriptions of council meetings). A feed is reached by an unguessable token in its URL,
-- so the token is the credential: only its SHA-256 (lower-case hex) is kept, never the token, as for sessions (0014).
-- A feed belongs to a user or to an API key (exactly one), and shows either one body's meetings (scope 'body') or the
-- meetings of the owner's agency (scope 'person': the bodies it has a seat on, and meetings where it presents an item).
-- Revoking keeps the row (revoked_at) so the owner's list and the audit trail still show it.
CREATE TABLE dbo.calendar_feeds (
    id               BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_calendar_feeds PRIMARY KEY,
    token_hash       NVARCHAR(64)  NOT NULL,
    owner_user_id    BIGINT        NULL CONSTRAINT fk_calendar_feeds_user REFERENCES dbo.users (id),
    owner_api_key_id BIGINT        NULL CONSTRAINT fk_calendar_feeds_key REFERENCES dbo.api_keys (id),
    scope            NVARCHAR(20)  NOT NULL CONSTRAINT ck_calendar_feeds_scope CHECK (scope IN ('body','person')),
    body_id          BIGINT        NULL CONSTRAINT fk_calendar_feeds_body REFERENCES dbo.council_bodies (id),
    version          BIGINT        NOT NULL CONSTRAINT df_calendar_feeds_version DEFAULT 1,
    created_at       DATETIME2(7)  NOT NULL,
    revoked_at       DATETIME2(7)  NULL,
    last_used_at     DATETIME2(7)  NULL,
    CONSTRAINT ck_calendar_feeds_owner CHECK ((owner_user_id IS NULL AND owner_api_key_id IS NOT NULL)
                                           OR (owner_user_id IS NOT NULL AND owner_api_key_id IS NULL)),
    CONSTRAINT ck_calendar_feeds_body CHECK ((scope = 'body' AND body_id IS NOT NULL) OR (scope = 'person' AND body_id IS NULL))
);
CREATE UNIQUE INDEX ux_calendar_feeds_token ON dbo.calendar_feeds (token_hash);
CREATE INDEX ix_calendar_feeds_user ON dbo.calendar_feeds (owner_user_id, id);
CREATE INDEX ix_calendar_feeds_key ON dbo.calendar_feeds (owner_api_key_id, id);
