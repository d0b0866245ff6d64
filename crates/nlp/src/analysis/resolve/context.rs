//! Reading a mention's context: the title before a name ("U.S. Defense
//! Secretary"), an appositive after it (", the top US diplomat for East
//! Asia,"), the organisation named there, and the person whose aide someone
//! is ("Biden's national security adviser"). What it finds gives people and
//! organisations their country and sector.

use std::ops::Range;

use super::{ArticleFacts, Spans};
use crate::analysis::recognize::{NamedSpan, NerKind};
use crate::gazetteer::Gazetteer;
use crate::lexicon;
use crate::text::{Doc, surface};

/// Country and sector read from the words around a mention.
#[derive(Debug, Default, Clone)]
pub(super) struct Context {
    pub country: Option<String>,
    pub sector: Option<String>,
    /// Sector of an organisation named in the title or appositive.
    pub affiliation: Option<String>,
    /// Country of that organisation ("a spokesman for the *Danish* Dairy
    /// Board").
    pub affiliation_country: Option<String>,
    /// The CAMEO code of an international organisation named there ("*EU*
    /// trade commissioner"): the person acts for it.
    pub code: Option<String>,
    /// The title says the role is over ("former", "ex-").
    pub former: bool,
    /// "Commissioner" in an article about the European Union.
    pub commissioner: bool,
    /// A shadow minister's title: the role is the opposition's.
    pub shadow: bool,
    /// The article's date.
    pub date: Option<chrono::NaiveDate>,
    /// The country or sector came from a country or organisation named
    /// around the mention, not from a role word alone.
    pub named: bool,
    /// "the ruling United National Independence Party": the party governs.
    pub ruling: bool,
    /// A legislator's title ("Labour MP", "Republican senator"): the
    /// legislature, whatever the party.
    pub legislator: bool,
    /// A person whose possessive heads the title ("*Biden's* national
    /// security adviser, Jake Sullivan"): a token of that person's mention.
    pub patron: Option<usize>,
}

