//! Unit tests of the actor rules: international organisations, one key per
//! organisation whatever its form or tag, known people's roles on the
//! article's date, affiliation, capitals standing for their state.

use chrono::NaiveDate;

use super::*;
use crate::analysis::recognize::{Recognizer, TaggerRecognizer};
use crate::text::analyze;

fn resolve_on(text: &str, date: Option<&str>) -> Resolution {
    let gazetteer = Arc::new(Gazetteer::bundled().expect("gazetteer"));
    let model = Arc::new(crate::tagger::bundled().expect("model"));
    let doc = analyze(text);
    let spans = TaggerRecognizer::new(model, gazetteer.clone()).recognize(&doc);
    let date = date.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("test date"));
    EntityResolver::new(gazetteer).resolve(&doc, &spans, date)
}

fn entity_of<'a>(r: &'a Resolution, mention: &str) -> &'a ResolvedEntity {
    r.mentions
        .iter()
        .find(|m| m.text == mention)
        .map(|m| &r.entities[m.entity])
        .unwrap_or_else(|| panic!("no mention {mention:?} in {:?}", r.mentions))
}

/// No entity of `r` has one of `countries`.
fn assert_no_country_among(r: &Resolution, countries: &[&str]) {
    for entity in &r.entities {
        assert!(
            entity
                .country
                .as_deref()
                .is_none_or(|c| !countries.contains(&c)),
            "{entity:?}"
        );
    }
}

fn keys(r: &Resolution) -> Vec<&str> {
    r.entities.iter().map(|e| e.key.as_str()).collect()
}

#[test]
fn an_international_organisation_has_one_key_no_country_and_its_code() {
    let r = resolve_on(
        "Ukraine wants to join the North Atlantic Treaty Organisation. \
         NATO said talks would go on, and Kiev welcomed the NATO offer.",
        None,
    );
    let full = entity_of(&r, "North Atlantic Treaty Organisation");
    assert_eq!(full.key, entity_of(&r, "NATO").key, "{:?}", keys(&r));
    assert_eq!(full.country, None);
    assert_eq!(full.sector.as_deref(), Some("IGO"));
    assert_eq!(full.actor_code(), "IGOWSTNAT");
    assert!(!keys(&r).iter().any(|k| k.starts_with("misc:")));
}

#[test]
fn a_short_form_after_the_full_name_is_the_organisation() {
    let r = resolve_on(
        "The European Commission ruled that only Greek cheese may be called feta. \
         Germany and Denmark said the Commission was wrong.",
        Some("2005-03-14"),
    );
    let commission = entity_of(&r, "European Commission");
    assert_eq!(entity_of(&r, "Commission").key, commission.key);
    assert_eq!(commission.actor_code(), "IGOEUREEC");
    assert_eq!(commission.country, None);
    assert!(!keys(&r).contains(&"org:commission"), "{:?}", keys(&r));
}

#[test]
fn an_acronym_before_the_full_name_is_the_organisation() {
    let r = resolve_on(
        "Merrill Lynch declined to comment on the SEC complaint. The charges were filed \
         by the U.S. Securities and Exchange Commission in New York.",
        Some("1987-03-11"),
    );
    let full = entity_of(&r, "U.S. Securities and Exchange Commission");
    assert_eq!(entity_of(&r, "SEC").key, full.key, "{:?}", keys(&r));
    assert_eq!(full.key, "org:usa-securities-and-exchange-commission");
}

#[test]
fn the_usda_is_the_us_agriculture_department() {
    // Alone, and beside the department named in full.
    let r = resolve_on(
        "A senior USDA official said exports fell.",
        Some("1987-03-12"),
    );
    assert_eq!(entity_of(&r, "USDA").key, "org:usa-agriculture-department");
    assert_eq!(entity_of(&r, "USDA").country.as_deref(), Some("USA"));
    let r = resolve_on(
        "The U.S. Agriculture Department said exports fell, a USDA official said.",
        Some("1987-03-12"),
    );
    assert_eq!(
        entity_of(&r, "USDA").key,
        entity_of(&r, "U.S. Agriculture Department").key,
        "{:?}",
        keys(&r)
    );
}

#[test]
fn a_known_surname_is_keyed_by_the_full_name_across_articles() {
    let r = resolve_on(
        "The U.S. Congress passed the bill, but President Reagan said he would veto it.",
        Some("1987-03-12"),
    );
    assert_eq!(entity_of(&r, "Reagan").key, "person:ronald-reagan");
    // Not someone the dictionary has in office for another country, or
    // out of office that day.
    let r = resolve_on(
        "Ms Abbott told Britain's parliament the bill was wrong.",
        Some("2005-02-15"),
    );
    assert_eq!(entity_of(&r, "Abbott").key, "person:abbott");
    let r = resolve_on(
        "The U.S. Congress passed the bill, but President Reagan said he would veto it.",
        Some("1995-03-12"),
    );
    assert_eq!(entity_of(&r, "Reagan").key, "person:reagan");
}

#[test]
fn a_state_body_named_of_its_country_keeps_its_name_in_the_key() {
    let r = resolve_on(
        "Rates fell, the Bank of Japan said. The Chinese Foreign Ministry agreed.",
        Some("1987-02-27"),
    );
    assert_eq!(entity_of(&r, "Bank of Japan").key, "org:jpn-bank-of-japan");
    assert_eq!(
        entity_of(&r, "Foreign Ministry").key,
        "org:chn-foreign-ministry"
    );
}

#[test]
fn a_firm_is_keyed_without_its_legal_form() {
    // Whatever the form an article writes, the key is the same.
    for (text, name) in [
        ("Chrysler Corp said sales rose.", "Chrysler Corp"),
        (
            "Chrysler Corporation said sales rose.",
            "Chrysler Corporation",
        ),
        (
            "Merrill Lynch and Co Inc said sales rose.",
            "Merrill Lynch and Co Inc",
        ),
    ] {
        let r = resolve_on(text, Some("1987-03-09"));
        let key = &entity_of(&r, name).key;
        assert!(
            key == "org:chrysler" || key == "org:merrill-lynch",
            "{text}: {key}"
        );
    }
    assert_eq!(organisations::org_key("Co"), "org:co");
    assert_eq!(
        organisations::org_key("Goldman Sachs and Co"),
        "org:goldman-sachs"
    );
    // Nordic, German and Malaysian legal forms too.
    assert_eq!(organisations::org_key("Trelleborg AB"), "org:trelleborg");
    assert_eq!(organisations::org_key("Outokumpu Oy"), "org:outokumpu");
    assert_eq!(
        organisations::org_key("IBM Deutschland GmbH"),
        "org:ibm-deutschland"
    );
    assert_eq!(
        organisations::org_key("General Insurance Sdn Bhd"),
        "org:general-insurance"
    );
}

#[test]
fn a_presidents_administration_is_his_states_government() {
    let r = resolve_on(
        "The Reagan administration offered Moscow subsidized wheat.",
        Some("1987-03-02"),
    );
    let administration = entity_of(&r, "Reagan administration");
    assert_eq!(administration.key, "org:usa-reagan-administration");
    assert_eq!(administration.sector.as_deref(), Some("GOV"));
}

#[test]
fn a_leaders_administration_is_his_state_whatever_others_bear_the_name() {
    // The dictionary also knows a Cayman Islands Bush, in office in 2005
    // too: the story names the United States, not the islands.
    let r = resolve_on(
        "People close to the Bush administration objected to her speech in the US, \
         a BBC correspondent in London said.",
        Some("2005-02-15"),
    );
    let administration = entity_of(&r, "Bush administration");
    assert_eq!(administration.key, "org:usa-bush-administration");
    assert_eq!(administration.country.as_deref(), Some("USA"));
}

#[test]
fn a_known_persons_role_counts_only_on_its_dates() {
    let text = "Peter Mandelson said the talks had gone well.";
    // Business secretary from 2008-10-03 to 2010-05-11 (GBRGOVBUS).
    let in_office = resolve_on(text, Some("2009-06-01"));
    assert_eq!(
        entity_of(&in_office, "Peter Mandelson").actor_code(),
        "GBRGOV"
    );
    // Before it, the EU's trade commissioner.
    let before = resolve_on(text, Some("2005-02-22"));
    let before = entity_of(&before, "Peter Mandelson");
    assert_eq!(
        (before.actor_code().as_str(), before.country.as_deref()),
        ("IGOEUREEC", None)
    );
    // After it, not that role: his country, and the standing of someone
    // out of office (the elite's).
    let after = resolve_on(text, Some("2012-01-01"));
    let after = entity_of(&after, "Peter Mandelson");
    assert_eq!(
        (after.country.as_deref(), after.actor_code().as_str()),
        (Some("GBR"), "GBRELI")
    );
    let text = "Kofi Annan called for calm.";
    let annan = resolve_on(text, Some("2003-05-01"));
    let annan = entity_of(&annan, "Kofi Annan");
    assert_eq!(
        (annan.actor_code().as_str(), annan.country.as_deref()),
        ("IGOUNO", None)
    );
}

