//! The one HTML → text reducer shared by the HTML, feed and JSON importers: block
//! elements become paragraphs separated by a blank line; scripts, navigation, asides,
//! forms, figures, ads, share bars and comment sections are left out.

use std::borrow::Cow;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use super::IngestError;
use super::nesting::check_nesting;

/// Elements whose whole content never belongs to a story's text.
const SKIPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "nav",
    "aside",
    "footer",
    "header",
    "figure",
    "figcaption",
    "video",
    "audio",
    "object",
    "embed",
    "menu",
    "dialog",
    "head",
    "title",
];

/// Elements that end the paragraph before and after them.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "hr",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "table",
    "tr",
    "td",
    "th",
    "body",
    "address",
    "details",
    "summary",
];

/// Words that mark a non-story block when a class or id token is the word, or starts or
/// ends with it as a hyphen- or underscore-joined part ("share-bar", "article_comments").
/// A word inside a longer token ("content-with-sidebar-wrp") marks nothing.
const NOISE_MARKERS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "adunit",
    "advert",
    "advertisement",
    "promo",
    "newsletter",
    "related",
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "sponsor",
    "sponsored",
    "subscribe",
    "cookie",
    "cookies",
    "popup",
    "outbrain",
    "taboola",
    "recommend",
    "recommended",
    "byline",
    "caption",
    "credit",
    "credits",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "signup",
    "paywall",
    "most-read",
    "mostread",
    "trending",
    "tags",
    "kicker",
    "modal",
];

/// Furniture nouns that a noise word is written together with ("relatedposts").
const COMPOUND_TAILS: &[&str] = &[
    "posts",
    "articles",
    "stories",
    "links",
    "items",
    "list",
    "bar",
    "box",
    "tools",
    "buttons",
    "icons",
    "widget",
    "wrap",
    "wrapper",
    "container",
    "block",
    "area",
];

/// Words of a class token that mark the story's own container: a token holding one is
/// never noise ("article-comments-count" aside, which ends with a noise word).
const STORY_MARKERS: &[&str] = &[
    "article", "body", "content", "story", "main", "entry", "post",
];

/// Roles that mark non-story blocks.
const NOISE_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "search",
    "dialog",
    "button",
    "menu",
    "menubar",
    "menuitem",
    "toolbar",
    "tablist",
    "slider",
    "listbox",
];

/// Reduces an HTML fragment to paragraphs of plain text.
pub fn html_to_text(html: &str) -> Result<String, IngestError> {
    check_nesting(html)?;
    let fragment = Html::parse_fragment(html);
    Ok(element_text(fragment.root_element()))
}

/// A body that may be HTML or plain text, as paragraphs separated by a blank line.
/// Plain text with no blank line at all has one paragraph per line; its character
/// references are decoded ("you&#039;ll"), as feeds and exports leave them in text
/// without tags.
pub fn body_text(text: &str) -> Result<String, IngestError> {
    if looks_like_html(text) {
        return html_to_text(text);
    }
    let text = decode_references(text)?;
    if text.contains("\n\n") || text.contains("\r\n\r\n") {
        Ok(text.into_owned())
    } else {
        Ok(text.lines().collect::<Vec<_>>().join("\n\n"))
    }
}

/// `text` with its HTML character references ("&amp;", "&#039;", "&eacute;") decoded,
/// its line breaks kept.
fn decode_references(text: &str) -> Result<Cow<'_, str>, IngestError> {
    if !has_reference(text) {
        return Ok(Cow::Borrowed(text));
    }
    check_nesting(text)?;
    let fragment = Html::parse_fragment(text);
    Ok(Cow::Owned(fragment.root_element().text().collect()))
}

/// True when `text` holds something shaped like a character reference: `&`, an
/// optional `#`, letters or digits, then `;`.
pub fn has_reference(text: &str) -> bool {
    text.match_indices('&').any(|(at, _)| {
        let rest = text[at + 1..].strip_prefix('#').unwrap_or(&text[at + 1..]);
        let name = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_alphanumeric())
                .len();
        name > 0 && rest[name..].starts_with(';')
    })
}

