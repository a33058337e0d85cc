-- Documents (첨부 문서) attached to records: a regulatory issue now, meetings, agenda items, minutes and follow-ups
-- later (owner_kind names the kind, owner_id the record; no foreign key, since the owner is in one of several tables).
-- The bytes are stored once per SHA-256 however many documents share them, in chunks of at most 1 MiB so neither
-- engine holds a whole file in one value (the database content store, Documents:Storage = Database). documents has
-- no foreign key to document_contents: another content store (object storage) keeps the bytes elsewhere.
-- A document is never deleted, only marked (deleted_at/by): the audit trail and the record's history keep pointing at it.
CREATE TABLE document_contents (
    sha256      TEXT    NOT NULL PRIMARY KEY,
    size        INTEGER NOT NULL,
    chunk_count INTEGER NOT NULL,
    created_at  TEXT    NOT NULL
);

CREATE TABLE document_content_chunks (
    sha256 TEXT    NOT NULL REFERENCES document_contents (sha256),
    seq    INTEGER NOT NULL,
    data   BLOB    NOT NULL,
    PRIMARY KEY (sha256, seq)
);

CREATE TABLE documents (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_kind      TEXT    NOT NULL,
    owner_id        INTEGER NOT NULL,
    sha256          TEXT    NOT NULL,
    file_name       TEXT    NOT NULL,
    safe_name       TEXT    NOT NULL,
    media_type      TEXT    NOT NULL,
    size            INTEGER NOT NULL,
    title           TEXT    NULL,
    description     TEXT    NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL,
    created_by_type TEXT    NOT NULL,
    created_by_id   INTEGER NULL,
    created_by_name TEXT    NOT NULL,
    deleted_at      TEXT    NULL,
    deleted_by_type TEXT    NULL,
    deleted_by_id   INTEGER NULL,
    deleted_by_name TEXT    NULL
);
-- A record's documents, newest first, without the deleted ones.
CREATE INDEX ix_documents_owner ON documents (owner_kind, owner_id, id) WHERE deleted_at IS NULL;
CREATE INDEX ix_documents_sha256 ON documents (sha256);
