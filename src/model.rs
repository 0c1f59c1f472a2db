//! Plain data types shared by every stage: ingest produces [`Article`],
//! analyze produces [`Analysis`], and [`Extract`] is the JSON of `sitrep extract`.

use serde::{Deserialize, Serialize};

/// One news story as the importers hand it over: clean text, no furniture.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The headline.
    pub title: String,
    /// The outlet or desk that published the story.
    pub source: Option<String>,
    /// Who wrote it ("By Europe Desk" becomes "Europe Desk").
    pub byline: Option<String>,
    /// Where it was filed ("Brussels", "Kyiv, Ukraine").
    pub dateline: Option<String>,
    /// Publication time, RFC 3339 with its offset ("2023-03-14T09:30:00+01:00").
    pub published: Option<String>,
    /// Summary bullets shown above the body, never part of it.
    pub highlights: Vec<String>,
    /// Paragraphs separated by one blank line.
    pub body: String,
    /// Canonical link of the story, if known.
    pub url: Option<String>,
    /// Free-form tags from the source.
    pub tags: Vec<String>,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Country,
    Place,
    Organization,
    Group,
    Other,
}

impl EntityKind {
    /// The lowercase name used in JSON and in the library.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Group => "group",
            EntityKind::Other => "other",
        }
    }

    /// Parses the lowercase name; `org` is accepted for `organization`.
    pub fn parse(name: &str) -> Option<EntityKind> {
        Some(match name {
            "person" => EntityKind::Person,
            "country" => EntityKind::Country,
            "place" => EntityKind::Place,
            "organization" | "org" => EntityKind::Organization,
            "group" => EntityKind::Group,
            "other" => EntityKind::Other,
            _ => return None,
        })
    }
}

/// A span of the body. Offsets count Unicode scalar values, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A person, country, place or organisation the story is about, under its canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub mentions: Vec<Mention>,
}

/// How a quotation is used in the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
    Scare,
    Reported,
}

impl QuoteKind {
    /// The lowercase name used in JSON and in the library.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
            QuoteKind::Reported => "reported",
        }
    }

    /// Parses the lowercase name.
    pub fn parse(name: &str) -> Option<QuoteKind> {
        Some(match name {
            "direct" => QuoteKind::Direct,
            "partial" => QuoteKind::Partial,
            "scare" => QuoteKind::Scare,
            "reported" => QuoteKind::Reported,
            _ => return None,
        })
    }
}

/// Words someone said: the text strictly inside the marks (or the reported clause).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Canonical name of the speaker entity, if known.
    pub speaker: Option<String>,
    pub kind: QuoteKind,
}

/// What a temporal expression names, as TimeML's TIMEX3 types: a day or longer period, a
/// time of day, a length of time, or a recurring time ("every Monday").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    Date,
    Time,
    Duration,
    Set,
}

impl DateKind {
    /// The lowercase name used in JSON and in the library.
    pub fn as_str(self) -> &'static str {
        match self {
            DateKind::Date => "date",
            DateKind::Time => "time",
            DateKind::Duration => "duration",
            DateKind::Set => "set",
        }
    }

    /// Parses the lowercase name.
    pub fn parse(name: &str) -> Option<DateKind> {
        match name {
            "date" => Some(DateKind::Date),
            "time" => Some(DateKind::Time),
            "duration" => Some(DateKind::Duration),
            "set" => Some(DateKind::Set),
            _ => None,
        }
    }
}

/// A temporal expression with its value normalised against the publication date, as
/// TimeML's TIMEX3 values (DESIGN.md lists them): `YYYY-MM-DD`, `YYYY-MM`, `YYYY-Www`,
/// `YYYY-Qn`, `YYYY-Hn`, `YYYY`, `PRESENT_REF`, `P2Y`, `XXXX-WXX-1` …, or `None` where
/// unresolvable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
    pub kind: DateKind,
}

/// Something that happened (or will) on a date, as one story tells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Normalised date value, as in [`DateMention::value`].
    pub date: String,
    /// The clause around the date, trimmed to the point.
    pub summary: String,
    /// Canonical names of the entities the event involves.
    pub entities: Vec<String>,
    /// The dated clause's span in the body (the sentence, unless it runs through dates
    /// clause by clause).
    pub start: usize,
    pub end: usize,
}

/// Everything analysis finds in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    pub events: Vec<Event>,
}

/// The JSON object printed by `sitrep extract` (and, with `id`, by `sitrep show`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extract {
    /// Library id; absent from `extract`, present in `show`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id: Option<i64>,
    #[serde(flatten)]
    pub article: Article,
    #[serde(flatten)]
    pub analysis: Analysis,
}
