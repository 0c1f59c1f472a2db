//! The story's text on an HTML page, found the way Mozilla Readability finds it.
//!
//! Every block of text (a `<p>`, `<pre>` or `<td>`, or the loose text of a `<div>` or
//! `<span>` broken by `<br>`) scores the container holding it and, less and less, the
//! containers above. A container starts from its tag and its class and id words, and its
//! total shrinks with its share of link text. The best container is read together with
//! the siblings that continue it (a story split across blocks, a lead paragraph beside
//! them), less link lists, forms and galleries inside it. When that yields a short text,
//! the page is read again without judging class names, and a text three times as long
//! wins; a page without any block of text gives the text of its whole body.

use std::collections::HashMap;

use super::html_clutter::{is_cluttered, is_footnote_marker};
use super::html_measures::{MIN_BLOCK_CHARS, commas, link_density, text_chars};
use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};

use super::html_text::{element_text_without, has_noise_class, is_noise};

/// How many containers above a block share its score.
const ANCESTOR_LEVELS: usize = 5;
/// A text shorter than this (in characters) is read again without judging class names ...
const SHORT_STORY_CHARS: usize = 500;
/// ... and that reading wins when it is this many times as long.
const FALLBACK_GAIN: usize = 3;
/// How many runners-up to the best container are weighed.
const RUNNERS_UP: usize = 4;
/// A container above the best one holding this many times its scored text holds the
/// rest of the story.
const MORE_PROSE: f64 = 1.25;
/// ... and another container scoring this share of the best one ...
const STRONG_SHARE: f64 = 0.5;
/// ... unless more than this share of its text is link text.
const MAX_HOLDER_LINK_DENSITY: f64 = 0.3;
/// ... and holding at least this share of the best one's scored text (a player's
/// `content` box scores by its class words alone).
const PART_PROSE_SHARE: f64 = 0.2;
/// A container above the best one that scores more than the one below it is the story's
/// when it holds at most this many times the best one's scored text (Readability's climb,
/// kept from widening the story to a page of teasers).
const CLIMB_PROSE: f64 = 2.0;
/// How many close runners-up inside one container make it the story's.
const MIN_RUNNERS_UP: usize = 3;
/// What a container's class or id words add (story words) or take away (noise words).
const CLASS_WEIGHT: f64 = 25.0;

/// Parts of class and id tokens (split at `-` and `_`) that mark the story's container.
const STORY_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story",
];

/// Parts of class and id tokens that mark page furniture around the story.
const FURNITURE_WORDS: &[&str] = &[
    "banner",
    "combx",
    "comment",
    "comments",
    "contact",
    "footer",
    "footnote",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

/// Parts of class and id tokens that mark a block no story is in (unless a story word
/// is there too): its text never scores.
const UNLIKELY_WORDS: &[&str] = &[
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "comments",
    "community",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "pagination",
    "pager",
    "popup",
    "gallery",
    "slideshow",
    "carousel",
];

/// Class tokens of the furniture a page sets around its story's text: the kicker, the
/// standfirst, the byline and time line, the tag list. A sibling of the story so marked
/// is never read as part of it.
const HEAD_AND_FOOT_WORDS: &[&str] = &[
    "kicker",
    "eyebrow",
    "standfirst",
    "dek",
    "deck",
    "strapline",
    "subtitle",
    "subheadline",
    "summary",
    "byline",
    "dateline",
    "timestamp",
    "meta",
    "tags",
    "topics",
];

/// Marks of prose: loose text without any is a string of labels.
const SENTENCE_MARKS: &[char] = &[
    '.', ',', ';', '!', '?', '\u{3002}', '\u{ff0c}', '\u{3001}', '\u{ff01}', '\u{ff1f}',
];

/// Elements whose own loose text (between `<br>`s) is a block of the story.
const LOOSE_TEXT_HOLDERS: &[&str] = &[
    "div",
    "section",
    "article",
    "main",
    "span",
    "font",
    "center",
    "td",
    "li",
    "body",
    "blockquote",
];

/// Elements that end a block; everything else is inline.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "li",
    "dl",
    "table",
    "tr",
    "td",
    "th",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "footer",
    "aside",
    "nav",
    "form",
    "figure",
    "hr",
];

