//! Bylines that name an outlet's desk or staff rather than a person ("Reuters Staff",
//! "Al Jazeera Web Desk", "Savanna Wire newsroom"): they say which outlet published the
//! story, and nobody wrote it under their own name.
//!
//! A section desk ("Europe Desk", "Asia Markets Desk") names no outlet and stays a byline.

/// Words that end an outlet's desk byline, lowercase, longest first.
const DESK_ENDINGS: &[&str] = &[
    "staff reporters",
    "staff reporter",
    "staff writers",
    "digital desk",
    "online desk",
    "news desk",
    "web desk",
    "news staff",
    "news team",
    "web team",
    "newsroom",
    "staff",
];

/// Words that cannot be an outlet on their own.
const NOT_OUTLETS: &[&str] = &[
    "the",
    "our",
    "a",
    "an",
    "by",
    "editorial",
    "news",
    "web",
    "digital",
];

/// Most words of an outlet's name.
const MAX_OUTLET_WORDS: usize = 4;

/// The outlet an outlet's desk byline names ("Reuters Staff" → "Reuters"), or `None`
/// for a person's or a section desk's byline.
pub fn desk_outlet(byline: &str) -> Option<&str> {
    if byline.contains([',', ';', '&']) || byline.to_lowercase().contains(" and ") {
        return None;
    }
    let lower = byline.to_lowercase();
    let ending = DESK_ENDINGS
        .iter()
        .find(|ending| lower.ends_with(&format!(" {ending}")))?;
    // Lowercasing keeps the length of these ASCII endings, so the cut is at a char boundary.
    let outlet = byline.get(..byline.len() - ending.len())?.trim_end();
    let words = outlet.split_whitespace().count();
    let is_outlet = (1..=MAX_OUTLET_WORDS).contains(&words)
        && outlet.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !NOT_OUTLETS.contains(&outlet.to_lowercase().as_str());
    is_outlet.then_some(outlet)
}

#[cfg(test)]
mod tests {
    use super::desk_outlet;

    #[test]
    fn an_outlets_desk_or_staff_names_the_outlet() {
        for (byline, outlet) in [
            ("Reuters Staff", "Reuters"),
            ("Al Jazeera Web Desk", "Al Jazeera"),
            ("Savanna Wire staff", "Savanna Wire"),
            ("Dawn Newsroom", "Dawn"),
            ("Gulf Post News Desk", "Gulf Post"),
        ] {
            assert_eq!(desk_outlet(byline), Some(outlet), "{byline}");
        }
    }

    #[test]
    fn people_and_section_desks_are_not_outlets() {
        for byline in [
            "Marta Kessler",
            "Europe Desk",
            "Asia Markets Desk",
            "Jane Doe, Staff Writer",
            "Ana Ruiz and Reuters Staff",
            "Staff",
            "Our Staff",
            "The staff",
            "Editorial Staff",
        ] {
            assert_eq!(desk_outlet(byline), None, "{byline}");
        }
    }
}
