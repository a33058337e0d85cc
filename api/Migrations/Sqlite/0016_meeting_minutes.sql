-- Minutes (회의록) of a meeting, one row per version: draft → circulated → approved → published. Publishing freezes
-- the version's content (the whole minutes as published, JSON); an edit after publication is a new version, and
-- every version is kept.
CREATE TABLE meeting_minutes (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id      INTEGER NOT NULL REFERENCES meetings (id),
    version_no      INTEGER NOT NULL,
    state           TEXT    NOT NULL,
    summary         TEXT    NULL,
    remarks         TEXT    NOT NULL DEFAULT '{}',
    approved_by     TEXT    NULL,
    approving_meeting_id INTEGER NULL REFERENCES meetings (id),
    circulated_at   TEXT    NULL,
    approved_at     TEXT    NULL,
    published_at    TEXT    NULL,
    published_json  TEXT    NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_meeting_minutes_version ON meeting_minutes (meeting_id, version_no);
