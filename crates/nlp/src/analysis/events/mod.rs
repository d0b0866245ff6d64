//! Event coding: the [`EventCoder`] interface and a first, verb-lexicon
//! coder that finds who did what to whom in each sentence.
//!
//! The verb coder looks for trigger words with a CAMEO code, takes the
//! nearest actor before the trigger as the source and the first actor after
//! it as the target (with its conjuncts: "with Australia and Britain"),
//! skips words that only modify a name ("Chinese" in "Chinese Foreign
//! Minister Qin Gang"), and dates the event from the sentence or the
//! article. It is the baseline that a fuller CAMEO coder replaces.

use chrono::NaiveDate;

mod cameo;

pub use cameo::{CameoCode, CameoTable};

use super::dates::{self, Precision, ResolvedDate};
use super::recognize::NerKind;
use super::resolve::Resolution;
use crate::lexicon;
use crate::text::Doc;

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

    /// The actor of a mention, in the role the sentence gives it, else
    /// the entity's sector.
    fn actor(resolution: &Resolution, mention: usize) -> EventActor {
        let mention = &resolution.mentions[mention];
        let sector = mention
            .role
            .map(str::to_owned)
            .or_else(|| resolution.entities[mention.entity].sector.clone());
        EventActor {
            entity: mention.entity,
            sector,
        }
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
                        source: Self::actor(resolution, source),
                        target: Some(Self::actor(resolution, target)),
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
    fn every_trigger_has_a_code_in_the_table() {
        let table = CameoTable::bundled();
        for (_, code) in VERBS {
            assert!(table.get(code).is_some(), "{code} is in the table");
        }
    }
}
