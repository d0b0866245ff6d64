//! Quotations: text between quotation marks, attributed to the nearest
//! person named in the same sentence outside the quote.

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

/// Finds quotations of three words or more.
pub fn find(body: &str, doc: &Doc, resolution: &Resolution) -> Vec<Quotation> {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    for (i, token) in doc.tokens.iter().enumerate() {
        match (token.text.as_str(), open) {
            ("\u{201c}", _) => open = Some(i),
            ("\"", None) => open = Some(i),
            ("\u{201d}" | "\"", Some(o)) => {
                open = None;
                if i - o <= 3 {
                    continue;
                }
                let start = doc.tokens[o + 1].start;
                let end = doc.tokens[i - 1].end;
                let text: String = body
                    .chars()
                    .skip(start as usize)
                    .take((end - start) as usize)
                    .collect();
                let first_sentence = doc.sentence_of[o];
                let last_sentence = doc.sentence_of[i];
                let speaker = resolution
                    .mentions
                    .iter()
                    .filter(|m| {
                        let s = doc.sentence_of[m.tokens.start];
                        s >= first_sentence
                            && s <= last_sentence
                            && (m.tokens.end <= o || m.tokens.start > i)
                            && resolution.entities[m.entity].kind == NerKind::Person
                    })
                    .min_by_key(|m| m.tokens.start.abs_diff(i).min(m.tokens.start.abs_diff(o)))
                    .map(|m| m.entity);
                quotes.push(Quotation {
                    start,
                    end,
                    text,
                    speaker,
                });
            }
            _ => {}
        }
    }
    quotes
}
