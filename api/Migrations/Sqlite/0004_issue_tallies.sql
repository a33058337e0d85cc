-- Running counts of issues per (lead ministry, status, category) and per affected cluster, kept in the
-- same transaction as every change, so the dashboard's statistics read a few hundred rows instead of
-- scanning every issue. lead_ministry_id 0 means "not yet assigned".
CREATE TABLE regulatory_issue_tallies (
    lead_ministry_id INTEGER NOT NULL,
    status           TEXT    NOT NULL,
    category         TEXT    NOT NULL,
    issues           INTEGER NOT NULL,
    PRIMARY KEY (lead_ministry_id, status, category)
);

CREATE TABLE regulatory_issue_cluster_tallies (
    cluster_id INTEGER NOT NULL PRIMARY KEY,
    issues     INTEGER NOT NULL
);

INSERT INTO regulatory_issue_tallies (lead_ministry_id, status, category, issues)
SELECT COALESCE(lead_ministry_id, 0), status, category, COUNT(*) FROM regulatory_issues
GROUP BY COALESCE(lead_ministry_id, 0), status, category;

INSERT INTO regulatory_issue_cluster_tallies (cluster_id, issues)
SELECT cluster_id, COUNT(*) FROM regulatory_issue_clusters GROUP BY cluster_id;
