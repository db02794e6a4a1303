-- Entities across articles (marsad/store/entity_aliases.py).  entities.entity_key = marsad.nlp.names.entity_key
-- (canonical, type); rows stored before this migration are filled in when the store is opened.
ALTER TABLE entities ADD COLUMN entity_key TEXT;
CREATE INDEX entities_entity_key ON entities (entity_key);

-- A global entity: one person, organisation or place across articles and outlets.
CREATE TABLE global_entities (
    id INTEGER PRIMARY KEY,
    canonical TEXT NOT NULL,
    type TEXT NOT NULL
);

-- Which global entity each entity key belongs to (several keys: merged names).
CREATE TABLE entity_aliases (
    key TEXT PRIMARY KEY,
    entity INTEGER NOT NULL REFERENCES global_entities (id)
);
CREATE INDEX entity_aliases_entity ON entity_aliases (entity);

-- Hand-made decisions that later ingests respect: 'merge' (key joins the entity of target) or
-- 'split' (key keeps an entity of its own).
CREATE TABLE entity_overrides (
    key TEXT PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    target TEXT,
    made_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
