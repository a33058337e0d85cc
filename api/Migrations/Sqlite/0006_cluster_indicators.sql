-- Innovation actors (companies, universities, research institutes, hospitals) are located in a cluster;
-- and each cluster keeps its yearly figures as a time series, one row per cluster and year.
ALTER TABLE agencies ADD COLUMN cluster_id INTEGER NULL REFERENCES clusters (id);
CREATE INDEX ix_agencies_cluster ON agencies (cluster_id, code);

CREATE TABLE cluster_indicators (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    cluster_id             INTEGER NOT NULL REFERENCES clusters (id),
    year                   INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    companies              INTEGER NULL CHECK (companies IS NULL OR companies >= 0),
    employees              INTEGER NULL CHECK (employees IS NULL OR employees >= 0),
    revenue_million_krw    REAL    NULL CHECK (revenue_million_krw IS NULL OR revenue_million_krw >= 0),
    rd_spend_million_krw   REAL    NULL CHECK (rd_spend_million_krw IS NULL OR rd_spend_million_krw >= 0),
    investment_million_krw REAL    NULL CHECK (investment_million_krw IS NULL OR investment_million_krw >= 0),
    exports_thousand_usd   REAL    NULL CHECK (exports_thousand_usd IS NULL OR exports_thousand_usd >= 0),
    note                   TEXT    NULL,
    version                INTEGER NOT NULL DEFAULT 1,
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_cluster_indicators_cluster_year ON cluster_indicators (cluster_id, year);
CREATE INDEX ix_cluster_indicators_year ON cluster_indicators (year, id);
