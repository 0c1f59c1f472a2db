//! Wire-style datelines that open a story's first paragraph: "NAIROBI —",
//! "GENEVA (Reuters) -", "KUALA LUMPUR, Malaysia (AP) —", "WASHINGTON, D.C. –".

/// A dateline found at the start of a paragraph, and the paragraph without it.
#[derive(Debug, PartialEq, Eq)]
pub struct LeadDateline<'a> {
    /// The place in title case ("Kuala Lumpur, Malaysia").
    pub place: String,
    /// The agency in parentheses, if any ("Reuters").
    pub agency: Option<String>,
    /// The paragraph after the dash.
    pub rest: &'a str,
}

/// The longest head (place and agency) a dateline may have, in characters.
const MAX_HEAD_CHARS: usize = 70;

/// Splits a leading wire dateline off `paragraph`, if it has one.
pub fn split_lead_dateline(paragraph: &str) -> Option<LeadDateline<'_>> {
    let (head, rest) = split_at_dash(paragraph)?;
    let rest = rest.trim_start();
    let starts_sentence = rest.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || "\"'\u{201c}\u{2018}".contains(c)
    });
    if !starts_sentence {
        return None;
    }
    let (place, agency) = match head.strip_suffix(')').and_then(|h| h.rsplit_once('(')) {
        Some((place, agency)) => (place.trim(), Some(agency.trim())),
        None => (head, None),
    };
    let place = place.trim().trim_end_matches(',').trim();
    if !is_place(place) || agency.is_some_and(|a| a.is_empty() || a.split_whitespace().count() > 5)
    {
        return None;
    }
    Some(LeadDateline {
        place: title_case(place),
        agency: agency.map(str::to_string),
        rest,
    })
}

/// What a paragraph that only repeats the byline says besides it: `Some(place)` for
/// "Kyiv — Iryna Koval" or "Iryna Koval, Kyiv", `Some(None)` for "By Iryna Koval";
/// `None` for any other paragraph.
pub fn credit_line_place(paragraph: &str, byline: &str) -> Option<Option<String>> {
    let lower = paragraph.to_lowercase();
    let byline_lower = byline.to_lowercase();
    // Lowercasing must keep byte offsets for the cut below.
    if lower.len() != paragraph.len() || byline_lower.len() != byline.len() || byline.is_empty() {
        return None;
    }
    let at = lower.find(&byline_lower)?;
    let around = format!("{} {}", &paragraph[..at], &paragraph[at + byline.len()..]);
    let words: Vec<&str> = around
        .split(|c: char| c.is_whitespace() || "\u{2014}\u{2013}-,|\u{b7}".contains(c))
        .filter(|word| !word.is_empty() && !word.eq_ignore_ascii_case("by"))
        .collect();
    if words.is_empty() {
        return Some(None);
    }
    let place = words.join(" ");
    let is_place = words.len() <= 4
        && words
            .iter()
            .all(|word| word.starts_with(char::is_uppercase))
        && !place.ends_with(['.', '!', '?', ':']);
    is_place.then_some(Some(place))
}

/// Splits at the first em or en dash, or a hyphen with spaces around it, near the start.
fn split_at_dash(paragraph: &str) -> Option<(&str, &str)> {
    let window_end = paragraph
        .char_indices()
        .nth(MAX_HEAD_CHARS)
        .map_or(paragraph.len(), |(i, _)| i);
    let window = &paragraph[..window_end];
    let dash = window.char_indices().find(|&(i, c)| {
        c == '\u{2014}'
            || c == '\u{2013}'
            || (c == '-' && window[..i].ends_with(' ') && window[i + 1..].starts_with(' '))
    })?;
    let (head, rest) = paragraph.split_at(dash.0);
    Some((head.trim(), &rest[dash.1.len_utf8()..]))
}

/// "NAIROBI", "KUALA LUMPUR, Malaysia", "WASHINGTON, D.C.": the first part in capitals,
/// any further parts short and capitalised.
fn is_place(place: &str) -> bool {
    let mut parts = place.split(',').map(str::trim);
    let Some(city) = parts.next() else {
        return false;
    };
    let city_ok = city.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && city.split_whitespace().count() <= 4
        && city
            .chars()
            .all(|c| c.is_uppercase() || " .'-\u{2019}".contains(c));
    city_ok
        && parts.all(|part| {
            part.split_whitespace().count() <= 3
                && part.chars().next().is_some_and(char::is_uppercase)
        })
}

/// "KUALA LUMPUR, Malaysia" → "Kuala Lumpur, Malaysia"; "D.C." stays as it is.
fn title_case(place: &str) -> String {
    place
        .split(' ')
        .map(|word| {
            if word.trim_end_matches('.').contains('.') {
                return word.to_string();
            }
            let mut out = String::with_capacity(word.len());
            let mut start_of_segment = true;
            for c in word.chars() {
                if start_of_segment {
                    out.push(c);
                } else {
                    out.extend(c.to_lowercase());
                }
                start_of_segment = matches!(c, '-' | '\'' | '\u{2019}');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credit_line_repeats_the_byline_beside_a_place() {
        let byline = "Ayu Lestari and Tom Ridley";
        for (line, place) in [
            ("Jakarta — Ayu Lestari and Tom Ridley", Some("Jakarta")),
            ("By Ayu Lestari and Tom Ridley | Jakarta", Some("Jakarta")),
            ("By Ayu Lestari and Tom Ridley", None),
        ] {
            assert_eq!(
                credit_line_place(line, byline),
                Some(place.map(str::to_string)),
                "{line}"
            );
        }
        for line in [
            "Ayu Lestari and Tom Ridley reported from Jakarta on the count.",
            "JAKARTA — Indonesia voted on Wednesday.",
        ] {
            assert_eq!(credit_line_place(line, byline), None, "{line}");
        }
    }

    fn split(paragraph: &str) -> Option<(String, Option<String>, &str)> {
        split_lead_dateline(paragraph).map(|d| (d.place, d.agency, d.rest))
    }

    #[test]
    fn wire_styles() {
        assert_eq!(
            split("NAIROBI \u{2014} Kenya's parliament voted on Tuesday."),
            Some((
                "Nairobi".into(),
                None,
                "Kenya's parliament voted on Tuesday."
            ))
        );
        assert_eq!(
            split("GENEVA (Agency) - Talks resumed."),
            Some(("Geneva".into(), Some("Agency".into()), "Talks resumed."))
        );
        assert_eq!(
            split("KUALA LUMPUR, Malaysia (AP)\u{2014}\u{201c}We agree,\u{201d} she said."),
            Some((
                "Kuala Lumpur, Malaysia".into(),
                Some("AP".into()),
                "\u{201c}We agree,\u{201d} she said."
            ))
        );
        assert_eq!(
            split("WASHINGTON, D.C. \u{2013} Officials met."),
            Some(("Washington, D.C.".into(), None, "Officials met."))
        );
    }

    #[test]
    fn ordinary_sentences_are_left_alone() {
        assert_eq!(
            split("The talks \u{2014} the third this year \u{2014} ended."),
            None
        );
        assert_eq!(split("NATO - which met today - agreed."), None);
        assert_eq!(split("Officials said - again - nothing."), None);
    }
}
