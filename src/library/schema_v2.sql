-- Schema version 2: analyst notes with anchors, tags, soft deletion and drafts.

-- A note's anchor is one of: a passage (anchor_start, anchor_end, anchor_text, with
-- anchor_detached set once the passage vanished from the body), an entity (entity_id),
-- or an event (event_date and event_summary, with event_id while the event exists).
ALTER TABLE notes ADD COLUMN anchor_detached INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notes ADD COLUMN event_date TEXT;
ALTER TABLE notes ADD COLUMN event_summary TEXT;
ALTER TABLE notes ADD COLUMN deleted_at TEXT;

-- The #tags of each note's current text, lowercase.
CREATE TABLE note_tags (
    note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (note_id, tag)
) WITHOUT ROWID;
CREATE INDEX note_tags_by_tag ON note_tags (tag COLLATE NOCASE);

-- Unsaved editor text, one per subject (a note being edited, or a new note's story
-- and anchor), written every few seconds while the editor is open.
CREATE TABLE drafts (
    id              INTEGER PRIMARY KEY,
    subject         TEXT NOT NULL UNIQUE,
    article_id      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    note_id         INTEGER REFERENCES notes (id) ON DELETE CASCADE,
    anchor          TEXT,            -- JSON of the anchor, null for none
    text            TEXT NOT NULL,
    saved_at        TEXT NOT NULL
);

-- A story's tags: its own and those of its live notes.
CREATE VIEW story_tags (article_id, tag) AS
SELECT article_id, tag FROM article_tags
UNION ALL
SELECT n.article_id, nt.tag FROM note_tags nt JOIN notes n ON n.id = nt.note_id
WHERE n.deleted_at IS NULL;

-- The full-text index sees only live notes.
DROP VIEW story_text;
CREATE VIEW story_text (id, title, body, source, entities, notes) AS
SELECT a.id, a.title, a.body, a.source,
       (SELECT group_concat(name, ' ') FROM
            (SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
             WHERE ae.article_id = a.id ORDER BY ae.position)),
       (SELECT group_concat(text, ' ') FROM
            (SELECT n.text FROM notes n
             WHERE n.article_id = a.id AND n.deleted_at IS NULL ORDER BY n.id))
FROM articles a;
