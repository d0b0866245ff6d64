//! Keying people and what the article and the dictionaries say of them: a
//! lone first or last name is the person named in full ("Blinken", "Xi");
//! known people get their country and sector from the PETRARCH2 actor
//! dictionary when the text gives none; an aide shares the country of the
//! person whose title they hold ("Biden's national security adviser").

use super::{Resolution, ResolvedEntity, plain_entity, slug};
use crate::analysis::recognize::{NamedSpan, NerKind};
use crate::gazetteer::Gazetteer;
use crate::text::Doc;

impl Resolution {
    /// The person a pronoun at token `at` refers to: "he" or "she" the
    /// subject before it, "him" the last person named.
    pub fn antecedent(&self, doc: &Doc, at: usize) -> Option<usize> {
        match doc.tokens[at].lower.as_str() {
            "he" | "she" => subject_person_before(doc, self, at),
            "him" => last_person_before(self, at),
            _ => None,
        }
    }
}

/// The person a one-word name stands for when the article names them in
/// full, even when the tagger took the lone word for an organisation.
pub(super) fn lone_name(
    span: &NamedSpan,
    text: &str,
    resolution: &Resolution,
) -> Option<ResolvedEntity> {
    if span.tokens.len() != 1 || span.kind == NerKind::Loc {
        return None;
    }
    resolution
        .entities
        .iter()
        .find(|e| {
            e.kind == NerKind::Person && e.name.contains(' ') && {
                let mut parts = e.name.split(' ');
                parts.next() == Some(text) || parts.next_back() == Some(text)
            }
        })
        .cloned()
}

/// A person by their name as written.
pub(super) fn person(text: &str) -> ResolvedEntity {
    plain_entity(format!("person:{}", slug(text)), text, NerKind::Person)
}

/// People the text gives no country or sector: the actor dictionary's.
pub(super) fn from_actor_dictionary(gazetteer: &Gazetteer, resolution: &mut Resolution) {
    for entity in &mut resolution.entities {
        // A lone surname the article never completes: the dictionary's
        // people of that name, when they share a country.
        let known = if entity.name.contains(' ') {
            gazetteer.person(&entity.name)
        } else {
            gazetteer.person_by_surname(&entity.name)
        };
        if entity.kind == NerKind::Person
            && let Some((country, sector)) = known
        {
            entity.country.get_or_insert_with(|| country.to_owned());
            if !sector.is_empty() {
                entity.sector.get_or_insert_with(|| sector.to_owned());
            }
        }
    }
}

/// Someone's adviser or spokesman works for that person's country:
/// `patrons` pairs an entity with a token of its patron's mention.
pub(super) fn from_patrons(resolution: &mut Resolution, patrons: &[(usize, usize)]) {
    for &(entity, token) in patrons {
        let patron_country = resolution.mention_at(token).and_then(|m| {
            resolution.entities[resolution.mentions[m].entity]
                .country
                .clone()
        });
        let target = &mut resolution.entities[entity];
        if target.country.is_none() {
            target.country = patron_country;
        }
    }
}

/// Who "he" or "she" at token `at` refers to: a person named earlier in the
/// same sentence ("Austin said he was confident"), else the first person of
/// the last sentence that names one (usually its subject: "Blinken met Qin.
/// He will ..." is Blinken).
fn subject_person_before(doc: &Doc, resolution: &Resolution, at: usize) -> Option<usize> {
    let sentence = doc.sentence_of[at];
    let is_person =
        |m: &&super::ResolvedMention| resolution.entities[m.entity].kind == NerKind::Person;
    let free = |m: &&super::ResolvedMention| {
        m.tokens.start.checked_sub(1).is_none_or(|p| {
            !matches!(
                doc.tokens[p].lower.as_str(),
                "with" | "to" | "by" | "of" | "for" | "from" | "and" | "against"
            )
        })
    };
    let same: Vec<_> = resolution
        .mentions
        .iter()
        .filter(|m| m.tokens.end <= at && doc.sentence_of[m.tokens.start] == sentence)
        .filter(is_person)
        .collect();
    if let Some(m) = same.iter().find(|m| free(m)) {
        return Some(m.entity);
    }
    (0..sentence).rev().find_map(|s| {
        let range = &doc.sentences[s].tokens;
        resolution
            .mentions_in(range)
            .map(|m| &resolution.mentions[m])
            .filter(is_person)
            .find(free)
            .map(|m| m.entity)
    })
}

/// The entity of the last person mentioned before token `at`.
fn last_person_before(resolution: &Resolution, at: usize) -> Option<usize> {
    resolution
        .mentions
        .iter()
        .rev()
        .filter(|m| m.tokens.end <= at)
        .find(|m| resolution.entities[m.entity].kind == NerKind::Person)
        .map(|m| m.entity)
}
