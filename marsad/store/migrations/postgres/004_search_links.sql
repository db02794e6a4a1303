-- Search through indexes: the same tables as SQLite's 004_search_links (marsad/store/search_links.py writes
-- them, marsad/store/search_plan.py reads them).  Rows stored before this migration are filled in when the
-- store is opened (search_links.backfill).
CREATE TABLE statement_facets (
    rowid BIGINT PRIMARY KEY,
    pub_date TEXT,
    outlet TEXT,
    kind TEXT NOT NULL
);
CREATE INDEX statement_facets_date ON statement_facets (pub_date DESC NULLS LAST, rowid);
CREATE INDEX statement_facets_outlet ON statement_facets (lower(outlet), pub_date DESC NULLS LAST, rowid);

CREATE TABLE article_facets (
    rowid BIGINT PRIMARY KEY,
    pub_date TEXT,
    outlet TEXT
);
CREATE INDEX article_facets_date ON article_facets (pub_date DESC NULLS LAST, rowid DESC);
CREATE INDEX article_facets_outlet ON article_facets (lower(outlet), pub_date DESC NULLS LAST, rowid DESC);

-- Every distinct name key, with a trigram index: a name filter finds its few keys here (LIKE '% … %').
CREATE TABLE name_keys (
    id BIGSERIAL PRIMARY KEY,
    key TEXT NOT NULL UNIQUE
);
CREATE INDEX name_keys_trgm ON name_keys USING gin (key gin_trgm_ops);

CREATE TABLE name_key_entities (
    name_key_id BIGINT NOT NULL REFERENCES name_keys (id),
    entity_key TEXT NOT NULL,
    PRIMARY KEY (name_key_id, entity_key)
);

CREATE TABLE statement_terms (
    term TEXT NOT NULL,
    pub_date TEXT NOT NULL,
    statement_rowid BIGINT NOT NULL
);
CREATE UNIQUE INDEX statement_terms_order ON statement_terms (term, pub_date DESC, statement_rowid);

CREATE TABLE article_terms (
    term TEXT NOT NULL,
    pub_date TEXT NOT NULL,
    article_rowid BIGINT NOT NULL
);
CREATE UNIQUE INDEX article_terms_order ON article_terms (term, pub_date DESC, article_rowid DESC);

-- One row while the rows stored before this migration still wait for search_links.backfill.
CREATE TABLE search_links_backfill (pending INTEGER NOT NULL);
INSERT INTO search_links_backfill (pending) VALUES (1);
