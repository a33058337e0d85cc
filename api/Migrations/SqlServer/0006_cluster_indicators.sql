-- Innovation actors (companies, universities, research institutes, hospitals) are located in a cluster;
-- and each cluster keeps its yearly figures as a time series, one row per cluster and year.
ALTER TABLE dbo.agencies ADD cluster_id BIGINT NULL CONSTRAINT fk_agencies_cluster REFERENCES dbo.clusters (id);
GO
CREATE INDEX ix_agencies_cluster ON dbo.agencies (cluster_id, code);
GO

CREATE TABLE dbo.cluster_indicators (
    id                     BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_cluster_indicators PRIMARY KEY,
    cluster_id             BIGINT         NOT NULL CONSTRAINT fk_cluster_indicators_cluster REFERENCES dbo.clusters (id),
    year                   INT            NOT NULL CONSTRAINT ck_cluster_indicators_year CHECK (year BETWEEN 1990 AND 2100),
    companies              INT            NULL CONSTRAINT ck_cluster_indicators_companies CHECK (companies IS NULL OR companies >= 0),
    employees              INT            NULL CONSTRAINT ck_cluster_indicators_employees CHECK (employees IS NULL OR employees >= 0),
    revenue_million_krw    FLOAT          NULL CONSTRAINT ck_cluster_indicators_revenue CHECK (revenue_million_krw IS NULL OR revenue_million_krw >= 0),
    rd_spend_million_krw   FLOAT          NULL CONSTRAINT ck_cluster_indicators_rd_spend CHECK (rd_spend_million_krw IS NULL OR rd_spend_million_krw >= 0),
    investment_million_krw FLOAT          NULL CONSTRAINT ck_cluster_indicators_investment CHECK (investment_million_krw IS NULL OR investment_million_krw >= 0),
    exports_thousand_usd   FLOAT          NULL CONSTRAINT ck_cluster_indicators_exports CHECK (exports_thousand_usd IS NULL OR exports_thousand_usd >= 0),
    note                   NVARCHAR(2000) NULL,
    version                BIGINT         NOT NULL CONSTRAINT df_cluster_indicators_version DEFAULT 1,
    created_at             DATETIME2(7)   NOT NULL,
    updated_at             DATETIME2(7)   NOT NULL
);
CREATE UNIQUE INDEX ux_cluster_indicators_cluster_year ON dbo.cluster_indicators (cluster_id, year);
CREATE INDEX ix_cluster_indicators_year ON dbo.cluster_indicators (year, id);
