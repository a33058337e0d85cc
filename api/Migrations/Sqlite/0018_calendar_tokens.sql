-- Calendar feeds (iCalendar subscriptions of council meetings). A feed is reached by an unguessable token in its URL,
-- so the token is the credential: only its SHA-256 (lower-case hex) is kept, never the token, as for sessions (0014).
-- A feed belongs to a user or to an API key (exactly one), and shows either one body's meetings (scope 'body') or the
-- meetings of the owner's agency (scope 'person': the bodies it has a seat on, and meetings where it presents an item).
-- Revoking keeps the row (revoked_at) so the owner's list and the audit trail still show it.
CREATE TABLE calendar_feeds (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash       TEXT    NOT NULL,
    owner_user_id    INTEGER NULL REFERENCES users (id),
    owner_api_key_id INTEGER NULL REFERENCES api_keys (id),
    scope            TEXT    NOT NULL CHECK (scope IN ('body','person')),
    body_id          INTEGER NULL REFERENCES council_bodies (id),
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT    NOT NULL,
    revoked_at       TEXT    NULL,
    last_used_at     TEXT    NULL,
    CHECK ((owner_user_id IS NULL) <> (owner_api_key_id IS NULL)),
    CHECK ((scope = 'body') = (body_id IS NOT NULL))
);
CREATE UNIQUE INDEX ux_calendar_feeds_token ON calendar_feeds (token_hash);
CREATE INDEX ix_calendar_feeds_user ON calendar_feeds (owner_user_id, id);
CREATE INDEX ix_calendar_feeds_key ON calendar_feeds (owner_api_key_id, id);
