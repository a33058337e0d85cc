-- Innovation actors and site projects (ADR 0024). An innovation actor is an agency with a sector, located in one or
-- more clusters: its profile (specializations, region) is kept on the agency, its places in cluster_actors. An agency's
-- cluster_id (its home cluster) is one of them. Site projects are the buildings and sites developed in a cluster.
ALTER TABLE dbo.agencies ADD specializations NVARCHAR(MAX) NOT NULL CONSTRAINT df_agencies_specializations DEFAULT '[]';
ALTER TABLE dbo.agencies ADD region NVARCHAR(20) NULL;
GO

CREATE TABLE dbo.cluster_actors (
    cluster_id BIGINT       NOT NULL CONSTRAINT fk_cluster_actors_cluster REFERENCES dbo.clusters (id),
    agency_id  BIGINT       NOT NULL CONSTRAINT fk_cluster_actors_agency REFERENCES dbo.agencies (id),
    added_at   DATETIME2(7) NOT NULL,
    CONSTRAINT pk_cluster_actors PRIMARY KEY (cluster_id, agency_id)
);
CREATE INDEX ix_cluster_actors_agency ON dbo.cluster_actors (agency_id, cluster_id);
GO

INSERT INTO dbo.cluster_actors (cluster_id, agency_id, added_at)
SELECT cluster_id, id, updated_at FROM dbo.agencies WHERE cluster_id IS NOT NULL;
GO

-- An agency given a home cluster (the agency form, the agency import) is located there: one trigger keeps that true
-- for every writer. Taking an actor out of a cluster clears its home cluster if it was that one (ActorStore).
CREATE TRIGGER dbo.tr_agencies_home_cluster ON dbo.agencies
AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF UPDATE(cluster_id)
        INSERT INTO dbo.cluster_actors (cluster_id, agency_id, added_at)
        SELECT i.cluster_id, i.id, i.updated_at FROM inserted i
        WHERE i.cluster_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM dbo.cluster_actors m WHERE m.cluster_id = i.cluster_id AND m.agency_id = i.id);
END;
GO

CREATE TABLE dbo.site_projects (
    id                BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_site_projects PRIMARY KEY,
    cluster_id        BIGINT         NOT NULL CONSTRAINT fk_site_projects_cluster REFERENCES dbo.clusters (id),
    name_ko           NVARCHAR(200)  NOT NULL,
    name_en           NVARCHAR(200)  NULL,
    address           NVARCHAR(500)  NULL,
    latitude          FLOAT          NULL,
    longitude         FLOAT          NULL,
    land_area_m2      FLOAT          NULL,
    floor_area_m2     FLOAT          NULL,
    floors_below      INT            NULL,
    floors_above      INT            NULL,
    developer_id      BIGINT         NULL CONSTRAINT fk_site_projects_developer REFERENCES dbo.agencies (id),
    state             NVARCHAR(20)   NOT NULL CONSTRAINT ck_site_projects_state CHECK (state IN ('planned','design','construction','completed','on_hold')),
    description       NVARCHAR(4000) NULL,
    version           BIGINT         NOT NULL CONSTRAINT df_site_projects_version DEFAULT 1,
    created_at        DATETIME2(7)   NOT NULL,
    updated_at        DATETIME2(7)   NOT NULL
);
CREATE INDEX ix_site_projects_cluster ON dbo.site_projects (cluster_id, id);
GO

CREATE TABLE dbo.site_project_stages (
    project_id    BIGINT        NOT NULL CONSTRAINT fk_site_project_stages_project REFERENCES dbo.site_projects (id) ON DELETE CASCADE,
    position      INT           NOT NULL,
    name_ko       NVARCHAR(200) NOT NULL,
    name_en       NVARCHAR(200) NULL,
    planned_start DATE          NULL,
    planned_end   DATE          NULL,
    actual_start  DATE          NULL,
    actual_end    DATE          NULL,
    CONSTRAINT pk_site_project_stages PRIMARY KEY (project_id, position)
);
