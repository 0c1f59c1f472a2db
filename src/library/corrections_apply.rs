//! Applying the analyst's corrections to what is read from the library: a story and
//! its analysis, story lists and timelines. Corrections apply in the order they were
//! made, so "rename A to B, then merge B into C" names A's mentions C.

use super::correction::Correction;
use crate::model::{Entity, Extract};

/// The corrections in force for one story: its own and the library-wide ones.
pub(super) struct StoryCorrections<'a> {
    story: i64,
    corrections: Vec<&'a Correction>,
}

impl<'a> StoryCorrections<'a> {
    /// Those of `all` (in the order made) that concern story `story`.
    pub fn of(all: &'a [Correction], story: i64) -> Self {
        StoryCorrections {
            story,
            corrections: all
                .iter()
                .filter(|c| c.story().is_none_or(|id| id == story))
                .collect(),
        }
    }

    /// The name the entity stored as `name` goes by, or `None` when it is hidden.
    pub fn entity_name(&self, name: &str) -> Option<String> {
        let mut current = name.to_string();
        for correction in &self.corrections {
            current = self.rename(correction, current)?;
        }
        Some(current)
    }

    /// `name` after one correction: renamed, kept, or hidden (`None`).
    fn rename(&self, correction: &Correction, name: String) -> Option<String> {
        match correction {
            Correction::Rename { from, to: into } | Correction::Merge { from, into }
                if from.eq_ignore_ascii_case(&name) =>
            {
                Some(into.clone())
            }
            Correction::Split {
                story,
                entity,
                into,
            } if *story == self.story && entity.eq_ignore_ascii_case(&name) => Some(into.clone()),
            Correction::HideEntity { entity, .. } if entity.eq_ignore_ascii_case(&name) => None,
            _ => Some(name),
        }
    }

    /// The story's corrected publication time, if the analyst fixed it.
    pub fn published(&self) -> Option<&'a str> {
        self.corrections.iter().rev().find_map(|c| match c {
            Correction::Date { published, .. } => Some(published.as_str()),
            _ => None,
        })
    }

    /// The story's corrected source, if the analyst fixed it.
    pub fn source(&self) -> Option<&'a str> {
        self.corrections.iter().rev().find_map(|c| match c {
            Correction::Source { source, .. } => Some(source.as_str()),
            _ => None,
        })
    }

    /// True when the analyst hid the story's event on `date` with `summary`.
    pub fn hides_event(&self, date: &str, summary: &str) -> bool {
        self.corrections.iter().any(|c| {
            matches!(c, Correction::HideEvent { date: d, summary: s, .. } if d == date && s == summary)
        })
    }

    /// Entity names renamed and hidden ones dropped, each name once.
    pub fn entity_names(&self, names: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(names.len());
        for name in names.iter().filter_map(|name| self.entity_name(name)) {
            if !out.iter().any(|kept| kept.eq_ignore_ascii_case(&name)) {
                out.push(name);
            }
        }
        out
    }

    /// The story and its analysis as the analyst corrected them.
    pub fn apply(&self, extract: &mut Extract) {
        if self.corrections.is_empty() {
            return;
        }
        let article = &mut extract.article;
        if let Some(published) = self.published() {
            article.published = Some(published.to_string());
        }
        if let Some(source) = self.source() {
            article.source = Some(source.to_string());
        }
        let analysis = &mut extract.analysis;
        analysis.entities = self.entities(std::mem::take(&mut analysis.entities));
        analysis.quotes.retain_mut(|quote| {
            let mut speaker = quote.speaker.take();
            for correction in &self.corrections {
                match correction {
                    Correction::HideQuote { quote: text, .. } if *text == quote.text => {
                        return false;
                    }
                    Correction::Speaker {
                        quote: text,
                        speaker: name,
                        ..
                    } if *text == quote.text => speaker = Some(name.clone()),
                    correction => {
                        speaker = speaker.and_then(|name| self.rename(correction, name));
                    }
                }
            }
            quote.speaker = speaker;
            true
        });
        analysis
            .events
            .retain(|event| !self.hides_event(&event.date, &event.summary));
        for event in &mut analysis.events {
            event.entities = self.entity_names(&event.entities);
        }
    }

    /// Entities renamed (those now sharing a name joined, their mentions in body
    /// order) and hidden ones dropped.
    fn entities(&self, entities: Vec<Entity>) -> Vec<Entity> {
        let mut out: Vec<Entity> = Vec::with_capacity(entities.len());
        for entity in entities {
            let Some(name) = self.entity_name(&entity.name) else {
                continue;
            };
            match out.iter_mut().find(|e| e.name.eq_ignore_ascii_case(&name)) {
                Some(joined) => {
                    joined.mentions.extend(entity.mentions);
                    joined.mentions.sort_by_key(|m| (m.start, m.end));
                }
                None => out.push(Entity { name, ..entity }),
            }
        }
        out
    }
}

/// Every name whose entity some correction may turn into `name` (`name` included):
/// the stored names to look for when asked about `name`.
pub(super) fn names_becoming(all: &[Correction], name: &str) -> Vec<String> {
    let mut names = vec![name.to_string()];
    loop {
        let before = names.len();
        for correction in all {
            let (from, into) = match correction {
                Correction::Rename { from, to } => (from, to),
                Correction::Merge { from, into } => (from, into),
                Correction::Split { entity, into, .. } => (entity, into),
                _ => continue,
            };
            let known = |n: &String| names.iter().any(|k| k.eq_ignore_ascii_case(n));
            if known(into) && !known(from) {
                names.push(from.clone());
            }
        }
        if names.len() == before {
            return names;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mention, Quote, QuoteKind};

    fn mention(start: usize) -> Mention {
        Mention {
            start,
            end: start + 3,
            text: "x".to_string(),
        }
    }

    fn entity(name: &str, start: usize) -> Entity {
        Entity {
            name: name.to_string(),
            kind: crate::model::EntityKind::Person,
            mentions: vec![mention(start)],
        }
    }

    #[test]
    fn corrections_apply_in_order_and_merge_entities() {
        let all = vec![
            Correction::Rename {
                from: "Lena Voss".into(),
                to: "Lena Vos".into(),
            },
            Correction::Merge {
                from: "L. Vos".into(),
                into: "lena vos".into(),
            },
            Correction::HideEntity {
                story: Some(1),
                entity: "Monday".into(),
            },
            Correction::Speaker {
                story: 2,
                quote: "We agree".into(),
                speaker: "Other".into(),
            },
        ];
        let corrections = StoryCorrections::of(&all, 1);
        let mut extract = Extract {
            id: Some(1),
            article: Default::default(),
            analysis: crate::model::Analysis {
                entities: vec![
                    entity("Lena Voss", 9),
                    entity("Monday", 20),
                    entity("L. Vos", 2),
                ],
                quotes: vec![Quote {
                    text: "We agree".into(),
                    start: 0,
                    end: 8,
                    speaker: Some("L. Vos".into()),
                    kind: QuoteKind::Direct,
                }],
                ..Default::default()
            },
        };
        corrections.apply(&mut extract);
        let entities = &extract.analysis.entities;
        assert_eq!(entities.len(), 1);
        assert_eq!(entities[0].name, "Lena Vos");
        assert_eq!(entities[0].mentions, [mention(2), mention(9)]);
        // The speaker correction is story 2's, not this story's.
        assert_eq!(
            extract.analysis.quotes[0].speaker.as_deref(),
            Some("lena vos")
        );
        let mut names = names_becoming(&all, "Lena Vos");
        names.sort();
        assert_eq!(names, ["L. Vos", "Lena Vos", "Lena Voss"]);
    }
}
