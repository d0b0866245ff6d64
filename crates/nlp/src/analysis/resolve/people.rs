//! Keying people and what the article and the dictionaries say of them: a
//! lone first or last name is the person named in full ("Blinken", "Xi");
//! known people get their country and sector from the PETRARCH2 actor
//! dictionary when the text gives none; an aide shares the country of the
//! person whose title they hold ("Biden's national security adviser").

use super::{Resolution, ResolvedEntity, plain_entity, slug};
use crate::analysis::recognize::{NamedSpan, NerKind};
use crate::gazetteer::Gazetteer;
use crate::text::Doc;

impl Resolution {
    /// The person a pronoun at token `at` refers to: "he" or "she" the
    /// subject before it, "him" the last person named.
    pub fn antecedent(&self, doc: &Doc, at: usize) -> Option<usize> {
        // "he (Funaro) had submitted": the name the writer added says who.
        if matches!(doc.tokens[at].lower.as_str(), "he" | "she" | "him")
            && doc.tokens.get(at + 1).is_some_and(|t| t.text == "(")
            && let Some(m) = self.mention_at(at + 2).map(|m| &self.mentions[m])
            && m.tokens.start == at + 2
            && self.entities[m.entity].kind == NerKind::Person
            && doc.tokens.get(m.tokens.end).is_some_and(|t| t.text == ")")
        {
            return Some(m.entity);
        }
        match doc.tokens[at].lower.as_str() {
            "he" | "she" => subject_person_before(doc, self, at),
            "him" => last_person_before(self, at),
            _ => None,
        }
    }
}