/// The story's text as paragraphs, or an empty string when the page has no text block.
pub fn story_text(page: &Html) -> String {
    let strict = read(page, true);
    if strict.chars().count() >= SHORT_STORY_CHARS {
        return strict;
    }
    let loose = read(page, false);
    if loose.is_empty() && strict.is_empty() {
        return whole_body(page);
    }
    if loose.chars().count() >= strict.chars().count() * FALLBACK_GAIN {
        loose
    } else {
        strict
    }
}

/// The text of the whole `<body>` less furniture, for a page without a block of text.
fn whole_body(page: &Html) -> String {
    page.root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|element| element.value().name() == "body")
        .map(|body| element_text_without(body, is_noise))
        .unwrap_or_default()
}

/// One reading of the page; `judge_classes` lets class and id words count.
fn read(page: &Html, judge_classes: bool) -> String {
    let judge = Judge::new(page, judge_classes);
    let Scores { scores, prose } = score_containers(page, &judge);
    let Some((top, top_score)) = best_container(page, &scores, &prose) else {
        return String::new();
    };
    continuation(top, top_score, &scores, judge_classes)
        .into_iter()
        .map(|part| {
            let half = judge.size(part) / 2;
            let skip = |element: ElementRef<'_>| {
                judge.is_furniture(element, usize::MAX)
                    || (judge_classes && is_head_or_foot(element))
                    || is_footnote_marker(element)
                    || (judge.size(element) <= half
                        && is_cluttered(
                            element,
                            judge_classes && class_weight(element) >= CLASS_WEIGHT,
                        ))
            };
            element_text_without(part, skip)
        })
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Scores every container that holds a block of text, after link density, and counts
/// the characters of scored text in each.
fn score_containers(page: &Html, judge: &Judge) -> Scores {
    let judge_classes = judge.judge_classes;
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut prose: HashMap<NodeId, usize> = HashMap::new();
    for element in page
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let Some((text_chars, commas, first_container)) = block(element) else {
            continue;
        };
        if text_chars < MIN_BLOCK_CHARS || judge.excludes(element) {
            continue;
        }
        let points = 1.0 + commas as f64 + (text_chars as f64 / 100.0).min(3.0);
        let containers = std::iter::successors(Some(first_container), |e| {
            e.parent().and_then(ElementRef::wrap)
        });
        for container in containers.clone() {
            *prose.entry(container.id()).or_default() += text_chars;
        }
        for (level, container) in containers.take(ANCESTOR_LEVELS).enumerate() {
            if container.value().name() == "html" {
                break;
            }
            let share = match level {
                0 => 1.0,
                1 => 0.5,
                n => 1.0 / (n as f64 * 3.0),
            };
            *scores
                .entry(container.id())
                .or_insert_with(|| initial_score(container, judge_classes)) += points * share;
        }
    }
    for (id, score) in scores.iter_mut() {
        if let Some(element) = page.tree.get(*id).and_then(ElementRef::wrap) {
            *score *= 1.0 - link_density(element);
        }
    }
    Scores { scores, prose }
}

/// Containers' scores, and the characters of scored text each holds.
struct Scores {
    scores: HashMap<NodeId, f64>,
    prose: HashMap<NodeId, usize>,
}

/// A block of text: its length in characters, its commas, and the first container it
/// scores. A `<p>` or `<pre>`, and an element holding only loose text, score their
/// parent; loose text beside blocks scores its holder.
fn block(element: ElementRef<'_>) -> Option<(usize, usize, ElementRef<'_>)> {
    let name = element.value().name();
    if matches!(name, "p" | "pre") {
        let text: String = element.text().collect();
        let parent = element.parent().and_then(ElementRef::wrap)?;
        return Some((text_chars(&text), commas(&text), parent));
    }
    if !LOOSE_TEXT_HOLDERS.contains(&name) {
        return None;
    }
    let text = loose_text(element);
    // Labels strung together (a player's controls, a menu) are no prose.
    if !text.contains(SENTENCE_MARKS) {
        return None;
    }
    // Loose text alone is a paragraph of the holder's parent; beside blocks, of the holder.
    let has_blocks = element
        .children()
        .filter_map(ElementRef::wrap)
        .any(|child| BLOCK_TAGS.contains(&child.value().name()));
    let container = match element.parent().and_then(ElementRef::wrap) {
        Some(parent) if !has_blocks && !matches!(name, "body" | "td") => parent,
        _ => element,
    };
    Some((text_chars(&text), commas(&text), container))
}

