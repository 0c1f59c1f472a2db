-- The reader's own state, kept across sessions: what the analyst has read and starred,
-- and the searches they named. (New tables only: stories, analyses and notes are
-- untouched by this migration.)

CREATE TABLE story_marks (
    story    INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    read_at  TEXT,                    -- RFC 3339 time the story was read; NULL: unread
    starred  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE saved_searches (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    query    TEXT NOT NULL,           -- in the search line's language
    saved_at TEXT NOT NULL
);
