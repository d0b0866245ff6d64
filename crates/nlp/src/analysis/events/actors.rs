//! Who can act in a sentence: the "actor units" the coder chooses sources
//! and targets from.
//!
//! A unit is a mention of a person, an organisation or a country, a group
//! named by its country ("U.S. officials", "his Chinese counterpart", "the
//! Chinese"), or a pronoun resolved to the last person named before it.
//! Never actors: places (a capital acting for its country is resolved to
//! the country upstream), venues ("the Diaoyutai State Guesthouse"), news
//! agencies, photographers ("Leah Millis/AP"), names that only modify the
//! name after them ("*Chinese* Foreign Minister Qin Gang"), and demonyms
//! used as adjectives ("a *Chinese* spy balloon").

use std::ops::Range;

use crate::analysis::recognize::NerKind;
use crate::analysis::resolve::Resolution;
use crate::gazetteer::Gazetteer;
use crate::lexicon;
use crate::text::Doc;

/// How a unit was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Name,
    /// A pronoun, resolved to the last person named before it.
    Pronoun,
    /// A title standing for the last one so titled ("the prince", "the
    /// prime minister"): clearer than a pronoun.
    Role,
    /// A group or role named by its country ("U.S. officials").
    Group,
}

/// One actor candidate of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Token range in the document.
    pub tokens: Range<usize>,
    /// The entity it stands for.
    pub entity: usize,
    /// The role it acts in, when the text gives one.
    pub sector: Option<String>,
    /// A capital standing for its country: (ISO code, name).
    pub stands_for: Option<(String, String)>,
    pub via: Via,
}

/// Last words of organisation names that are buildings or venues.
const VENUES: &[&str] = &[
    "Guesthouse",
    "Hotel",
    "Palace",
    "Hall",
    "House",
    "Centre",
    "Center",
    "Stadium",
    "Airport",
    "Square",
    "Building",
    "Street",
    "Hospital",
    "Arena",
    "Plaza",
    "Tower",
    "Residence",
];

/// Nouns after a country or demonym that make it an acting group.
const GROUPS: &[(&str, &str)] = &[
    ("officials", "GOV"),
    ("official", "GOV"),
    ("government", "GOV"),
    ("governments", "GOV"),
    ("administration", "GOV"),
    ("authorities", "GOV"),
    ("leaders", "GOV"),
    ("leader", "GOV"),
    ("diplomats", "GOV"),
    ("diplomat", "GOV"),
    ("counterpart", "GOV"),
    ("counterparts", "GOV"),
    ("negotiators", "GOV"),
    ("representatives", "GOV"),
    ("representative", "GOV"),
    ("envoy", "GOV"),
    ("envoys", "GOV"),
    ("minister", "GOV"),
    ("ministers", "GOV"),
    ("president", "GOV"),
    ("spokesman", "GOV"),
    ("spokeswoman", "GOV"),
    ("delegation", "GOV"),
    ("team", "GOV"),
    ("teams", "GOV"),
    ("mission", "GOV"),
    ("side", ""),
    ("forces", "MIL"),
    ("troops", "MIL"),
    ("military", "MIL"),
    ("army", "MIL"),
    ("navy", "MIL"),
    ("soldiers", "MIL"),
    ("warplanes", "MIL"),
    ("jets", "MIL"),
    ("infantry", "MIL"),
    ("brigade", "MIL"),
    ("brigades", "MIL"),
    ("division", "MIL"),
    ("units", "MIL"),
    ("artillery", "MIL"),
    ("warships", "MIL"),
    ("gunboats", "MIL"),
    ("aircraft", "MIL"),
    ("planes", "MIL"),
    ("police", "COP"),
    // "attacked the Saudi Arabian supertanker": a country's ships.
    ("tanker", ""),
    ("tankers", ""),
    ("supertanker", ""),
    ("ship", ""),
    ("ships", ""),
    ("vessel", ""),
    ("vessels", ""),
    ("freighter", ""),
];

/// Nouns of what is said to or from someone ("a warning to Washington").
const MESSAGES: &[&str] = &[
    "warning",
    "warnings",
    "message",
    "messages",
    "letter",
    "appeal",
    "protest",
    "protests",
    "threat",
    "threats",
    "ultimatum",
    "request",
    "requests",
    "demand",
    "demands",
    "criticism",
    "complaint",
    "complaints",
];

/// Nouns a name before them only qualifies ("the Iraq war").
const TOPICS: &[&str] = &[
    "war",
    "wars",
    "crisis",
    "conflict",
    "policy",
    "policies",
    "issue",
    "question",
    "dossier",
    "inquiry",
    "debate",
    "problem",
    "problems",
    "situation",
    "affair",
    "scandal",
    "economy",
    "advice",
    "trade",
    "exports",
    "imports",
    "deficit",
    "surplus",
    "relations",
    "ties",
    "textile",
    "oil",
    "debt",
    "budget",
    "tax",
    "taxes",
    "currency",
    // "offering 100 mln New Zealand dlrs of notes".
    "dlrs",
    "dlr",
    "dollars",
    "dollar",
    "yen",
    "francs",
    "marks",
    "pounds",
    "stg",
    "crowns",
    "pesos",
    "lire",
    "rupees",
    "aid",
    // "still meeting his 1987/88 PSBR target".
    "target",
    "targets",
    "requirement",
    "requirements",
    "standards",
    "obligations",
    // "agreed to give up Cabinet voting rights".
    "voting",
    "rights",
];

