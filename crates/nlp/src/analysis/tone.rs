//! Article tone from the VADER lexicon (MIT, Hutto & Gilbert 2014), scored
//! the way GDELT reports it: percent positive words minus percent negative.

use std::collections::HashMap;

use crate::text::Token;

const LEXICON: &str = include_str!("../../data/tone.tsv");

pub struct ToneLexicon {
    valence: HashMap<String, f32>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tone {
    pub tone: f64,
    pub positive: f64,
    pub negative: f64,
    /// Percent of words with any charge: positive plus negative.
    pub polarity: f64,
    pub word_count: u32,
}

impl ToneLexicon {
    pub fn bundled() -> Self {
        Self::parse(LEXICON)
    }

    /// Parses `word<TAB>valence` lines; malformed lines are skipped.
    pub fn parse(text: &str) -> Self {
        let valence = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|line| {
                let (word, value) = line.split_once('\t')?;
                Some((word.to_owned(), value.parse().ok()?))
            })
            .collect();
        Self { valence }
    }

    /// The VADER valence of a lowercase word (-4 to 4), if it has one.
    pub fn valence(&self, lower: &str) -> Option<f32> {
        self.valence.get(lower).copied()
    }

    pub fn score(&self, tokens: &[Token]) -> Tone {
        let mut words = 0u32;
        let mut positive = 0u32;
        let mut negative = 0u32;
        for token in tokens
            .iter()
            .filter(|t| t.text.chars().any(char::is_alphabetic))
        {
            words += 1;
            match self.valence.get(&token.lower) {
                Some(v) if *v > 0.0 => positive += 1,
                Some(v) if *v < 0.0 => negative += 1,
                _ => {}
            }
        }
        let percent = |n: u32| {
            if words == 0 {
                0.0
            } else {
                100.0 * f64::from(n) / f64::from(words)
            }
        };
        let round = |x: f64| (x * 1000.0).round() / 1000.0;
        Tone {
            tone: round(percent(positive) - percent(negative)),
            positive: round(percent(positive)),
            negative: round(percent(negative)),
            polarity: round(percent(positive + negative)),
            word_count: words,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn counts_positive_and_negative_words() {
        let lexicon = ToneLexicon::parse("good\t1.9\nbad\t-2.5\n");
        let tone = lexicon.score(&tokenize("good good bad day ."));
        assert_eq!(tone.word_count, 4);
        assert_eq!(tone.positive, 50.0);
        assert_eq!(tone.negative, 25.0);
        assert_eq!(tone.tone, 25.0);
        assert_eq!(tone.polarity, 75.0);
        assert!(ToneLexicon::bundled().valence.len() > 5000);
    }
}
