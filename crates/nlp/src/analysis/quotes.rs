//! Quotations: text between quotation marks, with the speaker when the text
//! attributes it: `“…,” Blinken said`, `“…,” said Blinken`, `he told
//! reporters “…”`, `Kritenbrink said: “…”`. A pronoun speaker is the person
//! it refers to. Without an attribution, the nearest person named in the
//! same sentences outside the quote is taken.

use super::recognize::NerKind;
use super::resolve::Resolution;
use crate::text::Doc;

#[derive(Debug, Clone, PartialEq)]
pub struct Quotation {
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub speaker: Option<usize>,
}

/// Verbs that attribute a quotation (or words before it: "said Lord
/// Butler's comments were 'well justified'").
pub(crate) const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stressed",
    "insisted",
    "asked",
    "declared",
    "wrote",
    "warned",
    "noted",
    "explained",
    "argued",
    "continued",
    "replied",
    "answered",
    "according",
    "branded",
    "described",
    "called",
    "dubbed",
    "labelled",
    "labeled",
    "thought",
    "believed",
    "claimed",
];

/// The entity of a speaker standing at token `at`: a person or an
/// organisation named there, or the person a pronoun refers to.
fn speaker_at(doc: &Doc, resolution: &Resolution, at: usize) -> Option<usize> {
    if let Some(m) = resolution.mention_at(at) {
        let entity = resolution.mentions[m].entity;
        return matches!(
            resolution.entities[entity].kind,
            NerKind::Person | NerKind::Org
        )
        .then_some(entity);
    }
    resolution.antecedent(doc, at)
}

/// `“…,” X said` / `“…,” said X` / `“…”, X told reporters`: the speaker
/// right after the closing quote at `close`.
fn speaker_after(doc: &Doc, resolution: &Resolution, close: usize) -> Option<usize> {
    // Within the sentence the quote closes in ("... 'scandalous'. Mr Blair
    // told ..." is not Blair's).
    let sentence_end = doc.sentences[doc.sentence_of[close]].tokens.end;
    let tokens = &doc.tokens[..sentence_end.max(close + 1)];
    let mut i = close + 1;
    while tokens.get(i).is_some_and(|t| t.text == ",") {
        i += 1;
    }
    let word = |k: usize| tokens.get(k).map(|t| t.lower.as_str());
    // "said Blinken"
    if word(i).is_some_and(|w| SAYING.contains(&w)) {
        return speaker_at(doc, resolution, i + 1);
    }
    // "Blinken said", "the top US diplomat Kritenbrink said": the speaker
    // is the last name or pronoun before a saying verb within a few words.
    let end = (i + 8).min(tokens.len());
    let verb = (i..end).find(|&k| word(k).is_some_and(|w| SAYING.contains(&w)))?;
    (i..verb).rev().find_map(|k| speaker_at(doc, resolution, k))
}

/// `X said: “…”` / `he told reporters “…”`: the speaker before the opening
/// quote at `open`, in the same sentence.
fn speaker_before(doc: &Doc, resolution: &Resolution, open: usize) -> Option<usize> {
    let sentence_start = doc.sentences[doc.sentence_of[open]].tokens.start;
    let from = open.saturating_sub(12).max(sentence_start);
    let verb = (from..open)
        .rev()
        .find(|&k| SAYING.contains(&doc.tokens[k].lower.as_str()))?;
    (from..verb)
        .rev()
        .find_map(|k| speaker_at(doc, resolution, k))
}

/// A quotation by its tokens: the quote marks at `open` and `close`, and
/// the speaker the text attributes it to, if it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    pub open: usize,
    pub close: usize,
    pub attributed: Option<usize>,
}

/// Which way a quotation mark at token `i` faces: curly marks say so; a
/// straight one closes when it follows a word, opens when it stands before
/// one after a space, and else turns whatever is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Opens,
    Closes,
    Turns,
}

fn mark(doc: &Doc, i: usize) -> Option<Mark> {
    let token = &doc.tokens[i];
    match token.text.as_str() {
        "\u{201c}" => Some(Mark::Opens),
        "\u{201d}" => Some(Mark::Closes),
        "\"" if i > 0 && !token.space_before && !token.paragraph_before && after_word(doc, i) => {
            Some(Mark::Closes)
        }
        "\"" if doc.tokens.get(i + 1).is_some_and(|n| !n.space_before) => Some(Mark::Opens),
        "\"" => Some(Mark::Turns),
        _ => None,
    }
}

