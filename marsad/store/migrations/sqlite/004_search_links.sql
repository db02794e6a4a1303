-- Search through indexes (marsad/store/search_links.py writes these tables, marsad/store/search_plan.py reads them).
-- Rows stored before this migration are filled in when the store is opened (search_links.backfill), after
-- the entity keys of migration 003 exist.

-- Narrow copies of what statements and articles are filtered and ordered by (rowid = statements.rowid /
-- articles.rowid): "newest first" and outlet/date filters are read in index order, and a full-text match is
-- checked against them without reading the wide rows.
CREATE TABLE statement_facets (
    rowid INTEGER PRIMARY KEY,
    pub_date TEXT,
    outlet TEXT,
    kind TEXT NOT NULL
);
CREATE INDEX statement_facets_date ON statement_facets (pub_date DESC, rowid);
CREATE INDEX statement_facets_outlet ON statement_facets (outlet COLLATE NOCASE, pub_date DESC, rowid);

CREATE TABLE article_facets (
    rowid INTEGER PRIMARY KEY,
    pub_date TEXT,
    outlet TEXT
);
CREATE INDEX article_facets_date ON article_facets (pub_date DESC, rowid DESC);
CREATE INDEX article_facets_outlet ON article_facets (outlet COLLATE NOCASE, pub_date DESC, rowid DESC);

-- Every distinct name key (marsad.search.name_key of a speaker's namings or of an entity's), with a full-text
-- index over its words: a name filter finds its few keys here, then checks them exactly (in-order words).
CREATE TABLE name_keys (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE name_keys_fts USING fts5 (key, content = 'name_keys', content_rowid = 'id', tokenize = 'unicode61');
CREATE TRIGGER name_keys_fts_insert AFTER INSERT ON name_keys BEGIN
    INSERT INTO name_keys_fts (rowid, key) VALUES (new.id, new.key);
END;

-- Which entity keys (entities.entity_key) carry each name key.
CREATE TABLE name_key_entities (
    name_key_id INTEGER NOT NULL REFERENCES name_keys (id),
    entity_key TEXT NOT NULL,
    PRIMARY KEY (name_key_id, entity_key)
) WITHOUT ROWID;

-- What a statement can be found by, newest first: 's:<name_keys.id>' its speaker's name key,
-- 'p:<entity_key>' the entity that speaks it, 'e:<entity_key>' an entity it is about (the speaker, or
-- one mentioned inside its content).  pub_date is the article's ('' when it has none).
CREATE TABLE statement_terms (
    term TEXT NOT NULL,
    pub_date TEXT NOT NULL,
    statement_rowid INTEGER NOT NULL,
    PRIMARY KEY (term, pub_date DESC, statement_rowid)
) WITHOUT ROWID;

-- 'e:<entity_key>' for every entity of an article, newest first.
CREATE TABLE article_terms (
    term TEXT NOT NULL,
    pub_date TEXT NOT NULL,
    article_rowid INTEGER NOT NULL,
    PRIMARY KEY (term, pub_date DESC, article_rowid DESC)
) WITHOUT ROWID;

-- One row while the rows stored before this migration still wait for search_links.backfill.
CREATE TABLE search_links_backfill (pending INTEGER NOT NULL);
INSERT INTO search_links_backfill (pending) VALUES (1);
