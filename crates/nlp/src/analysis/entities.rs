//! From typed spans to entities: one key per real entity within an article
//! and across articles, with country, sector and place coordinates.
//!
//! Keys are human-readable and stable: `person:antony-blinken`,
//! `org:central-intelligence-agency`, `country:USA`, `place:vienna-aut`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::ner::{NamedSpan, NerKind};
use crate::gazetteer::{City, Gazetteer};
use crate::lexicon;
use crate::text::{Doc, surface};

/// One real-world entity of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedEntity {
    pub key: String,
    pub name: String,
    pub kind: NerKind,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub geo: Option<(f64, f64)>,
    pub geonames_id: u64,
    /// Indices into [`Resolution::mentions`].
    pub mentions: Vec<usize>,
    /// A country, as opposed to a person, organisation or city.
    pub is_country: bool,
}

/// One mention, linked to its entity.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedMention {
    pub tokens: Range<usize>,
    pub entity: usize,
    pub start: u32,
    pub end: u32,
    pub text: String,
}

#[derive(Debug, Default, Clone)]
pub struct Resolution {
    pub entities: Vec<ResolvedEntity>,
    /// Sorted by position in the text.
    pub mentions: Vec<ResolvedMention>,
    /// The mention covering each token, if any.
    mention_of_token: Vec<Option<usize>>,
}

impl Resolution {
    /// The mention covering token `index`, if any.
    pub fn mention_at(&self, index: usize) -> Option<usize> {
        self.mention_of_token.get(index).copied().flatten()
    }

    /// Indices of the mentions that start inside the token range `tokens`.
    pub fn mentions_in(&self, tokens: &Range<usize>) -> Range<usize> {
        let first = self
            .mentions
            .partition_point(|m| m.tokens.start < tokens.start);
        let end = self
            .mentions
            .partition_point(|m| m.tokens.start < tokens.end);
        first..end
    }
}

/// Verbs after which a capital city is acting for its country
/// ("Washington accused ...", "Beijing is trying ...").
const ACTOR_VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "had",
    "says",
    "said",
    "accused",
    "accuses",
    "wants",
    "warned",
    "warns",
    "rejected",
    "rejects",
    "denied",
    "denies",
    "announced",
    "claims",
    "claimed",
    "insists",
    "insisted",
    "agreed",
    "responded",
    "urged",
    "demanded",
    "will",
    "would",
    "must",
    "could",
];

/// Countries and first-order regions an article names.
#[derive(Debug, Default)]
struct ArticlePlaces {
    countries: HashSet<String>,
    regions: HashSet<(String, String)>,
}

impl ArticlePlaces {
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

/// Links spans to entities.
pub struct EntityResolver {
    gazetteer: Arc<Gazetteer>,
}

/// Lowercase, letters and digits joined by '-'.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c != '.' && c != '\'' && c != '\u{2019}' {
            dash = true;
        }
    }
    out
}

/// Country and sector read from the words around a mention.
#[derive(Debug, Default, Clone)]
struct Context {
    country: Option<String>,
    sector: Option<String>,
    /// Sector of an organisation named in the title or appositive.
    affiliation: Option<String>,
    /// A person whose possessive heads the title ("*Biden's* national
    /// security adviser, Jake Sullivan"): a token of that person's mention.
    patron: Option<usize>,
}

impl EntityResolver {
    pub fn new(gazetteer: Arc<Gazetteer>) -> Self {
        Self { gazetteer }
    }

    fn country_of_span(&self, doc: &Doc, span: &NamedSpan) -> Option<String> {
        let text = surface(&doc.tokens[span.tokens.clone()]);
        self.gazetteer.country_named(&text).map(|c| c.iso3.clone())
    }