fn group_sector(word: &str) -> Option<&'static str> {
    GROUPS.iter().find(|(w, _)| *w == word).map(|(_, s)| *s)
}

/// Nouns after a demonym that make it its state acting ("backed Russian
/// entry" backs Russia).
const STATE_ACTS: &[&str] = &[
    "entry",
    "accession",
    "membership",
    "bid",
    "proposal",
    "proposals",
    "offer",
    "request",
    "demand",
    "demands",
    "claim",
    "claims",
    "attack",
    "attacks",
    "offensive",
    "warning",
    "warnings",
    "threat",
    "threats",
    "criticism",
    "accusations",
    "invasion",
    "appeal",
];

/// "The Danish and German governments": the group noun after the last of
/// coordinated demonyms, which holds for each of them.
fn shared_group(doc: &Doc, gazetteer: &Gazetteer, end: usize) -> Option<&'static str> {
    let tokens = &doc.tokens;
    let joins = tokens
        .get(end)
        .is_some_and(|t| matches!(t.lower.as_str(), "and" | "or" | ","));
    let other = tokens.get(end + 1)?;
    if !joins || !other.is_capitalized() || gazetteer.country_by_demonym(&other.text).is_none() {
        return None;
    }
    group_after(doc, end + 2)
        .map(|(sector, _)| sector)
        .filter(|s| !s.is_empty())
}

/// A group noun at token `at`, or after one or two words of what the
/// group deals in ("officials", "trade officials", "foreign trade
/// ministers"): its sector and where it ends.
fn group_after(doc: &Doc, at: usize) -> Option<(&'static str, usize)> {
    let domain = |i: usize| {
        doc.tokens.get(i).is_some_and(|t| {
            t.is_word()
                && !t.is_capitalized()
                && !lexicon::is_function_word(&t.lower)
                && matches!(
                    t.lower.as_str(),
                    "arms"
                        | "trade"
                        | "finance"
                        | "foreign"
                        | "defence"
                        | "defense"
                        | "security"
                        | "peace"
                        | "farm"
                        | "agriculture"
                        | "oil"
                        | "debt"
                        | "treasury"
                        | "embassy"
                        | "intelligence"
                        | "military"
                        | "naval"
                        | "border"
                        | "government"
                        | "state"
                        | "affairs"
                        | "economic"
                )
        })
    };
    let group = |i: usize| doc.tokens.get(i).and_then(|t| group_sector(&t.lower));
    let mut i = at;
    while i < at + 2 && group(i).is_none() && domain(i) {
        i += 1;
    }
    group(i).map(|sector| (sector, i + 1))
}

/// Whether an entity is of public life, whose words and wishes are events:
/// not the media, a firm or academia; of those the text gives no role,
/// people and states are, organisations (mostly firms) are not.
pub(super) fn of_public_life(entity: &crate::analysis::resolve::ResolvedEntity) -> bool {
    acts_in_public_life(entity, entity.sector.as_deref())
}

/// Whether an entity acting in `sector` (its own, or the one the sentence
/// gives it: "Japanese officials") is of public life.
pub(super) fn acts_in_public_life(
    entity: &crate::analysis::resolve::ResolvedEntity,
    sector: Option<&str>,
) -> bool {
    match sector {
        Some(sector) => !matches!(sector, "MED" | "BUS" | "EDU"),
        None => entity.kind == NerKind::Person || entity.is_country,
    }
}

/// The units of sentence `s`, in text order.
pub fn units(doc: &Doc, resolution: &Resolution, gazetteer: &Gazetteer, s: usize) -> Vec<Unit> {
    let sentence = &doc.sentences[s];
    let mut units = Vec::new();
    for m in resolution.mentions_in(&sentence.tokens) {
        if let Some(unit) = unit_of_mention(doc, resolution, gazetteer, m) {
            units.push(unit);
        }
    }
    for i in sentence.tokens.clone() {
        if resolution.mention_at(i).is_some() {
            continue;
        }
        let antecedent = role_antecedent(doc, resolution, i)
            .map(|(entity, len)| (entity, len, Via::Role))
            .or_else(|| country_antecedent(doc, resolution, i).map(|e| (e, 1, Via::Pronoun)));
        if let Some((entity, len, via)) = antecedent {
            units.push(Unit {
                tokens: i..i + 1 + len,
                entity,
                sector: None,
                stands_for: None,
                via,
            });
            continue;
        }
        if let Some((pair, len)) = pair_antecedent(doc, resolution, i) {
            // Two units over the same words, which stand coordinated.
            for entity in pair {
                units.push(Unit {
                    tokens: i..i + len,
                    entity,
                    sector: None,
                    stands_for: None,
                    via: Via::Pronoun,
                });
            }
            continue;
        }
        let found = resolution
            .antecedent(doc, i)
            .or_else(|| it_antecedent(doc, resolution, gazetteer, i));
        if let Some(entity) = found {
            units.push(Unit {
                tokens: i..i + 1,
                entity,
                sector: None,
                stands_for: None,
                via: Via::Pronoun,
            });
        }
    }
    units.sort_by_key(|u| u.tokens.start);
    units
}

