-- Story marks: what the analyst has read and starred, kept across sessions.
-- (Its own table, so stories, analyses and notes are untouched by this migration.)

CREATE TABLE story_marks (
    story    INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    read_at  TEXT,                    -- RFC 3339 time the story was read; NULL: unread
    starred  INTEGER NOT NULL DEFAULT 0
);