#[test]
fn the_text_says_whom_a_person_acts_for() {
    let r = resolve_on(
        "EU trade commissioner Peter Mandelson said the tariffs would stay.",
        Some("2005-02-22"),
    );
    let mandelson = entity_of(&r, "Peter Mandelson");
    assert_eq!(mandelson.actor_code(), "IGOEUREEC");
    assert_eq!(mandelson.sector.as_deref(), Some("IGO"));
}

#[test]
fn an_organisation_ending_a_phrase_before_a_comma_is_not_whom_the_name_acts_for() {
    let r = resolve_on(
        "U.S. Treasury Secretary James Baker said he was making progress. \
         In a speech to the annual meeting of the IADB, Baker said reforms were near.",
        Some("1987-03-23"),
    );
    assert_eq!(entity_of(&r, "James Baker").actor_code(), "USAGOV");
}

#[test]
fn a_spokesman_introduced_by_the_body_he_speaks_for_is_that_bodys() {
    let r = resolve_on(
        "A spokesman for the Danish Dairy Board said the ruling was wrong. \
         \"We will appeal,\" spokesman Hans Arne Kristiansen said.",
        Some("2005-03-14"),
    );
    let person = entity_of(&r, "Hans Arne Kristiansen");
    assert_eq!(
        (person.country.as_deref(), person.sector.as_deref()),
        (Some("DNK"), Some("BUS"))
    );
}

#[test]
fn affiliation_gives_the_sector_and_the_country() {
    let r = resolve_on(
        "Hans Arne Kristiansen, a spokesman for the Danish Dairy Board, said the ruling hurt farmers.",
        Some("2005-03-14"),
    );
    let person = entity_of(&r, "Hans Arne Kristiansen");
    assert_eq!(
        (person.country.as_deref(), person.sector.as_deref()),
        (Some("DNK"), Some("BUS"))
    );
}

#[test]
fn a_capital_stands_for_its_state_where_most_of_its_mentions_do() {
    let r = resolve_on(
        "Moscow said it would answer. Moscow accused Kiev of delay. Talks were held in Moscow.",
        None,
    );
    let moscow: Vec<_> = r
        .mentions
        .iter()
        .filter(|m| m.text == "Moscow")
        .map(|m| r.entities[m.entity].key.as_str())
        .collect();
    assert_eq!(moscow, ["country:RUS"; 3]);
}

#[test]
fn the_community_is_the_union_from_maastricht_on() {
    let text = "EU ministers met in Brussels. The Community must act, they said.";
    let r = resolve_on(text, Some("2005-01-01"));
    assert_eq!(entity_of(&r, "Community").key, entity_of(&r, "EU").key);
    let text = "The European Community met in Brussels. The Community must act, they said.";
    let r = resolve_on(text, Some("1987-03-02"));
    assert_eq!(
        entity_of(&r, "Community").key,
        entity_of(&r, "European Community").key
    );
}

#[test]
fn brussels_acting_in_an_article_about_the_eu_is_the_union() {
    let r = resolve_on(
        "Ukraine called on the EU to help, fearing a backlash against closer relations with Brussels. \
         Talks were held in Brussels.",
        Some("2005-02-22"),
    );
    let brussels: Vec<_> = r
        .mentions
        .iter()
        .filter(|m| m.text == "Brussels")
        .map(|m| r.entities[m.entity].key.as_str())
        .collect();
    assert_eq!(brussels, ["org:european-union", "place:brussels-bel"]);
}

#[test]
fn an_organisation_of_a_country_is_that_countrys() {
    let r = resolve_on(
        "Lukman was a guest of the state-owned Petroleum Corp of Jamaica.",
        Some("1987-03-02"),
    );
    let corp = entity_of(&r, "Petroleum Corp of Jamaica");
    assert_eq!(
        (corp.kind, corp.country.as_deref(), corp.sector.as_deref()),
        (NerKind::Org, Some("JAM"), Some("BUS"))
    );
    assert!(!keys(&r).contains(&"country:JAM"), "{:?}", keys(&r));
}

#[test]
fn a_country_after_of_that_the_name_runs_on_past_is_its_country() {
    let r = resolve_on(
        "WASHINGTON, March 2 - The Islamic Republic of Iran News Agency said Iraqi planes attacked.",
        Some("1987-03-02"),
    );
    let agency = entity_of(&r, "Islamic Republic of Iran News Agency");
    assert_eq!(
        (agency.kind, agency.country.as_deref()),
        (NerKind::Org, Some("IRN"))
    );
}

#[test]
fn a_title_belongs_to_its_own_name() {
    // The next name's title in a list, a relative clause and a title
    // behind "as" and a comma are not the person's.
    let r = resolve_on(
        "Also due are US Secretary of State Condoleezza Rice, UN Secretary General Kofi Annan and others.",
        Some("2005-02-28"),
    );
    assert_eq!(entity_of(&r, "Condoleezza Rice").actor_code(), "USAGOV");
    let r = resolve_on(
        "The claims were denied by Foreign Secretary Jack Straw, who accused the Tories of running scared.",
        Some("2005-02-03"),
    );
    assert_eq!(entity_of(&r, "Jack Straw").actor_code(), "GBRGOV");
    let r = resolve_on(
        "George W Bush will be more consensual as he begins his second term as US President, Tony Blair has said.",
        Some("2005-01-21"),
    );
    assert_eq!(entity_of(&r, "Tony Blair").actor_code(), "GBRGOV");
}

#[test]
fn former_states_newspapers_forces_and_groups_are_known() {
    let r = resolve_on(
        "West Germany and the G8 spoke. The Guardian said the RAF flew to Latin America.",
        Some("1987-03-16"),
    );
    assert_eq!(entity_of(&r, "West Germany").key, "country:DEU");
    assert_eq!(entity_of(&r, "G8").actor_code(), "IGOGOE");
    assert_eq!(entity_of(&r, "Guardian").actor_code(), "GBRMED");
    assert_eq!(entity_of(&r, "RAF").actor_code(), "GBRMIL");
    assert_eq!(entity_of(&r, "Latin America").actor_code(), "LAM");
}

#[test]
fn seats_of_government_act_and_ngos_are_known() {
    let r = resolve_on(
        "Downing Street has indicated it will wait. Oxfam said aid must rise. He flew to Washington DC.",
        Some("2005-01-01"),
    );
    assert_eq!(entity_of(&r, "Downing Street").actor_code(), "GBRGOV");
    assert_eq!(entity_of(&r, "Oxfam").actor_code(), "NGOXFM");
    assert_eq!(
        entity_of(&r, "Washington DC").country.as_deref(),
        Some("USA")
    );
}

#[test]
fn parties_govern_or_oppose_as_of_the_article() {
    let text =
        "Shadow foreign secretary Michael Ancram said the Tories would fight. Labour disagreed.";
    let r = resolve_on(text, Some("2005-02-03"));
    assert_eq!(entity_of(&r, "Tories").actor_code(), "GBROPP");
    assert_eq!(entity_of(&r, "Labour").actor_code(), "GBRGOV");
    assert_eq!(
        entity_of(&r, "Michael Ancram").sector.as_deref(),
        Some("OPP")
    );
    let r = resolve_on(text, Some("1990-01-01"));
    assert_eq!(entity_of(&r, "Tories").actor_code(), "GBRGOV");
}

#[test]
fn a_broadcasters_channels_are_the_broadcaster_and_ngo_people_are_ngo() {
    let r = resolve_on(
        "He told BBC Radio 4 and BBC One. Oxfam director Barbara Stocking agreed.",
        Some("2005-01-05"),
    );
    assert_eq!(entity_of(&r, "BBC Radio").key, "org:bbc");
    assert_eq!(entity_of(&r, "BBC One").key, "org:bbc");
    let stocking = entity_of(&r, "Barbara Stocking");
    assert_eq!(
        (stocking.sector.as_deref(), stocking.actor_code().as_str()),
        (Some("NGO"), "NGOXFM")
    );
}

#[test]
fn a_participle_clause_is_no_appositive_and_a_title_after_an_igo_is_the_igo() {
    let r = resolve_on(
        "EC External Trade Commissioner Willy De Clercq wrote to Trade Representative Clayton Yeutter, \
         outlining the EC's concerns.",
        Some("1987-03-17"),
    );
    assert_eq!(
        entity_of(&r, "EC External Trade").key,
        "org:european-community"
    );
    let yeutter = entity_of(&r, "Clayton Yeutter");
    assert_eq!(
        (yeutter.sector.as_deref(), yeutter.code.as_deref()),
        (Some("GOV"), None)
    );
}

