//! Keying people and what the article and the dictionaries say of them: a
//! lone first or last name is the person named in full ("Blinken", "Xi");
//! known people get their country and sector from the PETRARCH2 actor
//! dictionary when the text gives none; an aide shares the country of the
//! person whose title they hold ("Biden's national security adviser").

use super::{Resolution, ResolvedEntity, plain_entity, slug};
use crate::analysis::recognize::{NamedSpan, NerKind};
use crate::gazetteer::Gazetteer;

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
