//! The second stage, resolve: from typed spans to entities, one key per
//! real entity within an article and across articles, with country, sector
//! and place coordinates. Keys are human-readable and stable:
//! `person:antony-blinken`, `org:central-intelligence-agency`,
//! `country:USA`, `place:vienna-aut`.
//!
//! The parts: [`context`] reads titles, appositives and affiliations around
//! a mention; [`places`], [`organisations`] and [`people`] key each kind of
//! name; this module runs them over the spans, longest names first, and
//! applies what holds for the whole article.

mod context;
mod organisations;
mod people;
mod places;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::recognize::{NamedSpan, NerKind};
use crate::gazetteer::Gazetteer;
use crate::text::{Doc, surface};
use places::ArticlePlaces;

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
    /// The CAMEO actor code when it is not country + sector: an
    /// international organisation's (`IGOWSTNAT`), for it and the people
    /// acting for it.
    pub code: Option<String>,
}

impl ResolvedEntity {
    /// The CAMEO actor code events carry for this entity.
    pub fn actor_code(&self) -> String {
        match &self.code {
            Some(code) => code.clone(),
            None => format!(
                "{}{}",
                self.country.as_deref().unwrap_or(""),
                self.sector.as_deref().unwrap_or("")
            ),
        }
    }

    /// A body of a state: an organisation of its government, armed forces,
    /// police or courts ("the High Court" of one state is not another's).
    /// Not a court of many ("European Court", "International Court", "Court
    /// of Justice", "Court of Arbitration for Sport").
    pub(super) fn is_state_body(&self) -> bool {
        self.kind == NerKind::Org
            && match self.sector.as_deref() {
                Some("GOV" | "MIL" | "COP") => true,
                // A court by its name, not a firm the text put in court.
                Some("JUD") => {
                    crate::lexicon::org_sector(&self.name) == Some("JUD")
                        && !["European ", "International ", "World "]
                            .iter()
                            .any(|p| self.name.starts_with(p))
                        && !["Arbitration", "Court of Justice"]
                            .iter()
                            .any(|w| self.name.contains(w))
                }
                _ => false,
            }
    }

    /// Acts across borders, for no country: an international organisation
    /// and its people, a transnational armed group, an NGO known by name
    /// (Oxfam, Amnesty). A campaign group only the text calls one ("civil
    /// rights group Liberty") is of its country.
    fn is_international(&self) -> bool {
        match self.sector.as_deref() {
            Some("IGO" | "IMG") => true,
            Some("NGO") => self.code.is_some() || crate::lexicon::known_org(&self.name).is_some(),
            _ => false,
        }
    }
}

/// One mention, linked to its entity.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedMention {
    pub tokens: Range<usize>,
    pub entity: usize,
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// The sector of a role this mention's possessive heads ("China's
    /// *defense minister*" is MIL): what it acts as in its sentence.
    pub role: Option<&'static str>,
}

#[derive(Debug, Default, Clone)]
pub struct Resolution {
    pub entities: Vec<ResolvedEntity>,
    /// Sorted by position in the text.
    pub mentions: Vec<ResolvedMention>,
    /// The mention covering each token, if any.
    mention_of_token: Vec<Option<usize>>,
    /// Whether each token stands inside quotation marks.
    quoted: Vec<bool>,
}

impl Resolution {
    /// The mention covering token `index`, if any.
    pub fn mention_at(&self, index: usize) -> Option<usize> {
        self.mention_of_token.get(index).copied().flatten()
    }

