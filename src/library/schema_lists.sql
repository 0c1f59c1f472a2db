-- Lists and searches without reading bodies (issue 16). Safe to run twice.

-- Story lists and sorts (newest first: `published_at DESC, id DESC`, undated last), and
-- filters on source and day, read only this index, never the table rows, whose bodies
-- would come along with them.
CREATE INDEX IF NOT EXISTS articles_for_lists
    ON articles (published_at, id, title, source, published, published_day);
-- It leads with `published_at`, so the first schema's index on that column alone is a
-- second copy every import would keep up to date.
DROP INDEX IF EXISTS articles_by_published;

-- Each story's distinct quote speakers, so fuzzy search reads names instead of parsing
-- every story's quote list. Filled from the stored lists; a damaged list gives none.
CREATE TABLE IF NOT EXISTS article_speakers (
    speaker    TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (speaker, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_speakers_by_article ON article_speakers (article_id);

INSERT OR IGNORE INTO article_speakers (speaker, article_id)
SELECT json_extract(q.value, '$[3]'), a.article_id
FROM article_analysis a,
     json_each(CASE WHEN json_valid(a.quotes) AND json_type(a.quotes) = 'array'
                    THEN a.quotes ELSE '[]' END) q
WHERE json_type(q.value) = 'array' AND json_type(q.value, '$[3]') = 'text';