/// The two "both sides", "the two countries" or "the two leaders" at `at`
/// name again: the last pair the article joined with "and" ("India and
/// Pakistan"), of countries for "countries", of people for "leaders";
/// with the phrase's length in words.
fn pair_antecedent(doc: &Doc, resolution: &Resolution, at: usize) -> Option<([usize; 2], usize)> {
    let word = |k: usize| doc.tokens.get(at + k).map_or("", |t| t.lower.as_str());
    let (noun, len) = match (word(0), word(1)) {
        ("both", noun) => (noun, 2),
        ("the", "two") => (word(2), 3),
        _ => return None,
    };
    let fits: fn(&crate::analysis::resolve::ResolvedEntity) -> bool = match noun {
        "sides" => |e| matches!(e.kind, NerKind::Person | NerKind::Org) || e.is_country,
        "countries" | "governments" | "nations" => |e| e.is_country,
        "leaders" | "men" => |e| e.kind == NerKind::Person,
        _ => return None,
    };
    let before = &resolution.mentions[resolution.mentions_in(&(0..at))];
    before.windows(2).rev().find_map(|pair| {
        let (a, b) = (&pair[0], &pair[1]);
        let between: Vec<&str> = doc
            .tokens
            .get(a.tokens.end..b.tokens.start)
            .unwrap_or_default()
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        let joined = matches!(between[..], ["and"] | ["and", "the"]);
        let (left, right) = (
            &resolution.entities[a.entity],
            &resolution.entities[b.entity],
        );
        (joined && a.entity != b.entity && fits(left) && fits(right))
            .then_some(([a.entity, b.entity], len))
    })
}

/// The country "the country" at `at` (the "the") names again: the last
/// country the article named before it, within this sentence or the two
/// before ("appealed for greater effort by the country" after "deploring
/// Japan's ... imbalance").
fn country_antecedent(doc: &Doc, resolution: &Resolution, at: usize) -> Option<usize> {
    if doc.tokens[at].lower != "the" || doc.tokens.get(at + 1).is_none_or(|t| t.lower != "country")
    {
        return None;
    }
    let sentence = doc.sentence_of[at];
    let from = doc.sentences[sentence.saturating_sub(2)].tokens.start;
    resolution.mentions[resolution.mentions_in(&(from..at))]
        .iter()
        .rev()
        .find(|m| resolution.entities[m.entity].is_country)
        .map(|m| m.entity)
}

/// Offices one person holds at a time, by which the text names them again
/// ("the prime minister", "the chancellor").
const OFFICES: &[&str] = &[
    "prime minister",
    "foreign secretary",
    "home secretary",
    "chancellor",
    "president",
    "foreign minister",
    "finance minister",
    "defence secretary",
    "defense secretary",
    "secretary of state",
    "trade representative",
    "premier",
    "governor",
    "mayor",
    // "Foreign Minister Qin Gang ... the minister", "Prince Harry ... the
    // prince": the last one so titled, whatever the title's first words.
    "minister",
    "prince",
    "princess",
    "king",
    "queen",
    "pope",
    "ambassador",
    "senator",
    "envoy",
];