    /// Whether token `index` stands inside quotation marks.
    pub fn is_quoted(&self, index: usize) -> bool {
        self.quoted.get(index).copied().unwrap_or(false)
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

/// Bytes of the leading words of `text` that name an international
/// organisation.
fn igo_len(gazetteer: &Gazetteer, text: &str) -> usize {
    let words: Vec<&str> = text.split(' ').collect();
    (1..words.len())
        .rev()
        .find(|&n| gazetteer.igo(&words[..n].join(" ")).is_some())
        .map_or(text.len(), |n| words[..n].join(" ").len())
}

/// People and organisations the text gives no country belong to the
/// article's own country: the one its mentions point to most (countries,
/// and the people, bodies and places of a country), well ahead of any
/// other ("new Prime Minister Yulia Tymoshenko" in a story about Ukraine,
/// "Liberty" in a story about British politics). People of international
/// organisations keep none.
fn from_the_article_country(doc: &Doc, resolution: &mut Resolution) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for mention in &resolution.mentions {
        let entity = &resolution.entities[mention.entity];
        if entity.kind != NerKind::Misc
            && let Some(country) = &entity.country
        {
            *counts.entry(country.as_str()).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    // The city a dateline opens with ("CAIRO, March 16 -"): a wire
    // story's unplaced officials are mostly that country's. Not a country
    // opening a sentence ("US Secretary of State ...").
    let dateline = resolution
        .mentions
        .first()
        .filter(|m| {
            m.tokens.start == 0
                && doc
                    .tokens
                    .get(m.tokens.end)
                    .is_some_and(|t| matches!(t.text.as_str(), "," | "-" | "\u{2014}" | "("))
        })
        .map(|m| &resolution.entities[m.entity])
        .filter(|e| e.kind == NerKind::Loc && !e.is_country)
        .and_then(|e| e.country.clone());
    let leader = match ranked[..] {
        [(country, n), (_, second), ..] if n >= 3 && n * 2 >= second * 3 => Some(country),
        [(country, n)] if n >= 2 => Some(country),
        // Else the dateline's country, when none is named more (on the
        // development stories, limiting this to officials lost more
        // business people than it saved visitors).
        [(_, n), ..] if n >= 2 => dateline.as_deref().filter(|place| {
            ranked
                .iter()
                .take_while(|(_, k)| *k == n)
                .any(|(c, _)| c == place)
        }),
        _ => None,
    }
    .map(str::to_owned);
    // "the Philippines is seeking to reschedule ... the proposal made by
    // finance minister Jaime Ongpin": a minister of no stated country is
    // of the one state named before him in the sentence that first names
    // him (a New York story's other names are American). Not any
    // official (a State Department spokesman speaks of other states), nor
    // a state named after him ("Defense Minister Rafael Samudio ... the
    // Arauca region, bordering Venezuela").
    let official_state: Vec<Option<String>> = resolution
        .entities
        .iter()
        .map(|entity| {
            let official = entity.kind == NerKind::Person
                && matches!(
                    entity.sector.as_deref(),
                    Some("GOV" | "MIL" | "LEG" | "JUD")
                );
            if !official || entity.country.is_some() || entity.code.is_some() {
                return None;
            }
            let first = &resolution.mentions[*entity.mentions.first()?];
            let near =
                first.tokens.start.saturating_sub(4)..(first.tokens.end + 4).min(doc.tokens.len());
            let minister = doc.tokens.get(near).is_some_and(|tokens| {
                tokens
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "minister" | "ministers"))
            });
            if !minister {
                return None;
            }
            let sentence = &doc.sentences[*doc.sentence_of.get(first.tokens.start)?];
            let mut states = resolution
                .mentions
                .iter()
                .filter(|m| (sentence.tokens.start..first.tokens.start).contains(&m.tokens.start))
                .map(|m| &resolution.entities[m.entity])
                .filter(|e| e.is_country)
                .filter_map(|e| e.country.as_deref());
            let state = states.next()?;
            states.all(|other| other == state).then(|| state.to_owned())
        })
        .collect();
    for (entity, state) in resolution.entities.iter_mut().zip(official_state) {
        if entity.is_international() || entity.country.is_some() || entity.code.is_some() {
            continue;
        }
        if state.is_some() {
            entity.country = state;
            continue;
        }
        // "BERNE, March 4 - ... National Bank President Pierre Languetin",
        // "MANILA, March 17 - ... the Central Bank": a central bank the text
        // names by no country is the dateline's, whatever state the story
        // is about.
        if is_bare_central_bank(&entity.name) && dateline.is_some() {
            entity.country.clone_from(&dateline);
            continue;
        }
        // "WASHINGTON, March 6 - The Transportation Department ...": a
        // state body is the dateline's when the article has no country of
        // its own.
        let state_body = entity.is_state_body();
        if matches!(entity.kind, NerKind::Person | NerKind::Org) && leader.is_some() {
            entity.country.clone_from(&leader);
        } else if state_body {
            entity.country.clone_from(&dateline);
        }
    }
    // "National Bank President Pierre Languetin" in a Berne story: the
    // head of the dateline's central bank (a bare "National Bank" is the
    // dateline's, above) is of that country, not of the article's (he took
    // Brazil's in a story of a Brazilian minister).
    if let Some(place) = &dateline {
        for i in 0..resolution.entities.len() {
            let entity = &resolution.entities[i];
            if entity.kind != NerKind::Person
                || entity.code.is_some()
                || entity.country.as_ref() == Some(place)
            {
                continue;
            }
            let Some(first) = entity.mentions.first().map(|&m| &resolution.mentions[m]) else {
                continue;
            };
            let mut at = first.tokens.start;
            while at > 0 && crate::lexicon::is_title_word(&doc.tokens[at - 1].lower) {
                at -= 1;
            }
            let heads = at < first.tokens.start
                && at
                    .checked_sub(1)
                    .and_then(|p| resolution.mention_at(p))
                    .map(|m| &resolution.entities[resolution.mentions[m].entity])
                    .is_some_and(|body| {
                        body.kind == NerKind::Org
                            && body.country.as_ref() == Some(place)
                            && is_bare_central_bank(&body.name)
                    });
            if heads {
                resolution.entities[i].country = Some(place.clone());
            }
        }
    }
}

/// A central bank named by no country ("the National Bank").
fn is_bare_central_bank(name: &str) -> bool {
    matches!(name, "National Bank" | "Central Bank" | "Reserve Bank")
}

/// A name of two or three capitalised words, that no organisation's head
/// word, known organisation or place accounts for, right after a person's
/// title in lower case ("chairman Lawton Chiles", "spokesman Jim Billington").
fn titled_name(gazetteer: &Gazetteer, doc: &Doc, span: &NamedSpan, text: &str) -> bool {
    let start = span.tokens.start;
    let Some(title) = start.checked_sub(1).map(|p| &doc.tokens[p]) else {
        return false;
    };
    let person_title = matches!(
        title.text.as_str(),
        "chairman"
            | "chairwoman"
            | "president"
            | "spokesman"
            | "spokeswoman"
            | "governor"
            | "director"
            | "secretary"
            | "minister"
            | "leader"
            | "senator"
            | "ambassador"
    );
    person_title
        && (2..=3).contains(&span.tokens.len())
        && doc.tokens[span.tokens.clone()]
            .iter()
            .all(|t| t.is_capitalized() && t.text.chars().all(|c| c.is_alphabetic() || c == '-'))
        && crate::lexicon::org_sector(text).is_none()
        && crate::lexicon::known_org(text).is_none()
        && gazetteer.country_by_alias(text).is_none()
        && gazetteer.region(text).is_none()
        && gazetteer.igo(text).is_none()
}

/// The place `text` names; but "Piedmont" after "Piedmont Aviation Inc",
/// in a story that never names Italy, is the firm, not the Italian region.
fn place_or_firm(
    gazetteer: &Gazetteer,
    doc: &Doc,
    span: &NamedSpan,
    text: &str,
    places: &ArticlePlaces,
    resolution: &Resolution,
) -> ResolvedEntity {
    let place = places::resolve(gazetteer, doc, span, text, places);
    // Not a city ("Houston" of "Houston Industries").
    let foreign = places::is_region(gazetteer, text)
        && place
            .country
            .as_deref()
            .is_some_and(|iso3| !places.names_country(iso3));
    match foreign
        .then(|| organisations::firm_beginning_with(span, text, resolution, true))
        .flatten()
    {
        Some(firm) => firm,
        None => place,
    }
}

/// "The Transportation Department" after "the U.S. Department of
/// Transportation": a state body named without its country is the one the
/// article named with it, when there is one only.
fn bodies_named_before(resolution: &mut Resolution) {
    for i in 0..resolution.entities.len() {
        let entity = &resolution.entities[i];
        if !entity.is_state_body() || entity.country.is_some() {
            continue;
        }
        let tail = format!("-{}", slug(&body_name(&entity.name)));
        let mut countries = resolution.entities.iter().filter_map(|other| {
            let named = other.kind == NerKind::Org
                && other.key.strip_prefix("org:").is_some_and(|rest| {
                    rest.len() == 3 + tail.len() && rest.ends_with(tail.as_str())
                });
            named.then_some(other.country.as_ref()).flatten()
        });
        if let (Some(country), None) = (countries.next(), countries.next()) {
            resolution.entities[i].country = Some(country.clone());
        }
    }
}

/// A state body keyed by its name alone while its country was unknown
/// ("the Treasury") takes its country's key once the article gives it one,
/// and is one entity with the same body named with its country ("the U.S.
/// Treasury", `org:usa-treasury`).
fn state_bodies_by_country(resolution: &mut Resolution) {
    let count = resolution.entities.len();
    let mut by_key: HashMap<String, usize> = resolution
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.key.clone(), i))
        .collect();
    let mut into: Vec<usize> = (0..count).collect();
    for (i, merged_into) in into.iter_mut().enumerate() {
        let entity = &resolution.entities[i];
        let state_body = entity.is_state_body();
        let Some(iso3) = entity.country.as_deref().filter(|_| state_body) else {
            continue;
        };
        // Bodies known by name keep their one key ("Labour Party").
        if entity.key != organisations::org_key(&entity.name)
            || crate::lexicon::known_org(&entity.name).is_some()
            || crate::lexicon::org_country(&entity.name).is_some()
        {
            continue;
        }
        let key = state_body_key(iso3, &entity.name);
        match by_key.get(&key) {
            Some(&other) => *merged_into = other,
            None => {
                by_key.insert(key.clone(), i);
                resolution.entities[i].key = key;
            }
        }
    }
    merge_entities(resolution, &into);
}

