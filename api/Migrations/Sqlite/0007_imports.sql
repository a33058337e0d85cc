-- Bulk imports: one row per run (dry or real) with its totals, the problems it found and the rejected
-- rows as they were sent, so a steward can download, fix and re-send them. Idempotency keys remember the
-- first answer to a request so that a re-sent import or create returns it instead of running again.
CREATE TABLE import_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    entity      TEXT    NOT NULL,
    actor_type  TEXT    NOT NULL,
    actor_id    INTEGER NULL,
    actor_name  TEXT    NOT NULL,
    file_name   TEXT    NULL,
    format      TEXT    NOT NULL,
    charset     TEXT    NULL,
    sha256      TEXT    NOT NULL,
    bytes       INTEGER NOT NULL,
    dry_run     INTEGER NOT NULL,
    on_error    TEXT    NOT NULL CHECK (on_error IN ('fail','skip')),
    outcome     TEXT    NOT NULL CHECK (outcome IN ('validated','imported','rejected')),
    headers     TEXT    NOT NULL,
    rows_total  INTEGER NOT NULL,
    created     INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    rejected    INTEGER NOT NULL,
    problems_truncated INTEGER NOT NULL,
    started_at  TEXT    NOT NULL,
    duration_ms INTEGER NOT NULL
);
CREATE INDEX ix_import_runs_entity ON import_runs (entity, id);

CREATE TABLE import_problems (
    import_id  INTEGER NOT NULL REFERENCES import_runs (id),
    seq        INTEGER NOT NULL,
    row_number INTEGER NOT NULL,
    column_name TEXT   NULL,
    record_key TEXT    NULL,
    code       TEXT    NOT NULL,
    message    TEXT    NOT NULL,
    PRIMARY KEY (import_id, seq)
);

CREATE TABLE import_rejected_rows (
    import_id  INTEGER NOT NULL REFERENCES import_runs (id),
    row_number INTEGER NOT NULL,
    cells      TEXT    NOT NULL,
    PRIMARY KEY (import_id, row_number)
);

CREATE TABLE idempotency_keys (
    owner        TEXT    NOT NULL,
    idem_key     TEXT    NOT NULL,
    request_hash TEXT    NOT NULL,
    status_code  INTEGER NULL,
    content_type TEXT    NULL,
    location     TEXT    NULL,
    etag         TEXT    NULL,
    body         BLOB    NULL,
    created_at   TEXT    NOT NULL,
    completed_at TEXT    NULL,
    PRIMARY KEY (owner, idem_key)
);