/// Whether each token stands inside quotation marks (the marks
/// themselves do not). A paragraph starts outside.
pub(crate) fn quoted_tokens(doc: &Doc) -> Vec<bool> {
    let mut inside = false;
    (0..doc.tokens.len())
        .map(|i| {
            if doc.tokens[i].paragraph_before {
                inside = false;
            }
            match mark(doc, i) {
                Some(Mark::Opens) => inside = true,
                Some(Mark::Closes) => inside = false,
                Some(Mark::Turns) => inside = !inside,
                None => return inside,
            }
            false
        })
        .collect()
}

/// Whether the token before `i` ends a word or a clause: what a closing
/// mark follows (not the "(" of `("We will not pay")`).
fn after_word(doc: &Doc, i: usize) -> bool {
    doc.tokens[i - 1]
        .text
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '!' | '?' | ';' | ':'))
}

/// Quoted words, by their tokens (a single word too: "branded it
/// 'tasteless'"). A quotation that runs on into a new paragraph leaves the
/// first unclosed and opens again ("'... years. 'He has made ...'"): each
/// part is a quotation, and a part the text does not attribute is the
/// speaker's of the part before.
pub fn spans(doc: &Doc, resolution: &Resolution) -> Vec<QuoteSpan> {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    // The speaker of the part a run-on quotation continues.
    let mut carried: Option<usize> = None;
    for i in 0..doc.tokens.len() {
        let mark = mark(doc, i);
        // A paragraph that does not open again ends what was open: the
        // narrative goes on, and the unclosed part is left unattributed.
        if doc.tokens[i].paragraph_before && mark != Some(Mark::Opens) {
            open = None;
            carried = None;
        }
        let Some(mark) = mark else {
            continue;
        };
        match (mark, open) {
            (Mark::Opens, Some(o)) => {
                // A run-on: the part before ends here.
                if i - o >= 2 {
                    let attributed = speaker_before(doc, resolution, o).or(carried);
                    quotes.push(QuoteSpan {
                        open: o,
                        close: i,
                        attributed,
                    });
                    carried = attributed;
                }
                open = Some(i);
            }
            (Mark::Opens | Mark::Turns, None) => {
                open = Some(i);
                carried = None;
            }
            (Mark::Closes | Mark::Turns, Some(o)) => {
                open = None;
                if i - o < 2 {
                    continue;
                }
                quotes.push(QuoteSpan {
                    open: o,
                    close: i,
                    attributed: speaker_after(doc, resolution, i)
                        .or_else(|| speaker_before(doc, resolution, o))
                        .or(carried),
                });
                carried = None;
            }
            (Mark::Closes, None) => {}
        }
    }
    quotes
}

/// The quotations of three words or more among `spans` (from [`spans`]),
/// with their text and speaker.
pub fn find(body: &str, doc: &Doc, resolution: &Resolution, spans: &[QuoteSpan]) -> Vec<Quotation> {
    spans
        .iter()
        .filter(|q| q.close - q.open > 3)
        .map(|q| {
            let start = doc.tokens[q.open + 1].start;
            let end = doc.tokens[q.close - 1].end;
            let text: String = body
                .chars()
                .skip(start as usize)
                .take((end - start) as usize)
                .collect();
            Quotation {
                start,
                end,
                text,
                speaker: q
                    .attributed
                    .or_else(|| nearest_person(doc, resolution, q.open, q.close)),
            }
        })
        .collect()
}

