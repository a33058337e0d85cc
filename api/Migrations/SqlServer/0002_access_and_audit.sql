-- People who sign in to the dashboard, their sessions, API keys of integrating agencies,
-- the append-only audit trail, and the shared data-protection key ring (so every API instance can
-- read every other instance's cookies and antiforgery tokens).
CREATE TABLE dbo.users (
    id               BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_users PRIMARY KEY,
    username         NVARCHAR(64)  NOT NULL,
    display_name     NVARCHAR(200) NOT NULL,
    role             NVARCHAR(40)  NOT NULL CONSTRAINT ck_users_role CHECK (role IN ('admin','secretariat','ministry_reviewer','cluster_operator','viewer')),
    agency_id        BIGINT        NULL CONSTRAINT fk_users_agency REFERENCES dbo.agencies (id),
    password_hash    NVARCHAR(400) NOT NULL,
    status           NVARCHAR(20)  NOT NULL CONSTRAINT df_users_status DEFAULT 'active' CONSTRAINT ck_users_status CHECK (status IN ('active','disabled')),
    failed_logins    INT           NOT NULL CONSTRAINT df_users_failed DEFAULT 0,
    locked_until     DATETIME2(7)  NULL,
    last_login_at    DATETIME2(7)  NULL,
    version          BIGINT        NOT NULL CONSTRAINT df_users_version DEFAULT 1,
    created_at       DATETIME2(7)  NOT NULL,
    updated_at       DATETIME2(7)  NOT NULL
);
CREATE UNIQUE INDEX ux_users_username ON dbo.users (username);
GO

CREATE TABLE dbo.user_sessions (
    id          NVARCHAR(64)  NOT NULL CONSTRAINT pk_user_sessions PRIMARY KEY,
    user_id     BIGINT        NOT NULL CONSTRAINT fk_user_sessions_user REFERENCES dbo.users (id),
    created_at  DATETIME2(7)  NOT NULL,
    expires_at  DATETIME2(7)  NOT NULL,
    revoked_at  DATETIME2(7)  NULL
);
CREATE INDEX ix_user_sessions_user ON dbo.user_sessions (user_id);
GO

CREATE TABLE dbo.api_keys (
    id            BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_api_keys PRIMARY KEY,
    agency_id     BIGINT        NOT NULL CONSTRAINT fk_api_keys_agency REFERENCES dbo.agencies (id),
    name          NVARCHAR(200) NOT NULL,
    prefix        NVARCHAR(32)  NOT NULL,
    key_hash      NVARCHAR(128) NOT NULL,
    scopes        NVARCHAR(200) NOT NULL,
    expires_at    DATETIME2(7)  NOT NULL,
    revoked_at    DATETIME2(7)  NULL,
    last_used_at  DATETIME2(7)  NULL,
    created_by    BIGINT        NULL CONSTRAINT fk_api_keys_creator REFERENCES dbo.users (id),
    version       BIGINT        NOT NULL CONSTRAINT df_api_keys_version DEFAULT 1,
    created_at    DATETIME2(7)  NOT NULL
);
CREATE UNIQUE INDEX ux_api_keys_prefix ON dbo.api_keys (prefix);
CREATE INDEX ix_api_keys_agency ON dbo.api_keys (agency_id, id);
GO

CREATE TABLE dbo.audit_entries (
    id              BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_audit_entries PRIMARY KEY,
    occurred_at     DATETIME2(7)   NOT NULL,
    actor_type      NVARCHAR(20)   NOT NULL CONSTRAINT ck_audit_actor_type CHECK (actor_type IN ('user','api_key','system')),
    actor_id        BIGINT         NULL,
    actor_name      NVARCHAR(200)  NOT NULL,
    action          NVARCHAR(40)   NOT NULL,
    entity_type     NVARCHAR(40)   NOT NULL,
    entity_id       BIGINT         NOT NULL,
    before_json     NVARCHAR(MAX)  NULL,
    after_json      NVARCHAR(MAX)  NULL,
    request_id      NVARCHAR(100)  NULL,
    client_address  NVARCHAR(64)   NULL
);
CREATE INDEX ix_audit_entity ON dbo.audit_entries (entity_type, entity_id, id);
CREATE INDEX ix_audit_actor ON dbo.audit_entries (actor_type, actor_id, id);
CREATE INDEX ix_audit_time ON dbo.audit_entries (occurred_at, id);
GO

-- The trail is append-only: the database itself refuses to change or remove an entry.
CREATE TRIGGER dbo.tr_audit_entries_append_only ON dbo.audit_entries
INSTEAD OF UPDATE, DELETE
AS
BEGIN
    THROW 50001, 'audit_entries is append-only', 1;
END;
GO

CREATE TABLE dbo.data_protection_keys (
    id            BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_data_protection_keys PRIMARY KEY,
    friendly_name NVARCHAR(200) NOT NULL,
    xml           NVARCHAR(MAX) NOT NULL,
    created_at    DATETIME2(7)  NOT NULL
);
