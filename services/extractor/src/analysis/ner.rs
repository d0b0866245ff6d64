//! Named-entity recognition: the [`Recognizer`] interface and a first,
//! rule-based recogniser.
//!
//! The rule recogniser finds runs of capitalised words, peels off what is
//! not a name (sentence-initial function words, country modifiers, titles
//! such as "Secretary of State"), classifies the rest by suffix, gazetteer
//! and context, and then resolves single words ("Blinken", "Xi") against the
//! longer names of the same article. It is the baseline a trained sequence
//! model replaces: both produce typed token spans.

use std::ops::Range;
use std::sync::Arc;

use super::gazetteer::Gazetteer;
use super::lexicon;
use super::text::{Doc, Token, surface};

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

/// Region names that are places without being countries or cities.
const REGIONS: &[&str] = &[
    "Asia",
    "Europe",
    "Africa",
    "Americas",
    "Oceania",
    "Antarctica",
    "Arctic",
    "Middle East",
    "Latin America",
    "Balkans",
    "Caucasus",
    "Scandinavia",
];
const DIRECTIONS: &[&str] = &[
    "East",
    "West",
    "North",
    "South",
    "Central",
    "Southeast",
    "Southern",
    "Northern",
    "Eastern",
    "Western",
    "Northeast",
    "Southwest",
    "Northwest",
];

/// The baseline recogniser: capitalisation, gazetteers and word lists.
pub struct RuleRecognizer {
    gazetteer: Arc<Gazetteer>,
}

/// What a piece of a capitalised run turned out to be.
#[derive(Debug)]
enum Piece {
    Span(NamedSpan),
    /// A name not yet classified (single words wait for the second pass).
    Unresolved {
        tokens: Range<usize>,
        after_role: bool,
    },
}

impl RuleRecognizer {
    pub fn new(gazetteer: Arc<Gazetteer>) -> Self {
        Self { gazetteer }
    }

    fn is_place_name(&self, name: &str) -> bool {
        self.gazetteer.country_by_alias(name).is_some()
            || self.gazetteer.cities(name).next().is_some()
            || REGIONS.contains(&name)
    }

    /// Longest country alias or demonym starting at `start` (in `range`).
    fn country_at(&self, doc: &Doc, start: usize, end: usize) -> Option<(usize, NerKind)> {
        let max = self.gazetteer.max_alias_words.max(1);
        for len in (1..=max.min(end - start)).rev() {
            let name = surface(&doc.tokens[start..start + len]);
            if self.gazetteer.country_by_alias(&name).is_some() {
                return Some((len, NerKind::Loc));
            }
            if len == 1 && self.gazetteer.country_by_demonym(&name).is_some() {
                return Some((1, NerKind::Misc));
            }
        }
        None
    }

