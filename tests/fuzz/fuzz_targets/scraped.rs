//! Fuzzes the scraped-text importer: any bytes named `story.txt` parse or fail, never panic,
//! and whatever comes out is free of control characters.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(parsed) = sitrep::ingest::parse_bytes("story.txt", bytes) {
        for article in parsed.articles {
            let text = format!("{}{}", article.title, article.body);
            assert!(!text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        }
    }
});
