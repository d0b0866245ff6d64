//! The first stage, recognise: typed spans of names in a document, behind
//! the [`Recognizer`] interface; [`TaggerRecognizer`] runs the trained
//! tagger ([`crate::tagger`]) and repairs its output for today's news.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::tagger::{self, Model};

use crate::gazetteer::Gazetteer;
use crate::lexicon;
use crate::text::{Doc, surface};

/// CoNLL-2003 entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NerKind {
    Person,
    Org,
    Loc,
    Misc,
}

/// A typed span of tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedSpan {
    pub tokens: Range<usize>,
    pub kind: NerKind,
}

/// Finds named entities in a tokenised document.
pub trait Recognizer: Send + Sync {
    fn recognize(&self, doc: &Doc) -> Vec<NamedSpan>;
}

/// The trained tagger ([`crate::tagger`]) as a recogniser, with a few
/// repairs of its output ([`TaggerRecognizer::refine`]).
pub struct TaggerRecognizer {
    model: Arc<Model>,
    gazetteer: Arc<Gazetteer>,
}

impl TaggerRecognizer {
    pub fn new(model: Arc<Model>, gazetteer: Arc<Gazetteer>) -> Self {
        Self { model, gazetteer }
    }

    fn is_international(&self, doc: &Doc, span: &NamedSpan) -> bool {
        self.gazetteer
            .igo(&crate::text::surface(&doc.tokens[span.tokens.clone()]))
            .is_some()
    }

    /// The end of an armed group written in lowercase at token `i`, as wire
    /// copy writes some ("the contras", "contra rebels"): a long name of
    /// the non-state actors file, or its singular before "rebels" or
    /// "guerrillas".
    fn armed_group_in_lowercase(
        &self,
        tokens: &[crate::text::Token],
        i: usize,
        covered: &[bool],
    ) -> Option<usize> {
        let token = &tokens[i];
        if !token.text.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        if self.gazetteer.is_group_word(&token.text) {
            return Some(i + 1);
        }
        let fighters = tokens.get(i + 1).is_some_and(|next| {
            !covered[i + 1] && matches!(next.lower.as_str(), "rebels" | "guerrillas")
        });
        (fighters && self.gazetteer.is_group_word(&format!("{}s", token.text))).then_some(i + 2)
    }

    fn is_country(&self, doc: &Doc, span: &NamedSpan) -> bool {
        self.gazetteer
            .country_of(&doc.tokens[span.tokens.clone()])
            .is_some()
    }

    /// "UK's Department for International Development", "Japan's Agency of
    /// Natural Resources and Energy" tagged as one name: the country, a
    /// place, and the body after its possessive.
    fn countries_possessive(&self, doc: &Doc, spans: Vec<NamedSpan>) -> Vec<NamedSpan> {
        let tokens = &doc.tokens;
        let mut out = Vec::with_capacity(spans.len());
        for span in spans {
            let possessive = (span.tokens.start + 1..span.tokens.end.saturating_sub(1))
                .find(|&i| matches!(tokens[i].text.as_str(), "'s" | "\u{2019}s"));
            match possessive {
                Some(i)
                    if tokens[i + 1].is_capitalized()
                        && self
                            .gazetteer
                            .country_of(&tokens[span.tokens.start..i])
                            .is_some() =>
                {
                    out.push(NamedSpan {
                        tokens: span.tokens.start..i,
                        kind: NerKind::Loc,
                    });
                    out.push(NamedSpan {
                        tokens: i + 1..span.tokens.end,
                        kind: span.kind,
                    });
                }
                _ => out.push(span),
            }
        }
        out
    }

