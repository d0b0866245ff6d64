//! Resolving place names: countries named by a capital that acts
//! ("Washington accused"), cities from GeoNames chosen by population and by
//! the countries and regions the article names, first-order regions, and
//! places without coordinates (seas, regions the gazetteer lacks).

use std::collections::{HashMap, HashSet};

use super::{ResolvedEntity, Spans, country_entity, plain_entity, slug};
use crate::analysis::recognize::{NamedSpan, NerKind};
use crate::gazetteer::{City, Gazetteer};
use crate::lexicon;
use crate::text::{Doc, surface};

/// Countries and first-order regions an article names.
#[derive(Debug, Default)]
pub(super) struct ArticlePlaces {
    /// Countries named, or named through a region of theirs.
    countries: HashSet<String>,
    /// Countries named by name ("Italy", "Italian").
    named: HashSet<String>,
    regions: HashSet<(String, String)>,
    /// Capitals that stand for their state in most of the
    /// article's mentions of them.
    capitals_for_states: HashSet<String>,
}

impl ArticlePlaces {
    /// Does the article name the country `iso3` (not only a region of it)?
    pub(super) fn names_country(&self, iso3: &str) -> bool {
        self.named.contains(iso3)
    }

    /// Could a region's name stand for its country here: the article names
    /// that country, or none at all ("Illinois Environmental Protection
    /// Agency" in a story that never says "United States")?
    pub(super) fn may_mean(&self, iso3: &str) -> bool {
        self.named.is_empty() || self.named.contains(iso3)
    }

    /// Could `region` be meant here: a smaller state's subdivision only
    /// where the article names that state ("Long Island" is no Bahamian
    /// island in a story of the Long Island Lighting Co).
    pub(super) fn may_name_region(&self, region: &crate::gazetteer::Region) -> bool {
        !region.needs_country || self.named.contains(&region.country)
    }

    fn names_country_of(&self, city: &City) -> bool {
        self.countries.contains(&city.country)
    }

    fn names_region_of(&self, city: &City) -> bool {
        self.regions
            .contains(&(city.country.clone(), city.admin1.clone()))
    }
}

/// How likely a same-name place is meant: bigger places are, and places in
/// a country or region the article names much more so ("Vienna" is the
/// Austrian capital unless the article is about Virginia).
fn place_score(city: &City, places: &ArticlePlaces) -> f64 {
    let mut score = (city.population.max(1) as f64).ln();
    if places.names_country_of(city) {
        score += 2.0;
    }
    if places.names_region_of(city) {
        score += 6.0;
    }
    score
}

/// A place is taken to be meant when it is a capital or a big city, when
/// the article names its country or region, or, in an article that names
/// no country at all, when it is not small. So "Bali" is not the
/// Cameroonian town and "Westminster" in a British story not the one in
/// Colorado.
fn plausible_place(city: &City, places: &ArticlePlaces, is_capital: bool) -> bool {
    is_capital
        || city.population >= BIG_CITY
        || (city.population >= SMALL_PLACE && places.countries.is_empty())
        || places.names_country_of(city)
        || places.names_region_of(city)
}

/// Smallest place taken without support from the article.
const SMALL_PLACE: u64 = 100_000;

/// From this size a city is meant without support from the article, and
/// its name means the city before a same-name region.
const BIG_CITY: u64 = 500_000;

impl ArticlePlaces {
    /// The countries and first-order regions named by the article's
    /// non-person spans.
    pub(super) fn collect(gazetteer: &Gazetteer, doc: &Doc, spans: &Spans<'_>) -> Self {
        let mut places = ArticlePlaces::default();
        // Capitals and how often they stand for their state.
        let mut capitals: HashMap<String, (usize, usize)> = HashMap::new();
        for span in spans.all().iter().filter(|s| s.kind != NerKind::Person) {
            let text = surface(&doc.tokens[span.tokens.clone()]);
            if gazetteer.country_of_capital(&text).is_some() {
                let counts = capitals.entry(text).or_default();
                counts.0 += usize::from(acts_for_state(doc, span));
                counts.1 += 1;
            }
        }
        places.capitals_for_states = capitals
            .into_iter()
            .filter(|(_, (acting, all))| acting * 2 > *all)
            .map(|(name, _)| name)
            .collect();
        for span in spans.all().iter().filter(|s| s.kind != NerKind::Person) {
            // "the U.S. Department of Transportation" names the US too.
            let first = &doc.tokens[span.tokens.start].text;
            if let Some(country) = gazetteer
                .country_by_alias(first)
                .or_else(|| gazetteer.country_by_demonym(first))
            {
                places.named.insert(country.iso3.clone());
            }
            if let Some(iso3) = super::country_of_span(gazetteer, doc, span) {
                places.named.insert(iso3.clone());
                places.countries.insert(iso3);
            } else if let Some(region) = gazetteer
                .region(&surface(&doc.tokens[span.tokens.clone()]))
                .filter(|r| !r.country.is_empty())
            {
                places.countries.insert(region.country.clone());
                places
                    .regions
                    .insert((region.country.clone(), region.admin1.clone()));
            }
        }
        places
    }
}

