//! Entities on realistic prose written for these tests.

use std::sync::OnceLock;

use sitrep::analyze::Analyzer;
use sitrep::model::{Analysis, Article, EntityKind};

fn analyze(body: &str) -> Analysis {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    let article = Article {
        body: body.to_string(),
        ..Article::default()
    };
    ANALYZER.get_or_init(Analyzer::new).analyze(&article)
}

/// (name, kind, mention texts) of every entity.
fn entities(body: &str) -> Vec<(String, EntityKind, Vec<String>)> {
    analyze(body)
        .entities
        .into_iter()
        .map(|e| {
            (
                e.name,
                e.kind,
                e.mentions.into_iter().map(|m| m.text).collect(),
            )
        })
        .collect()
}

fn mentions_of(body: &str, name: &str) -> Vec<String> {
    entities(body)
        .into_iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, _, m)| m)
        .unwrap_or_default()
}

#[test]
fn one_entity_one_name_across_aliases_and_roles() {
    let body = "Foreign Minister Katarzyna Lis arrived in Vilnius on Monday. \
                Lis met officials from the European Union (EU) and NATO.\n\n\
                The minister later said the EU had promised more support.";
    let got = entities(body);
    let lis: Vec<_> = got.iter().filter(|(n, _, _)| n.contains("Lis")).collect();
    assert_eq!(lis.len(), 1, "{got:?}");
    assert_eq!(lis[0].2, ["Katarzyna Lis", "Lis", "The minister"]);
    assert_eq!(
        mentions_of(body, "European Union"),
        ["European Union", "EU", "EU"]
    );
    assert_eq!(
        mentions_of(body, "North Atlantic Treaty Organization"),
        ["NATO"]
    );
}

#[test]
fn governments_by_capital_adjective_and_possessive() {
    let body = "Washington warned on Tuesday that Beijing's new rules would hurt trade, \
                while French and Sino-Indian ties were discussed at talks in Beijing.";
    let got = entities(body);
    let kinds: Vec<(&str, EntityKind)> = got.iter().map(|(n, k, _)| (n.as_str(), *k)).collect();
    assert!(kinds.contains(&("United States", EntityKind::Country)));
    assert!(kinds.contains(&("China", EntityKind::Country)));
    assert!(kinds.contains(&("France", EntityKind::Country)));
    assert!(kinds.contains(&("India", EntityKind::Country)));
    assert!(kinds.contains(&("Beijing", EntityKind::Place)));
    assert_eq!(mentions_of(body, "China"), ["Beijing", "Sino-"]);
}

#[test]
fn ministries_are_one_organisation_mention() {
    let body = "The Chinese foreign ministry and Japan's foreign ministry issued statements; \
                the Indian Embassy stayed silent.";
    let names: Vec<String> = entities(body).into_iter().map(|(n, _, _)| n).collect();
    assert_eq!(
        names,
        [
            "Chinese foreign ministry",
            "Japanese foreign ministry",
            "Indian embassy"
        ]
    );
}

#[test]
fn words_that_only_look_like_names_are_not_entities() {
    let body = "However, talks stalled.\n\nAddressing reporters on Monday, officials said little.\n\n\
                READ MORE\n\nAdvertisement\n\nIn March, Analysts Expect Growth.";
    assert!(entities(body).is_empty(), "{:?}", entities(body));
}

#[test]
fn out_of_gazetteer_organisations_and_people_from_cues() {
    let body = "Amara Diallo, a senior fellow at the Sahel Policy Centre, said the Ministry of Mines \
                and the Central Bank of Guinea had not been consulted.";
    let got = entities(body);
    let find = |name: &str| got.iter().find(|(n, _, _)| n == name).map(|(_, k, _)| *k);
    assert_eq!(find("Amara Diallo"), Some(EntityKind::Person));
    assert_eq!(find("Sahel Policy Centre"), Some(EntityKind::Organization));
    assert_eq!(find("Ministry of Mines"), Some(EntityKind::Organization));
    assert_eq!(
        find("Central Bank of Guinea"),
        Some(EntityKind::Organization)
    );
}

#[test]
fn pronouns_follow_gender_from_the_gazetteer() {
    let body = "Spokeswoman Ines Moreau spoke first. Volodymyr Zelensky arrived later. \
                “We are ready,” he said. “So are we,” she said.";
    let quotes = analyze(body).quotes;
    assert_eq!(quotes[0].speaker.as_deref(), Some("Volodymyr Zelensky"));
    assert_eq!(quotes[1].speaker.as_deref(), Some("Ines Moreau"));
}