    /// Repairs what CoNLL-trained tagging gets wrong on today's news:
    /// sentence-opening words and honorifics taken into names ("Later Qin
    /// Gang", "Ms Diemont"),
    /// hyphenated regions split in two ("Indo-Pacific"), geographic
    /// features taken for organisations ("South China Sea"), and well-known
    /// acronyms and country names missed ("AUKUS", "US").
    pub fn refine(&self, doc: &Doc, spans: Vec<NamedSpan>) -> Vec<NamedSpan> {
        let spans = names_left_open(doc, spans);
        let spans = corporate_fragments(doc, spans);
        let spans = self.countries_possessive(doc, spans);
        let tokens = &doc.tokens;
        let mut out: Vec<NamedSpan> = Vec::with_capacity(spans.len());
        // The first word of its sentence, after any opening quotation mark
        // or bracket.
        let opens_sentence = |at: usize| {
            doc.sentences[doc.sentence_of[at]]
                .tokens
                .clone()
                .find(|&i| !matches!(tokens[i].text.as_str(), "\"" | "\u{201c}" | "'" | "("))
                == Some(at)
        };
        for mut span in spans {
            // An earnings table's row label ("Shr 1.23 dlrs vs 1.10 dlrs")
            // is no name, nor part of one.
            if matches!(tokens[span.tokens.start].text.as_str(), "Shr" | "Shrs") {
                span.tokens.start += 1;
                if tokens[span.tokens.clone()]
                    .iter()
                    .all(|t| !t.text.chars().any(char::is_alphabetic))
                {
                    continue;
                }
            }
            // "GNP", "LIBOR", "the Federal funds rate", "West Texas
            // Intermediate": no one's name.
            let next = tokens
                .get(span.tokens.end)
                .filter(|t| t.text == t.lower)
                .map(|t| t.lower.as_str());
            if lexicon::names_no_one(&surface(&tokens[span.tokens.clone()]), next) {
                continue;
            }
            // "a Senate Appropriations subcommittee on Foreign Operations":
            // what a committee named already is on is its remit, no one
            // (the "joint committee on Strategic Export Controls" has no
            // other name).
            let remit = span.tokens.start >= 3
                && tokens[span.tokens.start - 1].text == "on"
                && matches!(
                    tokens[span.tokens.start - 2].text.as_str(),
                    "committee" | "subcommittee" | "commission" | "panel" | "council"
                )
                && out
                    .last()
                    .is_some_and(|body| body.tokens.end == span.tokens.start - 2);
            if remit && span.kind == NerKind::Org {
                continue;
            }
            // "the Reagan administration" with only "Reagan" tagged, as a
            // person or a thing: the administration, a body of government
            // (as "Reagan Administration" tagged whole is).
            // So is "the Thatcher government" or "the Kohl regime", when
            // the name is a leader's the actor dictionary knows (not "the
            // British government", nor "the Labour government").
            let leaders = |span: &NamedSpan| {
                let name = surface(&tokens[span.tokens.clone()]);
                self.gazetteer.person(&name).is_some()
                    || self.gazetteer.people_by_surname(&name).next().is_some()
            };
            // Not "a post-Khomeini government", one after him.
            let time_of = span.tokens.start >= 2
                && tokens[span.tokens.start - 1].text == "-"
                && matches!(
                    tokens[span.tokens.start - 2].lower.as_str(),
                    "post" | "pre" | "anti" | "pro"
                );
            // The leader it is after is a person, whatever the tag.
            if time_of
                && span.tokens.len() <= 2
                && !self.is_country(doc, &span)
                && self
                    .gazetteer
                    .country_by_demonym(&surface(&tokens[span.tokens.clone()]))
                    .is_none()
                && leaders(&span)
            {
                span.kind = NerKind::Person;
            }
            if matches!(span.kind, NerKind::Person | NerKind::Misc | NerKind::Org)
                && span.tokens.len() <= 2
                && !time_of
                && tokens[span.tokens.clone()]
                    .iter()
                    .all(|t| t.is_capitalized())
                && tokens.get(span.tokens.end).is_some_and(|t| {
                    (t.text == "administration" && span.kind != NerKind::Org)
                        || (matches!(t.text.as_str(), "government" | "regime")
                            && !self.is_country(doc, &span)
                            && lexicon::known_org(&surface(&tokens[span.tokens.clone()])).is_none()
                            && leaders(&span))
                })
            {
                span.tokens.end += 1;
                span.kind = NerKind::Org;
            }
            // "East German leader" tagged "German", or "East" and "German"
            // apart: a compass word that makes another state's name with
            // what follows is part of it.
            if let Some(before) = span.tokens.start.checked_sub(1)
                && matches!(
                    tokens[before].text.as_str(),
                    "East" | "West" | "North" | "South"
                )
            {
                let joined = self.gazetteer.country_of(&tokens[before..span.tokens.end]);
                let alone = self.gazetteer.country_of(&tokens[span.tokens.clone()]);
                if joined.is_some_and(|j| alone.is_none_or(|a| a.iso3 != j.iso3)) {
                    if out.last().is_some_and(|o| o.tokens == (before..before + 1)) {
                        out.pop();
                    }
                    if out.last().is_none_or(|o| o.tokens.end <= before) {
                        span.tokens.start = before;
                    }
                }
            }
            // The wire's sign-off ("REUTER") is not a name; nor is a
            // sentence's opening word ("However, ...").
            let first = &tokens[span.tokens.start].lower;
            if span.tokens.len() == 1
                && (lexicon::is_sign_off(&tokens[span.tokens.start].text)
                    || (opens_sentence(span.tokens.start) && lexicon::is_function_word(first)))
            {
                continue;
            }
            // "Later Qin Gang left": a sentence-opening word is not a name;
            // nor is an honorific ("Ms Diemont").
            while span.tokens.len() > 1 && {
                let first = &tokens[span.tokens.start];
                // After a dateline's dash ("LONDON, March 2 - The
                // International Coffee Organization") a sentence opens too.
                let opens = opens_sentence(span.tokens.start)
                    || span.tokens.start.checked_sub(1).is_some_and(|p| {
                        matches!(tokens[p].text.as_str(), "-" | "--" | "\u{2014}")
                    });
                // Nor a peer's title or an office ("Lord Butler", "ex-PM
                // Lord Callaghan", "King Fahd"): the name is the rest, and
                // the title is read as its context.
                // A royal known by one name keeps the title in it ("Prince
                // Harry", "Princess Diana").
                let royal =
                    matches!(first.lower.as_str(), "prince" | "princess") && span.tokens.len() == 2;
                let title = !royal
                    && (lexicon::is_honorific(&first.lower)
                        || lexicon::is_peerage(&first.lower)
                        || first.lower.starts_with("ex-")
                        || first.lower == "staff"
                        || lexicon::role_sector(&first.lower).is_some_and(|s| !s.is_empty()));
                // "on 13 March Lord Goldsmith", "Monday Mr Blair": a month
                // or weekday before a title is not part of the name.
                let dated = (lexicon::MONTHS.contains(&first.lower.as_str())
                    || lexicon::WEEKDAYS.contains(&first.lower.as_str()))
                    && tokens.get(span.tokens.start + 1).is_some_and(|t| {
                        lexicon::is_honorific(&t.lower)
                            || lexicon::is_peerage(&t.lower)
                            || lexicon::role_sector(&t.lower).is_some_and(|s| !s.is_empty())
                    });
                (opens && lexicon::is_function_word(&first.lower))
                    || matches!(first.text.as_str(), "the" | "a" | "an")
                    || (span.kind == NerKind::Person && (title || dated))
            } {
                span.tokens.start += 1;
            }
            // "the Queen" taken for an organisation: a sovereign, a person.
            if span.tokens.len() == 1
                && tokens[span.tokens.start].text == "Queen"
                && span.tokens.start > 0
                && tokens[span.tokens.start - 1].lower == "the"
            {
                span.kind = NerKind::Person;
            }
            // "daughter Victoria" taken for a place: a relative is a person.
            if span.kind != NerKind::Person
                && span.tokens.len() <= 2
                && span.tokens.start > 0
                && matches!(
                    tokens[span.tokens.start - 1].lower.as_str(),
                    "daughter"
                        | "son"
                        | "wife"
                        | "husband"
                        | "brother"
                        | "sister"
                        | "mother"
                        | "father"
                        | "widow"
                        | "widower"
                )
            {
                span.kind = NerKind::Person;
            }
            // "Prince Edward" taken for a place (the gazetteer's are small
            // towns): a royal's title and given name are a person.
            if span.kind != NerKind::Person
                && span.tokens.len() == 2
                && matches!(
                    tokens[span.tokens.start].text.as_str(),
                    "Prince" | "Princess"
                )
                && tokens[span.tokens.start + 1].is_capitalized()
                && !tokens[span.tokens.start + 1].is_all_caps()
                && {
                    let name = surface(&tokens[span.tokens.clone()]);
                    self.gazetteer
                        .cities(&name)
                        .all(|city| city.population < 100_000)
                        && self.gazetteer.region(&name).is_none()
                }
            {
                span.kind = NerKind::Person;
            }
            // "Gen Musharraf" taken for a place: an honorific makes the
            // rest a person.
            // So does a peer's title ("Lord Butler" taken for an
            // organisation), unless an office follows ("Lord Chancellor").
            let first = tokens[span.tokens.start].lower.as_str();
            let peer = lexicon::is_peerage(first)
                && span.tokens.len() == 2
                && !lexicon::is_title_word(&tokens[span.tokens.start + 1].lower);
            if span.kind != NerKind::Person
                && span.tokens.len() > 1
                && ((lexicon::is_honorific(first) && !matches!(first, "sir" | "dame")) || peer)
                && tokens[span.tokens.start + 1].is_capitalized()
            {
                span.tokens.start += 1;
                span.kind = NerKind::Person;
                // "Lt. Col. Oliver North": every rank before the name.
                while span.tokens.len() > 1
                    && lexicon::is_honorific(&tokens[span.tokens.start].lower)
                    && tokens[span.tokens.start + 1].is_capitalized()
                {
                    span.tokens.start += 1;
                }
            }
            // "Marine Lt. Col. Oliver North" taken for an organisation: the
            // name after the last abbreviated rank is a person's.
            if span.kind != NerKind::Person
                && let Some(rank) = (span.tokens.start + 1..span.tokens.end - 1)
                    .rev()
                    .find(|&i| {
                        tokens[i].text.ends_with('.') && lexicon::is_honorific(&tokens[i].lower)
                    })
                && tokens[rank + 1..span.tokens.end]
                    .iter()
                    .all(|t| t.is_capitalized())
            {
                span.tokens.start = rank + 1;
                span.kind = NerKind::Person;
            }
            // "Martin Marietta Corp", "Banque Paribas" taken for people are
            // firms; "Marshall Plan", "Glass-Steagall Act", "Crime Bill"
            // are what people made, and "the Bill" is a law in the making.
            if span.kind == NerKind::Person {
                let first = tokens[span.tokens.start].text.as_str();
                let last = tokens[span.tokens.end - 1].text.as_str();
                let several = span.tokens.len() > 1;
                if several && (lexicon::is_company_suffix(last) || lexicon::is_bank_word(first)) {
                    span.kind = NerKind::Org;
                } else if several && matches!(last, "Plan" | "Act" | "Bill" | "Doctrine") {
                    span.kind = NerKind::Misc;
                } else if !several
                    && last == "Bill"
                    && span.tokens.start.checked_sub(1).is_some_and(|p| {
                        // "the Bill", "the Gambling Bill".
                        matches!(tokens[p].lower.as_str(), "the" | "a" | "this" | "that")
                            || (tokens[p].is_capitalized()
                                && tokens[p].text.chars().all(char::is_alphabetic)
                                && !opens_sentence(p)
                                && tokens
                                    .get(span.tokens.end)
                                    .is_none_or(|next| !next.is_capitalized()))
                    })
                {
                    continue;
                }
                // "al-Qaeda" tagged "Qaeda", a person: the group ("al-"
                // before other names is a family's: "Saud al-Faisal").
                if !several
                    && matches!(last, "Qaeda" | "Qaida" | "Qa'ida")
                    && span.tokens.start >= 2
                    && doc.hyphen_joins(span.tokens.start - 1)
                    && tokens[span.tokens.start - 2].lower == "al"
                {
                    span.tokens.start -= 2;
                    span.kind = NerKind::Org;
                }
            }
            // "U.K. Suggestion", "U.S. Officials": wire style capitalises
            // the noun after a country; the name is the country alone. So
            // is any word the article also writes in lowercase ("U.S.
            // Sanctions", "U.S. Market"), unless the name is a body's ("U.S.
            // Embassy").
            let last = &tokens[span.tokens.end - 1];
            let common = || {
                lexicon::is_common_noun(&last.lower)
                    || (span.tokens.len() == 2 && lexicon::is_wire_capitalised_verb(&last.lower))
                    || (last.is_capitalized()
                        && !last.is_all_caps()
                        && lexicon::org_sector(&surface(&tokens[span.tokens.clone()])).is_none()
                        && tokens.iter().any(|t| t.text == last.lower))
            };
            if span.tokens.len() > 1
                && self
                    .gazetteer
                    .country_of(&tokens[span.tokens.start..span.tokens.end - 1])
                    .is_some()
                && common()
            {
                span.tokens.end -= 1;
                span.kind = NerKind::Loc;
            }
            // "the Tower commission": a panel named after its chair is a
            // body, not the person.
            if tokens.get(span.tokens.end).is_some_and(|t| {
                matches!(
                    t.text.as_str(),
                    "commission" | "committee" | "panel" | "inquiry"
                )
            }) && span.kind != NerKind::Loc
                && !names_a_thing(tokens, span.tokens.end)
            {
                span.tokens.end += 1;
                span.kind = NerKind::Org;
            }
            // "Foreign and Commonwealth Office" tagged from "Commonwealth":
            // the whole name, when it is one the lexicon knows.
            let start = span.tokens.start;
            if start >= 2
                && tokens[start - 1].lower == "and"
                && tokens[start - 2].is_capitalized()
                && out.last().is_none_or(|p| p.tokens.end <= start - 2)
            {
                let whole = surface(&tokens[start - 2..span.tokens.end]);
                if lexicon::known_org(&whole).is_some()
                    || lexicon::org_country(&whole).is_some()
                    || self.gazetteer.igo(&whole).is_some()
                {
                    span.tokens.start -= 2;
                    span.kind = NerKind::Org;
                }
            }
            // "Commission for Racial Equality chairman", "Campaign for
            // Nuclear Disarmament leaders" opening a sentence, tagged from
            // after "for" (and the head word on its own): an organisation's
            // head word, "for" or "of", and the rest are one name.
            // Not a seat: "(Member of) Parliament for Sheffield Brightside".
            let start = span.tokens.start;
            let head = start
                .checked_sub(2)
                .and_then(|h| body_head(tokens, h).filter(|_| tokens[h].is_capitalized()));
            let seat = head == Some("LEG") && tokens[start - 1].lower == "for";
            if head.is_some()
                && span.kind != NerKind::Person
                && !seat
                && !self.is_country(doc, &span)
                && doc.sentence_of[start - 2] == doc.sentence_of[start]
            {
                let head_alone = out
                    .last()
                    .is_some_and(|p| p.tokens == (start - 2..start - 1));
                if head_alone {
                    out.pop();
                }
                if head_alone || out.last().is_none_or(|p| p.tokens.end <= start - 2) {
                    span.tokens.start -= 2;
                    span.kind = NerKind::Org;
                }
            }
            if let Some(previous) = out.last_mut() {
                let joined = span.tokens.start == previous.tokens.end + 1
                    && doc.hyphen_joins(previous.tokens.end);
                if joined
                    && !self.is_country(doc, previous)
                    && !self.is_country(doc, &span)
                    && !self.is_international(doc, previous)
                    && !self.is_international(doc, &span)
                {
                    // "Robin Leigh" and "Pemberton" tagged apart: a
                    // double-barrelled surname ends a person's name, not
                    // a firm's.
                    let surname_ends = previous.kind == NerKind::Person
                        && previous.tokens.len() >= 2
                        && span.tokens.len() == 1;
                    previous.tokens.end = span.tokens.end;
                    if !surname_ends {
                        previous.kind = span.kind;
                    }
                    continue;
                }
            }
            out.push(span);
        }
        // "Dan Rostenkowski, an Illinois Democrat", "Nevada Sen. Paul
        // Laxalt": a state and a party word or a title tagged as one name
        // are the state, a place; the party word is left as it would be
        // tagged alone, the title is no name.
        let mut parted = Vec::with_capacity(out.len());
        for span in out {
            let last = span.tokens.end - 1;
            let word = tokens[last].text.as_str();
            let party = matches!(word, "Democrat" | "Republican");
            let title = matches!(word, "Sen." | "Rep." | "Gov." | "Sen" | "Rep" | "Gov");
            let state = span.tokens.start..last;
            let is_state = !state.is_empty()
                && self
                    .gazetteer
                    .region(&surface(&tokens[state.clone()]))
                    .is_some_and(|r| !r.country.is_empty());
            if (party || title) && is_state {
                parted.push(NamedSpan {
                    tokens: state,
                    kind: NerKind::Loc,
                });
                if party {
                    parted.push(NamedSpan {
                        tokens: last..last + 1,
                        kind: NerKind::Misc,
                    });
                }
            } else {
                parted.push(span);
            }
        }
        let out = parted;
        // "EU-China", "U.S.-Soviet" tagged as one name: two, when both
        // sides are a country or an international organisation.
        let mut split = Vec::with_capacity(out.len());
        for span in out {
            let hyphen = (span.tokens.start + 1..span.tokens.end.saturating_sub(1))
                .find(|&i| doc.hyphen_joins(i));
            match hyphen {
                Some(i) => {
                    let left = NamedSpan {
                        tokens: span.tokens.start..i,
                        kind: span.kind,
                    };
                    let right = NamedSpan {
                        tokens: i + 1..span.tokens.end,
                        kind: span.kind,
                    };
                    let known =
                        |s: &NamedSpan| self.is_country(doc, s) || self.is_international(doc, s);
                    if known(&left) && known(&right) {
                        split.push(left);
                        split.push(right);
                    } else {
                        split.push(span);
                    }
                }
                // "EU China arms ban": a headline's two actors side by side.
                None => {
                    let known =
                        |s: &NamedSpan| self.is_country(doc, s) || self.is_international(doc, s);
                    let halves = (span.tokens.start + 1..span.tokens.end)
                        .map(|i| {
                            (
                                NamedSpan {
                                    tokens: span.tokens.start..i,
                                    kind: span.kind,
                                },
                                NamedSpan {
                                    tokens: i..span.tokens.end,
                                    kind: span.kind,
                                },
                            )
                        })
                        .find(|(left, right)| known(left) && known(right));
                    match halves {
                        Some((left, right)) if !known(&span) => {
                            for mut half in [left, right] {
                                if self.is_country(doc, &half) {
                                    half.kind = NerKind::Loc;
                                }
                                split.push(half);
                            }
                        }
                        _ => split.push(span),
                    }
                }
            }
        }
        // "World Bank and International Monetary Fund", "Reuters and
        // Visnews" tagged as one name: two, when the first is a known
        // organisation and the whole is none.
        // Not "Goldman Sachs and Co": a legal form after "and" closes the
        // firm's name.
        let mut out = Vec::with_capacity(split.len());
        for span in split {
            let and = (span.tokens.start + 1..span.tokens.end.saturating_sub(1)).find(|&i| {
                tokens[i].lower == "and"
                    && tokens[i + 1].is_capitalized()
                    && !lexicon::is_company_suffix(&tokens[i + 1].text)
            });
            let whole = crate::text::surface(&tokens[span.tokens.clone()]);
            let known = |text: &str| {
                self.gazetteer.igo(text).is_some() || lexicon::known_org(text).is_some()
            };
            match and {
                Some(i)
                    if !known(&whole)
                        && known(&crate::text::surface(&tokens[span.tokens.start..i])) =>
                {
                    out.push(NamedSpan {
                        tokens: span.tokens.start..i,
                        kind: span.kind,
                    });
                    out.push(NamedSpan {
                        tokens: i + 1..span.tokens.end,
                        kind: span.kind,
                    });
                }
                _ => out.push(span),
            }
        }
        for span in &mut out {
            // "Karl-Heinz Narjes" where only "Heinz Narjes" was tagged.
            let start = span.tokens.start;
            if span.kind == NerKind::Person
                && start >= 2
                && doc.hyphen_joins(start - 1)
                && tokens[start - 2].is_capitalized()
            {
                span.tokens.start = start - 2;
            }
            // "the Commons public accounts committee": a committee named by
            // its chamber and lowercase words.
            let end = span.tokens.end;
            // Not after a person's name ("William Rhodes and representatives
            // from committee vice-chairmen", "Baker told the committee"), nor
            // across a function word or a verb ("Reynolds Tobacco said the
            // committee", "the Agency is warning a committee of MSPs", "an
            // Illinois Democrat whose committee"); "and" joins the remit's
            // words ("work and pensions").
            if let Some(offset) =
                (0..4).find(|&k| tokens.get(end + k).is_some_and(|t| t.lower == "committee"))
                && !names_a_thing(tokens, end + offset)
                && span.kind != NerKind::Person
                && (end..end + offset).all(|i| {
                    let lower = tokens[i].lower.as_str();
                    tokens[i].text.chars().all(|c| c.is_lowercase() || c == '-')
                        && (lower == "and" || !lexicon::is_function_word(lower))
                        && !crate::analysis::quotes::SAYING.contains(&lower)
                        && !matches!(
                            lower,
                            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "whose"
                        )
                })
                && doc.sentence_of[end + offset] == doc.sentence_of[span.tokens.start]
            {
                span.tokens.end = end + offset + 1;
                span.kind = NerKind::Org;
            }
            // "the UN refugee agency": an international organisation's
            // agency named by lowercase words after it.
            if span.kind != NerKind::Person {
                let name = crate::text::surface(&tokens[span.tokens.clone()]);
                if self.gazetteer.igo(&name).is_some() {
                    let longer = (1..=2).rev().find(|&k| {
                        let end = span.tokens.end;
                        end + k <= tokens.len()
                            && doc.sentence_of[end + k - 1] == doc.sentence_of[span.tokens.start]
                            && tokens[end..end + k]
                                .iter()
                                .all(|t| t.text.chars().all(|c| c.is_lowercase()))
                            && self
                                .gazetteer
                                .igo(&crate::text::surface(&tokens[span.tokens.start..end + k]))
                                .is_some()
                    });
                    if let Some(k) = longer {
                        span.tokens.end += k;
                        span.kind = NerKind::Org;
                    }
                }
            }
            // A wire dateline ("CAPE CANAVERAL, Fla, Feb 26 -") names a
            // place, whatever type the tagger gave it.
            if span.tokens.start == 0
                && tokens[span.tokens.clone()].iter().all(|t| t.is_all_caps())
                && tokens
                    .get(span.tokens.end)
                    .is_some_and(|t| matches!(t.text.as_str(), "," | "-" | "\u{2014}"))
            {
                span.kind = NerKind::Loc;
            }
            // A country's name is a place, whatever type the tagger gave it
            // ("US" taken for MISC before "Defense Secretary", "Japan's
            // tight-fisted fiscal policy" for a person). Not a one-word
            // person's name that is also a given name ("Jordan", "Chad").
            let text = crate::text::surface(&tokens[span.tokens.clone()]);
            let person_named_so = span.kind == NerKind::Person
                && (span.tokens.len() > 1
                    || matches!(text.as_str(), "Jordan" | "Chad" | "Georgia"));
            if matches!(span.kind, NerKind::Misc | NerKind::Person)
                && !person_named_so
                && self.gazetteer.country_by_alias(&text).is_some()
            {
                span.kind = NerKind::Loc;
            }
            // "Indo-Pacific" where only "Indo" was tagged; not "EU-China",
            // two actors the split above has just made.
            let end = span.tokens.end;
            let known = |text: &str| {
                self.gazetteer.country_by_alias(text).is_some()
                    || self.gazetteer.igo(text).is_some()
            };
            if doc.hyphen_joins(end)
                && tokens[end + 1].is_capitalized()
                && !self.is_country(doc, span)
                && !self.is_international(doc, span)
                && !known(&tokens[end + 1].text)
            {
                span.tokens.end = end + 2;
            }
            // "Lho Shin-yong", "Kim Il-sung", "Chun Doo-hwan": a Korean or
            // Chinese given name's second syllable, in lower case after the
            // hyphen, where only its first was tagged (not "a Baker-led
            // team").
            let end = span.tokens.end;
            if span.kind == NerKind::Person
                && span.tokens.len() >= 2
                && doc.hyphen_joins(end)
                && is_name_syllable(&tokens[end + 1].text)
            {
                span.tokens.end = end + 2;
            }
            // Not "Commission for Africa": a body's head word before "for"
            // or "of" names a body.
            let last = tokens[span.tokens.end - 1].text.as_str();
            if lexicon::is_geographic_name(last, span.tokens.len()) && !body_headed(tokens, span) {
                span.kind = NerKind::Loc;
            }
            // "European commission", "EU commission": an international
            // organisation's name that runs on in lower case; "European"
            // tagged alone before "Community Farm Commissioner".
            let end = span.tokens.end;
            if let Some(next) = tokens.get(end)
                && matches!(
                    next.lower.as_str(),
                    "commission" | "parliament" | "council" | "court" | "union" | "community"
                )
                && doc.sentence_of[end] == doc.sentence_of[span.tokens.start]
            {
                let longer = format!(
                    "{} {}",
                    crate::text::surface(&tokens[span.tokens.clone()]),
                    next.text
                );
                let lower_run_on = next.text.chars().next().is_some_and(char::is_lowercase);
                if self.gazetteer.igo(&longer).is_some()
                    && (lower_run_on
                        || self
                            .gazetteer
                            .igo(&crate::text::surface(&tokens[span.tokens.clone()]))
                            .is_none())
                {
                    span.tokens.end = end + 1;
                    span.kind = NerKind::Org;
                }
            }
        }
        let mut covered = vec![false; tokens.len()];
        for span in &out {
            covered[span.tokens.clone()].fill(true);
        }
        let mut added = false;
        for (i, token) in tokens.iter().enumerate() {
            if covered[i] {
                continue;
            }
            if let Some(end) = self.armed_group_in_lowercase(tokens, i, &covered) {
                out.push(NamedSpan {
                    tokens: i..end,
                    kind: NerKind::Org,
                });
                added = true;
                continue;
            }
            if !token.is_capitalized() {
                continue;
            }
            // Known acronyms and country names the tagger left out ("US
            // Defense Secretary Lloyd Austin").
            // "G8", "G20": capitals and digits.
            let caps_and_digits = token.text.chars().any(|c| c.is_ascii_digit())
                && token
                    .text
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            let kind = if (token.is_all_caps() || caps_and_digits)
                && (lexicon::known_org(&token.text).is_some()
                    || self.gazetteer.igo(&token.text).is_some())
            {
                Some(NerKind::Org)
            } else if self.gazetteer.country_by_alias(&token.text).is_some() {
                Some(NerKind::Loc)
            } else if self.gazetteer.country_by_demonym(&token.text).is_some() {
                Some(NerKind::Misc)
            } else if self.gazetteer.is_big_capital(&token.text) {
                // "Peking said": a big capital, by any of its names.
                Some(NerKind::Loc)
            } else {
                None
            };
            if let Some(kind) = kind {
                out.push(NamedSpan {
                    tokens: i..i + 1,
                    kind,
                });
                added = true;
            }
        }
        if added {
            out.sort_by_key(|s| s.tokens.start);
        }
        let mut out = self.join_of_country(doc, merge_overlaps(out));
        self.places_in_lists(doc, &mut out);
        firms_short_forms(doc, &mut out);
        let mut in_span = vec![false; tokens.len()];
        for span in &out {
            in_span[span.tokens.clone()].fill(true);
        }
        // "state-owned Petroleum Corp": lowercase words before a name are
        // not part of it.
        let out: Vec<NamedSpan> = out
            .into_iter()
            .map(|mut span| {
                while span.kind != NerKind::Person
                    && span.tokens.len() > 1
                    && tokens[span.tokens.start].text.contains('-')
                    && tokens[span.tokens.start]
                        .text
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                {
                    span.tokens.start += 1;
                }
                // "Prince Harry" where the tagger took only "Harry" (and
                // no other name holds "Prince").
                if span.kind == NerKind::Person
                    && span.tokens.len() == 1
                    && span.tokens.start > 0
                    && !in_span[span.tokens.start - 1]
                    && matches!(
                        tokens[span.tokens.start - 1].text.as_str(),
                        "Prince" | "Princess"
                    )
                {
                    span.tokens.start -= 1;
                }
                span
            })
            .collect();
        let mut out = self.surname_then_country(doc, out);
        self.one_kind_per_name(doc, &mut out);
        out
    }

