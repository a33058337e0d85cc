-- Search (issue 19, ADR 0017) on SQL Server: full-text indexes (Korean word breaker, LCID 1042) on the searched columns of
-- clusters, agencies, meetings, agenda items, regulatory issues and their comments, in one catalog. SQL Server keeps them
-- up to date by itself (CHANGE_TRACKING AUTO: in the background, seconds behind a commit; ADR 0017 says what that means).
-- A full-text index needs a unique, single-column, non-nullable key index: the primary keys where they are named, and a
-- unique index on id for the two council tables whose primary keys were left unnamed.
-- Official contact details are not indexed (PIPA: ContactVisibility).
CREATE UNIQUE INDEX ux_meetings_id ON dbo.meetings (id);
CREATE UNIQUE INDEX ux_agenda_items_id ON dbo.agenda_items (id);
GO
-- outside transaction: SQL Server refuses full-text DDL inside a user transaction; the migrator runs these batches
-- after it commits, on every start, so each one checks whether its object exists.
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'biocluster_search')
    CREATE FULLTEXT CATALOG biocluster_search;
GO
-- outside transaction
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('dbo.clusters'))
    CREATE FULLTEXT INDEX ON dbo.clusters (code LANGUAGE 1042, name_ko LANGUAGE 1042, name_en LANGUAGE 1042, region LANGUAGE 1042,
        designation LANGUAGE 1042)
    KEY INDEX pk_clusters ON biocluster_search WITH CHANGE_TRACKING AUTO;
GO
-- outside transaction
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('dbo.agencies'))
    CREATE FULLTEXT INDEX ON dbo.agencies (code LANGUAGE 1042, name_ko LANGUAGE 1042, name_en LANGUAGE 1042)
    KEY INDEX pk_agencies ON biocluster_search WITH CHANGE_TRACKING AUTO;
GO
-- outside transaction
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('dbo.meetings'))
    CREATE FULLTEXT INDEX ON dbo.meetings (title_ko LANGUAGE 1042, title_en LANGUAGE 1042, venue LANGUAGE 1042)
    KEY INDEX ux_meetings_id ON biocluster_search WITH CHANGE_TRACKING AUTO;
GO
-- outside transaction
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('dbo.agenda_items'))
    CREATE FULLTEXT INDEX ON dbo.agenda_items (title_ko LANGUAGE 1042, title_en LANGUAGE 1042, decision_text LANGUAGE 1042)
    KEY INDEX ux_agenda_items_id ON biocluster_search WITH CHANGE_TRACKING AUTO;
GO
-- outside transaction
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('dbo.regulatory_issues'))
    CREATE FULLTEXT INDEX ON dbo.regulatory_issues (title_ko LANGUAGE 1042, title_en LANGUAGE 1042, problem_ko LANGUAGE 1042,
        problem_en LANGUAGE 1042, proposal_ko LANGUAGE 1042, proposal_en LANGUAGE 1042, law_name LANGUAGE 1042, law_article LANGUAGE 1042)
    KEY INDEX pk_regulatory_issues ON biocluster_search WITH CHANGE_TRACKING AUTO;
GO
-- outside transaction
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('dbo.regulatory_issue_comments'))
    CREATE FULLTEXT INDEX ON dbo.regulatory_issue_comments (text LANGUAGE 1042)
    KEY INDEX pk_regulatory_issue_comments ON biocluster_search WITH CHANGE_TRACKING AUTO;
