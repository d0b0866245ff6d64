//! The rule coder: who did what to whom in each sentence, without a parser.
//!
//! For each trigger (a verb form, or a noun such as "talks" or "a visit"):
//! the code comes from the trigger and the patterns around it; the source is
//! the nearest actor before it in its clause that no preposition governs
//! (or the possessor of a nominal trigger, or the agent after "by" in the
//! passive), with its coordinated actors; the target is the first actor
//! after it, directly or after one of the trigger's prepositions, with its
//! coordinated actors. Sources acting together with no other target ("the
//! United States, Japan and the Philippines held talks") give one event per
//! pair. The modality decides between an act, an intention (coded 03x) and
//! nothing; the date comes from the nearest date words of the trigger's
//! segment, else the article's date; the place from "in"/"at"/"to" a place,
//! else the dateline for what happens there that day.
//!
//! Object, possessor, place and the event itself are passes of one `Coder`
//! over one sentence's words and units; the subject, which needs none of
//! the coder's state, is found in [`super::subjects`], and the word lists
//! all of them read are in [`super::words`].

use std::ops::Range;

use super::actors::{self, Unit, Via};
use super::cameo::CameoTable;
use super::clause::{self, Modality};
use super::subjects::{
    nominal_agent, opening_participle_subject, opens_with_participle, reports_another_subject,
    subject, subordinate_start, unnamed_subject,
};
use super::triggers::{Code, Trigger, Triggers};
use super::words::{
    AMBIGUOUS, ARMS, BE_HAVE, DETERMINERS, GIVING, LOCATIVE, NOUN_MODIFIERS, OBJECT_PREPOSITIONS,
    PREPOSITIONS, VERB_CUES, WARFARE, is_auxiliary, is_being, is_form_of_be, is_number,
    is_quote_mark,
};
use super::{ArticleContext, CodedEvent, EventActor};
use crate::analysis::dates::{self, Precision, ResolvedDate};
use crate::analysis::recognize::NerKind;
use crate::analysis::resolve::Resolution;
use crate::gazetteer::Gazetteer;
use crate::lexicon;
use crate::text::Doc;

/// How far (in tokens) a date word may stand from its trigger.
const DATE_REACH: usize = 20;

/// Codes whose act, when only intended, is coded as this intention
/// (CAMEO 03x); other intended acts are not coded, except threats.
fn intention_of(code: &str) -> Option<&'static str> {
    match &code[..2.min(code.len())] {
        "03" => Some("030"),
        "04" => Some("036"),
        "05" => Some("032"),
        "06" => Some("031"),
        "07" => Some("033"),
        "08" => Some("035"),
        _ => None,
    }
}

/// A candidate event before deduplication.
pub(super) struct Found {
    pub code: String,
    pub source: Unit,
    pub target: Unit,
    /// The trigger's token, counted from the sentence's first.
    pub trigger: usize,
    pub nominal: bool,
    pub intended: bool,
}

/// Codes one article.
pub struct Coder<'a> {
    pub doc: &'a Doc,
    pub resolution: &'a Resolution,
    pub gazetteer: &'a Gazetteer,
    pub triggers: &'a Triggers,
    pub table: &'a CameoTable,
    pub context: &'a ArticleContext,
    pub dateline: Option<usize>,
    /// The token after an opening dateline ("WASHINGTON, March 2 -"), or 0.
    pub dateline_end: usize,
}