/// The person "the prime minister" at `at` (the "the") names again: the
/// last one the article gave that title, before their name ("Prime
/// Minister Tony Blair") or after it ("Tony Blair, the prime minister");
/// with the title's length in words. Not a title before a name ("the
/// Chancellor Gordon Brown" is his mention).
fn role_antecedent(doc: &Doc, resolution: &Resolution, at: usize) -> Option<(usize, usize)> {
    if doc.tokens[at].lower != "the" {
        return None;
    }
    let sentence_end = doc.sentences[doc.sentence_of[at]].tokens.end;
    // Whether the words from token `from` on read `office`.
    let reads = |from: usize, office: &str| {
        office
            .split(' ')
            .enumerate()
            .all(|(k, word)| doc.tokens.get(from + k).is_some_and(|t| t.lower == word))
    };
    let (office, len) = OFFICES.iter().find_map(|office| {
        let len = office.split(' ').count();
        (at + 1 + len <= sentence_end && reads(at + 1, office)).then_some((*office, len))
    })?;
    // "the Chancellor Gordon Brown", "the prime minister, Gordon Brown,":
    // the title of the name that follows; "the chancellor of ..." another
    // office.
    let after = at + 1 + len;
    let named_after = |i: usize| i < sentence_end && resolution.mention_at(i).is_some();
    if named_after(after)
        || (after < sentence_end && doc.tokens[after].lower == "of")
        || (after < sentence_end && doc.tokens[after].text == "," && named_after(after + 1))
    {
        return None;
    }
    // Not "deputy prime minister John Prescott" for "the prime minister".
    let qualified = |at: Option<usize>| {
        at.and_then(|i| doc.tokens.get(i)).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "deputy"
                    | "vice"
                    | "former"
                    | "ex"
                    | "acting"
                    | "shadow"
                    | "assistant"
                    | "under"
                    | "junior"
                    | "then"
                    | "-"
                    | "lord"
            )
        })
    };
    resolution
        .mentions
        .iter()
        .rev()
        .filter(|m| m.tokens.end <= at)
        .filter(|m| resolution.entities[m.entity].kind == NerKind::Person)
        .find(|m| {
            let before = m
                .tokens
                .start
                .checked_sub(len)
                .is_some_and(|from| !qualified(from.checked_sub(1)) && reads(from, office));
            let apposed = doc.tokens.get(m.tokens.end).is_some_and(|t| t.text == ",")
                && doc
                    .tokens
                    .get(m.tokens.end + 1)
                    .is_some_and(|t| t.lower == "the")
                && !qualified(Some(m.tokens.end + 2))
                && reads(m.tokens.end + 2, office);
            // "Prince Harry", the title inside the name.
            let inside = m.tokens.len() > len && reads(m.tokens.start, office);
            before || apposed || inside
        })
        .map(|m| (m.entity, len))
}

/// What "it" at token `at` stands for when it begins a clause ("Iran is
/// claiming repayment. It has also asked France ..."): the country or
/// public body its sentence opens with, else the one the last sentence
/// opens with. "It" elsewhere ("rejected it", "it is clear")
/// is left alone.
fn it_antecedent(
    doc: &Doc,
    resolution: &Resolution,
    gazetteer: &Gazetteer,
    at: usize,
) -> Option<usize> {
    if doc.tokens[at].lower != "it" {
        return None;
    }
    let sentence = doc.sentence_of[at];
    let opens = at == doc.sentences[sentence].tokens.start
        || matches!(
            doc.tokens[at - 1].lower.as_str(),
            "," | "that" | "and" | "but" | "said" | "says"
        );
    let verb_follows = doc.tokens.get(at + 1).is_some_and(|t| {
        !t.is_capitalized()
            && t.is_word()
            && !matches!(
                t.lower.as_str(),
                "is" | "was" | "'s" | "\u{2019}s" | "seems" | "appears"
            )
    });
    if !opens || !verb_follows {
        return None;
    }
    let acting = |m: usize| {
        let mention = &resolution.mentions[m];
        let entity = &resolution.entities[mention.entity];
        let mut start = mention.tokens.start;
        while start > 0 && matches!(doc.tokens[start - 1].lower.as_str(), "the" | "a" | "an") {
            start -= 1;
        }
        let free = start.checked_sub(1).is_none_or(|p| {
            !matches!(
                doc.tokens[p].lower.as_str(),
                "in" | "at" | "with" | "to" | "by" | "of" | "for" | "from" | "against" | "on"
            )
        });
        // States and public bodies: "it" after a company is mostly its
        // deals, whose other side the words do not give.
        let public = entity.kind == NerKind::Org
            && matches!(
                entity.sector.as_deref(),
                Some("GOV" | "IGO" | "MIL" | "LEG" | "PTY" | "JUD" | "COP" | "SPY")
            );
        (entity.is_country || public)
            && free
            && unit_of_mention(doc, resolution, gazetteer, m)
                .is_some_and(|u| u.via == Via::Name && u.stands_for.is_none())
    };
    // The subject of its sentence: the sentence's first name, at its head
    // ("Iran is claiming", "But the EC said").
    let subject_of = |s: usize, end: usize| {
        let range = &doc.sentences[s].tokens;
        let first = resolution.mentions_in(&(range.start..end)).next()?;
        let head = resolution.mentions[first].tokens.start <= range.start + 2;
        (head && acting(first)).then(|| resolution.mentions[first].entity)
    };
    if let Some(entity) = subject_of(sentence, at) {
        return Some(entity);
    }
    // Else the last sentence's, when this one names nobody before "it".
    let range = &doc.sentences[sentence].tokens;
    if resolution.mentions_in(&(range.start..at)).next().is_some() {
        return None;
    }
    let previous = sentence.checked_sub(1)?;
    subject_of(previous, doc.sentences[previous].tokens.end)
}