    /// Splits a capitalised run into pieces.
    fn decompose(&self, doc: &Doc, run: Range<usize>, pieces: &mut Vec<Piece>) {
        let tokens = &doc.tokens;
        let mut start = run.start;
        // Leading function words ("The", "Despite") are not part of a name.
        while start < run.end && lexicon::is_function_word(&tokens[start].lower) {
            start += 1;
        }
        // Calendar words are dates, not names.
        while start < run.end && lexicon::is_calendar_word(&tokens[start].lower) {
            start += 1;
        }
        let mut end = run.end;
        while end > start && lexicon::is_calendar_word(&tokens[end - 1].lower) {
            end -= 1;
        }
        if start >= end {
            return;
        }
        let whole = &tokens[start..end];
        let last = &whole[whole.len() - 1].text;
        if whole.len() >= 2 {
            if lexicon::ORG_SUFFIXES.contains(&last.as_str()) {
                pieces.push(Piece::Span(NamedSpan {
                    tokens: start..end,
                    kind: NerKind::Org,
                }));
                return;
            }
            if lexicon::PLACE_SUFFIXES.contains(&last.as_str())
                || (DIRECTIONS.contains(&whole[0].text.as_str())
                    && self.is_place_name(&surface(&whole[1..])))
                || REGIONS.contains(&surface(whole).as_str())
            {
                pieces.push(Piece::Span(NamedSpan {
                    tokens: start..end,
                    kind: NerKind::Loc,
                }));
                return;
            }
        }
        let mut i = start;
        let mut after_role = false;
        while i < end {
            if tokens[i].text == "-" || lexicon::is_name_connector(&tokens[i].lower) {
                i += 1;
                continue;
            }
            // A dateline or leading place: "BEIJING U.S. Secretary ..."
            if i == start
                && i + 1 < end
                && tokens[i].is_all_caps()
                && tokens[i].text.len() > 3
                && self.gazetteer.cities(&tokens[i].text).next().is_some()
            {
                pieces.push(Piece::Span(NamedSpan {
                    tokens: i..i + 1,
                    kind: NerKind::Loc,
                }));
                i += 1;
                continue;
            }
            if let Some((len, kind)) = self.country_at(doc, i, end) {
                // A country name followed by more capitalised words that are
                // not a title is part of a longer name ("United States Navy"
                // is caught by suffix above; "Hong Kong Disneyland" here).
                pieces.push(Piece::Span(NamedSpan {
                    tokens: i..i + len,
                    kind,
                }));
                i += len;
                continue;
            }
            let words: Vec<&str> = tokens[i..end].iter().map(|t| t.lower.as_str()).collect();
            if let Some((len, _)) = lexicon::match_role(&words) {
                after_role = true;
                i += len;
                continue;
            }
            if let Some((len, _)) = role_with_modifiers(&words) {
                after_role = true;
                i += len;
                continue;
            }
            // The rest is the name.
            let mut name_end = i;
            while name_end < end && tokens[name_end].text != "-" {
                name_end += 1;
            }
            pieces.push(Piece::Unresolved {
                tokens: i..name_end,
                after_role,
            });
            i = name_end;
        }
    }

    fn classify_multi(&self, doc: &Doc, range: Range<usize>, after_role: bool) -> NerKind {
        let tokens = &doc.tokens[range.clone()];
        let name = surface(tokens);
        if self.is_place_name(&name) {
            return NerKind::Loc;
        }
        if after_role {
            return NerKind::Person;
        }
        if tokens.iter().any(Token::is_all_caps) {
            return NerKind::Org;
        }
        let title_case = tokens.iter().all(|t| {
            t.is_capitalized()
                && t.text.chars().all(|c| {
                    c.is_alphabetic() || c == '.' || c == '\'' || c == '\u{2019}' || c == '-'
                })
        });
        if title_case && tokens.len() <= 3 {
            return NerKind::Person;
        }
        if tokens.len() >= 3 {
            NerKind::Org
        } else {
            NerKind::Misc
        }
    }

    fn classify_single(
        &self,
        doc: &Doc,
        index: usize,
        after_role: bool,
        people: &[Range<usize>],
        orgs: &[Range<usize>],
    ) -> Option<NerKind> {
        let token = &doc.tokens[index];
        let text = token.text.as_str();
        if self.gazetteer.country_by_alias(text).is_some() || REGIONS.contains(&text) {
            return Some(NerKind::Loc);
        }
        if self.gazetteer.country_by_demonym(text).is_some() {
            return Some(NerKind::Misc);
        }
        if lexicon::known_org(text).is_some() {
            return Some(NerKind::Org);
        }
        if after_role {
            return Some(NerKind::Person);
        }
        let names_person = people.iter().any(|range| {
            let first = &doc.tokens[range.start].text;
            let last = &doc.tokens[range.end - 1].text;
            first == text || last == text
        });
        if names_person {
            return Some(NerKind::Person);
        }
        let is_acronym_of_org = orgs.iter().any(|range| {
            let initials: String = doc.tokens[range.clone()]
                .iter()
                .filter(|t| t.is_capitalized() && !lexicon::is_name_connector(&t.lower))
                .filter_map(|t| t.text.chars().next())
                .collect();
            initials.len() >= 2 && initials == text
        });
        if is_acronym_of_org {
            return Some(NerKind::Org);
        }
        if self.gazetteer.cities(text).next().is_some() {
            return Some(NerKind::Loc);
        }
        let sentence_start = doc.sentences[doc.sentence_of[index]].tokens.start == index;
        if token.is_all_caps() && !sentence_start {
            return Some(NerKind::Org);
        }
        let previous = index.checked_sub(1).map(|p| doc.tokens[p].lower.as_str());
        if previous.is_some_and(|p| lexicon::PLACE_PREPOSITIONS.contains(&p)) && !sentence_start {
            return Some(NerKind::Loc);
        }
        None
    }
}