#[test]
fn the_leader_of_an_organisations_team_acts_for_it() {
    let r = resolve_on(
        "The IMF team, led by assistant director for Africa Paul Acquah, is due to conclude its talks.",
        Some("1987-03-15"),
    );
    let acquah = entity_of(&r, "Paul Acquah");
    assert_eq!(
        (acquah.actor_code().as_str(), acquah.country.as_deref()),
        ("IGOBUSIMF", None)
    );
}

#[test]
fn a_relatives_role_is_not_their_own() {
    let r = resolve_on(
        "It was sold to Viktor Pinchuk, son-in-law of former President Kuchma, and Rinat Akhmetov, \
         the country's richest man.",
        Some("2005-02-22"),
    );
    assert_eq!(entity_of(&r, "Viktor Pinchuk").sector, None);
    assert_eq!(
        entity_of(&r, "Rinat Akhmetov").sector.as_deref(),
        Some("BUS")
    );
}

#[test]
fn a_ruling_party_governs_and_a_kings_title_is_his_role() {
    let r = resolve_on(
        "The Times of Zambia is run by the ruling United National Independence Party. \
         Zambia and the IMF disagree. Zambia wants food subsidies, and Zambia will get them. \
         King Fahd of Saudi Arabia spoke.",
        Some("1987-03-15"),
    );
    let party = entity_of(&r, "United National Independence Party");
    assert_eq!(
        (party.country.as_deref(), party.sector.as_deref()),
        (Some("ZMB"), Some("GOV"))
    );
    // The title is read, not kept in the name.
    assert_eq!(entity_of(&r, "Fahd").actor_code(), "SAUGOV");
}

#[test]
fn a_party_word_the_tagger_left_and_a_comma_after_titles_still_affiliate() {
    // Howard led the Conservatives in opposition in 2005; the text says so
    // even for someone the dictionaries do not know.
    let r = resolve_on(
        "Tory leader Jonathan Smithers backed the plan. For the Liberal Democrats, Sir Alan Beith said no.",
        Some("2005-01-05"),
    );
    assert_eq!(entity_of(&r, "Jonathan Smithers").actor_code(), "GBROPP");
    assert_eq!(entity_of(&r, "Alan Beith").actor_code(), "GBROPP");
}

#[test]
fn people_missing_from_the_dictionaries_and_historic_names_are_known() {
    let r = resolve_on(
        "Michael Howard and Gerhard Stoltenberg met West German bankers in Frankfurt.",
        Some("1987-03-03"),
    );
    assert_eq!(entity_of(&r, "Michael Howard").actor_code(), "GBRGOV");
    assert_eq!(entity_of(&r, "Gerhard Stoltenberg").actor_code(), "DEUGOV");
    assert_eq!(entity_of(&r, "West German").country.as_deref(), Some("DEU"));
    assert_eq!(entity_of(&r, "Frankfurt").country.as_deref(), Some("DEU"));
    let later = resolve_on("Michael Howard attacked the budget.", Some("2005-03-17"));
    assert_eq!(entity_of(&later, "Michael Howard").actor_code(), "GBROPP");
}

#[test]
fn a_lone_surname_is_the_one_of_that_name_named_last() {
    let r = resolve_on(
        "Howard Baker joined the White House. James Baker met bankers. Baker said rates would fall. \
         At the White House, officials agreed.",
        Some("1987-03-02"),
    );
    assert_eq!(entity_of(&r, "Baker").key, "person:james-baker");
    // The seat of government is one organisation, acting or a venue.
    let keys: Vec<&str> = r
        .mentions
        .iter()
        .filter(|m| m.text == "White House")
        .map(|m| r.entities[m.entity].key.as_str())
        .collect();
    assert_eq!(keys, ["org:white-house", "org:white-house"]);
}

#[test]
fn what_someone_heads_is_their_own() {
    let r = resolve_on(
        "Maynard Glitman, who heads the American team, spoke to reporters.",
        Some("1987-03-04"),
    );
    assert_eq!(
        entity_of(&r, "Maynard Glitman").country.as_deref(),
        Some("USA")
    );
}

#[test]
fn older_names_of_states_are_the_states() {
    let r = resolve_on(
        "Embassies in East Timor and Swaziland will close, the Foreign Office said.",
        Some("2004-12-15"),
    );
    for (name, iso3) in [("East Timor", "TLS"), ("Swaziland", "SWZ")] {
        assert_eq!(entity_of(&r, name).key, format!("country:{iso3}"), "{name}");
    }
}

#[test]
fn a_known_person_and_a_party_are_themselves_whatever_the_tag() {
    let r = resolve_on(
        "Meanwhile, Tory shadow chancellor Oliver Letwin accused Mr Blair of \
         misrepresenting the party's proposals. Mr Brown warned that the Tories \
         were planning the biggest cuts ever.",
        Some("2005-02-15"),
    );
    let letwin = entity_of(&r, "Oliver Letwin");
    assert_eq!(letwin.kind, NerKind::Person, "{:?}", keys(&r));
    assert_eq!(letwin.key, "person:oliver-letwin");
    assert_eq!(entity_of(&r, "Tories").key, "org:conservative-party");
}

#[test]
fn a_city_of_one_name_or_by_its_other_name_has_its_country() {
    let r = resolve_on(
        "Britain lost its case before the court in Strasbourg. British troops \
         in Basra and fans in Oporto watched.",
        Some("2004-12-18"),
    );
    assert_eq!(entity_of(&r, "Strasbourg").country.as_deref(), Some("FRA"));
    assert_eq!(entity_of(&r, "Basra").country.as_deref(), Some("IRQ"));
    assert_eq!(entity_of(&r, "Oporto").country.as_deref(), Some("PRT"));
}

#[test]
fn a_later_description_by_country_and_title_gives_the_country() {
    let r = resolve_on(
        "Archbishop Desmond Tutu has called for the release of the inmates held \
         by the UK. The South African archbishop said detentions were unacceptable.",
        Some("2005-02-15"),
    );
    assert_eq!(
        entity_of(&r, "Desmond Tutu").country.as_deref(),
        Some("ZAF")
    );
}

#[test]
fn a_lone_surname_of_several_people_is_the_one_known_with_its_title() {
    let r = resolve_on(
        "President Bush has announced that an alliance will co-ordinate the relief drive.",
        Some("2004-12-30"),
    );
    let bush = entity_of(&r, "Bush");
    assert_eq!(bush.country.as_deref(), Some("USA"));
    assert_eq!(bush.sector.as_deref(), Some("GOV"));
}

#[test]
fn a_title_of_an_office_left_long_before_is_history() {
    let r = resolve_on(
        "The Tower commission said President Carter had set the rules.",
        Some("1987-03-02"),
    );
    assert_eq!(entity_of(&r, "Carter").sector.as_deref(), Some("ELI"));
    // The son of the same name held the office that day.
    let r = resolve_on(
        "Mr Blair spoke to US President George Bush on Tuesday.",
        Some("2005-01-05"),
    );
    assert_eq!(entity_of(&r, "George Bush").sector.as_deref(), Some("GOV"));
}

#[test]
fn someone_of_an_organisation_or_far_into_an_appositive_works_there() {
    let r = resolve_on(
        "The target is now optimistic, Morris Goldstein of the International Monetary Fund said. \
         Ted Truman, director of the International Finance Division at the Federal Reserve Board, \
         said banks were short-sighted.",
        Some("1987-03-16"),
    );
    let goldstein = entity_of(&r, "Morris Goldstein");
    assert_eq!(goldstein.sector.as_deref(), Some("IGO"));
    assert_eq!(goldstein.country, None);
    let truman = entity_of(&r, "Ted Truman");
    assert_eq!(
        (truman.country.as_deref(), truman.sector.as_deref()),
        (Some("USA"), Some("GOV"))
    );
}

#[test]
fn a_qualifier_before_a_title_leaves_the_title_to_decide() {
    let r = resolve_on(
        "U.S. Deputy Assistant Secretary of State Paul Taylor said the plan had not succeeded.",
        Some("1987-03-16"),
    );
    assert_eq!(entity_of(&r, "Paul Taylor").sector.as_deref(), Some("GOV"));
}

#[test]
fn brussels_acting_in_a_story_about_the_union_is_the_union() {
    let r = resolve_on(
        "Ukraine wants closer European Union links. Kiev fears a backlash against \
         closer relations with Brussels. The summit is in Brussels.",
        Some("2005-02-22"),
    );
    let keys: Vec<&str> = r
        .mentions
        .iter()
        .filter(|m| m.text == "Brussels")
        .map(|m| r.entities[m.entity].key.as_str())
        .collect();
    assert_eq!(keys, ["org:european-union", "place:brussels-bel"]);
}

