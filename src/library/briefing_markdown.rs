//! The Markdown form of a [`Briefing`]. Text from stories is escaped so that nothing in
//! it (a `#`, a `[link]`, `<html>`, a line starting `1.` or `-`) can change the
//! document's structure; a note's own Markdown is kept but indented into its list item,
//! so it can shape its own text and nothing else.

use std::fmt::Write;

use super::anchors::Anchor;
use super::briefing::{Briefing, BriefingStory};
use super::notes::Note;
use crate::model::{Quote, QuoteKind};

impl Briefing {
    /// The briefing as a Markdown document (CommonMark), to send as it is: stories are
    /// cited by title, source, date and URL, and no library id or offset appears.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("# {}\n\n", escape(&self.title));
        let note_count: usize = self.stories.iter().map(|story| story.notes.len()).sum();
        let generated = self.generated.get(..10).unwrap_or(&self.generated);
        let mut scope = vec![format!("Generated {}", escape(generated))];
        if !self.tags.is_empty() {
            let tags: Vec<String> = self.tags.iter().map(|tag| tag_text(tag)).collect();
            scope.push(format!("notes tagged {}", tags.join(", ")));
        }
        match (&self.from, &self.to) {
            (Some(from), Some(to)) => scope.push(format!("stories of {from} to {to}")),
            (Some(from), None) => scope.push(format!("stories from {from}")),
            (None, Some(to)) => scope.push(format!("stories up to {to}")),
            (None, None) => {}
        }
        scope.push(format!(
            "{} {}, {} {}",
            self.stories.len(),
            plural(self.stories.len(), "story", "stories"),
            note_count,
            plural(note_count, "note", "notes")
        ));
        let _ = writeln!(out, "{}\n", scope.join(" · "));
        for (number, story) in self.stories.iter().enumerate() {
            write_story(&mut out, number + 1, story);
        }
        if !self.timeline.is_empty() {
            out.push_str("## Timeline\n\n");
            for entry in &self.timeline {
                let _ = writeln!(
                    out,
                    "- {} — {} [{}]",
                    escape(&entry.date),
                    escape(&entry.summary),
                    entry.story
                );
            }
            out.push('\n');
        }
        if !self.stories.is_empty() {
            out.push_str("## Sources\n\n");
            for (number, story) in self.stories.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", number + 1, citation(story));
            }
            out.push('\n');
        }
        out
    }
}

/// "Title. Source, YYYY-MM-DD. <url>", the parts the story has.
fn citation(story: &BriefingStory) -> String {
    let title = escape(&story.title);
    let stop = if title.ends_with(['.', '?', '!']) {
        ""
    } else {
        "."
    };
    let mut parts = vec![format!("{title}{stop}")];
    let day = story
        .published
        .as_deref()
        .map(|time| time.get(..10).unwrap_or(time));
    match (story.source.as_deref(), day) {
        (Some(source), Some(day)) => parts.push(format!("*{}*, {}.", escape(source), escape(day))),
        (Some(source), None) => parts.push(format!("*{}*, undated.", escape(source))),
        (None, Some(day)) => parts.push(format!("Unknown source, {}.", escape(day))),
        (None, None) => parts.push("Unknown source, undated.".to_string()),
    }
    if let Some(url) = &story.url {
        parts.push(link(url));
    }
    parts.join(" ")
}

fn write_story(out: &mut String, number: usize, story: &BriefingStory) {
    let _ = writeln!(out, "## {number}. {}\n", escape(&story.title));
    let _ = writeln!(out, "{}\n", citation(story));
    if let Some(byline) = &story.byline {
        let _ = writeln!(out, "By {}\n", escape(byline));
    }
    if !story.notes.is_empty() {
        out.push_str("### Notes\n\n");
        for note in &story.notes {
            write_note(out, note);
        }
    }
    if !story.quotes.is_empty() {
        out.push_str("### Quotes\n\n");
        for quote in &story.quotes {
            let _ = writeln!(out, "- {}", quote_line(quote));
        }
        out.push('\n');
    }
    if !story.events.is_empty() {
        out.push_str("### Key dates\n\n");
        for event in &story.events {
            let _ = writeln!(
                out,
                "- {} — {}",
                escape(&event.date),
                escape(&event.summary)
            );
        }
        out.push('\n');
    }
}

