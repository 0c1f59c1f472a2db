-- Schema version 4: a story's entity mentions, quotes and dates become one row per story
-- holding each list as a JSON array, instead of a row (and index entry) per item.
-- Nothing queries single items across stories: the lists are read whole, per story.

CREATE TABLE article_analysis (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    -- [{entity, start, end, text}], in the analysis' order; `entity` is the mentioned
    -- entity's position in article_entities
    mentions   TEXT NOT NULL,
    quotes     TEXT NOT NULL,        -- [{text, start, end, speaker, kind}]
    dates      TEXT NOT NULL         -- [{text, start, end, value, kind}]
);

-- Each list in the order it was stored (rowid order). A mention of an entity its story
-- does not list was never shown, and is not carried across.
INSERT INTO article_analysis (article_id, mentions, quotes, dates)
SELECT a.id,
       (SELECT json_group_array(json_object('entity', ae.position, 'start', m.start,
                                            'end', m.end, 'text', m.text) ORDER BY m.rowid)
        FROM mentions m JOIN article_entities ae
             ON ae.article_id = m.article_id AND ae.entity_id = m.entity_id
        WHERE m.article_id = a.id),
       (SELECT json_group_array(json_object('text', q.text, 'start', q.start, 'end', q.end,
                                            'speaker', q.speaker, 'kind', q.kind) ORDER BY q.rowid)
        FROM quotes q WHERE q.article_id = a.id),
       (SELECT json_group_array(json_object('text', d.text, 'start', d.start, 'end', d.end,
                                            'value', d.value, 'kind', d.kind) ORDER BY d.rowid)
        FROM dates d WHERE d.article_id = a.id)
FROM articles a;

DROP TABLE mentions;
DROP TABLE quotes;
DROP TABLE dates;
