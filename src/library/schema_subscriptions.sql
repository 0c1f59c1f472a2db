-- Subscriptions: the feeds `sitrep fetch` reads over HTTP, and how their last fetches went.
-- (Kept in its own file so its place in MIGRATIONS can change without touching the SQL.)

CREATE TABLE subscriptions (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,   -- as subscribed; may hold credentials, never shown
    title         TEXT,                   -- the feed's own title, once fetched
    tags          TEXT NOT NULL,          -- JSON array: tags given to every story of the feed
    full_text     INTEGER NOT NULL,       -- 1: fetch each item's linked page for its text
    added_at      TEXT NOT NULL,
    etag          TEXT,                   -- validators of the last full response
    last_modified TEXT,
    last_fetch    TEXT,                   -- RFC 3339 time of the last attempt
    status        TEXT NOT NULL,          -- new | ok | not-modified | failed | gone
    new_items     INTEGER NOT NULL,       -- stories the last fetch added
    error         TEXT,                   -- why the last attempt failed
    failures      INTEGER NOT NULL,       -- attempts failed in a row
    retry_at      INTEGER                 -- Unix seconds before which it is not fetched again
);