/// An acronym and the organisation the article names in full, in either
/// order ("the SEC" in the headline, "the Securities and Exchange
/// Commission" after it): one entity, under the full name's key, where
/// exactly one organisation of the article has those initials.
fn acronyms_of_names(resolution: &mut Resolution) {
    let count = resolution.entities.len();
    let mut into: Vec<usize> = (0..count).collect();
    for (i, merged_into) in into.iter_mut().enumerate() {
        let entity = &resolution.entities[i];
        let bare: String = entity.name.chars().filter(|&c| c != '.').collect();
        let acronym = entity.kind == NerKind::Org
            && (2..=6).contains(&bare.len())
            && bare.chars().all(|c| c.is_ascii_uppercase());
        if !acronym {
            continue;
        }
        // Also past the country the full name opens with ("U.S.
        // Securities and Exchange Commission", "UK Atomic Energy Authority").
        let initials = |name: &str| {
            let (first, rest) = name.split_once(' ').unwrap_or((name, ""));
            let country = first.ends_with('.')
                || (first.len() <= 3 && first.chars().all(|c| c.is_ascii_uppercase()));
            let whole = organisations::initials(name);
            whole == bare || (country && organisations::initials(rest) == bare)
        };
        let mut named =
            resolution.entities.iter().enumerate().filter(|(_, e)| {
                e.kind == NerKind::Org && e.name.contains(' ') && initials(&e.name)
            });
        if let (Some((full, _)), None) = (named.next(), named.next()) {
            *merged_into = full;
        }
    }
    merge_entities(resolution, &into);
}

