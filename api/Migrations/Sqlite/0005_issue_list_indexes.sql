-- The busiest filtered list (a ministry's open issues, newest first) walks the ministry's index in
-- created order and tests each entry's status; with the status in the index that walk never touches
-- the table, and only the page's own rows are read.
DROP INDEX ix_ri_lead_created;
CREATE INDEX ix_ri_lead_created ON regulatory_issues (lead_ministry_id, created_at, id, status);
