//! One story, one reading of each name: the tagger's names are settled against each
//! other after decoding. A clause-opening word the story also writes in lower case, or
//! that is a listed non-name ("However", "Later"), is not part of a name ("If Beijing",
//! "The Netherlands"), nor is a title part of a person's name ("Mr Novak"); a word that is part of a
//! person's full name is that person when it stands alone; a name written the same
//! way several times takes the type most of its mentions have; a one-word "person" after
//! a person and "of" is a place ("Mitch McConnell of Kentucky"); and on a line in title
//! case only listed or recurring names count.

use foldhash::HashMap;

use super::features::{LowerForms, StoryCase};
use super::labels::NameType;
use super::listed::Mark;
use super::tokens::Token;
use crate::analyze::gazetteer::Gazetteer;
use crate::analyze::people::is_title_word;
use crate::text::words::is_capitalised;

/// True when `line` is set in title case ("In March, Analysts Expect Growth"): at least
/// three words, all capitalised, some with small letters, one of them a word that is
/// never a name ("In", "The"; a line of names alone is a list, not a headline). There,
/// capitals say nothing, and a name must be listed or recur in the story to count.
fn is_title_case_line(gaz: &Gazetteer, line: &str) -> bool {
    let (mut count, mut small_letters, mut never_a_name) = (0, false, false);
    let words = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic));
    for word in words {
        // Most lines are prose: the first small word ends the look.
        if !is_capitalised(word) {
            return false;
        }
        count += 1;
        small_letters |= word.chars().any(char::is_lowercase);
        never_a_name |= gaz.is_stopname(word);
    }
    count >= 3 && small_letters && never_a_name
}

/// Whether lines are in title case, asked in reading order: the last line asked about
/// is remembered, so each line is read once.
struct TitleCaseLines<'a> {
    gaz: &'a Gazetteer,
    text: &'a str,
    /// The last line asked about: its byte range (up to its line break) and the answer.
    last: Option<(usize, usize, bool)>,
}

impl TitleCaseLines<'_> {
    /// True when the line holding byte `at` is in title case.
    fn holds(&mut self, at: usize) -> bool {
        match self.last {
            Some((start, end, answer)) if start <= at && at <= end => answer,
            _ => {
                let bytes = self.text.as_bytes();
                let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
                let end = memchr::memchr(b'\n', &bytes[at..]).map_or(self.text.len(), |i| at + i);
                let answer = is_title_case_line(self.gaz, &self.text[start..end]);
                self.last = Some((start, end, answer));
                answer
            }
        }
    }
}

/// A name as tagged: token range `from..to` and type.
pub type TokenName = (usize, usize, NameType);

/// Settles `names` (tagged in `text`, over `tokens` with their lower-case `forms`) as
/// the module doc says.
pub fn settle(
    gaz: &Gazetteer,
    text: &str,
    tokens: &[Token],
    forms: &LowerForms,
    marks: &[Mark],
    case: &StoryCase,
    names: &mut Vec<TokenName>,
) {
    let word = |k: usize| &text[tokens[k].span.start..tokens[k].span.end];
    let mut title_case = TitleCaseLines {
        gaz,
        text,
        last: None,
    };
    names.retain(|&(from, to, _)| {
        let surface = &text[tokens[from].span.start..tokens[to - 1].span.end];
        !title_case.holds(tokens[from].span.start)
            || marks[from..to].iter().any(Option::is_some)
            || text.matches(surface).nth(1).is_some()
    });
    names.retain_mut(|(from, to, kind)| {
        let opener = word(*from);
        if tokens[*from].starts_clause
            && opener.chars().next().is_some_and(char::is_uppercase)
            && (gaz.is_stopname(opener) || case.written_lower(forms.get(*from)))
        {
            *from += 1;
        }
        // A title is no part of a person's name ("Mr Novak", "President Lula").
        while *kind == NameType::Person
            && to.saturating_sub(*from) > 1
            && is_title_word(word(*from))
        {
            *from += 1;
        }
        from < to
    });

    // "Mitch McConnell of Kentucky": a one-word name after a person and "of" is where the
    // person comes from (a state, a country, a constituency), not another person.
    let people_ends: Vec<usize> = names
        .iter()
        .filter(|(_, _, kind)| *kind == NameType::Person)
        .map(|&(_, to, _)| to)
        .collect();
    for (from, to, kind) in names.iter_mut() {
        if *kind == NameType::Person
            && *to - *from == 1
            && *from >= 2
            && word(*from - 1) == "of"
            && people_ends.contains(&(*from - 1))
        {
            *kind = NameType::Location;
        }
    }

    let person_parts: Vec<&str> = names
        .iter()
        .filter(|(from, to, kind)| *kind == NameType::Person && to - from > 1)
        .flat_map(|&(from, to, _)| (from..to).map(word))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    for (from, to, kind) in names.iter_mut() {
        if *to - *from == 1 && person_parts.contains(&word(*from)) {
            *kind = NameType::Person;
        }
    }

    let mut votes: HashMap<&str, [usize; 4]> = HashMap::default();
    let surface = |from: usize, to: usize| &text[tokens[from].span.start..tokens[to - 1].span.end];
    for &(from, to, kind) in names.iter() {
        votes.entry(surface(from, to)).or_default()[type_index(kind)] += 1;
    }
    for (from, to, kind) in names.iter_mut() {
        let counts = votes[surface(*from, *to)];
        let best = (0..4).max_by_key(|&t| (counts[t], t == type_index(*kind)));
        if let Some(best) = best {
            *kind = NameType::ALL[best];
        }
    }
}

