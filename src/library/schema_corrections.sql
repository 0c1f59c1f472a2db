-- Corrections by the analyst, applied wherever analyses are read (never written into the
-- analysis, so re-import and re-analysis keep them). Undoing one sets undone_at: the
-- row stays, so nothing the analyst did is lost.
CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,    -- rename, merge, split, speaker, hide-quote, hide-entity, hide-event, date, source
    article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,  -- NULL: the whole library
    subject    TEXT NOT NULL,    -- an entity name, a quote's text or an event's date
    detail     TEXT,             -- an event's summary
    value      TEXT,             -- the new name, speaker, publication time or source
    created_at TEXT NOT NULL,
    undone_at  TEXT
);
CREATE INDEX corrections_by_article ON corrections (article_id);
