//! Disapproval in quotations: what a speaker's own quoted words say of a
//! person or organisation named with them (a country there is mostly the
//! topic). "Mr Blair's style of leadership was 'corrosive of
//! the whole system'", said by Menzies Campbell, is his disapproval of
//! Blair (CAMEO 111). Only quotations the text attributes to a person or
//! an organisation of public life (not the media, business or academia)
//! count, and only words that clearly lean negative: the
//! sum of their VADER valences, a word's sign turned by a negation just
//! before it. Praise is not coded this way: on the development stories,
//! positive words in quotations were mostly about other things ("a very
//! strong relationship", "confirms"), and such events were four in five
//! wrong.

use super::CodedEvent;
use super::actors::{self, Unit, Via};
use super::coder::{Coder, Found};
use crate::analysis::quotes::{self, QuoteSpan};
use crate::analysis::recognize::NerKind;
use crate::analysis::tone::ToneLexicon;

/// How far the valences must lean, summed, to be disapproval.
const DISAPPROVAL: f32 = -2.0;

/// The disapprovals the article's attributed quotations express.
pub(super) fn code(coder: &Coder<'_>, quotes: &[QuoteSpan], tone: &ToneLexicon) -> Vec<CodedEvent> {
    let doc = coder.doc;
    let resolution = coder.resolution;
    let mut events = Vec::new();
    for quote in quotes {
        let Some(speaker) = quote.attributed else {
            continue;
        };
        // A political speaker with a role: an analyst's, a shareholder's
        // or a firm's harsh words are commentary, not an event; a
        // politician or a party judges.
        let speaker_entity = &resolution.entities[speaker];
        if !matches!(speaker_entity.kind, NerKind::Person | NerKind::Org)
            || speaker_entity.sector.is_none()
            || !actors::of_public_life(speaker_entity)
        {
            continue;
        }
        if leaning(doc, tone, quote) > DISAPPROVAL {
            continue;
        }
        let code = "111";
        // The actors named in the quotation and around it in the sentence
        // that opens it, other than the speaker.
        let s = doc.sentence_of[quote.open];
        let offset = doc.sentences[s].tokens.start;
        let words: Vec<&str> = doc.tokens[doc.sentences[s].tokens.clone()]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        // A partial quotation, woven into the reporter's sentence ("branded
        // the way Mr Blunkett's office operated as 'scandalous'"), is the
        // judgement the story reports; a whole quoted sentence mostly
        // speaks of other things than those it names.
        let woven = quote.open > offset && {
            let before = doc.tokens[quote.open - 1].lower.as_str();
            before.chars().any(char::is_alphanumeric) && !quotes::SAYING.contains(&before)
        };
        // Named in the quotation, or between the word that attributes it
        // and the quotation ("said Lord Butler's comments were '...'").
        let in_quote = |u: &Unit| u.tokens.start > quote.open && u.tokens.end <= quote.close;
        let opens = |u: &Unit| {
            let first = (quote.open + 1..quote.close)
                .find(|&i| !matches!(doc.tokens[i].lower.as_str(), "but" | "and" | "so" | "the"));
            first == Some(u.tokens.start)
        };
        // Not the audience told ("told a Wall Street Planning Group
        // luncheon, '...'"): who hears it is not judged by it.
        let audience = |u: &Unit| {
            let mut i = u.tokens.start;
            while i > offset && matches!(doc.tokens[i - 1].lower.as_str(), "a" | "an" | "the") {
                i -= 1;
            }
            i > offset
                && matches!(
                    doc.tokens[i - 1].lower.as_str(),
                    "told" | "tell" | "tells" | "telling" | "addressed" | "addressing"
                )
        };
        let introduced = |u: &Unit| {
            u.tokens.end <= quote.open
                && (u.tokens.end..quote.open).all(|i| doc.sentence_of[i] == s)
                && (offset..u.tokens.start)
                    .any(|i| quotes::SAYING.contains(&doc.tokens[i].lower.as_str()))
                && !audience(u)
        };
        // What the speaker says comes after the speaker is named in the
        // sentence: not the party of "Plaid Cymru's spokesman Dai Lloyd",
        // nor "Mr Blair" of "Mr Blair said ... but Tory Dominic Grieve
        // branded".
        let after_speaker = resolution
            .mentions_in(&doc.sentences[s].tokens)
            .map(|m| &resolution.mentions[m])
            .rfind(|m| m.entity == speaker && m.tokens.end <= quote.open)
            .map_or(offset, |m| m.tokens.end);
        // Not the speaker's own side: a party or body of the speaker's
        // country and sector ("Labour" in Blair's words).
        let own_side = |u: &Unit| {
            let e = &resolution.entities[u.entity];
            e.kind == NerKind::Org
                && e.country.is_some()
                && e.country == speaker_entity.country
                && e.sector.is_some()
                && e.sector == speaker_entity.sector
        };
        let mut targets: Vec<Unit> = (s..=doc.sentence_of[quote.close])
            .flat_map(|sentence| actors::units(doc, resolution, coder.gazetteer, sentence))
            // Named where the judgement falls on them: in or before a
            // partial quotation, as the first words of a whole one
            // ("Labour's arrogance has been their undoing"), or between
            // the word that attributes it and the quotation.
            .filter(|u| {
                let before = u.tokens.start >= after_speaker
                    && u.tokens.end <= quote.open
                    && doc.sentence_of[u.tokens.start] == s;
                (woven && (in_quote(u) || before)) || opens(u) || introduced(u)
            })
            // People and organisations: a country in quoted words is
            // mostly a topic ("thought Iraq was a very serious threat").
            // Nor someone the article gives no standing: no sector, and
            // no country or, for a person, no full name ("the death of
            // his wife Audrey").
            .filter(|u| {
                let e = &resolution.entities[u.entity];
                let standing = e.sector.is_some()
                    || (e.country.is_some() && (e.kind != NerKind::Person || e.name.contains(' ')));
                !e.is_country && u.stands_for.is_none() && standing
            })
            .filter(|u| u.entity != speaker && u.via != Via::Pronoun && !own_side(u))
            .collect();
        targets.dedup_by_key(|u| u.entity);
        let source = Unit {
            tokens: quote.open..quote.open + 1,
            entity: speaker,
            sector: None,
            stands_for: None,
            via: Via::Name,
        };
        for target in targets {
            let found = Found {
                code: code.to_owned(),
                source: source.clone(),
                target,
                trigger: quote.open - offset,
                nominal: false,
                intended: false,
            };
            // A quotation is less sure evidence than a verb.
            events.extend(coder.event(s, &words, offset, found, &[]).map(|mut e| {
                e.confidence = (e.confidence - 0.2).max(0.1);
                e
            }));
        }
    }
    events
}

