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
        })
        .collect()
}

fn actor(resolution: &Resolution, actor: &events::EventActor) -> Actor {
    let entity = &resolution.entities[actor.entity];
    Actor {
        key: entity.key.clone(),
        name: entity.name.clone(),
        country: entity.country.clone().unwrap_or_default(),
        sector: actor.sector.clone().unwrap_or_default(),
    }
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
    let id = super::hex_id(&[
        article_id,
        &event.trigger_start.to_string(),
        &event.code.code,
        &source.key,
        target.as_ref().map(|t| t.key.as_str()).unwrap_or(""),
    ]);
    Event {
        id,
        cameo_code: event.code.code.clone(),
        root_code: event.code.root().to_owned(),
        quad_class: event.code.quad_class(),
        goldstein: event.code.goldstein,
        source: Some(source),
        target,
        date: event.date.date.format("%Y-%m-%d").to_string(),
        date_precision: match event.date.precision {
            dates::Precision::Day => DatePrecision::Day,
            dates::Precision::Month => DatePrecision::Month,
            dates::Precision::Year => DatePrecision::Year,
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
            }
        }),
        sentence_start: sentence.start,
        sentence_end: sentence.end,
        confidence: (event.confidence * 100.0).round() / 100.0,
        trigger: event.trigger.clone(),
    }
}