/// Folds each entity `i` into entity `into[i]` (itself to stay), keeping
/// the order of the rest and their mentions.
fn merge_entities(resolution: &mut Resolution, into: &[usize]) {
    let count = resolution.entities.len();
    if into.iter().enumerate().all(|(i, &j)| i == j) {
        return;
    }
    // Drop the merged entities; renumber the rest.
    let mut number = vec![usize::MAX; count];
    let mut kept = Vec::with_capacity(count);
    for (i, entity) in std::mem::take(&mut resolution.entities)
        .into_iter()
        .enumerate()
    {
        if into[i] == i {
            number[i] = kept.len();
            kept.push(ResolvedEntity {
                mentions: Vec::new(),
                ..entity
            });
        }
    }
    for (m, mention) in resolution.mentions.iter_mut().enumerate() {
        let entity = number[into[mention.entity]];
        mention.entity = entity;
        kept[entity].mentions.push(m);
    }
    resolution.entities = kept;
}

/// A state body's key: its country and its name in one form
/// (`org:usa-agriculture-department`).
pub(super) fn state_body_key(iso3: &str, name: &str) -> String {
    format!("org:{}-{}", iso3.to_lowercase(), slug(&body_name(name)))
}

/// A state body's name in one form for its key: "Ministry of Finance" is
/// the "Finance Ministry", "Department of the Treasury" and "Treasury
/// Department" the "Treasury".
pub(super) fn body_name(name: &str) -> String {
    let name = name.strip_prefix("the ").unwrap_or(name);
    let turned = ["Ministry", "Department"].iter().find_map(|head| {
        let rest = name.strip_prefix(head)?.strip_prefix(" of ")?;
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        Some(format!("{rest} {head}"))
    });
    let name = turned.unwrap_or_else(|| name.to_owned());
    // "Federal Savings and Loan Insurance Corporation" is the "Corp".
    let name = match name.strip_suffix(" Corporation") {
        Some(rest) => format!("{rest} Corp"),
        None => name,
    };
    match name.as_str() {
        "Treasury Department" => "Treasury".to_owned(),
        _ => name,
    }
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

/// An entity with only a key, a name and a kind.
fn plain_entity(key: String, name: &str, kind: NerKind) -> ResolvedEntity {
    ResolvedEntity {
        key,
        name: name.to_owned(),
        kind,
        country: None,
        sector: None,
        geo: None,
        geonames_id: 0,
        mentions: Vec::new(),
        is_country: false,
        code: None,
    }
}

/// The country `iso3` as an entity (`country:USA`).
fn country_entity(gazetteer: &Gazetteer, iso3: &str) -> ResolvedEntity {
    let name = gazetteer
        .country(iso3)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| iso3.to_owned());
    ResolvedEntity {
        country: Some(iso3.to_owned()),
        is_country: true,
        ..plain_entity(format!("country:{iso3}"), &name, NerKind::Loc)
    }
}

