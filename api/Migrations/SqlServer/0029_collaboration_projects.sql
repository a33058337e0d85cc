-- Collaboration projects (협력 사업, issue 20 item 3; ADR 0025) and the import keys (external_ref) of site projects,
-- collaboration projects and policy recommendations; see the SQLite copy of this migration for what each table holds.
CREATE TABLE dbo.collaboration_projects (
    id                     BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_collaboration_projects PRIMARY KEY,
    title_ko               NVARCHAR(200)  NOT NULL,
    title_en               NVARCHAR(200)  NULL,
    summary                NVARCHAR(MAX)  NOT NULL,
    starts_on              DATE           NULL,
    ends_on                DATE           NULL,
    budget_krw             BIGINT         NULL,
    state                  NVARCHAR(30)   NOT NULL CONSTRAINT ck_collaboration_projects_state
                               CHECK (state IN (N'planned', N'in_progress', N'completed', N'suspended', N'cancelled')),
    state_note             NVARCHAR(4000) NULL,
    outcomes               NVARCHAR(MAX)  NULL,
    source_meeting_id      BIGINT         NULL CONSTRAINT fk_cp_meeting REFERENCES dbo.meetings (id),
    source_agenda_item_id  BIGINT         NULL CONSTRAINT fk_cp_agenda_item REFERENCES dbo.agenda_items (id),
    external_ref           NVARCHAR(100)  NULL,
    version                BIGINT         NOT NULL CONSTRAINT df_cp_version DEFAULT 1,
    created_at             DATETIME2(7)   NOT NULL,
    updated_at             DATETIME2(7)   NOT NULL
);
CREATE INDEX ix_collaboration_projects_created ON dbo.collaboration_projects (created_at, id);
CREATE INDEX ix_collaboration_projects_state ON dbo.collaboration_projects (state, id);
CREATE INDEX ix_collaboration_projects_meeting ON dbo.collaboration_projects (source_meeting_id, id);
CREATE UNIQUE INDEX ux_collaboration_projects_external_ref ON dbo.collaboration_projects (external_ref) WHERE external_ref IS NOT NULL;

CREATE TABLE dbo.collaboration_partners (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_collaboration_partners PRIMARY KEY,
    project_id  BIGINT       NOT NULL CONSTRAINT fk_cpp_project REFERENCES dbo.collaboration_projects (id),
    cluster_id  BIGINT       NULL CONSTRAINT fk_cpp_cluster REFERENCES dbo.clusters (id),
    agency_id   BIGINT       NULL CONSTRAINT fk_cpp_agency REFERENCES dbo.agencies (id),
    role        NVARCHAR(20) NOT NULL CONSTRAINT ck_collaboration_partners_role CHECK (role IN (N'lead', N'co_lead', N'partner', N'funder', N'advisor')),
    CONSTRAINT ck_collaboration_partners_one CHECK ((cluster_id IS NULL AND agency_id IS NOT NULL) OR (cluster_id IS NOT NULL AND agency_id IS NULL))
);
CREATE INDEX ix_collaboration_partners_project ON dbo.collaboration_partners (project_id, id);
CREATE INDEX ix_collaboration_partners_cluster ON dbo.collaboration_partners (cluster_id, project_id);
CREATE INDEX ix_collaboration_partners_agency ON dbo.collaboration_partners (agency_id, project_id);

ALTER TABLE dbo.site_projects ADD external_ref NVARCHAR(100) NULL;
GO
CREATE UNIQUE INDEX ux_site_projects_external_ref ON dbo.site_projects (external_ref) WHERE external_ref IS NOT NULL;
ALTER TABLE dbo.policy_recommendations ADD external_ref NVARCHAR(100) NULL;
GO
CREATE UNIQUE INDEX ux_policy_recommendations_external_ref ON dbo.policy_recommendations (external_ref) WHERE external_ref IS NOT NULL;
