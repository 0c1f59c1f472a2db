-- Schema version 3: drop indexes no query uses. Every import paid for them on each
-- mention and quote row (mentions are read per story; speakers are scanned whole).
DROP INDEX IF EXISTS mentions_by_entity;
DROP INDEX IF EXISTS quotes_by_speaker;
