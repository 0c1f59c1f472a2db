//! Quotes and speakers on realistic prose written for these tests (invented
//! spokespeople and analysts; real office-holders are never quoted here).

use std::sync::OnceLock;

use sitrep::analyze::Analyzer;
use sitrep::model::{Analysis, Article, QuoteKind};

fn analyze(body: &str) -> Analysis {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    let article = Article {
        body: body.to_string(),
        ..Article::default()
    };
    ANALYZER.get_or_init(Analyzer::new).analyze(&article)
}

/// (text, speaker, kind) of every quote.
fn quotes(body: &str) -> Vec<(String, Option<String>, QuoteKind)> {
    analyze(body)
        .quotes
        .into_iter()
        .map(|q| (q.text, q.speaker, q.kind))
        .collect()
}

fn speaker_of(body: &str, text: &str) -> Option<String> {
    quotes(body)
        .into_iter()
        .find(|(t, _, _)| t == text)
        .unwrap_or_else(|| panic!("no quote {text:?} in {:?}", quotes(body)))
        .1
}

fn some(name: &str) -> Option<String> {
    Some(name.to_string())
}

#[test]
fn quote_then_speaker_and_speaker_then_quote() {
    let body = "“We will not be rushed,” Marta Kowalczyk said on Tuesday.\n\n\
                Henrik Dahl, a senior fellow at the Nordic Security Institute, said: “Nobody wants a crisis.”\n\n\
                Ruth Okonjo said, “The door remains open.”";
    assert_eq!(
        speaker_of(body, "We will not be rushed,"),
        some("Marta Kowalczyk")
    );
    assert_eq!(
        speaker_of(body, "Nobody wants a crisis."),
        some("Henrik Dahl")
    );
    assert_eq!(
        speaker_of(body, "The door remains open."),
        some("Ruth Okonjo")
    );
}

#[test]
fn inverted_attribution_with_apposition() {
    let body = "\"This is a pause, not a breakthrough,\" said Lena Vos, an analyst at the Halden Foundation.";
    assert_eq!(
        speaker_of(body, "This is a pause, not a breakthrough,"),
        some("Lena Vos")
    );
    let entities = analyze(body).entities;
    assert!(entities.iter().any(|e| e.name == "Halden Foundation"));
}

#[test]
fn told_counterpart_names_the_subject_not_the_object() {
    let body = "Foreign Minister Arif Rahman told his Malaysian counterpart Siti Hashim: “Trade must keep flowing.”\n\n\
                Arif Rahman told Siti Hashim “We are ready.”";
    assert_eq!(
        speaker_of(body, "Trade must keep flowing."),
        some("Arif Rahman")
    );
    assert_eq!(speaker_of(body, "We are ready."), some("Arif Rahman"));
}

#[test]
fn statement_quoted_as_saying_and_according_to() {
    let body = "A Chinese foreign ministry statement quoted spokeswoman Mei Lin as saying “The measures are unjustified.” \
                According to Mei Lin, “Dialogue is the only way.”";
    assert_eq!(
        speaker_of(body, "The measures are unjustified."),
        some("Mei Lin")
    );
    assert_eq!(
        speaker_of(body, "Dialogue is the only way."),
        some("Mei Lin")
    );
}

#[test]
fn social_media_posts_and_ministries_as_speakers() {
    let body = "In a post on social media, Jonas Berg wrote: “Talks resume next week.”\n\n\
                The French foreign ministry said in a statement: “France condemns the attack.”";
    assert_eq!(
        speaker_of(body, "Talks resume next week."),
        some("Jonas Berg")
    );
    assert_eq!(
        speaker_of(body, "France condemns the attack."),
        some("French foreign ministry")
    );
}

#[test]
fn split_quotes_and_pronouns_keep_the_speaker() {
    let body = "Spokeswoman Clara Ruiz spoke after the vote. “We will,” she said, “respond in kind.” \
                “Nothing is off the table,” she added.";
    let got = quotes(body);
    assert_eq!(got.len(), 3);
    assert!(
        got.iter()
            .all(|(_, s, k)| s.as_deref() == Some("Clara Ruiz") && *k == QuoteKind::Direct)
    );
}

#[test]
fn continued_quote_without_its_own_attribution() {
    let body = "“The vote was close,” Tomas Hale said. “We accept the result.”";
    assert_eq!(
        speaker_of(body, "We accept the result."),
        some("Tomas Hale")
    );
}