fn unit_of_mention(
    doc: &Doc,
    resolution: &Resolution,
    gazetteer: &Gazetteer,
    m: usize,
) -> Option<Unit> {
    let mention = &resolution.mentions[m];
    let entity = &resolution.entities[mention.entity];
    let next = doc.tokens.get(mention.tokens.end);
    let next_lower = next.map_or("", |t| t.lower.as_str());
    // "Leah Millis/AP": a photo credit.
    if next.is_some_and(|t| t.text.starts_with('/')) {
        return None;
    }
    if is_modifier(doc, resolution, m) || in_title_of_person(doc, resolution, m) {
        return None;
    }
    // "the Iraq war", "the Turkey-EU talks deal": a name before a topic
    // noun, or joined by a hyphen to another before a noun, names the
    // topic, not an actor.
    let after_next = doc
        .tokens
        .get(mention.tokens.end + 1)
        .map_or("", |t| t.lower.as_str());
    // But "Iranian oil installations", "Kuwaiti oil tankers" are a state's
    // property, which an attack is on.
    if TOPICS.contains(&next_lower) && !super::words::ARMS.contains(&after_next) {
        return None;
    }
    // "the Iran arms scandal": through what the topic is about.
    if next_lower == "arms" && TOPICS.contains(&after_next) {
        return None;
    }
    // "an offering of U.S 100 mln dlrs": a currency's country before an
    // amount.
    if next.is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit())) && entity.is_country {
        return None;
    }
    // "the Greek Cypriot government", "Turkish Cypriot leaders": a people
    // named before another says which of its people; the second acts.
    let next_mention = resolution.mention_at(mention.tokens.end);
    if entity.is_country
        && next_mention
            .is_some_and(|n| resolution.entities[resolution.mentions[n].entity].is_country)
    {
        return None;
    }
    let hyphened = |i: usize| doc.tokens.get(i).is_some_and(|t| t.text == "-");
    // "a Madrid-style bombing", "Iran-backed groups": a name made an
    // adjective is no actor.
    // A "US-led" or "Iran-backed" one still acts.
    let compound = hyphened(mention.tokens.end)
        && doc.tokens.get(mention.tokens.end + 1).is_some_and(|t| {
            t.is_word()
                && !t.is_capitalized()
                && !matches!(
                    t.lower.as_str(),
                    "led" | "backed" | "sponsored" | "brokered" | "imposed" | "funded"
                )
        });
    if compound {
        return None;
    }
    let start = mention.tokens.start;
    let joined_by_hyphen = (hyphened(mention.tokens.end)
        && resolution.mention_at(mention.tokens.end + 1).is_some())
        || (start >= 2 && hyphened(start - 1) && resolution.mention_at(start - 2).is_some());
    if joined_by_hyphen {
        return None;
    }
    // "a defence and economic agreement (DECA)": the short name of a thing
    // in parentheses after it is not an actor.
    let start = mention.tokens.start;
    if start >= 2
        && doc.tokens[start - 1].text == "("
        && next.is_some_and(|t| t.text == ")")
        && resolution.mention_at(start - 2).is_none()
        && !doc.tokens[start - 2].is_capitalized()
    {
        return None;
    }
    // "U.S. officials", and past the words of what they deal in ("Soviet
    // arms negotiators", "U.S. trade officials", "Soviet foreign trade
    // ministers").
    let (group, group_end) = match group_after(doc, mention.tokens.end) {
        Some((sector, end)) => (Some(sector), end),
        None => (None, mention.tokens.end + 1),
    };
    let plain = |sector: Option<String>, end: usize| Unit {
        tokens: mention.tokens.start..end,
        entity: mention.entity,
        sector,
        stands_for: None,
        via: Via::Name,
    };
    if entity.is_country {
        // "U.S. officials", "his Chinese counterpart", "the Chinese".
        if let Some(sector) = group {
            let sector = (!sector.is_empty()).then(|| sector.to_owned());
            return Some(Unit {
                via: Via::Group,
                ..plain(sector, group_end)
            });
        }
        let demonym = gazetteer.country_by_alias(&mention.text).is_none()
            && gazetteer.country_by_demonym(&mention.text).is_some();
        if demonym {
            if let Some(sector) = shared_group(doc, gazetteer, mention.tokens.end) {
                return Some(Unit {
                    via: Via::Group,
                    ..plain(Some(sector.to_owned()), mention.tokens.end)
                });
            }
            // "Iranian attack", "an Iranian cross-border offensive".
            let acts = doc.tokens[mention.tokens.end..]
                .iter()
                .take(3)
                .position(|t| !super::coder::qualifies_noun(&t.lower))
                .is_some_and(|k| {
                    doc.tokens
                        .get(mention.tokens.end + k)
                        .is_some_and(|t| STATE_ACTS.contains(&t.lower.as_str()))
                });
            // "attacked Iranian oil installations", "Iraqi planes", "released
            // 50 Palestinian prisoners": the state whose arms, installations
            // or people they are.
            // Arms and installations only as what is attacked ("Iranian
            // forces were in control of ... Iraqi towns" is no visit).
            let attacked = doc.tokens[mention.tokens.start.saturating_sub(3)..mention.tokens.start]
                .iter()
                .any(|t| {
                    matches!(
                        t.lower.as_str(),
                        "attacked"
                            | "attack"
                            | "attacks"
                            | "attacking"
                            | "bombed"
                            | "shelled"
                            | "hit"
                            | "struck"
                            | "raided"
                            | "rocketed"
                            | "on"
                    )
                });
            let owned = doc.tokens[mention.tokens.end..]
                .iter()
                .take(3)
                .position(|t| !super::coder::qualifies_noun(&t.lower) && t.lower != "oil")
                .and_then(|k| doc.tokens.get(mention.tokens.end + k))
                .is_some_and(|t| {
                    (attacked && super::words::ARMS.contains(&t.lower.as_str()))
                        || matches!(
                            t.lower.as_str(),
                            "prisoners" | "hostages" | "detainees" | "captives" | "diplomats"
                        )
                });
            if acts || owned {
                return Some(plain(None, mention.tokens.end));
            }
            let after_the = mention
                .tokens
                .start
                .checked_sub(1)
                .is_some_and(|p| doc.tokens[p].lower == "the");
            let noun_follows = next.is_some_and(|t| t.is_word() && !t.is_capitalized())
                && !matches!(
                    next_lower,
                    "and"
                        | "or"
                        | "to"
                        | "in"
                        | "on"
                        | "of"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "have"
                        | "has"
                );
            return (after_the && !noun_follows).then(|| plain(None, mention.tokens.end));
        }
        return Some(plain(mention.role.map(str::to_owned), mention.tokens.end));
    }
    match entity.kind {
        // "Wallis urged Tokyo": a capital where an actor stands is its country.
        NerKind::Loc => {
            let governed = mention.tokens.start.checked_sub(1).is_some_and(|p| {
                let word = doc.tokens[p].lower.as_str();
                // "a warning to Washington", "protests from Tokyo": what is
                // said to or from a capital is said to or by its state.
                let said = matches!(word, "to" | "from")
                    && p.checked_sub(1)
                        .is_some_and(|n| MESSAGES.contains(&doc.tokens[n].lower.as_str()));
                !said
                    && matches!(
                        word,
                        "in" | "at"
                            | "to"
                            | "from"
                            | "near"
                            | "of"
                            | "for"
                            | "via"
                            | "into"
                            | "across"
                    )
            });
            let country = gazetteer.country_of_capital(&entity.name)?;
            // A small capital only where the article names its country
            // ("Victoria, a lobbyist for disabled rights" is no Seychelles).
            let big = gazetteer.is_big_capital(&entity.name);
            let named = resolution
                .entities
                .iter()
                .any(|e| e.is_country && e.country.as_deref() == Some(country.iso3.as_str()));
            if !big && !named {
                return None;
            }
            (!governed).then(|| Unit {
                stands_for: Some((country.iso3.clone(), country.name.clone())),
                ..plain(None, mention.tokens.end)
            })
        }
        // "met Iranian Charge d'Affaires": a demonym and a title tagged
        // MISC is that state's official.
        NerKind::Misc => {
            let (first, rest) = mention.text.split_once(' ')?;
            let country = gazetteer.country_by_demonym(first)?;
            let lower = rest.to_lowercase();
            let words: Vec<&str> = lower.split(' ').collect();
            let (len, _) = lexicon::match_role(&words)?;
            (len == words.len()).then(|| Unit {
                stands_for: Some((country.iso3.clone(), country.name.clone())),
                via: Via::Group,
                ..plain(Some("GOV".to_owned()), mention.tokens.end)
            })
        }
        // "Gordon Brown's Budget": a document or plan written as a name
        // is no actor.
        NerKind::Org
            if matches!(
                entity.name.as_str(),
                "Budget" | "Bill" | "Act" | "Treaty" | "Report" | "Plan" | "Accord"
            ) =>
        {
            None
        }
        NerKind::Org => {
            let last = entity.name.rsplit(' ').next().unwrap_or("");
            // "the White House said" is the government, not a building.
            let seat = lexicon::known_org(&entity.name).is_some();
            if (VENUES.contains(&last) && !seat) || entity.sector.as_deref() == Some("MED") {
                return None;
            }
            // "accused the Tory leader", "the Tory co-chairman attacked":
            // the person the article names in that office of the party.
            let definite =
                mention.tokens.start > 0 && doc.tokens[mention.tokens.start - 1].lower == "the";
            let office = next_lower == "leader"
                || (definite && matches!(next_lower, "chairman" | "co-chairman" | "chairwoman"));
            if office
                && let Some(leader) = party_officer(doc, resolution, mention.entity, next_lower)
            {
                return Some(Unit {
                    entity: leader,
                    ..plain(None, mention.tokens.end + 1)
                });
            }
            Some(plain(mention.role.map(str::to_owned), mention.tokens.end))
        }
        NerKind::Person => {
            // "the Biden administration" acts for the government.
            let sector = group
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .or_else(|| mention.role.map(str::to_owned));
            let end = if group.is_some() {
                group_end
            } else {
                mention.tokens.end
            };
            Some(plain(sector, end))
        }
    }
}

