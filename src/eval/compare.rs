//! Scoring one story: its gold annotations against one predicted [`Analysis`].

use std::collections::HashSet;

use super::gold::GoldStory;
use super::overlap::word_overlap;
use super::scores::Scores;
use crate::model::{Analysis, DateKind, QuoteKind};

/// Texts match when their longest shared run of words covers at least half of the shorter.
pub const MIN_OVERLAP: f64 = 0.5;

/// Scores one story (see [`Scores`] for what each count means).
///
/// - Entities are compared as sets of (canonical name, kind).
/// - A gold quote matches the predicted quote of any kind whose text overlaps it most,
///   if by at least [`MIN_OVERLAP`]; one predicted quote may match several gold pieces
///   (a multi-paragraph quote predicted as one span).
/// - A gold date matches the best-overlapping predicted date not yet taken, in gold order,
///   so repeated expressions ("Monday" twice) pair up one to one; its value must be equal,
///   but a gold duration without a value asks only for a duration.
pub fn score_story(gold: &GoldStory, predicted: &Analysis) -> Scores {
    let mut scores = Scores {
        stories: 1,
        ..Scores::default()
    };

    let gold_entities: HashSet<_> = gold
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect();
    let predicted_entities: HashSet<_> = predicted
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect();
    scores.entities_found = gold_entities.intersection(&predicted_entities).count();
    scores.entities_spurious = predicted_entities.len() - scores.entities_found;
    scores.entities_missed = gold_entities.len() - scores.entities_found;

    for quote in &gold.quotes {
        let texts = predicted.quotes.iter().map(|q| q.text.as_str());
        let matched = best_match(&quote.text, texts, |_| true).map(|i| &predicted.quotes[i]);
        match quote.kind {
            QuoteKind::Direct | QuoteKind::Partial if quote.speaker.is_some() => {
                scores
                    .speakers
                    .record(matched.is_some_and(|m| m.speaker == quote.speaker));
            }
            QuoteKind::Reported => scores.reported.record(matched.is_some()),
            _ => {}
        }
    }

    let mut taken = vec![false; predicted.dates.len()];
    for date in &gold.dates {
        let texts = predicted.dates.iter().map(|d| d.text.as_str());
        let matched = best_match(&date.text, texts, |i| !taken[i]);
        if let Some(i) = matched {
            taken[i] = true;
        }
        let right = matched.is_some_and(|i| {
            let found = &predicted.dates[i];
            match (&date.value, date.kind) {
                // Gold without a value for a duration (the generator's convention) checks
                // the kind only.
                (None, DateKind::Duration) => found.kind == DateKind::Duration,
                _ => found.value == date.value,
            }
        });
        scores.dates.record(right);
    }
    scores
}

