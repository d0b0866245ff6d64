//! Keying organisations: international organisations by any of their names
//! (one key, no country, sector IGO, their CAMEO code); the full name of
//! one known by its acronym ("CIA"); an acronym ("DDB", "Nato") or a short
//! form ("the Commission", "the Fund") of an organisation the article
//! named in full, whatever the tagger called it; the sector its head word
//! gives ("Ministry", "Corp.", "Board"); its country from a leading demonym
//! or the context; and state bodies keyed by their country
//! ("org:chn-foreign-ministry").

use super::context::Context;
use super::places::ArticlePlaces;
use super::{Resolution, ResolvedEntity, plain_entity, slug};
use crate::analysis::recognize::{NamedSpan, NerKind};
use crate::gazetteer::Gazetteer;
use crate::lexicon;
use crate::text::Doc;

/// The organisation the dictionaries know that `text` names, as an
/// entity: one key whatever the form, its CAMEO code; an international
/// organisation has no country and the sector IGO (or NGO), as a
/// transnational armed group has IMG; a rebel group has its country, when
/// the code names one rather than a region ("NICREB"), and the sector REB.
pub(super) fn international(gazetteer: &Gazetteer, text: &str) -> Option<ResolvedEntity> {
    let igo = gazetteer.igo(text)?;
    let mut entity = plain_entity(format!("org:{}", slug(&igo.name)), &igo.name, NerKind::Org);
    let prefix = igo.code.get(..3).unwrap_or_default();
    if matches!(prefix, "IGO" | "NGO" | "IMG") {
        entity.sector = Some(prefix.to_owned());
    } else {
        entity.country = gazetteer.country(prefix).map(|_| prefix.to_owned());
        entity.sector = igo.code.get(3..6).map(str::to_owned);
    }
    entity.code = Some(igo.code.clone());
    // A national NGO's code ends with its country ("NGODEVUSA").
    if igo.code.starts_with("NGO") && igo.code.len() >= 6 {
        let tail = &igo.code[igo.code.len() - 3..];
        if gazetteer.country(tail).is_some() {
            entity.country = Some(tail.to_owned());
        }
    }
    Some(entity)
}

/// An armed group named by its fighters, as wire copy writes it ("contra
/// rebels", "Taliban guerrillas"): the group of the first word or of its
/// plural ("contras").
pub(super) fn armed_group_fighters(gazetteer: &Gazetteer, text: &str) -> Option<ResolvedEntity> {
    let (name, fighters) = text.rsplit_once(' ')?;
    if !matches!(fighters, "rebels" | "guerrillas") || name.contains(' ') {
        return None;
    }
    [name.to_owned(), format!("{name}s")]
        .iter()
        .filter_map(|n| international(gazetteer, n))
        .find(|group| !matches!(group.sector.as_deref(), Some("IGO" | "NGO")))
}

/// The international organisation a longer name starts with ("European
/// Community Farm [Commissioner]", "World Bank team"): the longest leading
/// run of words that names one.
pub(super) fn international_prefix(gazetteer: &Gazetteer, text: &str) -> Option<ResolvedEntity> {
    let words: Vec<&str> = text.split(' ').collect();
    (1..words.len())
        .rev()
        .find_map(|n| international(gazetteer, &words[..n].join(" ")))
}

/// The international organisation a longer name ends with, in two words
/// or more, after capitalised words ("Bill Gates Foundation" is the Gates
/// Foundation the dictionary knows).
pub(super) fn international_suffix(gazetteer: &Gazetteer, text: &str) -> Option<ResolvedEntity> {
    let words: Vec<&str> = text.split(' ').collect();
    (1..words.len().saturating_sub(1))
        .take_while(|&n| {
            // Not "National Security Council" for the UN's.
            let word = words[n - 1];
            word.starts_with(|c: char| c.is_uppercase())
                && !lexicon::is_title_word(&word.to_lowercase())
                && gazetteer.country_by_demonym(word).is_none()
                && gazetteer.country_by_alias(word).is_none()
        })
        .find_map(|n| international(gazetteer, &words[n..].join(" ")))
}

