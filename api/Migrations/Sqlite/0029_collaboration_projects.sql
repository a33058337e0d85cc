-- Collaboration projects (협력 사업, issue 20 item 3; ADR 0025) between clusters and innovation actors, and the keys the
-- imports of site projects, collaboration projects and policy recommendations upsert by (issue 20 item 8).
--   collaboration_projects   the record; state on the declared workflow (planned → in_progress → completed; suspended,
--                            cancelled); budget in whole won; the meeting / agenda item whose decision started it
--   collaboration_partners   its partners: a cluster or an agency (exactly one), each with a role
-- external_ref: the key a spreadsheet gives a record so that importing the same file again updates it (unique when set).
CREATE TABLE collaboration_projects (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    title_ko               TEXT    NOT NULL,
    title_en               TEXT    NULL,
    summary                TEXT    NOT NULL,
    starts_on              TEXT    NULL,
    ends_on                TEXT    NULL,
    budget_krw             INTEGER NULL,
    state                  TEXT    NOT NULL CHECK (state IN ('planned','in_progress','completed','suspended','cancelled')),
    state_note             TEXT    NULL,
    outcomes               TEXT    NULL,
    source_meeting_id      INTEGER NULL REFERENCES meetings (id),
    source_agenda_item_id  INTEGER NULL REFERENCES agenda_items (id),
    external_ref           TEXT    NULL,
    version                INTEGER NOT NULL DEFAULT 1,
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL
);
CREATE INDEX ix_collaboration_projects_created ON collaboration_projects (created_at, id);
CREATE INDEX ix_collaboration_projects_state ON collaboration_projects (state, id);
CREATE INDEX ix_collaboration_projects_meeting ON collaboration_projects (source_meeting_id, id);
CREATE UNIQUE INDEX ux_collaboration_projects_external_ref ON collaboration_projects (external_ref) WHERE external_ref IS NOT NULL;

CREATE TABLE collaboration_partners (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id  INTEGER NOT NULL REFERENCES collaboration_projects (id),
    cluster_id  INTEGER NULL REFERENCES clusters (id),
    agency_id   INTEGER NULL REFERENCES agencies (id),
    role        TEXT    NOT NULL CHECK (role IN ('lead','co_lead','partner','funder','advisor')),
    CHECK ((cluster_id IS NULL AND agency_id IS NOT NULL) OR (cluster_id IS NOT NULL AND agency_id IS NULL))
);
CREATE INDEX ix_collaboration_partners_project ON collaboration_partners (project_id, id);
CREATE INDEX ix_collaboration_partners_cluster ON collaboration_partners (cluster_id, project_id);
CREATE INDEX ix_collaboration_partners_agency ON collaboration_partners (agency_id, project_id);

ALTER TABLE site_projects ADD COLUMN external_ref TEXT NULL;
CREATE UNIQUE INDEX ux_site_projects_external_ref ON site_projects (external_ref) WHERE external_ref IS NOT NULL;
ALTER TABLE policy_recommendations ADD COLUMN external_ref TEXT NULL;
CREATE UNIQUE INDEX ux_policy_recommendations_external_ref ON policy_recommendations (external_ref) WHERE external_ref IS NOT NULL;
