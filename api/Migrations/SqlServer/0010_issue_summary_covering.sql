-- A list page names each issue's clusters. Reading them from the link table cost one index seek per issue, so each
-- issue keeps a copy of its cluster ids (ascending, comma-separated), written in the same transaction as its links;
-- regulatory_issue_clusters stays the record that filters, tallies and the detail page read.
ALTER TABLE dbo.regulatory_issues ADD cluster_ids NVARCHAR(MAX) NOT NULL CONSTRAINT df_ri_cluster_ids DEFAULT N'';
GO
UPDATE i
SET cluster_ids = COALESCE((SELECT STRING_AGG(CAST(c.cluster_id AS NVARCHAR(MAX)), N',') WITHIN GROUP (ORDER BY c.cluster_id)
                            FROM dbo.regulatory_issue_clusters c WHERE c.issue_id = i.id), N'')
FROM dbo.regulatory_issues i;
GO
-- A ministry's list, newest first (the ministry view's default and the busiest filtered list), reads every column of
-- its page from this index and never touches the table.
DROP INDEX ix_ri_lead_created ON dbo.regulatory_issues;
CREATE INDEX ix_ri_lead_created ON dbo.regulatory_issues (lead_ministry_id, created_at, id)
    INCLUDE (status, title_ko, title_en, category, raised_by_id, priority, response_due_at, planned_completion_on, review_on,
             progress_percent, next_due_at, updated_at, cluster_ids);
