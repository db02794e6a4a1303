-- marsad's SQLite schema, version 1.
-- articles: the whole article document (Analysis.to_dict JSON) plus flat columns to filter on;
-- one row per article, kept once per id, canonical URL and normalised-text hash.
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url_key TEXT UNIQUE,            -- marsad.ids.canonical_url(url); NULL without a URL
    text_hash TEXT NOT NULL UNIQUE, -- marsad.ids.text_hash(text)
    url TEXT,
    outlet TEXT,
    published TEXT,
    pub_date TEXT,                  -- published[:10], for date filters and ordering
    title TEXT,
    language TEXT,
    source TEXT,
    doc TEXT NOT NULL,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE, pub_date);
CREATE INDEX articles_pub_date ON articles (pub_date);

CREATE TABLE statements (
    rowid INTEGER PRIMARY KEY,
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid),
    idx INTEGER NOT NULL,           -- position in the article's `statements`
    speaker_name TEXT,
    speaker_canonical TEXT,
    speaker_entity TEXT,
    speaker_type TEXT NOT NULL,
    speaker_role TEXT,
    speaker_key TEXT NOT NULL,      -- marsad.search.name_key of the speaker's namings
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
    UNIQUE (article_rowid, idx)
);
CREATE INDEX statements_speaker_entity ON statements (speaker_entity);

CREATE TABLE entities (
    rowid INTEGER PRIMARY KEY,
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid),
    idx INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    type TEXT NOT NULL,
    canonical TEXT NOT NULL,
    canonical_key TEXT NOT NULL,    -- the canonical name folded, honorifics stripped (groups entities across articles)
    name_key TEXT NOT NULL,         -- marsad.search.name_key of canonical and aliases
    UNIQUE (article_rowid, idx)
);
CREATE INDEX entities_canonical_key ON entities (canonical_key);

CREATE TABLE aliases (
    entity_rowid INTEGER NOT NULL REFERENCES entities (rowid),
    alias TEXT NOT NULL
);
CREATE INDEX aliases_entity ON aliases (entity_rowid);

CREATE TABLE mentions (
    entity_rowid INTEGER NOT NULL REFERENCES entities (rowid),
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    zone TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions (entity_rowid);

CREATE TABLE dates (
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid),
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
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    zone TEXT NOT NULL,
    marker TEXT NOT NULL,
    term TEXT
);
CREATE INDEX framing_article ON framing (article_rowid);

-- Full text over the normalised copy (marsad.search): title and body for exact words and phrases,
-- rd for the readings (de-cliticised stems, compound names joined and split).  Contentless: the
-- text itself is in articles.doc; rowid = articles.rowid / statements.rowid.
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, rd, content = '', tokenize = 'unicode61');
CREATE VIRTUAL TABLE statements_fts USING fts5 (content, rd, content = '', tokenize = 'unicode61');
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab (articles_fts, 'row');