/// The ISO code of the country a span names, if it names one.
fn country_of_span(gazetteer: &Gazetteer, doc: &Doc, span: &NamedSpan) -> Option<String> {
    gazetteer
        .country_of(&doc.tokens[span.tokens.clone()])
        .map(|c| c.iso3.clone())
}

/// The recogniser's spans, with the span covering each token.
struct Spans<'a> {
    spans: &'a [NamedSpan],
    of_token: Vec<Option<usize>>,
}

impl<'a> Spans<'a> {
    fn new(doc: &Doc, spans: &'a [NamedSpan]) -> Self {
        let mut of_token = vec![None; doc.tokens.len()];
        for (i, span) in spans.iter().enumerate() {
            for slot in &mut of_token[span.tokens.clone()] {
                *slot = Some(i);
            }
        }
        Self { spans, of_token }
    }

    fn all(&self) -> &'a [NamedSpan] {
        self.spans
    }

    /// The span covering token `index`, if any.
    fn at(&self, index: usize) -> Option<&'a NamedSpan> {
        self.of_token[index].map(|s| &self.spans[s])
    }
}

/// What holds for the whole article while its spans are resolved.
struct Article<'a> {
    /// Countries and regions it names.
    places: &'a ArticlePlaces,
    /// Its date, and whether it is about the European Union (or Community).
    facts: ArticleFacts,
}

/// What the reading of a mention's context needs to know of its article.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct ArticleFacts {
    /// It names the EU or one of its bodies.
    pub about_eu: bool,
    /// It is from November 1993 on (or undated): "the Community" is the Union.
    pub union: bool,
    /// Its date: which parties governed, which roles held.
    pub date: Option<chrono::NaiveDate>,
}

/// Links spans to entities.
pub struct EntityResolver {
    gazetteer: Arc<Gazetteer>,
}

impl EntityResolver {
    pub fn new(gazetteer: Arc<Gazetteer>) -> Self {
        Self { gazetteer }
    }

