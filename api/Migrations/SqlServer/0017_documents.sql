-- Documents (첨부 문서) attached to records: a regulatory issue now, meetings, agenda items, minutes and follow-ups
-- later (owner_kind names the kind, owner_id the record; no foreign key, since the owner is in one of several tables).
-- The bytes are stored once per SHA-256 however many documents share them, in chunks of at most 1 MiB so neither
-- engine holds a whole file in one value (the database content store, Documents:Storage = Database). documents has
-- no foreign key to document_contents: another content store (object storage) keeps the bytes elsewhere.
-- A document is never deleted, only marked (deleted_at/by): the audit trail and the record's history keep pointing at it.
CREATE TABLE dbo.document_contents (
    sha256      CHAR(64)     NOT NULL CONSTRAINT pk_document_contents PRIMARY KEY,
    size        BIGINT       NOT NULL,
    chunk_count INT          NOT NULL,
    created_at  DATETIME2(7) NOT NULL
);

CREATE TABLE dbo.document_content_chunks (
    sha256 CHAR(64)       NOT NULL CONSTRAINT fk_document_content_chunks_content REFERENCES dbo.document_contents (sha256),
    seq    INT            NOT NULL,
    data   VARBINARY(MAX) NOT NULL,
    CONSTRAINT pk_document_content_chunks PRIMARY KEY (sha256, seq)
);

CREATE TABLE dbo.documents (
    id              BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_documents PRIMARY KEY,
    owner_kind      NVARCHAR(40)   NOT NULL,
    owner_id        BIGINT         NOT NULL,
    sha256          CHAR(64)       NOT NULL,
    file_name       NVARCHAR(255)  NOT NULL,
    safe_name       NVARCHAR(255)  NOT NULL,
    media_type      NVARCHAR(100)  NOT NULL,
    size            BIGINT         NOT NULL,
    title           NVARCHAR(200)  NULL,
    description     NVARCHAR(2000) NULL,
    version         BIGINT         NOT NULL CONSTRAINT df_documents_version DEFAULT 1,
    created_at      DATETIME2(7)   NOT NULL,
    created_by_type NVARCHAR(20)   NOT NULL,
    created_by_id   BIGINT         NULL,
    created_by_name NVARCHAR(200)  NOT NULL,
    deleted_at      DATETIME2(7)   NULL,
    deleted_by_type NVARCHAR(20)   NULL,
    deleted_by_id   BIGINT         NULL,
    deleted_by_name NVARCHAR(200)  NULL
);
-- A record's documents, newest first, without the deleted ones.
CREATE INDEX ix_documents_owner ON dbo.documents (owner_kind, owner_id, id) WHERE deleted_at IS NULL;
CREATE INDEX ix_documents_sha256 ON dbo.documents (sha256);
