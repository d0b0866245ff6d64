//! The events stage: who did what to whom, when and where, CAMEO-coded.
//!
//! [`EventCoder`] is the interface; [`RuleCoder`] the coder: [`triggers`]
//! (verb and nominal triggers from the project's list and the PETRARCH2
//! dictionary, with patterns), [`clause`] (modality, passive, clause
//! bounds), [`actors`] (who can act in a sentence, pronouns, groups,
//! coordination), and [`coder`] (subject, object, date and place of each
//! trigger). Within an article, the same (source, target, root, date) is
//! one event, with the number of sentences that report it.

mod actors;
mod cameo;
mod clause;
mod coder;
mod judgements;
mod subjects;
mod triggers;
mod words;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike as _, NaiveDate};

pub use cameo::{CameoCode, CameoTable};
pub use triggers::Triggers;

use super::dates::{Precision, ResolvedDate};
use super::quotes::QuoteSpan;
use super::recognize::NerKind;
use super::resolve::Resolution;
use super::tone::ToneLexicon;
use crate::gazetteer::Gazetteer;
use crate::text::Doc;

/// An actor of an event: the entity and the sector it acted in.
#[derive(Debug, Clone, PartialEq)]
pub struct EventActor {
    pub entity: usize,
    pub sector: Option<String>,
    /// The country (ISO code, name) the entity stands for: a capital acting
    /// for its government ("Wallis urged Tokyo").
    pub stands_for: Option<(String, String)>,
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
    /// The first sentence that reports it.
    pub sentence: usize,
    pub trigger_start: u32,
    pub trigger: String,
    pub confidence: f64,
    /// Intended, not done ("will meet"): coded 03x.
    pub is_intention: bool,
    /// Sentences of the article that report it.
    pub supporting_sentences: u32,
}

/// What the coder knows about the article besides its text.
#[derive(Debug, Clone, Copy)]
pub struct ArticleContext {
    /// Publication date (or fetch date when unknown).
    pub reference_date: NaiveDate,
}

/// Turns an analysed document into CAMEO-coded events.
pub trait EventCoder: Send + Sync {
    /// The events of an analysed article; `quotes` are its quotations,
    /// found once for the whole analysis.
    fn code(
        &self,
        doc: &Doc,
        resolution: &Resolution,
        quotes: &[QuoteSpan],
        context: &ArticleContext,
    ) -> Vec<CodedEvent>;
}

/// The rule coder over the trigger lexicon (see [`coder`]).
pub struct RuleCoder {
    triggers: Triggers,
    table: CameoTable,
    gazetteer: Arc<Gazetteer>,
    tone: Arc<ToneLexicon>,
}

impl RuleCoder {
    /// The coder; `tone` (the analysis's own lexicon) weighs quoted words.
    pub fn new(
        triggers: Triggers,
        table: CameoTable,
        gazetteer: Arc<Gazetteer>,
        tone: Arc<ToneLexicon>,
    ) -> Self {
        Self {
            triggers,
            table,
            gazetteer,
            tone,
        }
    }

    /// Where an opening dateline ("WASHINGTON, March 2 -") ends: its date
    /// is when the wire filed the story, not when anything in it happened.
    fn dateline_end(doc: &Doc, resolution: &Resolution) -> usize {
        let Some(first) = resolution.mentions.first() else {
            return 0;
        };
        let place = &resolution.entities[first.entity];
        let opens =
            first.tokens.start == 0 && place.kind == NerKind::Loc && doc.tokens[0].is_all_caps();
        if !opens {
            return 0;
        }
        let end = doc.tokens.len().min(first.tokens.end + 6);
        (first.tokens.end..end)
            .find(|&i| {
                matches!(
                    doc.tokens[i].text.as_str(),
                    "-" | "--" | "\u{2014}" | "\u{2013}"
                )
            })
            .map_or(0, |dash| dash + 1)
    }