/// The person the article names in `office` of organisation `org`
/// ("Tory leader Michael Howard", "Michael Howard, the Conservative
/// leader", "Tory co-chairman Liam Fox").
fn party_officer(doc: &Doc, resolution: &Resolution, org: usize, office: &str) -> Option<usize> {
    // The organisation's mention, or a party word the tagger left
    // ("Tory" in "Tory leader Michael Howard").
    let name = &resolution.entities[org].name;
    let is_org_at = |i: usize| {
        resolution
            .mention_at(i)
            .is_some_and(|m| resolution.mentions[m].entity == org)
            || doc
                .tokens
                .get(i)
                .and_then(|t| lexicon::known_org(&t.text))
                .is_some_and(|(full, _)| full == name)
    };
    let named = resolution.mentions.iter().find_map(|p| {
        if resolution.entities[p.entity].kind != NerKind::Person {
            return None;
        }
        let start = p.tokens.start;
        // "Tory leader Michael Howard"
        let before = start >= 2 && doc.tokens[start - 1].lower == office && is_org_at(start - 2);
        // "Michael Howard, the Conservative leader"
        let end = p.tokens.end;
        let after = doc.tokens.get(end).is_some_and(|t| t.text == ",")
            && doc.tokens.get(end + 1).is_some_and(|t| t.lower == "the")
            && is_org_at(end + 2)
            && (end + 3..end + 6)
                .find(|&i| !is_org_at(i))
                .is_some_and(|i| doc.tokens.get(i).is_some_and(|t| t.lower == office));
        (before || after).then_some(p.entity)
    });
    match named {
        None if office == "leader" => foremost_member(resolution, org),
        named => named,
    }
}