    /// Resolves every span of `doc` to an entity; `date` (the article's)
    /// decides which of a known person's roles holds.
    pub fn resolve(
        &self,
        doc: &Doc,
        spans: &[NamedSpan],
        date: Option<chrono::NaiveDate>,
    ) -> Resolution {
        let gazetteer = &*self.gazetteer;
        let spans = Spans::new(doc, spans);
        let mut resolution = Resolution::default();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        // Countries and regions named in the article help choose between
        // same-name cities.
        let places = ArticlePlaces::collect(gazetteer, doc, &spans);
        // An article about the European Union (or Community) names its
        // bodies by their short names.
        let about = spans.all().iter().any(|span| {
            span.kind != NerKind::Person
                && organisations::international(
                    gazetteer,
                    &surface(&doc.tokens[span.tokens.clone()]),
                )
                .is_some_and(|e| organisations::is_eu(&e))
        });
        let maastricht = chrono::NaiveDate::from_ymd_opt(1993, 11, 1);
        let facts = ArticleFacts {
            about_eu: about,
            union: date.is_none_or(|d| Some(d) >= maastricht),
            date,
        };
        let mut former: Vec<usize> = Vec::new();

        // Multi-word names first, so single words can link to them (a
        // hyphened surname, "Kilroy-Silk", is one word).
        let all = spans.all();
        let mut order: Vec<usize> = (0..all.len()).collect();
        let words = |span: &NamedSpan| {
            let hyphens = doc.tokens[span.tokens.clone()]
                .iter()
                .filter(|t| t.text == "-")
                .count();
            span.tokens.len().saturating_sub(2 * hyphens)
        };
        order.sort_by_key(|i| (words(&all[*i]) < 2, all[*i].tokens.start));

        let mut patrons: Vec<(usize, usize, bool)> = Vec::new();
        for index in order {
            let span = &all[index];
            let tokens = &doc.tokens[span.tokens.clone()];
            let text = surface(tokens);
            let context = context::read(gazetteer, doc, &spans, &span.tokens, facts);
            let article = Article {
                places: &places,
                facts,
            };
            let entity = self.entity_for(doc, span, &text, &context, &resolution, &article);
            let entity_index = match by_key.get(&entity.key) {
                Some(existing) => *existing,
                None => {
                    by_key.insert(entity.key.clone(), resolution.entities.len());
                    resolution.entities.push(entity);
                    resolution.entities.len() - 1
                }
            };
            if let Some(token) = context.patron {
                patrons.push((entity_index, token, context.named));
            }
            if context.former {
                former.push(entity_index);
            }
            // The role found once holds for the whole article.
            let target = &mut resolution.entities[entity_index];
            // Someone the text says acts for an international organisation
            // ("EU trade commissioner Peter Mandelson") acts for it, not for
            // a country.
            if target.kind == NerKind::Person
                && target.code.is_none()
                && let Some(code) = &context.code
            {
                target.code = Some(code.clone());
                // IGO or NGO, as the organisation.
                target.sector = code.get(..3).map(str::to_owned);
                target.country = None;
            }
            // "U.S., Japanese and European banks": a word in a list is not
            // of the country named before it.
            let listed = target.kind == NerKind::Misc
                && span.tokens.start > 0
                && matches!(
                    doc.tokens[span.tokens.start - 1].lower.as_str(),
                    "and" | "or" | ","
                );
            // International organisations have no country of their own.
            if target.kind != NerKind::Loc && target.code.is_none() && !target.is_international() {
                if target.country.is_none() && !listed {
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
                role: context::possessive_role(doc, span.tokens.end),
            });
        }
        resolution.mentions.sort_by_key(|m| m.start);
        resolution.mention_of_token = vec![None; doc.tokens.len()];
        resolution.quoted = crate::analysis::quotes::quoted_tokens(doc);
        for (i, mention) in resolution.mentions.iter().enumerate() {
            for slot in &mut resolution.mention_of_token[mention.tokens.clone()] {
                *slot = Some(i);
            }
        }
        for (i, mention) in resolution.mentions.iter().enumerate() {
            resolution.entities[mention.entity].mentions.push(i);
        }
        // "former-President Kuchma" anywhere: no longer in office.
        // Unless the dictionary has them in office that day: the title
        // was of an earlier office, or someone else's ("former Nevada Sen.
        // and Reagan confidant Paul Laxalt").
        for &entity in &former {
            let entity = &mut resolution.entities[entity];
            let in_office = date.is_some_and(|date| {
                gazetteer
                    .person(&entity.name)
                    .is_some_and(|known| known.in_office_on(date))
            });
            if entity.kind == NerKind::Person && entity.code.is_none() {
                entity.sector = (!in_office).then(|| "ELI".to_owned());
            }
        }
        people::from_actor_dictionary(gazetteer, doc, &mut resolution, date);
        people::from_patrons(&mut resolution, &patrons);
        people::from_descriptions(doc, &mut resolution);
        people::from_family(gazetteer, doc, &mut resolution, date);
        bodies_named_before(&mut resolution);
        from_the_article_country(doc, &mut resolution);
        state_bodies_by_country(&mut resolution);
        acronyms_of_names(&mut resolution);
        resolution
    }

