-- People who sign in to the dashboard, their sessions, API keys of integrating agencies,
-- the append-only audit trail, and the shared data-protection key ring (so every API instance can
-- read every other instance's cookies and antiforgery tokens).
CREATE TABLE users (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    username         TEXT    NOT NULL,
    display_name     TEXT    NOT NULL,
    role             TEXT    NOT NULL CHECK (role IN ('admin','secretariat','ministry_reviewer','cluster_operator','viewer')),
    agency_id        INTEGER NULL REFERENCES agencies (id),
    password_hash    TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
    failed_logins    INTEGER NOT NULL DEFAULT 0,
    locked_until     TEXT    NULL,
    last_login_at    TEXT    NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_users_username ON users (username);

CREATE TABLE user_sessions (
    id          TEXT    NOT NULL PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL,
    revoked_at  TEXT    NULL
);
CREATE INDEX ix_user_sessions_user ON user_sessions (user_id);

CREATE TABLE api_keys (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id     INTEGER NOT NULL REFERENCES agencies (id),
    name          TEXT    NOT NULL,
    prefix        TEXT    NOT NULL,
    key_hash      TEXT    NOT NULL,
    scopes        TEXT    NOT NULL,
    expires_at    TEXT    NOT NULL,
    revoked_at    TEXT    NULL,
    last_used_at  TEXT    NULL,
    created_by    INTEGER NULL REFERENCES users (id),
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_api_keys_prefix ON api_keys (prefix);
CREATE INDEX ix_api_keys_agency ON api_keys (agency_id, id);

CREATE TABLE audit_entries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at     TEXT    NOT NULL,
    actor_type      TEXT    NOT NULL CHECK (actor_type IN ('user','api_key','system')),
    actor_id        INTEGER NULL,
    actor_name      TEXT    NOT NULL,
    action          TEXT    NOT NULL,
    entity_type     TEXT    NOT NULL,
    entity_id       INTEGER NOT NULL,
    before_json     TEXT    NULL,
    after_json      TEXT    NULL,
    request_id      TEXT    NULL,
    client_address  TEXT    NULL
);
CREATE INDEX ix_audit_entity ON audit_entries (entity_type, entity_id, id);
CREATE INDEX ix_audit_actor ON audit_entries (actor_type, actor_id, id);
CREATE INDEX ix_audit_time ON audit_entries (occurred_at, id);

-- The trail is append-only: the database itself refuses to change or remove an entry.
CREATE TRIGGER tr_audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only');
END;
CREATE TRIGGER tr_audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit_entries is append-only');
END;

CREATE TABLE data_protection_keys (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT   NOT NULL,
    xml          TEXT    NOT NULL,
    created_at   TEXT    NOT NULL
);
