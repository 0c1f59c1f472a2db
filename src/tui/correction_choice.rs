//! What the analyst can correct about the thing selected in the reader, and the library
//! [`Correction`] each choice makes from the answer typed (if it needs one).

use crate::library::Correction;

/// The thing to correct: an entity, a quote or an event of a story, or the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Entity {
        story: i64,
        name: String,
    },
    Quote {
        story: i64,
        text: String,
        speaker: Option<String>,
    },
    Event {
        story: i64,
        date: String,
        summary: String,
    },
    Story {
        story: i64,
        published: Option<String>,
        source: Option<String>,
    },
}

/// One correction the analyst may make to a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Rename,
    Merge,
    Split,
    HideEntityHere,
    HideEntityEverywhere,
    Speaker,
    HideQuote,
    HideEvent,
    Date,
    Source,
}

impl Target {
    /// The corrections that apply to it, in menu order.
    pub fn choices(&self) -> &'static [Choice] {
        match self {
            Target::Entity { .. } => &[
                Choice::Rename,
                Choice::Merge,
                Choice::Split,
                Choice::HideEntityHere,
                Choice::HideEntityEverywhere,
            ],
            Target::Quote { .. } => &[Choice::Speaker, Choice::HideQuote],
            Target::Event { .. } => &[Choice::HideEvent],
            Target::Story { .. } => &[Choice::Date, Choice::Source],
        }
    }

    /// The target in a few words, for the menu's title.
    pub fn label(&self) -> String {
        let short = |text: &str| match text.char_indices().nth(50) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text.to_string(),
        };
        match self {
            Target::Entity { name, .. } => format!("entity {}", short(name)),
            Target::Quote { text, .. } => format!("quote “{}”", short(text)),
            Target::Event { date, summary, .. } => format!("event {date} {}", short(summary)),
            Target::Story { story, .. } => format!("story {story}"),
        }
    }
}

impl Choice {
    /// What the choice does, as a menu line about `target`.
    pub fn label(self, target: &Target) -> String {
        let name = match target {
            Target::Entity { name, .. } => name.as_str(),
            _ => "",
        };
        match self {
            Choice::Rename => format!("rename {name} everywhere"),
            Choice::Merge => format!("merge {name} into another entity"),
            Choice::Split => format!("in this story, {name} is another entity"),
            Choice::HideEntityHere => format!("hide {name} in this story"),
            Choice::HideEntityEverywhere => format!("hide {name} everywhere"),
            Choice::Speaker => "set who said it".to_string(),
            Choice::HideQuote => "hide it: it is not a quote".to_string(),
            Choice::HideEvent => "hide it: the event is wrong".to_string(),
            Choice::Date => "fix the publication date".to_string(),
            Choice::Source => "fix the source".to_string(),
        }
    }

    /// The question asked for the value, and the answer offered, when the choice needs
    /// one; `None` when it is made at once (hiding).
    pub fn question(self, target: &Target) -> Option<(String, String)> {
        let (question, offered) = match (self, target) {
            (Choice::Rename, Target::Entity { name, .. }) => {
                (format!("Rename {name} to"), name.clone())
            }
            (Choice::Merge, Target::Entity { name, .. }) => {
                (format!("Merge {name} into"), String::new())
            }
            (Choice::Split, Target::Entity { name, .. }) => {
                (format!("In this story, {name} is"), String::new())
            }
            (Choice::Speaker, Target::Quote { speaker, .. }) => (
                "Who said it".to_string(),
                speaker.clone().unwrap_or_default(),
            ),
            (Choice::Date, Target::Story { published, .. }) => (
                "Published on (YYYY-MM-DD or an RFC 3339 time)".to_string(),
                published
                    .as_deref()
                    .and_then(|p| p.get(..10))
                    .unwrap_or_default()
                    .to_string(),
            ),
            (Choice::Source, Target::Story { source, .. }) => {
                ("Source".to_string(), source.clone().unwrap_or_default())
            }
            _ => return None,
        };
        Some((question, offered))
    }

    /// The correction this choice makes of `target` with `answer` (ignored by choices
    /// that ask nothing); `None` when the choice does not apply to the target.
    pub fn correction(self, target: &Target, answer: &str) -> Option<Correction> {
        let answer = answer.trim().to_string();
        Some(match (self, target) {
            (Choice::Rename, Target::Entity { name, .. }) => Correction::Rename {
                from: name.clone(),
                to: answer,
            },
            (Choice::Merge, Target::Entity { name, .. }) => Correction::Merge {
                from: name.clone(),
                into: answer,
            },
            (Choice::Split, Target::Entity { story, name }) => Correction::Split {
                story: *story,
                entity: name.clone(),
                into: answer,
            },
            (Choice::HideEntityHere, Target::Entity { story, name }) => Correction::HideEntity {
                story: Some(*story),
                entity: name.clone(),
            },
            (Choice::HideEntityEverywhere, Target::Entity { name, .. }) => Correction::HideEntity {
                story: None,
                entity: name.clone(),
            },
            (Choice::Speaker, Target::Quote { story, text, .. }) => Correction::Speaker {
                story: *story,
                quote: text.clone(),
                speaker: answer,
            },
            (Choice::HideQuote, Target::Quote { story, text, .. }) => Correction::HideQuote {
                story: *story,
                quote: text.clone(),
            },
            (
                Choice::HideEvent,
                Target::Event {
                    story,
                    date,
                    summary,
                },
            ) => Correction::HideEvent {
                story: *story,
                date: date.clone(),
                summary: summary.clone(),
            },
            (Choice::Date, Target::Story { story, .. }) => Correction::Date {
                story: *story,
                published: answer,
            },
            (Choice::Source, Target::Story { story, .. }) => Correction::Source {
                story: *story,
                source: answer,
            },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_of_a_target_makes_a_correction_of_it() {
        let targets = [
            Target::Entity {
                story: 1,
                name: "Lena Vos".into(),
            },
            Target::Quote {
                story: 1,
                text: "We agree".into(),
                speaker: None,
            },
            Target::Event {
                story: 1,
                date: "2023-06-03".into(),
                summary: "talks open".into(),
            },
            Target::Story {
                story: 1,
                published: Some("2023-03-14T09:30:00+01:00".into()),
                source: None,
            },
        ];
        for target in &targets {
            for choice in target.choices() {
                let correction = choice.correction(target, " Mira Santos ").unwrap();
                let library_wide = matches!(
                    choice,
                    Choice::Rename | Choice::Merge | Choice::HideEntityEverywhere
                );
                assert_eq!(correction.story().is_none(), library_wide, "{choice:?}");
            }
        }
        assert_eq!(
            Choice::Date
                .question(&targets[3])
                .map(|(_, offered)| offered),
            Some("2023-03-14".to_string())
        );
        assert_eq!(Choice::HideQuote.question(&targets[1]), None);
        assert_eq!(Choice::Speaker.correction(&targets[0], "x"), None);
        assert_eq!(
            Choice::Rename.correction(&targets[0], " Lena Voss "),
            Some(Correction::Rename {
                from: "Lena Vos".into(),
                to: "Lena Voss".into()
            })
        );
    }
}
