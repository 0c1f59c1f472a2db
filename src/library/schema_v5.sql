-- Schema version 5: earlier texts of stories. When an import really changes a story's
-- title or body, the story as it stood is kept here, with its metadata and tags.
CREATE TABLE article_versions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    source      TEXT,
    byline      TEXT,
    dateline    TEXT,
    published   TEXT,
    highlights  TEXT NOT NULL,       -- JSON array of strings
    body        TEXT NOT NULL,
    url         TEXT,
    tags        TEXT NOT NULL,       -- JSON array of strings, in the story's order
    stored_at   TEXT NOT NULL,       -- when this text was stored
    replaced_at TEXT NOT NULL        -- when a newer text replaced it
);
CREATE INDEX article_versions_by_article ON article_versions (article_id);