/// Reads titles, countries and affiliations before the mention (up to
/// six tokens, through one comma) and in an appositive after it.
pub(super) fn read(
    gazetteer: &Gazetteer,
    doc: &Doc,
    spans: &Spans<'_>,
    range: &Range<usize>,
    facts: ArticleFacts,
) -> Context {
    let mut context = Context {
        date: facts.date,
        ..Context::default()
    };
    let sentence = &doc.sentences[doc.sentence_of[range.start]];
    let span_at = |index: usize| spans.at(index);
    // A person's name, not a party's the tagger took for one ("Fianna
    // Fail").
    let is_persons = |s: &NamedSpan| {
        s.kind == NerKind::Person
            && lexicon::known_org(&surface(&doc.tokens[s.tokens.clone()])).is_none()
    };

    let read = |from: usize, to: usize, context: &mut Context| {
        let words: Vec<&str> = doc.tokens[from..to]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        let mut i = 0;
        while i < words.len() {
            if let Some(span) = span_at(from + i) {
                let country = (span.kind != NerKind::Person)
                    .then(|| super::country_of_span(gazetteer, doc, span))
                    .flatten();
                let name = surface(&doc.tokens[span.tokens.clone()]);
                let igo = (span.kind != NerKind::Person)
                    .then(|| {
                        super::organisations::international(gazetteer, &name)
                            .or_else(|| {
                                facts
                                    .about_eu
                                    .then(|| {
                                        super::organisations::eu_body(gazetteer, &name, facts.union)
                                    })
                                    .flatten()
                            })
                            .or_else(|| {
                                super::organisations::international_prefix(gazetteer, &name)
                            })
                    })
                    .flatten()
                    .and_then(|entity| entity.code);
                match span.kind {
                    _ if country.is_some() => {
                        if context.country.is_none() {
                            context.country = country;
                        }
                    }
                    _ if igo.is_some() => {
                        if context.affiliation.is_none()
                            && let Some(code) = igo
                        {
                            context.affiliation = Some(code[..3].to_owned());
                            context.code = Some(code);
                        }
                    }
                    // "Yorkshire company", "Texas Governor": a region's country
                    // (whatever the tag the region got).
                    _ if span.kind == NerKind::Loc
                        || (span.kind == NerKind::Org && gazetteer.region(&name).is_some()) =>
                    {
                        // Not a smaller state's region, which needs its
                        // state named ("the General Accounting Office,
                        // GAO," is not of Mali's Gao).
                        if context.country.is_none()
                            && let Some(region) = gazetteer.region(&name)
                            && !region.country.is_empty()
                            && !region.needs_country
                        {
                            context.country = Some(region.country.clone());
                        }
                    }
                    NerKind::Loc => {}
                    NerKind::Misc | NerKind::Person if lexicon::known_org(&name).is_none() => {}
                    // "Fianna Fail leader", whatever the tag.
                    NerKind::Misc | NerKind::Org | NerKind::Person => {
                        affiliate(gazetteer, &name, facts, context);
                    }
                }
                i = span.tokens.end - from;
                continue;
            }
            // "Tory leader" where the tagger left "Tory" untagged: a party
            // known by name is an affiliation all the same.
            let token = &doc.tokens[from + i];
            if token.is_capitalized()
                && lexicon::known_org(&token.text).is_some_and(|(_, sector)| sector == "PTY")
            {
                affiliate(gazetteer, &token.text, facts, context);
                i += 1;
                continue;
            }
            // "shadow foreign secretary": the opposition's.
            if words[i] == "shadow" {
                context.shadow = true;
            }
            if matches!(words[i], "former" | "ex" | "ex-")
                || words[i].starts_with("ex-")
                || words[i].starts_with("former-")
            {
                context.former = true;
            }
            // "Deputy Assistant Secretary of State": the head decides, not
            // "deputy" (a police deputy on its own).
            let qualifier = matches!(
                words[i],
                "deputy" | "vice" | "assistant" | "acting" | "senior" | "junior" | "chief"
            );
            // "Deputy foreign trade minister", "Deputy Iranian Finance
            // Minister": a role anywhere after it, past words that say of
            // what or a country's name.
            if qualifier && (i + 1..words.len()).any(|j| lexicon::match_role(&words[j..]).is_some())
            {
                i += 1;
                continue;
            }
            if let Some((len, sector)) = lexicon::match_role(&words[i..]) {
                // "chairman of the council of economic advisers": a public
                // body written in lowercase gives the head of it its sector.
                let body = (words.get(i + len) == Some(&"of"))
                    .then(|| {
                        words[i + len + 1..].iter().take(3).find_map(|w| match *w {
                            "committee" | "subcommittee" => Some("LEG"),
                            "council" | "commission" | "agency" | "department" | "ministry"
                            | "bureau" | "authority" => Some("GOV"),
                            _ => None,
                        })
                    })
                    .flatten();
                // "led by committee chairman Patrick Leahy": a committee
                // before the role, named for no business ("options
                // committee chairman", "bank advisory committee"), is a
                // legislature's.
                let body = body.or_else(|| {
                    let committee = i > 0 && matches!(words[i - 1], "committee" | "subcommittee");
                    let qualified = (from + i).checked_sub(2).is_some_and(|q| {
                        let t = &doc.tokens[q];
                        t.text.chars().all(char::is_alphabetic)
                            && !lexicon::is_function_word(&t.lower)
                            && span_at(q).is_none()
                    });
                    let person = span_at(range.start).is_some_and(|s| s.kind == NerKind::Person);
                    (committee && !qualified && person).then_some("LEG")
                });
                let sector = match body {
                    Some(body) if matches!(sector, "BUS" | "") => body,
                    _ => sector,
                };
                if !sector.is_empty() && context.sector.is_none() {
                    context.sector = Some(sector.to_owned());
                }
                if sector == "LEG"
                    && matches!(
                        words[i],
                        "mp" | "mps"
                            | "mep"
                            | "senator"
                            | "sen."
                            | "congressman"
                            | "congresswoman"
                            | "lawmaker"
                            | "legislator"
                            | "backbencher"
                            | "rep."
                    )
                {
                    context.legislator = true;
                }
                // A Commissioner, in an article about the European Union
                // or Community, is one of its commissioners.
                if facts.about_eu
                    && words[i..i + len].contains(&"commissioner")
                    && context.code.is_none()
                {
                    context.commissioner = true;
                }
                i += len;
                continue;
            }
            i += 1;
        }
    };

    // Before: walk back over titles, modifiers, countries, affiliations.
    let mut from = range.start;
    // The one comma passed, right before the name or its titles.
    let mut comma = None;
    while from > sentence.tokens.start && range.start - from < 10 {
        let token = &doc.tokens[from - 1];
        let in_span = span_at(from - 1).is_some_and(|s| !is_persons(s));
        // A title word, or a role of the agents dictionary ("U.S. lawyer").
        // "Soviet first deputy prime minister": an ordinal ranks the title
        // after it.
        let titled = lexicon::is_title_word(&token.lower)
            || (token.is_word() && lexicon::match_role(&[token.lower.as_str()]).is_some())
            || (matches!(token.lower.as_str(), "first" | "second")
                && from < range.start
                && lexicon::is_title_word(&doc.tokens[from].lower));
        // "Washington, Sir Menzies Campbell": a comma right before the name
        // or before the titles that lead up to it.
        let only_titles = doc.tokens[from..range.start]
            .iter()
            .all(|t| lexicon::is_title_word(&t.lower) || t.lower == "sir");
        if token.text == "," && comma.is_none() && only_titles {
            comma = Some(from - 1);
            from -= 1;
            continue;
        }
        // A capitalised title runs over its own words and connectors
        // ("U.S. Undersecretary of State for Economic Affairs").
        let capitalised_title = token.is_capitalized()
            && !token.is_all_caps()
            && span_at(from - 1).is_none()
            && !lexicon::is_function_word(&token.lower);
        let connector = matches!(token.lower.as_str(), "of" | "for" | "and")
            && doc.tokens[from].is_capitalized();
        if in_span || titled || capitalised_title || connector {
            from -= 1;
        } else {
            break;
        }
    }
    // What stands before the comma speaks for the name when it is a title
    // or when it opens the sentence or says for whom ("For the Liberal
    // Democrats, Sir Alan Beith"); the end of a phrase about something
    // else does not ("In a speech to the annual meeting of the IADB,
    // Baker said").
    if let Some(comma) = comma {
        let mut at = from;
        while at > sentence.tokens.start && doc.tokens[at - 1].lower == "the" {
            at -= 1;
        }
        // Nor when the two are items of a list ("Drexel Burnham Lambert
        // Inc, Merrill Lynch Capital Markets and ...").
        let opens = at == sentence.tokens.start
            || matches!(doc.tokens[at - 1].lower.as_str(), "for" | "from" | ",");
        // "the Minister of Regional and Industrial Expansion, Michel Cote":
        // a title before the comma is the name's.
        let role = |t: &crate::text::Token| {
            !lexicon::is_function_word(&t.lower)
                && (lexicon::is_title_word(&t.lower)
                    || lexicon::match_role(&[t.lower.as_str()]).is_some())
        };
        // So is a role a few lowercase words before it, of what the
        // phrase names ("the head of the central bank of Mexico, Miguel
        // Mancera").
        let role_of = (from.saturating_sub(6).max(sentence.tokens.start)..from).any(|k| {
            role(&doc.tokens[k])
                && doc.tokens[k + 1].lower == "of"
                && doc.tokens[k + 1..from]
                    .iter()
                    .all(|t| t.text.chars().all(|c| c.is_ascii_lowercase()))
        });
        let title = role_of || doc.tokens[from..comma].iter().any(role);
        if !opens && !title {
            from = comma + 1;
        }
    }
    // "Sweden's ruling Social Democratic Party": a country's possessive
    // before the name, past a word or two that qualify it.
    let mut p = range.start;
    while p > sentence.tokens.start
        && range.start - p < 2
        && matches!(
            doc.tokens[p - 1].lower.as_str(),
            "ruling" | "governing" | "opposition" | "main" | "state-owned" | "national"
        )
    {
        p -= 1;
    }
    if p >= sentence.tokens.start + 2
        && matches!(doc.tokens[p - 1].lower.as_str(), "'s" | "\u{2019}s")
        && let Some(owner) = span_at(p - 2).filter(|s| s.kind != NerKind::Person)
        && let Some(country) = super::country_of_span(gazetteer, doc, owner)
    {
        context.country.get_or_insert(country);
    }
    if from > sentence.tokens.start
        && from < range.start
        && matches!(doc.tokens[from].lower.as_str(), "'s" | "\u{2019}s")
        && span_at(from - 1).is_some_and(|s| s.kind == NerKind::Person)
    {
        context.patron = Some(from - 1);
    }
    // "King Fahd", where the title stayed inside the name.
    if span_at(range.start).is_some_and(|s| s.kind == NerKind::Person)
        && range.len() > 1
        && let Some(sector) = lexicon::role_sector(&doc.tokens[range.start].lower)
        && !sector.is_empty()
    {
        context.sector.get_or_insert_with(|| sector.to_owned());
    }
    // "the IMF team, led by assistant director Paul Acquah": the leader of
    // an organisation's team, mission or delegation acts for it.
    if from >= sentence.tokens.start + 3
        && doc.tokens[from - 1].lower == "by"
        && matches!(doc.tokens[from - 2].lower.as_str(), "led" | "headed")
    {
        let mut at = from - 2;
        while at > sentence.tokens.start
            && from - at < 6
            && matches!(
                doc.tokens[at - 1].lower.as_str(),
                "," | "team" | "mission" | "delegation" | "group" | "panel"
            )
        {
            at -= 1;
        }
        if let Some(team) = at.checked_sub(1).and_then(span_at)
            && team.kind != NerKind::Person
        {
            read(team.tokens.start, team.tokens.end, &mut context);
        }
    }
    // "the ruling United National Independence Party".
    context.ruling = range.start > sentence.tokens.start
        && matches!(
            doc.tokens[range.start - 1].lower.as_str(),
            "ruling" | "governing"
        );
    // "as he begins his second term as US President, Tony Blair has said":
    // a title behind a comma and "as" is someone else's.
    let someone_elses =
        comma.is_some() && from > sentence.tokens.start && doc.tokens[from - 1].lower == "as";
    if !someone_elses {
        read(from, range.start, &mut context);
    }

    // After: "Ambassador Stefan Johannesson of Iceland", "Morris Goldstein
    // of the International Monetary Fund".
    if doc.tokens.get(range.end).is_some_and(|t| t.lower == "of") {
        let at = if doc
            .tokens
            .get(range.end + 1)
            .is_some_and(|t| t.lower == "the")
        {
            range.end + 2
        } else {
            range.end + 1
        };
        if let Some(span) = span_at(at)
            && span.kind != NerKind::Person
        {
            if let Some(country) = super::country_of_span(gazetteer, doc, span) {
                context.country.get_or_insert(country);
            } else {
                read(span.tokens.start, span.tokens.end, &mut context);
            }
        }
    }
    // After: "the Foreign Policy Centre think tank", "the Refugee Council
    // charity": what the text calls an organisation.
    let after: Vec<&str> = doc.tokens[range.end..sentence.tokens.end.min(range.end + 3)]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    if span_at(range.start).is_some_and(|s| s.kind == NerKind::Org)
        && lexicon::match_role(&after).is_some_and(|(_, sector)| sector == "NGO")
    {
        context.sector.get_or_insert_with(|| "NGO".to_owned());
    }
    // After: ", the top US diplomat for East Asia,"
    if doc.tokens.get(range.end).is_some_and(|t| t.text == ",") {
        let mut to = range.end + 1;
        while to < sentence.tokens.end
            && to - range.end < 12
            && !matches!(doc.tokens[to].text.as_str(), "," | "." | ";")
            && span_at(to).is_none_or(|s| !is_persons(s))
        {
            to += 1;
        }
        let person_next = to < sentence.tokens.end && span_at(to).is_some_and(is_persons);
        // ", a spokesman for EU trade commissioner Peter Mandelson".
        let patron_next = person_next
            && doc.tokens[range.end + 1..to]
                .iter()
                .any(|t| matches!(t.lower.as_str(), "to" | "for" | "of"));
        // Not an appositive: a relative clause (", who accused the
        // Tories"), or the title of the next name in a list (", UN
        // Secretary General Kofi Annan").
        // Nor a participle clause (", outlining the EC's concerns").
        // Nor a clause that goes on ("..., also believed Brazil should"):
        // an appositive opens with an article, a possessive, a title or a
        // name.
        let relative = doc.tokens.get(range.end + 1).is_some_and(|t| {
            matches!(t.lower.as_str(), "who" | "which" | "whose" | "whom")
                || (t.lower.ends_with("ing") && !t.is_capitalized() && t.lower.len() > 4)
                || !(t.is_capitalized()
                    || t.text.chars().next().is_some_and(|c| c.is_ascii_digit())
                    || matches!(
                        t.lower.as_str(),
                        "a" | "an" | "the" | "his" | "her" | "their" | "its" | "one" | "now"
                    )
                    || lexicon::is_title_word(&t.lower)
                    || lexicon::match_role(&[t.lower.as_str()]).is_some())
        });
        // ", son-in-law of former-President Kuchma": a relative's role is
        // not their own.
        let kin = doc.tokens[range.end + 1..to]
            .iter()
            .map(|t| t.lower.as_str())
            .find(|w| !matches!(*w, "a" | "an" | "the" | "his" | "her" | "their"))
            .is_some_and(is_kin);
        // ", who heads the American team": what one heads is one's own.
        let heads = doc
            .tokens
            .get(range.end + 1)
            .is_some_and(|t| t.lower == "who")
            && doc.tokens.get(range.end + 2).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "heads"
                        | "headed"
                        | "leads"
                        | "led"
                        | "chairs"
                        | "chaired"
                        | "runs"
                        | "directs"
                )
            });
        if heads {
            read(range.end + 3, to, &mut context);
        }
        if !relative && !kin && (!person_next || patron_next) {
            read(range.end + 1, to, &mut context);
        }
        // ", an adviser to Tony Blair": the person someone works for.
        if patron_next && !relative && !kin && context.patron.is_none() {
            context.patron = Some(to);
        }
    }
    // "A spokesman for the European Anti-Fraud Office said ... , spokesman
    // Jorg Wojahn said": a spokesman the text introduced just before by
    // the body he speaks for is that body's.
    if context.affiliation.is_none()
        && context.code.is_none()
        && let Some(role) = doc.tokens[from..range.start]
            .iter()
            .map(|t| t.lower.as_str())
            .find(|w| matches!(*w, "spokesman" | "spokeswoman" | "spokesperson"))
    {
        let s = doc.sentence_of[range.start];
        let earlier = doc.sentences[s.saturating_sub(1)].tokens.start..from;
        let body = earlier.clone().find_map(|i| {
            let at = i + 2 + usize::from(doc.tokens.get(i + 2).is_some_and(|t| t.lower == "the"));
            (doc.tokens[i].lower == role
                && matches!(doc.tokens[i + 1].lower.as_str(), "for" | "of")
                && at < earlier.end)
                .then(|| span_at(at))
                .flatten()
                .filter(|span| span.kind != NerKind::Person && span.tokens.start == at)
        });
        if let Some(body) = body {
            read(body.tokens.start, body.tokens.end, &mut context);
        }
    }
    if context.commissioner && context.affiliation.is_none() && context.country.is_none() {
        context.affiliation = Some("IGO".to_owned());
        context.code = Some("IGOEUREEC".to_owned());
    }
    context.named = context.country.is_some() || context.affiliation.is_some();
    // Where someone works says more than what they do: "the top Asia
    // expert on the National Security Council" is government.
    // A party's MP sits in the legislature ("Labour MP Roger Godsiff").
    if context.legislator
        && context
            .affiliation
            .as_deref()
            .is_some_and(|a| matches!(a, "GOV" | "OPP" | "PTY"))
    {
        context.affiliation = Some("LEG".to_owned());
    }
    if context.affiliation.is_some() {
        context.sector = context.affiliation.take();
        if context.country.is_none() {
            context.country = context.affiliation_country.take();
        }
    }
    if context.shadow && context.sector.as_deref() == Some("GOV") {
        context.sector = Some("OPP".to_owned());
    }
    // A former official is one of the elite, no longer of the government
    // ("former President Kuchma").
    if context.former && context.code.is_none() && context.sector.is_some() {
        context.sector = Some("ELI".to_owned());
    }
    context
}

