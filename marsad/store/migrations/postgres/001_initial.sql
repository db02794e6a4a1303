-- marsad's PostgreSQL schema, version 1: the same tables and columns as SQLite's 001_initial, with
-- full text as tsvector('simple') over the folded words and readings that marsad.store.indexing makes
-- (title weight A, body B, readings C), and pg_trgm indexes so that name filters (LIKE '%…%') are fast.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE articles (
    rowid BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url_key TEXT UNIQUE,
    text_hash TEXT NOT NULL UNIQUE,
    url TEXT,
    outlet TEXT,
    published TEXT,
    pub_date TEXT,
    title TEXT,
    language TEXT,
    source TEXT,
    doc TEXT NOT NULL,
    added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ix_title TEXT NOT NULL DEFAULT '',
    ix_body TEXT NOT NULL DEFAULT '',
    ix_rd TEXT NOT NULL DEFAULT '',
    tsv TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, ix_title), 'A')
        || setweight(to_tsvector('simple'::regconfig, ix_body), 'B')
        || setweight(to_tsvector('simple'::regconfig, ix_rd), 'C')
    ) STORED
);
CREATE INDEX articles_outlet ON articles (lower(outlet), pub_date);
CREATE INDEX articles_pub_date ON articles (pub_date);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

CREATE TABLE statements (
    rowid BIGINT PRIMARY KEY,
    article_rowid BIGINT NOT NULL REFERENCES articles (rowid),
    idx INTEGER NOT NULL,
    speaker_name TEXT,
    speaker_canonical TEXT,
    speaker_entity TEXT,
    speaker_type TEXT NOT NULL,
    speaker_role TEXT,
    speaker_key TEXT NOT NULL,
    mention_text TEXT,
    mention_start INTEGER,
    mention_end INTEGER,
    mention_zone TEXT,
    cue_text TEXT NOT NULL,
    cue_start INTEGER NOT NULL,
    cue_end INTEGER NOT NULL,
    cue_zone TEXT NOT NULL,
    content_text TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    zone TEXT NOT NULL,
    kind TEXT NOT NULL,
    ix_content TEXT NOT NULL DEFAULT '',
    ix_rd TEXT NOT NULL DEFAULT '',
    tsv TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, ix_content), 'A')
        || setweight(to_tsvector('simple'::regconfig, ix_rd), 'B')
    ) STORED,
    UNIQUE (article_rowid, idx)
);
CREATE INDEX statements_article ON statements (article_rowid);
CREATE INDEX statements_speaker_entity ON statements (speaker_entity);
CREATE INDEX statements_speaker_key ON statements USING gin (speaker_key gin_trgm_ops);
CREATE INDEX statements_tsv ON statements USING gin (tsv);

CREATE TABLE entities (
    rowid BIGINT PRIMARY KEY,
    article_rowid BIGINT NOT NULL REFERENCES articles (rowid),
    idx INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    type TEXT NOT NULL,
    canonical TEXT NOT NULL,
    canonical_key TEXT NOT NULL,
    name_key TEXT NOT NULL,
    UNIQUE (article_rowid, idx)
);
CREATE INDEX entities_canonical_key ON entities (canonical_key);
CREATE INDEX entities_name_key ON entities USING gin (name_key gin_trgm_ops);

CREATE TABLE aliases (
    entity_rowid BIGINT NOT NULL REFERENCES entities (rowid),
    alias TEXT NOT NULL
);
CREATE INDEX aliases_entity ON aliases (entity_rowid);

CREATE TABLE mentions (
    entity_rowid BIGINT NOT NULL REFERENCES entities (rowid),
    article_rowid BIGINT NOT NULL REFERENCES articles (rowid),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    zone TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions (entity_rowid);

CREATE TABLE dates (
    article_rowid BIGINT NOT NULL REFERENCES articles (rowid),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    zone TEXT NOT NULL,
    value TEXT,
    calendar TEXT NOT NULL,
    relative INTEGER NOT NULL
);
CREATE INDEX dates_article ON dates (article_rowid);
CREATE INDEX dates_value ON dates (value);

CREATE TABLE framing (
    article_rowid BIGINT NOT NULL REFERENCES articles (rowid),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    zone TEXT NOT NULL,
    marker TEXT NOT NULL,
    term TEXT
);
CREATE INDEX framing_article ON framing (article_rowid);