/// The person named nearest the quote in its sentences, outside it.
fn nearest_person(doc: &Doc, resolution: &Resolution, open: usize, close: usize) -> Option<usize> {
    let first_sentence = doc.sentence_of[open];
    let last_sentence = doc.sentence_of[close];
    resolution
        .mentions
        .iter()
        .filter(|m| {
            let s = doc.sentence_of[m.tokens.start];
            s >= first_sentence
                && s <= last_sentence
                && (m.tokens.end <= open || m.tokens.start > close)
                && resolution.entities[m.entity].kind == NerKind::Person
        })
        .min_by_key(|m| {
            m.tokens
                .start
                .abs_diff(close)
                .min(m.tokens.start.abs_diff(open))
        })
        .map(|m| m.entity)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::analysis::recognize::{Recognizer, TaggerRecognizer};
    use crate::analysis::resolve::EntityResolver;
    use crate::gazetteer::Gazetteer;
    use crate::text::analyze;

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let gazetteer = Arc::new(Gazetteer::bundled().expect("gazetteer"));
        let model = Arc::new(crate::tagger::bundled().expect("model"));
        let doc = analyze(text);
        let spans = TaggerRecognizer::new(model, gazetteer.clone()).recognize(&doc);
        let resolution = EntityResolver::new(gazetteer).resolve(&doc, &spans, None);
        find(text, &doc, &resolution, &super::spans(&doc, &resolution))
            .into_iter()
            .map(|q| {
                (
                    q.text,
                    q.speaker.map(|e| resolution.entities[e].key.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn attributions_name_the_speaker() {
        let found = speakers(
            "Antony Blinken met Qin Gang. “We come with a realistic approach,” Blinken said. Qin Gang spoke too. He told reporters “the talks were candid and useful” on Sunday.",
        );
        assert_eq!(
            found,
            [
                (
                    "We come with a realistic approach,".to_owned(),
                    Some("person:antony-blinken".to_owned())
                ),
                (
                    "the talks were candid and useful".to_owned(),
                    Some("person:qin-gang".to_owned())
                ),
            ]
        );
    }

    #[test]
    fn a_quotation_run_on_into_a_new_paragraph_keeps_its_speaker() {
        // Paragraphs of one quotation joined on a line: the second opening
        // mark opens again (it does not close), and its part is the same
        // speaker's; the next quotation is its own.
        let found = speakers(
            "Gordon Brown said: \"Paul has been a loyal friend for years. \"He will serve us well abroad.\" \
             Michael Howard said: \"It is a scandal of the first order.\"",
        );
        let brown = Some("person:gordon-brown".to_owned());
        assert_eq!(
            found,
            [
                (
                    "Paul has been a loyal friend for years.".to_owned(),
                    brown.clone()
                ),
                ("He will serve us well abroad.".to_owned(), brown),
                (
                    "It is a scandal of the first order.".to_owned(),
                    Some("person:michael-howard".to_owned())
                ),
            ]
        );
    }

    #[test]
    fn quotation_marks_open_before_a_word_and_close_after_one() {
        // Two paragraphs of one quotation run together on one line: the second
        // opening mark opens again, so the words after the close are outside.
        let doc = analyze("Brown said: \"Paul did well. \"He is a friend.\" He left.");
        let quoted = quoted_tokens(&doc);
        let at = |word: &str, nth: usize| {
            doc.tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.text == word)
                .nth(nth)
                .map(|(i, _)| quoted[i])
        };
        assert_eq!(at("Paul", 0), Some(true));
        assert_eq!(at("He", 0), Some(true));
        assert_eq!(at("He", 1), Some(false));
        assert_eq!(at("Brown", 0), Some(false));
        // A new paragraph starts outside: an unclosed quotation ends there.
        let doc = analyze("He said: \"It is over.\n\nBrown left the room.");
        let quoted = quoted_tokens(&doc);
        let left = doc.tokens.iter().position(|t| t.text == "left");
        assert_eq!(left.map(|i| quoted[i]), Some(false));
        // A mark after "(" opens.
        let doc = analyze("The party (\"We will not pay\") refused.");
        let quoted = quoted_tokens(&doc);
        let pay = doc.tokens.iter().position(|t| t.text == "pay");
        assert_eq!(pay.map(|i| quoted[i]), Some(true));
    }

    #[test]
    fn an_unclosed_quotation_ends_with_its_paragraph() {
        let found = speakers(
            "Gordon Brown said: \"We will win this election.\n\nThe minister left. \
             \"It is over now for them,\" Michael Howard said.",
        );
        assert_eq!(
            found,
            [(
                "It is over now for them,".to_owned(),
                Some("person:michael-howard".to_owned())
            )]
        );
    }

    #[test]
    fn said_before_the_name_and_a_colon_before_the_quote() {
        let found = speakers(
            "“Intense competition requires intense diplomacy,” said Kurt Campbell. Daniel Kritenbrink said: “We come to Beijing with a sincere desire.”",
        );
        assert_eq!(found[0].1.as_deref(), Some("person:kurt-campbell"));
        assert_eq!(found[1].1.as_deref(), Some("person:daniel-kritenbrink"));
    }
}