/// In an article about the European Union (or Community), its bodies by
/// their short names: "the Commission", "the Community", "the Council".
/// Since the Union (`union`: the article is from November 1993 on), "the
/// Community" is the Union under its old name.
pub(super) fn eu_body(gazetteer: &Gazetteer, text: &str, union: bool) -> Option<ResolvedEntity> {
    let full = match text {
        "Commission" | "Executive Commission" | "Brussels Commission" | "Community Commission" => {
            "European Commission"
        }
        "Community" | "Common Market" if union => "European Union",
        "Community" | "Common Market" => "European Community",
        "Council" | "Council of Ministers" => "Council of the European Union",
        _ => return None,
    };
    international(gazetteer, full)
}

/// Whether `entity` is the European Union or one of its bodies.
pub(super) fn is_eu(entity: &ResolvedEntity) -> bool {
    entity.code.as_deref() == Some("IGOEUREEC")
}

/// An organisation the article named in full before this span, which the
/// span names by its acronym ("Danish Dairy Board" … "DDB", "N.A.T.O.") or
/// by its head word ("European Commission" … "the Commission", "World
/// Bank" … "the Bank"), whatever tag the span has.
pub(super) fn named_before(
    doc: &Doc,
    span: &NamedSpan,
    text: &str,
    resolution: &Resolution,
) -> Option<ResolvedEntity> {
    if span.tokens.len() != 1 {
        return first_words_of_a_firm(span, text, resolution)
            .or_else(|| last_words_of_a_name(span, text, resolution));
    }
    if let Some(firm) = first_words_of_a_firm(span, text, resolution) {
        return Some(firm);
    }
    if let Some(department) = department_of(span, text, resolution) {
        return Some(department);
    }
    let bare: String = text.chars().filter(|&c| c != '.').collect();
    // "Gavi" after "Global Alliance for Vaccines and Immunisation", even
    // taken for a person: four letters or more leave little doubt.
    let acronym = bare.len() >= 2 && bare.chars().all(|c| c.is_alphabetic()) && {
        let upper = bare.chars().filter(|c| c.is_uppercase()).count();
        upper == bare.len()
            || (upper == 1
                && bare.len() <= 5
                && bare.len() >= 3
                && (span.kind != NerKind::Person || bare.len() >= 4))
    };
    let short_form = span.tokens.start > 0
        && doc.tokens[span.tokens.start - 1].lower == "the"
        && text.chars().next().is_some_and(char::is_uppercase);
    let before = |m: &&super::ResolvedMention| m.tokens.start < span.tokens.start;
    resolution
        .mentions
        .iter()
        .filter(before)
        .filter(|m| {
            let entity = &resolution.entities[m.entity];
            entity.kind == NerKind::Org
                && entity.name.contains(' ')
                && ((acronym && initials(&entity.name).eq_ignore_ascii_case(&bare))
                    || (short_form && head_word(&entity.name) == Some(text)))
        })
        .max_by_key(|m| m.tokens.start)
        .map(|m| resolution.entities[m.entity].clone())
}

/// "Commerce" ("Commerce Secretary Malcolm Baldrige", "Commerce's
/// ruling") after "the Commerce Department": the department or ministry
/// named before for what it is in charge of.
fn department_of(span: &NamedSpan, text: &str, resolution: &Resolution) -> Option<ResolvedEntity> {
    if span.kind != NerKind::Org || !text.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let forms = [
        format!("{text} Department"),
        format!("{text} Ministry"),
        format!("Department of {text}"),
        format!("Ministry of {text}"),
    ];
    org_named_before(span, resolution, |named| {
        forms.iter().any(|f| named.ends_with(f.as_str()))
    })
}