/// A capital used for its state: acting ("Washington accused ..."), "ties
/// with Moscow", "Moscow-backed", "Beijing's decision", "blamed Washington
/// for", "the Bonn government".
pub(super) fn acts_for_state(doc: &Doc, span: &NamedSpan) -> bool {
    let next = doc.tokens.get(span.tokens.end);
    // "Washington-based": where something is, whatever governs it.
    let based = next.is_some_and(|t| t.text == "-")
        && doc
            .tokens
            .get(span.tokens.end + 1)
            .is_some_and(|t| t.lower == "based");
    if based {
        return false;
    }
    let before = span
        .tokens
        .start
        .checked_sub(1)
        .map(|i| doc.tokens[i].lower.as_str());
    next.is_some_and(|next| lexicon::is_actor_verb(&next.lower))
        || matches!(before, Some("with" | "between" | "by" | "against"))
        || (next.is_some_and(|t| t.text == "-")
            && doc
                .tokens
                .get(span.tokens.end + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "backed" | "led")))
        || next.is_some_and(|t| matches!(t.text.as_str(), "'s" | "\u{2019}s"))
        || next.is_some_and(|t| lexicon::STATE_NOUNS.contains(&t.lower.as_str()))
        || before.is_some_and(|b| lexicon::VERBS_ON_ACTORS.contains(&b))
}

/// Former seats of government, the country they stood for, and the last
/// day they were the seat: "Bonn said" in 1987 is West Germany's
/// government.
const FORMER_SEATS: &[(&str, &str, (i32, u32, u32))] = &[
    ("Bonn", "DEU", (1999, 8, 31)),
    ("Rangoon", "MMR", (2005, 11, 6)),
    ("Lagos", "NGA", (1991, 12, 11)),
    ("Peking", "CHN", (9999, 12, 31)),
];

/// The country `name` stood for on `date` as its seat of government.
pub(super) fn former_seat(name: &str, date: Option<chrono::NaiveDate>) -> Option<&'static str> {
    let (_, iso3, (y, m, d)) = FORMER_SEATS.iter().find(|(seat, _, _)| *seat == name)?;
    let until = chrono::NaiveDate::from_ymd_opt(*y, *m, *d)?;
    date.is_some_and(|date| date <= until).then_some(*iso3)
}

/// The CAMEO code of a world region ("Europe" is EUR).
fn region_code(name: &str) -> Option<&'static str> {
    Some(match name {
        "Europe" => "EUR",
        "Africa" => "AFR",
        "Asia" => "ASA",
        "North America" => "NMR",
        "South America" => "SAM",
        "Latin America" => "LAM",
        "Middle East" => "MEA",
        "Caribbean" => "CRB",
        "Eastern Europe" => "EEU",
        "Western Europe" => "WEU",
        "Southeast Asia" | "South East Asia" => "SEA",
        "South Asia" => "SAS",
        "Central Asia" => "CAS",
        "North Africa" => "NAF",
        "West Africa" => "WAF",
        "Balkans" => "BLK",
        _ => return None,
    })
}

/// Whether `text` names a region or subdivision (and no city).
pub(super) fn is_region(gazetteer: &Gazetteer, text: &str) -> bool {
    gazetteer.region(text).is_some() && gazetteer.cities(text).next().is_none()
}