#[test]
fn a_former_seat_of_government_acts_for_its_state_while_it_was_the_seat() {
    let text = "Bonn said it would reject the plan.";
    assert_eq!(
        entity_of(&resolve_on(text, Some("1987-03-06")), "Bonn").key,
        "country:DEU"
    );
    assert_eq!(
        entity_of(&resolve_on(text, Some("2005-03-06")), "Bonn").key,
        "place:bonn-deu"
    );
    // A big capital by its old name, even where the tagger missed it.
    let peking = resolve_on("Peking said it opposed the move.", Some("1987-03-06"));
    assert_eq!(entity_of(&peking, "Peking").key, "country:CHN");
}

#[test]
fn a_role_of_the_agents_dictionary_is_a_title_and_an_administration_is_its_leaders() {
    let r = resolve_on(
        "One of the architects of the proposal, U.S. lawyer Lee Buchheit, was adamant. \
         Senior Reagan Administration officials expressed warm support.",
        Some("1987-03-12"),
    );
    let buchheit = entity_of(&r, "Lee Buchheit");
    assert_eq!(
        (buchheit.country.as_deref(), buchheit.sector.as_deref()),
        (Some("USA"), Some("JUD"))
    );
    assert_eq!(
        entity_of(&r, "Reagan Administration").country.as_deref(),
        Some("USA")
    );
}

#[test]
fn an_acronym_written_as_a_name_is_its_organisation() {
    let r = resolve_on(
        "The money goes to the Global Alliance for Vaccines and Immunisation (Gavi). \
         Gavi says the money will save lives.",
        Some("2005-01-26"),
    );
    let full = entity_of(&r, "Global Alliance for Vaccines and Immunisation")
        .key
        .clone();
    assert!(
        r.mentions
            .iter()
            .filter(|m| m.text == "Gavi")
            .all(|m| r.entities[m.entity].key == full),
        "{:?}",
        keys(&r)
    );
}

#[test]
fn a_relative_shares_the_familys_country() {
    let r = resolve_on(
        "The US freed British detainee Moazzam Begg, US officials said. \
         His father Azmat Begg thanked the US. The US said more would follow.",
        Some("2005-01-26"),
    );
    assert_eq!(entity_of(&r, "Azmat Begg").country.as_deref(), Some("GBR"));
}

#[test]
fn a_named_committees_remit_is_no_one_an_unnamed_ones_is_its_name() {
    let r = resolve_on(
        "Baker told a Senate Appropriations subcommittee on Foreign Operations that the \
         loans were wrong.",
        Some("1987-03-05"),
    );
    assert!(
        !r.mentions.iter().any(|m| m.text.contains("Operations")),
        "{:?}",
        keys(&r)
    );
    let r = resolve_on(
        "The joint committee on Strategic Export Controls said the rules were too weak.",
        Some("2005-02-15"),
    );
    assert!(
        r.mentions
            .iter()
            .any(|m| m.text == "Strategic Export Controls"),
        "{:?}",
        keys(&r)
    );
}

#[test]
fn whitehall_a_chamber_and_the_fed_boards_are_bodies_and_a_crude_grade_no_one() {
    let r = resolve_on(
        "Whitehall officials said the Upper House of Japan's Diet would vote. \
         He would leave behind one of the most inexperienced Fed Boards in years, \
         while West Texas Intermediate rose 10 cts.",
        Some("1987-03-02"),
    );
    let whitehall = entity_of(&r, "Whitehall");
    assert_eq!(
        (whitehall.kind, whitehall.actor_code().as_str()),
        (NerKind::Org, "GBRGOV")
    );
    let house = entity_of(&r, "Upper House");
    assert_eq!(
        (house.kind, house.sector.as_deref()),
        (NerKind::Org, Some("LEG"))
    );
    assert_eq!(entity_of(&r, "Fed Boards").key, "org:federal-reserve");
    assert!(
        !r.mentions.iter().any(|m| m.text.contains("Texas")),
        "{:?}",
        keys(&r)
    );
}

#[test]
fn a_states_court_is_keyed_by_its_state_as_its_ministries_are() {
    // One key for the court named bare and with its country, and none
    // shared with another state's court of that name.
    let r = resolve_on(
        "The Supreme Court overruled the White House on Monday. She said the \
         decision by the US Supreme Court was a victory.",
        Some("2005-02-15"),
    );
    let court = entity_of(&r, "Supreme Court");
    assert_eq!(court.key, "org:usa-supreme-court", "{:?}", keys(&r));
    assert_eq!(entity_of(&r, "US Supreme Court").key, court.key);
}

#[test]
fn a_leaders_relative_the_story_never_names_him_with_is_of_his_country() {
    let text = "Cherie Blair praised the Supreme Court for overruling the White House. \
                The Tories and the US State Department said the prime minister's wife \
                spoke in the US.";
    let r = resolve_on(text, Some("2005-02-15"));
    assert_eq!(
        entity_of(&r, "Cherie Blair").country.as_deref(),
        Some("GBR")
    );
    // Not before the namesake held office.
    let r = resolve_on(text, Some("1987-02-15"));
    assert_ne!(
        entity_of(&r, "Cherie Blair").country.as_deref(),
        Some("GBR")
    );
    // Nor in a story of no one's family.
    let r = resolve_on(
        "Company president Klaus Jacobs said profit rose. Hermann Pohl of \
         Jacobs Suchard in Zurich, Switzerland, and an analyst in Frankfurt, \
         West Germany, agreed.",
        Some("1987-03-12"),
    );
    assert_ne!(
        entity_of(&r, "Hermann Pohl").country.as_deref(),
        Some("DEU")
    );
}

#[test]
fn brussels_before_maastricht_is_the_community() {
    let r = resolve_on(
        "The European Community proposed a tax on oils. Washington warned that \
         relations with Brussels would suffer.",
        Some("1987-03-16"),
    );
    assert_eq!(
        entity_of(&r, "Brussels").key,
        entity_of(&r, "European Community").key
    );
}

