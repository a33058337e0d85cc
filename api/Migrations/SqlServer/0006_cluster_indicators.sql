-- Innovation actors (companies, universities, research institutes, hospitals) are located in a cluster.
ALTER TABLE dbo.agencies ADD cluster_id BIGINT NULL CONSTRAINT fk_agencies_cluster REFERENCES dbo.clusters (id);
GO
CREATE INDEX ix_agencies_cluster ON dbo.agencies (cluster_id, code);