/// A word for a relative ("son", "son-in-law", "widow").
pub(super) fn is_kin(word: &str) -> bool {
    let head = word.split('-').next().unwrap_or(word);
    matches!(
        head,
        "son"
            | "daughter"
            | "wife"
            | "husband"
            | "widow"
            | "widower"
            | "brother"
            | "sister"
            | "father"
            | "mother"
            | "nephew"
            | "niece"
            | "cousin"
            | "grandson"
            | "granddaughter"
            | "uncle"
            | "aunt"
    )
}

/// An organisation named around a mention (`name`): its sector, and the
/// country its name carries, become the mention's affiliation, unless one
/// was found already.
fn affiliate(gazetteer: &Gazetteer, name: &str, facts: ArticleFacts, context: &mut Context) {
    let full = lexicon::known_org(name).map_or(name, |(full, _)| full);
    // "Tory leader": the party as government or opposition on the
    // article's day.
    let sector = lexicon::known_org(name)
        .map(|(_, sector)| sector)
        .or_else(|| lexicon::org_sector(name))
        .map(|sector| match facts.date {
            Some(date) if sector == "PTY" => lexicon::party_sector(full, date).unwrap_or(sector),
            _ => sector,
        });
    if let Some(sector) = sector
        && context.affiliation.is_none()
    {
        // "the Danish Dairy Board": its country too.
        let first = name.split(' ').next().unwrap_or("");
        context.affiliation_country = gazetteer
            .country_by_demonym(first)
            .or_else(|| gazetteer.country_by_alias(first))
            .map(|c| c.iso3.clone())
            .or_else(|| lexicon::org_country(full).map(str::to_owned));
        // "Polish National Bank head": a central bank is the state's, as
        // its own entity is.
        let central_bank =
            super::organisations::is_central_bank(name, context.affiliation_country.is_some());
        context.affiliation = Some(if central_bank { "GOV" } else { sector }.to_owned());
    }
}

/// The sector of the role a possessive heads after a mention ("China*'s*
/// *defense minister*" is MIL): what the mention acts as in its sentence.
pub(super) fn possessive_role(doc: &Doc, mention_end: usize) -> Option<&'static str> {
    let next = doc.tokens.get(mention_end)?;
    if !matches!(next.text.as_str(), "\u{2019}s" | "'s") {
        return None;
    }
    let words: Vec<&str> = doc.tokens[mention_end + 1..(mention_end + 5).min(doc.tokens.len())]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    lexicon::match_role(&words)
        .map(|(_, sector)| sector)
        .filter(|s| !s.is_empty())
}