#[test]
fn multi_paragraph_quote_is_one_speakers() {
    let body = "Pablo Ortiz, a spokesman for the mission, read a long statement.\n\n\
                “The first convoy crossed at dawn.\n\n\
                “The second will follow when the road is cleared,” Ortiz said.";
    let got = quotes(body);
    assert_eq!(got.len(), 2);
    assert!(
        got.iter()
            .all(|(_, s, _)| s.as_deref() == Some("Pablo Ortiz"))
    );
}

#[test]
fn partial_and_scare_quotes() {
    let body = "Nadia Haddad described the talks as “frank and useful”. \
                A think-tank report calls the country a ‘pivotal power’. \
                NATO allies now call the country a \"strategic challenge\".";
    let got = quotes(body);
    assert_eq!(
        got[0],
        (
            "frank and useful".into(),
            some("Nadia Haddad"),
            QuoteKind::Partial
        )
    );
    assert_eq!(got[1], ("pivotal power".into(), None, QuoteKind::Scare));
    assert_eq!(
        got[2],
        (
            "strategic challenge".into(),
            some("North Atlantic Treaty Organization"),
            QuoteKind::Scare
        )
    );
}

#[test]
fn reported_speech_with_named_unnamed_and_government_speakers() {
    let body = "Grace Mwangi, the Kenyan trade minister, said the agreement would lower prices for farmers. \
                Diplomats familiar with the talks said the gap remains wide, although both sides deny it. \
                Beijing has repeatedly said that outside powers should stay out of the dispute. \
                Mwangi told reporters that a second round would follow, adding that no date was set.";
    let reported: Vec<(String, Option<String>)> = quotes(body)
        .into_iter()
        .filter(|(_, _, k)| *k == QuoteKind::Reported)
        .map(|(t, s, _)| (t, s))
        .collect();
    assert_eq!(
        reported,
        [
            (
                "the agreement would lower prices for farmers".into(),
                some("Grace Mwangi")
            ),
            ("the gap remains wide".into(), None),
            (
                "outside powers should stay out of the dispute".into(),
                some("China")
            ),
            ("a second round would follow".into(), some("Grace Mwangi")),
            ("no date was set".into(), some("Grace Mwangi")),
        ]
    );
}

#[test]
fn headings_apostrophes_and_doubled_apostrophes() {
    let body = "'Red lines'\n\nBritain's envoy called it a ''historic opportunity'' for the 1990s' generation, don't you think?";
    let got = quotes(body);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "historic opportunity");
}

#[test]
fn offsets_count_characters_and_match_the_body() {
    let body = "Zoë Müller, an analyst at the Kraków Institute, said: “Ça suffit — enough.”";
    let analysis = analyze(body);
    let chars: Vec<char> = body.chars().collect();
    for q in &analysis.quotes {
        assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
    }
    for m in analysis.entities.iter().flat_map(|e| &e.mentions) {
        assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
    }
    assert_eq!(analysis.quotes[0].speaker.as_deref(), Some("Zoë Müller"));
}

#[test]
fn an_unnamed_speaker_stays_unnamed_through_he_added() {
    let body = "Kofi Mensah spoke first.\n\n“We remain cautious,” a senior Ghanaian official said. \
                “But the mood is better,” he added.";
    let got = quotes(body);
    assert_eq!(got[0].1, None);
    assert_eq!(got[1].1, None);
}

#[test]
fn a_quoted_fragment_inside_reported_speech_is_counted_once_as_part_of_it() {
    let body =
        "Spokesperson Lin Hao said Beijing hoped both sides would “meet each other halfway”.";
    assert_eq!(
        quotes(body),
        [(
            "Beijing hoped both sides would “meet each other halfway”".into(),
            some("Lin Hao"),
            QuoteKind::Reported
        )]
    );
}

#[test]
fn a_long_apposition_between_quote_and_verb_keeps_the_speaker() {
    let body = "“The launch changes little,” Dara Whitlock, a researcher at the Corran Security Institute in Dublin, said. “It is a signal,” she added.";
    assert_eq!(
        speaker_of(body, "The launch changes little,"),
        some("Dara Whitlock")
    );
    assert_eq!(speaker_of(body, "It is a signal,"), some("Dara Whitlock"));
}

#[test]
fn a_partial_quote_skips_the_speakers_apposition() {
    let body = "Mirela Dobre, an economist at the Varna Policy Centre in Sofia, called the ruling “a way of buying time”.";
    let found = quotes(body);
    assert_eq!(
        found,
        [(
            "a way of buying time".to_string(),
            some("Mirela Dobre"),
            QuoteKind::Partial
        )]
    );
}

