//! Blocks inside a story's chosen container that are no part of its text: lists, tables
//! and boxes of links, forms, galleries, a player's controls, footnote markers.

use scraper::ElementRef;

use super::html_measures::{MIN_BLOCK_CHARS, commas, link_density, own_link_density, text_chars};

/// A box holding this many controls one can tab to, and no paragraph, is a widget.
const MIN_CONTROLS: usize = 3;

/// A block inside the story that is clutter: a list, table or box of links, a form-like
/// box, a gallery of images with little text.
/// `story_weighted`: the element's class words name the story, which lets it hold links.
pub(super) fn is_cluttered(element: ElementRef<'_>, story_weighted: bool) -> bool {
    let name = element.value().name();
    if !matches!(
        name,
        "ul" | "ol" | "div" | "section" | "table" | "aside" | "header" | "footer"
    ) {
        return false;
    }
    let text: String = element.text().collect();
    if commas(&text) >= 10 {
        return false;
    }
    let chars = text_chars(&text);
    let is_list = matches!(name, "ul" | "ol");
    // A list is judged by its own items: a nested list of links is judged on its own.
    let density = if is_list {
        own_link_density(element)
    } else {
        link_density(element)
    };
    let count = |tag: &str| {
        element
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| e.value().name() == tag)
            .count()
    };
    let paragraphs = count("p");
    let images = count("img");
    // Controls a reader can tab to (a video player's settings, a font picker).
    let controls = element
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().attr("tabindex").is_some_and(|i| i.trim() != "-1"))
        .count();
    (!is_list && !story_weighted && density > 0.2)
        || (controls >= MIN_CONTROLS && paragraphs == 0)
        || density > 0.5
        || (!is_list && count("li") > paragraphs + 5 && density > 0.0)
        || (images > 1 && (paragraphs as f64) < images as f64 / 2.0 && chars < 200)
        || count("input") > paragraphs / 3 + 1
        || (!is_list && chars < MIN_BLOCK_CHARS && density > 0.0)
}

/// A footnote's marker in the text: a superscript "[12]", "12" or "[a]".
pub(super) fn is_footnote_marker(element: ElementRef<'_>) -> bool {
    if element.value().name() != "sup" {
        return false;
    }
    let text: String = element.text().collect();
    let inner = text.trim().trim_start_matches('[').trim_end_matches(']');
    !inner.is_empty()
        && inner.chars().count() <= 3
        && inner.chars().all(|c| c.is_ascii_alphanumeric())
}