fn type_index(kind: NameType) -> usize {
    NameType::ALL.iter().position(|&t| t == kind).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::tagger::tokens::tokens;
    use crate::text::words::words;

    /// Settles names given as (text, which occurrence, type).
    fn settled(text: &str, tagged: &[(&str, usize, NameType)]) -> Vec<(String, NameType)> {
        let t = tokens(text, &words(text));
        let forms = LowerForms::of(text, &t);
        let case = StoryCase::of(text, &t, &forms);
        let mut names: Vec<TokenName> = tagged
            .iter()
            .map(|&(name, nth, kind)| {
                let start = text.match_indices(name).nth(nth).unwrap().0;
                let from = t.iter().position(|x| x.span.start == start).unwrap();
                let end = start + name.len();
                let to = t.iter().position(|x| x.span.end == end).unwrap() + 1;
                (from, to, kind)
            })
            .collect();
        let marks = vec![None; t.len()];
        let gaz = crate::analyze::gazetteer::shared();
        settle(gaz, text, &t, &forms, &marks, &case, &mut names);
        names
            .iter()
            .map(|&(from, to, kind)| {
                (
                    text[t[from].span.start..t[to - 1].span.end].to_string(),
                    kind,
                )
            })
            .collect()
    }

    #[test]
    fn drops_clause_openers_the_story_writes_in_lower_case() {
        use NameType::*;
        assert_eq!(
            settled(
                "If Varna agrees, talks go on. Shippers wait. They said if shippers pay. \
                 However Kestrel left. Mr Benn left.",
                &[
                    ("If Varna", 0, Location),
                    ("Shippers", 0, Organization),
                    ("However Kestrel", 0, Organization),
                    ("Mr Benn", 0, Person)
                ]
            ),
            [
                ("Varna".to_string(), Location),
                ("Kestrel".to_string(), Organization),
                ("Benn".to_string(), Person)
            ]
        );
    }

    #[test]
    fn title_case_lines_keep_only_recurring_names() {
        use NameType::*;
        let text = "In March, Analysts Expect Orla Benn To Win\nOrla Benn said so.";
        let got = settled(
            text,
            &[("Analysts Expect", 0, Person), ("Orla Benn", 0, Person)],
        );
        assert_eq!(got, [("Orla Benn".to_string(), Person)]);
    }

    #[test]
    fn parts_of_full_names_and_repeated_names_agree() {
        use NameType::*;
        let text = "Orla Benn met Kestrel staff. Benn said Kestrel and Kestrel would wait.";
        let got = settled(
            text,
            &[
                ("Orla Benn", 0, Person),
                ("Benn", 1, Organization),
                ("Kestrel", 0, Organization),
                ("Kestrel", 1, Location),
                ("Kestrel", 2, Organization),
            ],
        );
        let kinds: Vec<NameType> = got.iter().map(|(_, k)| *k).collect();
        assert_eq!(
            kinds,
            [Person, Person, Organization, Organization, Organization]
        );
    }
}
