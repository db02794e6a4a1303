-- Links beside the full text (marsad/store/search_links.py makes them, marsad/store/postgres_links.py writes
-- them): every statement's and article's name terms (s:, p:, e:) and facets (o: outlet, m: month, k: kind) in a
-- text[] column with a GIN index, so that words AND a name, outlet or dates are answered by a BitmapAnd of the
-- tsvector index and the links index.  The same as SQLite's 005_text_links.

-- An article is found by the speakers of its statements too (s:<name key id>, p:<entity key>).
INSERT INTO article_terms (term, pub_date, article_rowid)
SELECT DISTINCT 's:' || n.id, coalesce(a.pub_date, ''), a.rowid FROM statements s
JOIN name_keys n ON n.key = s.speaker_key JOIN articles a ON a.rowid = s.article_rowid
ON CONFLICT DO NOTHING;
INSERT INTO article_terms (term, pub_date, article_rowid)
SELECT DISTINCT 'p:' || e.entity_key, coalesce(a.pub_date, ''), a.rowid FROM statements s
JOIN entities e ON e.article_rowid = s.article_rowid AND e.entity_id = s.speaker_entity
JOIN articles a ON a.rowid = s.article_rowid WHERE e.entity_key IS NOT NULL
ON CONFLICT DO NOTHING;

-- No default: adding the columns rewrites nothing.  Rows stored before this migration get their links when the
-- store is opened (postgres_links.backfill, after search_links.backfill has filled the link tables).
ALTER TABLE statements ADD COLUMN links TEXT[];
ALTER TABLE articles ADD COLUMN links TEXT[];
CREATE INDEX statements_links ON statements USING gin (links);
CREATE INDEX articles_links ON articles USING gin (links);

-- pg_trgm (1.6) serves equality too: without statistics (during a load) the planner joined statements to their
-- name keys by probing the trigram index once per statement (~10 ms each).  The trigram index is now on an
-- expression that only the LIKE of postgres_search._find_keys names, so equality takes the unique index; the
-- trigram index of statements.speaker_key served only the name filters before 004 and goes.
DROP INDEX name_keys_trgm;
CREATE INDEX name_keys_trgm ON name_keys USING gin ((key || '') gin_trgm_ops);
DROP INDEX statements_speaker_key;

-- One row while the links of the rows stored before this migration wait for postgres_links.backfill.
CREATE TABLE links_backfill (pending INTEGER NOT NULL);
INSERT INTO links_backfill (pending) SELECT 1 WHERE EXISTS (SELECT 1 FROM articles);
