//! Measures of an HTML element's text that the extractor weighs blocks by: characters,
//! commas and the share of link text.

use scraper::{ElementRef, Node};

/// Blocks with less text than this (in characters) score nothing.
pub(super) const MIN_BLOCK_CHARS: usize = 25;

/// Share of a list's text that is link text, its nested lists left out.
pub(super) fn own_link_density(list: ElementRef<'_>) -> f64 {
    fn add(element: ElementRef<'_>, in_link: bool, total: &mut usize, linked: &mut usize) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => {
                    let chars = text_chars(text);
                    *total += chars;
                    if in_link {
                        *linked += chars;
                    }
                }
                Node::Element(value) if !matches!(value.name(), "ul" | "ol") => {
                    if let Some(inner) = ElementRef::wrap(child) {
                        add(inner, in_link || value.name() == "a", total, linked);
                    }
                }
                _ => {}
            }
        }
    }
    let (mut total, mut linked) = (0, 0);
    add(list, false, &mut total, &mut linked);
    if total == 0 {
        0.0
    } else {
        (linked as f64 / total as f64).min(1.0)
    }
}

/// Share of `element`'s text that is link text.
pub(super) fn link_density(element: ElementRef<'_>) -> f64 {
    let total = text_chars(&element.text().collect::<String>());
    if total == 0 {
        return 0.0;
    }
    let linked: usize = element
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "a")
        .map(|a| text_chars(&a.text().collect::<String>()))
        .sum();
    (linked as f64 / total as f64).min(1.0)
}

/// Characters of `text` with white space runs counted as one.
pub(super) fn text_chars(text: &str) -> usize {
    text.split_whitespace()
        .map(|word| word.chars().count() + 1)
        .sum::<usize>()
        .saturating_sub(1)
}

/// Commas, Latin and East Asian.
pub(super) fn commas(text: &str) -> usize {
    text.chars()
        .filter(|c| matches!(c, ',' | '\u{ff0c}' | '\u{3001}'))
        .count()
}
