-- Innovation actors and site projects (ADR 0024). An innovation actor is an agency with a sector, located in one or
-- more clusters: its profile (specializations, region) is kept on the agency, its places in cluster_actors. An agency's
-- cluster_id (its home cluster) is one of them. Site projects are the buildings and sites developed in a cluster.
ALTER TABLE agencies ADD COLUMN specializations TEXT NOT NULL DEFAULT '[]';
ALTER TABLE agencies ADD COLUMN region TEXT NULL;

CREATE TABLE cluster_actors (
    cluster_id INTEGER NOT NULL REFERENCES clusters (id),
    agency_id  INTEGER NOT NULL REFERENCES agencies (id),
    added_at   TEXT    NOT NULL,
    PRIMARY KEY (cluster_id, agency_id)
);
CREATE INDEX ix_cluster_actors_agency ON cluster_actors (agency_id, cluster_id);

INSERT INTO cluster_actors (cluster_id, agency_id, added_at)
SELECT cluster_id, id, updated_at FROM agencies WHERE cluster_id IS NOT NULL;

-- An agency given a home cluster (the agency form, the agency import) is located there: one trigger keeps that true
-- for every writer. Taking an actor out of a cluster clears its home cluster if it was that one (ActorStore).
CREATE TRIGGER tr_agencies_home_cluster_insert AFTER INSERT ON agencies
WHEN NEW.cluster_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO cluster_actors (cluster_id, agency_id, added_at) VALUES (NEW.cluster_id, NEW.id, NEW.updated_at);
END;
CREATE TRIGGER tr_agencies_home_cluster_update AFTER UPDATE OF cluster_id ON agencies
WHEN NEW.cluster_id IS NOT NULL AND NEW.cluster_id IS NOT OLD.cluster_id
BEGIN
    INSERT OR IGNORE INTO cluster_actors (cluster_id, agency_id, added_at) VALUES (NEW.cluster_id, NEW.id, NEW.updated_at);
END;

CREATE TABLE site_projects (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    cluster_id        INTEGER NOT NULL REFERENCES clusters (id),
    name_ko           TEXT    NOT NULL,
    name_en           TEXT    NULL,
    address           TEXT    NULL,
    latitude          REAL    NULL,
    longitude         REAL    NULL,
    land_area_m2      REAL    NULL,
    floor_area_m2     REAL    NULL,
    floors_below      INTEGER NULL,
    floors_above      INTEGER NULL,
    developer_id      INTEGER NULL REFERENCES agencies (id),
    state             TEXT    NOT NULL CHECK (state IN ('planned','design','construction','completed','on_hold')),
    description       TEXT    NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX ix_site_projects_cluster ON site_projects (cluster_id, id);

CREATE TABLE site_project_stages (
    project_id    INTEGER NOT NULL REFERENCES site_projects (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    name_ko       TEXT    NOT NULL,
    name_en       TEXT    NULL,
    planned_start TEXT    NULL,
    planned_end   TEXT    NULL,
    actual_start  TEXT    NULL,
    actual_end    TEXT    NULL,
    PRIMARY KEY (project_id, position)
);