/// "top US diplomat": modifiers then a role head, as (length, sector).
fn role_with_modifiers(words: &[&str]) -> Option<(usize, &'static str)> {
    let mut i = 0;
    while i < words.len() && lexicon::ROLE_MODIFIERS.contains(&words[i]) {
        i += 1;
    }
    if i == 0 {
        return None;
    }
    lexicon::match_role(&words[i..]).map(|(len, sector)| (i + len, sector))
}

/// A token that can start or continue a capitalised run.
fn is_name_token(token: &Token) -> bool {
    token.is_word() && token.is_capitalized()
}

impl Recognizer for RuleRecognizer {
    fn recognize(&self, doc: &Doc) -> Vec<NamedSpan> {
        let tokens = &doc.tokens;
        let mut pieces = Vec::new();
        for sentence in &doc.sentences {
            let mut i = sentence.tokens.start;
            let end = sentence.tokens.end;
            while i < end {
                if !is_name_token(&tokens[i]) {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                loop {
                    if j < end && is_name_token(&tokens[j]) {
                        j += 1;
                    } else if j + 1 < end
                        && is_name_token(&tokens[j + 1])
                        && (lexicon::is_name_connector(&tokens[j].lower)
                            || (tokens[j].text == "-"
                                && !tokens[j].space_before
                                && !tokens[j + 1].space_before))
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                self.decompose(doc, i..j, &mut pieces);
                i = j;
            }
        }

        // Second pass: multi-word names first, then single words against them.
        let mut spans = Vec::new();
        let mut singles = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Span(span) => spans.push(span),
                Piece::Unresolved {
                    tokens: range,
                    after_role,
                } if range.len() >= 2 => {
                    let kind = self.classify_multi(doc, range.clone(), after_role);
                    spans.push(NamedSpan {
                        tokens: range,
                        kind,
                    });
                }
                Piece::Unresolved {
                    tokens: range,
                    after_role,
                } => singles.push((range.start, after_role)),
            }
        }
        let people: Vec<Range<usize>> = spans
            .iter()
            .filter(|s| s.kind == NerKind::Person && s.tokens.len() >= 2)
            .map(|s| s.tokens.clone())
            .collect();
        let orgs: Vec<Range<usize>> = spans
            .iter()
            .filter(|s| s.kind == NerKind::Org && s.tokens.len() >= 2)
            .map(|s| s.tokens.clone())
            .collect();
        for (index, after_role) in singles {
            if let Some(kind) = self.classify_single(doc, index, after_role, &people, &orgs) {
                spans.push(NamedSpan {
                    tokens: index..index + 1,
                    kind,
                });
            }
        }
        spans.sort_by_key(|s| s.tokens.start);
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::analyze;

    fn entities(text: &str) -> Vec<(String, NerKind)> {
        let gazetteer = Arc::new(Gazetteer::bundled().expect("gazetteer"));
        let recognizer = RuleRecognizer::new(gazetteer);
        let doc = analyze(text);
        recognizer
            .recognize(&doc)
            .into_iter()
            .map(|s| (surface(&doc.tokens[s.tokens]), s.kind))
            .collect()
    }

    #[test]
    fn titles_and_modifiers_are_peeled() {
        use NerKind::*;
        assert_eq!(
            entities(
                "BEIJING U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang."
            ),
            [
                ("BEIJING".to_owned(), Loc),
                ("U.S.".to_owned(), Loc),
                ("Antony Blinken".to_owned(), Person),
                ("Chinese".to_owned(), Misc),
                ("Qin Gang".to_owned(), Person),
            ]
        );
    }

    #[test]
    fn suffixes_and_single_words() {
        use NerKind::*;
        let found = entities(
            "Xi met Microsoft Corp. co-founder Bill Gates.\nDespite that, President Xi Jinping spoke in Bali about the South China Sea. Gates left.",
        );
        assert_eq!(
            found,
            [
                ("Xi".to_owned(), Person),
                ("Microsoft Corp.".to_owned(), Org),
                ("Bill Gates".to_owned(), Person),
                ("Xi Jinping".to_owned(), Person),
                ("Bali".to_owned(), Loc),
                ("South China Sea".to_owned(), Loc),
                ("Gates".to_owned(), Person),
            ]
        );
    }
}