/// The organisation last named before `span` by a mention whose text
/// passes `named`.
fn org_named_before(
    span: &NamedSpan,
    resolution: &Resolution,
    named: impl Fn(&str) -> bool,
) -> Option<ResolvedEntity> {
    resolution
        .mentions
        .iter()
        .filter(|m| m.tokens.start < span.tokens.start)
        .filter(|m| resolution.entities[m.entity].kind == NerKind::Org && named(&m.text))
        .max_by_key(|m| m.tokens.start)
        .map(|m| resolution.entities[m.entity].clone())
}

/// The US executive departments a cabinet secretary's title names by
/// their charge ("Commerce Secretary", "Agriculture Secretary"). The
/// Treasury and State are known by name.
const CABINET_DEPARTMENTS: &[&str] = &[
    "Agriculture",
    "Commerce",
    "Defense",
    "Education",
    "Energy",
    "Interior",
    "Justice",
    "Labor",
    "Transportation",
];

/// "Commerce" of "Commerce Secretary Malcolm Baldrige", tagged alone: the
/// Commerce Department.
pub(super) fn cabinet_department(doc: &Doc, span: &NamedSpan, text: &str) -> Option<String> {
    (span.tokens.len() == 1
        && CABINET_DEPARTMENTS.contains(&text)
        && doc
            .tokens
            .get(span.tokens.end)
            .is_some_and(|t| t.text == "Secretary"))
    .then(|| format!("{text} Department"))
}

/// "the Gates Foundation" after "the Bill Gates Foundation": an
/// organisation named before in full, of which this is the last words.
fn last_words_of_a_name(
    span: &NamedSpan,
    text: &str,
    resolution: &Resolution,
) -> Option<ResolvedEntity> {
    let tail = format!(" {text}");
    org_named_before(span, resolution, |named| named.ends_with(&tail))
}

/// Words besides its legal form that only say what kind of company a name
/// is ("WTC International N.V.", "Morgan Stanley Group").
const FIRM_WORDS: &[&str] = &[
    "lp",
    "group",
    "holdings",
    "holding",
    "international",
    "industries",
];

/// The legal forms a firm's name may end in ("Corp", "N.V."), lowercase and
/// without their dots; with [`FIRM_WORDS`], the words that only say what
/// kind of company a name is. A partnership's "LP" stays in its key.
const LEGAL_FORMS: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "cos",
    "company",
    "ltd",
    "limited",
    "plc",
    "incorporated",
    "ag",
    "sa",
    "nv",
    "spa",
    "llc",
    "bv",
    "ab",
    "oy",
    "oyj",
    "asa",
    "gmbh",
    "kk",
    "sarl",
    "srl",
    "pty",
    "pte",
    "sdn",
    "bhd",
    "berhad",
];

/// Whether `word` only says what kind of company a name is: a legal form
/// or one of [`FIRM_WORDS`].
fn is_corporate(word: &str) -> bool {
    let bare = word.to_lowercase().replace('.', "");
    LEGAL_FORMS.contains(&bare.as_str()) || FIRM_WORDS.contains(&bare.as_str())
}

/// An organisation's key: its name without the legal form it ends in
/// ("Chrysler Corp", "Chrysler Corporation" and "Chrysler" are
/// org:chrysler; "Merrill Lynch and Co Inc" is org:merrill-lynch), so that
/// every article keys a firm alike however it writes the name.
pub(super) fn org_key(name: &str) -> String {
    let legal_form = |w: &str| {
        let bare = w
            .trim_end_matches([',', '.'])
            .replace('.', "")
            .to_lowercase();
        LEGAL_FORMS.contains(&bare.as_str())
    };
    let mut words: Vec<&str> = name.split(' ').collect();
    while words.len() > 1 && words.last().is_some_and(|w| legal_form(w)) {
        words.pop();
        while words.len() > 1
            && words
                .last()
                .is_some_and(|w| matches!(*w, "and" | "&" | ","))
        {
            words.pop();
        }
    }
    format!("org:{}", slug(&words.join(" ")))
}

