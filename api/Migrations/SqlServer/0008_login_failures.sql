-- Failed sign-ins for usernames that have no account, counted and locked like an account's own, so that a
-- locked answer (429) never tells an attacker which usernames exist. Keyed by the SHA-256 of the normalised
-- username: nothing an attacker types is stored.
CREATE TABLE dbo.login_failures (
    username_hash   CHAR(64)     NOT NULL CONSTRAINT pk_login_failures PRIMARY KEY,
    failed_logins   INT          NOT NULL,
    locked_until    DATETIME2(7) NULL,
    last_failed_at  DATETIME2(7) NOT NULL
);
CREATE INDEX ix_login_failures_last ON dbo.login_failures (last_failed_at);
