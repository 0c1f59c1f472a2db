//! The Markdown form of a [`Briefing`]. Text from stories is escaped so that nothing in
//! it (a `#`, a `[link]`, `<html>`, a line starting `1.` or `-`) can change the
//! document's structure; a note's own Markdown is kept but indented into its list item,
//! so it can shape its own text and nothing else.

use std::fmt::Write;

use super::anchors::Anchor;
use super::briefing::{Briefing, BriefingStory};
use super::notes::Note;

impl Briefing {
    /// The briefing as a Markdown document (CommonMark).
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("# Analyst briefing\n\n");
        let note_count: usize = self.stories.iter().map(|story| story.notes.len()).sum();
        let mut scope = vec![format!("Generated {}", escape(&self.generated))];
        if let Some(tag) = &self.tag {
            scope.push(format!("notes tagged {}", escape(&format!("#{tag}"))));
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
                    "- {} — {} (story {}: {})",
                    escape(&entry.date),
                    escape(&entry.summary),
                    entry.story,
                    escape(&entry.story_title)
                );
            }
            out.push('\n');
        }
        out
    }
}

fn write_story(out: &mut String, number: usize, story: &BriefingStory) {
    let _ = writeln!(out, "## {number}. {}\n", escape(&story.title));
    let _ = writeln!(out, "- Story: {}", story.id);
    for (label, value) in [
        ("Source", &story.source),
        ("By", &story.byline),
        ("Published", &story.published),
    ] {
        if let Some(value) = value {
            let _ = writeln!(out, "- {label}: {}", escape(value));
        }
    }
    if let Some(url) = &story.url {
        let _ = writeln!(out, "- Link: {}", link(url));
    }
    out.push('\n');
    if !story.notes.is_empty() {
        out.push_str("### Notes\n\n");
        for note in &story.notes {
            write_note(out, note);
        }
    }
    if !story.quotes.is_empty() {
        out.push_str("### Quotes\n\n");
        for quote in &story.quotes {
            let speaker = match &quote.speaker {
                Some(speaker) => format!("**{}**", escape(speaker)),
                None => "*Unattributed*".to_string(),
            };
            let _ = writeln!(out, "- {speaker}: “{}”", escape(&quote.text));
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

/// A list item: a header line, the quoted passage if any, then the note's own Markdown.
fn write_note(out: &mut String, note: &Note) {
    let mut header = vec![format!("**Note {}**", note.id)];
    match &note.anchor {
        Some(Anchor::Passage {
            start,
            end,
            detached,
            ..
        }) => header.push(if *detached {
            "passage no longer in the story".to_string()
        } else {
            format!("passage, characters {start}–{end}")
        }),
        Some(Anchor::Entity { name }) => header.push(format!("about {}", escape(name))),
        Some(Anchor::Event { date, summary }) => {
            header.push(format!("on event {} — {}", escape(date), escape(summary)))
        }
        None => {}
    }
    if !note.tags.is_empty() {
        let tags: Vec<String> = note
            .tags
            .iter()
            .map(|tag| escape(&format!("#{tag}")))
            .collect();
        header.push(tags.join(" "));
    }
    header.push(format!("updated {}", escape(&note.updated)));
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
    use super::{escape, link};

    #[test]
    fn escapes_inline_syntax_and_block_openers() {
        assert_eq!(escape("# *bold* [x](y) <b>"), r"\# \*bold\* \[x\](y) \<b\>");
        assert_eq!(escape("- item"), r"\- item");
        assert_eq!(escape("2023. A year"), r"2023\. A year");
        assert_eq!(escape("U.S. talks - again"), "U.S. talks - again");
        assert_eq!(escape("two\n\nlines"), "two lines");
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
