-- The board shows one column per status, each sorted as the user chose: by due date, last update or priority (by
-- creation, ix_ri_status_created serves already). Without an index in that order SQLite read every issue of the
-- status and sorted them: over 100,000 issues ~22 ms a column, ~200 ms a board. Walking these indexes it reads only
-- the column's first cards (~25 us a column).
CREATE INDEX ix_ri_status_due ON regulatory_issues (status, next_due_at, id);
CREATE INDEX ix_ri_status_updated ON regulatory_issues (status, updated_at, id);
CREATE INDEX ix_ri_status_priority ON regulatory_issues (status, priority, id);