#[test]
fn reported_clauses_keep_relative_clauses_and_split_at_and_that() {
    let body = "Tomasz Wrona said the port, which handles most of the grain, would close for a week. \
                Engineers point out that the dam is old, and that repairs could take a year.";
    let reported = reported(body);
    assert_eq!(
        reported,
        [
            (
                "the port, which handles most of the grain, would close for a week".to_string(),
                some("Tomasz Wrona")
            ),
            ("the dam is old".to_string(), None),
            ("repairs could take a year".to_string(), None)
        ]
    );
}

/// The text of every reported clause.
fn reported_texts(body: &str) -> Vec<String> {
    reported(body).into_iter().map(|(text, _)| text).collect()
}

/// (text, speaker) of every reported clause.
fn reported(body: &str) -> Vec<(String, Option<String>)> {
    quotes(body)
        .into_iter()
        .filter(|(_, _, kind)| *kind == QuoteKind::Reported)
        .map(|(text, speaker, _)| (text, speaker))
        .collect()
}

/// `pairs` borrowed, to compare with literals.
fn borrowed(pairs: &[(String, Option<String>)]) -> Vec<(&str, Option<&str>)> {
    pairs
        .iter()
        .map(|(text, speaker)| (text.as_str(), speaker.as_deref()))
        .collect()
}

#[test]
fn the_head_of_the_subject_speaks_not_its_principal_or_apposition() {
    let body = "Harbour board spokesman Tobias Renke said: “The cranes will run again.”\n\n\
                Ilse Marwitz, director of the Falkner Institute for Port Studies, said: “Nobody expected this.”";
    assert_eq!(
        speaker_of(body, "The cranes will run again."),
        some("Tobias Renke")
    );
    assert_eq!(
        speaker_of(body, "Nobody expected this."),
        some("Ilse Marwitz")
    );
}

#[test]
fn a_cue_after_the_clause_reports_it() {
    let body = "Dagny Holt chairs the fisheries panel.\n\n\
                The quota talks will resume next month, Holt said in an interview.";
    assert_eq!(
        reported(body),
        [(
            "The quota talks will resume next month".to_string(),
            some("Dagny Holt")
        )]
    );
}

#[test]
fn a_cue_inside_the_clause_reports_the_whole_sentence() {
    let body = "Dagny Holt chairs the fisheries panel.\n\n\
                The bigger risk, she said on Friday, is a collapse of the cod stock.";
    let found = reported(body);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.starts_with("The bigger risk"));
    assert!(found[0].0.ends_with("cod stock"));
    assert_eq!(found[0].1, some("Dagny Holt"));
}

#[test]
fn an_inverted_cue_names_its_speaker_and_is_never_the_clause() {
    let body = "Ferry fares will rise in spring, said Pavel Linde, a spokesman for the operator.";
    assert_eq!(
        reported(body),
        [(
            "Ferry fares will rise in spring".to_string(),
            some("Pavel Linde")
        )]
    );
    // "X, an analyst at Y, said …": the name and apposition are not what was said.
    let body = "Pavel Linde, a spokesman for the operator, said fares would rise in spring.";
    let found = reported(body);
    assert!(
        found.iter().all(|(t, _)| !t.contains("spokesman")),
        "{found:?}"
    );
}

#[test]
fn according_to_names_the_source_of_a_clause() {
    let body = "Grain exports fell by a third in March, according to the Kessel Grain Board.\n\n\
                According to Marit Solberg, the harbour will close for a week.";
    let found = reported(body);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "Grain exports fell by a third in March");
    assert_eq!(found[1].0, "the harbour will close for a week");
    assert_eq!(found[1].1, some("Marit Solberg"));
}

#[test]
fn a_cue_verb_with_an_object_is_no_cue() {
    let body = "During the two-hour service, Pavel Linde said a prayer for the crew.";
    let found = reported(body);
    assert!(
        found.iter().all(|(t, _)| !t.starts_with("During")),
        "{found:?}"
    );
}

#[test]
fn names_inside_a_quotation_are_not_what_a_pronoun_refers_to() {
    let body = "Ingrid Falk runs a bakery in the port.\n\n\
                “Everyone here talks about Tomas Berger,” she said.";
    assert_eq!(
        speaker_of(body, "Everyone here talks about Tomas Berger,"),
        some("Ingrid Falk")
    );
}

#[test]
fn unattributed_titles_and_markup_are_not_quotes() {
    let body =
        "The minister appeared on “Morning Harbour Hour” and the post was dated “2016-07-23”.";
    assert!(quotes(body).is_empty(), "{:?}", quotes(body));
}

#[test]
fn a_reported_clause_and_a_quotation_are_never_counted_twice() {
    let body =
        "“We will reopen the terminal,” Pavel Linde said, adding that the ferries would run again.";
    let found = quotes(body);
    for (i, a) in found.iter().enumerate() {
        for b in &found[i + 1..] {
            assert!(!a.0.contains(&b.0) && !b.0.contains(&a.0), "{found:?}");
        }
    }
}

