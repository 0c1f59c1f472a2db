//! sitrep: a terminal reader for geopolitical briefings.
//!
//! Data flows one way: [`ingest`] turns files into [`model::Article`]s, [`analyze`]
//! finds entities, quotes, dates and events, [`library`] stores everything in one
//! SQLite file, and [`cli`] and [`tui`] present it. See DESIGN.md.

pub mod analyze;
pub mod cli;
pub mod eval;
pub mod fetch;
pub mod ingest;
pub mod library;
pub mod model;
pub mod sanitize;
pub mod text;
pub mod tui;
