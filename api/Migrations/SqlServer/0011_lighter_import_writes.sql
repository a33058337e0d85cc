-- Most agencies have no parent, and nothing looks agencies up by a NULL parent: the parent index keeps only the
-- agencies that have one. (The SQLite script also rebuilds the audit table without AUTOINCREMENT; SQL Server's
-- IDENTITY has no such per-insert cost, so nothing changes here for it.)
DROP INDEX ix_agencies_parent ON dbo.agencies;
CREATE INDEX ix_agencies_parent ON dbo.agencies (parent_id) WHERE parent_id IS NOT NULL;
