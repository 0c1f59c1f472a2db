//! CoNLL-2003 files (`eng.train`, `eng.testa`): one token per line with its IOB1 name
//! tag in the last column, blank lines between sentences, `-DOCSTART-` between stories.
//! Each story becomes plain text (tokens joined the way news prints them, one sentence
//! per line) with the byte spans of its names.

use std::path::Path;

use crate::analyze::tagger::NameType;
use crate::analyze::tagger::train::Example;
use crate::text::Span;

/// Reads a CoNLL-2003 file into stories.
pub fn read_conll(path: &Path) -> anyhow::Result<Vec<Example>> {
    let content =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok(parse_conll(&content))
}

/// Parses the content of a CoNLL-2003 file.
pub fn parse_conll(content: &str) -> Vec<Example> {
    let mut stories = Vec::new();
    let mut story = Builder::default();
    for line in content.lines() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            stories.extend(std::mem::take(&mut story).finish());
        } else if line.is_empty() {
            story.end_sentence();
        } else {
            let mut columns = line.split(' ');
            let token = columns.next().unwrap_or_default();
            let tag = columns.next_back().unwrap_or("O");
            story.push(token, tag);
        }
    }
    stories.extend(story.finish());
    stories
}

/// A story being read.
#[derive(Default)]
struct Builder {
    text: String,
    names: Vec<(Span, NameType)>,
    /// The open name: its start, type, and whether the sentence has a token yet.
    open: Option<(usize, usize, NameType)>,
    sentence_open: bool,
    /// Inside a pair of straight double quotes.
    in_quote: bool,
    /// No space before the next token (after an opening bracket or quote).
    glue_next: bool,
}

impl Builder {
    fn push(&mut self, token: &str, tag: &str) {
        let (prefix, kind) = match tag.split_once('-') {
            Some((prefix, name)) => (prefix, NameType::from_conll(name)),
            None => ("O", None),
        };
        let continues = matches!((self.open, kind), (Some((_, _, open)), Some(k)) if open == k && prefix == "I");
        if !continues {
            self.close();
        }
        if self.sentence_open && !self.glue_next && !attaches_left(token, self.in_quote) {
            self.text.push(' ');
        }
        let start = self.text.len();
        self.text.push_str(token);
        self.glue_next = token == "(" || (token == "\"" && !self.in_quote);
        if token == "\"" {
            self.in_quote = !self.in_quote;
        }
        self.sentence_open = true;
        if let Some(kind) = kind {
            match &mut self.open {
                Some(open) if continues => open.1 = self.text.len(),
                _ => self.open = Some((start, self.text.len(), kind)),
            }
        }
    }

    fn close(&mut self) {
        if let Some((start, end, kind)) = self.open.take() {
            self.names.push((Span { start, end }, kind));
        }
    }

    fn end_sentence(&mut self) {
        self.close();
        if self.sentence_open {
            self.text.push('\n');
        }
        self.sentence_open = false;
        self.in_quote = false;
        self.glue_next = false;
    }

    fn finish(mut self) -> Option<Example> {
        self.end_sentence();
        (!self.text.trim().is_empty()).then_some(Example {
            text: self.text,
            names: self.names,
        })
    }
}

/// True for tokens printed without a space before them.
fn attaches_left(token: &str, in_quote: bool) -> bool {
    matches!(
        token,
        "," | "." | ":" | ";" | ")" | "?" | "!" | "%" | "'s" | "'" | "n't"
    ) || (token == "\"" && in_quote)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_tokens_and_keeps_name_spans() {
        let content = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\
            German JJ I-NP I-MISC\ncall NN I-NP O\n. . O O\n\nPeter NNP I-NP I-PER\n\
            Blackburn NNP I-NP I-PER\n( ( O O\nU.S. NNP I-NP I-LOC\n) ) O O\n\
            Paris NNP I-NP I-LOC\nB-Lyon NNP I-NP B-LOC\n";
        let stories = parse_conll(content);
        assert_eq!(stories.len(), 1);
        let story = &stories[0];
        assert_eq!(
            story.text,
            "EU rejects German call.\nPeter Blackburn (U.S.) Paris B-Lyon\n"
        );
        let names: Vec<(&str, NameType)> = story
            .names
            .iter()
            .map(|(s, k)| (&story.text[s.start..s.end], *k))
            .collect();
        assert_eq!(
            names,
            [
                ("EU", NameType::Organization),
                ("German", NameType::Misc),
                ("Peter Blackburn", NameType::Person),
                ("U.S.", NameType::Location),
                ("Paris", NameType::Location),
                ("B-Lyon", NameType::Location),
            ]
        );
    }
}