    /// Reads titles, countries and affiliations before the mention (up to
    /// six tokens, through one comma) and in an appositive after it.
    fn context(
        &self,
        doc: &Doc,
        spans: &[NamedSpan],
        span_of_token: &[Option<usize>],
        range: &Range<usize>,
    ) -> Context {
        let mut context = Context::default();
        let sentence = &doc.sentences[doc.sentence_of[range.start]];
        let span_at = |index: usize| span_of_token[index].map(|s| &spans[s]);

        let read = |from: usize, to: usize, context: &mut Context| {
            let words: Vec<&str> = doc.tokens[from..to]
                .iter()
                .map(|t| t.lower.as_str())
                .collect();
            let mut i = 0;
            while i < words.len() {
                if let Some(span) = span_at(from + i) {
                    let country = (span.kind != NerKind::Person)
                        .then(|| self.country_of_span(doc, span))
                        .flatten();
                    match span.kind {
                        _ if country.is_some() => {
                            if context.country.is_none() {
                                context.country = country;
                            }
                        }
                        NerKind::Loc | NerKind::Misc => {}
                        NerKind::Org => {
                            let name = surface(&doc.tokens[span.tokens.clone()]);
                            let sector = lexicon::known_org(&name)
                                .map(|(_, sector)| sector)
                                .or_else(|| org_sector(&name));
                            if let Some(sector) = sector
                                && context.affiliation.is_none()
                            {
                                context.affiliation = Some(sector.to_owned());
                            }
                        }
                        NerKind::Person => {}
                    }
                    i = span.tokens.end - from;
                    continue;
                }
                if let Some((len, sector)) = lexicon::match_role(&words[i..]) {
                    if !sector.is_empty() && context.sector.is_none() {
                        context.sector = Some(sector.to_owned());
                    }
                    i += len;
                    continue;
                }
                i += 1;
            }
        };

        // Before: walk back over titles, modifiers, countries, affiliations.
        let mut from = range.start;
        let mut commas = 0;
        while from > sentence.tokens.start && range.start - from < 7 {
            let token = &doc.tokens[from - 1];
            let in_span = span_at(from - 1).is_some_and(|s| s.kind != NerKind::Person);
            let titled = lexicon::is_title_word(&token.lower);
            if token.text == "," && commas == 0 && from == range.start {
                commas += 1;
                from -= 1;
                continue;
            }
            if in_span || titled {
                from -= 1;
            } else {
                break;
            }
        }
        if from > sentence.tokens.start
            && from < range.start
            && matches!(doc.tokens[from].lower.as_str(), "'s" | "\u{2019}s")
            && span_at(from - 1).is_some_and(|s| s.kind == NerKind::Person)
        {
            context.patron = Some(from - 1);
        }
        read(from, range.start, &mut context);

        // After: ", the top US diplomat for East Asia,"
        if doc.tokens.get(range.end).is_some_and(|t| t.text == ",") {
            let mut to = range.end + 1;
            while to < sentence.tokens.end
                && to - range.end < 9
                && !matches!(doc.tokens[to].text.as_str(), "," | "." | ";")
                && span_at(to).is_none_or(|s| s.kind != NerKind::Person)
            {
                to += 1;
            }
            read(range.end + 1, to, &mut context);
        }
        // Where someone works says more than what they do: "the top Asia
        // expert on the National Security Council" is government.
        if context.affiliation.is_some() {
            context.sector = context.affiliation.take();
        }
        context
    }

    /// Resolves every span of `doc` to an entity.
    pub fn resolve(&self, doc: &Doc, spans: &[NamedSpan]) -> Resolution {
        let mut resolution = Resolution::default();
        let mut by_key: HashMap<String, usize> = HashMap::new();

        // Countries and regions named in the article help choose between
        // same-name cities.
        let mut places = ArticlePlaces::default();
        for span in spans.iter().filter(|s| s.kind != NerKind::Person) {
            if let Some(iso3) = self.country_of_span(doc, span) {
                places.countries.insert(iso3);
            } else if let Some(region) = self
                .gazetteer
                .region(&surface(&doc.tokens[span.tokens.clone()]))
                .filter(|r| !r.country.is_empty())
            {
                places.countries.insert(region.country.clone());
                places
                    .regions
                    .insert((region.country.clone(), region.admin1.clone()));
            }
        }

        let mut span_of_token = vec![None; doc.tokens.len()];
        for (i, span) in spans.iter().enumerate() {
            for slot in &mut span_of_token[span.tokens.clone()] {
                *slot = Some(i);
            }
        }

        // Multi-word names first, so single words can link to them.
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|i| (spans[*i].tokens.len() < 2, spans[*i].tokens.start));