/// A quote with its speaker: words quoted in the story inside quotation marks, reported
/// speech (a paraphrase, not the speaker's words) without them.
fn quote_line(quote: &Quote) -> String {
    let speaker = match &quote.speaker {
        Some(speaker) => format!("**{}**", escape(speaker)),
        None => "*Unattributed*".to_string(),
    };
    match quote.kind {
        QuoteKind::Reported => format!("{speaker}, reported: {}", escape(&quote.text)),
        _ => format!("{speaker}: “{}”", escape(&quote.text)),
    }
}

/// A list item: a header line, the quoted passage if any, then the note's own Markdown.
fn write_note(out: &mut String, note: &Note) {
    let mut header = vec!["**Note**".to_string()];
    match &note.anchor {
        Some(Anchor::Passage { detached: true, .. }) => {
            header.push("on a passage no longer in the story".to_string())
        }
        Some(Anchor::Passage { .. }) => header.push("on the passage".to_string()),
        Some(Anchor::Entity { name }) => header.push(format!("about {}", escape(name))),
        Some(Anchor::Event { date, summary }) => {
            header.push(format!("on event {} — {}", escape(date), escape(summary)))
        }
        None => {}
    }
    if !note.tags.is_empty() {
        let tags: Vec<String> = note.tags.iter().map(|tag| tag_text(tag)).collect();
        header.push(tags.join(" "));
    }
    let updated = note.updated.get(..10).unwrap_or(&note.updated);
    header.push(format!("updated {}", escape(updated)));
    let _ = writeln!(out, "- {}\n", header.join(" · "));
    if let Some(Anchor::Passage { text, .. }) = &note.anchor {
        for line in text.lines() {
            match escape_line(line) {
                line if line.is_empty() => out.push_str("  >\n"),
                line => {
                    let _ = writeln!(out, "  > {line}");
                }
            }
        }
        out.push('\n');
    }
    for line in note.text.lines() {
        if line.trim().is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "  {line}");
        }
    }
    out.push('\n');
}

/// `#tag` as written: a tag's letters, digits, `_` and `-` are literal in Markdown
/// mid-line, so only a character outside that set (never in a parsed tag) is escaped.
fn tag_text(tag: &str) -> String {
    if tag
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        format!("#{tag}")
    } else {
        escape(&format!("#{tag}"))
    }
}

/// `text` on one line with every Markdown-active character escaped.
fn escape(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    escape_line(&line)
}

/// One line of text made literal: inline syntax is escaped everywhere, and what would
/// open a block at the start of a line (`-`, `+`, `=`, `1.`, `1)`) is escaped there.
fn escape_line(line: &str) -> String {
    let line = line.trim();
    let mut out = String::with_capacity(line.len() + 8);
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    for (index, c) in line.chars().enumerate() {
        let opens_block = match c {
            '-' | '+' | '=' => index == 0,
            '.' | ')' => index == digits && digits > 0,
            _ => false,
        };
        let is_inline_syntax = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
        );
        if opens_block || is_inline_syntax {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An autolink for a plain http(s) URL; anything else is shown as escaped text.
fn link(url: &str) -> String {
    let is_plain = (url.starts_with("https://") || url.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>');
    if is_plain {
        format!("<{url}>")
    } else {
        escape(url)
    }
}

fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::{BriefingStory, citation, escape, link};

    #[test]
    fn escapes_inline_syntax_and_block_openers() {
        assert_eq!(escape("# *bold* [x](y) <b>"), r"\# \*bold\* \[x\](y) \<b\>");
        assert_eq!(escape("- item"), r"\- item");
        assert_eq!(escape("2023. A year"), r"2023\. A year");
        assert_eq!(escape("U.S. talks - again"), "U.S. talks - again");
        assert_eq!(escape("two\n\nlines"), "two lines");
    }

    #[test]
    fn citations_end_the_title_once() {
        let story = |title: &str| BriefingStory {
            id: 1,
            title: title.to_string(),
            source: Some("Harbour Wire".to_string()),
            byline: None,
            published: Some("2024-02-10T08:00:00Z".to_string()),
            url: None,
            notes: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
        };
        assert_eq!(
            citation(&story("Talks resume")),
            "Talks resume. *Harbour Wire*, 2024-02-10."
        );
        assert_eq!(
            citation(&story("Will talks resume?")),
            "Will talks resume? *Harbour Wire*, 2024-02-10."
        );
    }

    #[test]
    fn links_only_plain_web_urls() {
        assert_eq!(
            link("https://example.com/a?b=1"),
            "<https://example.com/a?b=1>"
        );
        assert_eq!(link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(
            link("https://x.example/<script>"),
            r"https://x.example/\<script\>"
        );
    }
}