    /// "Lawson told Funaro Brazil had to...": a surname of a person named
    /// in full in the article, run together with a country's name, is the
    /// person and the country.
    fn surname_then_country(&self, doc: &Doc, spans: Vec<NamedSpan>) -> Vec<NamedSpan> {
        let tokens = &doc.tokens;
        let surnames = surnames_of_full_names(doc, &spans);
        let mut out = Vec::with_capacity(spans.len());
        for span in spans {
            let first = span.tokens.start;
            if span.kind != NerKind::Person
                && span.tokens.len() > 1
                && surnames.contains(&tokens[first].text.as_str())
                && self
                    .gazetteer
                    .country_of(&tokens[first + 1..span.tokens.end])
                    .is_some()
            {
                out.push(NamedSpan {
                    tokens: first..first + 1,
                    kind: NerKind::Person,
                });
                out.push(NamedSpan {
                    tokens: first + 1..span.tokens.end,
                    kind: NerKind::Loc,
                });
            } else {
                out.push(span);
            }
        }
        out
    }

    /// A name the tagger typed two ways in one article ("Shearson" a firm
    /// in one sentence, a person in the next): the type most of its
    /// mentions have, an organisation's on a tie (then a person's, a
    /// place's). Not for names of places and states, whose other readings
    /// (a capital acting for its government) the resolver decides.
    fn one_kind_per_name(&self, doc: &Doc, spans: &mut [NamedSpan]) {
        let mut kinds: HashMap<String, [usize; 4]> = HashMap::new();
        let index = |kind: NerKind| match kind {
            NerKind::Org => 0,
            NerKind::Person => 1,
            NerKind::Loc => 2,
            NerKind::Misc => 3,
        };
        let surnames = surnames_of_full_names(doc, spans);
        let texts: Vec<String> = spans
            .iter()
            .map(|span| surface(&doc.tokens[span.tokens.clone()]))
            .collect();
        for (span, text) in spans.iter().zip(&texts) {
            kinds.entry(text.clone()).or_default()[index(span.kind)] += 1;
        }
        for (span, text) in spans.iter_mut().zip(texts) {
            let Some(counts) = kinds.get(&text) else {
                continue;
            };
            if counts.iter().filter(|&&n| n > 0).count() < 2
                || self.is_country(doc, span)
                || self.gazetteer.cities(&text).next().is_some()
                || self.gazetteer.region(&text).is_some()
                || self.is_international(doc, span)
            {
                continue;
            }
            // A lone word typed both a person and an organisation is the
            // person where a full name of a person in the article ends in
            // it ("Funaro" after "Dilson Funaro"), else the organisation
            // ("Chrysler").
            // One the actor dictionary knows as a surname is left as
            // tagged: the resolver weighs the article's date ("Funaro" in
            // 1987 is Brazil's finance minister; "Ford" is mostly the firm).
            if counts[0] > 0 && counts[1] > 0 && !text.contains(' ') {
                if surnames.contains(&text.as_str()) {
                    span.kind = NerKind::Person;
                } else if self.gazetteer.people_by_surname(&text).next().is_none() {
                    span.kind = NerKind::Org;
                }
                continue;
            }
            // The first of the most: organisation, person, place, other.
            let most = counts.iter().copied().max().unwrap_or(0);
            span.kind = [NerKind::Org, NerKind::Person, NerKind::Loc, NerKind::Misc]
                [counts.iter().position(|&n| n == most).unwrap_or(0)];
        }
    }

