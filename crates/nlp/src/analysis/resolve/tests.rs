//! Unit tests of entity resolution: one per alias, country, role and place rule.

use super::*;
use crate::analysis::recognize::{Recognizer, TaggerRecognizer};
use crate::text::analyze;

fn resolve(text: &str) -> Resolution {
    let gazetteer = Arc::new(Gazetteer::bundled().expect("gazetteer"));
    let model = Arc::new(crate::tagger::bundled().expect("model"));
    let doc = analyze(text);
    let spans = TaggerRecognizer::new(model, gazetteer.clone()).recognize(&doc);
    EntityResolver::new(gazetteer).resolve(&doc, &spans, None)
}

fn entity<'a>(resolution: &'a Resolution, key: &str) -> &'a ResolvedEntity {
    resolution
        .entities
        .iter()
        .find(|e| e.key == key)
        .unwrap_or_else(|| {
            panic!(
                "no {key} in {:?}",
                resolution
                    .entities
                    .iter()
                    .map(|e| &e.key)
                    .collect::<Vec<_>>()
            )
        })
}

#[test]
fn slugs() {
    assert_eq!(slug("Antony Blinken"), "antony-blinken");
    assert_eq!(slug("Microsoft Corp."), "microsoft-corp");
    assert_eq!(slug("Côte d’Ivoire"), "côte-divoire");
}

#[test]
fn aliases_share_one_key_with_roles_and_countries() {
    let r = resolve(
        "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang. Blinken and Qin talked. The United States and the US agreed. CIA chief William Burns left.",
    );
    let blinken = entity(&r, "person:antony-blinken");
    assert_eq!(blinken.mentions.len(), 2);
    assert_eq!(blinken.country.as_deref(), Some("USA"));
    assert_eq!(blinken.sector.as_deref(), Some("GOV"));
    let qin = entity(&r, "person:qin-gang");
    assert_eq!(qin.mentions.len(), 2);
    assert_eq!(qin.country.as_deref(), Some("CHN"));
    assert_eq!(entity(&r, "country:USA").mentions.len(), 3);
    assert_eq!(
        entity(&r, "person:william-burns").sector.as_deref(),
        Some("SPY")
    );
}

#[test]
fn capitals_act_for_their_country() {
    let r = resolve("Officials in Washington met. Later, Washington accused Beijing of hacking.");
    assert!(r.entities.iter().any(|e| e.key == "place:washington-usa"));
    assert_eq!(entity(&r, "country:USA").mentions.len(), 1);
}

fn key_of(r: &Resolution, mention: &str) -> String {
    r.mentions
        .iter()
        .find(|m| m.text == mention)
        .map(|m| r.entities[m.entity].key.clone())
        .unwrap_or_else(|| panic!("no mention {mention:?} in {:?}", r.mentions))
}

#[test]
fn last_names_and_family_names_join_the_full_name() {
    let r = resolve(
        "President Xi Jinping met Foreign Minister Qin Gang and Antony Blinken on Monday. Later Xi spoke, Qin listened and Blinken left.",
    );
    assert_eq!(key_of(&r, "Xi"), "person:xi-jinping");
    assert_eq!(key_of(&r, "Qin"), "person:qin-gang");
    assert_eq!(key_of(&r, "Blinken"), "person:antony-blinken");
    let people = r
        .entities
        .iter()
        .filter(|e| e.kind == NerKind::Person)
        .count();
    assert_eq!(people, 3);
}

#[test]
fn acronyms_join_their_expansion() {
    let r = resolve(
        "The Shanghai Cooperation Organisation met in Delhi. The SCO said the talks went well.",
    );
    assert_eq!(
        key_of(&r, "SCO"),
        key_of(&r, "Shanghai Cooperation Organisation")
    );
    let r = resolve(
        "CIA chief William Burns flew in. The Central Intelligence Agency declined to comment.",
    );
    assert_eq!(key_of(&r, "CIA"), "org:central-intelligence-agency");
    assert_eq!(
        key_of(&r, "Central Intelligence Agency"),
        "org:central-intelligence-agency"
    );
}

