//! The words of the last search (the query's highlight terms), found again inside the
//! open story.

/// Character ranges where any of `terms` occurs in `body`, case-insensitively, in order.
pub fn find_terms(body: &str, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    let lower: Vec<char> = body.chars().flat_map(|c| c.to_lowercase().next()).collect();
    let mut out = Vec::new();
    for term in terms {
        let needle: Vec<char> = term.chars().collect();
        if needle.is_empty() || needle.len() > lower.len() {
            continue;
        }
        for start in 0..=lower.len() - needle.len() {
            if lower[start..start + needle.len()] == needle[..] {
                out.push((start, start + needle.len()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(crate) fn finds_terms_case_insensitively_by_char_offset() {
        let body = "Zoë met the EU envoy. The eu said no.";
        let m = find_terms(body, &["eu".to_string()]);
        assert_eq!(m, vec![(12, 14), (26, 28)]);
    }
}