/// The person a one-word name stands for when the article names them in
/// full, even when the tagger took the lone word for an organisation.
pub(super) fn lone_name(
    gazetteer: &Gazetteer,
    doc: &Doc,
    span: &NamedSpan,
    text: &str,
    resolution: &Resolution,
) -> Option<ResolvedEntity> {
    if span.kind == NerKind::Loc {
        return None;
    }
    if span.tokens.len() == 1 {
        // "President Reagan" beside "Nancy Reagan": a lone name with a
        // public office's title, that the actor dictionary knows, is not a
        // namesake it does not know and the text never titled so. Nor is
        // the same lone name again ("Reagan and Nancy Reagan").
        let title = title_before(doc, span.tokens.start);
        let office = title.last().is_some_and(|t| {
            crate::lexicon::match_role(&[t.lower.as_str()])
                .is_some_and(|(_, sector)| matches!(sector, "GOV" | "MIL"))
        });
        let known = span.kind == NerKind::Person
            && (gazetteer.person(text).is_some()
                || gazetteer.people_by_surname(text).next().is_some());
        if known
            && resolution
                .entities
                .iter()
                .any(|e| e.kind == NerKind::Person && e.name == text)
        {
            return None;
        }
        let never_titled = |entity: usize| {
            resolution
                .mentions
                .iter()
                .filter(|m| m.entity == entity)
                .all(|m| title_before(doc, m.tokens.start).is_empty())
        };
        let unknown_namesake = |entity: usize| {
            office
                && known
                && gazetteer
                    .person(&resolution.entities[entity].name)
                    .is_none()
                && never_titled(entity)
        };
        // Of several so named ("Howard Baker" and "James Baker"), the one
        // named last before it (or first after it).
        let candidates: Vec<usize> = resolution
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                // "DINGELL URGES SEC" in a headline is John Dingell too.
                e.kind == NerKind::Person && e.name.contains(' ') && {
                    let mut parts = e.name.split(' ');
                    let same =
                        |part: Option<&str>| part.is_some_and(|p| p.eq_ignore_ascii_case(text));
                    same(parts.next()) || same(parts.next_back())
                }
            })
            .map(|(i, _)| i)
            .filter(|&i| !unknown_namesake(i))
            .collect();
        let last_before = |entity: usize| {
            resolution
                .mentions
                .iter()
                .filter(|m| m.entity == entity && m.tokens.start < span.tokens.start)
                .map(|m| m.tokens.start)
                .max()
        };
        // A title picks the one the article introduced with it:
        // "Treasury Secretary Baker" is "Treasury Secretary James Baker",
        // not "Chief of Staff Howard Baker".
        let titled: Vec<usize> = if candidates.len() > 1 && !title.is_empty() {
            candidates
                .iter()
                .copied()
                .filter(|&i| {
                    resolution.mentions.iter().any(|m| {
                        let theirs = title_before(doc, m.tokens.start);
                        m.entity == i
                            && theirs.len() >= title.len()
                            && theirs
                                .iter()
                                .rev()
                                .zip(title.iter().rev())
                                .all(|(a, b)| a.lower == b.lower)
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        // "Schultz is currently visiting Peking" after "George Shultz": a
        // long surname one letter off the one person so named, when no
        // one known is called so ("Reagan" is not "Regan").
        if candidates.is_empty()
            && span.kind == NerKind::Person
            && text.chars().count() >= 6
            && gazetteer.people_by_surname(text).next().is_none()
        {
            let mut misspelt = resolution.entities.iter().filter(|e| {
                e.kind == NerKind::Person
                    && e.name.contains(' ')
                    && e.name
                        .rsplit(' ')
                        .next()
                        .is_some_and(|surname| one_letter_off(surname, text))
            });
            if let (Some(one), None) = (misspelt.next(), misspelt.next()) {
                return Some(one.clone());
            }
        }
        let chosen = match titled[..] {
            [only] => only,
            _ => candidates
                .iter()
                .copied()
                .max_by_key(|&i| (last_before(i), std::cmp::Reverse(i)))?,
        };
        return Some(resolution.entities[chosen].clone());
    }
    // A surname of several words ("De Croo" of "Herman De Croo"), with a
    // hyphen or without ("Kilroy-Silk" of "Robert Kilroy Silk").
    let unhyphenated = |name: &str| name.replace('-', " ");
    let tail = format!(" {}", unhyphenated(text));
    (span.kind == NerKind::Person && span.tokens.len() <= 3)
        .then(|| {
            resolution
                .entities
                .iter()
                .find(|e| e.kind == NerKind::Person && unhyphenated(&e.name).ends_with(&tail))
                .cloned()
        })
        .flatten()
}

/// Whether `a` and `b` differ by one letter added, dropped or changed,
/// the first letter the same ("Shultz" and "Schultz").
fn one_letter_off(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.first() != b.first() || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (rest_a, rest_b) = (&a[common..], &b[common..]);
    match rest_a.len().cmp(&rest_b.len()) {
        std::cmp::Ordering::Equal => rest_a[1..] == rest_b[1..],
        std::cmp::Ordering::Less => rest_a == &rest_b[1..],
        std::cmp::Ordering::Greater => &rest_a[1..] == rest_b,
    }
}

/// The capitalised words of a title just before token `at` ("Treasury
/// Secretary" of "Treasury Secretary Baker"), at most three; none when
/// only an honorific stands there.
fn title_before(doc: &Doc, at: usize) -> &[crate::text::Token] {
    let tokens = &doc.tokens[at.saturating_sub(3)..at];
    let start = tokens
        .iter()
        .rposition(|t| !t.text.starts_with(|c: char| c.is_uppercase()))
        .map_or(0, |i| i + 1);
    let title = &tokens[start..];
    match title {
        [one] if matches!(one.lower.trim_end_matches('.'), "mr" | "mrs" | "ms" | "dr") => &[],
        _ => title,
    }
}

/// A person by their name as written.
pub(super) fn person(text: &str) -> ResolvedEntity {
    plain_entity(format!("person:{}", slug(text)), text, NerKind::Person)
}

/// States whose people the wire names by surname alone, without naming
/// the state ("Reagan said", "Thatcher told parliament").
const MAJOR_STATES: &[&str] = &[
    "USA", "GBR", "FRA", "DEU", "ITA", "ESP", "NLD", "BEL", "CHE", "SWE", "JPN", "CHN", "RUS",
    "IND", "PAK", "CAN", "AUS", "BRA", "ARG", "MEX", "ZAF", "EGY", "ISR", "IRN", "IRQ", "SAU",
    "TUR", "KOR", "IDN", "PHL", "NGA", "POL",
];

/// The countries of the article's places, states and bodies.
fn article_countries(resolution: &Resolution) -> std::collections::HashSet<String> {
    resolution
        .entities
        .iter()
        .filter(|e| e.kind != NerKind::Person)
        .filter_map(|e| e.country.clone())
        .collect()
}

/// People the text gives no country or sector: what the actor dictionary
/// says they were on the article's date (`date`), or their latest role
/// when the date is unknown.
pub(super) fn from_actor_dictionary(
    gazetteer: &Gazetteer,
    doc: &Doc,
    resolution: &mut Resolution,
    date: Option<chrono::NaiveDate>,
) {
    let mentions = &resolution.mentions;
    let named_countries: Vec<String> = resolution
        .entities
        .iter()
        .filter(|e| e.is_country)
        .filter_map(|e| e.country.clone())
        .collect();
    let keys: std::collections::HashSet<String> =
        resolution.entities.iter().map(|e| e.key.clone()).collect();
    let article_countries = article_countries(resolution);
    for entity in &mut resolution.entities {
        if entity.kind != NerKind::Person {
            continue;
        }
        // A lone surname the article never completes: the dictionary's
        // people of that name, when they share a country; else the one
        // it knows with the title written before it ("President Bush").
        let titled = || {
            entity.mentions.iter().find_map(|&m| {
                let start = mentions[m].tokens.start;
                let title = &doc.tokens[start.checked_sub(1)?];
                title.is_capitalized().then_some(())?;
                gazetteer.person(&format!("{} {}", title.text, entity.name))
            })
        };
        // "Ward", "Hart", "Alex": a lone name is a small state's official
        // only in a story that names the state.
        let by_surname = (!entity.name.contains(' '))
            .then(|| gazetteer.person_by_surname(&entity.name))
            .flatten()
            .filter(|k| {
                MAJOR_STATES.contains(&k.country.as_str()) || named_countries.contains(&k.country)
            });
        // Such a surname is keyed by the one full name the dictionary has
        // for it ("Reagan" is person:ronald-reagan in every article), when
        // that person held office on the article's date for a country of
        // the article's places and bodies ("Ms Abbott" in a British story
        // is not Australia's Tony Abbott, "May" in 1987 not Theresa May),
        // and the article has no such key already.
        let sure = by_surname.is_some_and(|k| {
            date.is_some_and(|d| k.in_office_on(d)) && article_countries.contains(&k.country)
        });
        // After a title, the one namesake then in office for a country
        // the article names, or, after "Mr" or "Ms", whose places and bodies
        // it names ("Mr Blair" in a British story of 2005 that names only
        // Labour and the Home Office, not the American admiral; not the
        // "Smith" of "Fenner and Smith").
        let after = |test: fn(&str) -> bool| {
            entity.mentions.iter().any(|&m| {
                mentions[m]
                    .tokens
                    .start
                    .checked_sub(1)
                    .is_some_and(|p| test(&doc.tokens[p].lower))
            })
        };
        let after_title =
            after(|w| crate::lexicon::is_honorific(w) || crate::lexicon::is_title_word(w));
        let after_honorific = after(crate::lexicon::is_honorific);
        let namesake = date
            .filter(|_| after_title && !entity.name.contains(' '))
            .and_then(|d| {
                gazetteer.namesake_in_office(&entity.name, d, |c| {
                    named_countries.iter().any(|n| n == c)
                        || (after_honorific && article_countries.contains(c))
                })
            });
        // Keyed by that namesake's full name too ("Mr Blair" is
        // person:tony-blair).
        let full = if sure {
            gazetteer.full_name_by_surname(&entity.name)
        } else {
            namesake.and_then(|(_, name)| name)
        };
        if let Some(full) = full {
            let key = format!("person:{}", super::slug(full));
            if !keys.contains(&key) {
                entity.key = key;
            }
        }
        // "the Queen" in a story that names Britain is its head of state.
        let sovereign = entity.name == "Queen"
            && (entity.country.as_deref() == Some("GBR")
                || article_countries.contains("GBR")
                || named_countries.iter().any(|c| c == "GBR"));
        if sovereign {
            entity.key = "person:elizabeth-ii".to_owned();
        }
        let known = if sovereign {
            gazetteer.person("Elizabeth II")
        } else if entity.name.contains(' ') {
            gazetteer.person(&entity.name)
        } else {
            by_surname
                .or_else(titled)
                .or_else(|| namesake.map(|(person, _)| person))
        };
        let Some(standing) = known.map(|person| person.on(date)) else {
            continue;
        };
        // An office the dictionary dates to that day says more than a bare
        // role word ("Lib Dem leader Charles Kennedy" opposed in 2005).
        let in_office = date.is_some_and(|d| known.is_some_and(|k| k.in_office_on(d)));
        if in_office
            && standing.code.is_none()
            && entity.code.is_none()
            && let Some(sector) = standing.sector
        {
            entity.sector = Some(sector.to_owned());
        }
        // A title the text gives them of an office they had left by then
        // is history: they are elite, not government ("President Carter"
        // in 1987). Without a title, a role outside its dates is not used.
        // Unless the dictionary knows someone of that name and title in
        // office ("President George Bush" in 2005 is the son).
        let retired = date.is_some_and(|d| {
            known.is_some_and(|k| k.retired_on(d)) && !titled().is_some_and(|k| k.in_office_on(d))
        });
        // Nor without one: someone whose every office had ended by then
        // is a former office-holder ("William Casey" in March 1987).
        if retired
            && entity.code.is_none()
            && entity
                .sector
                .as_deref()
                .is_none_or(|s| matches!(s, "GOV" | "LEG" | "OPP" | "PTY"))
        {
            entity.sector = Some("ELI".to_owned());
        }
        // What the text says comes first: a person it already gave a
        // sector or country to keeps them.
        let told = entity.country.is_some() || entity.sector.is_some() || entity.code.is_some();
        if let Some(code) = standing.code
            && !told
        {
            entity.code = Some(code.to_owned());
            entity.sector = standing.sector.map(str::to_owned);
            continue;
        }
        if entity.code.is_none() {
            if let Some(country) = standing.country {
                entity.country.get_or_insert_with(|| country.to_owned());
            }
            if let Some(sector) = standing.sector {
                entity.sector.get_or_insert_with(|| sector.to_owned());
            }
        }
    }
}

/// "Cherie Blair" in a story of Tony Blair, "Azmat Begg" in one of Moazzam
/// Begg: someone nothing gives a country shares it with the one person of
/// the same family name the article places. Where it places no one of
/// that name, with the one namesake the actor dictionary has in office
/// that day for a country of the article's places and bodies ("Cherie
/// Blair" in a 2005 story of "the prime minister's wife", the White House
/// and the Tories is British).
pub(super) fn from_family(
    gazetteer: &Gazetteer,
    doc: &Doc,
    resolution: &mut Resolution,
    date: Option<chrono::NaiveDate>,
) {
    let surname = |name: &str| name.rsplit(' ').next().map(str::to_owned);
    let placed: Vec<(String, String)> = resolution
        .entities
        .iter()
        .filter(|e| e.kind == NerKind::Person && e.name.contains(' '))
        .filter_map(|e| Some((surname(&e.name)?, e.country.clone()?)))
        .collect();
    let article_countries = article_countries(resolution);
    // Only in a story that speaks of someone's family ("the prime
    // minister's wife"): else a namesake is a stranger ("Hermann Pohl" of
    // Jacobs Suchard is not of Bundesbank president Karl Otto Poehl's
    // country).
    let kin_named = doc.tokens.iter().any(|t| super::context::is_kin(&t.lower));
    for entity in &mut resolution.entities {
        if entity.kind != NerKind::Person
            || entity.country.is_some()
            || entity.code.is_some()
            || !entity.name.contains(' ')
        {
            continue;
        }
        let Some(family) = surname(&entity.name) else {
            continue;
        };
        let mut countries = placed.iter().filter(|(s, _)| *s == family).map(|(_, c)| c);
        if let Some(first) = countries.next() {
            if countries.all(|c| c == first) {
                entity.country = Some(first.clone());
            }
        } else if kin_named
            && let Some((namesake, _)) = date.and_then(|d| {
                gazetteer.namesake_in_office(&family, d, |c| article_countries.contains(c))
            })
            && !namesake.country.is_empty()
        {
            entity.country = Some(namesake.country.clone());
        }
    }
}

/// "Archbishop Desmond Tutu ... the South African archbishop said": a
/// later description by country and title gives the country to the one
/// person the article titled so, when nothing else gave them one.
pub(super) fn from_descriptions(doc: &Doc, resolution: &mut Resolution) {
    let mut found: Vec<(usize, String)> = Vec::new();
    for mention in &resolution.mentions {
        let entity = &resolution.entities[mention.entity];
        let start = mention.tokens.start;
        let after_the = start
            .checked_sub(1)
            .is_some_and(|p| doc.tokens[p].lower == "the");
        let Some(title) = doc.tokens.get(mention.tokens.end) else {
            continue;
        };
        if !entity.is_country || !after_the || !title.is_word() || title.is_capitalized() {
            continue;
        }
        let Some(country) = entity.country.clone() else {
            continue;
        };
        if crate::lexicon::match_role(&[title.lower.as_str()]).is_none() {
            continue;
        }
        // The people titled so before the description.
        let mut titled: Vec<usize> = resolution
            .mentions
            .iter()
            .filter(|m| m.tokens.start < start && m.tokens.start > 0)
            .filter(|m| resolution.entities[m.entity].kind == NerKind::Person)
            .filter(|m| doc.tokens[m.tokens.start - 1].lower == title.lower)
            .map(|m| m.entity)
            .collect();
        titled.dedup();
        if let [person] = titled[..] {
            found.push((person, country));
        }
    }
    for (person, country) in found {
        let entity = &mut resolution.entities[person];
        if entity.country.is_none() && entity.code.is_none() {
            entity.country = Some(country);
        }
    }
}

/// Someone's adviser, envoy or spokesman works for that person's country
/// and sector, or organisation: `patrons` pairs an entity with a token of
/// its patron's mention, and whether the text named a country or an
/// organisation of its own around it (which then comes first). The
/// patron's word beats a role word and the dictionary.
pub(super) fn from_patrons(resolution: &mut Resolution, patrons: &[(usize, usize, bool)]) {
    for &(entity, token, named) in patrons {
        let Some(patron) = resolution
            .mention_at(token)
            .map(|m| resolution.entities[resolution.mentions[m].entity].clone())
        else {
            continue;
        };
        if patron.kind != NerKind::Person || resolution.entities[entity].kind != NerKind::Person {
            continue;
        }
        let target = &mut resolution.entities[entity];
        if named {
            if target.country.is_none() && target.code.is_none() {
                target.country = patron.country;
            }
            continue;
        }
        if patron.code.is_some() {
            target.code = patron.code;
            target.sector = patron.sector;
            target.country = None;
            continue;
        }
        if patron.country.is_some() {
            target.country = patron.country;
            target.code = None;
        }
        if patron.sector.is_some() {
            target.sector = patron.sector;
        }
    }
}

/// Who "he" or "she" at token `at` refers to: a person named earlier in the
/// same sentence ("Austin said he was confident"), else the first person of
/// the last sentence that names one (usually its subject: "Blinken met Qin.
/// He will ..." is Blinken).
fn subject_person_before(doc: &Doc, resolution: &Resolution, at: usize) -> Option<usize> {
    subject_before(doc, resolution, at, 4)
}

/// The subject person before the pronoun at `at`: the first person of its
/// sentence before it, else of the nearest sentence before that names one
/// or has a "he" or "she" of its own, which then stands for its own
/// antecedent ("In a letter he wrote: 'Tony Blair ...'. He criticised" is
/// the writer, not Blair). Outside a quotation, quoted names do not count: they are
/// the speaker's words, not the narrative's subjects.
fn subject_before(doc: &Doc, resolution: &Resolution, at: usize, depth: usize) -> Option<usize> {
    let sentence = doc.sentence_of[at];
    let quoted = |i: usize| resolution.is_quoted(i);
    let outside = !quoted(at);
    let is_person =
        |m: &&super::ResolvedMention| resolution.entities[m.entity].kind == NerKind::Person;
    // Not one governed by a preposition, nor a possessive ("admired Mr
    // Blair's leadership, he criticised ...": "he" is not Blair).
    let free = |m: &&super::ResolvedMention| {
        let governed = m.tokens.start.checked_sub(1).is_some_and(|p| {
            matches!(
                doc.tokens[p].lower.as_str(),
                "with" | "to" | "by" | "of" | "for" | "from" | "and" | "against"
            )
        });
        let possessive = doc
            .tokens
            .get(m.tokens.end)
            .is_some_and(|t| matches!(t.text.as_str(), "'s" | "\u{2019}s"));
        let quoted_here = outside && quoted(m.tokens.start);
        !(governed
            || possessive
            || quoted_here
            || in_opening_participle(doc, resolution, m.tokens.start))
    };
    let pronoun = |i: usize| {
        matches!(doc.tokens[i].lower.as_str(), "he" | "she")
            && doc.tokens[i].lower == doc.tokens[at].lower
            && !(outside && quoted(i))
    };
    // The first person or pronoun of `range` (before `at`); `None` when it
    // has neither, `Some` of the answer when it decides (a pronoun decides
    // even when its own antecedent is unknown, so that one search does not
    // start another from every earlier "he").
    let first = |range: std::ops::Range<usize>| -> Option<Option<usize>> {
        let end = range.end.min(at);
        let mention = resolution
            .mentions_in(&range)
            .map(|m| &resolution.mentions[m])
            .filter(|m| m.tokens.end <= end)
            .filter(is_person)
            .find(free);
        if let Some(m) = mention {
            return Some(Some(m.entity));
        }
        let p = (range.start..end).find(|&i| pronoun(i))?;
        Some(
            (depth > 0)
                .then(|| subject_before(doc, resolution, p, depth - 1))
                .flatten(),
        )
    };
    let range = doc.sentences[sentence].tokens.clone();
    if let Some(found) = first(range) {
        return found;
    }
    (0..sentence)
        .rev()
        .find_map(|s| first(doc.sentences[s].tokens.clone()))
        .flatten()
}

/// Whether token `at` is in a participle phrase that opens its sentence
/// ("Speaking in the Commons after Mr Brown had delivered the Budget, Mr
/// Kennedy acknowledged"): who is named there is not the sentence's
/// subject.
fn in_opening_participle(doc: &Doc, resolution: &Resolution, at: usize) -> bool {
    let sentence = &doc.sentences[doc.sentence_of[at]].tokens;
    let opening = &doc.tokens[sentence.start];
    let comma = |i: usize| doc.tokens[i].text == ",";
    opening.lower.len() > 4
        && opening.lower.ends_with("ing")
        && resolution.mention_at(sentence.start).is_none()
        && !(sentence.start + 1..at).any(comma)
        && (at + 1..sentence.end).any(comma)
}

/// The entity of the last person mentioned before token `at`.
fn last_person_before(resolution: &Resolution, at: usize) -> Option<usize> {
    resolution
        .mentions
        .iter()
        .rev()
        .filter(|m| m.tokens.end <= at)
        .find(|m| resolution.entities[m.entity].kind == NerKind::Person)
        .map(|m| m.entity)
}