    fn entity_for(
        &self,
        doc: &Doc,
        span: &NamedSpan,
        text: &str,
        context: &context::Context,
        resolution: &Resolution,
        article: &Article<'_>,
    ) -> ResolvedEntity {
        let gazetteer = &*self.gazetteer;
        let (places, facts) = (article.places, article.facts);
        // A country's name is the country, whatever type the tagger gave
        // it ("US" tagged as an organisation in "US allegations"); taken
        // for a person, only a name of several words ("East Timor": a lone
        // "Jordan" may be someone's name).
        let several_words = span.tokens.len() > 1 && gazetteer.country_by_alias(text).is_some();
        if (span.kind != NerKind::Person || several_words)
            && let Some(iso3) = country_of_span(gazetteer, doc, span)
        {
            // "Newt Gingrich, a Georgia Republican", "the state of
            // Georgia": a country's name that is also a state's, where the
            // text says it is the state.
            let start = span.tokens.start;
            let said_a_state = doc.tokens.get(span.tokens.end).is_some_and(|t| {
                matches!(
                    t.text.as_str(),
                    "Republican" | "Democrat" | "Democratic" | "Sen." | "Rep."
                )
            }) || (start >= 2
                && doc.tokens[start - 1].lower == "of"
                && doc.tokens[start - 2].lower == "state")
                // Georgia was no state of its own before April 1991 (a
                // Soviet republic): "Georgia Power" in 1987 is of the US
                // state.
                || (iso3 == "GEO"
                    && facts
                        .date
                        .is_some_and(|d| d < chrono::NaiveDate::from_ymd_opt(1991, 4, 9).unwrap_or(d)));
            let state = said_a_state
                && gazetteer
                    .region(text)
                    .is_some_and(|r| !r.country.is_empty() && r.country != iso3);
            return if state {
                places::resolve(gazetteer, doc, span, text, places)
            } else {
                country_entity(gazetteer, &iso3)
            };
        }
        if let Some(person) = people::lone_name(gazetteer, doc, span, text, resolution) {
            return person;
        }

        // An organisation's acronym the tagger took for a name ("Gavi").
        if span.kind == NerKind::Person
            && let Some(named) = organisations::named_before(doc, span, text, resolution)
        {
            return named;
        }
        if span.kind != NerKind::Person {
            // An international organisation by any of its names, whatever
            // the tag ("Nato" as MISC, "European Union" as LOC).
            if let Some(igo) = organisations::international(gazetteer, text)
                .or_else(|| organisations::international_suffix(gazetteer, text))
                .or_else(|| organisations::armed_group_fighters(gazetteer, text))
            {
                return igo;
            }
            if facts.about_eu
                && let Some(body) = organisations::eu_body(gazetteer, text, facts.union)
            {
                return body;
            }
            // "closer relations with Brussels" in an article about the EU:
            // the city acting is the Union (the Community before
            // Maastricht), not Belgium.
            let union_name = if facts.union {
                "European Union"
            } else {
                "European Community"
            };
            if facts.about_eu
                && text == "Brussels"
                && places::acts_for_state(doc, span)
                && let Some(union) = organisations::international(gazetteer, union_name)
            {
                return union;
            }
            // "ICO Inc": a firm whose name begins like an organisation's.
            let firm = text
                .rsplit(' ')
                .next()
                .is_some_and(crate::lexicon::is_company_suffix);
            if !firm && let Some(igo) = organisations::international_prefix(gazetteer, text) {
                let rest = text[igo_len(gazetteer, text)..].trim();
                // "World Bank team", "EC External Trade [Commissioner]": the
                // organisation and lowercase or title words.
                let plain = rest.split_whitespace().all(|w| {
                    w.chars().all(char::is_lowercase)
                        || crate::lexicon::is_title_word(&w.to_lowercase())
                });
                if plain {
                    return igo;
                }
                // "EC Executive Commission": the Union's body.
                if organisations::is_eu(&igo)
                    && let Some(body) = organisations::eu_body(gazetteer, rest, facts.union)
                {
                    return body;
                }
                // "GATT Council", "U.N. Economic Commission": a body of
                // the organisation, international as it is.
                if crate::lexicon::org_sector(rest).is_some() {
                    let mut body = plain_entity(format!("org:{}", slug(text)), text, NerKind::Org);
                    body.sector = igo.sector;
                    body.code = igo.code;
                    return body;
                }
                // "U.N. Charter", "EU Common Agricultural Policy", "E.C.
                // Complained" (wire copy's capital): the organisation's.
                if rest.starts_with(|c: char| c.is_uppercase()) {
                    return igo;
                }
            }
            // An acronym or a short form ("the Commission") of an
            // organisation the article named in full, whatever the tag.
            if let Some(named) = organisations::named_before(doc, span, text, resolution) {
                return named;
            }
        }
        match span.kind {
            // "Tory", "Labour", "Fianna Fail": an organisation known by
            // name, whatever its tag.
            NerKind::Misc | NerKind::Person if crate::lexicon::known_org(text).is_some() => {
                organisations::resolve(gazetteer, span, text, context, resolution, places)
            }
            // "Downing Street has indicated", "the White House said": the
            // seat of a government is the government, one key however it
            // is named ("at the White House" too).
            // "the Tories deny" tagged a place is the party; "the Commons",
            // "the Cabinet", "the Lower House" tagged places are the
            // chambers and the government, where no place has that name.
            NerKind::Loc
                if crate::lexicon::known_org(text)
                    .is_some_and(|(_, sector)| matches!(sector, "GOV" | "MIL" | "PTY" | "LEG"))
                    || (crate::lexicon::org_sector(text)
                        .is_some_and(|sector| matches!(sector, "GOV" | "LEG"))
                        && gazetteer.cities(text).next().is_none()
                        && gazetteer.region(text).is_none()
                        && gazetteer
                            .country_of(&doc.tokens[span.tokens.clone()])
                            .is_none()) =>
            {
                organisations::resolve(gazetteer, span, text, context, resolution, places)
            }
            // "Oliver Letwin" tagged MISC: someone the actor dictionary
            // knows by that full name, with dated offices (which bodies
            // and armed groups there do not have), is a person.
            NerKind::Misc | NerKind::Org
                if text.contains(' ')
                    && crate::lexicon::org_sector(text).is_none()
                    && gazetteer
                        .person(text)
                        .is_some_and(|known| known.roles.iter().any(|r| r.dated())) =>
            {
                people::person(text)
            }
            // "Senate Budget Committee chairman Lawton Chiles" tagged an
            // organisation: a name of two or three words right after a
            // person's title in lower case is the person's.
            NerKind::Org | NerKind::Misc if titled_name(gazetteer, doc, span, text) => {
                people::person(text)
            }
            // "Reagan Administration", "Commons public accounts committee":
            // an organisation by its head word, whatever the tag.
            NerKind::Misc if text.contains(' ') && crate::lexicon::org_sector(text).is_some() => {
                organisations::resolve(gazetteer, span, text, context, resolution, places)
            }
            NerKind::Misc => plain_entity(format!("misc:{}", slug(text)), text, NerKind::Misc),
            // "Bonn said" in 1987: a former seat of government acting,
            // while it was the seat (a capital acting is its state in
            // `places::resolve`).
            NerKind::Loc
                if places::acts_for_state(doc, span)
                    && let Some(iso3) = places::former_seat(text, facts.date) =>
            {
                country_entity(gazetteer, iso3)
            }
            NerKind::Loc => place_or_firm(gazetteer, doc, span, text, places, resolution),
            // A region or subdivision taken for an organisation
            // ("Yorkshire company ...") is a place; "Yorkshire Water" is not
            // the region's name, and stays an organisation.
            NerKind::Org if places::is_region(gazetteer, text) => {
                place_or_firm(gazetteer, doc, span, text, places, resolution)
            }
            NerKind::Org => {
                // "Commerce Secretary Malcolm Baldrige": the department
                // that the cabinet title names.
                let department = organisations::cabinet_department(doc, span, text);
                let text = department.as_deref().unwrap_or(text);
                organisations::resolve(gazetteer, span, text, context, resolution, places)
            }
            NerKind::Person => people::person(text),
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod actor_tests;
