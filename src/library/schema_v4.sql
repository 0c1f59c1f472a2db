-- Schema version 4: a story's entity mentions, quotes and dates become one row per story
-- holding each list as a JSON array, instead of a row (and index entry) per item.
-- Nothing queries single items across stories: the lists are read whole, per story.

CREATE TABLE article_analysis (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    -- Arrays of arrays, each item's fields in this order (see library/analysis_json.rs):
    mentions   TEXT NOT NULL,        -- [[entity, start, end, text]], entity by entity;
                                     -- `entity` is its position in article_entities
    quotes     TEXT NOT NULL,        -- [[text, start, end, speaker, kind]]
    dates      TEXT NOT NULL         -- [[text, start, end, value, kind]]
);

-- Each list in the order it was stored (rowid order). A mention of an entity its story
-- does not list was never shown, and is not carried across.
INSERT INTO article_analysis (article_id, mentions, quotes, dates)
SELECT a.id,
       (SELECT json_group_array(json_array(ae.position, m.start, m.end, m.text) ORDER BY m.rowid)
        FROM mentions m JOIN article_entities ae
             ON ae.article_id = m.article_id AND ae.entity_id = m.entity_id
        WHERE m.article_id = a.id),
       (SELECT json_group_array(json_array(q.text, q.start, q.end, q.speaker, q.kind) ORDER BY q.rowid)
        FROM quotes q WHERE q.article_id = a.id),
       (SELECT json_group_array(json_array(d.text, d.start, d.end, d.value, d.kind) ORDER BY d.rowid)
        FROM dates d WHERE d.article_id = a.id)
FROM articles a;

DROP TABLE mentions;
DROP TABLE quotes;
DROP TABLE dates;
