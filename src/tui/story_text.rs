//! The story pane's text: the article with entities, quotes, dates, search matches and the
//! selected entity styled, wrapped to a width. Computed once per story, width and
//! highlight change (in `App::update`), so drawing only slices the visible lines.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use crate::model::{Analysis, Article, QuoteKind};
use crate::sanitize::clean_text;
use crate::tui::theme::Theme;

/// The story laid out for one width.
#[derive(Debug, Clone, Default)]
pub struct StoryLayout {
    pub width: u16,
    pub lines: Vec<Line<'static>>,
    /// For every line, the body character offset it starts at (header lines: 0).
    pub line_starts: Vec<usize>,
}

impl StoryLayout {
    /// The index of the line that shows body character `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let header = self
            .line_starts
            .iter()
            .take_while(|&&s| s == 0)
            .count()
            .saturating_sub(1);
        match self.line_starts[header..].binary_search(&offset) {
            Ok(i) => header + i,
            Err(i) => header + i.saturating_sub(1),
        }
    }
}

/// What to emphasise beyond the analysis itself.
#[derive(Debug, Clone, Default)]
pub struct Highlights<'a> {
    /// Canonical name of the selected entity: its mentions are emphasised.
    pub entity: Option<&'a str>,
    /// Character ranges of search matches in the body.
    pub matches: &'a [(usize, usize)],
    /// Character ranges of passages that notes are anchored to.
    pub notes: &'a [(usize, usize)],
}

/// Lays the story out for `width` columns.
pub fn layout(
    article: &Article,
    analysis: &Analysis,
    highlights: &Highlights,
    theme: &Theme,
    width: u16,
) -> StoryLayout {
    let width = width.max(1) as usize;
    let mut out = StoryLayout {
        width: width as u16,
        ..Default::default()
    };
    let mut header: Vec<(String, Style)> = vec![(
        shown_title(&clean_text(&article.title)).to_string(),
        theme.title,
    )];
    let published = article.published.as_deref().map(readable_time);
    let meta: Vec<String> = [
        &article.source,
        &article.byline,
        &article.dateline,
        &published,
    ]
    .into_iter()
    .flatten()
    .map(|s| clean_text(s))
    .filter(|s| !s.is_empty())
    .collect();
    if !meta.is_empty() {
        header.push((meta.join(" · "), theme.muted));
    }
    if let Some(url) = article.url.as_deref().map(clean_text)
        && !url.is_empty()
    {
        header.push((url, theme.muted));
    }
    let tags: Vec<String> = article
        .tags
        .iter()
        .map(|tag| clean_text(tag))
        .filter(|tag| !tag.is_empty())
        .map(|tag| format!("#{tag}"))
        .collect();
    if !tags.is_empty() {
        header.push((tags.join(" "), theme.muted));
    }
    for highlight in &article.highlights {
        header.push((format!("• {}", clean_text(highlight)), theme.muted));
    }
    for (text, style) in header {
        wrap_segments(&[(text.as_str(), style)], 0, width, &mut out);
    }
    // Wrapping counted offsets into the header's own text: its lines show no body.
    out.line_starts.fill(0);
    push_line(&mut out, Vec::new(), 0);

    let body: Vec<char> = article.body.chars().collect();
    let styles = char_styles(analysis, highlights, theme, body.len());
    let speakers = speaker_tags(analysis, &body);
    let mut paragraph_start = 0;
    for (i, &c) in body.iter().chain(std::iter::once(&'\n')).enumerate() {
        if c != '\n' {
            continue;
        }
        let segments = segments(&body, &styles, &speakers, paragraph_start, i, theme);
        let borrowed: Vec<(&str, Style)> = segments.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        if borrowed.is_empty() {
            push_line(&mut out, Vec::new(), paragraph_start);
        } else {
            wrap_segments(&borrowed, paragraph_start, width, &mut out);
        }
        paragraph_start = i + 1;
    }
    out
}

/// What stands for a story without a title in lists and headings.
pub const UNTITLED: &str = "(untitled)";

