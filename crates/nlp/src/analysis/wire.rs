//! The analysis as the wire contract carries it: entities with their
//! mentions, events with their actors, date and place.

use tidings_proto::v1::{
    Actor, DatePrecision, Entity, EntityKind, Event, GeoPoint, Location, Mention,
};

use super::recognize::NerKind;
use super::resolve::Resolution;
use super::{dates, events};
use crate::text;

fn kind(kind: NerKind) -> EntityKind {
    match kind {
        NerKind::Person => EntityKind::Person,
        NerKind::Org => EntityKind::Org,
        NerKind::Loc => EntityKind::Loc,
        NerKind::Misc => EntityKind::Misc,
    }
}

pub(super) fn entities(resolution: &Resolution) -> Vec<Entity> {
    resolution
        .entities
        .iter()
        .map(|entity| Entity {
            key: entity.key.clone(),
            name: entity.name.clone(),
            kind: kind(entity.kind) as i32,
            country: entity.country.clone().unwrap_or_default(),
            sector: entity.sector.clone().unwrap_or_default(),
            geo: entity.geo.map(|(latitude, longitude)| GeoPoint {
                latitude,
                longitude,
            }),
            mentions: entity
                .mentions
                .iter()
                .map(|m| {
                    let mention = &resolution.mentions[*m];
                    Mention {
                        start: mention.start,
                        end: mention.end,
                        text: mention.text.clone(),
                    }
                })
                .collect(),
            geonames_id: entity.geonames_id,
            actor_code: entity.actor_code(),
        })
        .collect()
}

fn actor(resolution: &Resolution, actor: &events::EventActor) -> Actor {
    let entity = &resolution.entities[actor.entity];
    let sector = actor.sector.clone().unwrap_or_default();
    let (key, name, country) = match &actor.stands_for {
        Some((iso3, name)) => (format!("country:{iso3}"), name.clone(), iso3.clone()),
        None => (
            entity.key.clone(),
            entity.name.clone(),
            entity.country.clone().unwrap_or_default(),
        ),
    };
    // An international organisation, or someone acting for one, carries
    // its own code.
    let code = match (&actor.stands_for, &entity.code) {
        (None, Some(code)) => code.clone(),
        _ => actor_code(&country, &sector),
    };
    Actor {
        key,
        name,
        actor_code: code,
        country,
        sector,
    }
}

/// GDELT's actor code: the country, then the role (`USAGOV`, `CHNMIL`),
/// either alone when the other is unknown.
pub(super) fn actor_code(country: &str, sector: &str) -> String {
    format!("{country}{sector}")
}

pub(super) fn event(
    article_id: &str,
    doc: &text::Doc,
    resolution: &Resolution,
    event: &events::CodedEvent,
) -> Event {
    let sentence = &doc.sentences[event.sentence];
    let source = actor(resolution, &event.source);
    let target = event.target.as_ref().map(|t| actor(resolution, t));
    // Events are merged per (source, target, root, date), so these name
    // one event of the article.
    let date = event.date.date.format("%Y-%m-%d").to_string();
    let id = super::hex_id(&[
        article_id,
        event.code.root(),
        &source.key,
        target.as_ref().map(|t| t.key.as_str()).unwrap_or(""),
        &date,
    ]);
    Event {
        id,
        cameo_code: event.code.code.clone(),
        root_code: event.code.root().to_owned(),
        quad_class: event.code.quad_class(),
        goldstein: event.code.goldstein,
        source: Some(source),
        target,
        date,
        date_precision: match event.date.precision {
            dates::Precision::Day => DatePrecision::Day,
            dates::Precision::Week => DatePrecision::Week,
            dates::Precision::Month => DatePrecision::Month,
            dates::Precision::Year => DatePrecision::Year,
            dates::Precision::Article => DatePrecision::Article,
        } as i32,
        location: event.location.map(|l| {
            let entity = &resolution.entities[l];
            Location {
                key: entity.key.clone(),
                name: entity.name.clone(),
                geo: entity.geo.map(|(latitude, longitude)| GeoPoint {
                    latitude,
                    longitude,
                }),
                country: entity.country.clone().unwrap_or_default(),
            }
        }),
        sentence_start: sentence.start,
        sentence_end: sentence.end,
        confidence: (event.confidence * 100.0).round() / 100.0,
        trigger: event.trigger.clone(),
        is_intention: event.is_intention,
        supporting_sentences: event.supporting_sentences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_join_country_and_role() {
        assert_eq!(actor_code("USA", "GOV"), "USAGOV");
        assert_eq!(actor_code("CHN", ""), "CHN");
        assert_eq!(actor_code("", "BUS"), "BUS");
        assert_eq!(actor_code("", ""), "");
    }
}