/// The text of `element` outside its block children: its own text nodes and inline
/// children.
fn loose_text(element: ElementRef<'_>) -> String {
    let mut text = String::new();
    for child in element.children() {
        match child.value() {
            Node::Text(piece) => text.push_str(piece),
            Node::Element(value) if !BLOCK_TAGS.contains(&value.name()) => {
                if let Some(inline) = ElementRef::wrap(child)
                    && !is_noise(inline)
                {
                    text.extend(inline.text());
                }
            }
            _ => {}
        }
    }
    text
}

/// What one reading of a page counts as furniture, knowing how much text each element
/// holds: class words never drop most of the page.
struct Judge {
    judge_classes: bool,
    sizes: HashMap<NodeId, usize>,
    page_chars: usize,
}

impl Judge {
    fn new(page: &Html, judge_classes: bool) -> Judge {
        let mut sizes: HashMap<NodeId, usize> = HashMap::new();
        for node in page.root_element().descendants() {
            let in_code = node
                .parent()
                .and_then(|parent| parent.value().as_element().map(|e| e.name()))
                .is_some_and(|name| matches!(name, "script" | "style" | "noscript" | "template"));
            if let Node::Text(text) = node.value()
                && !in_code
            {
                let chars = text_chars(text);
                for ancestor in node.ancestors() {
                    *sizes.entry(ancestor.id()).or_default() += chars;
                }
            }
        }
        let page_chars = sizes.get(&page.root_element().id()).copied().unwrap_or(0);
        Judge {
            judge_classes,
            sizes,
            page_chars,
        }
    }

    /// Characters of text inside `element`.
    fn size(&self, element: ElementRef<'_>) -> usize {
        self.sizes.get(&element.id()).copied().unwrap_or(0)
    }

    /// True for page furniture: skipped tags and hidden elements and, when classes are
    /// judged, elements with noise and unlikely class words unless they hold more than
    /// `most` characters.
    fn is_furniture(&self, element: ElementRef<'_>, most: usize) -> bool {
        is_hidden_or_skipped(element)
            || (self.judge_classes
                && (is_noise(element) || is_unlikely(element))
                && self.size(element) <= most)
    }

    /// True when `element` or a container above it (below `<body>`) is furniture; a
    /// container holding three quarters of the page's text is not.
    fn excludes(&self, element: ElementRef<'_>) -> bool {
        std::iter::successors(Some(element), |e| e.parent().and_then(ElementRef::wrap))
            .take_while(|e| !matches!(e.value().name(), "body" | "html"))
            .any(|e| self.is_furniture(e, self.page_chars * 3 / 4))
    }
}

/// True when the class or id words of `element` name a block no story is in.
fn is_unlikely(element: ElementRef<'_>) -> bool {
    let parts = class_parts(element);
    parts
        .iter()
        .any(|part| UNLIKELY_WORDS.contains(&part.as_str()))
        && !parts
            .iter()
            .any(|part| STORY_WORDS.contains(&part.as_str()))
        && !matches!(element.value().name(), "body" | "html" | "article" | "main")
}

