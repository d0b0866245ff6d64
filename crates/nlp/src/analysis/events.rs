//! Event coding: the [`EventCoder`] interface and a first, verb-lexicon
//! coder that finds who did what to whom in each sentence.
//!
//! The verb coder looks for trigger words with a CAMEO code, takes the
//! nearest actor before the trigger as the source and the first actor after
//! it as the target (with its conjuncts: "with Australia and Britain"),
//! skips words that only modify a name ("Chinese" in "Chinese Foreign
//! Minister Qin Gang"), and dates the event from the sentence or the
//! article. It is the baseline that a fuller CAMEO coder replaces.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::dates::{self, Precision, ResolvedDate};
use super::entities::Resolution;
use super::ner::NerKind;
use crate::lexicon;
use crate::text::Doc;

const CAMEO: &str = include_str!("../../data/cameo.tsv");

/// A CAMEO code with its name and Goldstein value.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: f64,
}

impl CameoCode {
    /// Two-digit root code.
    pub fn root(&self) -> &str {
        &self.code[..2.min(self.code.len())]
    }

    /// 1 verbal cooperation (01-05), 2 material cooperation (06-08),
    /// 3 verbal conflict (09-13), 4 material conflict (14-20).
    pub fn quad_class(&self) -> u32 {
        match self.root().parse::<u32>().unwrap_or(0) {
            1..=5 => 1,
            6..=8 => 2,
            9..=13 => 3,
            _ => 4,
        }
    }
}

/// The CAMEO code table (GDELT's lookup files, repaired).
pub struct CameoTable {
    codes: HashMap<String, CameoCode>,
}

impl CameoTable {
    pub fn bundled() -> Self {
        Self::parse(CAMEO)
    }

    pub fn parse(text: &str) -> Self {
        let codes = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.splitn(3, '\t');
                let code = fields.next()?.to_owned();
                let goldstein = fields.next()?.parse().ok()?;
                let name = fields.next()?.to_owned();
                Some((
                    code.clone(),
                    CameoCode {
                        code,
                        name,
                        goldstein,
                    },
                ))
            })
            .collect();
        Self { codes }
    }

    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// An actor of an event: the entity and the sector it acted in.
#[derive(Debug, Clone, PartialEq)]
pub struct EventActor {
    pub entity: usize,
    pub sector: Option<String>,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq)]
pub struct CodedEvent {
    pub code: CameoCode,
    pub source: EventActor,
    pub target: Option<EventActor>,
    pub date: ResolvedDate,
    /// Entity index of the place, if the sentence or dateline names one.
    pub location: Option<usize>,
    pub sentence: usize,
    pub trigger_start: u32,
    pub trigger: String,
    pub confidence: f64,
}

/// What the coder knows about the article besides its text.
#[derive(Debug, Clone, Copy)]
pub struct ArticleContext {
    /// Publication date (or fetch date when unknown).
    pub reference_date: NaiveDate,
}

/// Turns an analysed document into CAMEO-coded events.
pub trait EventCoder: Send + Sync {
    fn code(&self, doc: &Doc, resolution: &Resolution, context: &ArticleContext)
    -> Vec<CodedEvent>;
}

/// Trigger words and their CAMEO codes.
const VERBS: &[(&[&str], &str)] = &[
    (&["meet", "meets", "met", "meeting", "talks"], "040"),
    (&["visit", "visits", "visited", "visiting"], "042"),
    (&["host", "hosts", "hosted", "hosting"], "043"),
    (
        &["negotiate", "negotiates", "negotiated", "negotiating"],
        "046",
    ),
    (&["sign", "signs", "signed", "signing"], "057"),
    (&["agree", "agrees", "agreed"], "030"),
    (&["cooperate", "cooperates", "cooperated"], "030"),
    (
        &[
            "pledge", "pledges", "pledged", "promise", "promised", "promises",
        ],
        "030",
    ),
    (&["praise", "praises", "praised"], "051"),
    (
        &["apologize", "apologized", "apologise", "apologised"],
        "055",
    ),
    (&["urge", "urges", "urged", "appeal", "appealed"], "020"),
    (&["demand", "demands", "demanded"], "100"),
    (
        &[
            "reject",
            "rejects",
            "rejected",
            "dismiss",
            "dismisses",
            "dismissed",
            "rebuffed",
            "refused",
        ],
        "120",
    ),
    (
        &["accuse", "accuses", "accused", "blame", "blames", "blamed"],
        "112",
    ),
    (
        &[
            "criticize",
            "criticizes",
            "criticized",
            "criticise",
            "criticised",
            "condemn",
            "condemns",
            "condemned",
            "denounced",
        ],
        "111",
    ),
    (&["threaten", "threatens", "threatened"], "130"),
    (&["protest", "protests", "protested"], "140"),
    (&["sanction", "sanctions", "sanctioned"], "163"),
    (
        &[
            "arrest", "arrests", "arrested", "detain", "detains", "detained",
        ],
        "173",
    ),
    (
        &[
            "attack", "attacks", "attacked", "bombed", "shelled", "invaded",
        ],
        "190",
    ),
    (&["aid", "aids", "aided"], "070"),
];