/// Negative words that mostly name what is spoken of, not how the speaker
/// judges it ("the fight against poverty", "the war on terror").
const TOPICS: &[&str] = &[
    "poverty",
    "war",
    "wars",
    "terror",
    "terrorism",
    "terrorist",
    "terrorists",
    "crime",
    "crimes",
    "death",
    "deaths",
    "died",
    "dead",
    "disease",
    "cancer",
    "hunger",
    "victims",
    "victim",
    "killed",
    "fight",
    "fighting",
    "debt",
    "debts",
    "prison",
    "violence",
    "illness",
    "unemployment",
    "tsunami",
    "famine",
    "aids",
    "hiv",
    "security",
    "defence",
    "defense",
    "emergency",
    "injured",
    "cut",
    "cuts",
    "tax",
    "taxes",
];

/// The summed valence of a quotation's words, a word's sign turned by
/// "not", "never" or "no" among the three words before it.
fn leaning(doc: &crate::text::Doc, tone: &ToneLexicon, quote: &QuoteSpan) -> f32 {
    let tokens = &doc.tokens[quote.open + 1..quote.close];
    tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            if TOPICS.contains(&t.lower.as_str()) {
                return None;
            }
            let valence = tone.valence(&t.lower)?;
            let negated = tokens[i.saturating_sub(3)..i].iter().any(|b| {
                matches!(
                    b.lower.as_str(),
                    "not" | "n't" | "n\u{2019}t" | "never" | "no" | "without"
                )
            });
            Some(if negated { -valence } else { valence })
        })
        .sum()
}
