-- Registry: agencies (every organisation) and clusters, plus the log of seeded reference records.
CREATE TABLE agencies (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT    NOT NULL,
    name_ko     TEXT    NOT NULL,
    name_en     TEXT    NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('ministry','cluster_operator','public_institution','local_government','company','university','research_institute','hospital','association','other')),
    sector      TEXT    NULL CHECK (sector IS NULL OR sector IN ('industry','academia','research','hospital')),
    parent_id   INTEGER NULL REFERENCES agencies (id),
    website     TEXT    NULL,
    status      TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active','archived')),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_agencies_code ON agencies (code);
CREATE INDEX ix_agencies_kind ON agencies (kind, code);
CREATE INDEX ix_agencies_name_ko ON agencies (name_ko, id);
CREATE INDEX ix_agencies_parent ON agencies (parent_id);

CREATE TABLE clusters (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    code             TEXT    NOT NULL,
    name_ko          TEXT    NOT NULL,
    name_en          TEXT    NULL,
    region           TEXT    NOT NULL,
    operator_id      INTEGER NOT NULL REFERENCES agencies (id),
    designation      TEXT    NULL,
    specializations  TEXT    NOT NULL DEFAULT '[]',
    established_year INTEGER NULL,
    area_km2         REAL    NULL,
    latitude         REAL    NULL,
    longitude        REAL    NULL,
    website          TEXT    NULL,
    status           TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active','under_development','archived')),
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_clusters_code ON clusters (code);
CREATE INDEX ix_clusters_operator ON clusters (operator_id);
CREATE INDEX ix_clusters_region ON clusters (region, id);
CREATE INDEX ix_clusters_name_ko ON clusters (name_ko, id);

CREATE TABLE reference_seed (
    seed_key   TEXT NOT NULL PRIMARY KEY,
    applied_at TEXT NOT NULL
);