const AGREEMENT_WORDS: &[&str] = &[
    "deal",
    "agreement",
    "accord",
    "treaty",
    "pact",
    "memorandum",
];
const MEETING_WORDS: &[&str] = &["meeting", "meet", "talks", "visit", "summit"];

/// The baseline coder over a verb lexicon.
pub struct VerbCoder {
    table: CameoTable,
}

impl VerbCoder {
    pub fn new(table: CameoTable) -> Self {
        Self { table }
    }

    fn is_actor(resolution: &Resolution, mention: usize) -> bool {
        let entity = &resolution.entities[resolution.mentions[mention].entity];
        matches!(entity.kind, NerKind::Person | NerKind::Org) || entity.is_country
    }

    /// A mention that only modifies the name after it ("Chinese" in
    /// "Chinese Foreign Minister Qin Gang", "Microsoft Corp." before
    /// "co-founder Bill Gates").
    fn is_modifier(doc: &Doc, resolution: &Resolution, mention: usize) -> bool {
        let current = &resolution.mentions[mention];
        let Some(next) = resolution.mentions.get(mention + 1) else {
            return false;
        };
        if resolution.entities[next.entity].kind != NerKind::Person
            && resolution.entities[next.entity].kind != NerKind::Org
        {
            return false;
        }
        if doc.sentence_of[current.tokens.start] != doc.sentence_of[next.tokens.start] {
            return false;
        }
        doc.tokens[current.tokens.end..next.tokens.start]
            .iter()
            .all(|t| lexicon::is_title_word(&t.lower))
    }