/// A story's title as shown: the title, or [`UNTITLED`] when it is blank.
pub fn shown_title(title: &str) -> &str {
    if title.trim().is_empty() {
        UNTITLED
    } else {
        title
    }
}

/// "2023-03-14T09:30:00+01:00" as "2023-03-14 09:30 +01:00"; other text unchanged.
fn readable_time(rfc3339: &str) -> String {
    match rfc3339.parse::<jiff::Timestamp>() {
        Ok(_) if rfc3339.len() >= 25 => {
            format!(
                "{} {} {}",
                &rfc3339[..10],
                &rfc3339[11..16],
                &rfc3339[rfc3339.len() - 6..]
            )
        }
        _ => rfc3339.to_string(),
    }
}

/// The style of every body character, layering quote < date < entity < selection < match.
fn char_styles(
    analysis: &Analysis,
    highlights: &Highlights,
    theme: &Theme,
    len: usize,
) -> Vec<Style> {
    let mut styles = vec![Style::default(); len];
    let mut paint = |start: usize, end: usize, style: Style| {
        for s in styles.iter_mut().take(end.min(len)).skip(start) {
            *s = s.patch(style);
        }
    };
    for quote in &analysis.quotes {
        if quote.kind != QuoteKind::Reported {
            paint(quote.start, quote.end, theme.quote);
        }
    }
    for date in &analysis.dates {
        paint(date.start, date.end, theme.date);
    }
    for entity in &analysis.entities {
        let selected = highlights.entity == Some(entity.name.as_str());
        let style = if selected {
            theme.kind(entity.kind).patch(theme.selected_entity)
        } else {
            theme.kind(entity.kind)
        };
        for mention in &entity.mentions {
            paint(mention.start, mention.end, style);
        }
    }
    for &(start, end) in highlights.notes {
        paint(start, end, theme.note);
    }
    for &(start, end) in highlights.matches {
        paint(start, end, theme.search_match);
    }
    styles
}

/// How far (in characters) from a quote a mention of its speaker still names it.
const ATTRIBUTION_REACH: usize = 40;

/// Speaker names shown after the closing mark of each attributed quote, by body offset;
/// left out where the text already names the speaker next to the quote ("…,” said Lena
/// Vos" or "Vos said: “…”").
fn speaker_tags(analysis: &Analysis, body: &[char]) -> Vec<(usize, String)> {
    let mut tags: Vec<(usize, String)> = analysis
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .filter_map(|q| {
            let speaker = q.speaker.as_ref()?;
            let mut at = q.end.min(body.len());
            if at < body.len() && matches!(body[at], '"' | '”' | '’' | '\'' | '»') {
                at += 1;
            }
            let start = q.start.min(at).saturating_sub(1);
            if named_beside(analysis, body, speaker, start, at) {
                return None;
            }
            Some((at, format!(" ‹{}›", clean_text(speaker))))
        })
        .collect();
    tags.sort();
    tags
}

/// Does a mention of `speaker` stand within reach before `start` or after `end`, in the
/// same sentence and with no other quote between?
fn named_beside(
    analysis: &Analysis,
    body: &[char],
    speaker: &str,
    start: usize,
    end: usize,
) -> bool {
    let Some(entity) = analysis.entities.iter().find(|e| e.name == speaker) else {
        return false;
    };
    let clear = |from: usize, to: usize| {
        to >= from
            && to - from <= ATTRIBUTION_REACH
            && !body[from.min(body.len())..to.min(body.len())]
                .iter()
                .any(|c| matches!(c, '.' | '!' | '?' | '\n' | '"' | '“' | '”' | '«' | '»'))
    };
    entity
        .mentions
        .iter()
        .any(|m| (m.start >= end && clear(end, m.start)) || (m.end <= start && clear(m.end, start)))
}

