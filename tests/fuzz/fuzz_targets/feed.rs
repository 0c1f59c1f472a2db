//! Fuzzes the RSS/Atom feed importer: any bytes named `feed.xml` parse or fail with a one-line
//! error, never panic, and whatever comes out is already clean text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| sitrep_fuzz::check_import("feed.xml", bytes));