#[test]
fn possessives_are_not_part_of_names() {
    let r = resolve("China's foreign ministry and Blinken's aides met Britain's envoy.");
    assert_eq!(key_of(&r, "China"), "country:CHN");
    assert_eq!(key_of(&r, "Britain"), "country:GBR");
    assert!(
        r.mentions.iter().all(|m| !m.text.ends_with("'s")),
        "{:?}",
        r.mentions
    );
}

#[test]
fn titles_are_roles_not_people() {
    let r = resolve("U.S. Secretary of State Antony Blinken arrived in Beijing on Sunday.");
    assert!(
        r.entities.iter().all(|e| !e.name.contains("Secretary")),
        "{:?}",
        r.entities
    );
    let blinken = entity(&r, "person:antony-blinken");
    assert_eq!(blinken.country.as_deref(), Some("USA"));
    assert_eq!(blinken.sector.as_deref(), Some("GOV"));
}

#[test]
fn every_name_of_the_united_states_is_one_country() {
    let r = resolve(
        "The U.S. and the US disagree. The United States said America would act, and American officials agreed. Washington accused Beijing of spying.",
    );
    for name in [
        "U.S.",
        "US",
        "United States",
        "America",
        "American",
        "Washington",
    ] {
        assert_eq!(key_of(&r, name), "country:USA", "{name}");
    }
    // Accused, Beijing is China's government too.
    assert_eq!(key_of(&r, "Beijing"), "country:CHN");
}

#[test]
fn roles_give_countries_and_sectors() {
    let r = resolve(
        "Chinese Foreign Minister Qin Gang met U.S. Defense Secretary Lloyd Austin. Microsoft Corp. co-founder Bill Gates and CIA chief William Burns watched.",
    );
    let check = |key: &str, country: Option<&str>, sector: &str| {
        let e = entity(&r, key);
        assert_eq!(e.country.as_deref(), country, "{key}");
        assert_eq!(e.sector.as_deref(), Some(sector), "{key}");
    };
    check("person:qin-gang", Some("CHN"), "GOV");
    check("person:lloyd-austin", Some("USA"), "MIL");
    // Nothing around him names a country: the article's own (American
    // names lead, three to one).
    check("person:bill-gates", Some("USA"), "BUS");
    check("person:william-burns", Some("USA"), "SPY");
}

#[test]
fn the_role_found_once_holds_for_the_article() {
    let r = resolve("Chinese Foreign Minister Qin Gang spoke. Later Qin Gang left for Moscow.");
    let qin = entity(&r, "person:qin-gang");
    assert_eq!(qin.mentions.len(), 2);
    assert_eq!(qin.country.as_deref(), Some("CHN"));
}

#[test]
fn the_actor_dictionary_gives_known_people_a_country() {
    let r = resolve("Joe Biden said he would meet Xi Jinping again.");
    assert_eq!(
        entity(&r, "person:joe-biden").country.as_deref(),
        Some("USA")
    );
    assert_eq!(
        entity(&r, "person:xi-jinping").country.as_deref(),
        Some("CHN")
    );
}

#[test]
fn same_name_places_follow_the_article() {
    let r = resolve("Jake Sullivan met Wang Yi in Vienna in May.");
    let vienna = entity(&r, "place:vienna-aut");
    assert_eq!(vienna.country.as_deref(), Some("AUT"));
    assert_eq!(vienna.geonames_id, 2_761_369);
    assert!(vienna.geo.is_some());
    let r = resolve("Voters in Virginia lined up early. In Vienna, the town council met.");
    let vienna = entity(&r, "place:vienna-usa");
    assert_eq!(vienna.geonames_id, 4_791_160);
    let virginia = entity(&r, "place:virginia-usa");
    assert_eq!(virginia.country.as_deref(), Some("USA"));
    assert!(virginia.geonames_id > 0);
}

