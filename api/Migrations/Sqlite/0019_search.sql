-- Search (issue 19, ADR 0017): one index over clusters, agencies, meetings, agenda items, regulatory issues and their
-- comments. A document's key is its kind's code × 2^40 + the record's id (kinds: 6 cluster, 5 agency, 4 meeting,
-- 3 agenda item, 2 regulatory issue, 1 issue comment), so one kind is one key range and "newest first within each kind"
-- is the key order.
--
-- search_trigrams: FTS5 with the trigram tokenizer over the record's searched text (substring queries of 3+ characters).
-- search_bigrams: FTS5 over the distinct two-character pieces of the same text, written by the API (a 2-syllable Korean
-- word is shorter than a trigram, and the trigram index cannot find it without scanning).
-- Both are contentless (the records keep the text) with contentless_delete, so a document is replaced by its key alone.
--
-- search_pending: the documents whose text changed and are not yet (re)indexed. The triggers below write it in the
-- transaction of every write that changes searched text — whatever writes it (the API, an import, the seeder, a script) —
-- and the API's indexer (SearchIndexer) brings both indexes up to date from it in small transactions. A search reads the
-- indexes for everything else and checks the pending documents' current text itself, so it never misses or shows a
-- change. Official contact details are not searched (PIPA: ContactVisibility).
CREATE VIRTUAL TABLE search_trigrams USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'trigram');
CREATE VIRTUAL TABLE search_bigrams USING fts5 (grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', detail = 'none');
CREATE TABLE search_pending (doc INTEGER NOT NULL PRIMARY KEY);


CREATE TRIGGER tr_clusters_search_insert AFTER INSERT ON clusters
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (6597069766656 + NEW.id); END;
CREATE TRIGGER tr_clusters_search_update AFTER UPDATE OF code, name_ko, name_en, region, designation ON clusters
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (6597069766656 + NEW.id); END;
CREATE TRIGGER tr_clusters_search_delete AFTER DELETE ON clusters
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (6597069766656 + OLD.id); END;
INSERT OR IGNORE INTO search_pending (doc) SELECT 6597069766656 + id FROM clusters;

CREATE TRIGGER tr_agencies_search_insert AFTER INSERT ON agencies
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (5497558138880 + NEW.id); END;
CREATE TRIGGER tr_agencies_search_update AFTER UPDATE OF code, name_ko, name_en ON agencies
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (5497558138880 + NEW.id); END;
CREATE TRIGGER tr_agencies_search_delete AFTER DELETE ON agencies
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (5497558138880 + OLD.id); END;
INSERT OR IGNORE INTO search_pending (doc) SELECT 5497558138880 + id FROM agencies;

CREATE TRIGGER tr_meetings_search_insert AFTER INSERT ON meetings
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (4398046511104 + NEW.id); END;
CREATE TRIGGER tr_meetings_search_update AFTER UPDATE OF title_ko, title_en, venue ON meetings
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (4398046511104 + NEW.id); END;
CREATE TRIGGER tr_meetings_search_delete AFTER DELETE ON meetings
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (4398046511104 + OLD.id); END;
INSERT OR IGNORE INTO search_pending (doc) SELECT 4398046511104 + id FROM meetings;

CREATE TRIGGER tr_agenda_items_search_insert AFTER INSERT ON agenda_items
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (3298534883328 + NEW.id); END;
CREATE TRIGGER tr_agenda_items_search_update AFTER UPDATE OF title_ko, title_en, decision_text ON agenda_items
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (3298534883328 + NEW.id); END;
CREATE TRIGGER tr_agenda_items_search_delete AFTER DELETE ON agenda_items
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (3298534883328 + OLD.id); END;
INSERT OR IGNORE INTO search_pending (doc) SELECT 3298534883328 + id FROM agenda_items;

CREATE TRIGGER tr_regulatory_issues_search_insert AFTER INSERT ON regulatory_issues
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (2199023255552 + NEW.id); END;
CREATE TRIGGER tr_regulatory_issues_search_update AFTER UPDATE OF title_ko, title_en, problem_ko, problem_en, proposal_ko, proposal_en, law_name, law_article ON regulatory_issues
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (2199023255552 + NEW.id); END;
CREATE TRIGGER tr_regulatory_issues_search_delete AFTER DELETE ON regulatory_issues
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (2199023255552 + OLD.id); END;
INSERT OR IGNORE INTO search_pending (doc) SELECT 2199023255552 + id FROM regulatory_issues;

CREATE TRIGGER tr_issue_comments_search_insert AFTER INSERT ON regulatory_issue_comments
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (1099511627776 + NEW.id); END;
CREATE TRIGGER tr_issue_comments_search_update AFTER UPDATE OF text ON regulatory_issue_comments
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (1099511627776 + NEW.id); END;
CREATE TRIGGER tr_issue_comments_search_delete AFTER DELETE ON regulatory_issue_comments
BEGIN INSERT OR IGNORE INTO search_pending (doc) VALUES (1099511627776 + OLD.id); END;
INSERT OR IGNORE INTO search_pending (doc) SELECT 1099511627776 + id FROM regulatory_issue_comments;
