-- Minutes (회의록) of a meeting, one row per version: draft → circulated → approved → published. Publishing freezes
-- the version's content (the whole minutes as published, JSON); an edit after publication is a new version, and
-- every version is kept.
CREATE TABLE dbo.meeting_minutes (
    id              BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    meeting_id      BIGINT        NOT NULL REFERENCES dbo.meetings (id),
    version_no      INT           NOT NULL,
    state           NVARCHAR(40)  NOT NULL,
    summary         NVARCHAR(MAX) NULL,
    remarks         NVARCHAR(MAX) NOT NULL DEFAULT '{}',
    approved_by     NVARCHAR(40)  NULL,
    approving_meeting_id BIGINT   NULL REFERENCES dbo.meetings (id),
    circulated_at   DATETIME2(7)  NULL,
    approved_at     DATETIME2(7)  NULL,
    published_at    DATETIME2(7)  NULL,
    published_json  NVARCHAR(MAX) NULL,
    version         BIGINT        NOT NULL DEFAULT 1,
    created_at      DATETIME2(7)  NOT NULL,
    updated_at      DATETIME2(7)  NOT NULL
);
CREATE UNIQUE INDEX ux_meeting_minutes_version ON dbo.meeting_minutes (meeting_id, version_no);
