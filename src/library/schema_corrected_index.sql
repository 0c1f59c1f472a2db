-- The full-text index sees entity names and sources as the analyst corrected them: a
-- story some correction changes keeps here what its index entry reads in place of its
-- stored names and source (written by library/corrected_index.rs, then the story is
-- indexed again). Stories without a row are indexed as stored. Safe to run twice.

CREATE TABLE IF NOT EXISTS story_index_corrected (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    entities   TEXT,    -- the corrected names, joined by spaces; NULL: the stored names
    source     TEXT     -- the corrected source; NULL: the stored source
);

DROP VIEW IF EXISTS story_text;
CREATE VIEW story_text (id, title, body, source, entities, notes) AS
SELECT a.id, a.title, a.body, coalesce(c.source, a.source),
       coalesce(c.entities,
           (SELECT group_concat(name, ' ') FROM
                (SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                 WHERE ae.article_id = a.id ORDER BY ae.position))),
       (SELECT group_concat(text, ' ') FROM
            (SELECT n.text FROM notes n
             WHERE n.article_id = a.id AND n.deleted_at IS NULL ORDER BY n.id))
FROM articles a LEFT JOIN story_index_corrected c ON c.article_id = a.id;
