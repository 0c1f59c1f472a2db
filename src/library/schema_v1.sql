-- Schema version 1: stories, their analysis, imported files, notes and the full-text index.

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    source        TEXT,
    byline        TEXT,
    dateline      TEXT,
    published     TEXT,              -- RFC 3339 with the story's own offset
    published_at  INTEGER,           -- Unix seconds, for ordering
    published_day TEXT,              -- YYYY-MM-DD in the story's own offset, for from:/to:
    highlights    TEXT NOT NULL,     -- JSON array of strings
    body          TEXT NOT NULL,
    url           TEXT UNIQUE,
    origin_path   TEXT,              -- the file the story was first imported from
    origin_index  INTEGER,           -- its position among that file's stories
    title_key     TEXT NOT NULL,     -- normalised title, part of the identity of URL-less stories
    body_hash     TEXT NOT NULL,
    content_hash  TEXT NOT NULL,     -- of the article and its analysis: unchanged or not
    imported_at   TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX articles_by_identity ON articles (title_key, published_day, body_hash);
CREATE INDEX articles_by_origin ON articles (origin_path, origin_index);
CREATE INDEX articles_by_published ON articles (published_at);
CREATE INDEX articles_by_source ON articles (source COLLATE NOCASE);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    tag        TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_tag ON article_tags (tag COLLATE NOCASE);

-- Shared across the library: the same canonical name is the same entity.
CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind TEXT NOT NULL
);

-- Which entities a story is about, in the analysis' order.
CREATE TABLE article_entities (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_by_entity ON article_entities (entity_id);

CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX mentions_by_article ON mentions (article_id);
CREATE INDEX mentions_by_entity ON mentions (entity_id);

CREATE TABLE quotes (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    speaker    TEXT,                 -- canonical entity name
    kind       TEXT NOT NULL
);
CREATE INDEX quotes_by_article ON quotes (article_id);
CREATE INDEX quotes_by_speaker ON quotes (speaker COLLATE NOCASE);

CREATE TABLE dates (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    value      TEXT,
    kind       TEXT NOT NULL
);
CREATE INDEX dates_by_article ON dates (article_id);

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    date       TEXT NOT NULL,
    summary    TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL
);
CREATE INDEX events_by_article ON events (article_id);
CREATE INDEX events_by_date ON events (date);

CREATE TABLE event_entities (
    event_id  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities (id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (event_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX event_entities_by_entity ON event_entities (entity_id);

-- Files already imported: an unchanged file (same hash) is skipped without parsing.
CREATE TABLE files (
    path        TEXT PRIMARY KEY,
    hash        TEXT NOT NULL,
    story_count INTEGER NOT NULL,
    imported_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE notes (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    anchor_start INTEGER,
    anchor_end   INTEGER,
    anchor_text  TEXT,
    entity_id    INTEGER REFERENCES entities (id),
    event_id     INTEGER REFERENCES events (id) ON DELETE SET NULL,
    text         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX notes_by_article ON notes (article_id);

CREATE TABLE note_versions (
    id         INTEGER PRIMARY KEY,
    note_id    INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX note_versions_by_note ON note_versions (note_id);

-- What the full-text index sees of a story: its columns, entity names and note text.
CREATE VIEW story_text (id, title, body, source, entities, notes) AS
SELECT a.id, a.title, a.body, a.source,
       (SELECT group_concat(name, ' ') FROM
            (SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
             WHERE ae.article_id = a.id ORDER BY ae.position)),
       (SELECT group_concat(text, ' ') FROM
            (SELECT n.text FROM notes n WHERE n.article_id = a.id ORDER BY n.id))
FROM articles a;

-- External-content FTS5 index over story_text; kept in sync by library/fts.rs.
CREATE VIRTUAL TABLE story_index USING fts5 (
    title, body, source, entities, notes,
    content = 'story_text', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