#[test]
fn an_honorific_before_a_surname_after_the_quote_names_the_full_person() {
    let body = "Marek Halvorsen, a trade negotiator, arrived in Oslo on Monday.\n\n\
                \"We expect a long week,\" Mr. Halvorsen said. \"Nobody should hope for more.\"\n\n\
                Dr. Ines Varga, an economist, disagreed. \"The week will be short,\" said Dr. Varga.";
    assert_eq!(
        speaker_of(body, "We expect a long week,"),
        some("Marek Halvorsen")
    );
    assert_eq!(
        speaker_of(body, "Nobody should hope for more."),
        some("Marek Halvorsen")
    );
    assert_eq!(
        speaker_of(body, "The week will be short,"),
        some("Ines Varga")
    );
}

#[test]
fn a_surname_two_people_share_goes_to_the_one_named_first_or_of_the_honorifics_gender() {
    let body = "Tomas Ferreira opened the port talks with his sister Clara Ferreira at his side.\n\n\
                “The cranes will run again,” Ferreira said.\n\n\
                “We will see,” Ms. Ferreira said.";
    assert_eq!(
        speaker_of(body, "The cranes will run again,"),
        some("Tomas Ferreira")
    );
    assert_eq!(speaker_of(body, "We will see,"), some("Clara Ferreira"));
}

#[test]
fn a_leading_word_before_a_full_name_is_not_another_person() {
    let body = "Harlan Osei met donors in Denver on Tuesday.\n\n\
                Later, the campaign said Independent Harlan Osei would debate twice.\n\n\
                “Two debates are enough,” Osei said.";
    assert_eq!(
        speaker_of(body, "Two debates are enough,"),
        some("Harlan Osei")
    );
}

#[test]
fn every_form_of_a_speech_verb_attributes_a_quotation() {
    let body = "Priya Raman chaired the budget hearing on Thursday.\n\n\
                “Who signed these contracts?” she asks.\n\n\
                “Nobody here,” Raman quipped.";
    assert_eq!(
        speaker_of(body, "Who signed these contracts?"),
        some("Priya Raman")
    );
    assert_eq!(speaker_of(body, "Nobody here,"), some("Priya Raman"));
}

#[test]
fn a_person_named_in_the_speakers_apposition_does_not_break_a_continued_quote() {
    let body = "Voters in the port city were divided.\n\n\
                “The ferries come first,” said Oskar Lindqvist, a former aide to Mayor Greta Holm. \
                “Everything else can wait.”";
    assert_eq!(
        speaker_of(body, "Everything else can wait."),
        some("Oskar Lindqvist")
    );
}

#[test]
fn a_speaker_phrase_after_an_inverted_verb_is_not_reported_speech() {
    let body = "\"Freight rates have peaked,\" said Maren Solberg, head of research at Fjordline Capital.\n\n\
                The port will reopen on Monday, said harbour spokesman Teodor Lind.\n\n\
                The new tariff was a choice that shippers had hoped for since the spring.\n\n\
                Asked about the strike, Solberg said she would welcome Teodor Lind at the talks.";
    let got = quotes(body);
    let reported = reported_texts(body);
    assert_eq!(
        reported,
        [
            "The port will reopen on Monday",
            "she would welcome Teodor Lind at the talks"
        ],
        "{got:?}"
    );
}

#[test]
fn guillemets_and_low_high_marks_are_quotations() {
    let body = "The envoys met in Geneva on Friday.\n\n\
                «Nous resterons à la table», said Camille Roux, a French negotiator.\n\n\
                Another envoy, Jonas Weber, said: „Wir bleiben bis zum Ende.“\n\n\
                Harbour 'will reopen within days', says port official";
    assert_eq!(
        speaker_of(body, "Nous resterons à la table"),
        some("Camille Roux")
    );
    assert_eq!(
        speaker_of(body, "Wir bleiben bis zum Ende."),
        some("Jonas Weber")
    );
    assert!(
        quotes(body)
            .iter()
            .any(|(text, _, _)| text == "will reopen within days")
    );
}

#[test]
fn a_reported_clause_opens_at_a_pronoun_or_question_word_after_any_reporting_verb() {
    let body = "Selma Brandt announced she is leaving the cabinet in March.\n\n\
                Tobias Engel told the local paper he would stay on.\n\n\
                Reporters asked Selma Brandt whether the port deal would survive.\n\n\
                The fear that prices would rise spread quickly.";
    let got = reported(body);
    let reported = borrowed(&got);
    assert_eq!(
        reported,
        [
            ("she is leaving the cabinet in March", Some("Selma Brandt")),
            ("he would stay on", Some("Tobias Engel")),
            ("whether the port deal would survive", None),
        ],
        "{got:?}"
    );
}

