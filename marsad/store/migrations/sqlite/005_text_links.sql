-- Links in the full-text index (marsad/store/search_links.py makes them, marsad/store/sqlite_fts.py writes them):
-- every statement's and article's name terms (s:, p:, e:) and facets (o: outlet, m: month, k: kind) as words
-- of a last column, so that words AND a name, outlet or dates are answered by intersecting the index lists.
-- Articles: articles_fts is made anew with the column.  Statements: a second table with the words and the links,
-- for matching only; statements_fts (words only) stays, to rank by: bm25 counts every word of a row in its
-- length, and link words would be a large part of a short statement's.
-- The new contentless tables are filled when the store is opened (sqlite_fts.rebuild), from the stored text and
-- the link tables.
DROP TABLE articles_vocab;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, rd, links, content = '', tokenize = 'unicode61');
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab (articles_fts, 'row');
CREATE VIRTUAL TABLE statement_links_fts USING fts5 (content, rd, links, content = '', tokenize = 'unicode61');

-- An article is found by the speakers of its statements too (s:<name key id>, p:<entity key>).
INSERT INTO article_terms (term, pub_date, article_rowid)
SELECT DISTINCT 's:' || n.id, coalesce(a.pub_date, ''), a.rowid FROM statements s
JOIN name_keys n ON n.key = s.speaker_key JOIN articles a ON a.rowid = s.article_rowid WHERE 1
ON CONFLICT DO NOTHING;
INSERT INTO article_terms (term, pub_date, article_rowid)
SELECT DISTINCT 'p:' || e.entity_key, coalesce(a.pub_date, ''), a.rowid FROM statements s
JOIN entities e ON e.article_rowid = s.article_rowid AND e.entity_id = s.speaker_entity
JOIN articles a ON a.rowid = s.article_rowid WHERE e.entity_key IS NOT NULL
ON CONFLICT DO NOTHING;

-- One row while the full-text rows of the articles and statements stored before this migration wait for
-- sqlite_fts.rebuild.
CREATE TABLE fts_rebuild (pending INTEGER NOT NULL);
INSERT INTO fts_rebuild (pending) SELECT 1 WHERE EXISTS (SELECT 1 FROM articles);
