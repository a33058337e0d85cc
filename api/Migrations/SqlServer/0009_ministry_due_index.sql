-- A ministry's view ("what my ministry owes and by when") lists its issues in given states by due date and counts
-- the overdue ones. It walks the ministry's due-date index and tests each entry's status; with the status in the
-- index that walk never touches the table, and only the page's own rows are read.
DROP INDEX ix_ri_lead_due ON dbo.regulatory_issues;
CREATE INDEX ix_ri_lead_due ON dbo.regulatory_issues (lead_ministry_id, next_due_at, id) INCLUDE (status);