#[test]
fn a_reported_clause_runs_past_abbreviations_and_stops_at_its_sentence() {
    let body = "Lotte Brink said the bill drafted by Sen. Aldo Ferri and Mrs. Wren would pass. \
                The vote is on Friday.";
    let got = quotes(body);
    let reported = reported_texts(body);
    assert_eq!(
        reported,
        ["the bill drafted by Sen. Aldo Ferri and Mrs. Wren would pass"],
        "{got:?}"
    );
}

#[test]
fn a_pronoun_opening_the_sentence_speaks_the_saying_clause() {
    let body = "Greta Sommer met the harbour board on Monday.\n\n\
                She later criticised Lukas Brandt, saying the board had ignored the dockworkers.";
    let got = quotes(body);
    let reported = got
        .iter()
        .find(|(_, _, kind)| *kind == QuoteKind::Reported)
        .unwrap_or_else(|| panic!("{got:?}"));
    assert_eq!(reported.1, some("Greta Sommer"), "{got:?}");
}

#[test]
fn a_question_or_exclamation_closing_its_sentence_takes_the_cue_sentence_after_it() {
    let body = "Tomas Brandt chairs the port authority, and Ilse Marr advises it.\n\n\
                “Who pays for the dredging?” Brandt asked. “Not the city.”\n\n\
                “That is a fair deal!” Ilse Marr told reporters on Monday.\n\n\
                “It will hold.” Brandt said the vote was close and the board divided on the plan.";
    assert_eq!(
        speaker_of(body, "Who pays for the dredging?"),
        some("Tomas Brandt")
    );
    assert_eq!(speaker_of(body, "Not the city."), some("Tomas Brandt"));
    assert_eq!(speaker_of(body, "That is a fair deal!"), some("Ilse Marr"));
    // A long sentence after a closed quotation tells its own news, not the quotation's source.
    assert_eq!(speaker_of(body, "It will hold."), None);
}

#[test]
fn he_refers_to_the_person_who_spoke_not_the_one_named_first() {
    let body = "Doran Pike's tariff plan may be costly, said Tomas Brandt, an economist at the Halden Institute. \
                “Importers will pass it on,” he said.\n\n\
                In describing his rival Doran Pike, Ivo Lenk said he sees a man in a hurry. \
                “He never waits,” he said.";
    assert_eq!(
        speaker_of(body, "Importers will pass it on,"),
        some("Tomas Brandt")
    );
    assert_eq!(speaker_of(body, "He never waits,"), some("Ivo Lenk"));
}

#[test]
fn a_subject_named_late_in_a_long_opening_still_takes_the_pronoun() {
    let body = "Doran Pike spoke first at the forum.\n\n\
                In a debate last autumn, while most of his rivals called for more troops, \
                Ivo Lenk kept to Doran Pike's line. “Let them fight each other,” he said.";
    assert_eq!(
        speaker_of(body, "Let them fight each other,"),
        some("Ivo Lenk")
    );
}

#[test]
fn a_paragraph_opening_with_a_quotation_continues_the_speaker_of_the_last_one() {
    let body = "“The harbour will reopen in May,” Ilse Brandt said. “The dredging is finished.”\n\n\
                “We expect the first ships within weeks.”\n\n\
                The port authority did not comment.\n\n\
                “Nobody told us anything.”";
    assert_eq!(
        speaker_of(body, "We expect the first ships within weeks."),
        some("Ilse Brandt")
    );
    // A paragraph of narration in between ends the speaker's turn.
    assert_eq!(speaker_of(body, "Nobody told us anything."), None);
}

#[test]
fn a_fragment_after_the_cue_does_not_take_the_cue_away() {
    let body = "“The figures are worse than we feared,” Tomas Lindqvist said in a phone interview, \
                adding that the ministry had shown “no sense of urgency.”";
    assert_eq!(
        speaker_of(body, "The figures are worse than we feared,"),
        some("Tomas Lindqvist")
    );
}

#[test]
fn a_quoted_show_title_after_a_preposition_is_nobody_s_words() {
    let body =
        "Speaking on “Harbour Watch Tonight,” Ilse Brandt said the port would reopen in May.";
    assert!(
        quotes(body)
            .iter()
            .all(|(t, _, kind)| t != "Harbour Watch Tonight," || *kind == QuoteKind::Scare),
        "{:?}",
        quotes(body)
    );
}