/// The paragraph body[start..end] as runs of equally styled text, speaker tags inserted.
fn segments(
    body: &[char],
    styles: &[Style],
    speakers: &[(usize, String)],
    start: usize,
    end: usize,
    theme: &Theme,
) -> Vec<(String, Style)> {
    let mut out: Vec<(String, Style)> = Vec::new();
    let mut tags = speakers
        .iter()
        .filter(|(at, _)| *at > start && *at <= end)
        .peekable();
    for i in start..end {
        while let Some((_, name)) = tags.next_if(|(at, _)| *at == i) {
            out.push((name.clone(), theme.speaker));
        }
        match out.last_mut() {
            Some((text, style)) if *style == styles[i] && !text.starts_with(" ‹") => {
                text.push(body[i])
            }
            _ => out.push((body[i].to_string(), styles[i])),
        }
    }
    for (_, name) in tags {
        out.push((name.clone(), theme.speaker));
    }
    out
}

/// Greedy word wrap of styled segments into lines no wider than `width` columns.
fn wrap_segments(segments: &[(&str, Style)], start: usize, width: usize, out: &mut StoryLayout) {
    let mut wrapper = Wrapper {
        out,
        width,
        line: Vec::new(),
        line_width: 0,
        line_start: start,
    };
    let mut word: Vec<(char, Style)> = Vec::new();
    let mut word_start = start;
    let mut offset = start;
    for (text, style) in segments {
        // Speaker tags are display-only: they take no body offsets.
        let is_tag = text.starts_with(" ‹");
        for c in text.chars() {
            if word.is_empty() {
                word_start = offset;
            }
            word.push((c, *style));
            if !is_tag {
                offset += 1;
            }
            if c == ' ' {
                wrapper.place_word(&word, word_start);
                word.clear();
            }
        }
    }
    wrapper.place_word(&word, word_start);
    wrapper.finish();
}

/// The line being filled while wrapping.
struct Wrapper<'a> {
    out: &'a mut StoryLayout,
    width: usize,
    line: Vec<Span<'static>>,
    line_width: usize,
    line_start: usize,
}

impl Wrapper<'_> {
    /// Puts a word (with its trailing space) on this line or the next; breaks overlong words.
    fn place_word(&mut self, word: &[(char, Style)], word_start: usize) {
        let word_width: usize = word.iter().map(|(c, _)| c.width().unwrap_or(0)).sum();
        if self.line_width + word_width > self.width && self.line_width > 0 {
            self.break_line(word_start);
        }
        for &(c, style) in word {
            let w = c.width().unwrap_or(0);
            if self.line_width + w > self.width && self.line_width > 0 && c != ' ' {
                self.break_line(word_start);
            }
            push_char(&mut self.line, c, style);
            self.line_width += w;
        }
    }

    fn break_line(&mut self, next_start: usize) {
        push_line(self.out, std::mem::take(&mut self.line), self.line_start);
        self.line_width = 0;
        self.line_start = next_start;
    }

    fn finish(self) {
        if !self.line.is_empty() {
            push_line(self.out, self.line, self.line_start);
        }
    }
}

fn push_char(line: &mut Vec<Span<'static>>, c: char, style: Style) {
    match line.last_mut() {
        Some(span) if span.style == style => span.content.to_mut().push(c),
        _ => line.push(Span::styled(c.to_string(), style)),
    }
}