#[test]
fn a_capital_acting_or_acted_on_is_its_state_and_a_venue_stays_a_city() {
    let r = resolve_on(
        "Poland blamed Washington for obstructing talks. Its bankers met in Warsaw. \
         The EU's move was welcomed by Beijing, and the Tokyo government agreed.",
        Some("2005-01-13"),
    );
    let of = |text: &str| {
        r.mentions
            .iter()
            .filter(|m| m.text == text)
            .map(|m| r.entities[m.entity].key.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(of("Washington"), ["country:USA"]);
    assert_eq!(of("Beijing"), ["country:CHN"]);
    assert_eq!(of("Tokyo"), ["country:JPN"]);
    assert_eq!(of("Warsaw"), ["place:warsaw-pol"]);
    // A firm based in a capital is not the state's, even after "by".
    let r = resolve_on(
        "A report by Washington-based Human Rights Watch said talks were held in Washington.",
        None,
    );
    assert!(
        r.mentions
            .iter()
            .filter(|m| m.text == "Washington")
            .all(|m| r.entities[m.entity].key.starts_with("place:")),
        "{:?}",
        keys(&r)
    );
}

#[test]
fn a_company_by_the_first_words_of_its_name_is_that_company() {
    let r = resolve_on(
        "Pittston Co said it agreed to acquire WTC International N.V. in a stock swap. \
         Pittston said WTC's shareholders back the deal.",
        None,
    );
    assert_eq!(
        entity_of(&r, "Pittston").key,
        "org:pittston",
        "{:?}",
        keys(&r)
    );
    assert_eq!(
        entity_of(&r, "WTC").key,
        entity_of(&r, "WTC International N.V.").key
    );
    // A city is not the firm named after it.
    let r2 = resolve_on(
        "Houston Industries Inc said its plant in Houston would close.",
        None,
    );
    assert!(
        entity_of(&r2, "Houston").key.starts_with("place:"),
        "{:?}",
        keys(&r2)
    );
    // Nor by the first words before what it makes ("Ford" after "Ford
    // Motor Co"), when no other firm begins so.
    let r = resolve_on(
        "Ford Motor Co said it would recall cars. Ford said the fault was minor.",
        None,
    );
    assert_eq!(
        entity_of(&r, "Ford").key,
        entity_of(&r, "Ford Motor Co").key,
        "{:?}",
        keys(&r)
    );
    let r = resolve_on(
        "Hughes Tool Co and Hughes Aircraft Co said they would merge. Hughes said it was pleased.",
        None,
    );
    assert_eq!(entity_of(&r, "Hughes").key, "org:hughes", "{:?}", keys(&r));
    // Two firms begin so: neither is meant.
    let r = resolve_on(
        "Boeing Co and Boeing Holdings Inc said they merged. Boeing said it was pleased.",
        None,
    );
    assert!(
        r.mentions
            .iter()
            .filter(|m| m.text == "Boeing")
            .all(|m| r.entities[m.entity].key == "org:boeing"),
        "{:?}",
        keys(&r)
    );
}

#[test]
fn a_non_governmental_organisation_of_the_dictionary_is_one() {
    let r = resolve_on(
        "Friends of the Earth said the British plan would fail, and Doctors Without Borders agreed.",
        Some("2005-02-15"),
    );
    let foe = entity_of(&r, "Friends of the Earth");
    assert_eq!(
        (foe.kind, foe.sector.as_deref()),
        (NerKind::Org, Some("NGO"))
    );
    assert_eq!(foe.country, None);
    assert_eq!(foe.code.as_deref(), Some("NGOENV"));
}

#[test]
fn a_datelined_storys_unplaced_people_are_of_the_datelines_country() {
    // Egypt and Russia are named as often: the dateline decides.
    let r = resolve_on(
        "CAIRO, March 16 - Egypt and the Soviet Union will sign a debt agreement in Moscow. \
         The economist Youssri Mustapha leaves on Tuesday.",
        Some("1987-03-16"),
    );
    assert_eq!(
        entity_of(&r, "Youssri Mustapha").country.as_deref(),
        Some("EGY"),
        "{:?}",
        keys(&r)
    );
    // A country opening the text is no dateline, even before a comma.
    let r = resolve_on(
        "Egypt, the Soviet Union and their banks will sign a debt agreement in Moscow. \
         Talks were held in Cairo. The economist Youssri Mustapha leaves on Tuesday.",
        Some("1987-03-16"),
    );
    assert_eq!(entity_of(&r, "Youssri Mustapha").country, None);
}

#[test]
fn a_region_named_for_a_firm_in_a_story_that_never_names_its_country_is_the_firm() {
    let r = resolve_on(
        "USAir Group Inc said Piedmont Aviation Inc has agreed to be acquired. \
         Approval by the U.S. Department of Transportation is needed. \
         Piedmont said its board backed the offer. \
         The Transportation Department on Friday rejected a rival bid.",
        Some("1987-03-09"),
    );
    let piedmont = entity_of(&r, "Piedmont");
    assert_eq!(piedmont.key, "org:piedmont-aviation", "{:?}", keys(&r));
    assert_eq!(piedmont.country.as_deref(), Some("USA"));
    // The department named without its country is the one named with it.
    assert_eq!(
        entity_of(&r, "Transportation Department").key,
        entity_of(&r, "U.S. Department of Transportation").key
    );
    // A region in a story naming its country stays the region.
    let r = resolve_on(
        "Italy said floods hit Piedmont, where Fiat Piedmont Works Inc has a plant.",
        None,
    );
    assert!(
        entity_of(&r, "Piedmont").key.starts_with("place:"),
        "{:?}",
        keys(&r)
    );
}

#[test]
fn a_ministry_is_its_possessors_and_a_datelined_state_body_the_datelines() {
    // No one's surname is "Defence" ("American secretary of defence").
    let r = resolve_on(
        "BAGHDAD, March 11 - The head of the political department at Iraq's Defence \
         Ministry said fighting was continuing.",
        Some("1987-03-11"),
    );
    assert_eq!(
        entity_of(&r, "Defence Ministry").country.as_deref(),
        Some("IRQ"),
        "{:?}",
        keys(&r)
    );
    let r = resolve_on(
        "WASHINGTON, March 6 - The Justice Department told the Transportation Department \
         it backed a request by USAir Group.",
        Some("1987-03-06"),
    );
    assert_eq!(
        entity_of(&r, "Transportation Department")
            .country
            .as_deref(),
        Some("USA"),
        "{:?}",
        keys(&r)
    );
}

#[test]
fn a_word_wire_copy_capitalises_after_a_country_is_not_part_of_a_name() {
    let r = resolve_on(
        "WARSAW, March 5 - Poland says U.S. Sanctions have cost its economy dearly. \
         The sanctions were lifted two weeks ago, and trade with the U.S. And Japan \
         should grow.",
        Some("1987-03-05"),
    );
    assert!(
        !r.mentions.iter().any(|m| m.text.starts_with("U.S. ")),
        "{:?}",
        r.mentions.iter().map(|m| &m.text).collect::<Vec<_>>()
    );
    assert_eq!(entity_of(&r, "U.S.").key, "country:USA");
    // Two sentences, not three: "U.S. And Japan" does not end one.
    let doc = analyze(
        "The sanctions were lifted two weeks ago, and trade with the U.S. And Japan should grow. \
         Poland said so.",
    );
    assert_eq!(doc.sentences.len(), 2);
}

#[test]
fn a_name_an_organisation_leads_is_its_body_or_its_own() {
    let r = resolve_on(
        "GENEVA, March 11 - The GATT Council met on Wednesday. Brazil said the \
         EC Executive Commission broke the U.N. Charter.",
        Some("1987-03-11"),
    );
    let council = entity_of(&r, "GATT Council");
    assert_eq!(council.country, None, "{:?}", keys(&r));
    assert_eq!(council.sector.as_deref(), Some("IGO"));
    assert_eq!(
        council.code,
        organisations::international(&Gazetteer::bundled().expect("gazetteer"), "GATT")
            .and_then(|g| g.code)
    );
    assert_eq!(
        entity_of(&r, "EC Executive Commission").key,
        "org:european-commission"
    );
    assert_eq!(entity_of(&r, "U.N. Charter").key, "org:united-nations");
}

#[test]
fn a_name_the_tagger_cut_or_a_panel_named_for_its_chair_is_whole() {
    let r = resolve_on(
        "Mr Straw said the work was in line with the Foreign and Commonwealth Office's \
         priorities. The Foreign Office has 6,100 staff.",
        Some("2004-12-15"),
    );
    assert_eq!(
        entity_of(&r, "Foreign Office").key,
        r.mentions
            .iter()
            .find(|m| m.text.ends_with("Commonwealth Office"))
            .map(|m| r.entities[m.entity].key.clone())
            .unwrap_or_default(),
        "{:?}",
        keys(&r)
    );
    let r = resolve_on(
        "WASHINGTON, March 2 - The Tower commission report was damaging. Reagan endorsed the \
         Tower commission's recommendations.",
        Some("1987-03-02"),
    );
    let panel = entity_of(&r, "Tower commission");
    assert_eq!(
        (panel.kind, panel.sector.as_deref()),
        (NerKind::Org, Some("GOV")),
        "{:?}",
        keys(&r)
    );
    // A bay the gazetteer lacks is the place it is named after.
    let r = resolve_on(
        "Detainees at Guantanamo Bay in Cuba were released. Guantanamo holds others.",
        Some("2005-01-11"),
    );
    assert_eq!(
        entity_of(&r, "Guantanamo Bay").key,
        entity_of(&r, "Guantanamo").key,
        "{:?}",
        keys(&r)
    );
}

#[test]
fn a_party_taken_for_a_persons_name_still_affiliates() {
    for text in [
        "Charles Haughey, leader of the Irish party Fianna Fail, said he will seek advice.",
        "Fianna Fail leader Charles Haughey said he will seek advice.",
    ] {
        let r = resolve_on(text, Some("1987-03-05"));
        let haughey = entity_of(&r, "Charles Haughey");
        assert_eq!(
            (haughey.country.as_deref(), haughey.sector.as_deref()),
            (Some("IRL"), Some("OPP")),
            "{text}"
        );
    }
}

#[test]
fn a_party_of_a_name_shared_across_countries_is_the_possessors() {
    let r = resolve_on(
        "STOCKHOLM, March 2 - Sweden's ruling Social Democratic Party backed the plan.",
        Some("1987-03-02"),
    );
    assert_eq!(
        entity_of(&r, "Social Democratic Party").country.as_deref(),
        Some("SWE"),
        "{:?}",
        keys(&r)
    );
}

#[test]
fn a_country_named_as_a_state_is_the_state() {
    let r = resolve_on(
        "U.S. Rep. Newt Gingrich, a Georgia Republican, met employees in Atlanta.",
        Some("1987-03-16"),
    );
    assert_eq!(
        entity_of(&r, "Georgia").country.as_deref(),
        Some("USA"),
        "{:?}",
        keys(&r)
    );
    // Taiwan in a story naming China stays Taiwan.
    let r = resolve_on("China said Taiwan must not buy the weapons.", None);
    assert_eq!(entity_of(&r, "Taiwan").key, "country:TWN", "{:?}", keys(&r));
}

#[test]
fn the_head_of_a_central_bank_is_the_states() {
    let r = resolve_on(
        "Polish National Bank head Wladyslaw Baka made it clear that Poland wanted a lead.",
        Some("1987-03-05"),
    );
    let baka = entity_of(&r, "Wladyslaw Baka");
    assert_eq!(
        (baka.country.as_deref(), baka.sector.as_deref()),
        (Some("POL"), Some("GOV"))
    );
}

#[test]
fn a_deputy_is_of_the_office_named_after_it() {
    let r = resolve_on(
        "Deputy foreign trade minister Janusz Kaczurba recognised this fact recently.",
        Some("1987-03-05"),
    );
    assert_eq!(
        entity_of(&r, "Janusz Kaczurba").sector.as_deref(),
        Some("GOV")
    );
}

#[test]
fn an_ordinal_before_a_title_keeps_the_country_before_it() {
    let r = resolve_on(
        "PARIS, March 11 - Soviet first deputy prime minister Vsevolod Murakhovsky said his \
         country wanted to boost joint business with France.",
        Some("1987-03-11"),
    );
    let murakhovsky = entity_of(&r, "Vsevolod Murakhovsky");
    assert_eq!(murakhovsky.country.as_deref(), Some("RUS"));
    assert_eq!(murakhovsky.sector.as_deref(), Some("GOV"));
}

#[test]
fn someone_whose_every_office_had_ended_is_a_former_office_holder() {
    // The dictionary has William J. Casey at the CIA until 29 January 1987.
    let r = resolve_on(
        "William Casey was asked about the arms sales.",
        Some("1987-03-02"),
    );
    assert_eq!(
        entity_of(&r, "William Casey").sector.as_deref(),
        Some("ELI")
    );
    let r = resolve_on(
        "William Casey was asked about the arms sales.",
        Some("1986-03-02"),
    );
    assert_eq!(
        entity_of(&r, "William Casey").sector.as_deref(),
        Some("SPY")
    );
}

#[test]
fn a_campaign_group_the_text_names_is_an_ngo_of_its_country() {
    let r = resolve_on(
        "Civil rights group Liberty said Britain must free the men. The lobby group Guantanamo \
         Human Rights Commission agreed, as did the Foreign Policy Centre think tank in London.",
        Some("2005-01-11"),
    );
    for name in [
        "Liberty",
        "Guantanamo Human Rights Commission",
        "Foreign Policy Centre",
    ] {
        let e = entity_of(&r, name);
        assert_eq!(e.sector.as_deref(), Some("NGO"), "{name}");
        assert_ne!(e.country.as_deref(), Some("CUB"), "{name}");
    }
    // One known by name acts across borders.
    let r = resolve_on(
        "The charity Oxfam said Britain must act.",
        Some("2005-01-11"),
    );
    assert_eq!(entity_of(&r, "Oxfam").country, None);
}

#[test]
fn the_queen_in_a_british_story_is_its_head_of_state() {
    let r = resolve_on(
        "In Britain, the Queen and Prince Philip will lead the nation's commemoration at a \
         service in Westminster Hall, London. The Queen will also host a reception.",
        Some("2005-02-15"),
    );
    let queen = entity_of(&r, "Queen");
    assert_eq!(
        (
            queen.kind,
            queen.key.as_str(),
            queen.country.as_deref(),
            queen.sector.as_deref()
        ),
        (
            NerKind::Person,
            "person:elizabeth-ii",
            Some("GBR"),
            Some("GOV")
        )
    );
}

#[test]
fn a_titled_surname_is_the_namesake_then_in_office_for_a_country_named() {
    // The dictionary knows a British and an American Blair.
    let r = resolve_on(
        "Campaigners said Mr Blair must push Britain to cancel debts.",
        Some("2005-01-26"),
    );
    let blair = entity_of(&r, "Blair");
    assert_eq!(blair.country.as_deref(), Some("GBR"));
    assert_eq!(blair.sector.as_deref(), Some("GOV"));
    // Keyed as that namesake, as if named in full.
    assert_eq!(blair.key, "person:tony-blair");
    // One person the dictionary lists under several names is still one.
    let r = resolve_on(
        "Mr Brown said Britain could afford the pledge.",
        Some("2005-02-15"),
    );
    let brown = entity_of(&r, "Brown");
    assert_eq!(
        (brown.key.as_str(), brown.sector.as_deref()),
        ("person:gordon-brown", Some("GOV"))
    );
    // Or whose bodies it names, after "Mr".
    let r = resolve_on(
        "The Home Office said 32% thought Mr Blair was a good prime minister.",
        Some("2005-02-15"),
    );
    assert_eq!(entity_of(&r, "Blair").key, "person:tony-blair");
    // Without a title, a surname is no one's in particular.
    let r = resolve_on(
        "Merrill Lynch, Pierce, Fenner and Smith said Britain would sign.",
        Some("1987-03-11"),
    );
    assert!(
        r.entities
            .iter()
            .all(|e| e.sector.as_deref() != Some("VGB")),
        "{:?}",
        r.entities
    );
}

#[test]
fn the_last_words_of_a_name_are_the_organisation_named_in_full() {
    let r = resolve_on(
        "Mr Brown welcomed news that the Bill Gates Foundation and Norway are joining up. \
         Britain, France and the Gates Foundation have drawn up proposals. The House Ways and \
         Means Committee met. Jim Wright asked the Ways and Means Committee to act.",
        Some("2005-01-26"),
    );
    let foundation = entity_of(&r, "Bill Gates Foundation");
    assert_eq!(entity_of(&r, "Gates Foundation").key, foundation.key);
    // A national NGO's dictionary code names its country.
    assert_eq!(foundation.country.as_deref(), Some("USA"));
    assert_eq!(
        entity_of(&r, "Ways and Means Committee").key,
        entity_of(&r, "House Ways and Means Committee").key
    );
    // The United States' council is not the UN's.
    let r = resolve_on(
        "Kurt Campbell, the top Asia expert on the National Security Council, said so.",
        Some("2023-06-18"),
    );
    assert_ne!(
        entity_of(&r, "National Security Council").sector.as_deref(),
        Some("IGO")
    );
}

#[test]
fn a_surname_in_a_capitals_headline_is_the_person_named_in_full() {
    let r = resolve_on(
        "DINGELL URGES SEC TO SEEK MORE DISCLOSURE\n\nWASHINGTON, March 4 - Rep. John Dingell \
         said the Securities and Exchange Commission should require more disclosure.",
        Some("1987-03-04"),
    );
    let dingell = entity_of(&r, "John Dingell");
    assert_eq!(entity_of(&r, "DINGELL").key, dingell.key);
    // "Rep." is a representative's title.
    assert_eq!(dingell.sector.as_deref(), Some("LEG"));
}

#[test]
fn peers_legislate_and_schools_teach() {
    let r = resolve_on(
        "Former cabinet colleague Lord Hattersley said it was sad. Conservative peer Lord \
         Heseltine said they became friends. He was educated at Portsmouth Northern Secondary \
         School.",
        Some("2005-03-26"),
    );
    assert_eq!(entity_of(&r, "Hattersley").sector.as_deref(), Some("LEG"));
    // The party comes first.
    assert_eq!(entity_of(&r, "Heseltine").sector.as_deref(), Some("OPP"));
    assert_eq!(
        entity_of(&r, "Portsmouth Northern Secondary School")
            .sector
            .as_deref(),
        Some("EDU")
    );
}

#[test]
fn a_surname_one_letter_off_is_the_person_named_in_full_unless_someone_known() {
    let r = resolve_on(
        "U.S. Secretary of State George Shultz is likely to visit Moscow soon. Schultz is \
         currently visiting Peking. Donald Regan said Reagan would decide.",
        Some("1987-03-02"),
    );
    assert_eq!(
        entity_of(&r, "Schultz").key,
        entity_of(&r, "George Shultz").key
    );
    assert_ne!(
        entity_of(&r, "Reagan").key,
        entity_of(&r, "Donald Regan").key
    );
}

#[test]
fn the_head_of_a_public_body_written_in_lowercase_is_of_its_sector() {
    let r = resolve_on(
        "Regan leaked a story that Beryl Sprinkel, chairman of the council of economic \
         advisers, had been chosen to replace Volcker.",
        Some("1987-03-02"),
    );
    assert_eq!(
        entity_of(&r, "Beryl Sprinkel").sector.as_deref(),
        Some("GOV")
    );
    // A company's chairman stays in business.
    let r = resolve_on(
        "Lee Iacocca, chairman of the company, said sales rose.",
        Some("1987-03-02"),
    );
    assert_eq!(entity_of(&r, "Lee Iacocca").sector.as_deref(), Some("BUS"));
}

#[test]
fn a_partys_mp_sits_in_the_legislature() {
    let r = resolve_on(
        "Moazzam Begg's Labour MP Roger Godsiff welcomed his release.",
        Some("2005-01-26"),
    );
    assert_eq!(
        entity_of(&r, "Roger Godsiff").sector.as_deref(),
        Some("LEG")
    );
}

#[test]
fn a_titled_lone_name_the_dictionary_knows_is_no_untitled_namesake() {
    let r = resolve_on(
        "WASHINGTON, March 4 - President Reagan will visit Rome in June, the White House said. \
         The announcement said Reagan and Nancy Reagan would be in Rome from June 3 to 6.",
        Some("1987-03-04"),
    );
    let nancy = entity_of(&r, "Nancy Reagan");
    assert!(
        r.mentions
            .iter()
            .filter(|m| m.text == "Reagan")
            .all(|m| r.entities[m.entity].key != nancy.key),
        "{:?}",
        keys(&r)
    );
    // An untitled full name before it is the same person still.
    let r = resolve_on(
        "James Baker met Japanese officials. Treasury Secretary Baker said talks went well.",
        Some("1987-03-04"),
    );
    assert_eq!(entity_of(&r, "Baker").key, "person:james-baker");
}

#[test]
fn un_agencies_courts_and_british_bodies_by_name() {
    let r = resolve_on(
        "But the UN refugees agency is worried the policy sends the wrong message. \
         The Law Lords ruled that detention without trial breached the European Court of \
         Human Rights' standards, the Inland Revenue said.",
        Some("2005-01-24"),
    );
    let agency = entity_of(&r, "UN refugees agency");
    assert_eq!(agency.code.as_deref(), Some("IGOUNOREFHCR"));
    assert_eq!(agency.country, None);
    let lords = entity_of(&r, "Law Lords");
    assert_eq!(
        (lords.country.as_deref(), lords.sector.as_deref()),
        (Some("GBR"), Some("JUD"))
    );
    let court = entity_of(&r, "European Court of Human Rights");
    assert_eq!(court.code.as_deref(), Some("IGOEURCOE"));
    let revenue = entity_of(&r, "Inland Revenue");
    assert_eq!(
        (revenue.kind, revenue.sector.as_deref()),
        (NerKind::Org, Some("GOV"))
    );
}

#[test]
fn armed_groups_have_their_country_or_none_and_their_code() {
    let r = resolve_on(
        "The Contras attacked a village, Managua said. In London, ministers said \
         the IRA must disarm. Hamas and Hezbollah denied the report. \
         Osama Bin Laden was not named.",
        Some("2005-01-24"),
    );
    let contras = entity_of(&r, "Contras");
    assert_eq!(
        (contras.country.as_deref(), contras.sector.as_deref()),
        (Some("NIC"), Some("REB"))
    );
    assert_eq!(contras.actor_code(), "NICREB");
    // The dictionary codes the IRA for its region (western Europe), no
    // country.
    let ira = entity_of(&r, "IRA");
    assert_eq!(
        (
            ira.key.as_str(),
            ira.country.as_deref(),
            ira.sector.as_deref()
        ),
        ("org:irish-republican-army", None, Some("REB"))
    );
    assert_eq!(ira.actor_code(), "WEUREB");
    assert_eq!(entity_of(&r, "Hamas").actor_code(), "PSEREBHMS");
    assert_eq!(entity_of(&r, "Hezbollah").country.as_deref(), Some("LBN"));
    let laden = entity_of(&r, "Osama Bin Laden");
    assert_eq!(
        (laden.country.as_deref(), laden.sector.as_deref()),
        (None, Some("IMG"))
    );
    assert_eq!(laden.actor_code(), "IMGMUSALQ");
}

#[test]
fn everyday_names_and_short_acronyms_are_no_armed_groups() {
    let r = resolve_on(
        "The EPA and the PLA said on Black Friday that the Foundation would give \
         Paradise Hills a park.",
        Some("2005-01-24"),
    );
    for entity in &r.entities {
        assert!(
            !matches!(entity.sector.as_deref(), Some("REB" | "IMG")),
            "{entity:?}"
        );
    }
}

#[test]
fn demonyms_of_smaller_states_and_british_departments() {
    let r = resolve_on(
        "Nicaraguan troops and Bolivian officials met Zimbabweans and Albanian children. \
         Albanian families were sent back, the Home Office said. Albanian groups protested.",
        Some("2005-01-24"),
    );
    for (mention, country) in [
        ("Nicaraguan", "NIC"),
        ("Bolivian", "BOL"),
        ("Zimbabweans", "ZWE"),
        ("Albanian", "ALB"),
        // A department of the British government, whatever people the
        // story is about.
        ("Home Office", "GBR"),
    ] {
        assert_eq!(
            entity_of(&r, mention).country.as_deref(),
            Some(country),
            "{mention}"
        );
    }
}

#[test]
fn a_bare_direction_is_no_subdivision() {
    let r = resolve_on(
        "Relations between East and West improved, Western Union Corp said. \
         Central Bank and Trust Co also reported.",
        Some("1987-03-02"),
    );
    assert_no_country_among(&r, &["CMR", "ZMB", "GHA", "FJI"]);
}

#[test]
fn a_smaller_states_subdivision_needs_the_state_named() {
    let r = resolve_on(
        "Long Island Lighting Co and Bethlehem Steel Corp said Gulf Resources and \
         Chemical Corp would sell its plant in Santa Barbara.",
        Some("1987-03-02"),
    );
    assert_no_country_among(&r, &["BHS", "PSE", "PNG", "HND"]);
    // Nor does its name in an appositive give its state: "GAO" is Mali's
    // Gao in capitals.
    let r = resolve_on(
        "WASHINGTON, March 11 - The Farmers Home Administration could lose seven billion \
         dlrs, the General Accounting Office, GAO, said.",
        Some("1987-03-11"),
    );
    assert_eq!(
        entity_of(&r, "General Accounting Office")
            .country
            .as_deref(),
        Some("USA")
    );
    // Named with its state, the region is the state's.
    let r = resolve_on(
        "Honduras said troops were sent to Santa Barbara on Monday.",
        Some("1987-03-02"),
    );
    assert_eq!(
        entity_of(&r, "Santa Barbara").country.as_deref(),
        Some("HND")
    );
}

#[test]
fn georgia_before_1991_is_the_us_state() {
    let r = resolve_on(
        "Southern Co said its plant in Georgia would open.",
        Some("1987-03-02"),
    );
    assert_eq!(entity_of(&r, "Georgia").key, "place:georgia-usa");
    let r = resolve_on(
        "Russia accused Georgia of provocations.",
        Some("2005-01-24"),
    );
    assert_eq!(entity_of(&r, "Georgia").key, "country:GEO");
}

#[test]
fn a_lone_name_is_a_small_states_official_only_where_the_story_names_it() {
    let r = resolve_on(
        "Bankers said Mr Warner would close the deal on Monday. Mrs Thatcher told \
         parliament she would not.",
        Some("1987-03-02"),
    );
    assert_eq!(entity_of(&r, "Warner").country, None);
    assert_eq!(entity_of(&r, "Thatcher").country.as_deref(), Some("GBR"));
    let r = resolve_on(
        "Trinidad and Tobago's minister Warner said the deal would close.",
        Some("2011-03-02"),
    );
    assert_eq!(entity_of(&r, "Warner").country.as_deref(), Some("TTO"));
}

#[test]
fn a_lowercase_portfolio_leads_back_to_the_demonym() {
    let r = resolve_on(
        "Indonesian oil minister Subroto said today that OPEC production was below the quota.",
        Some("1987-03-03"),
    );
    let subroto = entity_of(&r, "Subroto");
    assert_eq!(
        (subroto.country.as_deref(), subroto.sector.as_deref()),
        (Some("IDN"), Some("GOV"))
    );
}

#[test]
fn a_committee_chairman_legislates_unless_the_committee_is_a_firms() {
    let r = resolve_on(
        "The group, led by committee chairman Patrick Leahy, a Vermont Democrat, urged \
         Reagan to act. Options committee chairman Geoffrey Chamberlain said volume grew.",
        Some("1987-03-05"),
    );
    assert_eq!(
        entity_of(&r, "Patrick Leahy").sector.as_deref(),
        Some("LEG")
    );
    assert_ne!(
        entity_of(&r, "Geoffrey Chamberlain").sector.as_deref(),
        Some("LEG")
    );
}

#[test]
fn a_minister_of_no_stated_country_is_of_the_state_named_before_him() {
    let r = resolve_on(
        "NEW YORK, March 12 - Debt talks between the Philippine government and its bank \
         advisory committee went on in New York, U.S. bankers said. The talks, in which the \
         Philippines is seeking to reschedule debt, are now dominated by the proposal made by \
         finance minister Jaime Ongpin. Ongpin met U.S. bankers and New York lawyers.",
        Some("1987-03-12"),
    );
    assert_eq!(
        entity_of(&r, "Jaime Ongpin").country.as_deref(),
        Some("PHL")
    );
    // Not a state named after him, where the region he speaks of lies.
    let r = resolve_on(
        "BOGOTA, March 12 - Rebel raids endanger Colombia's oil bonanza, officials said. He \
         spoke after a meeting with Defense Minister Rafael Samudio on attacks in the Arauca \
         region, bordering Venezuela. Samudio said new plans had been designed for Colombia.",
        Some("1987-03-12"),
    );
    assert_eq!(
        entity_of(&r, "Rafael Samudio").country.as_deref(),
        Some("COL")
    );
}

#[test]
fn a_central_bank_named_by_no_country_is_the_datelines() {
    let r = resolve_on(
        "VIENNA, March 11 - The National Bank said Austria's growth slowed. Brazilian and \
         Brazilian officials met in Brazil to discuss Brazil's debt.",
        Some("1987-03-11"),
    );
    let bank = entity_of(&r, "National Bank");
    assert_eq!(bank.country.as_deref(), Some("AUT"), "{bank:?}");
    assert_eq!(bank.sector.as_deref(), Some("GOV"));
    assert_eq!(bank.key, "org:aut-national-bank");
}

#[test]
fn a_name_right_after_a_persons_title_is_a_person_whatever_the_tag() {
    // The tagger takes "Lawton Chiles" here for an organisation.
    let r = resolve_on(
        "The request for White House cooperation was made yesterday by Senate Budget Committee \
         chairman Lawton Chiles at a meeting with Baker, the source said. Chiles later clashed \
         with the Senate.",
        Some("1987-03-12"),
    );
    let chiles = entity_of(&r, "Lawton Chiles");
    assert_eq!(chiles.kind, NerKind::Person, "{chiles:?}");
    assert_eq!(chiles.key, entity_of(&r, "Chiles").key);
}

#[test]
fn a_datelines_state_abbreviation_is_that_state_and_places_the_story() {
    let r = resolve_on(
        "SAN JOSE, Calif., March 2 - Apple Computer Inc said it would hire. \
         Officials in N.J. and ILL. agreed.",
        Some("1987-03-02"),
    );
    let state = entity_of(&r, "Calif");
    assert_eq!(state.key, "place:california-usa");
    assert_eq!(state.country.as_deref(), Some("USA"));
    assert_eq!(entity_of(&r, "N.J.").key, "place:new-jersey-usa");
    assert_eq!(
        entity_of(&r, "Apple Computer Inc").country.as_deref(),
        Some("USA")
    );
}

#[test]
fn a_department_named_by_its_charge_is_that_department() {
    let r = resolve_on(
        "WASHINGTON, March 2 - The Commerce Department said imports rose. \
         Commerce's ruling on Monday will reset the duties.",
        Some("1987-03-02"),
    );
    assert_eq!(
        entity_of(&r, "Commerce").key,
        entity_of(&r, "Commerce Department").key
    );
    // A cabinet secretary's title names the department, named or not.
    let r = resolve_on(
        "WASHINGTON, March 2 - An aide to Agriculture Secretary Richard Lyng said the \
         Agriculture Department agreed.",
        Some("1987-03-02"),
    );
    let department = entity_of(&r, "Agriculture");
    assert_eq!(department.key, "org:usa-agriculture-department");
    assert_eq!(department.sector.as_deref(), Some("GOV"));
}

#[test]
fn chambers_and_the_cabinet_taken_for_places_are_bodies() {
    let r = resolve_on(
        "The bill passed the Commons and the Lords on Tuesday. \
         The Cabinet met in London to discuss it.",
        Some("2005-02-15"),
    );
    for (mention, key) in [
        ("Commons", "org:house-of-commons"),
        ("Lords", "org:house-of-lords"),
    ] {
        let chamber = entity_of(&r, mention);
        assert_eq!(chamber.key, key);
        assert_eq!(chamber.sector.as_deref(), Some("LEG"));
    }
    // A place called so stays one.
    assert_eq!(entity_of(&r, "London").kind, NerKind::Loc);
}

#[test]
fn a_town_the_gazetteer_lacks_is_in_the_state_or_country_named_after_it() {
    let r = resolve_on(
        "OAK BROOK, Ill., Feb 26 - Waste Management Inc said it would buy a plant \
         in Zeebrugge, Belgium, from a Belgian firm.",
        Some("1987-03-02"),
    );
    let town = entity_of(&r, "OAK BROOK");
    assert_eq!(town.key, "place:oak-brook-usa");
    assert_eq!(town.country.as_deref(), Some("USA"));
    assert_eq!(entity_of(&r, "Zeebrugge").country.as_deref(), Some("BEL"));
    // A list of places, or an apposition, says nothing of where one is.
    let r = resolve_on(
        "Talks with Silesia, Hungary and Poland went on. \
         A spokesman for Unison, Britain's biggest union, said so.",
        Some("2005-02-15"),
    );
    assert_eq!(entity_of(&r, "Silesia").country, None);
}

#[test]
fn commodity_and_regional_organisations_are_international_and_firms_named_like_them_are_not() {
    let r = resolve_on(
        "LONDON, March 2 - The International Coffee Organization failed to agree quotas. \
         ICO delegates left. ICO Inc said its shares rose.",
        Some("1987-03-02"),
    );
    let ico = entity_of(&r, "International Coffee Organization");
    assert_eq!(ico.sector.as_deref(), Some("IGO"));
    assert_eq!(ico.country, None);
    assert_eq!(entity_of(&r, "ICO").key, ico.key);
    assert_eq!(entity_of(&r, "ICO Inc").sector.as_deref(), Some("BUS"));
    let r = resolve_on(
        "ABU DHABI, March 2 - The Gulf Cooperation Council met. GCC ministers agreed.",
        Some("1987-03-02"),
    );
    let gcc = entity_of(&r, "Gulf Cooperation Council");
    assert_eq!(
        (gcc.country.as_deref(), gcc.sector.as_deref()),
        (None, Some("IGO"))
    );
    assert_eq!(gcc.actor_code(), "IGOPGSGCC");
}

#[test]
fn brokerages_named_after_their_founders_are_firms() {
    let r = resolve_on(
        "NEW YORK, March 2 - Prices rose, said Smith Barney analyst Walter Loeb. \
         Goldman Sachs and Co led the issue.",
        Some("1987-03-02"),
    );
    let firm = entity_of(&r, "Smith Barney");
    assert_eq!(
        (firm.kind, firm.sector.as_deref()),
        (NerKind::Org, Some("BUS"))
    );
    // "and Co" closes the firm's name: no organisation "Co".
    assert!(
        r.mentions.iter().all(|m| m.text != "Co"),
        "{:?}",
        r.mentions
    );
}

#[test]
fn a_body_named_with_the_country_its_name_tells_is_the_body() {
    let r = resolve_on(
        "The US Congress passed the bill. Congress then adjourned. The U.S. Senate \
         Agriculture Committee and the United States House of Representatives met.",
        Some("1987-03-09"),
    );
    for (name, key) in [
        ("US Congress", "org:congress"),
        ("Congress", "org:congress"),
        (
            "U.S. Senate Agriculture Committee",
            "org:senate-agriculture-committee",
        ),
    ] {
        let entity = entity_of(&r, name);
        assert_eq!(entity.key, key, "{name}");
        assert_eq!(entity.country.as_deref(), Some("USA"), "{name}");
        assert_eq!(entity.sector.as_deref(), Some("LEG"), "{name}");
    }
}

#[test]
fn the_government_is_its_states_and_a_region_after_of_gives_the_country() {
    let r = resolve_on(
        "LONDON, March 3 - The Government said it would act. Shell Canada sold \
         its stake to the Government of Alberta. The Bank of Nova Scotia lent.",
        Some("1987-03-03"),
    );
    let government = entity_of(&r, "Government");
    assert_eq!(government.key, "org:gbr-government");
    assert_eq!(government.sector.as_deref(), Some("GOV"));
    assert_eq!(
        entity_of(&r, "Government of Alberta").country.as_deref(),
        Some("CAN")
    );
    assert_eq!(
        entity_of(&r, "Bank of Nova Scotia").country.as_deref(),
        Some("CAN")
    );
}

#[test]
fn a_ministers_counterpart_is_an_official_whatever_the_dictionarys_dates() {
    // The dictionary has Otto Stich in office only in 1994.
    let r = resolve_on(
        "Brazilian Finance Minister Dilson Funaro met his Swiss counterpart Otto Stich.",
        Some("1987-03-04"),
    );
    let stich = entity_of(&r, "Otto Stich");
    assert_eq!(stich.country.as_deref(), Some("CHE"));
    assert_eq!(stich.sector.as_deref(), Some("GOV"));
}