#[test]
fn a_qualified_name_before_the_verb_is_the_reported_speaker() {
    let body = "Senator Ilse Brandt of Lower Saxony said that the port would reopen in May. \
                The dredging is finished, and Tomas Lindqvist, the harbour master, said the first ships would arrive within weeks.";
    let found = quotes(body);
    let speaker = |start: &str| {
        found
            .iter()
            .find(|(t, _, _)| t.starts_with(start))
            .unwrap_or_else(|| panic!("no clause {start:?} in {found:?}"))
            .1
            .clone()
    };
    assert_eq!(speaker("the port would reopen"), some("Ilse Brandt"));
    assert_eq!(speaker("the first ships"), some("Tomas Lindqvist"));
}

#[test]
fn a_paragraph_ending_in_a_colon_introduces_the_quotation_below_it() {
    let body = "Ilse Brandt spoke for twenty minutes. She told the council:\n\n\
                “The dredging is finished and the harbour will reopen in May.”\n\n\
                Tomas Lindqvist continued:\n\n\
                “We expect the first ships within weeks.”";
    assert_eq!(
        speaker_of(
            body,
            "The dredging is finished and the harbour will reopen in May."
        ),
        some("Ilse Brandt")
    );
    assert_eq!(
        speaker_of(body, "We expect the first ships within weeks."),
        some("Tomas Lindqvist")
    );
}

#[test]
fn a_progressive_reporting_verb_keeps_its_subject() {
    let body = "Tomas Lindqvist is insisting that the harbour will reopen in May.";
    let found = quotes(body);
    assert!(
        found
            .iter()
            .any(|(t, s, _)| t.starts_with("the harbour will reopen")
                && s.as_deref() == Some("Tomas Lindqvist")),
        "{found:?}"
    );
}

#[test]
fn a_party_and_state_tag_never_speaks() {
    let body = "“The harbour deal is a good one,” said Rep. Tomas Lindqvist, D-Ore., at the hearing.\n\n\
                Committee Chairman Rep. Anna Vos, R-Utah, said the questioning would start next week.";
    assert_eq!(
        speaker_of(body, "The harbour deal is a good one,"),
        some("Tomas Lindqvist")
    );
    let found = quotes(body);
    assert!(
        found
            .iter()
            .any(|(t, s, _)| t.starts_with("the questioning") && s.as_deref() == Some("Anna Vos")),
        "{found:?}"
    );
}

#[test]
fn the_subject_of_a_reported_clause_survives_appositions_tags_and_participles() {
    let body = "The council met on Monday.\n\n\
                Oskar Lindqvist, a former adviser to the mayor and a friend of the family, said that the plan was rushed.\n\n\
                Sen. Mirela Dantes (D-R.I.), said after a lunch on Tuesday that she had not read the bill.\n\n\
                Tobias Renn attacked councillor Ada Berg on Wednesday, arguing that the vote had been rigged.";
    assert_eq!(
        speaker_of(body, "the plan was rushed"),
        some("Oskar Lindqvist")
    );
    assert_eq!(
        speaker_of(body, "she had not read the bill"),
        some("Mirela Dantes")
    );
    assert_eq!(
        speaker_of(body, "the vote had been rigged"),
        some("Tobias Renn")
    );
}

#[test]
fn verbs_of_manner_and_phrasal_verbs_attribute_quotations() {
    let body = "The hearing ran late.\n\n\
                “They were never serious about a deal,” Ilse Marquardt fumed on Tuesday.\n\n\
                “That is simply false,” Ruben Oyelaran shot back.\n\n\
                “What did the minister know?” pressed Dagny Holm, the committee chair.";
    assert_eq!(
        speaker_of(body, "They were never serious about a deal,"),
        some("Ilse Marquardt")
    );
    assert_eq!(
        speaker_of(body, "That is simply false,"),
        some("Ruben Oyelaran")
    );
    assert_eq!(
        speaker_of(body, "What did the minister know?"),
        some("Dagny Holm")
    );
}

#[test]
fn a_participle_or_second_verb_speaks_for_the_main_clause_subject() {
    let body = "The port reopened on Friday.\n\n\
                Kerstin Aalto runs the harbour. “We lost a month of trade,” she said, adding that the damage would take a year to repair.\n\n\
                Birgit Solheim met councillor Tove Lund and said that the timetable is still thin.";
    assert_eq!(
        speaker_of(body, "the damage would take a year to repair"),
        some("Kerstin Aalto")
    );
    assert_eq!(
        speaker_of(body, "the timetable is still thin"),
        some("Birgit Solheim")
    );
}