fn push_line(out: &mut StoryLayout, spans: Vec<Span<'static>>, start: usize) {
    out.lines.push(Line::from(spans));
    out.line_starts.push(start);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityKind, Extract, Mention, Quote};

    fn story(body: &str) -> Extract {
        Extract {
            id: Some(1),
            article: Article {
                title: "Talks resume".into(),
                body: body.into(),
                ..Default::default()
            },
            analysis: Analysis::default(),
        }
    }

    fn lay(story: &Extract, highlights: &Highlights, theme: &Theme, width: u16) -> StoryLayout {
        layout(&story.article, &story.analysis, highlights, theme, width)
    }

    fn text_of(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn wraps_to_width_without_losing_words() {
        let body = "Negotiators from both sides met in Geneva on Monday.\n\nA second paragraph follows here.";
        let layout = lay(&story(body), &Highlights::default(), &Theme::default(), 20);
        let texts: Vec<String> = layout.lines.iter().map(text_of).collect();
        assert!(
            texts
                .iter()
                .all(|t| unicode_width::UnicodeWidthStr::width(t.trim_end()) <= 20)
        );
        let joined: String = texts[2..].join("");
        assert!(joined.contains("Negotiators from both sides met in Geneva on Monday."));
        assert!(texts.iter().any(|t| t.is_empty()), "paragraph gap kept");
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let layout = lay(
            &story("王毅王毅王毅王毅王毅王毅"),
            &Highlights::default(),
            &Theme::default(),
            10,
        );
        for line in &layout.lines[2..] {
            assert!(unicode_width::UnicodeWidthStr::width(text_of(line).as_str()) <= 10);
        }
    }

    #[test]
    fn styles_mentions_and_tags_speakers() {
        let body = "“We will respond,” said Lena Vos.";
        let mut s = story(body);
        s.analysis.entities.push(Entity {
            name: "Lena Vos".into(),
            kind: EntityKind::Person,
            mentions: vec![Mention {
                start: 24,
                end: 32,
                text: "Lena Vos".into(),
            }],
        });
        s.analysis.quotes.push(Quote {
            text: "We will respond,".into(),
            start: 1,
            end: 17,
            speaker: Some("Lena Vos".into()),
            kind: QuoteKind::Direct,
        });
        let theme = Theme::default();
        let layout = lay(
            &s,
            &Highlights {
                entity: Some("Lena Vos"),
                matches: &[],
                notes: &[],
            },
            &theme,
            80,
        );
        let line = &layout.lines[2];
        // The text names the speaker beside the quote: no tag repeats the name.
        assert_eq!(text_of(line), "“We will respond,” said Lena Vos.");
        let name = line.spans.iter().find(|s| s.content == "Lena Vos").unwrap();
        assert_eq!(name.style, theme.person.patch(theme.selected_entity));
        assert!(
            line.spans
                .iter()
                .any(|s| s.style == theme.quote && s.content.contains("We will"))
        );
    }

    #[test]
    fn quotes_attributed_by_a_pronoun_are_tagged_with_the_speaker() {
        let body = "Lena Vos spoke to reporters on Monday. “We will respond,” she said.";
        let mut s = story(body);
        s.analysis.entities.push(Entity {
            name: "Lena Vos".into(),
            kind: EntityKind::Person,
            mentions: vec![Mention {
                start: 0,
                end: 8,
                text: "Lena Vos".into(),
            }],
        });
        let open = body.chars().position(|c| c == '“').unwrap();
        s.analysis.quotes.push(Quote {
            text: "We will respond,".into(),
            start: open + 1,
            end: open + 17,
            speaker: Some("Lena Vos".into()),
            kind: QuoteKind::Direct,
        });
        let layout = lay(&s, &Highlights::default(), &Theme::default(), 120);
        assert_eq!(
            text_of(&layout.lines[2]),
            "Lena Vos spoke to reporters on Monday. “We will respond,” ‹Lena Vos› she said."
        );
    }

    #[test]
    fn a_wrapped_title_shows_no_body_and_lines_are_found_below_it() {
        let body = "First sentence here.\n\nSecond paragraph starts.";
        let mut s = story(body);
        s.article.title = "A title long enough to wrap on a narrow screen".into();
        let layout = lay(&s, &Highlights::default(), &Theme::default(), 20);
        let header = layout
            .lines
            .iter()
            .take_while(|l| !l.spans.is_empty())
            .count();
        assert!(header >= 3, "the title wraps");
        assert!(layout.line_starts[..header].iter().all(|&start| start == 0));
        let second = body.find("Second").unwrap();
        assert_eq!(
            text_of(&layout.lines[layout.line_of(second)]),
            "Second paragraph "
        );
    }

    #[test]
    fn line_of_finds_offsets() {
        let body = "one two three four five six seven eight nine ten";
        let layout = lay(&story(body), &Highlights::default(), &Theme::default(), 10);
        let line = layout.line_of(body.find("nine").unwrap());
        assert!(text_of(&layout.lines[line]).contains("nine"));
    }
}
