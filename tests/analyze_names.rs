//! Names the gazetteer does not list, found by the learned tagger, and the rules that keep
//! them whole and apart. The prose is written for these tests; the people are invented.

use std::sync::OnceLock;

use sitrep::analyze::Analyzer;
use sitrep::model::{Article, EntityKind};

/// (name, kind, mention texts) of every entity of `body`.
fn entities(body: &str) -> Vec<(String, EntityKind, Vec<String>)> {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    let article = Article {
        body: body.to_string(),
        ..Article::default()
    };
    ANALYZER
        .get_or_init(Analyzer::new)
        .analyze(&article)
        .entities
        .into_iter()
        .map(|e| {
            let mentions = e.mentions.into_iter().map(|m| m.text).collect();
            (e.name, e.kind, mentions)
        })
        .collect()
}

fn kind_of(body: &str, name: &str) -> Option<EntityKind> {
    entities(body)
        .into_iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, k, _)| k)
}

#[test]
fn unlisted_people_and_organisations_are_found() {
    let body = "Talks were led by Miroslav Hadek, the head of Velto Logistics, and by \
                Sunniva Aas of the Harstad Fisheries Board. Hadek left on Friday.";
    assert_eq!(kind_of(body, "Miroslav Hadek"), Some(EntityKind::Person));
    assert_eq!(kind_of(body, "Sunniva Aas"), Some(EntityKind::Person));
    assert_eq!(
        kind_of(body, "Velto Logistics"),
        Some(EntityKind::Organization)
    );
    let hadek = entities(body)
        .into_iter()
        .find(|(n, _, _)| n == "Miroslav Hadek");
    assert_eq!(hadek.unwrap().2, ["Miroslav Hadek", "Hadek"]);
}

#[test]
fn a_capital_inside_a_club_name_is_not_the_country() {
    let body = "Real Madrid beat CSKA Moscow 2-1 on Tuesday in the group stage.";
    let got = entities(body);
    assert_eq!(kind_of(body, "Real Madrid"), Some(EntityKind::Organization));
    assert_eq!(kind_of(body, "CSKA Moscow"), Some(EntityKind::Organization));
    assert!(
        got.iter().all(|(n, _, _)| n != "Spain" && n != "Russia"),
        "{got:?}"
    );
}

#[test]
fn two_people_sharing_a_surname_keep_it_apart() {
    let body = "Anouk Vermeer chaired the panel and Jacob Vermeer took notes. \
                Vermeer closed the session.";
    let got = entities(body);
    let people: Vec<(&str, usize)> = got
        .iter()
        .filter(|(_, k, _)| *k == EntityKind::Person)
        .map(|(n, _, m)| (n.as_str(), m.len()))
        .collect();
    assert_eq!(people, [("Anouk Vermeer", 1), ("Jacob Vermeer", 1)]);
}

#[test]
fn a_listed_persons_surname_is_not_given_to_a_namesake() {
    let body = "Bruno Le Maire and Jacob Le Maire are both named in the archive index. \
                Le Maire is a common name in Normandy.";
    let got = entities(body);
    let bruno = got.iter().find(|(n, _, _)| n == "Bruno Le Maire").unwrap();
    assert_eq!(bruno.2, ["Bruno Le Maire"]);
    assert!(got.iter().any(|(n, _, _)| n == "Jacob Le Maire"), "{got:?}");
}

#[test]
fn initials_and_of_tails_keep_names_whole() {
    let body = "Marc H. Delorme of Ohio chaired the hearing with officials of the \
                Bank of England. Delorme adjourned it at noon.";
    let got = entities(body);
    let delorme = got.iter().find(|(n, _, _)| n == "Marc H. Delorme");
    assert_eq!(
        delorme.map(|d| d.2.clone()).unwrap(),
        ["Marc H. Delorme", "Delorme"]
    );
    assert_eq!(kind_of(body, "Ohio"), Some(EntityKind::Place));
    assert_eq!(
        kind_of(body, "Bank of England"),
        Some(EntityKind::Organization)
    );
}

#[test]
fn an_abbreviation_is_not_a_person() {
    let body = "NZ officials said the pact with Australia was fair.";
    let got = entities(body);
    assert!(
        got.iter().all(|(_, k, _)| *k != EntityKind::Person),
        "{got:?}"
    );
}

#[test]
fn soft_hyphens_do_not_split_a_name() {
    let bytes = "Title: Talks\n\nVladi\u{ad}mir Pu\u{ad}tin met envoys in the Kremlin.\n";
    let parsed = sitrep::ingest::parse_bytes("talks.md", bytes.as_bytes()).unwrap();
    let analysis = Analyzer::new().analyze(&parsed.articles[0]);
    assert_eq!(analysis.entities[0].name, "Vladimir Putin");
}

#[test]
fn all_capital_headlines_are_tagged() {
    let body = "VELTO LOGISTICS WINS OSLO PORT CONTRACT\n\nVelto Logistics signed the deal.";
    let got = entities(body);
    assert_eq!(kind_of(body, "Oslo"), Some(EntityKind::Place), "{got:?}");
}

#[test]
fn a_company_named_in_full_owns_its_short_name() {
    let body = "Kestrel shares jump on merger.\n\
                Orvane Freight agreed to buy Kestrel Holdings Inc for $200 million. \
                Kestrel said the deal would close in March, and Kestrel's staff would stay.";
    let got = entities(body);
    let kestrel = got
        .iter()
        .find(|(n, _, _)| n == "Kestrel Holdings Inc")
        .unwrap();
    assert_eq!(kestrel.1, EntityKind::Organization);
    assert_eq!(
        kestrel.2,
        ["Kestrel", "Kestrel Holdings Inc", "Kestrel", "Kestrel"]
    );
    assert!(got.iter().all(|(n, _, _)| n != "Kestrel"), "{got:?}");
}