#[test]
fn a_pronoun_before_a_late_verb_and_a_contracted_pronoun_find_the_speaker() {
    let body = "Mirjam Oduya chairs the water board.\n\n\
                “Nobody should pay twice,” Mirjam Oduya said. “And yet they will” because the rates rise in May, she said.\n\n\
                She’s a cautious chair but insists that the board will not back down.";
    assert_eq!(speaker_of(body, "And yet they will"), some("Mirjam Oduya"));
    assert_eq!(
        speaker_of(body, "the board will not back down"),
        some("Mirjam Oduya")
    );
}

#[test]
fn a_dateline_agency_and_a_title_do_not_hide_the_subject_of_a_second_verb() {
    let body = "OSLO (Reuters) - The harbour director, Hedda Brunvoll, toured the flooded docks on Monday and said that repairs would take a year.\n\n\
                ''We saw it coming,'' said Mr. Halloran, adding that he did not think the council would split.";
    assert_eq!(
        speaker_of(body, "repairs would take a year"),
        some("Hedda Brunvoll")
    );
    assert_eq!(
        speaker_of(body, "he did not think the council would split"),
        some("Halloran")
    );
}

#[test]
fn a_person_named_inside_an_apposition_is_not_the_subject_a_pronoun_refers_to() {
    let body = "The budget vote failed on Thursday.\n\n\
                Pavel Moravec, a former aide to Jonas Berger, said the plan had collapsed.\n\n\
                “It was never funded,” he said.";
    assert_eq!(
        speaker_of(body, "It was never funded,"),
        some("Pavel Moravec")
    );
}

#[test]
fn a_pronoun_leads_into_a_quotation_and_a_bare_participle_continues_it() {
    let body = "The farm minister, Karin Sundberg, spoke to farmers in the north on Monday.\n\n\
                Back in the capital, she returned to her familiar lines: “The subsidy stays.”\n\n\
                She said she was thinking, “This cannot last,” adding, “Nobody has a plan.”";
    assert_eq!(
        speaker_of(body, "The subsidy stays."),
        some("Karin Sundberg")
    );
    assert_eq!(
        speaker_of(body, "Nobody has a plan."),
        some("Karin Sundberg")
    );
}

#[test]
fn a_quotation_inside_a_reported_clause_is_the_clause_speakers() {
    let body = "The fisheries talks ended on Friday.\n\n\
                Jorunn Tveit said the people of the northern coast “Have been left behind by every government since the war, and they know it.”";
    assert_eq!(
        speaker_of(
            body,
            "Have been left behind by every government since the war, and they know it."
        ),
        some("Jorunn Tveit")
    );
}

#[test]
fn a_time_phrase_or_adverb_between_subject_and_verb_keeps_the_speaker() {
    let body = "The ferry strike entered its third week.\n\n\
                Harbour commissioner Elin Vardeberg on Friday announced that the ferries would sail again.\n\n\
                Union leader Tomas Ekrem now says the strike was worth it.";
    assert_eq!(
        speaker_of(body, "the ferries would sail again"),
        some("Elin Vardeberg")
    );
    assert_eq!(
        speaker_of(body, "the strike was worth it"),
        some("Tomas Ekrem")
    );
}

#[test]
fn he_in_a_trailing_cue_or_after_a_pronoun_sentence_skips_the_people_it_talks_about() {
    let body = "The former party secretary, Petter Lind, said the base was angry.\n\n\
                ''We are sick of it,'' Mr. Lind said.\n\n\
                Mayor Anders Holt, who takes no large donations, fits that bill for many voters, he added.\n\n\
                Jonas Brekke spoke next. He added that if his friend Olav Sand were still serving, he would worry.\n\n\
                “The danger has grown,” he said.";
    assert_eq!(
        speaker_of(
            body,
            "Mayor Anders Holt, who takes no large donations, fits that bill for many voters"
        ),
        some("Petter Lind")
    );
    assert_eq!(
        speaker_of(body, "The danger has grown,"),
        some("Jonas Brekke")
    );
}

#[test]
fn according_to_after_a_quotation_names_its_source() {
    let body = "The audit was published on Monday.\n\n\
                “The accounts were never reconciled,” according to the Norwegian Audit Office.";
    assert_eq!(
        speaker_of(body, "The accounts were never reconciled,"),
        some("Norwegian Audit Office")
    );
}

#[test]
fn the_rest_of_a_quotation_split_by_an_inverted_cue_is_the_same_speaker() {
    let body = "Mara Lindqvist runs the clinic. “The rules keep changing,” said Mara \
                Lindqvist, director of the Halden Clinic in Oslo, “and nobody tells us why.”";
    assert_eq!(
        speaker_of(body, "and nobody tells us why."),
        some("Mara Lindqvist")
    );
}

