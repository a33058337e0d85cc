-- Imports at full speed again (issue 19): an AFTER INSERT trigger makes SQLite keep a statement journal for every
-- INSERT into its table (measured: a trigger that does nothing turned 100,000 inserts from 1.3 s into 5.5 s), and the
-- search queue's (0019) and the home cluster's (0026) insert triggers had cut the agency and issue imports to a quarter.
--
-- Search: a new record needs no queue entry. Ids only grow (AUTOINCREMENT) and SQLite has one writer, so the records of
-- a kind not yet indexed because they are new are exactly those above the kind's mark, whatever wrote them (the API, an
-- import, the seeder, a script). The indexer indexes them in id order and moves the mark; a search checks them directly
-- until then, as it checks the queued ones. Changes and deletions still queue their record through the triggers below
-- (an UPDATE or DELETE trigger costs nothing on INSERT).
--
-- Home cluster: the code that writes an agency's home cluster (the agency form, the agency import) places the agency in
-- that cluster in the same transaction (HomeCluster), instead of the triggers.
DROP TRIGGER tr_clusters_search_insert;
DROP TRIGGER tr_agencies_search_insert;
DROP TRIGGER tr_meetings_search_insert;
DROP TRIGGER tr_agenda_items_search_insert;
DROP TRIGGER tr_regulatory_issues_search_insert;
DROP TRIGGER tr_issue_comments_search_insert;
DROP TRIGGER tr_agencies_home_cluster_insert;
DROP TRIGGER tr_agencies_home_cluster_update;

-- Per kind (its code, migration 0019), the highest id taken into the indexes or the queue: every record up to it was
-- queued by the insert triggers until now.
CREATE TABLE search_marks (kind INTEGER NOT NULL PRIMARY KEY, last_id INTEGER NOT NULL);
INSERT INTO search_marks (kind, last_id) SELECT 6, COALESCE(MAX(id), 0) FROM clusters;
INSERT INTO search_marks (kind, last_id) SELECT 5, COALESCE(MAX(id), 0) FROM agencies;
INSERT INTO search_marks (kind, last_id) SELECT 4, COALESCE(MAX(id), 0) FROM meetings;
INSERT INTO search_marks (kind, last_id) SELECT 3, COALESCE(MAX(id), 0) FROM agenda_items;
INSERT INTO search_marks (kind, last_id) SELECT 2, COALESCE(MAX(id), 0) FROM regulatory_issues;
INSERT INTO search_marks (kind, last_id) SELECT 1, COALESCE(MAX(id), 0) FROM regulatory_issue_comments;