/// The entity a place name (`text`, the span's surface) stands for.
pub(super) fn resolve(
    gazetteer: &Gazetteer,
    doc: &Doc,
    span: &NamedSpan,
    text: &str,
    places: &ArticlePlaces,
) -> ResolvedEntity {
    // A capital standing for its state: here, or in most of the
    // article's mentions of it.
    // "Washington DC", "Washington, D.C.": the city.
    let text = text
        .strip_suffix(" DC")
        .or_else(|| text.strip_suffix(" D.C."))
        .unwrap_or(text);
    // "the Gulf" in the news is the Persian Gulf, a sea of no country (not
    // Papua New Guinea's Gulf province).
    if matches!(text, "Gulf" | "Persian Gulf" | "Arabian Gulf") {
        return plain_entity(
            "place:persian-gulf".to_owned(),
            "Persian Gulf",
            NerKind::Loc,
        );
    }
    let stands = acts_for_state(doc, span) || places.capitals_for_states.contains(text);
    // A small capital only where the article names its country ("Victoria,
    // a lobbyist for disabled rights, denounced" is no Seychelles).
    let known = |country: &crate::gazetteer::Country| {
        places.named.contains(&country.iso3) || gazetteer.is_big_capital(text)
    };
    if stands
        && let Some(country) = gazetteer.country_of_capital(text)
        && known(country)
    {
        return country_entity(gazetteer, &country.iso3.clone());
    }
    // "Strasbourg": the one place of the world so called, if a sizeable
    // one, needs no support from the article; nor does "Geneva", many
    // times the size of any other so called.
    // (`cities` gives the most populous first.)
    let mut sizes = gazetteer.cities(text).map(|c| c.population);
    let (largest, next) = (sizes.next(), sizes.next());
    let dominant = |city: &City| {
        city.population >= SMALL_PLACE
            && largest == Some(city.population)
            && next.is_none_or(|next| city.population >= 5 * next)
    };
    let best = gazetteer
        .cities(text)
        .filter(|city| plausible_place(city, places, gazetteer.is_capital(city)) || dominant(city))
        .map(|city| (place_score(city, places), city))
        .fold(None, |best: Option<(f64, _)>, (score, city)| match best {
            Some((top, _)) if top >= score => best,
            _ => Some((score, city)),
        })
        .map(|(_, city)| city);
    // A region ("Virginia", "Asia") unless a capital or a big
    // city has the name ("Washington", "New York").
    let city_wins = best.is_some_and(|city| {
        city.population >= BIG_CITY || gazetteer.country_of_capital(text).is_some()
    });
    if let Some(region) = gazetteer
        .region(text)
        .filter(|r| !city_wins && places.may_name_region(r))
    {
        let key = if region.country.is_empty() {
            format!("place:{}", slug(&region.name))
        } else {
            format!(
                "place:{}-{}",
                slug(&region.name),
                region.country.to_lowercase()
            )
        };
        let mut entity = plain_entity(key, &region.name, NerKind::Loc);
        entity.country = (!region.country.is_empty()).then(|| region.country.clone());
        entity.geonames_id = region.geonames_id;
        entity.code = region_code(&region.name).map(str::to_owned);
        return entity;
    }
    match best {
        Some(city) => ResolvedEntity {
            key: format!("place:{}-{}", slug(&city.name), city.country.to_lowercase()),
            name: city.name.clone(),
            kind: NerKind::Loc,
            country: Some(city.country.clone()),
            sector: None,
            geo: Some((city.latitude, city.longitude)),
            geonames_id: city.geonames_id,
            mentions: Vec::new(),
            is_country: false,
            code: None,
        },
        // "Guantanamo Bay": a bay the gazetteer lacks is the place it is
        // named after, when that one is known.
        None if text.ends_with(" Bay")
            && let Some(place) = text
                .strip_suffix(" Bay")
                .map(|named| resolve(gazetteer, doc, span, named, places))
                .filter(|place| place.country.is_some()) =>
        {
            place
        }
        // "OAK BROOK, Ill.", "Dakota City, Neb.": a town the gazetteer
        // lacks is in the region or country named right after it.
        None if let Some(iso3) = country_after(gazetteer, doc, span, places) => {
            let mut entity = plain_entity(
                format!("place:{}-{}", slug(text), iso3.to_lowercase()),
                text,
                NerKind::Loc,
            );
            entity.country = Some(iso3);
            entity
        }
        None => {
            // A world region the gazetteer lacks ("Latin America") still
            // has its code.
            let mut entity = plain_entity(format!("place:{}", slug(text)), text, NerKind::Loc);
            entity.code = region_code(text).map(str::to_owned);
            entity
        }
    }
}

/// The country of the region or country named after a place and a comma
/// ("Ill." of "OAK BROOK, Ill., March 2"), unless the names are a list
/// ("Czechoslovakia, Hungary and Poland").
fn country_after(
    gazetteer: &Gazetteer,
    doc: &Doc,
    span: &NamedSpan,
    places: &ArticlePlaces,
) -> Option<String> {
    let tokens = &doc.tokens;
    let comma = span.tokens.end;
    let listed = |at: usize| {
        tokens
            .get(at)
            .is_some_and(|t| matches!(t.lower.as_str(), "," | "and" | "or"))
    };
    if tokens.get(comma)?.text != "," || span.tokens.start.checked_sub(1).is_some_and(listed) {
        return None;
    }
    let (end, iso3) = (comma + 2..=(comma + 3).min(tokens.len()))
        .rev()
        .find_map(|end| {
            let named = &tokens[comma + 1..end];
            let country = gazetteer.country_of(named).map(|c| c.iso3.clone());
            let region = || {
                gazetteer
                    .region(&surface(named))
                    .filter(|r| !r.country.is_empty() && places.may_name_region(r))
                    .map(|r| r.country.clone())
            };
            country.or_else(region).map(|iso3| (end, iso3))
        })?;
    // Not a list: no "and" after, nor another name after a comma (a
    // dateline goes on with its date: "ZEEBRUGGE, Belgium, Feb 6"); nor
    // an apposition ("Unison, Britain's biggest union").
    let next = tokens.get(end);
    let list = next.is_some_and(|t| matches!(t.lower.as_str(), "and" | "or" | "'s" | "\u{2019}s"))
        || (next.is_some_and(|t| t.text == ",")
            && tokens.get(end + 1).is_some_and(|t| {
                // A month, in full or as the wire shortens it ("Feb",
                // "Sept").
                let stem = t.lower.trim_end_matches('.');
                let month = (3..=5).contains(&stem.len())
                    && lexicon::MONTHS.iter().any(|m| m.starts_with(stem));
                t.is_capitalized() && !month && !lexicon::MONTHS.contains(&t.lower.as_str())
            }));
    (!list).then_some(iso3)
}
