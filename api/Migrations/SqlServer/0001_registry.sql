-- Registry: agencies (every organisation) and clusters, plus the log of seeded reference records.
CREATE TABLE dbo.agencies (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_agencies PRIMARY KEY,
    code        NVARCHAR(40)  NOT NULL,
    name_ko     NVARCHAR(200) NOT NULL,
    name_en     NVARCHAR(200) NULL,
    kind        NVARCHAR(40)  NOT NULL CONSTRAINT ck_agencies_kind CHECK (kind IN ('ministry','cluster_operator','public_institution','local_government','company','university','research_institute','hospital','association','other')),
    sector      NVARCHAR(20)  NULL CONSTRAINT ck_agencies_sector CHECK (sector IS NULL OR sector IN ('industry','academia','research','hospital')),
    parent_id   BIGINT        NULL CONSTRAINT fk_agencies_parent REFERENCES dbo.agencies (id),
    website     NVARCHAR(500) NULL,
    status      NVARCHAR(20)  NOT NULL CONSTRAINT df_agencies_status DEFAULT 'active' CONSTRAINT ck_agencies_status CHECK (status IN ('active','archived')),
    version     BIGINT        NOT NULL CONSTRAINT df_agencies_version DEFAULT 1,
    created_at  DATETIME2(7)  NOT NULL,
    updated_at  DATETIME2(7)  NOT NULL
);
CREATE UNIQUE INDEX ux_agencies_code ON dbo.agencies (code);
CREATE INDEX ix_agencies_kind ON dbo.agencies (kind, code);
CREATE INDEX ix_agencies_name_ko ON dbo.agencies (name_ko, id);
CREATE INDEX ix_agencies_parent ON dbo.agencies (parent_id);
GO

CREATE TABLE dbo.clusters (
    id               BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_clusters PRIMARY KEY,
    code             NVARCHAR(40)   NOT NULL,
    name_ko          NVARCHAR(200)  NOT NULL,
    name_en          NVARCHAR(200)  NULL,
    region           NVARCHAR(20)   NOT NULL,
    operator_id      BIGINT         NOT NULL CONSTRAINT fk_clusters_operator REFERENCES dbo.agencies (id),
    designation      NVARCHAR(100)  NULL,
    specializations  NVARCHAR(MAX)  NOT NULL CONSTRAINT df_clusters_specializations DEFAULT '[]',
    established_year INT            NULL,
    area_km2         FLOAT          NULL,
    latitude         FLOAT          NULL,
    longitude        FLOAT          NULL,
    website          NVARCHAR(500)  NULL,
    status           NVARCHAR(20)   NOT NULL CONSTRAINT df_clusters_status DEFAULT 'active' CONSTRAINT ck_clusters_status CHECK (status IN ('active','under_development','archived')),
    version          BIGINT         NOT NULL CONSTRAINT df_clusters_version DEFAULT 1,
    created_at       DATETIME2(7)   NOT NULL,
    updated_at       DATETIME2(7)   NOT NULL
);
CREATE UNIQUE INDEX ux_clusters_code ON dbo.clusters (code);
CREATE INDEX ix_clusters_operator ON dbo.clusters (operator_id);
CREATE INDEX ix_clusters_region ON dbo.clusters (region, id);
CREATE INDEX ix_clusters_name_ko ON dbo.clusters (name_ko, id);
GO

CREATE TABLE dbo.reference_seed (
    seed_key   NVARCHAR(100) NOT NULL CONSTRAINT pk_reference_seed PRIMARY KEY,
    applied_at DATETIME2(7)  NOT NULL
);
