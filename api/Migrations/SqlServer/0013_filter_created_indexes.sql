-- A list filtered by who raised it, by category or by priority, newest first (the default sort), sorted every
-- matching issue; with the creation time in each filter's index the page walks it in order. The indexes replace the
-- (column, id) ones, which counts and the agencies' foreign key use just as well through the same first column.
DROP INDEX ix_ri_raised_by ON dbo.regulatory_issues;
DROP INDEX ix_ri_category ON dbo.regulatory_issues;
DROP INDEX ix_ri_priority ON dbo.regulatory_issues;
CREATE INDEX ix_ri_raised_created ON dbo.regulatory_issues (raised_by_id, created_at, id);
CREATE INDEX ix_ri_category_created ON dbo.regulatory_issues (category, created_at, id);
CREATE INDEX ix_ri_priority_created ON dbo.regulatory_issues (priority, created_at, id);
