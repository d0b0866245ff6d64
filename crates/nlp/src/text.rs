//! Tokens with character offsets, and sentences.
//!
//! Offsets are in Unicode scalar values (chars) into the article body, as the
//! wire contract requires. Abbreviations ("U.S.", "Corp.") stay one token;
//! possessives ("China's") split off; a hyphen splits a word unless both
//! sides are lowercase ("co-founder" stays, "U.S.-China" splits).

use std::ops::Range;

/// One token of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub text: String,
    /// Lowercase form, for lexicon look-ups.
    pub lower: String,
    /// Char offsets `[start, end)`.
    pub start: u32,
    pub end: u32,
    /// A line break lies between this token and the previous one.
    pub newline_before: bool,
    /// A line break that ends what precedes it lies before it: a blank
    /// line, an indented line, or the end of a short line. Hard-wrapped wire
    /// copy breaks long lines inside sentences, and those breaks do not end
    /// one.
    pub paragraph_before: bool,
    /// Whitespace lies between this token and the previous one.
    pub space_before: bool,
}

impl Token {
    /// Starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Letters only, all uppercase, two or more ("CIA", "AUKUS").
    pub fn is_all_caps(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && self
                .text
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '&')
    }

    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }
}

/// The tokens as they read in the text: joined with a space where the
/// text had whitespace ("Microsoft Corp.", "U.S.-China").
pub fn surface(tokens: &[Token]) -> String {
    let mut out = String::new();
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 && token.space_before {
            out.push(' ');
        }
        out.push_str(&token.text);
    }
    out
}

/// A sentence: a range of tokens and its char span.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub tokens: Range<usize>,
    pub start: u32,
    pub end: u32,
}

/// A tokenised body.
#[derive(Debug, Clone)]
pub struct Doc {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Sentence index of each token.
    pub sentence_of: Vec<usize>,
}

impl Doc {
    /// Token `hyphen` is a "-" glued to the tokens on both sides, in one
    /// sentence ("Indo-Pacific", "U.S.-backed").
    pub fn hyphen_joins(&self, hyphen: usize) -> bool {
        let tokens = &self.tokens;
        hyphen > 0
            && hyphen + 1 < tokens.len()
            && tokens[hyphen].text == "-"
            && !tokens[hyphen].space_before
            && !tokens[hyphen + 1].space_before
            && self.sentence_of[hyphen] == self.sentence_of[hyphen + 1]
    }
}

/// Abbreviations that keep their final period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "adm", "capt",
    "maj", "cmdr", "st", "jr", "sr", "corp", "inc", "ltd", "co", "bros", "vs", "no", "mt", "ft",
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "rev", "gov", "pres",
    "sens", "reps", "govs", "gens", "messrs", "dept", "gov't",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// A line at least this long, ending without a blank line, was wrapped:
/// the sentence goes on at the next line.
const WRAPPED_LINE: usize = 50;

