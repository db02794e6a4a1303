-- Near-duplicates and stories (marsad.dedup, marsad.stories; written by marsad/store/stories_store.py, read by
-- stories_read.py): SQLite's 002_stories in PostgreSQL types.  Row ids are given by the writer (max + 1 under
-- the store's write lock), as on SQLite, so both backends number stories and members the same way.
-- minhash: each stored article's MinHash signature (marsad.dedup.to_bytes: num_perm little-endian uint32);
-- minhash_bands: its LSH band keys (marsad.dedup.band_keys, 63-bit), so candidates are found through an index.
CREATE TABLE minhash (
    article_rowid BIGINT PRIMARY KEY REFERENCES articles (rowid),
    sig BYTEA NOT NULL
);
CREATE TABLE minhash_bands (
    band INTEGER NOT NULL,
    key BIGINT NOT NULL,
    article_rowid BIGINT NOT NULL REFERENCES articles (rowid)
);
CREATE INDEX minhash_bands_key ON minhash_bands (band, key);

-- An article not stored because it is a near-copy of a stored one: which one, how similar, and enough
-- of it (url, outlet, title, date) that nothing is silently lost.
CREATE TABLE near_duplicates (
    id TEXT PRIMARY KEY,
    of_rowid BIGINT NOT NULL REFERENCES articles (rowid),
    similarity DOUBLE PRECISION NOT NULL,  -- estimated Jaccard similarity of the folded word shingles
    url TEXT,
    outlet TEXT,
    published TEXT,
    title TEXT,
    added_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX near_duplicates_of ON near_duplicates (of_rowid);

-- Stories: clusters of articles about one event.  id = the id of the article that opened it.
-- titles = the stems of the member titles (marsad.stories.stems) joined by spaces; tsv = what story search
-- matches (SQLite keeps the same stems in the FTS5 table stories_fts).
CREATE TABLE stories (
    rowid BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    label TEXT,                     -- the most representative member title
    first_date TEXT,                -- member pub_date range (YYYY-MM-DD)
    last_date TEXT,
    size INTEGER NOT NULL,
    outlets INTEGER NOT NULL,       -- distinct outlets among the members
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    titles TEXT NOT NULL DEFAULT '',
    tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, titles)) STORED
);
CREATE INDEX stories_last_date ON stories (last_date);
CREATE INDEX stories_tsv ON stories USING gin (tsv);

-- Members in the order they joined (rowid); vector = the unit TF-IDF vector when it joined (JSON {term: weight},
-- kept as text so that its term order survives), from which the clustering state is rebuilt.
CREATE TABLE story_members (
    rowid BIGINT PRIMARY KEY,
    article_rowid BIGINT NOT NULL UNIQUE REFERENCES articles (rowid),
    story_rowid BIGINT NOT NULL REFERENCES stories (rowid),
    day INTEGER,                    -- marsad.stories.day_number of the publication date
    score DOUBLE PRECISION NOT NULL,
    vector TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members (story_rowid);

-- Document frequencies of the clustering terms (IDF), updated per batch; story_meta 'docs' = articles counted.
CREATE TABLE story_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL);
CREATE TABLE story_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
