//! Keying organisations: the full name of one known by its acronym
//! ("CIA"), an acronym of an organisation named in full in the article, the
//! sector its head word gives ("Ministry", "Corp."), its country from a
//! leading demonym or the context, and state bodies keyed by their country
//! ("org:chn-foreign-ministry").

use super::context::Context;
use super::{Resolution, ResolvedEntity, plain_entity, slug};
use crate::analysis::recognize::{NamedSpan, NerKind};
use crate::gazetteer::Gazetteer;
use crate::lexicon;

/// The entity an organisation's name (`text`) stands for.
pub(super) fn resolve(
    gazetteer: &Gazetteer,
    span: &NamedSpan,
    text: &str,
    context: &Context,
    resolution: &Resolution,
) -> ResolvedEntity {
    if let Some((full, sector)) = lexicon::known_org(text) {
        let mut entity = plain_entity(format!("org:{}", slug(full)), full, NerKind::Org);
        entity.sector = Some(sector.to_owned());
        return entity;
    }
    // An acronym of a longer organisation named in the article.
    if span.tokens.len() == 1
        && let Some(existing) = resolution
            .entities
            .iter()
            .find(|e| e.kind == NerKind::Org && initials(&e.name) == text)
    {
        return existing.clone();
    }
    let mut entity = plain_entity(format!("org:{}", slug(text)), text, NerKind::Org);
    entity.sector = lexicon::org_sector(text).map(str::to_owned);
    // "Chinese Foreign Ministry": the leading demonym is the country.
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    let named_country = gazetteer
        .country_by_demonym(first)
        .or_else(|| gazetteer.country_by_alias(first))
        .map(|c| c.iso3.clone());
    entity.country = named_country.clone().or_else(|| context.country.clone());
    // Every country has a "Foreign Ministry": a state body's key
    // names its country ("Chinese Foreign Ministry" and China's
    // "Foreign Ministry" are both org:chn-foreign-ministry).
    let state_body = matches!(entity.sector.as_deref(), Some("GOV" | "MIL" | "COP"));
    if state_body && let Some(iso3) = &entity.country {
        let body = if named_country.is_some() && !rest.is_empty() {
            rest
        } else {
            text
        };
        entity.key = format!("org:{}-{}", iso3.to_lowercase(), slug(body));
    }
    entity
}

fn initials(name: &str) -> String {
    name.split(' ')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| !lexicon::is_name_connector(&w.to_lowercase()))
        .filter_map(|w| w.chars().next())
        .collect()
}
