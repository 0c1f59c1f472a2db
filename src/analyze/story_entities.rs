//! The entities of one story and their mentions, as the entity finder builds them and
//! the later steps (coreference, speakers, reported speech) read them.

use std::collections::BTreeMap;

use foldhash::HashMap;

use super::gazetteer::{EntityId, Gazetteer, Gender};
use crate::model::{Entity, EntityKind, Mention};
use crate::text::{Body, Span};

/// An entity of one story.
#[derive(Debug, Clone)]
pub struct StoryEntity {
    pub name: String,
    pub kind: EntityKind,
    pub gender: Option<Gender>,
    /// Lower-case roles the story or the gazetteer gives a person ("foreign minister").
    pub roles: Vec<String>,
    /// Gazetteer id, for entities the gazetteer knows.
    pub known: Option<EntityId>,
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A name, alias or acronym.
    Name,
    /// A country's adjective or demonym ("French"): never a speaker.
    Modifier,
    /// A capital standing for its government ("Beijing said").
    Metonym,
    /// A role noun phrase ("the minister").
    Role,
}

/// One mention: a byte span of the body naming `entity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    pub entity: usize,
    pub form: Form,
}

/// The entities of one story and their mentions, sorted by position.
#[derive(Debug, Default)]
pub struct Story {
    pub entities: Vec<StoryEntity>,
    pub mentions: Vec<Found>,
    /// Indexes of `entities` by name (one name may have several kinds).
    by_name: HashMap<String, Vec<usize>>,
}

impl Story {
    /// The index of the entity with this name and kind, created on first use.
    pub fn add(&mut self, name: &str, kind: EntityKind, known: Option<EntityId>) -> usize {
        let entities = &self.entities;
        let existing = self
            .by_name
            .get(name)
            .and_then(|ids| ids.iter().find(|&&i| entities[i].kind == kind));
        if let Some(&i) = existing {
            return i;
        }
        let i = self.entities.len();
        self.by_name.entry(name.to_string()).or_default().push(i);
        self.entities.push(StoryEntity {
            name: name.to_string(),
            kind,
            gender: None,
            roles: Vec::new(),
            known,
        });
        i
    }

    /// The index of a gazetteer entity, created on first use with its gender and roles.
    pub fn add_known(&mut self, gaz: &Gazetteer, id: EntityId) -> usize {
        let known = gaz.entity(id);
        let i = self.add(&known.name, known.kind, Some(id));
        let entity = &mut self.entities[i];
        if entity.roles.is_empty() {
            entity.gender = known.gender;
            entity.roles = known.roles.clone();
        }
        i
    }

    /// The mention that starts exactly at byte `start`.
    pub fn mention_at(&self, start: usize) -> Option<&Found> {
        let i = self.mentions.partition_point(|m| m.span.start < start);
        self.mentions.get(i).filter(|m| m.span.start == start)
    }

    /// Mentions lying inside `span`, in order.
    pub fn mentions_in(&self, span: Span) -> &[Found] {
        let from = self.mentions.partition_point(|m| m.span.start < span.start);
        let to = self.mentions.partition_point(|m| m.span.start < span.end);
        let inside = &self.mentions[from..to.max(from)];
        let keep = inside.iter().take_while(|m| m.span.end <= span.end).count();
        &inside[..keep]
    }

    /// The output form: entities in order of first mention, offsets in characters.
    pub fn to_entities(&self, body: &Body) -> Vec<Entity> {
        let mut order: Vec<usize> = Vec::new();
        let mut grouped: Vec<Vec<Mention>> = vec![Vec::new(); self.entities.len()];
        for m in &self.mentions {
            if grouped[m.entity].is_empty() {
                order.push(m.entity);
            }
            grouped[m.entity].push(Mention {
                start: body.char_offset(m.span.start),
                end: body.char_offset(m.span.end),
                text: body.slice(m.span).to_string(),
            });
        }
        order
            .into_iter()
            .map(|i| Entity {
                name: self.entities[i].name.clone(),
                kind: self.entities[i].kind,
                mentions: std::mem::take(&mut grouped[i]),
            })
            .collect()
    }
}

/// Byte spans already claimed by a mention.
#[derive(Default)]
pub struct Taken(BTreeMap<usize, usize>);

impl Taken {
    /// The spans of `mentions`, claimed.
    pub fn of(mentions: &[Found]) -> Taken {
        let mut taken = Taken::default();
        for m in mentions {
            taken.insert(m.span);
        }
        taken
    }

    /// Claims `span` unless it overlaps a claimed one; true when claimed.
    pub fn insert(&mut self, span: Span) -> bool {
        let before = self.0.range(..span.end).next_back();
        if before.is_some_and(|(_, &end)| end > span.start) {
            return false;
        }
        self.0.insert(span.start, span.end);
        true
    }
}