/// A company by the first words of its name, as named before in full with
/// only corporate words after them ("Pittston" after "Pittston Co",
/// "WTC" after "WTC International N.V."), when only one organisation the
/// article named so begins with them.
fn first_words_of_a_firm(
    span: &NamedSpan,
    text: &str,
    resolution: &Resolution,
) -> Option<ResolvedEntity> {
    // Not a person's or a place's name ("Houston" of "Houston Industries").
    if !matches!(span.kind, NerKind::Org | NerKind::Misc) {
        return None;
    }
    // "Ford" after "Ford Motor Co", when no other firm named before
    // begins so.
    firm_beginning_with(span, text, resolution, false)
        .or_else(|| firm_beginning_with(span, text, resolution, true))
}

/// The one company named before `span` whose name is `text` and corporate
/// words ("Pittston Co" for "Pittston"), or, `loosely`, `text` and any
/// words ending in a corporate one ("Piedmont Aviation Inc" for
/// "Piedmont"), whatever the span's tag.
pub(super) fn firm_beginning_with(
    span: &NamedSpan,
    text: &str,
    resolution: &Resolution,
    loosely: bool,
) -> Option<ResolvedEntity> {
    if !text.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let prefix = format!("{text} ");
    let mut found: Option<usize> = None;
    for m in &resolution.mentions {
        if m.tokens.start >= span.tokens.start {
            break;
        }
        let entity = &resolution.entities[m.entity];
        let Some(rest) = entity.name.strip_prefix(&prefix) else {
            continue;
        };
        let corporate = if loosely {
            rest.rsplit(' ').next().is_some_and(is_corporate)
        } else {
            rest.split(' ').all(is_corporate)
        };
        if entity.kind != NerKind::Org || !corporate {
            continue;
        }
        match found {
            Some(other) if other != m.entity => return None,
            _ => found = Some(m.entity),
        }
    }
    found.map(|e| resolution.entities[e].clone())
}

/// The head noun of an organisation's name: its last word, or the word
/// before "of" ("Court" of "European Court of Justice").
fn head_word(name: &str) -> Option<&str> {
    let before_of = name.split(" of ").next().unwrap_or(name);
    before_of.rsplit(' ').next()
}

/// A party's sector on the article's day: government or opposition where
/// it is known which it was (`PTY` otherwise).
fn party_on_day(sector: Option<String>, full: &str, context: &Context) -> Option<String> {
    // "the ruling ... Party" governs, whatever the lexicon knows of it.
    if context.ruling && matches!(sector.as_deref(), Some("PTY" | "OPP")) {
        return Some("GOV".to_owned());
    }
    match (sector.as_deref(), context.date) {
        (Some("PTY"), Some(date)) => lexicon::party_sector(full, date)
            .map(str::to_owned)
            .or(sector),
        _ => sector,
    }
}

