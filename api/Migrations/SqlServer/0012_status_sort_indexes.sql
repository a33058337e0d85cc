-- The board shows one column per status, each sorted as the user chose: by due date, last update or priority (by
-- creation, ix_ri_status_created serves already). These indexes let a column read only its first cards instead of
-- sorting every issue of the status.
CREATE INDEX ix_ri_status_due ON dbo.regulatory_issues (status, next_due_at, id);
CREATE INDEX ix_ri_status_updated ON dbo.regulatory_issues (status, updated_at, id);
CREATE INDEX ix_ri_status_priority ON dbo.regulatory_issues (status, priority, id);