    /// "Manchester, Liverpool, Leicester": a city the tagger took for an
    /// organisation in a list of places is a place.
    fn places_in_lists(&self, doc: &Doc, spans: &mut [NamedSpan]) {
        let joins = |from: usize, to: usize| {
            to == from + 1 && matches!(doc.tokens[from].text.as_str(), "," | "and")
        };
        for i in 0..spans.len() {
            if spans[i].kind != NerKind::Org {
                continue;
            }
            let text = crate::text::surface(&doc.tokens[spans[i].tokens.clone()]);
            if self.gazetteer.cities(&text).next().is_none()
                || lexicon::known_org(&text).is_some()
                || lexicon::org_sector(&text).is_some()
            {
                continue;
            }
            let place_before = i > 0
                && spans[i - 1].kind == NerKind::Loc
                && joins(spans[i - 1].tokens.end, spans[i].tokens.start);
            let place_after = spans.get(i + 1).is_some_and(|next| {
                next.kind == NerKind::Loc && joins(spans[i].tokens.end, next.tokens.start)
            });
            if place_before || place_after {
                spans[i].kind = NerKind::Loc;
            }
        }
    }

    /// "Petroleum Corp of Jamaica" tagged as an organisation and a
    /// country: one organisation, when the first ends in an organisation's
    /// head word.
    fn join_of_country(&self, doc: &Doc, spans: Vec<NamedSpan>) -> Vec<NamedSpan> {
        let mut out: Vec<NamedSpan> = Vec::with_capacity(spans.len());
        for span in spans {
            if let Some(previous) = out.last_mut()
                && previous.kind == NerKind::Org
                && span.tokens.start == previous.tokens.end + 1
                && doc.tokens[previous.tokens.end].lower == "of"
                && doc.sentence_of[span.tokens.start] == doc.sentence_of[previous.tokens.start]
                && self.is_country(doc, &span)
                && lexicon::org_sector(&crate::text::surface(&doc.tokens[previous.tokens.clone()]))
                    .is_some()
                && !self.is_international(doc, previous)
            {
                previous.tokens.end = span.tokens.end;
                continue;
            }
            out.push(span);
        }
        out
    }
}