#[test]
fn words_that_are_never_a_name_alone_are_no_people() {
    let body = "Crowd gathers at the harbour\n\n\
                “I’m staying,” Orla Brenn said on Monday. “I’ve nowhere else to go.” \
                Muslims and Christians gathered at the square, and Muslims prayed. \
                Sen. Tom Vass, R-Wis., agreed with them.";
    let people: Vec<String> = entities(body)
        .into_iter()
        .filter(|(_, kind, _)| *kind == EntityKind::Person)
        .map(|(name, _, _)| name)
        .collect();
    assert_eq!(people, ["Orla Brenn", "Tom Vass"]);
}

#[test]
fn us_parties_are_named_by_their_members() {
    let body = "Republicans and Democrats met in the Capitol on Tuesday. \
                The GOP leadership scheduled a second meeting.";
    let got = entities(body);
    let party = |name: &str| got.iter().find(|(n, _, _)| n == name).map(|e| e.2.clone());
    assert_eq!(party("Republican Party").unwrap(), ["Republicans", "GOP"]);
    assert_eq!(party("Democratic Party").unwrap(), ["Democrats"]);
}

#[test]
fn platforms_and_networks_are_organisations() {
    let body = "Officials posted the statement on Twitter and Facebook, \
                and Fox News and NBC carried it live.";
    for name in ["Twitter", "Facebook", "Fox News", "NBC News"] {
        assert_eq!(
            kind_of(body, name),
            Some(EntityKind::Organization),
            "{name}"
        );
    }
}

#[test]
fn large_firms_named_like_people_are_organisations() {
    let body = "Wells Fargo and Goldman Sachs cut their forecasts on Monday, \
                while Pfizer and AstraZeneca said supplies would rise. \
                Rio Tinto and JPMorgan declined to comment.";
    for name in [
        "Wells Fargo",
        "Goldman Sachs",
        "Pfizer",
        "AstraZeneca",
        "Rio Tinto",
        "JPMorgan Chase",
    ] {
        assert_eq!(
            kind_of(body, name),
            Some(EntityKind::Organization),
            "{name}"
        );
    }
}

#[test]
fn party_labels_and_tags_are_no_part_of_a_name() {
    let body = "Voters weigh the race\n\n\
                On Monday, Republican Dale Corvin and Democrat Mira Castell met voters. \
                “We will win,” said Rep. Ona Pettit (R-Ohio). \
                Aides said Texas Gov. Ray Dunmore disagreed. \
                Hispanic and Catholic voters turned out early. Hopefully, the count ends soon.";
    let got = entities(body);
    let names: Vec<&str> = got.iter().map(|(name, _, _)| name.as_str()).collect();
    for name in ["Dale Corvin", "Mira Castell", "Ona Pettit", "Ray Dunmore"] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    assert_eq!(kind_of(body, "Texas"), Some(EntityKind::Place));
    for junk in [
        "R-Ohio",
        "Republican",
        "Hispanic",
        "Catholic",
        "Hopefully",
        "Texas Gov",
    ] {
        assert!(!names.contains(&junk), "{junk} in {names:?}");
    }
}

#[test]
fn us_states_are_places_whatever_the_verb() {
    let body = "Governors meet\n\n\
                Oregon sued on Monday. Illinois said it would join, as did Kentucky.";
    for name in ["Oregon", "Illinois", "Kentucky"] {
        assert_eq!(kind_of(body, name), Some(EntityKind::Place), "{name}");
    }
}

#[test]
fn laws_and_treaties_are_no_organisations() {
    let body = "Lawmakers debate repeal\n\n\
                Critics of the Clean Harbours Act said on Monday that the Second Amendment \
                and the Lisbon Protocol were beside the point, and the Northfield Accord stood.";
    let names: Vec<String> = entities(body)
        .into_iter()
        .map(|(name, _, _)| name)
        .collect();
    for document in [
        "Clean Harbours Act",
        "Second Amendment",
        "Lisbon Protocol",
        "Northfield Accord",
    ] {
        assert!(
            !names.contains(&document.to_string()),
            "{document} in {names:?}"
        );
    }
}

#[test]
fn news_agencies_and_airlines_are_organisations() {
    let body = "The official Tanjug news agency said El Al and Lufthansa \
                would resume flights, and Anadolu reported the same.";
    for name in ["Tanjug", "El Al", "Lufthansa", "Anadolu Agency"] {
        assert_eq!(
            kind_of(body, name),
            Some(EntityKind::Organization),
            "{name}"
        );
    }
}

#[test]
fn an_outlet_named_after_its_kind_is_an_organisation() {
    let body = "Talks stall\n\n\
                The daily Vecerni Glasnik said on Monday that the talks had stalled, \
                and the weekly Nordlys Tidende agreed.";
    for name in ["Vecerni Glasnik", "Nordlys Tidende"] {
        assert_eq!(
            kind_of(body, name),
            Some(EntityKind::Organization),
            "{name}"
        );
    }
}

#[test]
fn a_social_media_handle_is_no_new_entity() {
    let body = "Campaign trail\n\n\
                Dana Whitlow thanked her running mate, @OrrinMaddox, on Friday, \
                and Orrin Maddox thanked her back.";
    let names: Vec<String> = entities(body)
        .into_iter()
        .map(|(name, _, _)| name)
        .collect();
    assert!(names.contains(&"Orrin Maddox".to_string()), "{names:?}");
    assert!(!names.contains(&"OrrinMaddox".to_string()), "{names:?}");
}