#[test]
fn a_quoted_title_between_quotations_does_not_break_continuation() {
    let body = "Mara Lindqvist spoke on Monday. “The rules keep changing,” Lindqvist said on \
                the radio show “Morning Talk,” adding, “Nobody tells us why.”";
    assert_eq!(
        speaker_of(body, "Nobody tells us why."),
        some("Mara Lindqvist")
    );
}

#[test]
fn a_fragment_closing_a_clause_before_its_cue_is_the_speakers() {
    let body = "Mara Lindqvist, a nurse, spoke on Monday. The new rule is a “slow disaster,” \
                Lindqvist said. “Nobody tells us why.”";
    let got = quotes(body);
    assert_eq!(
        got[0],
        (
            "slow disaster,".to_string(),
            some("Mara Lindqvist"),
            QuoteKind::Partial
        ),
        "{got:?}"
    );
    assert_eq!(got[1].1, some("Mara Lindqvist"));
}

#[test]
fn coordinated_subjects_give_the_first_person() {
    let body = "Mara Lindqvist and Tomas Berg, two nurses at the clinic, said the rules \
                keep changing.";
    assert_eq!(
        speaker_of(body, "the rules keep changing"),
        some("Mara Lindqvist")
    );
}

#[test]
fn a_he_cue_naming_someone_else_still_lets_the_next_quotation_continue() {
    let body = "Tomas Berg runs the clinic. “We are full,” he told Mara Lindqvist on Monday. \
                “We cannot take more patients.”";
    assert_eq!(
        speaker_of(body, "We cannot take more patients."),
        some("Tomas Berg")
    );
}

#[test]
fn a_long_cue_sentence_whose_verb_reports_no_clause_names_the_speaker() {
    let body = "The port reopened on Monday.\n\n\
                “Who do they think they are?” Marta Kowalczyk said of the shipping firms in March, when the harbour board raised its fees.\n\n\
                “Is it two? Three?” Henrik Dahl asked rhetorically, shaking his head as the harbour board met again.\n\n\
                “It will hold.” Ruth Okonjo said on Friday that the vote on the harbour budget was close and that it would be held again.";
    assert_eq!(
        speaker_of(body, "Who do they think they are?"),
        some("Marta Kowalczyk")
    );
    assert_eq!(speaker_of(body, "Is it two? Three?"), some("Henrik Dahl"));
    assert_eq!(speaker_of(body, "It will hold."), None);
}

#[test]
fn a_person_named_before_an_apposition_speaks_not_the_one_the_apposition_names() {
    let body = "The campaign filed its figures on Monday.\n\n\
                “Working families are chipping in,” Jonas Berg, Marta Kowalczyk’s campaign manager, said in a statement.\n\n\
                Ruth Okonjo, President Henrik Dahl's special envoy to the Nordic Security Institute, said the talks would resume.";
    assert_eq!(
        speaker_of(body, "Working families are chipping in,"),
        some("Jonas Berg")
    );
    assert_eq!(
        speaker_of(body, "the talks would resume"),
        some("Ruth Okonjo")
    );
}

#[test]
fn an_appeal_reports_its_object_and_infinitive() {
    let body = "The harbour board met on Monday. Marta Kowalczyk urged the board to delay the vote on the fees.\n\n\
                Henrik Dahl asked shipping firms to keep their prices until the spring.\n\n\
                Ruth Okonjo was asked to comment on the vote but declined.\n\n\
                Lars Berg urged caution.";
    let got = reported(body);
    let reported = borrowed(&got);
    assert_eq!(
        reported,
        [
            (
                "the board to delay the vote on the fees",
                Some("Marta Kowalczyk")
            ),
            (
                "shipping firms to keep their prices until the spring",
                Some("Henrik Dahl")
            ),
            ("to comment on the vote but declined", None),
        ]
    );
}

#[test]
fn think_and_believe_report_a_clause_but_not_a_noun_or_an_object() {
    let body = "The harbour board met on Monday. Marta Kowalczyk thinks the fees will rise again next year.\n\n\
                Henrik Dahl, who runs a think tank in the port, said little.\n\n\
                Shipping firms believe me when I explain the fees, Lars Berg wrote.";
    let got = reported(body);
    let reported = borrowed(&got);
    assert!(
        reported.contains(&(
            "the fees will rise again next year",
            Some("Marta Kowalczyk")
        )),
        "{reported:?}"
    );
    assert!(
        reported
            .iter()
            .all(|(t, _)| !t.starts_with("tank") && !t.starts_with("me ")),
        "{reported:?}"
    );
}