/// "Martin Marietta" and "Paribas" taken for people in a story that names
/// "Martin Marietta Corp" and "Banque Paribas": a firm's name without its
/// legal form or its "Banque" is the firm.
/// The last words of people's full names among `spans`.
fn surnames_of_full_names<'d>(doc: &'d Doc, spans: &[NamedSpan]) -> Vec<&'d str> {
    spans
        .iter()
        .filter(|s| s.kind == NerKind::Person && s.tokens.len() > 1)
        .map(|s| doc.tokens[s.tokens.end - 1].text.as_str())
        .collect()
}

/// "Cheung Kong (Holdings) Ltd" tagged "Cheung Kong", "Holdings" and
/// "Ltd"; "Alex. Brown and Sons Inc" tagged "Alex. Brown" and "Sons Inc": a
/// name made only of a firm's corporate words ends the firm's name before
/// it, across "and", "&" or brackets; alone, it names nothing.
fn corporate_fragments(doc: &Doc, spans: Vec<NamedSpan>) -> Vec<NamedSpan> {
    let tokens = &doc.tokens;
    let corporate = |t: &crate::text::Token| {
        lexicon::is_company_suffix(&t.text)
            || matches!(
                t.text.as_str(),
                "Sons" | "Holdings" | "Brothers" | "Bros" | "Bros." | "Cos" | "Cos."
            )
    };
    let mut out: Vec<NamedSpan> = Vec::with_capacity(spans.len());
    for span in spans {
        if !tokens[span.tokens.clone()].iter().all(corporate) {
            out.push(span);
            continue;
        }
        if let Some(previous) = out.last_mut()
            && previous.tokens.end <= span.tokens.start
            && span.tokens.start - previous.tokens.end <= 2
            && doc.sentence_of[previous.tokens.start] == doc.sentence_of[span.tokens.start]
            && tokens[previous.tokens.end..span.tokens.start]
                .iter()
                .all(|t| matches!(t.text.as_str(), "and" | "&" | "(" | ")"))
        {
            previous.tokens.end = span.tokens.end;
            previous.kind = NerKind::Org;
            // "Mitsubishi Bank (Europe) Ltd": a bracketed name closing a
            // firm's name belongs to the name before its bracket.
            let start = previous.tokens.start;
            if out.len() >= 2
                && start >= 2
                && tokens[start - 1].text == "("
                && out[out.len() - 2].tokens.end == start - 1
            {
                let end = out.pop().map_or(start, |p| p.tokens.end);
                if let Some(firm) = out.last_mut() {
                    firm.tokens.end = end;
                    firm.kind = NerKind::Org;
                }
            }
        }
    }
    out
}

/// "two Senate committee hearings", "House committee members": a body's
/// word at `at` that only qualifies the noun after it names no body; the
/// name is the chamber's.
fn names_a_thing(tokens: &[crate::text::Token], at: usize) -> bool {
    tokens.get(at + 1).is_some_and(|t| {
        matches!(
            t.text.as_str(),
            "hearing" | "hearings" | "members" | "aides" | "staff" | "sources" | "vote" | "votes"
        )
    })
}

/// "Bank of" and "British Columbia", "Islamic Republic of" and "Iran News
/// Agency" tagged apart: a name that ends in a lowercase linking word runs on
/// into the name right after it (an organisation's, if either is). With no
/// name after it ("accusing the West of letting"), the linking words are
/// not part of the name.
fn names_left_open(doc: &Doc, spans: Vec<NamedSpan>) -> Vec<NamedSpan> {
    let tokens = &doc.tokens;
    let open = |span: &NamedSpan| {
        let last = &tokens[span.tokens.end - 1];
        span.tokens.len() > 1
            && last.text == last.lower
            && matches!(
                last.lower.as_str(),
                "of" | "and" | "the" | "for" | "on" | "de"
            )
    };
    let mut out: Vec<NamedSpan> = Vec::with_capacity(spans.len());
    for span in spans {
        if let Some(previous) = out.last_mut()
            && open(previous)
            && previous.tokens.end == span.tokens.start
            && doc.sentence_of[previous.tokens.start] == doc.sentence_of[span.tokens.start]
        {
            previous.tokens.end = span.tokens.end;
            if span.kind == NerKind::Org {
                previous.kind = NerKind::Org;
            }
            continue;
        }
        out.push(span);
    }
    for span in &mut out {
        // "the Office of the Deputy Prime Minister": an organisation's
        // name runs on through the capitalised words the tagger left out.
        if span.kind == NerKind::Org && open(span) {
            let sentence = doc.sentence_of[span.tokens.start];
            let end = (span.tokens.end..tokens.len())
                .find(|&i| {
                    let t = &tokens[i];
                    doc.sentence_of[i] != sentence
                        || !t.is_capitalized()
                        || !t.text.chars().all(char::is_alphabetic)
                        || lexicon::MONTHS.contains(&t.lower.as_str())
                        || lexicon::WEEKDAYS.contains(&t.lower.as_str())
                })
                .unwrap_or(tokens.len());
            span.tokens.end = end;
        }
        while open(span) {
            span.tokens.end -= 1;
        }
    }
    out
}

fn firms_short_forms(doc: &Doc, spans: &mut [NamedSpan]) {
    let words = |span: &NamedSpan| -> Vec<&str> {
        doc.tokens[span.tokens.clone()]
            .iter()
            .map(|t| t.text.as_str())
            .collect()
    };
    let firms: Vec<Vec<&str>> = spans
        .iter()
        .filter(|s| s.kind == NerKind::Org && s.tokens.len() > 1)
        .filter_map(|s| {
            let w = words(s);
            let (first, last) = (w[0], w[w.len() - 1]);
            if lexicon::is_company_suffix(last) {
                Some(w[..w.len() - 1].to_vec())
            } else if lexicon::is_bank_word(first) {
                Some(w[1..].to_vec())
            } else {
                None
            }
        })
        .collect();
    if firms.is_empty() {
        return;
    }
    for span in spans.iter_mut() {
        if span.kind == NerKind::Person && firms.iter().any(|f| *f == words(span)) {
            span.kind = NerKind::Org;
        }
    }
}

/// Spans sorted by start that do not overlap: a span that a repair above
/// grew into its neighbour ("Kansallis-Osake-Pankki" tagged in two parts,
/// "Proxmire (D-Wis)") takes the neighbour in, keeping its own type.
/// The sector of an organisation's head word at `at` followed by "for" or
/// "of" ("Commission for", "Ministry of"), if that is what stands there.
fn body_head(tokens: &[crate::text::Token], at: usize) -> Option<&'static str> {
    let of = tokens.get(at + 1)?;
    if !matches!(of.lower.as_str(), "for" | "of") {
        return None;
    }
    lexicon::org_sector(&tokens[at].text)
}

/// A span opening on an organisation's head word and "for" or "of"
/// ("Commission for Africa", "Ministry of Defence").
fn body_headed(tokens: &[crate::text::Token], span: &NamedSpan) -> bool {
    span.tokens.len() > 2 && body_head(tokens, span.tokens.start).is_some()
}

/// The lower-case second syllable of a hyphenated Korean or Chinese given
/// name ("yong" of "Shin-yong"), not an English suffix ("led", "style").
fn is_name_syllable(word: &str) -> bool {
    (1..=5).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(
            word,
            "led"
                | "style"
                | "era"
                | "run"
                | "type"
                | "like"
                | "based"
                | "owned"
                | "born"
                | "made"
                | "free"
                | "wide"
                | "level"
                | "year"
                | "old"
                | "age"
                | "area"
                | "bound"
                | "held"
                | "linked"
                | "backed"
                | "aided"
                | "al"
                | "el"
                | "ul"
                | "ud"
                | "bin"
                | "ibn"
                | "de"
                | "van"
                | "von"
                | "ben"
                | "abu"
        )
}

fn merge_overlaps(mut spans: Vec<NamedSpan>) -> Vec<NamedSpan> {
    spans.sort_by_key(|s| s.tokens.start);
    let mut out: Vec<NamedSpan> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(previous) if span.tokens.start < previous.tokens.end => {
                previous.tokens.end = previous.tokens.end.max(span.tokens.end);
            }
            _ => out.push(span),
        }
    }
    out
}

/// A token as CoNLL-2003 (the training data) writes it: straight quotes
/// and apostrophes.
fn conll_form(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201c}' | '\u{201d}' => '"',
                '\u{2013}' | '\u{2014}' => '-',
                other => other,
            })
            .collect(),
    )
}

const KINDS: [NerKind; 4] = [NerKind::Person, NerKind::Org, NerKind::Loc, NerKind::Misc];