/// The entity an organisation's name (`text`) stands for.
pub(super) fn resolve(
    gazetteer: &Gazetteer,
    span: &NamedSpan,
    text: &str,
    context: &Context,
    resolution: &Resolution,
    places: &ArticlePlaces,
) -> ResolvedEntity {
    // "BBC Radio 4", "BBC News 24", "CNN International": the broadcaster.
    let first = text.split(' ').next().unwrap_or(text);
    let text = match lexicon::known_org(first) {
        Some((_, "MED")) => first,
        _ => text,
    };
    // "US Congress", "United States Congress", "British House of
    // Commons": a body whose name alone tells its country, named with that
    // country, is the body ("Congress", org:congress).
    let words: Vec<&str> = text.split(' ').collect();
    let named_with_its_country = (1..words.len().min(3)).find_map(|n| {
        let country = gazetteer
            .country_by_alias(&words[..n].join(" "))
            .or_else(|| gazetteer.country_by_demonym(&words[..n].join(" ")))?;
        let rest = words[n..].join(" ");
        (lexicon::org_country(&rest) == Some(country.iso3.as_str())).then_some(rest)
    });
    if let Some(body) = named_with_its_country {
        return resolve(gazetteer, span, &body, context, resolution, places);
    }
    // "USDA": the state body, keyed as named in full with its country
    // (the key `state_bodies_by_country` gives "the U.S. Agriculture
    // Department").
    if let Some((name, country)) = lexicon::body_by_acronym(text) {
        let mut entity = plain_entity(super::state_body_key(country, name), name, NerKind::Org);
        entity.sector = Some("GOV".to_owned());
        entity.country = Some(country.to_owned());
        return entity;
    }
    if let Some((full, sector)) = lexicon::known_org(text) {
        let mut entity = plain_entity(format!("org:{}", slug(full)), full, NerKind::Org);
        entity.sector = party_on_day(Some(sector.to_owned()), full, context);
        // "Sweden's ruling Social Democratic Party": a party's name is
        // shared across countries, and the text may say which.
        let party = sector == "PTY";
        entity.country = context.country.clone().filter(|_| party).or_else(|| {
            lexicon::org_country(text)
                .or_else(|| lexicon::org_country(full))
                .map(str::to_owned)
        });
        return entity;
    }
    // An acronym of a longer organisation named in the article (also
    // before the full name, as in headlines).
    if span.tokens.len() == 1
        && let Some(existing) = resolution
            .entities
            .iter()
            .find(|e| e.kind == NerKind::Org && e.name.contains(' ') && initials(&e.name) == text)
    {
        return existing.clone();
    }
    let mut entity = plain_entity(org_key(text), text, NerKind::Org);
    // By its head word, or by a known organisation it starts with ("BBC
    // Radio Four").
    entity.sector = lexicon::org_sector(text)
        .or_else(|| lexicon::known_org(text.split(' ').next().unwrap_or("")).map(|(_, s)| s))
        .map(str::to_owned);
    entity.sector = party_on_day(entity.sector, text, context);
    // "the lobby group Guantanamo Human Rights Commission": what the text
    // calls it says more than its head word, and a place in its name is
    // what it campaigns about.
    let campaigning = context.sector.as_deref() == Some("NGO") && context.code.is_none();
    if campaigning {
        entity.sector = Some("NGO".to_owned());
    }
    // "Chinese Foreign Ministry": the leading demonym is the country.
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    // "Petroleum Corp of Jamaica", "Islamic Republic of Iran News Agency":
    // a country right after the last "of" is too.
    // Only a name that ends in its country may be a central bank's ("Bank
    // of Japan", not "Bank of America NT and SA").
    let of_country = text.rsplit_once(" of ").and_then(|(_, tail)| {
        let words: Vec<&str> = tail.split(' ').collect();
        (1..=words.len()).rev().find_map(|n| {
            gazetteer
                .country_by_alias(&words[..n].join(" "))
                .map(|country| (country, n == words.len()))
        })
    });
    let after_of = of_country.map(|(country, _)| country);
    let ends_in_country = of_country.is_some_and(|(_, whole)| whole);
    let leading_country = gazetteer
        .country_by_demonym(first)
        .or_else(|| gazetteer.country_by_alias(first));
    let named_country = leading_country.or(after_of).map(|c| c.iso3.clone());
    // A state body the actor dictionary knows ("Federal Bureau of
    // Investigation" is American and police).
    let body = gazetteer.person(text).and_then(|known| known.as_body());
    if entity.sector.is_none() {
        entity.sector = body.map(|(_, sector)| sector.to_owned());
    }
    // A central bank is the state's: "Bank of England", "Polish National
    // Bank", "Central Bank of Nigeria".
    if is_central_bank(
        text,
        leading_country.is_some() || ends_in_country || lexicon::org_country(text).is_some(),
    ) {
        entity.sector = Some("GOV".to_owned());
    }
    // "Massachusetts Institute of Technology", "Texas Instruments": a
    // region's name leads, in a story that names its country or none
    // ("Piedmont Aviation" is not Italian in a story of the "U.S.
    // Department of Transportation").
    // So does one after "of" ("Government of Alberta").
    let region_country = gazetteer
        .region(first)
        .or_else(|| {
            let two: Vec<&str> = text.splitn(3, ' ').take(2).collect();
            (two.len() == 2)
                .then(|| gazetteer.region(&two.join(" ")))
                .flatten()
        })
        .or_else(|| gazetteer.region(text.rsplit_once(" of ")?.1))
        .filter(|r| places.may_name_region(r))
        .map(|r| r.country.clone())
        .filter(|c| !c.is_empty() && places.may_mean(c) && !campaigning);
    // "Reagan Administration", "Blair government": the leader's state.
    let leaders_state = (entity.sector.as_deref() == Some("GOV"))
        .then(|| {
            let (leader, head) = text.rsplit_once(' ')?;
            let head = head.to_lowercase();
            if !matches!(
                head.as_str(),
                "administration" | "government" | "cabinet" | "regime"
            ) {
                return None;
            }
            // Of a surname many states' people bear ("Bush"), those in
            // office that day for a state the article may mean, when they
            // share it (not the Cayman Islands' Bush of 2005).
            let serving = || {
                let date = context.date?;
                let mut countries = gazetteer
                    .people_by_surname(leader)
                    .filter(|p| p.in_office_on(date) && places.may_mean(&p.country))
                    .map(|p| p.country.as_str());
                let first = countries.next()?;
                countries.all(|c| c == first).then_some(first)
            };
            let known = gazetteer
                .person(leader)
                .or_else(|| gazetteer.person_by_surname(leader))
                .map(|known| known.country.as_str())
                .or_else(serving)?;
            (!known.is_empty()).then(|| known.to_owned())
        })
        .flatten();
    // "Sweden's ruling Social Democratic Party": a party's name is shared
    // across countries, and the text may say which.
    let party = lexicon::org_sector(text) == Some("PTY");
    entity.country = named_country
        .clone()
        .or_else(|| context.country.clone().filter(|_| party))
        .or_else(|| lexicon::org_country(text).map(str::to_owned))
        .or_else(|| body.map(|(country, _)| country.to_owned()))
        .or(region_country)
        .or(leaders_state)
        .or_else(|| context.country.clone());
    // Every country has a "Foreign Ministry": a state body's key
    // names its country ("Chinese Foreign Ministry" and China's
    // "Foreign Ministry" are both org:chn-foreign-ministry).
    let state_body = entity.is_state_body();
    if state_body && let Some(iso3) = &entity.country {
        // Past a leading demonym; "Bank of Japan" keeps its "of Japan"
        // (org:jpn-bank-of-japan).
        let body = if leading_country.is_some() && !rest.is_empty() {
            rest
        } else {
            text
        };
        entity.key = super::state_body_key(iso3, body);
    }
    entity
}

/// A central bank's name: "Central Bank", "Reserve Bank", "Federal
/// Reserve", "National Bank" alone, or a country's "National Bank" or
/// "Bank of" (not the commercial "Bank of America" or "Bank of Ireland").
pub(super) fn is_central_bank(name: &str, names_country: bool) -> bool {
    // "the National Bank" alone, in a Swiss, Austrian or Hungarian story.
    name == "National Bank"
        || name.contains("Central Bank")
        || name.contains("Reserve Bank")
        || name.starts_with("Federal Reserve")
        || (names_country
            && (name.contains("National Bank") || name.starts_with("Bank of"))
            && !matches!(name, "Bank of America" | "Bank of Ireland"))
}

pub(super) fn initials(name: &str) -> String {
    name.split(' ')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|w| !lexicon::is_name_connector(&w.to_lowercase()))
        .filter_map(|w| w.chars().next())
        .collect()
}
