-- The cluster operator's home over 100,000 issues (issue 19, ADR 0021): "its clusters' issues by state" and "the latest
-- changes to its clusters' issues" read the cluster links alone. Each link carries a copy of its issue's state and time of
-- last change, written with the link and kept in step by a trigger whenever the issue's state or time of last change moves,
-- so both sections are index-only range scans per cluster instead of a visit to every issue of the operator's clusters.
-- The operator's "answers to read" walk the issues it raised by state and time of last change.
ALTER TABLE regulatory_issue_clusters ADD COLUMN issue_status TEXT NOT NULL DEFAULT '';
ALTER TABLE regulatory_issue_clusters ADD COLUMN issue_updated_at TEXT NOT NULL DEFAULT '';
UPDATE regulatory_issue_clusters
SET issue_status = (SELECT i.status FROM regulatory_issues i WHERE i.id = regulatory_issue_clusters.issue_id),
    issue_updated_at = (SELECT i.updated_at FROM regulatory_issues i WHERE i.id = regulatory_issue_clusters.issue_id);
CREATE INDEX ix_ric_cluster_status ON regulatory_issue_clusters (cluster_id, issue_status, issue_id);
CREATE INDEX ix_ric_cluster_updated ON regulatory_issue_clusters (cluster_id, issue_updated_at, issue_id);
CREATE INDEX ix_ri_raised_status_updated ON regulatory_issues (raised_by_id, status, updated_at, id);

CREATE TRIGGER tr_regulatory_issues_links_follow AFTER UPDATE OF status, updated_at ON regulatory_issues
WHEN NEW.status IS NOT OLD.status OR NEW.updated_at IS NOT OLD.updated_at
BEGIN
    UPDATE regulatory_issue_clusters SET issue_status = NEW.status, issue_updated_at = NEW.updated_at WHERE issue_id = NEW.id;
END;