/// True when `text` holds HTML tags rather than plain prose.
fn looks_like_html(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "<p", "<br", "<div", "</", "<a ", "<img", "<span", "<ul", "<li", "<h2", "<strong", "<em>",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// The text of `element` as paragraphs, skipping non-story blocks inside it (never
/// `element` itself). Iterative, so deep nesting cannot overflow the stack.
pub fn element_text(element: ElementRef<'_>) -> String {
    element_text_without(element, is_noise)
}

/// The text of `element` as paragraphs, skipping the elements inside it (never `element`
/// itself) for which `skip` is true.
pub fn element_text_without(
    element: ElementRef<'_>,
    skip: impl Fn(ElementRef<'_>) -> bool,
) -> String {
    let mut out = Paragraphs::default();
    let mut skipping = None;
    let root = element.id();
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) if skipping.is_none() => match node.value() {
                Node::Text(text) => out.push_text(text),
                Node::Element(_) => {
                    let element = ElementRef::wrap(node).expect("node holds an element");
                    if node.id() != root && skip(element) {
                        skipping = Some(node.id());
                    } else if BLOCK_TAGS.contains(&element.value().name()) {
                        out.end_paragraph();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && node
                        .value()
                        .as_element()
                        .is_some_and(|e| BLOCK_TAGS.contains(&e.name()))
                {
                    out.end_paragraph();
                }
            }
            Edge::Open(_) => {}
        }
    }
    out.finish()
}

/// True for an element that holds no story text: skipped tags, hidden elements, noise
/// roles, or a class or id naming ads, share bars, comments and the like.
pub fn is_noise(element: ElementRef<'_>) -> bool {
    let value = element.value();
    if SKIPPED_TAGS.contains(&value.name()) || value.attr("hidden").is_some() || is_hidden(element)
    {
        return true;
    }
    if value.attr("aria-hidden") == Some("true")
        || value
            .attr("role")
            .is_some_and(|role| NOISE_ROLES.contains(&role))
    {
        return true;
    }
    has_noise_class(element)
}

/// True when the inline style hides `element` ("display: none", "visibility:hidden").
fn is_hidden(element: ElementRef<'_>) -> bool {
    element.value().attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

/// True when a class or id token of `element` names a non-story block and none names
/// the story's container.
pub fn has_noise_class(element: ElementRef<'_>) -> bool {
    let value = element.value();
    let tokens: Vec<String> = value
        .classes()
        .chain(value.id())
        .map(str::to_ascii_lowercase)
        .collect();
    tokens.iter().any(|token| is_noise_token(token))
        && !tokens.iter().any(|token| is_story_token(token))
}

/// "ad", "ad-slot", "top_ads", "share-bar", "comments", "article-comments",
/// "jp-relatedposts" …; a token of more than three parts is a slug
/// ("sharing-with-a-single-developer"), never noise.
fn is_noise_token(token: &str) -> bool {
    let parts: Vec<&str> = token.split(['-', '_']).collect();
    if parts.len() > 3 {
        return false;
    }
    let ends = [parts.first(), parts.last()];
    NOISE_MARKERS.iter().any(|marker| {
        token == *marker
            || token
                .strip_prefix(marker)
                .is_some_and(|rest| rest.starts_with(['-', '_']))
            || token
                .strip_suffix(marker)
                .is_some_and(|rest| rest.ends_with(['-', '_']))
            || ends
                .iter()
                .flatten()
                .any(|part| is_compound_of(part, marker))
    })
}

/// A noise word written together with a furniture noun: "relatedposts", "sharebar",
/// "commentlist".
fn is_compound_of(part: &str, marker: &str) -> bool {
    part.strip_prefix(marker)
        .is_some_and(|tail| COMPOUND_TAILS.contains(&tail))
}

/// "article-body", "story_content", "main": a token naming the story's container (not
/// one that ends with a noise word, as "article-comments").
fn is_story_token(token: &str) -> bool {
    !is_noise_token(token)
        && token
            .split(['-', '_'])
            .any(|part| STORY_MARKERS.contains(&part))
}

/// Accumulates text into paragraphs with white space collapsed.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
}

impl Paragraphs {
    fn push_text(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) && !self.current.is_empty() {
            self.current.push(' ');
        }
        for (index, word) in text.split_whitespace().enumerate() {
            if index > 0 {
                self.current.push(' ');
            }
            self.current.push_str(word);
        }
        if text.ends_with(char::is_whitespace)
            && !self.current.is_empty()
            && !self.current.ends_with(' ')
        {
            self.current.push(' ');
        }
    }

    fn end_paragraph(&mut self) {
        let paragraph = self.current.trim();
        if !paragraph.is_empty() {
            self.done.push(paragraph.to_string());
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.end_paragraph();
        self.done.join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_noise_is_dropped() {
        let html = "<p>First <b>bold</b>\n word &amp; more.</p><div class=\"ad-slot\">Buy now</div>\
            <script>alert(1)</script><h2>Red lines</h2><p>Second<br>third</p>\
            <figure><img src=x><figcaption>Photo: AP</figcaption></figure>\
            <div class=\"share-bar\">Share</div><section id=\"comments\"><p>Nice</p></section>";
        assert_eq!(
            html_to_text(html).unwrap(),
            "First bold word & more.\n\nRed lines\n\nSecond\n\nthird"
        );
    }

    #[test]
    fn deep_nesting_is_parsed_or_refused() {
        let nested =
            |depth: usize| "<div>".repeat(depth) + "deep<br/><img src=x>" + &"</div>".repeat(depth);
        assert_eq!(html_to_text(&nested(900)).unwrap(), "deep");
        assert!(matches!(
            html_to_text(&nested(10_000)),
            Err(IngestError::TooDeep(_))
        ));
    }

    #[test]
    fn plain_bodies_keep_their_paragraphs() {
        assert_eq!(body_text("One.\nTwo.").unwrap(), "One.\n\nTwo.");
        assert_eq!(
            body_text("One\nwrapped.\n\nTwo.").unwrap(),
            "One\nwrapped.\n\nTwo."
        );
        assert_eq!(body_text("<p>One.</p><p>Two.</p>").unwrap(), "One.\n\nTwo.");
    }

    #[test]
    fn plain_bodies_have_their_character_references_decoded() {
        assert_eq!(
            body_text("Talks &amp; trade\nYou&#039;ll see &eacute;lan at AT&T; R&D.").unwrap(),
            "Talks & trade\n\nYou'll see \u{e9}lan at AT&T; R&D."
        );
        assert!(!has_reference("AT&T and R&D & more"));
        assert!(has_reference("a &#x2019; b"));
    }

    #[test]
    fn recognises_html_bodies() {
        assert!(looks_like_html("<p>Talks resume.</p>"));
        assert!(!looks_like_html("Prices rose 3% as x < y in 2023."));
    }

    #[test]
    fn noise_words_written_together_with_a_furniture_noun_are_noise() {
        let html = "<p>Talks resume.</p><div class=\"wp-relatedposts\"><p>Older story</p></div>\
            <ul class=sharebar><li>Mail</li></ul><div id=commentlist><p>First!</p></div>\
            <div class=\"relatedness-study\"><p>Kept.</p></div><div class=sharedaddy-x><p>Also kept.</p></div>";
        assert_eq!(
            html_to_text(html).unwrap(),
            "Talks resume.\n\nKept.\n\nAlso kept."
        );
    }

    #[test]
    fn a_modal_dialog_is_noise() {
        let html = "<p>Talks resume.</p><div id=sign-up class=\"modal fade\"><div class=modal-body>\
            Your account is not approved yet. Ask for approval.</div></div>";
        assert_eq!(html_to_text(html).unwrap(), "Talks resume.");
    }
}