#[test]
fn seas_and_regions_stay_places_without_coordinates() {
    let r = resolve("Ships crossed the South China Sea as tension rose across the Indo-Pacific.");
    for key in ["place:south-china-sea", "place:indo-pacific"] {
        let e = entity(&r, key);
        assert_eq!(e.kind, NerKind::Loc);
        assert_eq!(e.geo, None);
        assert_eq!(e.geonames_id, 0);
    }
}

#[test]
fn keys_are_stable_across_articles() {
    let first = resolve("Chinese Foreign Minister Qin Gang met Antony Blinken in Beijing.");
    let second = resolve(
        "Qin Gang, China's foreign minister, said on Monday that Antony Blinken had left Beijing.",
    );
    for r in [&first, &second] {
        assert_eq!(key_of(r, "Qin Gang"), "person:qin-gang");
        assert_eq!(key_of(r, "Antony Blinken"), "person:antony-blinken");
        assert_eq!(key_of(r, "Beijing"), "place:beijing-chn");
        assert_eq!(entity(r, "person:qin-gang").country.as_deref(), Some("CHN"));
    }
}

#[test]
fn state_bodies_are_keyed_by_their_country() {
    let r =
        resolve("The Chinese Foreign Ministry protested. Russia's Foreign Ministry said nothing.");
    let keys: Vec<&str> = r
        .mentions
        .iter()
        .filter(|m| m.text.ends_with("Foreign Ministry"))
        .map(|m| r.entities[m.entity].key.as_str())
        .collect();
    assert_eq!(
        keys,
        ["org:chn-foreign-ministry", "org:rus-foreign-ministry"]
    );
}

#[test]
fn a_patrons_aide_shares_the_patrons_country() {
    let r = resolve(
        "Joe Biden spoke on Friday. Biden's national security adviser, Jake Sullivan, met Wang Yi.",
    );
    let sullivan = entity(&r, "person:jake-sullivan");
    assert_eq!(sullivan.country.as_deref(), Some("USA"));
    assert_eq!(sullivan.sector.as_deref(), Some("GOV"));
}

#[test]
fn small_towns_need_support_and_continents_are_not_towns() {
    let r = resolve(
        "Joe Biden and Xi Jinping met in Bali last year. Leaders from Asia and Europe came.",
    );
    // Bali is Indonesia's province, not the Cameroonian town.
    let bali = entity(&r, "place:bali-idn");
    assert_eq!((bali.geonames_id, bali.geo), (0, None));
    assert_eq!(bali.country.as_deref(), Some("IDN"));
    let asia = entity(&r, "place:asia");
    assert_eq!(asia.geonames_id, 6_255_147);
    assert_eq!((asia.country.as_deref(), asia.geo), (None, None));
    // A big city needs no support from the article.
    let r = resolve("Protesters marched in Lagos on Sunday.");
    assert_eq!(
        entity(&r, "place:lagos-nga").country.as_deref(),
        Some("NGA")
    );
}

#[test]
fn a_lone_name_taken_for_an_organisation_is_still_the_person() {
    let r = resolve("Chinese President Xi Jinping spoke first. Xi and Biden agreed to talk.");
    assert_eq!(key_of(&r, "Xi"), "person:xi-jinping");
}

#[test]
fn capitals_win_over_same_name_regions() {
    let r = resolve("Officials in Washington met; Virginia voted.");
    let washington = entity(&r, "place:washington-usa");
    assert!(washington.geo.is_some(), "the capital, not the state");
    assert!(entity(&r, "place:virginia-usa").geo.is_none());
}

#[test]
fn a_mid_sized_city_abroad_needs_the_article_to_name_its_country() {
    let r = resolve("Scotland's first minister went to Westminster. Britain's government met.");
    // Not the town in Colorado: the British subdivision.
    let westminster = entity(&r, "place:westminster-gbr");
    assert_eq!(
        (westminster.geo, westminster.country.as_deref()),
        (None, Some("GBR"))
    );
    let r = resolve("The talks moved to New Delhi.");
    assert_eq!(
        entity(&r, "place:new-delhi-ind").country.as_deref(),
        Some("IND")
    );
}

