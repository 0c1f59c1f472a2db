//! The #tags of a note's Markdown text.
//!
//! A tag is `#` followed by a letter, then letters, digits and `_`, with single `-`
//! joining words (`#sanctions`, `#black-sea`, `#g7_summit`). It must start a word: the
//! character before `#` is not a letter, digit, `#`, `&` or `/` (so `C#`, `&#39;` and
//! `page/#top` are not tags). `#1` and `#2023` are not tags: numbers are references,
//! not topics. Nothing inside inline code, code blocks, link destinations or bare URLs
//! counts. Tags are compared and stored lowercase, each once, in order of appearance.

use pulldown_cmark::{Event, Parser, Tag, TagEnd, TextMergeStream};

/// The tags of `markdown`, lowercase, without `#`, first appearance first.
pub fn parse_tags(markdown: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut code_depth = 0usize;
    for event in TextMergeStream::new(Parser::new(markdown)) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_depth += 1,
            Event::End(TagEnd::CodeBlock) => code_depth = code_depth.saturating_sub(1),
            Event::Text(text) if code_depth == 0 => {
                for word in text.split_whitespace().filter(|word| !is_url(word)) {
                    tags_in_word(word, &mut tags);
                }
            }
            _ => {}
        }
    }
    tags
}

/// True for a bare URL, whose `#fragment` is not a tag.
fn is_url(word: &str) -> bool {
    word.contains("://") || word.to_lowercase().starts_with("www.")
}

/// Appends the tags found in one whitespace-free word.
fn tags_in_word(word: &str, tags: &mut Vec<String>) {
    let chars: Vec<char> = word.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        let starts_word = index == 0 || !joins_previous(chars[index - 1]);
        let is_tag_start = chars[index] == '#'
            && starts_word
            && chars.get(index + 1).is_some_and(|c| c.is_alphabetic());
        if !is_tag_start {
            index += 1;
            continue;
        }
        let mut end = index + 1;
        while end < chars.len() && continues_tag(&chars, end) {
            end += 1;
        }
        let tag: String = chars[index + 1..end]
            .iter()
            .collect::<String>()
            .to_lowercase();
        if !tags.contains(&tag) {
            tags.push(tag);
        }
        index = end;
    }
}

/// A character that glues a following `#` to the word before it.
fn joins_previous(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '#' | '&' | '/' | '_')
}

/// Whether the character at `at` belongs to the tag being read.
fn continues_tag(chars: &[char], at: usize) -> bool {
    match chars[at] {
        c if c.is_alphanumeric() || c == '_' => true,
        '-' => chars.get(at + 1).is_some_and(|c| c.is_alphanumeric()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::parse_tags;

    #[test]
    fn words_and_multi_word_tags() {
        assert_eq!(
            parse_tags("Watch #Sanctions and #black-sea-grain, (#g7_summit). #sanctions again"),
            ["sanctions", "black-sea-grain", "g7_summit"]
        );
    }

    #[test]
    fn trailing_hyphen_and_punctuation_end_a_tag() {
        assert_eq!(
            parse_tags("#talks- then #ceasefire!"),
            ["talks", "ceasefire"]
        );
    }

    #[test]
    fn numbers_code_urls_and_glued_hashes_are_not_tags() {
        let text = "Item #1 of #2023, see `#not-code` and https://example.com/page#section \
                    or [the story](https://example.com/#frag) in C# with &#39; and issue##x\n\n\
                    ```\n#fenced\n```\n\n    #indented-code\n";
        assert_eq!(parse_tags(text), Vec::<String>::new());
    }

    #[test]
    fn headings_are_not_tags_but_tags_in_headings_are() {
        assert_eq!(parse_tags("# Heading\n\n## About #asean\n"), ["asean"]);
    }

    #[test]
    fn non_latin_tags_lowercase() {
        assert_eq!(parse_tags("#Україна #中国"), ["україна", "中国"]);
    }
}