/// The person an article about a party's leader without naming them in
/// that office is about ("Michael Howard has said a claim ... that the Tory
/// leader is acting like an attack mongrel"): of the people of the party's
/// country and sector, the one named far more often than any other (at
/// least three times, and twice as often as the next).
fn foremost_member(resolution: &Resolution, org: usize) -> Option<usize> {
    let party = &resolution.entities[org];
    let (country, sector) = (party.country.as_deref()?, party.sector.as_deref()?);
    let mut members: Vec<(usize, usize)> = resolution
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.kind == NerKind::Person
                && e.country.as_deref() == Some(country)
                && e.sector.as_deref() == Some(sector)
        })
        .map(|(i, e)| (e.mentions.len(), i))
        .collect();
    members.sort_unstable_by(|a, b| b.cmp(a));
    let (most, person) = *members.first()?;
    let next = members.get(1).map_or(0, |&(n, _)| n);
    (most >= 3 && most >= 2 * next).then_some(person)
}

/// A name inside a person's title after "Minister of" and the like, in an
/// appositive ("greeted by Belkacem Nabi, the Algerian Minister of *Energy,
/// Chemical* and Petro-*Chemical Industries*") or before the name ("Minister
/// of *International Trade* and Industry Hajime Tamura"): part of the
/// title, not an actor of its own.
fn in_title_of_person(doc: &Doc, resolution: &Resolution, m: usize) -> bool {
    let tokens = &doc.tokens;
    // Back over the names the title lists, to its "of".
    let mut i = resolution.mentions[m].tokens.start;
    while i > 0 {
        let t = &tokens[i - 1];
        let listed = matches!(t.text.as_str(), "," | "-" | "&" | "and")
            || (t.is_capitalized() && t.lower != "of");
        if !listed {
            break;
        }
        i -= 1;
    }
    // "governor of the Asir region".
    if i > 0 && tokens[i - 1].lower == "the" {
        i -= 1;
    }
    if i < 2
        || tokens[i - 1].lower != "of"
        || lexicon::match_role(&[&tokens[i - 2].lower]).is_none()
    {
        return false;
    }
    // "Japan's Minister of International Trade and Industry Hajime
    // Tamura": forward over the rest of the title to the person's name.
    let mut k = resolution.mentions[m].tokens.end;
    while k < tokens.len()
        && resolution.mention_at(k).is_none_or(|p| p == m)
        && (tokens[k].is_capitalized() || matches!(tokens[k].text.as_str(), "and" | "&" | "-"))
    {
        k += 1;
    }
    let person_at = |at: usize| {
        resolution.mention_at(at).is_some_and(|p| {
            p != m && resolution.entities[resolution.mentions[p].entity].kind == NerKind::Person
        })
    };
    if k < tokens.len() && person_at(k) {
        return true;
    }
    // Back over the rest of the title ("the Algerian Minister") to a comma
    // that closes a person's name.
    let mut j = i - 2;
    while j > 0 && (tokens[j - 1].is_capitalized() || tokens[j - 1].lower == "the") {
        j -= 1;
    }
    j >= 2 && tokens[j - 1].text == "," && person_at(j - 2)
}

