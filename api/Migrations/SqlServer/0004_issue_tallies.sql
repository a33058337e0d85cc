-- Running counts of issues per (lead ministry, status, category) and per affected cluster, kept in the
-- same transaction as every change, so the dashboard's statistics read a few hundred rows instead of
-- scanning every issue. lead_ministry_id 0 means "not yet assigned".
CREATE TABLE dbo.regulatory_issue_tallies (
    lead_ministry_id BIGINT        NOT NULL,
    status           NVARCHAR(40)  NOT NULL,
    category         NVARCHAR(40)  NOT NULL,
    issues           INT           NOT NULL,
    CONSTRAINT pk_regulatory_issue_tallies PRIMARY KEY (lead_ministry_id, status, category)
);

CREATE TABLE dbo.regulatory_issue_cluster_tallies (
    cluster_id BIGINT NOT NULL CONSTRAINT pk_regulatory_issue_cluster_tallies PRIMARY KEY,
    issues     INT    NOT NULL
);
GO

INSERT INTO dbo.regulatory_issue_tallies (lead_ministry_id, status, category, issues)
SELECT COALESCE(lead_ministry_id, 0), status, category, COUNT(*) FROM dbo.regulatory_issues
GROUP BY COALESCE(lead_ministry_id, 0), status, category;

INSERT INTO dbo.regulatory_issue_cluster_tallies (cluster_id, issues)
SELECT cluster_id, COUNT(*) FROM dbo.regulatory_issue_clusters GROUP BY cluster_id;