        let mut patrons: Vec<(usize, usize)> = Vec::new();
        for index in order {
            let span = &spans[index];
            let tokens = &doc.tokens[span.tokens.clone()];
            let text = surface(tokens);
            let context = self.context(doc, spans, &span_of_token, &span.tokens);
            let entity = self.entity_for(doc, span, &text, &context, &resolution, &places);
            let entity_index = match by_key.get(&entity.key) {
                Some(existing) => *existing,
                None => {
                    by_key.insert(entity.key.clone(), resolution.entities.len());
                    resolution.entities.push(entity);
                    resolution.entities.len() - 1
                }
            };
            if let Some(token) = context.patron {
                patrons.push((entity_index, token));
            }
            // The role found once holds for the whole article.
            let target = &mut resolution.entities[entity_index];
            if target.kind != NerKind::Loc {
                if target.country.is_none() {
                    target.country = context.country.clone();
                }
                if target.sector.is_none() {
                    target.sector = context.sector.clone();
                }
            }
            resolution.mentions.push(ResolvedMention {
                tokens: span.tokens.clone(),
                entity: entity_index,
                start: tokens[0].start,
                end: tokens[tokens.len() - 1].end,
                text,
            });
        }
        resolution.mentions.sort_by_key(|m| m.start);
        resolution.mention_of_token = vec![None; doc.tokens.len()];
        for (i, mention) in resolution.mentions.iter().enumerate() {
            for slot in &mut resolution.mention_of_token[mention.tokens.clone()] {
                *slot = Some(i);
            }
        }
        for (i, mention) in resolution.mentions.iter().enumerate() {
            resolution.entities[mention.entity].mentions.push(i);
        }
        // People the text gives no country: the actor dictionary's.
        for entity in &mut resolution.entities {
            if entity.kind == NerKind::Person
                && let Some((country, sector)) = self.gazetteer.person(&entity.name)
            {
                entity.country.get_or_insert_with(|| country.to_owned());
                if !sector.is_empty() {
                    entity.sector.get_or_insert_with(|| sector.to_owned());
                }
            }
        }
        // Someone's adviser or spokesman works for that person's country.
        for (entity, token) in patrons {
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
        resolution
    }

    fn country_entity(&self, iso3: &str) -> ResolvedEntity {
        let name = self
            .gazetteer
            .country(iso3)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| iso3.to_owned());
        ResolvedEntity {
            key: format!("country:{iso3}"),
            name,
            kind: NerKind::Loc,
            country: Some(iso3.to_owned()),
            sector: None,
            geo: None,
            geonames_id: 0,
            mentions: Vec::new(),
            is_country: true,
        }
    }

    fn entity_for(
        &self,
        doc: &Doc,
        span: &NamedSpan,
        text: &str,
        context: &Context,
        resolution: &Resolution,
        places: &ArticlePlaces,
    ) -> ResolvedEntity {
        let plain = |key: String, name: &str, kind: NerKind| ResolvedEntity {
            key,
            name: name.to_owned(),
            kind,
            country: None,
            sector: None,
            geo: None,
            geonames_id: 0,
            mentions: Vec::new(),
            is_country: false,
        };
        // A country's name is the country, whatever type the tagger gave
        // it ("US" tagged as an organisation in "US allegations").
        if span.kind != NerKind::Person
            && let Some(iso3) = self.country_of_span(doc, span)
        {
            return self.country_entity(&iso3);
        }
        // "Blinken", "Xi": the first or last name of a person named in
        // full in the article is that person, even when the tagger took
        // the lone word for an organisation.
        if span.tokens.len() == 1
            && span.kind != NerKind::Loc
            && let Some(person) = resolution.entities.iter().find(|e| {
                e.kind == NerKind::Person && e.name.contains(' ') && {
                    let mut parts = e.name.split(' ');
                    parts.next() == Some(text) || parts.next_back() == Some(text)
                }
            })
        {
            return person.clone();
        }
        match span.kind {
            NerKind::Loc | NerKind::Misc => {
                if span.kind == NerKind::Misc {
                    return plain(format!("misc:{}", slug(text)), text, NerKind::Misc);
                }
                // A capital acting: "Washington accused ...".
                let acts = doc
                    .tokens
                    .get(span.tokens.end)
                    .is_some_and(|next| ACTOR_VERBS.contains(&next.lower.as_str()));
                if acts && let Some(country) = self.gazetteer.country_of_capital(text) {
                    return self.country_entity(&country.iso3.clone());
                }
                let best = self
                    .gazetteer
                    .cities(text)
                    .filter(|city| {
                        let is_capital = self
                            .gazetteer
                            .country(&city.country)
                            .is_some_and(|c| c.capital == city.name);
                        plausible_place(city, places, is_capital)
                    })
                    .map(|city| (place_score(city, places), city))
                    .fold(None, |best: Option<(f64, _)>, (score, city)| match best {
                        Some((top, _)) if top >= score => best,
                        _ => Some((score, city)),
                    })
                    .map(|(_, city)| city);
                // A region ("Virginia", "Asia") unless a capital or a big
                // city has the name ("Washington", "New York").
                let city_wins = best.is_some_and(|city| {
                    city.population >= BIG_CITY || self.gazetteer.country_of_capital(text).is_some()
                });
                if let Some(region) = self.gazetteer.region(text).filter(|_| !city_wins) {
                    let key = if region.country.is_empty() {
                        format!("place:{}", slug(&region.name))
                    } else {
                        format!(
                            "place:{}-{}",
                            slug(&region.name),
                            region.country.to_lowercase()
                        )
                    };
                    let mut entity = plain(key, &region.name, NerKind::Loc);
                    entity.country = (!region.country.is_empty()).then(|| region.country.clone());
                    entity.geonames_id = region.geonames_id;
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
                    },
                    None => plain(format!("place:{}", slug(text)), text, NerKind::Loc),
                }
            }
            NerKind::Org => {
                if let Some((full, sector)) = lexicon::known_org(text) {
                    let mut entity = plain(format!("org:{}", slug(full)), full, NerKind::Org);
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
                let mut entity = plain(format!("org:{}", slug(text)), text, NerKind::Org);
                entity.sector = org_sector(text).map(str::to_owned);
                // "Chinese Foreign Ministry": the leading demonym is the country.
                let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
                let named_country = self
                    .gazetteer
                    .country_by_demonym(first)
                    .or_else(|| self.gazetteer.country_by_alias(first))
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
            NerKind::Person => plain(format!("person:{}", slug(text)), text, NerKind::Person),
        }
    }
}

