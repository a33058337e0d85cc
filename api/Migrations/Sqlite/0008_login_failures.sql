-- Failed sign-ins for usernames that have no account, counted and locked like an account's own, so that a
-- locked answer (429) never tells an attacker which usernames exist. Keyed by the SHA-256 of the normalised
-- username: nothing an attacker types is stored.
CREATE TABLE login_failures (
    username_hash   TEXT    NOT NULL PRIMARY KEY,
    failed_logins   INTEGER NOT NULL,
    locked_until    TEXT    NULL,
    last_failed_at  TEXT    NOT NULL
);
CREATE INDEX ix_login_failures_last ON login_failures (last_failed_at);