/// The index of the allowed candidate overlapping `gold` most (the first on a tie), if it
/// reaches [`MIN_OVERLAP`].
fn best_match<'a>(
    gold: &str,
    candidates: impl Iterator<Item = &'a str>,
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, text) in candidates.enumerate() {
        if !allowed(i) {
            continue;
        }
        let overlap = word_overlap(gold, text);
        if overlap >= MIN_OVERLAP && best.is_none_or(|(_, top)| overlap > top) {
            best = Some((i, overlap));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::score_story;
    use crate::eval::gold::GoldStory;
    use crate::model::{
        Analysis, DateKind, DateMention, Entity, EntityKind, Mention, Quote, QuoteKind,
    };

    fn gold() -> GoldStory {
        serde_json::from_str(
            r#"{"file": "stories/x.txt",
            "entities": [
              {"name": "Kenya", "kind": "country", "mentions": [{"text": "Kenya"}, {"text": "Nairobi"}]},
              {"name": "Amina Wekesa", "kind": "person", "mentions": [{"text": "Amina Wekesa"}]},
              {"name": "African Union", "kind": "org", "mentions": [{"text": "AU"}]}],
            "quotes": [
              {"text": "We will not be rushed.", "speaker": "Amina Wekesa", "kind": "direct"},
              {"text": "the talks would resume in June", "speaker": "Amina Wekesa", "kind": "reported"},
              {"text": "red line", "speaker": null, "kind": "scare"}],
            "dates": [
              {"text": "Monday", "value": "2023-03-13", "kind": "date"},
              {"text": "June", "value": "2023-06", "kind": "date"},
              {"text": "Monday", "value": "2023-03-13", "kind": "date"},
              {"text": "three years", "value": null, "kind": "duration"}]}"#,
        )
        .unwrap()
    }

    fn entity(name: &str, kind: EntityKind) -> Entity {
        Entity {
            name: name.to_string(),
            kind,
            mentions: vec![Mention {
                start: 0,
                end: name.chars().count(),
                text: name.to_string(),
            }],
        }
    }

    fn quote(text: &str, speaker: Option<&str>, kind: QuoteKind) -> Quote {
        Quote {
            text: text.to_string(),
            start: 0,
            end: 0,
            speaker: speaker.map(str::to_string),
            kind,
        }
    }

    fn date(text: &str, value: Option<&str>, kind: DateKind) -> DateMention {
        DateMention {
            text: text.to_string(),
            start: 0,
            end: 0,
            value: value.map(str::to_string),
            kind,
        }
    }

    fn perfect() -> Analysis {
        Analysis {
            entities: vec![
                entity("Kenya", EntityKind::Country),
                entity("Amina Wekesa", EntityKind::Person),
                entity("African Union", EntityKind::Organization),
            ],
            quotes: vec![
                quote(
                    "We will not be rushed.",
                    Some("Amina Wekesa"),
                    QuoteKind::Direct,
                ),
                quote(
                    "the talks would resume in June",
                    Some("Amina Wekesa"),
                    QuoteKind::Reported,
                ),
                quote("red line", None, QuoteKind::Scare),
            ],
            dates: vec![
                date("Monday", Some("2023-03-13"), DateKind::Date),
                date("June", Some("2023-06"), DateKind::Date),
                date("Monday", Some("2023-03-13"), DateKind::Date),
                date("three years", None, DateKind::Duration),
            ],
            events: vec![],
        }
    }

    #[test]
    fn a_perfect_prediction_scores_one_everywhere() {
        let scores = score_story(&gold(), &perfect());
        for (name, ratio) in scores.metrics() {
            assert_eq!(ratio.value(), Some(1.0), "{name}");
        }
    }

    #[test]
    fn a_missing_entity_lowers_recall_but_not_precision() {
        let mut predicted = perfect();
        predicted.entities.retain(|e| e.name != "African Union");
        let scores = score_story(&gold(), &predicted);
        assert_eq!(scores.entity_recall().value(), Some(2.0 / 3.0));
        assert_eq!(scores.entity_precision().value(), Some(1.0));
    }

    #[test]
    fn a_wrong_kind_is_both_spurious_and_missed() {
        let mut predicted = perfect();
        predicted.entities[0].kind = EntityKind::Place;
        let scores = score_story(&gold(), &predicted);
        assert_eq!((scores.entities_spurious, scores.entities_missed), (1, 1));
    }

    #[test]
    fn a_wrong_speaker_lowers_speaker_accuracy() {
        let mut predicted = perfect();
        predicted.quotes[0].speaker = Some("Kenya".to_string());
        let scores = score_story(&gold(), &predicted);
        assert_eq!(scores.speakers.value(), Some(0.0));
        assert_eq!(scores.reported.value(), Some(1.0));
    }

    #[test]
    fn a_quote_matches_with_half_its_words_and_not_with_fewer() {
        let mut predicted = perfect();
        // Shares "We will not" (3 of the gold's 5 words): still the same quote.
        predicted.quotes[0].text = "We will not bow, whatever comes".to_string();
        assert_eq!(score_story(&gold(), &predicted).speakers.hits, 1);
        // Shares only "We will" (2 of 5 words): unmatched, so wrong.
        predicted.quotes[0].text = "We will see what comes next".to_string();
        assert_eq!(score_story(&gold(), &predicted).speakers.hits, 0);
    }

    #[test]
    fn a_missed_reported_clause_lowers_recall() {
        let mut predicted = perfect();
        predicted.quotes.remove(1);
        assert_eq!(score_story(&gold(), &predicted).reported.value(), Some(0.0));
    }

    #[test]
    fn repeated_dates_pair_one_to_one() {
        let mut predicted = perfect();
        predicted.dates.remove(2);
        let scores = score_story(&gold(), &predicted);
        assert_eq!((scores.dates.hits, scores.dates.total), (3, 4));
    }

    #[test]
    fn a_wrong_or_missing_date_value_is_wrong() {
        let mut predicted = perfect();
        predicted.dates[1].value = Some("2024-06".to_string());
        predicted.dates[3].value = Some("2020".to_string());
        predicted.dates[3].kind = DateKind::Date;
        let scores = score_story(&gold(), &predicted);
        assert_eq!((scores.dates.hits, scores.dates.total), (2, 4));
    }

    #[test]
    fn a_gold_duration_without_value_asks_for_a_duration_only() {
        let mut predicted = perfect();
        predicted.dates[3].value = Some("P3Y".to_string());
        let scores = score_story(&gold(), &predicted);
        assert_eq!((scores.dates.hits, scores.dates.total), (4, 4));
    }

    #[test]
    fn nothing_predicted_scores_zero_recall() {
        let scores = score_story(&gold(), &Analysis::default());
        assert_eq!(scores.entity_recall().value(), Some(0.0));
        assert_eq!(scores.entity_precision().value(), None);
        assert_eq!(scores.speakers.value(), Some(0.0));
        assert_eq!(scores.dates.value(), Some(0.0));
    }
}