/// The words of `element`'s class and id, split at white space, `-` and `_`, lowercase.
fn class_parts(element: ElementRef<'_>) -> Vec<String> {
    let value = element.value();
    [value.attr("class"), value.id()]
        .into_iter()
        .flatten()
        .flat_map(|name| name.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .filter(|part| !part.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// [`is_noise`] without class and id words: skipped tags, hidden elements, noise roles.
fn is_hidden_or_skipped(element: ElementRef<'_>) -> bool {
    is_noise(element) && !has_noise_class(element)
}

/// A container's score before its blocks: by tag, and by class and id words.
fn initial_score(element: ElementRef<'_>, judge_classes: bool) -> f64 {
    let by_tag = match element.value().name() {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    if judge_classes {
        by_tag + class_weight(element)
    } else {
        by_tag
    }
}

/// +25 for story words in the class, the id or `itemprop=articleBody`, −25 for
/// furniture words, each of class and id counted once.
fn class_weight(element: ElementRef<'_>) -> f64 {
    let value = element.value();
    let class = value.attr("class").unwrap_or_default();
    let id = value.id().unwrap_or_default();
    let mut weight = 0.0;
    for name in [class, id] {
        let parts: Vec<String> = name
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .filter(|part| !part.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        if parts
            .iter()
            .any(|part| FURNITURE_WORDS.contains(&part.as_str()))
        {
            weight -= CLASS_WEIGHT;
        }
        if parts
            .iter()
            .any(|part| STORY_WORDS.contains(&part.as_str()))
        {
            weight += CLASS_WEIGHT;
        }
    }
    if value
        .attr("itemprop")
        .is_some_and(|prop| prop.eq_ignore_ascii_case("articleBody"))
    {
        weight += CLASS_WEIGHT;
    }
    weight
}

/// The container with the best score, moved up: to the container that holds three of
/// the runners-up scoring three quarters of it (a story in several blocks), to a
/// container above that scores more than it, or more than the container below it while
/// holding little more text (a lead paragraph beside a "read more" box), or holds a
/// quarter more scored text, and while it is its parent's only element.
fn best_container<'a>(
    page: &'a Html,
    scores: &HashMap<NodeId, f64>,
    prose: &HashMap<NodeId, usize>,
) -> Option<(ElementRef<'a>, f64)> {
    let mut ranked: Vec<(NodeId, f64)> = scores.iter().map(|(id, score)| (*id, *score)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let (id, top_score) = *ranked.first()?;
    let mut top = page.tree.get(id).and_then(ElementRef::wrap)?;
    let runners_up: Vec<ElementRef<'a>> = ranked[1..ranked.len().min(RUNNERS_UP + 1)]
        .iter()
        .filter(|(_, score)| *score >= top_score * 0.75)
        .filter_map(|(id, _)| page.tree.get(*id).and_then(ElementRef::wrap))
        .collect();
    if runners_up.len() >= MIN_RUNNERS_UP {
        let holder = above(top).find(|ancestor| {
            runners_up
                .iter()
                .filter(|runner| above(**runner).any(|a| a.id() == ancestor.id()))
                .count()
                >= MIN_RUNNERS_UP
        });
        if let Some(holder) = holder {
            top = holder;
        }
    }
    let mut score = scores.get(&top.id()).copied().unwrap_or(top_score);
    let prose_of = |element: ElementRef<'_>| prose.get(&element.id()).copied().unwrap_or(0);
    let floor = score / 3.0;
    let mut last_score = score;
    for parent in above(top) {
        let Some(&parent_score) = scores.get(&parent.id()) else {
            continue;
        };
        if parent_score < floor {
            break;
        }
        let close_in_size = prose_of(parent) as f64 <= prose_of(top) as f64 * CLIMB_PROSE;
        if parent_score > score || (parent_score > last_score && close_in_size) {
            top = parent;
            score = parent_score;
            break;
        }
        last_score = parent_score;
    }
    let is_part =
        |part: &ElementRef<'_>| prose_of(*part) as f64 >= prose_of(top) as f64 * PART_PROSE_SHARE;
    let strong: Vec<ElementRef<'a>> = ranked
        .iter()
        .filter(|(_, other)| *other >= top_score * STRONG_SHARE)
        .filter_map(|(id, _)| page.tree.get(*id).and_then(ElementRef::wrap))
        .filter(is_part)
        .collect();
    // Parts named like the best one ("story-body story-body-1" beside "story-body
    // story-body-2"), whatever they score and hold.
    let twins: Vec<ElementRef<'a>> = ranked
        .iter()
        .filter_map(|(id, _)| page.tree.get(*id).and_then(ElementRef::wrap))
        .filter(|part| part.id() != top.id() && shares_class(*part, top))
        .collect();
    let mut held = prose_of(top);
    for holder in above(top).collect::<Vec<_>>() {
        if link_density(holder) > MAX_HOLDER_LINK_DENSITY {
            break;
        }
        let holds_another = |parts: &[ElementRef<'_>]| {
            parts.iter().any(|part| {
                let inside = |outer: ElementRef<'_>| above(*part).any(|a| a.id() == outer.id());
                part.id() != top.id()
                    && !inside(top)
                    && !above(top).any(|a| a.id() == part.id())
                    && inside(holder)
            })
        };
        if holds_another(&twins)
            || (holds_another(&strong) && prose_of(holder) as f64 >= held as f64 * MORE_PROSE)
        {
            top = holder;
            held = prose_of(holder);
            score = score.max(scores.get(&top.id()).copied().unwrap_or(0.0));
        }
    }
    while let Some(parent) = above(top).next() {
        if parent.children().filter_map(ElementRef::wrap).count() != 1 {
            break;
        }
        top = parent;
        score = scores.get(&top.id()).copied().unwrap_or(score);
    }
    Some((top, score))
}

/// True when `a` and `b` share a class naming the story's container ("story-body").
fn shares_class(a: ElementRef<'_>, b: ElementRef<'_>) -> bool {
    a.value().classes().any(|class| {
        class
            .split(['-', '_'])
            .any(|part| STORY_WORDS.contains(&part.to_ascii_lowercase().as_str()))
            && b.value().classes().any(|other| other == class)
    })
}

/// The containers above `element`, up to and without `<body>`.
fn above(element: ElementRef<'_>) -> impl Iterator<Item = ElementRef<'_>> {
    std::iter::successors(element.parent().and_then(ElementRef::wrap), |e| {
        e.parent().and_then(ElementRef::wrap)
    })
    .take_while(|e| !matches!(e.value().name(), "body" | "html"))
}

/// `top` and the siblings that continue it, in page order: containers scoring at least
/// a fifth of it, and paragraphs of prose with few links.
fn continuation<'a>(
    top: ElementRef<'a>,
    top_score: f64,
    scores: &HashMap<NodeId, f64>,
    judge_classes: bool,
) -> Vec<ElementRef<'a>> {
    let Some(parent) = top.parent().and_then(ElementRef::wrap) else {
        return vec![top];
    };
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = top.value().attr("class").filter(|c| !c.is_empty());
    parent
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|sibling| {
            if sibling.id() == top.id() {
                return true;
            }
            if judge_classes && (is_noise(*sibling) || is_head_or_foot(*sibling)) {
                return false;
            }
            if !judge_classes && is_hidden_or_skipped(*sibling) {
                return false;
            }
            let bonus = if top_class.is_some() && sibling.value().attr("class") == top_class {
                top_score * 0.2
            } else {
                0.0
            };
            if scores.get(&sibling.id()).copied().unwrap_or(0.0) + bonus >= threshold {
                return true;
            }
            sibling.value().name() == "p" && is_prose_paragraph(*sibling)
        })
        .collect()
}

/// A paragraph long enough with few links, or short without links ending a sentence.
fn is_prose_paragraph(paragraph: ElementRef<'_>) -> bool {
    let text: String = paragraph.text().collect();
    let chars = text_chars(&text);
    let density = link_density(paragraph);
    (chars > 80 && density < 0.25)
        || (chars > 0 && density == 0.0 && text.trim_end().ends_with(['.', '!', '?']))
}

/// True for a sibling whose class names the kicker, standfirst, byline or tag list.
fn is_head_or_foot(element: ElementRef<'_>) -> bool {
    element.value().classes().any(|class| {
        let class = class.to_ascii_lowercase();
        HEAD_AND_FOOT_WORDS.contains(&class.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(html: &str) -> String {
        story_text(&Html::parse_document(html))
    }

    const PROSE: &str = "The delegations met for a third day in the capital, and the talks, \
        which had stalled over the sequencing of payments, moved forward on Tuesday.";

    #[test]
    fn text_broken_by_line_breaks_is_read() {
        let page = format!(
            "<html><body><nav><a href=/>Home</a></nav><div class=post>{PROSE}<br><br>{PROSE}<br>Last line of the story.</div></body></html>"
        );
        let text = story(&page);
        assert!(text.starts_with("The delegations met"), "{text}");
        assert!(text.ends_with("Last line of the story."), "{text}");
        assert!(!text.contains("Home"));
    }

    #[test]
    fn a_players_controls_are_not_story_text() {
        let page = format!(
            "<html><body><article><p>{PROSE}</p>\
             <div class=vp><div role=button>Play</div><div>Current Time 0:00</div>\
             <div class=vp-settings><div tabindex=0>Auto</div><div tabindex=1>High (HD)</div>\
             <div tabindex=2>Low</div></div></div><p>{PROSE}</p><p>Last line.</p></article></body></html>"
        );
        let text = story(&page);
        assert!(text.contains("moved forward on Tuesday."), "{text}");
        assert!(text.ends_with("Last line."), "{text}");
        for control in ["Play", "High (HD)", "Auto"] {
            assert!(!text.contains(control), "{control} in {text}");
        }
    }

    #[test]
    fn loose_text_in_spans_is_read() {
        let page = format!(
            "<html><body><div class=post-body><span>{PROSE}</span><br><span>{PROSE}</span></div><div class=footer>Powered by a blog engine</div></body></html>"
        );
        let text = story(&page);
        assert!(text.contains("moved forward on Tuesday."), "{text}");
        assert!(!text.contains("Powered"), "{text}");
    }

    #[test]
    fn a_noise_word_inside_a_class_token_drops_nothing() {
        for class in [
            "content-with-sidebar-wrp",
            "l-sidebar-fixed l-article-body-segment",
        ] {
            let page = format!(
                "<html><body><div class=\"{class}\"><p>{PROSE}</p><p>{PROSE}</p></div><aside class=sidebar><p>Most read this week, and more.</p></aside></body></html>"
            );
            let text = story(&page);
            assert!(text.starts_with("The delegations"), "{class}: {text}");
            assert!(!text.contains("Most read"), "{class}: {text}");
        }
    }

    #[test]
    fn a_story_split_across_siblings_and_its_lead_are_read_whole() {
        let page = format!(
            "<html><body><div class=wrap><p>LEAD: Negotiators reached a provisional agreement late on Monday night, officials said.</p>\
             <div class=story-part><p>{PROSE}</p><p>{PROSE}</p></div>\
             <div class=ad-slot>Buy now</div>\
             <div class=story-part><p>{PROSE}</p><p>The final paragraph closes it.</p></div></div></body></html>"
        );
        let text = story(&page);
        assert!(text.starts_with("LEAD:"), "{text}");
        assert!(text.ends_with("The final paragraph closes it."), "{text}");
        assert!(!text.contains("Buy now"));
    }

    #[test]
    fn a_box_scored_by_its_class_words_alone_does_not_widen_the_story() {
        // The player's box scores like a part of the story by its "content" class word,
        // but holds one caption line; the page around holds other stories' teasers.
        let teaser = "<div class=teaser><p>Another story of the day, told in a line, with a comma or two, and a link.</p></div>";
        let page = format!(
            "<html><body><div id=main><div class=book>             <div class=cover><div class=player-content><div><p>Watch: the minister arrives at the talks.</p></div></div></div>             <div class=article-body><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>The last line of the story.</p></div></div>             <div class=more>{}</div></div></body></html>",
            teaser.repeat(6)
        );
        let text = story(&page);
        assert!(text.starts_with("The delegations"), "{text}");
        assert!(text.ends_with("The last line of the story."), "{text}");
        assert!(!text.contains("Another story"), "{text}");
    }

    #[test]
    fn a_lead_beside_the_best_block_is_read_with_it() {
        // The lead and two paragraphs sit in the story's box; the rest of the story in a
        // box below them, which scores best.
        let page = format!(
            "<html><body><div id=page><div class=story-body>\
             <div class=intro><p><strong>LEAD: Negotiators reached a provisional agreement late on Monday, officials said, after a long night.</strong></p></div>\
             <p>{PROSE}</p><p>{PROSE}</p>\
             <div id=more><div id=more-text>{}<p>The final paragraph closes it.</p></div></div>\
             </div><div class=footer-links><a href=/a>About us</a></div></div></body></html>",
            format!("<p>{PROSE}</p>").repeat(10)
        );
        let text = story(&page);
        assert!(text.starts_with("LEAD:"), "{text}");
        assert!(text.ends_with("The final paragraph closes it."), "{text}");
        assert!(!text.contains("About us"), "{text}");
    }

    #[test]
    fn parts_of_the_story_named_alike_are_read_together() {
        let page = format!(
            "<html><body><article id=story>\
             <div class=body-wrap><div class=\"story-body story-body-1\"><p>LEAD: Negotiators reached a provisional agreement late on Monday, officials said.</p><p>{PROSE}</p></div><div class=ad-box>Advertisement</div></div>\
             <div class=interrupter><div class=ad-box>Advertisement</div></div>\
             <div class=body-wrap><div class=\"story-body story-body-2\">{}<p>The final paragraph closes it.</p></div><div class=ad-box>Advertisement</div></div>\
             </article></body></html>",
            format!("<p>{PROSE}</p>").repeat(8)
        );
        let text = story(&page);
        assert!(text.starts_with("LEAD:"), "{text}");
        assert!(text.ends_with("The final paragraph closes it."), "{text}");
        assert!(!text.contains("Advertisement"), "{text}");
    }

    #[test]
    fn a_list_of_sentences_holding_a_list_of_links_keeps_its_sentences() {
        let links: String = (1..=5)
            .map(|n| format!("<li><a href=/bug/{n}>Bug {n}00 – the reader loses its place after a long update</a></li>"))
            .collect();
        let page = format!(
            "<html><body><article><p>{PROSE}</p><ul><li>Students will work on the reader again next term, and two mentors will help them.</li>\
             <li>In progress:<ul>{links}</ul></li></ul><p>{PROSE}</p></article></body></html>"
        );
        let text = story(&page);
        assert!(text.contains("Students will work"), "{text}");
        assert!(text.contains("In progress:"), "{text}");
        assert!(!text.contains("Bug 100"), "{text}");
    }

    #[test]
    fn comments_and_related_lists_are_not_the_story() {
        let comment = "<div class=comment><p>I disagree with this, frankly, and so do my friends, and so does everyone.</p></div>";
        let page = format!(
            "<html><body><article><p>{PROSE}</p><p>{PROSE}</p>\
             <ul><li><a href=/a>Another story about the talks</a></li><li><a href=/b>A third story about them</a></li></ul></article>\
             <section id=comments>{}</section></body></html>",
            comment.repeat(6)
        );
        let text = story(&page);
        assert!(text.starts_with("The delegations"), "{text}");
        assert!(
            !text.contains("disagree") && !text.contains("Another story"),
            "{text}"
        );
    }

    #[test]
    fn the_kicker_standfirst_and_tag_line_stay_out() {
        let page = format!(
            "<html><body><article><p class=kicker>Economy</p><h1>Talks move on</h1>\
             <p class=standfirst>A provisional agreement was reached late on Monday after a long night of talks in the capital.</p>\
             <div class=story-body><p>{PROSE}</p><p>{PROSE}</p></div>\
             <p class=tags>Filed under: <a href=/t/a>Economy</a>, <a href=/t/b>Debt</a></p></article></body></html>"
        );
        assert_eq!(story(&page), format!("{PROSE}\n\n{PROSE}"));
    }

    #[test]
    fn a_page_of_short_loose_text_gives_its_body() {
        assert_eq!(
            story(
                "<html><body><nav><a href=/>Home</a></nav><a href=#><p>Talks</p> resume</a></body></html>"
            ),
            "Talks\n\nresume"
        );
    }

    #[test]
    fn a_short_strict_reading_falls_back_to_a_reading_without_class_words() {
        // The only story container is marked with a furniture word.
        let page = format!(
            "<html><body><div class=comments-like-layout><div id=comments><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div></body></html>"
        );
        assert!(story(&page).starts_with("The delegations"));
    }
}
