//! The three BBC business stories of the actors issue through all three
//! services, dated as they were published: international organisations
//! keep one key and no country, people act for whom the text and the date
//! say, and the events carry the organisations' CAMEO codes. Skipped, with
//! a message, where `../shared/data` is absent (the BBC texts are
//! research-only and never committed).

use std::collections::HashMap;

use crate::helpers::{TestEnv, repo, shared_data as data};

/// The stories and the days they were published.
const STORIES: [(&str, &str); 3] = [
    ("bbc/business/217.txt", "2005-02-22"),
    ("bbc/business/178.txt", "2005-02-21"),
    ("bbc/business/135.txt", "2005-03-14"),
];

type Attributes = (String, Option<String>, Option<String>);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn international_organisations_and_their_people_through_the_pipeline() {
    if !data().join("bbc/business").exists() {
        eprintln!(
            "skipped: {} is absent (research-only data)",
            data().display()
        );
        return;
    }
    let env = TestEnv::start().await;
    let articles: Vec<serde_json::Value> = STORIES
        .iter()
        .map(|(doc, date)| {
            let body =
                tidings_lab::corpus::document_text(doc, &data(), &repo()).expect("story text");
            serde_json::json!({
                "url": format!("https://bbc.example/{doc}"), "published_at": date, "body": body,
            })
        })
        .collect();
    env.ingest_and_wait(&articles).await;

    let rows = env
        .db
        .query("SELECT key, kind, country, sector FROM entities", &[])
        .await
        .expect("entities");
    let entities: HashMap<String, Attributes> = rows
        .iter()
        .map(|r| (r.get(0), (r.get(1), r.get(2), r.get(3))))
        .collect();
    let entity = |key: &str| {
        entities
            .get(key)
            .unwrap_or_else(|| panic!("{key} missing from {:?}", entities.keys()))
            .clone()
    };
    let igo = |kind: &str| (kind.to_owned(), None, Some("IGO".to_owned()));
    let coded = |kind: &str, country: &str, sector: &str| {
        (
            kind.to_owned(),
            Some(country.to_owned()),
            Some(sector.to_owned()),
        )
    };

    // One key each, no country, sector IGO, whatever the form or tag.
    for key in [
        "org:north-atlantic-treaty-organization",
        "org:world-trade-organization",
        "org:european-commission",
        "org:european-union",
    ] {
        assert_eq!(entity(key), igo("ORG"), "{key}");
    }
    for stray in ["misc:nato", "org:nato", "org:commission", "org:wto"] {
        assert!(!entities.contains_key(stray), "{stray} is its own entity");
    }
    // Mandelson acts for the EU in 2005 (his British role is of 2008-10).
    assert_eq!(entity("person:peter-mandelson"), igo("PERSON"));
    assert_eq!(
        entity("person:george-w-bush"),
        coded("PERSON", "USA", "GOV")
    );
    // "a spokesman for the Danish Dairy Board" speaks for business.
    assert_eq!(
        entity("person:hans-arne-kristiansen"),
        coded("PERSON", "DNK", "BUS")
    );
    // Yorkshire is a place in Britain, not an organisation.
    let yorkshire = entity("place:yorkshire-gbr");
    assert_eq!(
        (yorkshire.0.as_str(), yorkshire.1.as_deref()),
        ("LOC", Some("GBR"))
    );

    // The events carry the organisations' codes.
    let events: Vec<String> = env
        .db
        .query(
            "SELECT concat_ws(' ', root_code, source_actor_code, target_actor_code)
               FROM world_events ORDER BY 1",
            &[],
        )
        .await
        .expect("world_events")
        .iter()
        .map(|r| r.get(0))
        .collect();
    for event in [
        // The German and Danish challenge to the Commission's ruling.
        "11 DEUGOV IGOEUREEC",
        "11 DNKGOV IGOEUREEC",
        // "the US backed Russian entry" into the WTO.
        "05 USA RUS",
        // Bush "is due to meet President Vladimir Putin".
        "03 USAGOV RUSGOV",
    ] {
        assert!(events.iter().any(|e| e == event), "{event} in {events:?}");
    }
    env.finish().await;
}