impl Coder<'_> {
    /// The events of sentence `s`.
    pub fn sentence(&self, s: usize) -> Vec<CodedEvent> {
        let doc = self.doc;
        let range = doc.sentences[s].tokens.clone();
        let words: Vec<&str> = doc.tokens[range.clone()]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        if clause::is_question(&words) {
            return Vec::new();
        }
        // An opening dateline ("MANILA, March 13 -") places the story; it
        // does not act in it.
        let units: Vec<Unit> = actors::units(doc, self.resolution, self.gazetteer, s)
            .into_iter()
            .filter(|u| u.tokens.end > self.dateline_end)
            .collect();
        if units.is_empty() {
            return Vec::new();
        }
        let mut found = Vec::new();
        // Where the last verb trigger ended: a noun right after it is its
        // object, not an event of its own ("proposed a meeting").
        let mut verb_end: Option<usize> = None;
        let mut last_verb: Option<Trigger> = None;
        let mut i = 0;
        while i < words.len() {
            // Names are not triggers, nor are capitalised words inside a
            // sentence ("March 2", "Trade Minister").
            // The sentence starts anew after an opening dateline.
            let token = &doc.tokens[range.start + i];
            // Wire copy capitalises the word after "U.S." ("Japan and the
            // U.S. Kick off top-level trade talks"): that word may be read.
            let after_abbreviation = i > 0 && {
                let previous = &doc.tokens[range.start + i - 1].text;
                previous.len() <= 6
                    && previous.ends_with('.')
                    && previous[..previous.len() - 1].contains('.')
            };
            let opening = i == 0 || range.start + i == self.dateline_end || after_abbreviation;
            if self.resolution.mention_at(range.start + i).is_some()
                || (!opening && token.is_capitalized() && !token.is_all_caps())
            {
                i += 1;
                continue;
            }
            // "pressure group Liberty", "a protest group", "Soviet attack
            // helicopters", "London interbank offered rates": a word naming
            // a kind of body, craft or rate, not an act.
            let trigger = self
                .triggers
                .verb_at(&words, i)
                .filter(|t| self.reads_as_verb(&words, &units, range.start, t))
                .or_else(|| self.triggers.noun_at(&words, i))
                .filter(|t| {
                    !matches!(
                        words.get(t.end),
                        Some(
                            &("group"
                                | "groups"
                                | "helicopter"
                                | "helicopters"
                                | "aircraft"
                                | "planes"
                                | "jets"
                                | "submarine"
                                | "submarines"
                                | "boats"
                                | "dogs"
                                | "rate"
                                | "rates")
                        )
                    )
                })
                // "a diplomatic and coffee market offensive", "a price
                // war", "a warning shot": force only in a figure of speech;
                // and other words before a trigger that make it no act.
                .filter(|t| {
                    let Some(previous) = t.start.checked_sub(1).map(|p| words[p]) else {
                        return true;
                    };
                    let warning_shot =
                        matches!(words[t.start], "shot" | "shots") && previous == "warning";
                    let figurative = WARFARE.contains(&words[t.start])
                        && matches!(
                            previous,
                            "diplomatic"
                                | "market"
                                | "peace"
                                | "charm"
                                | "propaganda"
                                | "publicity"
                                | "media"
                                | "price"
                                | "sales"
                                | "marketing"
                                | "advertising"
                                | "takeover"
                                | "export"
                        );
                    // "sell part of its stake in a public offering": shares
                    // offered for sale, not an offer to anyone.
                    let shares_offered = matches!(words[t.start], "offering" | "offerings")
                        && matches!(
                            previous,
                            "public"
                                | "secondary"
                                | "initial"
                                | "rights"
                                | "share"
                                | "stock"
                                | "bond"
                                | "debt"
                                | "equity"
                        );
                    // "U.S.-backed contra rebels", "Iranian-sponsored":
                    // a verb joined to a name by a hyphen describes.
                    let hyphenated = doc.hyphen_joins(range.start + t.start - 1);
                    !warning_shot && !figurative && !shares_offered && !hyphenated
                })
                .filter(|t| t.lemma != "support" || self.support_given(&words, range.start, t));
            match trigger {
                Some(trigger) => {
                    let end = trigger.end;
                    // "the framework for talks", "the outcome of talks": a
                    // noun's complement is no event of its own.
                    // Nor is "the breakdown in the negotiations": a noun's
                    // setting.
                    let setting = trigger.start >= 3
                        && matches!(words[trigger.start - 1], "the" | "these" | "those")
                        && matches!(words[trigger.start - 2], "in" | "on")
                        && {
                            let noun = words[trigger.start - 3];
                            noun.chars().all(|c| c.is_ascii_lowercase())
                                && !noun.ends_with("ed")
                                && !DETERMINERS.contains(&noun)
                                && !VERB_CUES.contains(&noun)
                                && self.triggers.verb_at(&words, trigger.start - 3).is_none()
                        };
                    // "the outcome of debt restructuring negotiations":
                    // past two words that qualify the noun.
                    let q = self.qualifiers_before(&words, range.start, trigger.start);
                    // Not "18 months of negotiations", "a new round of
                    // talks", "a program of sanctions": those were held or
                    // imposed.
                    let governed_by_noun = |at: usize| {
                        at > 0
                            && matches!(words[at - 1], "for" | "of" | "about" | "over")
                            && !(words[at - 1] == "of"
                                && at >= 2
                                && matches!(
                                    words[at - 2],
                                    "hours"
                                        | "days"
                                        | "weeks"
                                        | "months"
                                        | "years"
                                        | "round"
                                        | "rounds"
                                        | "series"
                                        | "program"
                                        | "programme"
                                        | "package"
                                        | "set"
                                ))
                    };
                    let complement = trigger.nominal
                        && (governed_by_noun(trigger.start) || governed_by_noun(q) || setting);
                    let object_of_verb = complement
                        || trigger.nominal
                            && verb_end.is_some_and(|e| {
                                words[e..trigger.start].iter().all(|w| {
                                    DETERMINERS.contains(w)
                                        || matches!(
                                            *w,
                                            "new"
                                                | "further"
                                                | "fresh"
                                                | "more"
                                                | "formal"
                                                | "direct"
                                        )
                                })
                            });
                    if !object_of_verb {
                        let verb = last_verb.as_ref();
                        self.code_trigger(&words, range.start, &units, &trigger, verb, &mut found);
                    }
                    if !trigger.nominal {
                        verb_end = Some(end);
                        last_verb = Some(trigger);
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        self.appeals(&words, range.start, &units, &mut found);
        let nouns: Vec<usize> = found
            .iter()
            .filter(|f| f.nominal)
            .map(|f| f.trigger)
            .collect();
        found
            .into_iter()
            .filter_map(|f| self.event(s, &words, range.start, f, &nouns))
            .collect()
    }

    /// "Mr Howard said Prince Harry should apologise", "Japan must open
    /// its markets, Wallis said": what a speaker says an actor should do is
    /// an appeal to that actor (CAMEO 020).
    fn appeals(&self, words: &[&str], offset: usize, units: &[Unit], found: &mut Vec<Found>) {
        let saying = |w: &str| crate::analysis::quotes::SAYING.contains(&w);
        for (k, word) in words.iter().enumerate() {
            if !matches!(*word, "should" | "must") {
                continue;
            }
            // Named, not a pronoun ("X said Harry ... and said he should":
            // who "he" is is not clear enough), and not under a condition.
            let Some(addressed) = units
                .iter()
                .position(|u| u.tokens.end == offset + k && u.via != Via::Pronoun)
            else {
                continue;
            };
            if matches!(
                clause::modality(words, k),
                Modality::Supposed | Modality::Negated
            ) {
                continue;
            }
            // An act asked for, not a state ("Greece should be allowed",
            // "the government must be worried").
            // Nor "should not be", "should never have".
            let next = |n: usize| words.get(k + n).copied().unwrap_or("");
            let state = |w: &str| matches!(w, "be" | "have" | "been");
            if state(next(1))
                || matches!(next(1), "also" | "still")
                || (matches!(next(1), "not" | "never" | "n't") && state(next(2)))
            {
                continue;
            }
            // The speaker before: "X said (that) Y should".
            let mut p = units[addressed].tokens.start - offset;
            while p > 0
                && (matches!(words[p - 1], "that" | "the" | "prince" | "princess")
                    || lexicon::is_title_word(words[p - 1])
                    || lexicon::is_peerage(words[p - 1]))
            {
                p -= 1;
            }
            let before = (p > 0 && saying(words[p - 1]))
                .then(|| {
                    let (clause_start, _) = clause_bounds(words, p - 1, p);
                    subject(self.doc, words, offset, units, p - 1, clause_start)
                })
                .flatten()
                .and_then(|group| group.first().copied());
            // Or after: "Y should ..., X said" or "..., said X".
            let after = || {
                let comma = k + words[k..].iter().position(|w| *w == ",")?;
                let mut q = comma + 1;
                while q < words.len() && is_quote_mark(words[q]) {
                    q += 1;
                }
                if saying(words.get(q)?) {
                    return units.iter().position(|u| {
                        u.tokens.start - offset > q && u.tokens.start - offset <= q + 4
                    });
                }
                let speaker = units.iter().position(|u| u.tokens.start - offset == q)?;
                let end = units[speaker].tokens.end - offset;
                saying(words.get(end)?).then_some(speaker)
            };
            let Some(speaker) = before.or_else(after) else {
                continue;
            };
            if units[speaker].entity == units[addressed].entity {
                continue;
            }
            // Public life: not an analyst's advice to a firm.
            let entities = &self.resolution.entities;
            let (from, to) = (
                &entities[units[speaker].entity],
                &entities[units[addressed].entity],
            );
            if !actors::of_public_life(from) || !actors::of_public_life(to) {
                continue;
            }
            found.push(Found {
                code: "020".to_owned(),
                source: units[speaker].clone(),
                target: units[addressed].clone(),
                trigger: k,
                nominal: false,
                intended: false,
            });
        }
    }

    /// Is this verb form used as a verb here (not "the talks", not the
    /// participle of "release detained citizens")?
    fn reads_as_verb(
        &self,
        words: &[&str],
        units: &[Unit],
        offset: usize,
        trigger: &Trigger,
    ) -> bool {
        let previous = trigger.start.checked_sub(1).map(|p| words[p]);
        if previous.is_some_and(|p| DETERMINERS.contains(&p)) {
            return false;
        }
        // "a widely respected leader": a participle after a determiner and
        // adverbs qualifies a noun.
        let mut p = trigger.start;
        while p > 0 && words[p - 1].len() > 3 && words[p - 1].ends_with("ly") {
            p -= 1;
        }
        if p < trigger.start && p > 0 && DETERMINERS.contains(&words[p - 1]) {
            return false;
        }
        // "had come under pressure from": a bare form after a preposition
        // (but "to") is a noun; "as soon as the Commons is back": after a
        // form of "be", an adverb or a noun.
        let form = words[trigger.start];
        if trigger.end - trigger.start == 1
            && !form.ends_with("ing")
            && !form.ends_with("ed")
            && previous
                .is_some_and(|p| (p != "to" && PREPOSITIONS.contains(&p)) || is_form_of_be(p))
        {
            return false;
        }
        // "said proposed super-casinos", "against proposed cuts": a
        // participle before a noun, where no verb can stand.
        let participle = words[trigger.start].ends_with("ed")
            && trigger.end - trigger.start == 1
            && previous.is_some_and(|p| {
                matches!(
                    p,
                    "said" | "says" | "of" | "for" | "on" | "with" | "against" | "about" | "over"
                )
            })
            && words.get(trigger.end).is_some_and(|w| {
                w.chars().next().is_some_and(char::is_alphabetic)
                    && !DETERMINERS.contains(w)
                    && !PREPOSITIONS.contains(w)
                    && self.resolution.mention_at(offset + trigger.end).is_none()
            });
        if participle {
            return false;
        }
        // "had prompted censure from the Tories", "sparked protest": a bare
        // form right after a verb of causing or drawing is its object, a
        // noun.
        let caused = trigger.end - trigger.start == 1
            && !form.ends_with("ed")
            && !form.ends_with("ing")
            && previous.is_some_and(|p| {
                matches!(
                    p,
                    "prompted"
                        | "prompt"
                        | "prompts"
                        | "sparked"
                        | "spark"
                        | "sparks"
                        | "provoked"
                        | "provoke"
                        | "provokes"
                        | "drew"
                        | "draw"
                        | "draws"
                        | "drawn"
                        | "attracted"
                        | "attract"
                        | "attracts"
                        | "triggered"
                        | "trigger"
                        | "triggers"
                        | "faced"
                        | "face"
                        | "faces"
                        | "received"
                )
            });
        if caused {
            return false;
        }
        if trigger.start > 0
            && words[trigger.start].ends_with("ed")
            && self.triggers.verb_at(words, trigger.start - 1).is_some()
        {
            return false;
        }
        // "travel to" as in "to boost travel to the U.S." is ambiguous too.
        let phrase = trigger.end - trigger.start > 1
            && !(trigger.end - trigger.start == 2 && words[trigger.start + 1] == "to");
        if phrase || !AMBIGUOUS.contains(&form) {
            return true;
        }
        // "Japan offers", but "the Downing Street talks": a name after
        // "the" qualifies the noun after it.
        // Nor after a possessive or a participle ("their Commons clashes",
        // "increased Conservative support").
        let after_actor = units.iter().any(|u| {
            u.tokens.end == offset + trigger.start
                && (u.tokens.start == offset || {
                    let before = words[u.tokens.start - offset - 1];
                    let modifier =
                        matches!(before, "the" | "their" | "his" | "her" | "its" | "our")
                            || ((before.ends_with("ed") || before.ends_with("ing"))
                                && before.chars().all(|c| c.is_ascii_lowercase())
                                && !crate::analysis::quotes::SAYING.contains(&before));
                    !modifier
                })
        });
        // "after meeting Qin", but "after talks between France and Iran":
        // a conjunction of time makes only a gerund a verb.
        let cue = |p: &str| {
            VERB_CUES.contains(&p)
                && (!matches!(p, "after" | "before" | "while") || form.ends_with("ing"))
        };
        // "is today meeting": past an adverb of time to the cue.
        let mut p = trigger.start;
        while p > 0
            && matches!(
                words[p - 1],
                "today" | "yesterday" | "now" | "currently" | "still" | "already" | "again"
            )
        {
            p -= 1;
        }
        let previous = if p > 0 { Some(words[p - 1]) } else { previous };
        after_actor || previous.is_some_and(|p| cue(p) || p.ends_with("ly"))
    }

    fn code_trigger(
        &self,
        words: &[&str],
        offset: usize,
        units: &[Unit],
        trigger: &Trigger,
        verb: Option<&Trigger>,
        found: &mut Vec<Found>,
    ) {
        let (clause_start, clause_end) = clause_bounds(words, trigger.start, trigger.end);
        let code = self.triggers.code(
            trigger,
            &words[clause_start..trigger.start],
            &words[trigger.end..clause_end],
        );
        // "The EU's move was welcomed by Beijing": a passive verb's
        // patterns read its subject as their object.
        let code = match (!trigger.nominal && clause::is_passive(words, trigger.start))
            .then(|| {
                self.triggers
                    .passive_code(trigger, &words[clause_start..trigger.start])
            })
            .flatten()
        {
            Some(passive) if code == trigger.code => passive,
            _ => code,
        };
        let (code, reversed) = match code {
            Code::None => return,
            Code::Forward(code) => (code, false),
            Code::Reverse(code) => (code, true),
        };
        let local = |u: &Unit| u.tokens.start - offset;
        let modality = if !trigger.nominal && clause::habitual(words, trigger.start) {
            clause::Modality::Supposed
        } else {
            clause::modality(words, trigger.start)
        };
        // "will pave the way for American Secretary of State George
        // Schultz's one day stop-over here": a visit or talks the verb of
        // their clause puts in the future are intended. Not talks a future
        // act is about ("will meet with reporters on the union's
        // negotiations").
        let modality = if trigger.nominal
            && modality == Modality::Asserted
            && (code.starts_with("04") || trigger.lemma == "visit")
            && modal_earlier_in_clause(
                words,
                trigger.start,
                &[",", "on", "about", "over", "concerning", "regarding"],
                &["will", "shall", "'ll"],
            ) {
            Modality::Intended
        } else {
            modality
        };
        // "an offer might be made": a noun the next words only suppose.
        if trigger.nominal
            && words
                .get(trigger.end)
                .is_some_and(|w| matches!(*w, "might" | "could" | "may" | "would"))
        {
            return;
        }
        // "saying a subsidy offer to the Soviet Union could help": an
        // indefinite noun that the verb of its clause only supposes.
        let p = self.qualifiers_before(words, offset, trigger.start);
        let indefinite = p > 0 && matches!(words[p - 1], "a" | "an");
        let supposed_after = words[trigger.end..clause_end.min(trigger.end + 8)]
            .iter()
            .find(|w| {
                matches!(
                    **w,
                    "might" | "could" | "may" | "would" | "," | "that" | "which" | "who"
                ) || BE_HAVE.contains(w)
                    || clause::is_boundary(w)
            })
            .is_some_and(|w| matches!(*w, "might" | "could" | "may" | "would"));
        // "could reach agreement on ways to verify a pact to eliminate
        // missiles": one a modal before it in its clause only supposes.
        let supposed_before =
            modal_earlier_in_clause(words, trigger.start, &[","], &["might", "could", "may"]);
        if trigger.nominal && indefinite && (supposed_after || supposed_before) {
            return;
        }
        // "in an area which saw heavy fighting in mid-1983": fighting a
        // place saw names no one who fought.
        if code.starts_with("19")
            && words[trigger.start.saturating_sub(3)..trigger.start]
                .iter()
                .any(|w| {
                    matches!(
                        *w,
                        "saw" | "see" | "sees" | "seen" | "witnessed" | "witnesses"
                    )
                })
        {
            return;
        }
        // "Mr Kilroy-Silk posed a threat to UKIP", "they are the real threat
        // to Labour": a threat someone poses or is says what they are, not
        // what they did.
        if trigger.nominal && code.starts_with("13") {
            let mut v = p - usize::from(p > 0 && DETERMINERS.contains(&words[p - 1]));
            // "who are now the real threat": past adverbs.
            while v > 0
                && (matches!(words[v - 1], "now" | "still" | "also" | "already" | "again")
                    || (words[v - 1].len() > 4 && words[v - 1].ends_with("ly")))
            {
                v -= 1;
            }
            let verb = v.checked_sub(1).map(|v| words[v]);
            if verb.is_some_and(|v| {
                is_form_of_be(v)
                    || matches!(
                        v,
                        "pose"
                            | "poses"
                            | "posed"
                            | "posing"
                            | "remain"
                            | "remains"
                            | "remained"
                            | "represent"
                            | "represents"
                            | "represented"
                    )
            }) {
                return;
            }
        }
        let intended = match modality {
            Modality::Negated | Modality::Supposed => return,
            Modality::Intended => true,
            Modality::Asserted => false,
        };
        // What is done, when the code is of its intention: "a bill Reagan
        // and Republicans would endorse" is no joint act, as "endorsed" is
        // not.
        let acted = code.clone();
        // "The United States will retaliate if the EC adopts the tax": a
        // retaliation announced is a threat (CAMEO 130), whatever it would
        // be.
        // Its bare form without a modal is asked for or recommended ("may
        // recommend that the United States retaliate", "asked the
        // government to retaliate"), not done.
        let code = match (intended, words[trigger.start]) {
            (true, _) if trigger.lemma == "retaliate" => "130".to_owned(),
            (false, "retaliate") => return,
            _ => code,
        };
        let code = if intended && !code.starts_with("13") {
            match intention_of(&code) {
                Some(intention) => intention.to_owned(),
                None => return,
            }
        } else {
            code
        };
        // "The agreement calls for Argo to ...": a document's terms are no
        // appeal of the actor the sentence named before.
        let thing_calls = trigger.lemma == "appeal" && !trigger.nominal && {
            let mut p = trigger.start;
            while p > 0
                && trigger.start - p < 3
                && words[p - 1].chars().all(|c| c.is_ascii_lowercase())
                && !DETERMINERS.contains(&words[p - 1])
                && !VERB_CUES.contains(&words[p - 1])
                && !units.iter().any(|u| u.tokens.end == offset + p)
            {
                p -= 1;
            }
            p < trigger.start && p > 0 && DETERMINERS.contains(&words[p - 1])
        };
        // "Deng Xiaoping told visiting U.S. Secretary of State George
        // Shultz": "visiting" before a name says who is the visitor, not
        // whom the sentence's subject visits.
        let attributive = !trigger.nominal
            && words[trigger.start] == "visiting"
            && trigger.start.checked_sub(1).is_some_and(|p| {
                let before = words[p];
                DETERMINERS.contains(&before)
                    || (before.ends_with("ed") && !is_auxiliary(before))
                    || matches!(
                        before,
                        "met" | "told" | "meet" | "meets" | "tells" | "with" | "to" | "for"
                    )
            });
        if attributive {
            return;
        }
        let named = |at: usize| self.resolution.mention_at(offset + at).is_some();
        // "fired the head of the mergers department": dismissed from a
        // post, not shot at.
        // "fired National Security Council aide Oliver North" too.
        let dismissed = matches!(
            words[trigger.start],
            "fired" | "fires" | "firing" | "sacked"
        ) && words
            .get(trigger.end..words.len().min(trigger.end + 5))
            .is_some_and(|after| {
                after
                    .iter()
                    .take_while(|w| !PREPOSITIONS.contains(w) || **w == "of")
                    .any(|w| !matches!(*w, "the" | "a" | "an") && lexicon::is_title_word(w))
            });
        if dismissed {
            return;
        }
        if thing_calls
            || kept_or_broken(words, trigger)
            || trades(words, trigger, &code, named)
            || only_thought_of(words, trigger)
            || alleged(words, trigger)
        {
            return;
        }
        let passive = !trigger.nominal && clause::is_passive(words, trigger.start);
        let mut sources = if trigger.nominal {
            self.possessor(words, offset, units, trigger)
                .or_else(|| nominal_agent(words, offset, units, trigger))
                .or_else(|| {
                    // "to lift the arms embargo": a sanction is the
                    // subject's only when the subject imposes it.
                    if code.starts_with("16") && !imposed(words, trigger.start) {
                        return None;
                    }
                    // "head off a proposal", "dismissed the budget summit":
                    // what the subject answers is not its own act.
                    if answered(words, trigger.start) {
                        return None;
                    }
                    // "opened an enquiry into allegations that the Soviet
                    // Union is dumping": whoever looks into an accusation
                    // did not make it.
                    if trigger.lemma == "accuse" && after_preposition(words, trigger.start) {
                        return None;
                    }
                    subject(self.doc, words, offset, units, trigger.start, clause_start)
                })
        } else if let Some(first) = verb.filter(|v| shares_subject(words, v, trigger)) {
            // "the United States was pressing Canada ... and was talking
            // with Canadian representatives": a verb coordinated with an
            // earlier one has its subject.
            let (first_clause, _) = clause_bounds(words, first.start, first.end);
            subject(self.doc, words, offset, units, first.start, first_clause)
        } else if unnamed_subject(words, offset, units, trigger.start) {
            None
        } else {
            let clause_start = subordinate_start(words, clause_start, trigger.start);
            subject(self.doc, words, offset, units, trigger.start, clause_start)
                .filter(|sources| {
                    !sources.first().is_some_and(|&first| {
                        let end = units[first].tokens.end - offset;
                        reports_another_subject(words, end, trigger.start)
                    })
                })
                .or_else(|| opening_participle_subject(self.doc, words, offset, units, trigger))
        }
        .unwrap_or_default();
        // "At a meeting in Paris last January French and Soviet foreign
        // trade ministers said ...": a meeting in the phrase that opens the
        // sentence was held by the parties its main clause names first,
        // together (two or more; the one alone met someone unnamed).
        let mut met_at_opening = false;
        if sources.is_empty()
            && trigger.nominal
            && code.starts_with("04")
            && trigger.start <= 3
            && matches!(words[0], "at" | "during")
            && let Some(first) = units.iter().position(|u| {
                let at = local(u);
                at >= trigger.end && {
                    let mut p = at;
                    while p > 0 && DETERMINERS.contains(&words[p - 1]) {
                        p -= 1;
                    }
                    !PREPOSITIONS.contains(&words[p - 1]) && !LOCATIVE.contains(&words[p - 1])
                }
            })
        {
            let group = actors::coordination(self.doc, units, first);
            if group.start == first && group.len() >= 2 {
                sources = group.collect();
                met_at_opening = true;
            }
        }
        // "Lukman was in Kingston": being somewhere is said of the actor
        // right before it (or closing an apposition), not of one further
        // back ("Mobil said gains were in Indonesia").
        let being = !trigger.nominal && is_being(words[trigger.start]) && code.starts_with("04");
        if being
            && sources
                .last()
                .is_none_or(|&u| local(&units[u]) + units[u].tokens.len() != trigger.start)
            && !trigger
                .start
                .checked_sub(1)
                .is_some_and(|p| matches!(words[p], "," | "who"))
        {
            return;
        }
        let mut targets = self
            .object(words, offset, units, trigger, clause_end, judges(&code))
            .unwrap_or_default();
        // "suggested Germany saw the EU as an empire": what is suggested
        // of an actor, in a clause of its own, is no proposal to it. Nor is
        // what is said of one in a warning ("warned the Abstentions Party
        // was the real challenge"); what it would face still threatens it
        // ("warned Taiwan would face retaliation").
        let followed_by = |test: &dyn Fn(&str) -> bool| {
            targets.first().is_some_and(|&t| {
                // Past the quotation mark that closes a quoted name.
                let end = local(&units[t]) + units[t].tokens.len();
                let end = end + usize::from(words.get(end).is_some_and(|w| is_quote_mark(w)));
                words.get(end).is_some_and(|w| test(w))
            })
        };
        let suggested_of = !trigger.nominal
            && match trigger.lemma.as_str() {
                "propose" => followed_by(&|w| {
                    BE_HAVE.contains(&w)
                        || is_auxiliary(w)
                        || (w.len() > 3
                            && w.ends_with("ed")
                            && w.chars().all(|c| c.is_ascii_lowercase()))
                        || matches!(w, "saw" | "thought" | "knew" | "felt" | "became")
                }),
                "warn" => followed_by(&|w| BE_HAVE.contains(&w)),
                _ => false,
            };
        if suggested_of {
            return;
        }
        // "repelled an attack by Iranian Revolutionary Guards": the attack
        // is the attacker's, on the side that repelled it (which fights
        // back: both are coded).
        // "had come under pressure from the United States", "strong
        // protest from exporters": what comes from an actor is its act, on
        // the subject.
        let repelled = !trigger.nominal
            && code.starts_with("19")
            && ["repel", "repuls"]
                .iter()
                .any(|w| words[trigger.start].starts_with(w));
        let from_actor = trigger.nominal
            && matches!(
                &code[..2.min(code.len())],
                "02" | "07" | "10" | "11" | "12" | "13" | "17" | "18" | "19"
            )
            && targets.first().is_some_and(|&t| {
                self.governor(words, offset, trigger.end, local(&units[t])) == "from"
            });
        if repelled {
            std::mem::swap(&mut sources, &mut targets);
        } else if from_actor {
            // Only an actor right after "from" is the one it comes from
            // ("protest from exporters to the EC" is the exporters'), and
            // not one that qualifies a noun ("from EC consumer groups"); nor
            // is it on the subject across a relative clause ("opposed a tax
            // which has sparked protest from").
            let first = &units[targets[0]];
            let at = local(first);
            let before = |k: usize| at.checked_sub(k).map_or("", |p| words[p]);
            let right_after =
                before(1) == "from" || (DETERMINERS.contains(&before(1)) && before(2) == "from");
            let qualifies = words.get(at + first.tokens.len()).is_some_and(|w| {
                w.chars().all(|c| c.is_ascii_lowercase())
                    && !PREPOSITIONS.contains(w)
                    && !matches!(*w, "and" | "or")
            });
            let relative = words[clause_start..trigger.start]
                .iter()
                .any(|w| matches!(*w, "which" | "who" | "that"));
            if right_after && !qualifies && !relative {
                std::mem::swap(&mut sources, &mut targets);
            } else {
                targets.clear();
            }
        } else if trigger.nominal
            && code.starts_with("11")
            && words.get(trigger.end) == Some(&"from")
            && self.possessor(words, offset, units, trigger).is_none()
        {
            // "opposed a tax which has sparked strong protest from
            // exporters to the EC": a protest from others than actors is
            // not the subject's.
            sources.clear();
        }
        // "a message which suggested Labour was the party of tax rises": an
        // actor right after a verb of offering and before a finite verb is
        // the subject of what was said, not whom it was offered to.
        let says_clause = !trigger.nominal
            && code.starts_with("03")
            && match (targets.first(), targets.last()) {
                (Some(&first), Some(&last)) => {
                    let (start, end) = (
                        units[first].tokens.start - offset,
                        units[last].tokens.end - offset,
                    );
                    words.get(end).is_some_and(|w| is_auxiliary(w))
                        && self.governor(words, offset, trigger.end, start).is_empty()
                }
                _ => false,
            };
        if says_clause {
            targets.clear();
        }
        // "Blair rejected a Conservative compromise offer": an owned offer
        // that a verb answers was made to that verb's subject.
        if targets.is_empty()
            && trigger.nominal
            && code.starts_with("03")
            && !sources.is_empty()
            && let Some(verb) = verb
            // Backing a proposal answers no one ("Abbot backs Mr Phillips'
            // proposal").
            && verb.lemma != "support"
            && verb.end <= trigger.start
            && trigger.start - verb.end <= 5
            && !words[verb.end..trigger.start]
                .iter()
                .any(|w| *w == "," || clause::is_boundary(w))
            && let Some(answering) =
                subject(self.doc, words, offset, units, verb.start, clause_start)
                    .or_else(|| opening_participle_subject(self.doc, words, offset, units, verb))
        {
            targets = answering
                .into_iter()
                .filter(|t| !sources.contains(t))
                .collect();
        }
        // "Greece, responding to a warning by Turkey, said": what one
        // responds to was addressed to the one responding.
        if targets.is_empty()
            && trigger.nominal
            && !sources.is_empty()
            && let Some(k) = (trigger.start.saturating_sub(4)..trigger.start)
                .rev()
                .find(|&k| {
                    words[k] == "to"
                        && k > 0
                        && matches!(
                            words[k - 1],
                            "responding"
                                | "responded"
                                | "responds"
                                | "reacting"
                                | "reacted"
                                | "replying"
                                | "replied"
                                | "response"
                                | "reply"
                        )
                })
            && !words[k + 1..trigger.start]
                .iter()
                .any(|w| *w == "," || clause::is_boundary(w))
        {
            let mut at = k - 1;
            if at > 0 && words[at - 1] == "in" {
                at -= 1;
            }
            let responding = subject(self.doc, words, offset, units, at, clause_start)
                .or_else(|| {
                    // ", responding to ...": the actor before the comma.
                    (at >= 1 && words[at - 1] == ",")
                        .then(|| {
                            units
                                .iter()
                                .position(|u| u.tokens.end - offset == at - 1)
                                .map(|u| vec![u])
                        })
                        .flatten()
                })
                .unwrap_or_default();
            targets = responding
                .into_iter()
                .filter(|t| !sources.contains(t))
                .collect();
        }
        // "blamed the EC's new cash crisis on the reluctance of
        // governments": what is blamed on someone is a problem, and the
        // one blamed is after "on" (none here), not the problem's owner
        // ("blamed an inflexible U.S. position for the failure of talks on
        // quotas" still blames the United States).
        if !trigger.nominal
            && words[trigger.start].starts_with("blam")
            && let Some(on) = (trigger.end..clause_end)
                .take_while(|&p| words[p] != "for")
                .find(|&p| words[p] == "on")
        {
            targets = units
                .iter()
                .enumerate()
                .filter(|(t, u)| !sources.contains(t) && local(u) > on)
                .map(|(t, _)| t)
                .take(1)
                .collect();
            if targets.is_empty() {
                return;
            }
        }
        // "The EC Commission met in Brussels on Friday to see whether the
        // 12 EC cocoa consuming nations ...": a body that met where or when,
        // and with no one, sat by itself; an actor later in the clause is
        // not whom it met.
        if !trigger.nominal
            && trigger.lemma == "meet"
            && trigger.end - trigger.start == 1
            && sources.len() == 1
            && words.get(trigger.end).is_some_and(|w| {
                matches!(
                    *w,
                    "in" | "at" | "on" | "for" | "today" | "yesterday" | "last" | "this" | "here"
                )
            })
            && !words[trigger.end..clause_end].contains(&"with")
        {
            return;
        }
        // "will retaliate if the European Community adopts the tax": a
        // threat is made to the actor whose act the condition names.
        if targets.is_empty()
            && trigger.lemma == "retaliate"
            && code.starts_with("13")
            && let Some(condition) = (trigger.end..clause_end.min(trigger.end + 3))
                .find(|&p| !words[p].ends_with("ly"))
                .filter(|&p| words[p] == "if")
        {
            let mut at = condition + 1;
            while words.get(at).is_some_and(|w| DETERMINERS.contains(w)) {
                at += 1;
            }
            targets = units
                .iter()
                .position(|u| local(u) == at)
                .filter(|t| !sources.contains(t))
                .into_iter()
                .collect();
        }
        // "Talks between France and Iran": the parties after "between" act
        // together, whoever reports it.
        let between = trigger.nominal
            && targets.len() >= 2
            && self.governor(words, offset, trigger.end, local(&units[targets[0]])) == "between";
        if between {
            sources = std::mem::take(&mut targets);
        }
        // "travels to Italy", "arrived in London": a visit goes to the
        // country of the place it names. "Iran launched a new offensive":
        // a state fights the other side of the article's war.
        let inferred: Vec<Unit> = if !targets.is_empty() || reversed || passive {
            Vec::new()
        } else if code.starts_with("042") || trigger.lemma == "visit" {
            // Also where a pattern makes the visit talks ("arrived in Paris
            // for talks").
            self.visited(offset, trigger, clause_end)
        } else if code.starts_with("19")
            && WARFARE.contains(&words[trigger.start])
            && let [source] = sources[..]
        {
            self.opponent(&units[source], offset + trigger.start)
                .into_iter()
                .collect()
        } else {
            Vec::new()
        };
        // Only then are the sentence's units copied, to hold the places.
        let with_place: Vec<Unit>;
        let units = if inferred.is_empty() {
            units
        } else {
            let first = units.len();
            targets.extend(first..first + inferred.len());
            with_place = units.iter().cloned().chain(inferred).collect();
            &with_place[..]
        };
        // "shot basketball hoops with students": force used on a thing is
        // done with those after "with", not to them ("clashed with" still
        // fights).
        let with_others = !trigger.nominal
            && matches!(&code[..2.min(code.len())], "18" | "19" | "20")
            && words.get(trigger.end).is_some_and(|w| {
                w.chars().all(|c| c.is_ascii_lowercase()) && !PREPOSITIONS.contains(w)
            })
            && targets
                .first()
                .and_then(|t| words.get(trigger.end..local(&units[*t])))
                .is_some_and(|between| between.contains(&"with"));
        if with_others {
            return;
        }
        // ", backed by the Netherlands": a participle's agent after "by"
        // without a form of "be" leaves unclear who acted on whom.
        // So does "measures taken last year by the European Economic
        // Community": a time may stand between.
        let agent_at = targets
            .first()
            .map(|t| local(&units[*t]))
            .filter(|&at| self.governor(words, offset, trigger.end, at) == "by");
        let by_agent = agent_at.is_some_and(|at| {
            words[trigger.end..at]
                .iter()
                .take_while(|w| **w != "by")
                .all(|w| {
                    matches!(
                        *w,
                        "last"
                            | "this"
                            | "next"
                            | "year"
                            | "week"
                            | "month"
                            | "earlier"
                            | "today"
                            | "yesterday"
                    )
                })
        });
        // "in a move branded a 'humiliating retreat' by the Tories": a
        // participle after a noun, its agent after "by" further on.
        let after_noun = trigger.start > 1 && DETERMINERS.contains(&words[trigger.start - 2]) && {
            let previous = words[trigger.start - 1];
            previous.len() > 2
                && previous.chars().all(|c| c.is_ascii_lowercase())
                && !previous.ends_with("ly")
                && !is_auxiliary(previous)
                && !BE_HAVE.contains(&previous)
                && !matches!(
                    previous,
                    "and" | "but" | "who" | "which" | "that" | "they" | "she" | "has" | "had"
                )
                && self
                    .resolution
                    .mention_at(offset + trigger.start - 1)
                    .is_none()
        };
        let agent_further = after_noun
            && words[trigger.start].ends_with("ed")
            && agent_at.is_some_and(|at| !words[trigger.end..at].contains(&","));
        if !passive && !trigger.nominal && (by_agent || agent_further) {
            return;
        }
        // "the Stalinists, expelled from the official Communist Party in
        // 1986": a participle after a comma and a name, then a preposition,
        // tells what was done to that name, by no one named.
        let reduced_passive = !trigger.nominal
            && words[trigger.start].ends_with("ed")
            && trigger.start >= 1
            && words[trigger.start - 1] == ","
            && words
                .get(trigger.end)
                .is_some_and(|w| PREPOSITIONS.contains(w) && *w != "by")
            && units
                .iter()
                .any(|u| u.tokens.end - offset + 1 == trigger.start);
        if reduced_passive {
            return;
        }
        if passive {
            // "X was rejected by Y": Y acts on X.
            let agent = targets
                .first()
                .is_some_and(|t| local(&units[*t]) > 0 && words[local(&units[*t]) - 1] == "by");
            if !agent {
                return;
            }
            std::mem::swap(&mut sources, &mut targets);
        }
        if reversed {
            std::mem::swap(&mut sources, &mut targets);
        }
        let mut push = |source: usize, target: usize| {
            found.push(Found {
                code: code.clone(),
                source: units[source].clone(),
                target: units[target].clone(),
                trigger: trigger.start,
                nominal: trigger.nominal,
                intended,
            });
        };
        if targets.is_empty() && sources.len() == 2 && reciprocal(&words[trigger.end..clause_end]) {
            // "The U.S. and Brazil have each laid the blame on the other":
            // each acts on the other.
            push(sources[0], sources[1]);
            push(sources[1], sources[0]);
            return;
        }
        if targets.is_empty() {
            // Actors acting together: one event per pair. A longer list is
            // of members or beneficiaries, not of parties acting together
            // ("aid to Tunisia, Israel, Jordan, Lebanon and Morocco").
            // An offer, proposal or pledge goes to someone: two firms
            // "offering two products" act on no one.
            // Nor do two who visit or travel: "Funaro and Gros will visit
            // Britain" together, not each other.
            let directed = matches!(
                trigger.lemma.as_str(),
                "offer"
                    | "propose"
                    | "pledge"
                    | "suggest"
                    | "promise"
                    | "visit"
                    | "travel"
                    | "tour"
            );
            // Nor do two "talking to government officials": their partner
            // is someone else, unnamed.
            // Nor two who "met supporters' representatives": an object
            // they met that names no actor.
            // (What they would do: "they would welcome a debate".)
            let unnamed_object = acted.starts_with("04")
                && !trigger.nominal
                && words.get(trigger.end).is_some_and(|w| {
                    w.chars().all(|c| c.is_ascii_lowercase())
                        && !PREPOSITIONS.contains(w)
                        && !matches!(
                            *w,
                            "today"
                                | "yesterday"
                                | "tonight"
                                | "again"
                                | "last"
                                | "this"
                                | "here"
                                | "there"
                                | "briefly"
                                | "privately"
                                | "and"
                                | "late"
                                | "early"
                                | "twice"
                                | "once"
                        )
                });
            let partner_unnamed = unnamed_object
                || words
                    .get(trigger.end)
                    .is_some_and(|w| *w == "with" || (*w == "to" && acted.starts_with("04")));
            // Nor two who "agreed the Fed will let the rate float": what
            // they agreed is a clause about someone else.
            let clause_follows = {
                let mut k = trigger.end;
                for skip in ["that", "the"] {
                    if words.get(k) == Some(&skip) {
                        k += 1;
                    }
                }
                units.iter().any(|u| {
                    local(u) == k
                        && words
                            .get(k + u.tokens.len())
                            .is_some_and(|w| is_auxiliary(w))
                })
            };
            // Nor two "opposing the scheme at a meeting of EC ministers":
            // a meeting they were at is a setting, not their act (unless
            // the meeting is what the sentence opens on, above).
            let setting = trigger.nominal
                && !met_at_opening
                && (trigger.start.saturating_sub(4)..trigger.start)
                    .rev()
                    .find(|&k| !DETERMINERS.contains(&words[k]) && !qualifies_noun(words[k]))
                    .is_some_and(|k| matches!(words[k], "at" | "during"));
            if (2..=MAX_JOINT).contains(&sources.len())
                && is_joint(&acted)
                && !setting
                && !directed
                && !partner_unnamed
                && !says_clause
                && !clause_follows
            {
                for (k, &a) in sources.iter().enumerate() {
                    for &b in &sources[k + 1..] {
                        push(a, b);
                    }
                }
            }
            return;
        }
        // "met his Swiss counterpart Otto Stich, Economics Minister
        // Jean-Pascal Delamuraz and National Bank President Pierre
        // Languetin": one meeting with Switzerland, not three. Coordinated
        // targets of one foreign country are one event, with the first.
        let country = |u: usize| self.resolution.entities[units[u].entity].country.clone();
        for &source in &sources {
            let mut seen: Vec<String> = Vec::new();
            for &target in &targets {
                if let Some(c) = country(target)
                    && country(source).is_some_and(|own| own != c)
                {
                    if seen.contains(&c) {
                        continue;
                    }
                    seen.push(c);
                }
                push(source, target);
                // And repelling it is the other side's fighting.
                if repelled {
                    push(target, source);
                }
            }
        }
    }

    /// "gave his support to Gordon Brown", "Baker's support for the Fed
    /// chairman": support someone gives, told by a possessive or a verb of
    /// giving or voicing, to an actor named for itself. Not a party's
    /// support in a poll ("support for Hawke's Labour Party running at 47
    /// pct", "increased Conservative support"), nor support for a thing a
    /// name qualifies ("his support for a Senate plan").
    fn support_given(&self, words: &[&str], offset: usize, trigger: &Trigger) -> bool {
        if !trigger.nominal {
            return true;
        }
        let polled = words.iter().any(|w| {
            matches!(
                *w,
                "poll" | "polls" | "pct" | "percent" | "voters" | "survey" | "opinion"
            )
        });
        let mut at = trigger.start;
        // Past a word or two that say how ("warm", "full", "strong").
        while at > 0
            && trigger.start - at < 2
            && words[at - 1].ends_with(|c: char| c.is_ascii_lowercase())
            && !matches!(
                words[at - 1],
                "his" | "her" | "their" | "its" | "'s" | "\u{2019}s" | "the" | "a"
            )
            && !GIVING.contains(&words[at - 1])
        {
            at -= 1;
        }
        let given = at > 0
            && (matches!(
                words[at - 1],
                "his" | "her" | "their" | "its" | "'s" | "\u{2019}s"
            ) || GIVING.contains(&words[at - 1]));
        // The actor right after "to" or "for", and no noun it qualifies.
        let mut next = trigger.end + 1;
        while words
            .get(next)
            .is_some_and(|w| matches!(*w, "the" | "a" | "an") || crate::lexicon::is_honorific(w))
        {
            next += 1;
        }
        // Or someone by role, past a word or two that say of what ("the
        // home secretary"), whom the coder finds.
        let role = !self
            .doc
            .tokens
            .get(offset + next)
            .is_some_and(|t| t.is_capitalized())
            && (next..next + 3)
                .take_while(|&k| {
                    words
                        .get(k)
                        .is_some_and(|w| w.chars().all(char::is_alphabetic))
                })
                .any(|k| crate::lexicon::match_role(&words[k..]).is_some());
        let named = words
            .get(trigger.end)
            .is_some_and(|w| matches!(*w, "to" | "for"))
            && (role
                || self.resolution.mention_at(offset + next).is_some_and(|m| {
                    let end = self.resolution.mentions[m].tokens.end - offset;
                    // "the Fed chairman": a role the name qualifies is
                    // someone.
                    let titled = words
                        .get(end..)
                        .is_some_and(|rest| crate::lexicon::match_role(rest).is_some());
                    titled
                        || !words.get(end).is_some_and(|w| {
                            w.chars().all(|c| c.is_ascii_lowercase())
                                && !crate::lexicon::is_function_word(w)
                                && !matches!(*w, "and" | "or" | "in" | "on" | "at" | "over")
                        })
                }));
        given && named && !polled
    }

    /// The places a visit goes to, as their countries: the first place
    /// named within four words after the trigger, in its clause, and the
    /// places listed right after it.
    fn visited(&self, offset: usize, trigger: &Trigger, clause_end: usize) -> Vec<Unit> {
        let from = offset + trigger.end;
        // "was in Kingston": being somewhere is only where the place
        // follows at once ("is in doubt as Spain" is not in Spain).
        let being = is_being(&self.doc.tokens[offset + trigger.start].lower);
        let reach = if being {
            1 + usize::from(self.doc.tokens.get(from).is_some_and(|t| t.lower == "the"))
        } else {
            4
        };
        let to = offset + clause_end.min(trigger.end + reach);
        let resolution = self.resolution;
        let place = |entity: usize, tokens: std::ops::Range<usize>| {
            let e = &resolution.entities[entity];
            if e.kind != NerKind::Loc {
                return None;
            }
            let iso3 = e.country.as_ref()?;
            let country = self.gazetteer.country(iso3)?;
            Some(Unit {
                tokens,
                entity,
                sector: None,
                stands_for: Some((iso3.clone(), country.name.clone())),
                // Marks a place standing for its country.
                via: Via::Group,
            })
        };
        // A place by its name: "visit the Pakistani community" goes to no
        // country.
        let place_named = |m: usize| {
            let mention = &resolution.mentions[m];
            let demonym = self.gazetteer.country_by_alias(&mention.text).is_none()
                && self.gazetteer.country_by_demonym(&mention.text).is_some();
            (!demonym)
                .then(|| place(mention.entity, mention.tokens.clone()))
                .flatten()
        };
        let Some((first, named)) = resolution
            .mentions_in(&(from..to))
            .find_map(|m| Some((m, place_named(m)?)))
        else {
            // "a brief visit here", "arrived here": the dateline's place.
            let here = || {
                let at = [trigger.end - 1, trigger.end]
                    .into_iter()
                    .map(|at| offset + at)
                    .find(|&at| self.doc.tokens.get(at).is_some_and(|t| t.lower == "here"))?;
                place(self.dateline?, at..at + 1)
            };
            return here().into_iter().collect();
        };
        // "taken him to London, Paris and Bonn": each place of the list
        // right after it, one visit to each country.
        let mut places = vec![named];
        let mut end = resolution.mentions[first].tokens.end;
        for m in first + 1..resolution.mentions.len() {
            let mention = &resolution.mentions[m];
            let joined = self.doc.tokens[end..mention.tokens.start]
                .iter()
                .all(|t| matches!(t.lower.as_str(), "," | "and"))
                && mention.tokens.start > end
                && mention.tokens.start < offset + clause_end.max(trigger.end);
            let Some(next) = joined.then(|| place_named(m)).flatten() else {
                break;
            };
            end = mention.tokens.end;
            if places.iter().all(|p| p.stands_for != next.stands_for) {
                places.push(next);
            }
        }
        places
    }

    /// The other side of a state's fighting when the sentence names none:
    /// the country the article names most after the source's own, twice
    /// at least and clearly more than any third ("Iraq" in a story of
    /// Iran's offensive). Only a state or its forces fight so.
    fn opponent(&self, source: &Unit, at: usize) -> Option<Unit> {
        let resolution = self.resolution;
        let entity = &resolution.entities[source.entity];
        let own = match &source.stands_for {
            Some((iso3, _)) => iso3.clone(),
            None if entity.is_country || source.sector.as_deref() == Some("MIL") => {
                entity.country.clone()?
            }
            None => return None,
        };
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for mention in &resolution.mentions {
            let e = &resolution.entities[mention.entity];
            if !e.is_country || e.country.as_deref() == Some(own.as_str()) {
                continue;
            }
            match counts
                .iter_mut()
                .find(|(entity, _)| *entity == mention.entity)
            {
                Some((_, n)) => *n += 1,
                None => counts.push((mention.entity, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        let (other, n) = *counts.first()?;
        let next = counts.get(1).map_or(0, |c| c.1);
        if n < 2 || 2 * n < 3 * next {
            return None;
        }
        let iso3 = resolution.entities[other].country.clone()?;
        let name = self.gazetteer.country(&iso3)?.name.clone();
        Some(Unit {
            tokens: at..at + 1,
            entity: other,
            sector: None,
            stands_for: Some((iso3, name)),
            via: Via::Group,
        })
    }

    /// "Blinken's trip", "China's refusal": the actor owning a nominal trigger.
    fn possessor(
        &self,
        words: &[&str],
        offset: usize,
        units: &[Unit],
        trigger: &Trigger,
    ) -> Option<Vec<usize>> {
        let before = trigger.start.checked_sub(1)?;
        // "China's refusal", "Iran's week-old offensive", "Gorbachev's new
        // offer": the possessive, through a few words that qualify the noun
        // (not "Iran's foreign minister said talks").
        let possessive = (before.saturating_sub(3)..=before).rev().find(|&p| {
            matches!(words[p], "'s" | "\u{2019}s")
                && words[p + 1..trigger.start]
                    .iter()
                    .all(|w| qualifies_noun(w))
        });
        if let Some(p) = possessive {
            let owner = units.iter().position(|u| u.tokens.end == offset + p)?;
            return Some(vec![owner]);
        }
        // "a new Soviet offer", "the Iranian offensive", "a Conservative
        // compromise offer", "an Iranian cross-border offensive": an actor
        // right before the noun, or before two words at most that only
        // qualify it, owns it.
        let mut owner_end = trigger.start;
        while owner_end > 0 && trigger.start - owner_end < 2 && qualifies_noun(words[owner_end - 1])
        {
            owner_end -= 1;
        }
        let owner = units
            .iter()
            .position(|u| u.tokens.end == offset + owner_end && u.via != Via::Pronoun)?;
        Some(vec![owner])
    }

    /// The object of `trigger`: the first actor after it in its clause,
    /// directly or after one of its prepositions, with its coordination.
    fn object(
        &self,
        words: &[&str],
        offset: usize,
        units: &[Unit],
        trigger: &Trigger,
        clause_end: usize,
        judging: bool,
    ) -> Option<Vec<usize>> {
        let limit = clause_end.min(trigger.end + 12);
        // The first actor after the trigger is its object if nothing but an
        // object preposition governs it; one after a preposition of place
        // or time is passed over ("met in Vienna with Wang"); one after any
        // other preposition ends the search ("talk about Turkey").
        // Nor past another verb trigger ("X, who leaves for Moscow on
        // Tuesday, met Mubarak": Mubarak is not what "leaves" governs).
        let next_verb = (trigger.end..limit)
            .find(|&p| {
                // "who will hold talks in Beijing, said an EU code ...":
                // a verb of saying opens another clause.
                crate::analysis::quotes::SAYING.contains(&words[p])
                    // "..., Energy Minister Arturo Hernandez Grisanti said",
                    // "..., arranger Mitsubishi Bank (Europe) SA said": the
                    // one who says it after a comma.
                    // So is one named with an apposition ("..., President
                    // of the Brazilian Coffee Institute, IBC, Jorio Dauster
                    // said").
                    || (words[p] == "," && {
                        let tail = &words[p + 1..words.len().min(p + 14)];
                        tail.iter()
                            .position(|w| crate::analysis::quotes::SAYING.contains(w))
                            .is_some_and(|k| {
                                !tail[..k].iter().any(|w| matches!(*w, "that" | "and" | "or"))
                                    && tail[..k].iter().filter(|w| **w == ",").count() <= 2
                                    && units.iter().any(|u| {
                                        let (start, end) =
                                            (u.tokens.start - offset, u.tokens.end - offset);
                                        start > p && end <= p + 1 + k
                                    })
                            })
                    })
                    // "talking to officials and will this week visit
                    // Britain": a second verb phrase is the second verb's.
                    // "agreed to disregard penalty interest and negotiations
                    // were continuing with Argentina": so is a clause of its
                    // own, with an unnamed subject.
                    || (matches!(words[p], "and" | "but") && {
                        let subject = (p + 1..limit.min(p + 4))
                            .take_while(|&q| {
                                self.resolution.mention_at(offset + q).is_none()
                                    && words[q].chars().all(|c| c.is_ascii_lowercase())
                                    && !BE_HAVE.contains(&words[q])
                                    && !PREPOSITIONS.contains(&words[q])
                            })
                            .count();
                        words.get(p + 1).is_some_and(|w| is_auxiliary(w))
                            || (subject > 0
                                && words
                                    .get(p + 1 + subject)
                                    .is_some_and(|w| BE_HAVE.contains(w)))
                    })
                    || !trigger.nominal
                        && self.resolution.mention_at(offset + p).is_none()
                        && self
                            .triggers
                            .verb_at(words, p)
                            .is_some_and(|t| self.reads_as_verb(words, units, offset, &t))
            })
            .unwrap_or(limit);
        let mut limit = limit.min(next_verb);
        // "Welcoming the ruling, Maeve Sherlock, chief executive of the
        // Refugee Council, said": an opening participle's object is in its
        // own clause, before the comma.
        if !trigger.nominal
            && opens_with_participle(words, trigger)
            && let Some(comma) = words[trigger.end..limit].iter().position(|w| *w == ",")
        {
            limit = trigger.end + comma;
        }
        // "rejected the idea Mr Kilroy-Silk posed a threat": a clause after
        // a noun of what is thought or said is what is judged, and names
        // no target.
        if !trigger.nominal
            && let Some(noun) = (trigger.end..limit.min(trigger.end + 3)).find(|&p| {
                matches!(
                    words[p],
                    "idea"
                        | "notion"
                        | "suggestion"
                        | "suggestions"
                        | "claim"
                        | "claims"
                        | "allegation"
                        | "allegations"
                        | "charge"
                        | "charges"
                        | "view"
                )
            })
            && words[trigger.end..noun]
                .iter()
                .all(|w| DETERMINERS.contains(w))
            && words.get(noun + 1).is_some_and(|w| {
                *w == "that"
                    || lexicon::is_honorific(w)
                    || self.resolution.mention_at(offset + noun + 1).is_some()
            })
        {
            limit = limit.min(noun + 1);
        }
        let mut first = None;
        // Units of a coordination passed over ("in Kuwait and Syria").
        let mut passed_until = 0;
        for (i, u) in units.iter().enumerate() {
            let at = u.tokens.start - offset;
            if at < trigger.end || at >= limit || i < passed_until {
                continue;
            }
            // "agreed to Blinken's trip": a possessor is not the object;
            // but what is judged is its owner's ("criticised Blair's
            // policy", "rejected Japan's offer").
            let end = u.tokens.end - offset;
            let possessor = end < words.len() && matches!(words[end], "'s" | "\u{2019}s");
            let previous = self.governor(words, offset, trigger.end, at);
            let direct = previous.is_empty();
            // "called for an end to Washington's exemption": what a
            // judgement asks for or answers is its owner's, through a short
            // noun and "to" or "of".
            let owned_through = judging
                && possessor
                && !trigger.nominal
                && matches!(previous, "to" | "of")
                && at - trigger.end <= 4
                && words[trigger.end..at - 1]
                    .iter()
                    .all(|w| !PREPOSITIONS.contains(w) && w.chars().all(char::is_alphabetic));
            if owned_through {
                first = Some(i);
                break;
            }
            // "attacked Japan's fiscal policy": an attack on what an actor
            // owns, other than its arms, is on the owner (in words).
            let attacks_owner = direct
                && matches!(
                    words[trigger.start],
                    "attack" | "attacks" | "attacked" | "attacking"
                )
                && !owns_arms(words, end);
            let owner_is_object = (judging && direct) || attacks_owner;
            if !trigger.nominal && possessor && !owner_is_object {
                continue;
            }
            // "returned from Moscow, this morning gave the Conservatives":
            // a form that ends in its preposition takes what stands right
            // after it, or nothing. A particle is no preposition ("broke
            // off relations with Morocco").
            let ends_in_preposition = trigger.end - trigger.start > 1
                && words[trigger.end - 1] != "off"
                && PREPOSITIONS.contains(&words[trigger.end - 1]);
            if ends_in_preposition && !previous.is_empty() && !DETERMINERS.contains(&previous) {
                break;
            }
            // "criticised its record on the NHS", "praised his stance on
            // Iraq": after a judged thing, "on" names its topic (but
            // "blamed the end of the freeze on the U.S.").
            if judging
                && !trigger.nominal
                && !words[trigger.start].starts_with("blam")
                && matches!(previous, "on" | "over" | "about")
                && at - trigger.end > 2
            {
                break;
            }
            // "held talks on Iraq", "agreed to hold talks on Gibraltar":
            // after a meeting's noun, "on" names what it is about.
            if !trigger.nominal
                && previous == "on"
                && at >= 2
                && matches!(
                    words[at - 2],
                    "talks"
                        | "meeting"
                        | "meetings"
                        | "discussions"
                        | "negotiations"
                        | "consultations"
                        | "summit"
                        | "conference"
                )
            {
                break;
            }
            let accepted = if trigger.nominal {
                // "a tender offer or otherwise, subject to X": a noun's
                // complement does not cross a comma.
                trigger.prepositions.iter().any(|q| q == previous)
                    && !words[trigger.end..at].contains(&",")
            } else {
                // "criticised the government for claiming the EU ...": an
                // actor past a preposition and its gerund is what the
                // gerund governs, not the verb.
                // "urging private banks to grant new loans to the country":
                // so is one in the infinitive an appeal's unnamed addressee
                // is asked to do.
                let asked_to_do = |k: usize| {
                    judging
                        && k > trigger.end
                        && words[k] == "to"
                        && words.get(k + 1).is_some_and(|w| {
                            w.chars().all(|c| c.is_ascii_lowercase())
                                && !DETERMINERS.contains(w)
                                && !PREPOSITIONS.contains(w)
                        })
                };
                let inside_phrase = || {
                    words[trigger.end..at]
                        .windows(2)
                        .any(|w| PREPOSITIONS.contains(&w[0]) && w[1].ends_with("ing"))
                        || (trigger.end..at).any(asked_to_do)
                };
                // "would meet its financial obligations to the United
                // States": one meets someone, or meets with them.
                let meets = matches!(words[trigger.start], "meet" | "meets" | "met");
                let through = if meets {
                    previous == "with"
                } else {
                    OBJECT_PREPOSITIONS.contains(&previous) || previous == "by"
                };
                // Nor past a thing met: "rules now meet health standards
                // and the EC should require".
                let past_thing_met = meets && previous == "and";
                // "proposed deregulating air fares between Scandinavia and
                // the U.S.": what follows a gerund object is the gerund's.
                let gerund_object =
                    words.get(trigger.end).is_some_and(|w| {
                        w.len() > 4
                        && w.ends_with("ing")
                        && !w.ends_with("thing")
                        && w.chars().all(|c| c.is_ascii_lowercase())
                        && !PREPOSITIONS.contains(w)
                        // "proposed holding talks with Japan" still names
                        // whom the talks are with.
                        && !matches!(
                            *w,
                            "holding" | "opening" | "resuming" | "starting" | "beginning"
                                | "continuing" | "having" | "making" | "taking"
                        )
                    }) && self.resolution.mention_at(offset + trigger.end).is_none();
                (previous.is_empty()
                    || (through && !(trigger.end..at).any(asked_to_do))
                    || (!PREPOSITIONS.contains(&previous) && !inside_phrase()))
                    && !past_thing_met
                    && !gerund_object
            };
            if accepted {
                first = Some(i);
                break;
            }
            let passable = LOCATIVE.contains(&previous)
                || matches!(previous, "during" | "since" | "after" | "before" | "on");
            if !passable && !trigger.nominal {
                break;
            }
            passed_until = actors::coordination(self.doc, units, i).end;
        }
        let first = first?;
        // Only an object reached without crossing a clause boundary.
        let at = units[first].tokens.start - offset;
        // Nor one inside a complement clause ("rejected the idea that the
        // Tories ...").
        // Nor past a conjunction that opens a clause of its own ("would
        // back the government's plans although Michael Howard was").
        // But an accusation's "that" opens what it says of its target
        // ("accusations that Washington is carrying out hacking attacks").
        let said_of = trigger.nominal
            && words.get(trigger.end) == Some(&"that")
            && trigger.prepositions.iter().any(|q| q == "that");
        let complement_start = trigger.end + usize::from(said_of);
        if words[complement_start..at].iter().any(|w| {
            clause::is_boundary(w)
                || matches!(
                    *w,
                    "which"
                        | "who"
                        | "whose"
                        | "that"
                        | "where"
                        | "although"
                        | "though"
                        | "because"
                        | "whereas"
                        | "while"
                )
                // "agreed it was another option, if Congress decided": a
                // condition's actor is not the object; but a warning's may
                // be ("warned a trade row will develop if the EC proceeds").
                || (matches!(*w, "if" | "unless")
                    && !matches!(trigger.lemma.as_str(), "warn" | "threaten"))
        }) {
            return None;
        }
        // "MITI, which is pressuring the firms, can successfully battle ...
        // the U.S. Industry": a comma and a helping verb close the clause;
        // so does "as did" ("offered his congratulations, as did Michael
        // Howard").
        // Nor ", with shadow chancellor Oliver Letwin branding ...": an
        // absolute phrase of its own.
        if words[trigger.end..at].windows(2).any(|w| {
            (w[0] == "," && (is_auxiliary(w[1]) || w[1] == "with"))
                || (w[0] == "as" && matches!(w[1], "did" | "does" | "do" | "had" | "has" | "have"))
        }) {
            return None;
        }
        // "proposed a freeze and Canada has begun", "promised the most
        // upbeat campaign Labour has ever run": an actor before a helping
        // verb is the subject of a clause of its own.
        let group = actors::coordination(self.doc, units, first);
        let after = units[group.end - 1].tokens.end - offset;
        if at > trigger.end && !trigger.nominal && words.get(after).is_some_and(|w| is_auxiliary(w))
        {
            return None;
        }
        // "with shadow chancellor Oliver Letwin branding stamp duty": an
        // actor after "with" and before a gerund does what the gerund says.
        if self.governor(words, offset, trigger.end, at) == "with"
            && words.get(after).is_some_and(|w| {
                w.len() > 4
                    && w.ends_with("ing")
                    && !PREPOSITIONS.contains(w)
                    && !matches!(
                        *w,
                        "following"
                            | "regarding"
                            | "concerning"
                            | "according"
                            | "morning"
                            | "evening"
                    )
            })
        {
            return None;
        }
        Some((first..group.end).collect())
    }

    /// Where the (at most two) lowercase words that qualify the noun at
    /// `at` begin ("debt restructuring negotiations", "a subsidy offer").
    fn qualifiers_before(&self, words: &[&str], offset: usize, at: usize) -> usize {
        let mut q = at;
        while q > 0
            && at - q < 2
            && words[q - 1]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-')
            && !matches!(words[q - 1], "for" | "of" | "about" | "over")
            && !DETERMINERS.contains(&words[q - 1])
            && !VERB_CUES.contains(&words[q - 1])
            && self.resolution.mention_at(offset + q - 1).is_none()
        {
            q -= 1;
        }
        q
    }

    /// The word that governs the actor at `at`, passing back over
    /// determiners, titles and names that only modify it ("with Microsoft
    /// Corp. co-founder Bill Gates" is governed by "with"); empty when
    /// nothing stands between `from` and it.
    fn governor<'w>(&self, words: &[&'w str], offset: usize, from: usize, at: usize) -> &'w str {
        let mut p = at;
        while p > from {
            let word = words[p - 1];
            let in_name = self.resolution.mention_at(offset + p - 1).is_some();
            // "talked about the \"New\" Labour manifesto": quotation marks
            // and capitalised words around a name are of it.
            let quote = |w: &str| matches!(w, "\"" | "\u{201c}" | "\u{201d}" | "'");
            let quoted_or_capital = quote(word)
                || (p - 1 > from
                    && self.doc.tokens[offset + p - 1].is_capitalized()
                    && (quote(words[p]) || self.doc.tokens[offset + p].is_capitalized()));
            if in_name
                || quoted_or_capital
                || matches!(word, "the" | "a" | "an" | "both")
                || lexicon::is_title_word(word)
                || lexicon::is_honorific(word)
            {
                p -= 1;
            } else {
                return word;
            }
        }
        ""
    }

    /// Turns a candidate into an event: actors, date, place, confidence.
    pub(super) fn event(
        &self,
        s: usize,
        words: &[&str],
        offset: usize,
        found: Found,
        nouns: &[usize],
    ) -> Option<CodedEvent> {
        // "will visit Auschwitz", "visits places such as Liverpool", "an IMF
        // team visited La Paz": an organisation of no known calling that is
        // visited is a place the tagger took for one, and stands for its
        // country, or for no one.
        let mut found = found;
        let visited = &self.resolution.entities[found.target.entity];
        if is_journey(words, &found)
            && found.target.stands_for.is_none()
            && visited.kind == NerKind::Org
            && visited.sector.is_none()
            && visited.code.is_none()
        {
            let iso3 = visited.country.as_ref()?;
            let country = self.gazetteer.country(iso3)?;
            found.target.stands_for = Some((iso3.clone(), country.name.clone()));
        }
        let source = self.actor(&found.source);
        let target = self.actor(&found.target);
        if !self.distinct(&source, &target) {
            return None;
        }
        if self.serves(&found.source, &found.target) {
            return None;
        }
        // "asking reporter Oliver Finegold if he is a German war
        // criminal": asking someone whether is a question, not a request.
        // A time may stand between ("asked Mr Brown on Sunday whether").
        let after_target = found.target.tokens.end - offset;
        let question = words
            .get(after_target..words.len().min(after_target + 4))
            .unwrap_or_default()
            .iter()
            .take_while(|w| !matches!(**w, "to" | ","))
            .any(|w| matches!(*w, "if" | "whether"));
        if words[found.trigger].starts_with("ask") && question {
            return None;
        }
        // "claims by Sunday Telegraph journalist Robert Peston, which
        // suggested": the media report, they do not act.
        if self.resolution.entities[source.entity].sector.as_deref() == Some("MED")
            && source.stands_for.is_none()
        {
            return None;
        }
        // "Lord Butler attacked Tony Blair": a civilian's attack is words.
        let armed =
            |sector: Option<&str>| matches!(sector, Some("MIL" | "REB" | "INS" | "COP" | "SPY"));
        // So is a party's or a ministry's ("Labour attacked Tory plans").
        // Not an alliance's ("NATO attacked Serbian positions").
        let civil = match self.resolution.entities[source.entity].kind {
            NerKind::Person => true,
            NerKind::Org => source.sector.as_deref().is_some_and(|s| s != "IGO"),
            _ => false,
        } && source.stands_for.is_none();
        // "attacked Japan's tight-fisted fiscal policy": what a state
        // attacks through its owner, other than the owner's arms, is words.
        let owned_policy = || {
            let end = found.target.tokens.end - offset;
            matches!(words.get(end), Some(&("'s" | "\u{2019}s"))) && !owns_arms(words, end)
        };
        // Killing and bombing are never words: a president "killing"
        // peacekeepers is not.
        let literal = matches!(
            words[found.trigger],
            "kill"
                | "kills"
                | "killed"
                | "killing"
                | "bombed"
                | "bombing"
                | "shelled"
                | "shelling"
                | "massacred"
                | "murdered"
        );
        let code = if found.code == "190"
            && !literal
            && ((civil && !armed(source.sector.as_deref())) || (!found.nominal && owned_policy()))
        {
            "111"
        } else {
            found.code.as_str()
        };
        let sentence = &self.doc.tokens[self.doc.sentences[s].tokens.clone()];
        let segment = segment(words, found.trigger);
        let reference = self.context.reference_date;
        // Not the dateline's date.
        let after_dateline = self.dateline_end.saturating_sub(offset);
        // Nor the date of a reduced relative after the act ("must heed a
        // report issued by an advisory body in December"): a participle
        // right after a noun, before "by" or a date's preposition, has it.
        // So has one after a comma ("the Potato Council, set up in 1997"),
        // past its particle.
        let dating = |w: &str| matches!(w, "by" | "in" | "on" | "last" | "earlier");
        let relative = (found.trigger + 2..segment.end.saturating_sub(1)).find(|&p| {
            let after_noun = words[p].ends_with("ed")
                && words[p - 1].chars().all(|c| c.is_ascii_lowercase())
                && !is_auxiliary(words[p - 1])
                && !matches!(
                    words[p - 1],
                    "to" | "and" | "or" | "not" | "who" | "which" | "that"
                )
                && !words[p - 1].ends_with("ly")
                && dating(words[p + 1]);
            let after_comma = words[p - 1] == ","
                && (words[p].ends_with("ed")
                    || matches!(
                        words[p],
                        "set" | "built" | "made" | "held" | "chosen" | "taken" | "given" | "won"
                    ))
                && match words[p + 1] {
                    "up" | "out" | "down" => words.get(p + 2).is_some_and(|w| dating(w)),
                    next => dating(next),
                };
            after_noun || after_comma
        });
        let dated = segment.start.max(after_dateline).min(found.trigger)
            ..relative.unwrap_or(segment.end).min(segment.end);
        // "Iran announced tonight that its offensive had ended", "Iraq said
        // today its forces had crushed an Iranian attack": a date right
        // after the word that reports dates the report, not what it reports
        // (an intention it reports is dated by the report: "said Friday he
        // would meet").
        let reports_intention = found.intended || found.code.starts_with("03");
        let reported_from = (dated.start..found.trigger)
            .filter(|_| !reports_intention)
            .rev()
            .find(|&k| {
                matches!(
                    words[k],
                    "said" | "says" | "announced" | "told" | "reported" | "stated" | "added"
                )
            })
            .and_then(|k| {
                let names_time = |w: &str| {
                    lexicon::WEEKDAYS.contains(&w)
                        || matches!(
                            w,
                            "today"
                                | "tonight"
                                | "yesterday"
                                | "night"
                                | "morning"
                                | "afternoon"
                                | "evening"
                                | "earlier"
                                | "later"
                        )
                };
                let skipped = |w: &str| {
                    names_time(w)
                        || matches!(
                            w,
                            "on" | "last" | "this" | "reporters" | "journalists" | "here"
                        )
                };
                let mut stop = k + 1;
                while stop < found.trigger && skipped(words[stop]) {
                    stop += 1;
                }
                let dates_report = words[k + 1..stop].iter().any(|w| names_time(w));
                let stop = stop + usize::from(words[stop] == "that");
                (dates_report && stop <= found.trigger).then_some(stop)
            });
        let dated = reported_from.map_or(dated.start, |from| dated.start.max(from))..dated.end;
        let dated = outside_relative_clauses(sentence, words, dated, found.trigger);
        let closed_clause = relative_clause_closed_before(words, dated.clone(), found.trigger);
        // "leaves for Moscow on Tuesday": a visit or meeting in the present
        // with a day after it is scheduled, so the day is the next one
        // ("Iran accuses Iraq of shelling Basra on Sunday" is not).
        let trigger_word = words[found.trigger];
        let scheduled = !found.nominal
            && found.code.starts_with("04")
            && trigger_word.len() > 3
            && trigger_word.ends_with('s')
            && !trigger_word.ends_with("ss")
            && !matches!(trigger_word, "says" | "has" | "was" | "is" | "does");
        // "has agreed to become a Visa member in May": a promise's date
        // after its infinitive is that of what is promised, ahead.
        let promised = found.code.starts_with("03")
            && !found.nominal
            && words.get(found.trigger + 1) == Some(&"to")
            && words.get(found.trigger + 2).is_some_and(|w| {
                w.chars().all(|c| c.is_ascii_lowercase())
                    && !DETERMINERS.contains(w)
                    && self
                        .resolution
                        .mention_at(offset + found.trigger + 2)
                        .is_none()
            });
        // A date right after another event's noun is that event's.
        let date_in = |range: Range<usize>, anchor: usize| {
            let owners: Vec<usize> = nouns
                .iter()
                .filter(|&&n| range.contains(&n))
                .map(|&n| n - range.start)
                .collect();
            dates::resolve_near(
                &sentence[range.clone()],
                anchor - range.start,
                reference,
                found.intended || scheduled || promised,
                DATE_REACH,
                &owners,
            )
        };
        let explicit = match closed_clause {
            Some((open, close)) => date_in(close + 1..dated.end, found.trigger)
                .or_else(|| date_in(dated.start..open, open.saturating_sub(1).max(dated.start))),
            None => date_in(dated.clone(), found.trigger),
        };
        // "will fly to Tokyo on Sunday, after having completed a week-long
        // trip to the United States": a journey completed is behind, whatever
        // date ahead the sentence gives.
        let completed = found.nominal && {
            let mut k = found.trigger;
            while k > 0
                && found.trigger - k < 4
                && (DETERMINERS.contains(&words[k - 1])
                    || words[k - 1].contains('-')
                    || is_number(words[k - 1])
                    || matches!(words[k - 1], "his" | "her" | "their" | "its" | "official"))
            {
                k -= 1;
            }
            k > 0
                && matches!(
                    words[k - 1],
                    "completed" | "completing" | "concluded" | "concluding" | "ended" | "ending"
                )
        };
        let date = explicit
            .filter(|date| !(completed && date.date > reference))
            .unwrap_or(ResolvedDate {
                date: reference,
                precision: Precision::Article,
            });
        // An act dated ahead of the article, or in the present tense for
        // later that day ("travels to Italy this evening"), is intended.
        let later_today = words[segment.clone()]
            .iter()
            .any(|w| matches!(*w, "tonight" | "evening" | "later" | "tomorrow"))
            && words[found.trigger].ends_with('s');
        let (code, intended) =
            if !found.intended && (date.date > reference || later_today) && !code.starts_with("03")
            {
                match intention_of(code) {
                    Some(intention) => (intention, true),
                    None => return None,
                }
            } else {
                (code, found.intended)
            };
        let cameo = self.table.get(code)?.clone();
        let location = self.place(words, offset, segment, &found).or_else(|| {
            (self.dateline_applies(&date, &found) && !self.background(words, &found))
                .then_some(self.dateline?)
        });
        let mut confidence: f64 = if found.nominal { 0.8 } else { 0.9 };
        for unit in [&found.source, &found.target] {
            match unit.via {
                Via::Pronoun => confidence -= 0.15,
                Via::Role => confidence -= 0.1,
                Via::Group => confidence -= 0.05,
                Via::Name => {}
            }
        }
        if explicit.is_none() {
            confidence -= 0.1;
        }
        Some(CodedEvent {
            code: cameo,
            source,
            target: Some(target),
            date,
            location,
            sentence: s,
            trigger_start: self.doc.tokens[offset + found.trigger].start,
            trigger: self.doc.tokens[offset + found.trigger].text.clone(),
            confidence: confidence.clamp(0.1, 1.0),
            is_intention: intended || cameo_is_intention(code),
            supporting_sentences: 1,
        })
    }

    fn actor(&self, unit: &Unit) -> EventActor {
        EventActor {
            entity: unit.entity,
            sector: unit
                .sector
                .clone()
                .or_else(|| self.resolution.entities[unit.entity].sector.clone()),
            stands_for: unit.stands_for.clone(),
        }
    }

    /// What an actor is, for comparing two: (key, country, is a country).
    fn identity(&self, actor: &EventActor) -> (String, Option<String>, bool) {
        match &actor.stands_for {
            Some((iso3, _)) => (format!("country:{iso3}"), Some(iso3.clone()), true),
            None => {
                let entity = &self.resolution.entities[actor.entity];
                (
                    entity.key.clone(),
                    entity.country.clone(),
                    entity.is_country,
                )
            }
        }
    }

    /// Two different actors, neither of them the other's own country.
    /// "Wladyslaw Baka, head of Poland's National Bank, told PAP the talks
    /// were": the body an apposition after the source says it heads or
    /// serves is its own, not the other side of its act.
    fn serves(&self, source: &Unit, target: &Unit) -> bool {
        let (s_end, t_start) = (source.tokens.end, target.tokens.start);
        let apposition = self.doc.tokens.get(s_end + 1..t_start).unwrap_or_default();
        self.doc.tokens.get(s_end).is_some_and(|t| t.text == ",")
            && apposition
                .iter()
                .any(|t| lexicon::match_role(&[t.lower.as_str()]).is_some())
            && apposition.iter().enumerate().all(|(i, t)| {
                lexicon::is_title_word(&t.lower)
                    || matches!(t.lower.as_str(), "of" | "the" | "a" | "an")
                    || self.resolution.mention_at(s_end + 1 + i).is_some()
            })
    }

    fn distinct(&self, a: &EventActor, b: &EventActor) -> bool {
        let (ka, ca, a_country) = self.identity(a);
        let (kb, cb, b_country) = self.identity(b);
        if ka == kb {
            return false;
        }
        let own = |is_country: bool, country: &Option<String>, other: &Option<String>| {
            is_country && other.is_some() && other == country
        };
        // Rebels and their own state are two sides ("the contras attacked
        // Nicaraguan troops").
        let rebel = |actor: &EventActor| actor.sector.as_deref() == Some("REB");
        if rebel(a) || rebel(b) {
            return true;
        }
        // One international organisation, its bodies and the people acting
        // for it are one side: "EC Farm Commissioner Frans Andriessen
        // promised new measures to help farmers hurt by the drive to
        // reduce EC surpluses" is no promise to the Community.
        let igo = |actor: &EventActor| {
            actor
                .stands_for
                .is_none()
                .then(|| self.resolution.entities[actor.entity].code.as_deref())
                .flatten()
                .filter(|code| code.starts_with("IGO"))
        };
        if igo(a).is_some() && igo(a) == igo(b) {
            return false;
        }
        !own(a_country, &ca, &cb) && !own(b_country, &cb, &ca)
    }

    /// The place of an event: a place after "in", "at" or "near" in its
    /// segment (the last of "at X in Y"), or the place a visit goes to.
    fn place(
        &self,
        words: &[&str],
        offset: usize,
        segment: Range<usize>,
        found: &Found,
    ) -> Option<usize> {
        let resolution = self.resolution;
        // A visit, or one intended ("will visit Moscow", "travels to
        // Switzerland tomorrow").
        let visit = is_journey(words, found);
        // A visit to one of several places named ("to visit Thailand and
        // Indonesia") is in the one visited.
        if visit && resolution.entities[found.target.entity].kind == NerKind::Loc {
            return Some(found.target.entity);
        }
        let mut best: Option<(usize, usize)> = None;
        for m in resolution.mentions_in(&((offset + segment.start)..(offset + segment.end))) {
            let mention = &resolution.mentions[m];
            let entity = &resolution.entities[mention.entity];
            if entity.kind != NerKind::Loc {
                continue;
            }
            let at = mention.tokens.start - offset;
            // "flying from the United States, where he met President
            // Bush": the place a relative "where" opens on.
            let end = mention.tokens.end - offset;
            let where_at = if words.get(end) == Some(&",") {
                end + 1
            } else {
                end
            };
            if words.get(where_at) == Some(&"where")
                && where_at < found.trigger
                && !words[where_at..found.trigger]
                    .iter()
                    .any(|w| *w == "," || clause::is_boundary(w))
            {
                return Some(mention.entity);
            }
            // "had talks with Moi, who afterwards appealed for investment
            // in Kenya": a place in a relative clause after the trigger is
            // where that clause happens.
            if at > found.trigger
                && words[found.trigger..at]
                    .iter()
                    .any(|w| matches!(*w, "who" | "which" | "whose"))
            {
                continue;
            }
            // "in Iran's offensive": an owner, not a place (but "at
            // Gateshead's Sage Centre" is in Gateshead).
            if matches!(words.get(end), Some(&"'s" | &"'"))
                && !self
                    .doc
                    .tokens
                    .get(offset + end + 1)
                    .is_some_and(|t| t.text.starts_with(char::is_uppercase))
            {
                continue;
            }
            // "in southern Iraq", "in northeast Iraq": the region's country.
            let before = |n: usize| at.checked_sub(n).map(|p| words[p]).unwrap_or("");
            let previous = if is_compass(before(1)) && before(2) == "in" {
                "in"
            } else {
                before(1)
            };
            let locative = LOCATIVE.contains(&previous)
                || (visit && matches!(previous, "to" | "visited" | "visit" | "visiting"));
            if !locative || (entity.is_country && !visit && previous != "in") {
                continue;
            }
            let distance = at.abs_diff(found.trigger);
            if best.is_none_or(|(d, _)| distance <= d) {
                best = Some((distance, mention.entity));
            }
        }
        best.map(|(_, e)| e)
    }

    /// The dateline names where the article's own events of that day took
    /// place. Talks meet in a third country ("GENEVA - the U.S. handed the
    /// Soviet Union a draft"), but fighting does not happen where a wire
    /// files it ("LONDON - Iran launched an offensive against Iraq").
    fn dateline_applies(&self, date: &ResolvedDate, found: &Found) -> bool {
        let force = matches!(&found.code[..2.min(found.code.len())], "18" | "19" | "20");
        !found.intended
            && date.date == self.context.reference_date
            && (!force || self.at_home(found))
    }

    /// "This coincides with the Biden administration signing a deal with
    /// Australia and Britain": an act told as a gerund, not as what is
    /// being done ("is signing"), is background to the story, not its
    /// news from the dateline's place, unless a side is of that place's
    /// country.
    fn background(&self, words: &[&str], found: &Found) -> bool {
        let word = words[found.trigger];
        !found.nominal
            && word.len() > 4
            && word.ends_with("ing")
            && !found
                .trigger
                .checked_sub(1)
                .is_some_and(|p| is_form_of_be(words[p]) || words[p] == "'s")
            && !self.at_home(found)
    }

    /// Whether the dateline lies in the country of one side of the event
    /// (or a side has none, or the dateline has none).
    fn at_home(&self, found: &Found) -> bool {
        let Some(here) = self
            .dateline
            .and_then(|d| self.resolution.entities[d].country.as_deref())
        else {
            return true;
        };
        let country = |u: &'_ Unit| -> Option<String> {
            u.stands_for
                .as_ref()
                .map(|(iso3, _)| iso3.clone())
                .or_else(|| self.resolution.entities[u.entity].country.clone())
        };
        match (country(&found.source), country(&found.target)) {
            (Some(a), Some(b)) => a == here || b == here,
            _ => true,
        }
    }
}

/// A visit made, or one intended under a word of going ("will visit
/// Moscow", "travels to Switzerland tomorrow", "a tour of Asia").
fn is_journey(words: &[&str], found: &Found) -> bool {
    let word = words[found.trigger];
    found.code.starts_with("042")
        || found.code.starts_with("043")
        || (found.code.starts_with("036")
            && [
                "visit", "travel", "trip", "tour", "fly", "flies", "flew", "go", "goes", "leave",
            ]
            .iter()
            .any(|w| word.starts_with(w)))
}

/// A lower-case compass word before a place ("southern Iraq", "northeast
/// Iraq").
fn is_compass(word: &str) -> bool {
    let base = word.strip_suffix("ern").unwrap_or(word);
    matches!(
        base,
        "north" | "south" | "east" | "west" | "northeast" | "northwest" | "southeast" | "southwest"
    ) || word == "central"
}

/// Whether the possessive at `end` ("Iraq's ...") owns arms in the next
/// few words ("Iraq's positions", "Iran's oil platforms").
fn owns_arms(words: &[&str], end: usize) -> bool {
    words
        .get(end + 1..words.len().min(end + 5))
        .is_some_and(|after| after.iter().any(|w| ARMS.contains(w)))
}

/// "pushing the idea of a budget summit with Reagan", "the prospect of
/// talks": a meeting or act only thought of or hoped for is none (one
/// proposed or called for is an intention, coded by its own trigger).
fn only_thought_of(words: &[&str], trigger: &Trigger) -> bool {
    trigger.nominal
        && (1..=3).any(|back| {
            trigger.start > back
                && matches!(words[trigger.start - back], "of" | "for")
                && matches!(
                    words[trigger.start - back - 1],
                    "idea"
                        | "prospect"
                        | "prospects"
                        | "possibility"
                        | "hope"
                        | "hopes"
                        | "chance"
                        | "chances"
                )
                && words[trigger.start - back + 1..trigger.start]
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        })
}

/// "repeated accusations that Washington is carrying out hacking
/// attacks": what an accusation alleges is the accuser's claim (coded as
/// the accusation), not an act the article reports.
fn alleged(words: &[&str], trigger: &Trigger) -> bool {
    (trigger.start.saturating_sub(12)..trigger.start).any(|p| {
        p > 0
            && words[p] == "that"
            && matches!(
                words[p - 1],
                "accusations" | "accusation" | "allegations" | "allegation" | "charges"
            )
            && !words[p..trigger.start]
                .iter()
                .any(|w| matches!(*w, ";" | "but" | "while"))
    })
}

/// "agreed to purchase the seat", "will offer 7.5 billion francs worth of
/// Treasury bills": buying, selling and issuing paper is trade, not an
/// intention between actors.
/// Words of a name (`named`) are not paper ("the Securities and Exchange
/// Commission").
fn trades(words: &[&str], trigger: &Trigger, code: &str, named: impl Fn(usize) -> bool) -> bool {
    let after = trigger.end..words.len().min(trigger.end + 9);
    code.starts_with("03")
        && (words[after.clone()]
            .windows(2)
            .any(|w| w[0] == "to" && matches!(w[1], "buy" | "purchase" | "sell" | "acquire"))
            || after.into_iter().any(|at| {
                matches!(
                    words[at],
                    "bills"
                        | "shares"
                        | "stock"
                        | "bonds"
                        | "debentures"
                        | "warrants"
                        | "securities"
                ) && !named(at)
            }))
}

/// "denied breaking a pact with the U.S.", "to uphold the December
/// agreement": an agreement broken, kept or carried out was made before,
/// and is not made here.
fn kept_or_broken(words: &[&str], trigger: &Trigger) -> bool {
    let mut p = trigger.start;
    while p > 0
        && trigger.start - p < 4
        && (DETERMINERS.contains(&words[p - 1])
            || qualifies_noun(words[p - 1])
            || lexicon::MONTHS.contains(&words[p - 1])
            || matches!(words[p - 1], "'s" | "\u{2019}s"))
    {
        p -= 1;
    }
    let verb = p.checked_sub(1).map_or("", |q| words[q]);
    let stem = verb
        .trim_end_matches("ing")
        .trim_end_matches("ed")
        .trim_end_matches('s');
    trigger.nominal
        && p < trigger.start
        && matches!(
            stem,
            "break"
                | "broke"
                | "broken"
                | "breach"
                | "violat"
                | "violate"
                | "uphold"
                | "upheld"
                | "honour"
                | "honor"
                | "respect"
                | "implement"
                | "abandon"
                | "scrap"
                | "scrapp"
                | "abid"
                | "abide"
                | "observ"
                | "observe"
                | "enforc"
                | "enforce"
                | "renounc"
                | "renounce"
        )
}

/// Codes that judge or answer what someone did or said: appeals, praise,
/// demands, disapproval, rejection.
fn judges(code: &str) -> bool {
    matches!(&code[..2.min(code.len())], "02" | "05" | "10" | "11" | "12")
}

fn cameo_is_intention(code: &str) -> bool {
    code.starts_with("03")
}

/// Most parties a joint act pairs up.
const MAX_JOINT: usize = 3;

/// Roots that actors can do together: consult, cooperate, agree; of
/// support (05) only signing an agreement is done together ("Italy,
/// France and Greece backed the plan" is no support among them).
fn is_joint(code: &str) -> bool {
    matches!(&code[..2.min(code.len())], "03" | "04" | "06") || code == "057"
}

/// A word that only qualifies the noun after it ("week-old", "new",
/// "compromise", "1987").
pub(super) fn qualifies_noun(w: &str) -> bool {
    (w.contains('-') && w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        || w.chars().all(|c| c.is_ascii_digit())
        || NOUN_MODIFIERS.contains(&w)
        || matches!(
            w,
            "new" | "first" | "fresh" | "major" | "recent" | "surprise"
        )
}

/// Does the clause after a trigger make its subjects act on each other
/// ("blamed each other", "laid the blame on the other", "accused one
/// another")?
fn reciprocal(after: &[&str]) -> bool {
    after
        .windows(2)
        .take(4)
        .any(|w| matches!(w, ["each", "other"] | ["one", "another"] | ["the", "other"]))
}

/// Is the noun at `at` governed by a preposition, past its determiner and
/// modifiers ("into allegations", "to the fresh accusations")?
fn after_preposition(words: &[&str], at: usize) -> bool {
    let mut p = at;
    while let Some(q) = p.checked_sub(1) {
        let w = words[q];
        if DETERMINERS.contains(&w) || qualifies_noun(w) {
            p = q;
            continue;
        }
        return PREPOSITIONS.contains(&w);
    }
    false
}

/// Does a verb that answers another's act govern the noun at `at`
/// ("to head off a proposal", "dismissed the budget summit", "opposed
/// the plan")? Its subject responds to the act; it does not do it.
fn answered(words: &[&str], at: usize) -> bool {
    for back in 1..=5 {
        let Some(p) = at.checked_sub(back) else {
            return false;
        };
        let w = words[p];
        let before = |forms: &[&str]| p.checked_sub(1).is_some_and(|q| forms.contains(&words[q]));
        if matches!(w, "'" | "\"" | "\u{2018}" | "\u{201c}") {
            continue;
        }
        let verb = if w == "off" {
            before(&["head", "heads", "heading", "headed"])
        } else if w == "to" {
            // "was still opposed to a so-called 'budget summit'".
            before(&["opposed", "objected", "objects", "object", "objecting"])
        } else {
            matches!(
                w,
                "oppose"
                    | "opposes"
                    | "opposed"
                    | "opposing"
                    | "reject"
                    | "rejects"
                    | "rejected"
                    | "rejecting"
                    | "block"
                    | "blocks"
                    | "blocked"
                    | "blocking"
                    | "dismiss"
                    | "dismisses"
                    | "dismissed"
                    | "dismissing"
                    | "resist"
                    | "resists"
                    | "resisted"
                    | "resisting"
                    | "veto"
                    | "vetoes"
                    | "vetoed"
                    | "ignore"
                    | "ignores"
                    | "ignored"
                    | "ignoring"
                    | "deny"
                    | "denies"
                    | "denied"
                    | "denying"
            )
        };
        if verb {
            return true;
        }
        // Only the noun's own determiner and modifiers lie between.
        if !w.chars().all(|c| c.is_alphabetic() || c == '-')
            || matches!(w, "and" | "or" | "to" | "that" | "which" | "who" | "but")
            || is_auxiliary(w)
        {
            return false;
        }
    }
    false
}

/// Does a verb of imposing govern the noun at `at` ("has approved an
/// extensive trade ban", "imposed sanctions")?
fn imposed(words: &[&str], at: usize) -> bool {
    let mut p = at;
    while p > 0
        && (qualifies_noun(words[p - 1])
            || DETERMINERS.contains(&words[p - 1])
            || matches!(
                words[p - 1],
                "arms"
                    | "trade"
                    | "economic"
                    | "extensive"
                    | "oil"
                    | "unilateral"
                    | "tough"
                    | "tougher"
                    | "its"
                    | "their"
                    | "promised"
                    | "program"
                    | "programme"
                    | "package"
                    | "of"
            ))
    {
        p -= 1;
    }
    p > 0
        && [
            "impose",
            "imposes",
            "imposed",
            "imposing",
            "approve",
            "approves",
            "approved",
            "approving",
            "announce",
            "announces",
            "announced",
            "introduce",
            "introduces",
            "introduced",
            "declare",
            "declares",
            "declared",
            "slap",
            "slaps",
            "slapped",
            "extend",
            "extends",
            "extended",
            "tighten",
            "tightens",
            "tightened",
            "decree",
            "decrees",
            "decreed",
            "adopt",
            "adopts",
            "adopted",
            "adopting",
            "order",
            "ordered",
        ]
        .contains(&words[p - 1])
}

/// Is `trigger` a verb coordinated with the earlier verb `first` ("was
/// pressing Canada ... and was talking with ...")? Only helpers and adverbs
/// stand between the "and" and the verb, and no clause opens between them.
fn shares_subject(words: &[&str], first: &Trigger, trigger: &Trigger) -> bool {
    if first.nominal || first.end > trigger.start {
        return false;
    }
    let mut p = trigger.start;
    while p > first.end
        && (BE_HAVE.contains(&words[p - 1]) || matches!(words[p - 1], "also" | "then" | "later"))
    {
        p -= 1;
    }
    p > first.end
        && words[p - 1] == "and"
        && !words[first.end..p - 1].iter().any(|w| {
            matches!(
                *w,
                "who" | "which" | "that" | "when" | "while" | "but" | ";"
            )
        })
}

/// The clause of a trigger (tokens `start..end`) within its sentence: from
/// after the last boundary before it to the first boundary after it.
fn clause_bounds(words: &[&str], start: usize, end: usize) -> (usize, usize) {
    let from = words[..start]
        .iter()
        .rposition(|w| clause::is_boundary(w))
        .map_or(0, |p| p + 1);
    let to = words[end..]
        .iter()
        .position(|w| clause::is_boundary(w))
        .map_or(words.len(), |p| end + p);
    (from, to)
}

/// `range` without the relative clauses that the trigger at `at` is not in,
/// and, for a trigger in one, without what comes before it ("arrived on
/// Sunday from the United States, where he met Bush": the meeting has no
/// date of its own).
fn outside_relative_clauses(
    tokens: &[crate::text::Token],
    words: &[&str],
    range: Range<usize>,
    at: usize,
) -> Range<usize> {
    // Lowercase as written: ", WHO urged" is the organisation.
    let opens = |i: usize| {
        i > 0
            && words[i - 1] == ","
            && matches!(words[i], "where" | "who" | "which" | "whose")
            && tokens[i].text == words[i]
    };
    // The clause the trigger is in, when no comma has closed it before the
    // trigger ("Last year MAB, which opposed the war, urged" is not in it).
    let start = (range.start..at)
        .rev()
        .find(|&i| opens(i))
        .filter(|&r| !words[r..at].contains(&","))
        .unwrap_or(range.start);
    let end = (at + 1..range.end).find(|&i| opens(i)).unwrap_or(range.end);
    start..end.max(start)
}

/// A relative clause between commas before the act at `at`, as (opening
/// comma, closing comma): its date is not the act's ("Youssri Mustapha,
/// who leaves for Moscow on Tuesday, met"), though what stands before it
/// still dates the act ("Last year the Muslim Association of Britain,
/// which opposed the war, urged").
fn relative_clause_closed_before(
    words: &[&str],
    range: Range<usize>,
    at: usize,
) -> Option<(usize, usize)> {
    (range.start..at).rev().find_map(|close| {
        if words[close] != "," {
            return None;
        }
        let open = (range.start..close)
            .rev()
            .take_while(|&q| words[q] != ",")
            .find(|&q| matches!(words[q], "who" | "which") && q > range.start)
            .map(|q| q - 1)
            .filter(|&o| words[o] == ",")?;
        Some((open, close))
    })
}

/// The segment of a trigger (between quotes and semicolons): where its date
/// and place are read.
fn segment(words: &[&str], at: usize) -> Range<usize> {
    let start = words[..at]
        .iter()
        .rposition(|w| clause::is_segment_boundary(w))
        .map_or(0, |p| p + 1);
    let end = words[at..]
        .iter()
        .position(|w| clause::is_segment_boundary(w))
        .map_or(words.len(), |p| at + p);
    start..end
}

/// Whether one of `modals` stands among the 15 words before `at` in its
/// clause segment, up to any of `stops`.
fn modal_earlier_in_clause(words: &[&str], at: usize, stops: &[&str], modals: &[&str]) -> bool {
    words[..at]
        .iter()
        .rev()
        .take_while(|w| !clause::is_segment_boundary(w) && !stops.contains(w))
        .take(15)
        .any(|w| modals.contains(w))
}