    /// The dateline's place ("BEIJING —", "WASHINGTON, March 2 -"): a
    /// place in capitals opening the first sentences.
    fn dateline(doc: &Doc, resolution: &Resolution) -> Option<usize> {
        resolution.mentions.iter().take(12).find_map(|m| {
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

impl EventCoder for RuleCoder {
    fn code(
        &self,
        doc: &Doc,
        resolution: &Resolution,
        quotes: &[QuoteSpan],
        context: &ArticleContext,
    ) -> Vec<CodedEvent> {
        let coder = coder::Coder {
            doc,
            resolution,
            gazetteer: &self.gazetteer,
            triggers: &self.triggers,
            table: &self.table,
            context,
            dateline: Self::dateline(doc, resolution),
            dateline_end: Self::dateline_end(doc, resolution),
        };
        let mut events = Vec::new();
        for s in 0..doc.sentences.len() {
            events.extend(coder.sentence(s));
        }
        events.extend(judgements::code(&coder, quotes, &self.tone));
        // Dealings between firms (offers, mergers, contracts) are business
        // news, not events between actors of public life: one side at
        // least must be a state, a person, or a body of government,
        // politics or civil life.
        let public = |actor: &EventActor| {
            actor.stands_for.is_some()
                || actors::acts_in_public_life(
                    &resolution.entities[actor.entity],
                    actor.sector.as_deref(),
                )
        };
        // Nor does someone no role or dictionary entry places ("Robertson,
        // Colman and Stephens co-managed the deal", "Carl Lindner ... Taft")
        // carry a firm's dealings into public life: the country the
        // article's other names lend them says nothing of that. Two
        // people of a country, one in public life, still may ("Shadjareh
        // accused Hazel Blears").
        let unplaced = |actor: &EventActor| {
            let entity = &resolution.entities[actor.entity];
            entity.kind == NerKind::Person
                && actor.stands_for.is_none()
                && actor.sector.is_none()
                && entity.code.is_none()
        };
        let placed = |actor: &EventActor| public(actor) && !unplaced(actor);
        let person_of_a_country = |actor: &EventActor| {
            let entity = &resolution.entities[actor.entity];
            entity.kind == NerKind::Person && entity.country.is_some()
        };
        events.retain(|e| match &e.target {
            Some(target) => {
                placed(&e.source)
                    || placed(target)
                    || (public(&e.source) && public(target))
                    || (person_of_a_country(&e.source)
                        && person_of_a_country(target)
                        && (public(&e.source) || public(target)))
            }
            None => public(&e.source),
        });
        merge(events, resolution)
    }
}

/// The same (source, target, root, date) is one event: the first report
/// keeps its code, place and sentence, gains the highest confidence, and
/// counts its sentences. A meeting is the same either way round.
fn merge(events: Vec<CodedEvent>, resolution: &Resolution) -> Vec<CodedEvent> {
    let key = |actor: &EventActor| match &actor.stands_for {
        Some((iso3, _)) => format!("country:{iso3}"),
        None => resolution.entities[actor.entity].key.clone(),
    };
    let country = |actor: &EventActor| match &actor.stands_for {
        Some((iso3, _)) => iso3.clone(),
        None => {
            let entity = &resolution.entities[actor.entity];
            entity.country.clone().unwrap_or_else(|| entity.key.clone())
        }
    };
    // "Iraq said it had repelled an Iranian attack" beside "launched the
    // overnight attack": an undated repulse is as old as the attack the
    // article dates, and where it was (not the dateline's city).
    let mut events = events;
    for r in 0..events.len() {
        let repulse = &events[r];
        let undated = repulse.date.precision == Precision::Article;
        let repels = repulse.trigger.starts_with("repel") || repulse.trigger.starts_with("repuls");
        let Some(target) = repulse.target.as_ref().filter(|_| undated && repels) else {
            continue;
        };
        let (source, target) = (country(&repulse.source), country(target));
        let attack = events.iter().find(|e| {
            e.code.root() == "19"
                && e.date.precision != Precision::Article
                && country(&e.source) == target
                && e.target.as_ref().is_some_and(|t| country(t) == source)
        });
        if let Some((date, location)) = attack.map(|e| (e.date, e.location)) {
            events[r].date = date;
            events[r].location = location;
        }
    }
    let mut out: Vec<CodedEvent> = Vec::new();
    let mut index: HashMap<(String, String, String, NaiveDate), usize> = HashMap::new();
    let mut sentences: Vec<Vec<usize>> = Vec::new();
    for event in events {
        let root = event.code.root().to_owned();
        // Force between two states is one event a day, whichever of their
        // forces the text names ("the Revolutionary Guards ... in bitter
        // fighting with Iraqi troops" beside "Iran's overnight attacks").
        let force = matches!(root.as_str(), "18" | "19" | "20");
        let name = |actor: &EventActor| if force { country(actor) } else { key(actor) };
        let Some(target) = event.target.as_ref().map(name) else {
            continue;
        };
        let source = name(&event.source);
        let (a, b) = if root == "04" && target < source {
            (target, source)
        } else {
            (source, target)
        };
        let key = (a, b, root, event.date.date);
        match index.get(&key) {
            Some(&i) => {
                let kept = &mut out[i];
                kept.confidence = kept.confidence.max(event.confidence);
                if kept.location.is_none() {
                    kept.location = event.location;
                }
                if !sentences[i].contains(&event.sentence) {
                    sentences[i].push(event.sentence);
                }
            }
            None => {
                index.insert(key, out.len());
                sentences.push(vec![event.sentence]);
                out.push(event);
            }
        }
    }
    for (event, sentences) in out.iter_mut().zip(&sentences) {
        event.supporting_sentences = sentences.len() as u32;
    }
    // An undated report of an event the article dates elsewhere ("the
    // visit" after "met on Monday", "the Third Army Corps fought" after
    // "Iraq repelled an attack on Saturday") is that event, not another
    // one: the same act, one actor the same and the other of the same
    // country. Intentions are many and distinct ("expected to sign", "would
    // propose"): only the same code of the same actors is the same one.
    let ends = |e: &CodedEvent| {
        let target = e.target.as_ref();
        [
            (key(&e.source), target.map(key).unwrap_or_default()),
            (country(&e.source), target.map(country).unwrap_or_default()),
        ]
    };
    let stands_for_country = |actor: &EventActor| {
        actor.stands_for.is_some() || resolution.entities[actor.entity].is_country
    };
    let same = |undated: &CodedEvent, dated: &CodedEvent| {
        if undated.is_intention {
            return identity(&key, undated) == identity(&key, dated)
                && undated.code.code == dated.code.code;
        }
        // Fighting is reported in many words ("fought", "repelled"); other
        // acts only by the same code (a meeting is no phone call).
        let fighting = matches!(undated.code.root(), "18" | "19" | "20");
        // A visit and talks of the same pair are one contact.
        let contact = |code: &str| matches!(code, "040" | "042" | "043" | "046");
        let same_act = if fighting {
            undated.code.root() == dated.code.root()
        } else {
            undated.code.code == dated.code.code
                || (contact(&undated.code.code) && contact(&dated.code.code))
        };
        if !same_act {
            return false;
        }
        let [(ks, kt), (cs, ct)] = ends(undated);
        let [(ds, dt), (dcs, dct)] = ends(dated);
        // Fighting between the same two countries, however named.
        let forward = (ks == ds && ct == dct)
            || (cs == dcs && kt == dt)
            || (fighting && cs == dcs && ct == dct);
        // A meeting is the same either way round.
        let backward =
            undated.code.root() == "04" && ((ks == dt && ct == dcs) || (cs == dct && kt == ds));
        // "the Pakistani president met Tony Blair on Monday" (a state for
        // its unnamed president) and "Gen Musharraf's visit to Britain": a
        // contact of the same two countries, where on each side the actors
        // are the same or one of them is the state itself.
        let either_state = |a: Option<&EventActor>, b: Option<&EventActor>| {
            a.is_some_and(stands_for_country) || b.is_some_and(stands_for_country)
        };
        let states_for_people = undated.code.root() == "04"
            && !cs.is_empty()
            && !ct.is_empty()
            && cs == dcs
            && ct == dct
            && (ks == ds || either_state(Some(&undated.source), Some(&dated.source)))
            && (kt == dt || either_state(undated.target.as_ref(), dated.target.as_ref()));
        forward || backward || states_for_people
    };
    // The dated event keeps its date and place and takes the undated
    // report's actors where they say more: a person met rather than the
    // country visited ("arrived in Beijing on Sunday ... met Qin Gang").
    let mut dropped = vec![false; out.len()];
    for u in 0..out.len() {
        if out[u].date.precision != Precision::Article {
            continue;
        }
        // Not one a whole year dates ("his visit here last year" is not
        // this week's talks), nor an earlier month ("at a meeting in Paris
        // last January" is not the visit that ends today).
        let earlier_month = |d: &CodedEvent| {
            d.date.precision == Precision::Month
                && (d.date.date.year(), d.date.date.month())
                    != (out[u].date.date.year(), out[u].date.date.month())
        };
        let Some(d) = (0..out.len()).find(|&d| {
            !dropped[d]
                && !matches!(out[d].date.precision, Precision::Article | Precision::Year)
                && !earlier_month(&out[d])
                && same(&out[u], &out[d])
        }) else {
            continue;
        };
        dropped[u] = true;
        let (undated, dated) = (out[u].clone(), &mut out[d]);
        let specific_target =
            |e: &CodedEvent| e.target.as_ref().is_some_and(|t| !stands_for_country(t));
        if !specific_target(dated) && specific_target(&undated) && dated.source == undated.source {
            dated.target = undated.target;
            dated.code = undated.code;
            dated.trigger = undated.trigger;
            dated.trigger_start = undated.trigger_start;
            dated.sentence = undated.sentence;
        }
        dated.supporting_sentences += undated.supporting_sentences;
    }
    // "South Korea proposed a meeting of prime ministers" beside "Prime
    // Minister Lho Shin-yong proposed ... to his North Korean counterpart
    // Li Gun-mo": the states' act, the same day, is the one their people
    // did, told a second time.
    for s in 0..out.len() {
        let states = &out[s];
        if dropped[s]
            || !stands_for_country(&states.source)
            || !states.target.as_ref().is_some_and(stands_for_country)
        {
            continue;
        }
        let [_, (cs, ct)] = ends(states);
        let told_of_people = (0..out.len()).find(|&p| {
            let people = &out[p];
            let [_, (ps, pt)] = ends(people);
            p != s
                && !dropped[p]
                && people.code.code == states.code.code
                && people.date == states.date
                && !(stands_for_country(&people.source)
                    && people.target.as_ref().is_some_and(stands_for_country))
                && ((ps == cs && pt == ct) || (states.code.root() == "04" && ps == ct && pt == cs))
        });
        if let Some(p) = told_of_people {
            dropped[s] = true;
            let supporting = out[s].supporting_sentences;
            out[p].supporting_sentences += supporting;
        }
    }
    let mut kept = dropped.iter();
    out.retain(|_| !kept.next().copied().unwrap_or(false));
    out
}

/// (source, target, root) of an event, a meeting either way round.
fn identity(key: &impl Fn(&EventActor) -> String, event: &CodedEvent) -> (String, String, String) {
    let source = key(&event.source);
    let target = event.target.as_ref().map(key).unwrap_or_default();
    let root = event.code.root().to_owned();
    if root == "04" && target < source {
        (target, source, root)
    } else {
        (source, target, root)
    }
}

#[cfg(test)]
mod tests;
