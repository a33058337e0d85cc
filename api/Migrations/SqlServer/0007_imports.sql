-- Bulk imports: one row per run (dry or real) with its totals, the problems it found and the rejected
-- rows as they were sent, so a steward can download, fix and re-send them. Idempotency keys remember the
-- first answer to a request so that a re-sent import or create returns it instead of running again.
CREATE TABLE dbo.import_runs (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_import_runs PRIMARY KEY,
    entity      NVARCHAR(40)  NOT NULL,
    actor_type  NVARCHAR(20)  NOT NULL,
    actor_id    BIGINT        NULL,
    actor_name  NVARCHAR(200) NOT NULL,
    file_name   NVARCHAR(260) NULL,
    format      NVARCHAR(10)  NOT NULL,
    charset     NVARCHAR(20)  NULL,
    sha256      CHAR(64)      NOT NULL,
    bytes       BIGINT        NOT NULL,
    dry_run     BIT           NOT NULL,
    on_error    NVARCHAR(10)  NOT NULL CONSTRAINT ck_import_runs_on_error CHECK (on_error IN ('fail','skip')),
    outcome     NVARCHAR(20)  NOT NULL CONSTRAINT ck_import_runs_outcome CHECK (outcome IN ('validated','imported','rejected')),
    headers     NVARCHAR(MAX) NOT NULL,
    rows_total  INT           NOT NULL,
    created     INT           NOT NULL,
    updated     INT           NOT NULL,
    unchanged   INT           NOT NULL,
    rejected    INT           NOT NULL,
    problems_truncated BIT    NOT NULL,
    started_at  DATETIME2(7) NOT NULL,
    duration_ms BIGINT        NOT NULL
);
CREATE INDEX ix_import_runs_entity ON dbo.import_runs (entity, id);

CREATE TABLE dbo.import_problems (
    import_id   BIGINT NOT NULL CONSTRAINT fk_import_problems_run REFERENCES dbo.import_runs (id),
    seq         INT    NOT NULL,
    row_number  INT    NOT NULL,
    column_name NVARCHAR(100) NULL,
    record_key  NVARCHAR(200) NULL,
    code        NVARCHAR(40)  NOT NULL,
    message     NVARCHAR(1000) NOT NULL,
    CONSTRAINT pk_import_problems PRIMARY KEY (import_id, seq)
);

CREATE TABLE dbo.import_rejected_rows (
    import_id  BIGINT NOT NULL CONSTRAINT fk_import_rejected_rows_run REFERENCES dbo.import_runs (id),
    row_number INT    NOT NULL,
    cells      NVARCHAR(MAX) NOT NULL,
    CONSTRAINT pk_import_rejected_rows PRIMARY KEY (import_id, row_number)
);

CREATE TABLE dbo.idempotency_keys (
    owner        NVARCHAR(100) NOT NULL,
    idem_key     NVARCHAR(200) NOT NULL,
    request_hash CHAR(64)      NOT NULL,
    status_code  INT           NULL,
    content_type NVARCHAR(200) NULL,
    location     NVARCHAR(400) NULL,
    etag         NVARCHAR(100) NULL,
    body         VARBINARY(MAX) NULL,
    created_at   DATETIME2(7) NOT NULL,
    completed_at DATETIME2(7) NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (owner, idem_key)
);
