//! The library: one SQLite file holding stories, their analysis, a full-text index and notes.