/// Is `text` hard-wrapped (wire copy broken into lines of similar length
/// inside paragraphs)? Then a single line break never ends a sentence.
fn hard_wrapped(text: &str) -> bool {
    let mut lines = text.split('\n').peekable();
    let (mut single, mut long) = (0, 0);
    while let Some(line) = lines.next() {
        let next_blank = lines.peek().is_none_or(|l| l.trim().is_empty());
        if line.trim().is_empty() || next_blank {
            continue;
        }
        single += 1;
        if line.chars().count() >= WRAPPED_LINE {
            long += 1;
        }
    }
    long >= 3 && long * 2 >= single
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let wire = hard_wrapped(text);
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut newline = false;
    let mut newlines = 0;
    let mut indented = false;
    let mut space = false;
    let mut line_start = 0;
    let mut wrapped = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            if c == '\n' {
                if newlines == 0 {
                    wrapped = wire || i - line_start >= WRAPPED_LINE;
                }
                newline = true;
                newlines += 1;
                indented = false;
                line_start = i + 1;
            } else if c == '\r' {
                newline = true;
            } else if newline {
                indented = true;
            }
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i += 1;
            loop {
                while i < chars.len() && (chars[i].is_alphanumeric()) {
                    i += 1;
                }
                // Inner period: "U.S", "3.5", "a.m"
                if i + 1 < chars.len()
                    && chars[i] == '.'
                    && chars[i + 1].is_alphanumeric()
                    && (chars[i - 1].is_uppercase() || chars[i - 1].is_ascii_digit())
                    && (i - start <= 2
                        || chars[start..i]
                            .iter()
                            .all(|c| c.is_ascii_digit() || *c == '.' || *c == ','))
                {
                    i += 1;
                    continue;
                }
                // Thousands separator in numbers: "1,000"
                if i + 1 < chars.len()
                    && chars[i] == ','
                    && chars[i - 1].is_ascii_digit()
                    && chars[i + 1].is_ascii_digit()
                {
                    i += 1;
                    continue;
                }
                // Hyphen between lowercase parts: "co-founder", "high-stakes"
                if i + 1 < chars.len()
                    && chars[i] == '-'
                    && chars[i + 1].is_lowercase()
                    && chars[start].is_lowercase()
                {
                    i += 1;
                    continue;
                }
                // Apostrophe inside a word, not a possessive: "O'Brien", "don't"
                if i + 1 < chars.len()
                    && is_apostrophe(chars[i])
                    && chars[i + 1].is_alphabetic()
                    && !(chars[i + 1] == 's'
                        && chars.get(i + 2).is_none_or(|c| !c.is_alphanumeric()))
                {
                    i += 1;
                    continue;
                }
                break;
            }
            // Final period of an abbreviation: "U.S." or "Corp."
            if i < chars.len() && chars[i] == '.' {
                let word: String = chars[start..i].iter().collect();
                let lower = word.to_lowercase();
                let dotted = word.contains('.') && word.chars().any(char::is_alphabetic);
                let single_initial =
                    word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if dotted || single_initial || ABBREVIATIONS.contains(&lower.as_str()) {
                    i += 1;
                }
            }
        } else if is_apostrophe(c)
            && i + 1 < chars.len()
            && chars[i + 1] == 's'
            && chars.get(i + 2).is_none_or(|c| !c.is_alphanumeric())
            && i > 0
            && chars[i - 1].is_alphanumeric()
        {
            i += 2; // possessive 's
        } else {
            i += 1;
        }
        let text: String = chars[start..i].iter().collect();
        tokens.push(Token {
            lower: text.to_lowercase(),
            text,
            start: start as u32,
            end: i as u32,
            newline_before: newline,
            paragraph_before: newline
                && (newlines >= 2
                    || indented
                    || tokens.is_empty()
                    || (!wrapped && !c.is_lowercase())),
            space_before: space,
        });
        newline = false;
        newlines = 0;
        indented = false;
        space = false;
    }
    tokens
}

fn ends_sentence(tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    let terminal = matches!(token.text.as_str(), "." | "!" | "?")
        || (token.text.ends_with('.') && token.text.len() > 1 && is_dotted_acronym(&token.text));
    if !terminal {
        return false;
    }
    match tokens.get(i + 1) {
        None => true,
        Some(next) => {
            if next.paragraph_before {
                return true;
            }
            // Closing quotes stay with the sentence they close; a straight
            // quote set apart before a word opens the next one ('lies.
            // "What we learned').
            if matches!(
                next.text.as_str(),
                "\u{201d}" | "\"" | "'" | "\u{2019}" | ")"
            ) && !opens_quote(tokens, i + 1)
            {
                return false;
            }
            let next_starts = next.is_capitalized()
                || next.text.starts_with(|c: char| c.is_ascii_digit())
                || matches!(next.text.as_str(), "\u{201c}" | "\"");
            if !next_starts {
                return false;
            }
            // "U.S. Secretary": a dotted acronym only ends a sentence before a
            // function word. Not before "And": wire copy capitalises the
            // word after "U.S." ("trade with the U.S. And Japan").
            if token.text.len() > 1 {
                return matches!(
                    next.lower.as_str(),
                    "the" | "a" | "he" | "she" | "it" | "they" | "but" | "in" | "on"
                );
            }
            true
        }
    }
}