#[test]
fn affiliation_beats_profession() {
    let r = resolve(
        "Kurt Campbell, the top Asia expert on the National Security Council, said talks help.",
    );
    assert_eq!(
        entity(&r, "person:kurt-campbell").sector.as_deref(),
        Some("GOV")
    );
    let r = resolve("Jane Doe, a security expert, said the plan was sound.");
    assert_eq!(entity(&r, "person:jane-doe").sector.as_deref(), Some("EDU"));
}

#[test]
fn a_state_body_has_one_key_in_either_word_order() {
    let r = resolve(
        "The Japanese Ministry of Finance said rates would stay. Japan's Finance Ministry \
         added nothing. The U.S. Treasury Department agreed, and the U.S. Treasury said so.",
    );
    let key = |text: &str| {
        r.mentions
            .iter()
            .find(|m| m.text == text)
            .map(|m| r.entities[m.entity].key.clone())
            .unwrap_or_default()
    };
    assert_eq!(key("Ministry of Finance"), key("Finance Ministry"));
    assert_eq!(key("Finance Ministry"), "org:jpn-finance-ministry");
    assert_eq!(key("Treasury Department"), key("Treasury"));
}

#[test]
fn a_title_picks_which_of_two_namesakes_a_surname_is() {
    let r = resolve(
        "Chief of Staff Howard Baker met Treasury Secretary James Baker. Howard Baker spoke. \
         Officials said Treasury Secretary Baker agreed. Baker left.",
    );
    let keys: Vec<String> = r
        .mentions
        .iter()
        .filter(|m| m.text == "Baker")
        .map(|m| r.entities[m.entity].key.clone())
        .collect();
    assert_eq!(keys, ["person:james-baker", "person:james-baker"]);
}

#[test]
fn a_city_many_times_the_size_of_its_namesakes_needs_no_support() {
    // The article names the United States, not Switzerland: Geneva is
    // still the Swiss city, not the Illinois town.
    let r = resolve("GENEVA, March 4 - The United States handed the Soviet Union a draft treaty.");
    assert_eq!(
        entity(&r, "place:geneva-che").country.as_deref(),
        Some("CHE")
    );
}

#[test]
fn the_gulf_is_the_persian_gulf() {
    let r = resolve("Iran attacked a Kuwaiti tanker in the Gulf.");
    assert_eq!(entity(&r, "place:persian-gulf").country, None);
}

#[test]
fn a_word_in_a_list_is_not_of_the_country_named_before_it() {
    let r = resolve(
        "Noting the often different reactions of U.S., Japanese and European banks, \
         Funaro told journalists that Brazil might adopt an approach.",
    );
    assert_eq!(entity(&r, "misc:european").country, None);
    assert_eq!(entity(&r, "country:JPN").country.as_deref(), Some("JPN"));
}

#[test]
fn a_double_barrelled_surname_joins_the_full_name_hyphened_or_not() {
    let r = resolve(
        "Two members defected to Robert Kilroy Silk's Veritas Party. \
         Veritas was formed by Mr Kilroy-Silk earlier this month.",
    );
    assert_eq!(key_of(&r, "Kilroy-Silk"), "person:robert-kilroy-silk");
    // Named so in a headline before the full name.
    let r = resolve(
        "Kilroy-Silk attacked with slurry\n\
         Euro MP Robert Kilroy-Silk has had a bucket of farm slurry thrown over him.",
    );
    assert_eq!(key_of(&r, "Kilroy-Silk"), "person:robert-kilroy-silk");
}

#[test]
fn the_head_of_the_datelines_central_bank_is_of_the_datelines_country() {
    let r = resolve(
        "BERNE, March 4 - Brazilian Finance Minister Dilson Funaro met National Bank \
         President Pierre Languetin. Brazil wants Brazilian banks to help Brazil.",
    );
    assert_eq!(
        entity(&r, "person:pierre-languetin").country.as_deref(),
        Some("CHE")
    );
    assert_eq!(
        entity(&r, "person:dilson-funaro").country.as_deref(),
        Some("BRA")
    );
}
