-- Near-duplicates and stories (marsad.dedup, marsad.stories; read and written by marsad/store/stories_sqlite.py).
-- minhash: each stored article's MinHash signature (marsad.dedup.to_bytes: num_perm little-endian uint32);
-- minhash_bands: its LSH band keys (marsad.dedup.band_keys), so candidates are found through an index.
CREATE TABLE minhash (
    article_rowid INTEGER PRIMARY KEY REFERENCES articles (rowid),
    sig BLOB NOT NULL
);
CREATE TABLE minhash_bands (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    article_rowid INTEGER NOT NULL REFERENCES articles (rowid)
);
CREATE INDEX minhash_bands_key ON minhash_bands (band, key);

-- An article not stored because it is a near-copy of a stored one: which one, how similar, and enough
-- of it (url, outlet, title, date) that nothing is silently lost.
CREATE TABLE near_duplicates (
    id TEXT PRIMARY KEY,
    of_rowid INTEGER NOT NULL REFERENCES articles (rowid),
    similarity REAL NOT NULL,       -- estimated Jaccard similarity of the folded word shingles
    url TEXT,
    outlet TEXT,
    published TEXT,
    title TEXT,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX near_duplicates_of ON near_duplicates (of_rowid);

-- Stories: clusters of articles about one event.  id = the id of the article that opened it.
CREATE TABLE stories (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    label TEXT,                     -- the most representative member title
    first_date TEXT,                -- member pub_date range
    last_date TEXT,
    size INTEGER NOT NULL,
    outlets INTEGER NOT NULL,       -- distinct outlets among the members
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX stories_last_date ON stories (last_date);

-- Members in the order they joined (rowid); vector = the unit TF-IDF vector when it joined (JSON {term: weight}),
-- from which the clustering state is rebuilt.
CREATE TABLE story_members (
    rowid INTEGER PRIMARY KEY,
    article_rowid INTEGER NOT NULL UNIQUE REFERENCES articles (rowid),
    story_rowid INTEGER NOT NULL REFERENCES stories (rowid),
    day INTEGER,                    -- marsad.stories.day_number of the publication date
    score REAL NOT NULL,
    vector TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members (story_rowid);

-- Document frequencies of the clustering terms (IDF), updated per batch; story_meta 'docs' = articles counted.
CREATE TABLE story_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE story_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;

-- Story search over the stems of the member titles (marsad.stories.stems); rowid = stories.rowid.
CREATE VIRTUAL TABLE stories_fts USING fts5 (titles, tokenize = 'unicode61');