/// A straight double quote with a space before it and none after, before
/// a capital: it opens a quotation.
fn opens_quote(tokens: &[Token], i: usize) -> bool {
    tokens[i].text == "\""
        && tokens[i].space_before
        && tokens
            .get(i + 1)
            .is_some_and(|n| !n.space_before && n.is_capitalized())
}

fn is_dotted_acronym(text: &str) -> bool {
    text.len() > 2 && text.chars().filter(|c| *c == '.').count() >= 2
}

/// Tokenises `text` and splits it into sentences (at terminal punctuation
/// before a capital, and at every line break).
pub fn analyze(text: &str) -> Doc {
    let tokens = tokenize(text);
    let mut sentences = Vec::new();
    let mut begin = 0;
    for i in 0..tokens.len() {
        let closes_quote = i > begin
            && matches!(tokens[i].text.as_str(), "\u{201d}" | "\"")
            && !opens_quote(&tokens, i)
            && matches!(tokens[i - 1].text.as_str(), "." | "!" | "?")
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.is_capitalized() || n.paragraph_before);
        let breaks_line = tokens.get(i + 1).is_some_and(|n| n.paragraph_before);
        if ends_sentence(&tokens, i) || closes_quote || breaks_line || i + 1 == tokens.len() {
            sentences.push(Sentence {
                tokens: begin..i + 1,
                start: tokens[begin].start,
                end: tokens[i].end,
            });
            begin = i + 1;
        }
    }
    let mut sentence_of = vec![0; tokens.len()];
    for (s, sentence) in sentences.iter().enumerate() {
        for slot in &mut sentence_of[sentence.tokens.clone()] {
            *slot = s;
        }
    }
    Doc {
        tokens,
        sentences,
        sentence_of,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn abbreviations_and_possessives() {
        assert_eq!(
            texts("U.S. Secretary Blinken’s trip to Microsoft Corp. ended."),
            [
                "U.S.",
                "Secretary",
                "Blinken",
                "’s",
                "trip",
                "to",
                "Microsoft",
                "Corp.",
                "ended",
                "."
            ]
        );
        assert_eq!(
            texts("U.S.-China tensions"),
            ["U.S.", "-", "China", "tensions"]
        );
        assert_eq!(texts("co-founder Bill"), ["co-founder", "Bill"]);
        assert_eq!(
            texts("China-linked hackers"),
            ["China", "-", "linked", "hackers"]
        );
        assert_eq!(
            texts("1,000 people, 3.5%"),
            ["1,000", "people", ",", "3.5", "%"]
        );
    }

    #[test]
    fn offsets_are_chars() {
        let tokens = tokenize("“Xi” met Gates");
        assert_eq!(tokens[1].text, "Xi");
        assert_eq!((tokens[1].start, tokens[1].end), (1, 3));
        assert_eq!((tokens[4].start, tokens[4].end), (9, 14));
    }

    #[test]
    fn wrapped_lines_do_not_end_sentences() {
        let text = "U.S. Undersecretary of State for Economic Affairs of the\nUnited States Allen Wallis said he had urged Japan to do more.\n    He left.";
        let doc = analyze(text);
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.tokens[doc.sentences[1].tokens.start].text, "He");
    }

    #[test]
    fn sentences_split_at_terminals_and_lines() {
        let doc = analyze("U.S. Secretary Blinken met Qin. He left.\nNew paragraph here");
        let spans: Vec<(u32, u32)> = doc.sentences.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(spans, [(0, 31), (32, 40), (41, 59)]);
    }

    #[test]
    fn a_quotation_opening_after_a_full_stop_starts_the_next_sentence() {
        let doc =
            analyze("He attacked the lies. \"What we learned is fear,\" he said. \"Next.\" Done.");
        let firsts: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| doc.tokens[s.tokens.start].text.as_str())
            .collect();
        assert_eq!(firsts, ["He", "\"", "\"", "Done"]);
    }
}
