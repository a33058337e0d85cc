-- A readable audit trail. Two facts are written with each entry, because neither can be worked out later:
-- 1. actor_agency_id: the agency the person (or the API key) belonged to when they made the change. A user's agency can
--    change; the history must name the agency of then. The agency's names are read at display time by this id.
-- 2. import_run_id: on each entry an import wrote for one of its rows, the run (import_runs.id). The run's own entry
--    (entity_type 'import') leaves it empty. Lists read an import as one line: the entries without a run (ix_audit_lines)
--    plus, per run, its rows on demand (ix_audit_import).
-- Old entries keep both empty: they show the actor's name only and their import rows one by one.
ALTER TABLE dbo.audit_entries ADD actor_agency_id BIGINT NULL, import_run_id BIGINT NULL;
GO
CREATE INDEX ix_audit_lines ON dbo.audit_entries (id) WHERE import_run_id IS NULL;
CREATE INDEX ix_audit_import ON dbo.audit_entries (import_run_id, entity_type, id) WHERE import_run_id IS NOT NULL;
GO
