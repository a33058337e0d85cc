-- The cluster operator's home over 100,000 issues (issue 19, ADR 0021): each cluster link carries a copy of its issue's
-- state and time of last change, written with the link and kept in step by a trigger, so "its clusters' issues by state"
-- and "the latest changes" are range scans per cluster. The operator's "answers to read" walk the issues it raised.
ALTER TABLE dbo.regulatory_issue_clusters ADD
    issue_status NVARCHAR(40) NOT NULL CONSTRAINT df_ric_issue_status DEFAULT N'',
    issue_updated_at DATETIME2(7) NOT NULL CONSTRAINT df_ric_issue_updated_at DEFAULT '0001-01-01';
GO

UPDATE ic SET issue_status = i.status, issue_updated_at = i.updated_at
FROM dbo.regulatory_issue_clusters ic JOIN dbo.regulatory_issues i ON i.id = ic.issue_id;
CREATE INDEX ix_ric_cluster_status ON dbo.regulatory_issue_clusters (cluster_id, issue_status, issue_id);
CREATE INDEX ix_ric_cluster_updated ON dbo.regulatory_issue_clusters (cluster_id, issue_updated_at, issue_id);
CREATE INDEX ix_ri_raised_status_updated ON dbo.regulatory_issues (raised_by_id, status, updated_at, id);
GO

CREATE TRIGGER dbo.tr_regulatory_issues_links_follow ON dbo.regulatory_issues
AFTER UPDATE
AS
BEGIN
    SET NOCOUNT ON;
    IF UPDATE(status) OR UPDATE(updated_at)
        UPDATE ic SET issue_status = i.status, issue_updated_at = i.updated_at
        FROM dbo.regulatory_issue_clusters ic JOIN inserted i ON i.id = ic.issue_id
        WHERE ic.issue_status <> i.status OR ic.issue_updated_at <> i.updated_at;
END;
GO