fn initials(name: &str) -> String {
    name.split(' ')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| !lexicon::is_name_connector(&w.to_lowercase()))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Sector of an organisation from its head word.
fn org_sector(name: &str) -> Option<&'static str> {
    let last = name.rsplit(' ').next()?;
    Some(match last {
        "Ministry" | "Department" | "Administration" | "Council" | "Cabinet" | "Office"
        | "Agency" | "Commission" | "Parliament" | "Congress" | "Senate" | "Assembly"
        | "Bureau" => "GOV",
        "Army" | "Navy" | "Forces" | "Guard" => "MIL",
        "Corp." | "Corp" | "Corporation" | "Inc." | "Inc" | "Ltd" | "Ltd." | "Co." | "Company"
        | "Bank" | "Airlines" | "Motors" | "Technologies" | "Holdings" | "Group" => "BUS",
        "Times" | "Post" | "Journal" | "News" | "Network" | "Reuters" => "MED",
        "University" | "Institute" => "EDU",
        "Party" => "PTY",
        "Police" => "COP",
        "Court" => "JUD",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ner::{Recognizer, TaggerRecognizer};
    use crate::text::analyze;

    fn resolve(text: &str) -> Resolution {
        let gazetteer = Arc::new(Gazetteer::bundled().expect("gazetteer"));
        let model = Arc::new(crate::tagger::bundled().expect("model"));
        let doc = analyze(text);
        let spans = TaggerRecognizer::new(model, gazetteer.clone()).recognize(&doc);
        EntityResolver::new(gazetteer).resolve(&doc, &spans)
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
        let r =
            resolve("Officials in Washington met. Later, Washington accused Beijing of hacking.");
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
        assert_eq!(key_of(&r, "Beijing"), "place:beijing-chn");
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
        check("person:bill-gates", None, "BUS");
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
        let r =
            resolve("Ships crossed the South China Sea as tension rose across the Indo-Pacific.");
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
        let r = resolve(
            "The Chinese Foreign Ministry protested. Russia's Foreign Ministry said nothing.",
        );
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
        let bali = entity(&r, "place:bali");
        assert_eq!((bali.geonames_id, bali.geo), (0, None));
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
        let westminster = entity(&r, "place:westminster");
        assert_eq!(
            (westminster.geo, westminster.country.as_deref()),
            (None, None)
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
}