    /// "China's defense minister": the sector of the role after a possessive.
    fn possessive_role(doc: &Doc, resolution: &Resolution, mention: usize) -> Option<String> {
        let end = resolution.mentions[mention].tokens.end;
        let next = doc.tokens.get(end)?;
        if !matches!(next.text.as_str(), "\u{2019}s" | "'s") {
            return None;
        }
        let words: Vec<&str> = doc.tokens[end + 1..(end + 5).min(doc.tokens.len())]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        lexicon::match_role(&words)
            .map(|(_, sector)| sector)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    fn actor(doc: &Doc, resolution: &Resolution, mention: usize) -> EventActor {
        let entity = resolution.mentions[mention].entity;
        let sector = Self::possessive_role(doc, resolution, mention)
            .or_else(|| resolution.entities[entity].sector.clone());
        EventActor { entity, sector }
    }

    fn dateline(doc: &Doc, resolution: &Resolution) -> Option<usize> {
        resolution.mentions.iter().find_map(|m| {
            let entity = &resolution.entities[m.entity];
            let at_start =
                doc.sentences[doc.sentence_of[m.tokens.start]].tokens.start == m.tokens.start;
            (at_start
                && entity.kind == NerKind::Loc
                && !entity.is_country
                && doc.tokens[m.tokens.start].is_all_caps())
            .then_some(m.entity)
        })
    }
}

impl EventCoder for VerbCoder {
    fn code(
        &self,
        doc: &Doc,
        resolution: &Resolution,
        context: &ArticleContext,
    ) -> Vec<CodedEvent> {
        let dateline = Self::dateline(doc, resolution);
        let mut events = Vec::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let range = sentence.tokens.clone();
            let words: Vec<&str> = doc.tokens[range.clone()]
                .iter()
                .map(|t| t.lower.as_str())
                .collect();
            let mentions: Vec<usize> = resolution.mentions_in(&range).collect();
            if mentions.len() < 2 {
                continue;
            }
            for (offset, word) in words.iter().enumerate() {
                let index = range.start + offset;
                if resolution.mention_at(index).is_some() {
                    continue;
                }
                let Some((_, base)) = VERBS.iter().find(|(forms, _)| forms.contains(word)) else {
                    continue;
                };
                let mut code = *base;
                if code == "057" && !words.iter().any(|w| AGREEMENT_WORDS.contains(w)) {
                    continue;
                }
                if code == "120" && words.iter().any(|w| MEETING_WORDS.contains(w)) {
                    code = "125";
                }
                let Some(cameo) = self.table.get(code) else {
                    continue;
                };
                let usable = |m: &usize| {
                    Self::is_actor(resolution, *m) && !Self::is_modifier(doc, resolution, *m)
                };
                let Some(source) = mentions
                    .iter()
                    .rev()
                    .filter(|m| resolution.mentions[**m].tokens.end <= index)
                    .find(|m| usable(m))
                    .copied()
                else {
                    continue;
                };
                let source_entity = resolution.mentions[source].entity;
                let after: Vec<usize> = mentions
                    .iter()
                    .filter(|m| resolution.mentions[**m].tokens.start > index)
                    .copied()
                    .collect();
                let Some(first_target) = after
                    .iter()
                    .position(|m| usable(m) && resolution.mentions[*m].entity != source_entity)
                else {
                    continue;
                };
                // Conjuncts: "with Australia and Britain".
                let mut targets = vec![after[first_target]];
                for pair in after[first_target..].windows(2) {
                    let between = &doc.tokens[resolution.mentions[pair[0]].tokens.end
                        ..resolution.mentions[pair[1]].tokens.start];
                    let joined = !between.is_empty()
                        && between
                            .iter()
                            .all(|t| matches!(t.lower.as_str(), "and" | "," | "the"));
                    if joined && usable(&pair[1]) {
                        targets.push(pair[1]);
                    } else {
                        break;
                    }
                }
                let explicit =
                    dates::resolve(&doc.tokens[range.clone()], offset, context.reference_date);
                let date = explicit.unwrap_or(ResolvedDate {
                    date: context.reference_date,
                    precision: Precision::Day,
                });
                let location = mentions
                    .iter()
                    .map(|m| &resolution.mentions[*m])
                    .find(|m| {
                        let entity = &resolution.entities[m.entity];
                        let previous = m
                            .tokens
                            .start
                            .checked_sub(1)
                            .map(|p| doc.tokens[p].lower.as_str());
                        entity.kind == NerKind::Loc
                            && !entity.is_country
                            && previous.is_some_and(|p| matches!(p, "in" | "at" | "near"))
                    })
                    .map(|m| m.entity)
                    .or(dateline);
                let verb_form = !matches!(*word, "meeting" | "talks");
                let confidence = 0.5
                    + if explicit.is_some() { 0.2 } else { 0.0 }
                    + if verb_form { 0.2 } else { 0.1 };
                for target in targets {
                    events.push(CodedEvent {
                        code: cameo.clone(),
                        source: Self::actor(doc, resolution, source),
                        target: Some(Self::actor(doc, resolution, target)),
                        date,
                        location,
                        sentence: s,
                        trigger_start: doc.tokens[index].start,
                        trigger: doc.tokens[index].text.clone(),
                        confidence,
                    });
                }
            }
        }
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_and_quad_classes() {
        let table = CameoTable::bundled();
        assert!(table.len() > 300);
        let meet = table.get("040").expect("040 exists");
        assert_eq!(
            (meet.root(), meet.quad_class(), meet.goldstein),
            ("04", 1, 1.0)
        );
        assert_eq!(table.get("125").map(CameoCode::quad_class), Some(3));
        assert_eq!(table.get("190").map(CameoCode::quad_class), Some(4));
        assert_eq!(table.get("057").map(CameoCode::quad_class), Some(1));
        assert_eq!(table.get("070").map(CameoCode::quad_class), Some(2));
        for (_, code) in VERBS {
            assert!(table.get(code).is_some(), "{code} is in the table");
        }
    }
}
