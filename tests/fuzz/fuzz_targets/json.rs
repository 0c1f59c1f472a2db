//! Fuzzes the JSON importer: any bytes named `story.json` parse or fail with a one-line
//! error, never panic, and whatever comes out is already clean text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| sitrep_fuzz::check_import("story.json", bytes));
