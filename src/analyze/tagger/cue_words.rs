//! Closed lists of words that announce a name's type, as tagger features: words that
//! end or start an organisation's name (the cues' heads, plus company words), and titles
//! before a person's name. They help with names the training data never showed.

use crate::text::WordSet;

/// Company words that end a firm's name ("Velto Logistics", "Harbin Motors").
static COMPANY_WORDS: WordSet = WordSet::new(&[
    "Inc",
    "Corp",
    "Co",
    "Ltd",
    "Llc",
    "Plc",
    "Ag",
    "Sa",
    "Nv",
    "Gmbh",
    "Bhd",
    "AG",
    "SA",
    "AB",
    "NV",
    "BV",
    "PLC",
    "LLC",
    "SpA",
    "ASA",
    "GmbH",
    "Tbk",
    "Holdings",
    "Industries",
    "Services",
    "Solutions",
    "Enterprises",
    "Investments",
    "Chemicals",
    "Logistics",
    "Airlines",
    "Airways",
    "Motors",
    "Energy",
    "Systems",
    "Technologies",
    "Technology",
    "Partners",
    "Capital",
    "Media",
    "Pharmaceuticals",
    "Petroleum",
    "Telecom",
    "Communications",
    "Securities",
    "Insurance",
    "Shipping",
    "Resources",
    "Mining",
    "Steel",
    "Electric",
    "Electronics",
    "Brands",
    "Foods",
    "Airport",
    "Railways",
    "News",
    "Times",
    "Post",
    "Press",
    "Television",
    "Radio",
    "Club",
    "United",
    "Rovers",
    "Athletic",
]);

/// True for a word that heads or ends an organisation's name.
pub fn is_organisation_word(word: &str) -> bool {
    COMPANY_WORDS.contains(word) || crate::analyze::cues::is_org_head(word)
}

/// True for a title or role word that comes before a person's name ("Senator", "Mr").
pub fn is_title(word: &str) -> bool {
    crate::analyze::people::is_title_word(word)
}
