-- Indexes no query reads (issue 16), which every import kept up to date for nothing.
-- Their keys come in no order (dates, sources), so each batch of stories rewrote most of
-- their pages. Events are found by story or by entity and put in date order in memory;
-- the source filter matches loosely (whole words, any case), which no index serves.
DROP INDEX IF EXISTS events_by_date;
DROP INDEX IF EXISTS articles_by_source;
