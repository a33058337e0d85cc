-- Innovation actors (companies, universities, research institutes, hospitals) are located in a cluster.
ALTER TABLE agencies ADD COLUMN cluster_id INTEGER NULL REFERENCES clusters (id);
CREATE INDEX ix_agencies_cluster ON agencies (cluster_id, code);