/// A mention that only modifies the name after it ("Chinese" in "Chinese
/// Foreign Minister Qin Gang", "Microsoft Corp." before "co-founder Bill
/// Gates"): only title words stand between them.
fn is_modifier(doc: &Doc, resolution: &Resolution, m: usize) -> bool {
    let current = &resolution.mentions[m];
    let Some(next) = resolution.mentions.get(m + 1) else {
        return false;
    };
    let kind = resolution.entities[next.entity].kind;
    if kind != NerKind::Person && kind != NerKind::Org && kind != NerKind::Misc {
        return false;
    }
    if doc.sentence_of[current.tokens.start] != doc.sentence_of[next.tokens.start] {
        return false;
    }
    // Mentions never overlap; should two, nothing stands between them.
    let between = doc
        .tokens
        .get(current.tokens.end..next.tokens.start)
        .unwrap_or_default();
    // "China's Foreign Ministry" modifies; "China and Russia" does not.
    let titles = between.iter().all(|t| {
        lexicon::is_title_word(&t.lower) && !matches!(t.lower.as_str(), "the" | "a" | "an")
    });
    // "Blair's Tory 'lies'": a person's possessive before a party word
    // that only qualifies a noun owns the noun; the party does not act
    // (but "Blair's Labour party" is his party).
    let persons = resolution.entities[current.entity].kind == NerKind::Person
        && matches!(between, [t] if matches!(t.lower.as_str(), "'s" | "\u{2019}s"));
    let qualifies = doc.tokens.get(next.tokens.end).is_some_and(|t| {
        matches!(t.text.as_str(), "'" | "\u{2018}" | "\"")
            || (t.is_word()
                && !t.is_capitalized()
                && !matches!(
                    t.lower.as_str(),
                    "party" | "government" | "administration" | "cabinet" | "leadership"
                ))
    });
    if persons && kind == NerKind::Org && qualifies {
        return false;
    }
    // "former Senate Republican leader Howard Baker": through a modifier
    // (a party, a people) to the name they both qualify.
    if kind == NerKind::Misc {
        return titles && is_modifier(doc, resolution, m + 1);
    }
    titles || (between.is_empty() && kind == NerKind::Person)
}

/// Are two units joined by "and", "," or "or" ("the United States, Japan
/// and the Philippines", "Silvio Berlusconi and German Chancellor Gerhard
/// Schroeder": titles and the names they hold may stand between)?
fn joined(doc: &Doc, left: &Unit, right: &Unit) -> bool {
    // "both sides": the pair it names, over the same words.
    if left.tokens == right.tokens {
        return true;
    }
    let between = doc
        .tokens
        .get(left.tokens.end..right.tokens.start)
        .unwrap_or_default();
    let conjunction = |lower: &str| matches!(lower, "and" | "," | "or");
    // "between the U.S and the U.K., Corporate Affairs Minister Michael
    // Howard said": after a comma, the one who says it is not of the list.
    let says = doc
        .tokens
        .get(right.tokens.end)
        .is_some_and(|t| crate::analysis::quotes::SAYING.contains(&t.lower.as_str()));
    if says && between.first().is_some_and(|t| t.text == ",") {
        return false;
    }
    // "Sir Anthony Meyer, the Tory backbencher who": a description of the
    // one before, not another of a list.
    let describes = between.len() >= 2
        && between[0].text == ","
        && between
            .last()
            .is_some_and(|t| matches!(t.lower.as_str(), "the" | "a" | "an"))
        && doc.tokens.get(right.tokens.end).is_some_and(|t| {
            !t.is_capitalized() && lexicon::match_role(&[t.lower.as_str()]).is_some()
        });
    if describes {
        return false;
    }
    // "According to Mr Sands, Lord Goldsmith had warned": the source
    // cited is not of the clause after it.
    let mut start = left.tokens.start;
    while start > 0 && {
        let word = doc.tokens[start - 1].lower.as_str();
        lexicon::is_honorific(word) || (lexicon::is_title_word(word) && word != "to")
    } {
        start -= 1;
    }
    let cited = start >= 2
        && doc.tokens[start - 1].lower == "to"
        && doc.tokens[start - 2].lower == "according";
    if cited && between.first().is_some_and(|t| t.text == ",") {
        return false;
    }
    // "Dilson Funaro and central bank president Francisco Gros": a title
    // after its lowercase qualifiers.
    let titled = between
        .last()
        .is_some_and(|t| lexicon::is_title_word(&t.lower))
        && between
            .iter()
            .all(|t| t.is_word() && !matches!(t.lower.as_str(), "who" | "which" | "that"));
    !between.is_empty()
        && between.len() <= 6
        && conjunction(&between[0].lower)
        && (titled
            || between.iter().all(|t| {
                conjunction(&t.lower)
                    || matches!(
                        t.lower.as_str(),
                        "the" | "both" | "his" | "her" | "their" | "its"
                    )
                    || lexicon::is_title_word(&t.lower)
                    || (t.is_capitalized() && t.lower != "and")
            }))
}

/// The coordination `units[i]` belongs to, as a range of unit indices.
pub fn coordination(doc: &Doc, units: &[Unit], i: usize) -> Range<usize> {
    let mut start = i;
    while start > 0 && joined(doc, &units[start - 1], &units[start]) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < units.len() && joined(doc, &units[end - 1], &units[end]) {
        end += 1;
    }
    start..end
}