impl Recognizer for TaggerRecognizer {
    fn recognize(&self, doc: &Doc) -> Vec<NamedSpan> {
        let sentences: Vec<Vec<Cow<'_, str>>> = doc
            .sentences
            .iter()
            .map(|s| {
                doc.tokens[s.tokens.clone()]
                    .iter()
                    .map(|t| conll_form(&t.text))
                    .collect()
            })
            .collect();
        let tags = self.model.tag(&sentences);
        let mut out = Vec::new();
        for (sentence, tags) in doc.sentences.iter().zip(&tags) {
            let offset = sentence.tokens.start;
            for (start, end, kind) in tagger::spans(tags) {
                out.push(NamedSpan {
                    tokens: offset + start..offset + end,
                    kind: KINDS[kind],
                });
            }
        }
        self.refine(doc, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{analyze, surface};

    fn recognize(text: &str) -> Vec<(String, NerKind)> {
        let gazetteer = Arc::new(Gazetteer::bundled().expect("gazetteer"));
        let model = Arc::new(crate::tagger::bundled().expect("model"));
        let doc = analyze(text);
        TaggerRecognizer::new(model, gazetteer)
            .recognize(&doc)
            .into_iter()
            .map(|s| (surface(&doc.tokens[s.tokens]), s.kind))
            .collect()
    }

    /// What `refine` makes of spans as the tagger might have given them:
    /// each kept span's words and kind.
    fn refined(text: &str, spans: &[(std::ops::Range<usize>, NerKind)]) -> Vec<(String, NerKind)> {
        let gazetteer = Arc::new(Gazetteer::bundled().expect("gazetteer"));
        let model = Arc::new(crate::tagger::bundled().expect("model"));
        let doc = analyze(text);
        let spans = spans
            .iter()
            .map(|(tokens, kind)| NamedSpan {
                tokens: tokens.clone(),
                kind: *kind,
            })
            .collect();
        TaggerRecognizer::new(model, gazetteer)
            .refine(&doc, spans)
            .into_iter()
            .map(|s| (surface(&doc.tokens[s.tokens]), s.kind))
            .collect()
    }

    #[test]
    fn a_surname_run_together_with_a_country_is_the_person_and_the_country() {
        use NerKind::{Loc, Org, Person};
        let text = "Dilson Funaro met Lawson. Lawson told Funaro Brazil had to pay.";
        // Dilson Funaro met Lawson . Lawson told Funaro Brazil had
        // 0      1      2   3      4 5      6    7      8
        assert_eq!(
            refined(
                text,
                &[(0..2, Person), (3..4, Person), (5..6, Person), (7..9, Org)]
            ),
            vec![
                ("Dilson Funaro".to_owned(), Person),
                ("Lawson".to_owned(), Person),
                ("Lawson".to_owned(), Person),
                ("Funaro".to_owned(), Person),
                ("Brazil".to_owned(), Loc)
            ]
        );
    }

    #[test]
    fn a_countrys_possessive_parts_the_country_from_its_body() {
        use NerKind::{Loc, Org};
        let text = "The UK's Department for International Development paid.";
        // The UK 's Department for International Development paid
        // 0   1  2  3          4   5             6           7
        assert_eq!(
            refined(text, &[(1..7, Org)]),
            vec![
                ("UK".to_owned(), Loc),
                ("Department for International Development".to_owned(), Org)
            ]
        );
    }

    #[test]
    fn a_name_left_open_runs_on_into_the_next_or_ends_before_its_linking_word() {
        use NerKind::{Loc, Org};
        let text = "The Bank of British Columbia said the West of old is gone to the Office of the Deputy Prime Minister on Monday.";
        // The   Bank of British Columbia said the West of old is gone to
        // 0     1    2  3       4        5    6   7    8  9   10 11   12
        // the Office of the Deputy Prime Minister on Monday
        // 13  14     15 16  17     18    19       20 21
        assert_eq!(
            refined(
                text,
                &[(1..3, Org), (3..5, Loc), (7..9, Loc), (14..17, Org)]
            ),
            vec![
                ("Bank of British Columbia".to_owned(), Org),
                ("West".to_owned(), Loc),
                ("Office of the Deputy Prime Minister".to_owned(), Org)
            ]
        );
    }

    #[test]
    fn a_sentences_opening_word_is_no_name() {
        // As the tagger took them in a whole BBC story: "However" a person,
        // "What the Law Lords" (tokens 11..15) an organisation after an
        // opening quote.
        let found = refined(
            "However, Norfolk police chief Andy Hayman also warned. \
             \"What the Law Lords did was wrong,\" she said.",
            &[(0..1, NerKind::Person), (11..15, NerKind::Org)],
        );
        assert_eq!(found, [("Law Lords".to_owned(), NerKind::Org)]);
    }

    #[test]
    fn firms_plans_and_bills_taken_for_people_are_not_people() {
        // "Martin Marietta Corp said . The Marshall Plan helped . The Bill
        // failed . Paribas of Banque Paribas": as the tagger took them.
        let found = refined(
            "Martin Marietta Corp said. The Marshall Plan helped. The Bill failed. \
             Paribas is Banque Paribas.",
            &[
                (0..3, NerKind::Person),
                (6..8, NerKind::Person),
                (11..12, NerKind::Person),
                (14..15, NerKind::Person),
                (16..18, NerKind::Person),
            ],
        );
        assert_eq!(
            found,
            [
                ("Martin Marietta Corp".to_owned(), NerKind::Org),
                ("Marshall Plan".to_owned(), NerKind::Misc),
                ("Paribas".to_owned(), NerKind::Org),
                ("Banque Paribas".to_owned(), NerKind::Org),
            ]
        );
        // A person of the same name with no firm in the story stays one.
        let found = refined("Bill Martin said.", &[(0..2, NerKind::Person)]);
        assert_eq!(found, [("Bill Martin".to_owned(), NerKind::Person)]);
        // "the Gambling Bill" tagged "Bill"; "told Bill" is a man.
        let found = refined(
            "The Gambling Bill passed. He told Bill to go.",
            &[(2..3, NerKind::Person), (7..8, NerKind::Person)],
        );
        assert_eq!(found, [("Bill".to_owned(), NerKind::Person)]);
        // "al-Qaeda" tagged "Qaeda", a person; "Saud al-Faisal" stays his.
        let found = refined(
            "They denied al-Qaeda links. Saud al-Faisal spoke.",
            &[(4..5, NerKind::Person), (7..11, NerKind::Person)],
        );
        assert_eq!(
            found,
            [
                ("al-Qaeda".to_owned(), NerKind::Org),
                ("Saud al-Faisal".to_owned(), NerKind::Person)
            ]
        );
    }

    #[test]
    fn a_name_typed_two_ways_in_an_article_takes_the_type_most_mentions_have() {
        let found = refined(
            "Shearson said profits rose. Analysts at Shearson agreed. Shearson shares fell.",
            &[
                (0..1, NerKind::Org),
                (7..8, NerKind::Person),
                (10..11, NerKind::Org),
            ],
        );
        assert_eq!(
            found,
            [
                ("Shearson".to_owned(), NerKind::Org),
                ("Shearson".to_owned(), NerKind::Org),
                ("Shearson".to_owned(), NerKind::Org)
            ]
        );
        // Not a state's name, which the resolver reads in context.
        let found = refined(
            "Jordan said profits rose. Analysts at Jordan agreed.",
            &[(0..1, NerKind::Loc), (7..8, NerKind::Person)],
        );
        assert_eq!(
            found,
            [
                ("Jordan".to_owned(), NerKind::Loc),
                ("Jordan".to_owned(), NerKind::Person)
            ]
        );
    }

    #[test]
    fn a_presidents_administration_is_a_body_whatever_the_tag_of_the_name() {
        let found = refined(
            "The Reagan administration offered Moscow wheat.",
            &[(1..2, NerKind::Misc), (4..5, NerKind::Loc)],
        );
        assert_eq!(
            found,
            [
                ("Reagan administration".to_owned(), NerKind::Org),
                ("Moscow".to_owned(), NerKind::Loc)
            ]
        );
        // A leader's government too, not a people's or a party's.
        let found = refined(
            "The Thatcher government agreed, as the Labour government did.",
            &[(1..2, NerKind::Person), (7..8, NerKind::Org)],
        );
        // The Thatcher government agreed , as the Labour government did
        // 0   1        2          3      4 5  6   7      8          9
        assert_eq!(
            found,
            [
                ("Thatcher government".to_owned(), NerKind::Org),
                ("Labour".to_owned(), NerKind::Org)
            ]
        );
        // A government after the leader is not his.
        // leadership in a post - Khomeini government
        // 0          1  2 3    4 5        6
        let found = refined(
            "leadership in a post-Khomeini government",
            &[(5..6, NerKind::Org)],
        );
        assert_eq!(found, [("Khomeini".to_owned(), NerKind::Person)]);
    }

    #[test]
    fn a_royal_taken_for_a_small_town_is_a_person() {
        let found = refined(
            "Prince Edward will join the delegation. Prince Edward Island voted.",
            &[(0..2, NerKind::Loc), (7..10, NerKind::Loc)],
        );
        assert_eq!(
            found,
            [
                ("Prince Edward".to_owned(), NerKind::Person),
                ("Prince Edward Island".to_owned(), NerKind::Loc)
            ]
        );
    }

    #[test]
    fn a_compass_word_that_makes_another_states_name_is_part_of_it() {
        // "East German" tagged "German", or "East" and "German" apart.
        let found = refined(
            "East German leader Erich Honecker spoke. The East German army moved.",
            &[
                (1..2, NerKind::Misc),
                (3..5, NerKind::Person),
                (8..9, NerKind::Misc),
                (9..10, NerKind::Misc),
            ],
        );
        assert_eq!(
            found,
            [
                ("East German".to_owned(), NerKind::Misc),
                ("Erich Honecker".to_owned(), NerKind::Person),
                ("East German".to_owned(), NerKind::Misc)
            ]
        );
        // "West German" names the state "German" names; "East Asian" none.
        let found = refined(
            "West German banks and East Asian ones.",
            &[(1..2, NerKind::Misc), (5..6, NerKind::Misc)],
        );
        assert_eq!(
            found,
            [
                ("German".to_owned(), NerKind::Misc),
                ("Asian".to_owned(), NerKind::Misc)
            ]
        );
    }

    #[test]
    fn an_earnings_tables_row_label_is_no_name() {
        let found = refined(
            "Shr 1.23 dlrs vs 1.10 dlrs\nShr Royal Dutch 2.10 dlrs\nShr 95 cts",
            &[
                (0..1, NerKind::Org),
                (6..9, NerKind::Org),
                (11..13, NerKind::Misc),
            ],
        );
        assert_eq!(found, [("Royal Dutch".to_owned(), NerKind::Org)]);
    }

    #[test]
    fn a_double_barrelled_surnames_last_part_tagged_apart_ends_the_persons_name() {
        // Funaro met Governor Robin Leigh - Pemberton and Kansallis - Osake
        // 0      1   2        3     4     5 6          7   8         9 10
        let found = refined(
            "Funaro met Governor Robin Leigh-Pemberton and Kansallis-Osake.",
            &[
                (3..5, NerKind::Person),
                (6..7, NerKind::Org),
                (8..9, NerKind::Person),
                (10..11, NerKind::Org),
            ],
        );
        assert_eq!(
            found,
            [
                ("Robin Leigh-Pemberton".to_owned(), NerKind::Person),
                ("Kansallis-Osake".to_owned(), NerKind::Org)
            ]
        );
    }

    #[test]
    fn a_korean_given_names_second_syllable_is_of_the_name() {
        // "Lho Shin - yong proposed a James Baker - led": tokens 0..2 and
        // 6..8 tagged people.
        let found = refined(
            "Lho Shin-yong proposed a James Baker-led meeting.",
            &[(0..2, NerKind::Person), (6..8, NerKind::Person)],
        );
        assert_eq!(
            found,
            [
                ("Lho Shin-yong".to_owned(), NerKind::Person),
                ("James Baker".to_owned(), NerKind::Person)
            ]
        );
    }

    #[test]
    fn a_bodys_head_word_for_or_of_and_the_rest_are_one_name() {
        // As the tagger took them at a sentence's opening: "Commission" and
        // "Racial Equality" apart.
        let found = refined(
            "Commission for Racial Equality chairman Trevor Phillips said so.",
            &[
                (0..1, NerKind::Org),
                (2..4, NerKind::Org),
                (5..7, NerKind::Person),
            ],
        );
        assert_eq!(
            found,
            [
                ("Commission for Racial Equality".to_owned(), NerKind::Org),
                ("Trevor Phillips".to_owned(), NerKind::Person)
            ]
        );
        // A place after the head word is the body's ("Commission for
        // Africa"); a seat is not ("entered Parliament for Sheffield").
        let found = refined(
            "He chaired the Commission for Africa. He entered Parliament for Sheffield Brightside.",
            &[
                (5..6, NerKind::Loc),
                (9..10, NerKind::Org),
                (11..13, NerKind::Loc),
            ],
        );
        assert_eq!(
            found,
            [
                ("Commission for Africa".to_owned(), NerKind::Org),
                ("Parliament".to_owned(), NerKind::Org),
                ("Sheffield Brightside".to_owned(), NerKind::Loc)
            ]
        );
    }

    #[test]
    fn a_state_and_a_party_word_or_a_title_are_the_state() {
        // "Dan Rostenkowski , an Illinois Democrat , met Nevada Sen. Paul
        // Laxalt ."
        let found = refined(
            "Dan Rostenkowski, an Illinois Democrat, met Nevada Sen. Paul Laxalt.",
            &[
                (0..2, NerKind::Person),
                (4..6, NerKind::Misc),
                (8..10, NerKind::Org),
                (10..12, NerKind::Person),
            ],
        );
        assert_eq!(
            found,
            [
                ("Dan Rostenkowski".to_owned(), NerKind::Person),
                ("Illinois".to_owned(), NerKind::Loc),
                ("Democrat".to_owned(), NerKind::Misc),
                ("Nevada".to_owned(), NerKind::Loc),
                ("Paul Laxalt".to_owned(), NerKind::Person)
            ]
        );
    }

    #[test]
    fn a_dateline_names_a_place() {
        let found = refined(
            "CAPE CANAVERAL, Fla, Feb 26 - A rocket blasted off here today.",
            &[(0..2, NerKind::Person)],
        );
        assert_eq!(found, [("CAPE CANAVERAL".to_owned(), NerKind::Loc)]);
    }

    #[test]
    fn a_country_taken_for_a_person_is_a_place_unless_also_a_given_name() {
        let found = refined(
            "They attacked Japan's policy, Jordan said.",
            &[(2..3, NerKind::Person), (6..7, NerKind::Person)],
        );
        assert_eq!(
            found,
            [
                ("Japan".to_owned(), NerKind::Loc),
                ("Jordan".to_owned(), NerKind::Person)
            ]
        );
    }

    #[test]
    fn tags_people_organisations_and_places() {
        let found = recognize(
            "U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing.",
        );
        assert!(
            found.contains(&("Antony Blinken".into(), NerKind::Person)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Qin Gang".into(), NerKind::Person)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Beijing".into(), NerKind::Loc)),
            "{found:?}"
        );
        // Titles are roles, not names.
        assert!(
            !found.iter().any(|(t, _)| t.contains("Secretary")),
            "{found:?}"
        );
    }

    #[test]
    fn hyphenated_regions_and_seas_are_places() {
        let found = recognize(
            "Tensions rose in the Indo-Pacific and the South China Sea, and U.S.-China talks stalled.",
        );
        assert!(
            found.contains(&("Indo-Pacific".into(), NerKind::Loc)),
            "{found:?}"
        );
        assert!(
            found.contains(&("South China Sea".into(), NerKind::Loc)),
            "{found:?}"
        );
        // Two countries joined by a hyphen stay two.
        assert!(found.iter().any(|(t, _)| t == "U.S."), "{found:?}");
        assert!(found.iter().any(|(t, _)| t == "China"), "{found:?}");
        // An organisation and a country likewise.
        let found = recognize("The EU-China summit was held in The Hague.");
        assert!(found.iter().any(|(t, _)| t == "EU"), "{found:?}");
        assert!(found.iter().any(|(t, _)| t == "China"), "{found:?}");
    }

    #[test]
    fn a_royal_known_by_one_name_keeps_the_title() {
        let found = recognize("Michael Howard said Prince Harry should apologise.");
        assert!(
            found.contains(&("Prince Harry".into(), NerKind::Person)),
            "{found:?}"
        );
    }

    #[test]
    fn a_date_before_a_title_is_not_part_of_the_name() {
        let found = recognize("On Monday Mr Blair said so.");
        assert!(
            !found
                .iter()
                .any(|(t, _)| t.contains("Monday") || t.contains("Mr")),
            "{found:?}"
        );
        let found = recognize("The book says on 13 March Lord Goldsmith met Lord Falconer.");
        assert!(
            !found.iter().any(|(t, _)| t.starts_with("March")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(t, k)| t.ends_with("Goldsmith") && *k == NerKind::Person),
            "{found:?}"
        );
    }

    #[test]
    fn repairs_give_whole_names_of_the_right_type() {
        for (text, name, kind) in [
            // An organisation "of" its country is one name.
            (
                "He was a guest of the state-owned Petroleum Corp of Jamaica.",
                "Petroleum Corp of Jamaica",
                NerKind::Org,
            ),
            // An honorific before a name taken for a place.
            (
                "Gen Musharraf held talks with Tony Blair on Monday.",
                "Musharraf",
                NerKind::Person,
            ),
            // A city in a list of places.
            (
                "He visits Manchester, Liverpool, Leicester and Somerset.",
                "Liverpool",
                NerKind::Loc,
            ),
            // Two organisations tagged as one name.
            (
                "The World Bank and International Monetary Fund lent more.",
                "World Bank",
                NerKind::Org,
            ),
            // A headline's organisation and country side by side.
            ("EU China arms ban 'to be lifted'", "China", NerKind::Loc),
            // An organisation's name that runs on in lower case.
            (
                "Officials at the EU commission said no.",
                "EU commission",
                NerKind::Org,
            ),
            // An organisation's name the tagger cut short.
            (
                "European Community Farm Commissioner Frans Andriessen spoke.",
                "European Community",
                NerKind::Org,
            ),
        ] {
            let found = recognize(text);
            assert!(found.contains(&(name.into(), kind)), "{text}: {found:?}");
        }
    }

    #[test]
    fn repaired_spans_never_overlap() {
        // Seen in Reuters stories: the hyphen repairs grew one span into
        // the next, and event coding then sliced between them backwards.
        let gazetteer = Arc::new(Gazetteer::bundled().expect("gazetteer"));
        let model = Arc::new(crate::tagger::bundled().expect("model"));
        let recognizer = TaggerRecognizer::new(model, gazetteer);
        for text in [
            "Hannu Halttunen, of Helsinki bank Kansallis-Osake-Pankki (KOP), told Reuters it was free.",
            "Garn said he and Committee Chairman William Proxmire (D-Wis) agree on the need.",
            "Karl-Heinz Narjes met EU-China officials in the Indo-Pacific.",
        ] {
            let spans = recognizer.recognize(&analyze(text));
            for pair in spans.windows(2) {
                assert!(
                    pair[0].tokens.end <= pair[1].tokens.start,
                    "{text}: {spans:?}"
                );
            }
        }
    }

    #[test]
    fn known_acronyms_are_organisations() {
        let found = recognize("The deal, given the acronym AUKUS for the three allies, stands.");
        assert!(found.contains(&("AUKUS".into(), NerKind::Org)), "{found:?}");
    }

    #[test]
    fn sentence_openers_are_not_names() {
        let found = recognize("Chinese Foreign Minister Qin Gang spoke. Later Qin Gang left.");
        assert_eq!(
            found
                .iter()
                .filter(|(t, k)| t == "Qin Gang" && *k == NerKind::Person)
                .count(),
            2,
            "{found:?}"
        );
    }

    #[test]
    fn country_names_are_never_missed() {
        let found = recognize(
            "China's defense minister rejected a request from US Defense Secretary Lloyd Austin.",
        );
        assert!(found.contains(&("US".into(), NerKind::Loc)), "{found:?}");
        assert!(found.contains(&("China".into(), NerKind::Loc)), "{found:?}");
    }

    #[test]
    fn honorifics_are_not_names() {
        let found = recognize("Cara Diemont runs the firm. Ms Diemont said sales rose.");
        assert!(found.iter().all(|(t, _)| !t.starts_with("Ms")), "{found:?}");
        assert!(
            found.contains(&("Diemont".into(), NerKind::Person)),
            "{found:?}"
        );
    }

    #[test]
    fn a_countrys_capitalised_stance_is_the_country() {
        // As the tagger took it in a Reuters story: "U.S. Refusal"
        // (tokens 8..10) an organisation.
        let found = refined(
            "Moscow blamed the end of the freeze on U.S. Refusal to join a total test ban.",
            &[(8..10, NerKind::Org)],
        );
        assert!(
            found.contains(&("U.S.".to_owned(), NerKind::Loc)),
            "{found:?}"
        );
        assert!(
            found.iter().all(|(t, _)| !t.contains("Refusal")),
            "{found:?}"
        );
    }

    #[test]
    fn a_verb_or_noun_wire_copy_capitalises_after_a_country_is_not_its_name() {
        // "U.S. Kick" (tokens 3..5) and "U.S. Dlrs" as the tagger took them.
        let found = refined(
            "Japan and the U.S. Kick off top-level trade talks tomorrow.",
            &[(0..1, NerKind::Loc), (3..5, NerKind::Loc)],
        );
        assert!(
            found.contains(&("U.S.".to_owned(), NerKind::Loc)),
            "{found:?}"
        );
        let found = refined(
            "It raised 100 mln U.S. Dlrs in the offering.",
            &[(4..6, NerKind::Org)],
        );
        assert!(found.iter().all(|(t, _)| !t.contains("Dlrs")), "{found:?}");
    }

    #[test]
    fn economic_measures_and_the_federal_funds_rate_name_no_one() {
        use NerKind::{Loc, Org, Person};
        let text = "GNP rose and the Federal funds rate fell in France.";
        // GNP rose and the Federal funds rate fell in France
        // 0   1    2   3   4       5     6    7    8  9
        assert_eq!(
            refined(text, &[(0..1, Org), (4..5, Org), (9..10, Loc)]),
            vec![("France".to_owned(), Loc)]
        );
        // Borrowing, a share class, a rating and the Budget as the tagger
        // might take them.
        let text = "The PSBR fuels pressure on Lawson; Class A shares, rated AAA, and the Budget.";
        // The PSBR fuels pressure on Lawson ; Class A shares , rated AAA , and the Budget .
        // 0   1    2     3        4  5      6 7     8 9      10 11    12  13 14  15  16
        assert_eq!(
            refined(
                text,
                &[
                    (1..2, Org),
                    (5..6, Person),
                    (7..8, Org),
                    (12..13, Org),
                    (16..17, Org)
                ]
            ),
            vec![("Lawson".to_owned(), Person)]
        );
        // Members of parliament unnamed are no one's name.
        let text = "Blair was criticised by MPs.";
        assert_eq!(
            refined(text, &[(0..1, Person), (4..5, Person)]),
            vec![("Blair".to_owned(), Person)]
        );
        // A Budget committee is a body.
        let text = "The Budget committee met.";
        assert_eq!(
            refined(text, &[(1..2, Org)]),
            vec![("Budget committee".to_owned(), Org)]
        );
    }

    #[test]
    fn a_firms_corporate_words_tagged_apart_end_its_name_or_name_nothing() {
        use NerKind::{Loc, Org, Person};
        let text = "Cheung Kong (Holdings) Ltd and Hill and Sons Inc agreed. Ltd was there. \
                    Mitsubishi Bank (Europe) Ltd said.";
        // Cheung Kong ( Holdings ) Ltd and Hill and Sons Inc agreed . Ltd
        // 0      1    2 3        4 5   6   7    8   9    10  11     12 13
        // was there . Mitsubishi Bank ( Europe ) Ltd said
        // 14  15    16 17         18  19 20     21 22  23
        assert_eq!(
            refined(
                text,
                &[
                    (0..2, Org),
                    (3..4, Org),
                    (5..6, Org),
                    (7..8, Person),
                    (9..11, Org),
                    (13..14, Org),
                    (17..19, Org),
                    (20..21, Loc),
                    (22..23, Org)
                ]
            ),
            vec![
                ("Cheung Kong (Holdings) Ltd".to_owned(), Org),
                ("Hill and Sons Inc".to_owned(), Org),
                ("Mitsubishi Bank (Europe) Ltd".to_owned(), Org)
            ]
        );
    }

    #[test]
    fn a_committee_word_that_only_qualifies_a_noun_names_no_committee() {
        use NerKind::Org;
        let text = "He spoke at two Senate committee hearings and to the Senate finance committee.";
        // He spoke at two Senate committee hearings and to the Senate finance committee
        // 0  1     2  3   4      5         6        7   8  9   10     11      12
        assert_eq!(
            refined(text, &[(4..5, Org), (10..11, Org)]),
            vec![
                ("Senate".to_owned(), Org),
                ("Senate finance committee".to_owned(), Org)
            ]
        );
    }

    #[test]
    fn a_committee_across_a_verb_or_a_determiner_is_not_part_of_a_name() {
        use NerKind::Org;
        // A firm that speaks of a committee, a body that warns one.
        let spans = refined(
            "Reynolds Tobacco said the committee's members will be managers.",
            &[(0..2, Org)],
        );
        assert_eq!(spans, [("Reynolds Tobacco".to_owned(), Org)]);
        let spans = refined(
            "The Scottish Environment Protection Agency is warning a committee of MSPs.",
            &[(1..5, Org)],
        );
        assert_eq!(
            spans,
            [("Scottish Environment Protection Agency".to_owned(), Org)]
        );
    }

    #[test]
    fn a_committee_after_a_persons_name_is_not_part_of_it() {
        let spans = refined(
            "Treasury Secretary James Baker told the committee on Tuesday.",
            &[(2..4, NerKind::Person)],
        );
        assert_eq!(spans, [("James Baker".to_owned(), NerKind::Person)]);
        // A chamber's committee named in lowercase words still is one.
        let spans = refined(
            "The Commons work and pensions committee said on Tuesday.",
            &[(1..2, NerKind::Org)],
        );
        assert_eq!(
            spans,
            [(
                "Commons work and pensions committee".to_owned(),
                NerKind::Org
            )]
        );
    }

    #[test]
    fn a_relative_is_a_person() {
        // "Victoria" (token 8) as the tagger took it: a place.
        let found = refined(
            "His career included a public disagreement with daughter Victoria over civil rights.",
            &[(8..9, NerKind::Loc)],
        );
        assert_eq!(found, [("Victoria".to_owned(), NerKind::Person)]);
    }

    #[test]
    fn a_name_after_an_abbreviated_rank_is_a_persons() {
        // As the tagger took it in a Reuters story: "Marine Lt. Col.
        // Oliver North" (tokens 1..6) an organisation.
        let found = refined(
            "and Marine Lt. Col. Oliver North who was fired.",
            &[(1..6, NerKind::Org)],
        );
        assert_eq!(found, [("Oliver North".to_owned(), NerKind::Person)]);
        // "Lt. Col. Oliver North" taken whole: every rank goes.
        let found = refined("by aide Lt. Col. Oliver North.", &[(2..6, NerKind::Org)]);
        assert_eq!(found, [("Oliver North".to_owned(), NerKind::Person)]);
    }

    #[test]
    fn peers_titles_and_offices_are_not_names() {
        let found = recognize(
            "Robin Butler spoke. Lord Butler criticised the government, and King Fahd agreed.",
        );
        for name in ["Butler", "Fahd"] {
            assert!(
                found.contains(&(name.into(), NerKind::Person)),
                "{name}: {found:?}"
            );
        }
        assert!(
            found
                .iter()
                .all(|(t, _)| !t.starts_with("Lord") && !t.starts_with("King")),
            "{found:?}"
        );
    }
}
