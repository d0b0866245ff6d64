//! CoNLL-2003 files (token, POS, chunk, tag; IOB1 or IOB2) and span scores
//! as conlleval computes them.

use std::fmt::Write as _;

use tidings_nlp::tagger::{TYPES, Tag, spans};

/// One sentence: its tokens, gold tags (IOB2) and the original lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub gold: Vec<Tag>,
    pub lines: Vec<String>,
}

/// Sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The `-DOCSTART-` line that opened it, if any.
    pub header: Option<String>,
    pub sentences: Vec<Sentence>,
}

impl Document {
    pub fn tokens(&self) -> Vec<Vec<&str>> {
        self.sentences
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect()
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConllError {
    #[error("line {line}: expected `token ... tag`, found {text:?}")]
    Columns { line: usize, text: String },
    #[error("line {line}: unknown tag {tag:?}")]
    Tag { line: usize, tag: String },
}

/// Rewrites tags as IOB2 (every chunk starts with B-).
pub fn to_iob2(tags: &[Tag]) -> Vec<Tag> {
    let mut out = vec![Tag::O; tags.len()];
    for (start, end, kind) in spans(tags) {
        out[start] = Tag::begin(kind);
        for tag in &mut out[start + 1..end] {
            *tag = Tag::inside(kind);
        }
    }
    out
}

/// Parses a CoNLL file; tags are converted to IOB2.
pub fn parse(text: &str) -> Result<Vec<Document>, ConllError> {
    let mut docs: Vec<Document> = Vec::new();
    let mut sentence = Sentence::default();
    let flush = |docs: &mut Vec<Document>, sentence: &mut Sentence| {
        if sentence.tokens.is_empty() {
            return;
        }
        sentence.gold = to_iob2(&sentence.gold);
        if docs.is_empty() {
            docs.push(Document::default());
        }
        if let Some(doc) = docs.last_mut() {
            doc.sentences.push(std::mem::take(sentence));
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut docs, &mut sentence);
            continue;
        }
        let columns: Vec<&str> = line.split_whitespace().collect();
        if columns[0] == "-DOCSTART-" {
            flush(&mut docs, &mut sentence);
            docs.push(Document {
                header: Some(line.to_owned()),
                sentences: Vec::new(),
            });
            continue;
        }
        if columns.len() < 2 {
            return Err(ConllError::Columns {
                line: n + 1,
                text: line.to_owned(),
            });
        }
        let raw = columns[columns.len() - 1];
        let tag = Tag::parse(raw).ok_or_else(|| ConllError::Tag {
            line: n + 1,
            tag: raw.to_owned(),
        })?;
        sentence.tokens.push(columns[0].to_owned());
        sentence.gold.push(tag);
        sentence.lines.push(line.to_owned());
    }
    flush(&mut docs, &mut sentence);
    Ok(docs)
}

/// Writes the documents back with each token's predicted tag appended as a
/// further column; `predicted[d][s]` are sentence s of document d's tags.
pub fn write_predictions(docs: &[Document], predicted: &[Vec<Vec<Tag>>]) -> String {
    let mut out = String::new();
    for (doc, tags) in docs.iter().zip(predicted) {
        if let Some(header) = &doc.header {
            let _ = writeln!(out, "{header} O\n");
        }
        for (sentence, tags) in doc.sentences.iter().zip(tags) {
            for (line, tag) in sentence.lines.iter().zip(tags) {
                let _ = writeln!(out, "{line} {tag}");
            }
            out.push('\n');
        }
    }
    out
}

/// Exact-span counts per type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub true_positives: [usize; TYPES.len()],
    pub predicted: [usize; TYPES.len()],
    pub gold: [usize; TYPES.len()],
}

/// Precision, recall and F1 of counts (0 where undefined).
pub fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = if predicted == 0 {
        0.0
    } else {
        tp as f64 / predicted as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl Scores {
    pub fn add(&mut self, gold: &[Tag], predicted: &[Tag]) {
        let gold_spans = spans(gold);
        let predicted_spans = spans(predicted);
        for &(_, _, kind) in &gold_spans {
            self.gold[kind] += 1;
        }
        for span in &predicted_spans {
            self.predicted[span.2] += 1;
            if gold_spans.contains(span) {
                self.true_positives[span.2] += 1;
            }
        }
    }

    /// Overall (precision, recall, F1).
    pub fn overall(&self) -> (f64, f64, f64) {
        prf(
            self.true_positives.iter().sum(),
            self.predicted.iter().sum(),
            self.gold.iter().sum(),
        )
    }

    /// One line per type: `TYPE precision=… recall=… f1=… gold=N predicted=N`.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for (t, name) in TYPES.iter().enumerate() {
            let (p, r, f) = prf(self.true_positives[t], self.predicted[t], self.gold[t]);
            let _ = writeln!(
                out,
                "{name:<4} precision={p:.4} recall={r:.4} f1={f:.4} gold={} predicted={}",
                self.gold[t], self.predicted[t]
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nB-Smith NNP I-NP B-PER\n";

    #[test]
    fn parses_iob1_into_iob2() {
        let docs = parse(SAMPLE).expect("parses");
        assert_eq!(docs.len(), 1);
        let s = &docs[0].sentences;
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, ["EU", "rejects", "German"]);
        assert_eq!(s[0].gold, [Tag::begin(1), Tag::O, Tag::begin(3)]);
        assert_eq!(s[1].gold, [Tag::begin(0), Tag::inside(0), Tag::begin(0)]);
    }

    #[test]
    fn bad_lines_are_reported() {
        assert_eq!(
            parse("EU NNP I-NP I-FOO\n"),
            Err(ConllError::Tag {
                line: 1,
                tag: "I-FOO".into()
            })
        );
        assert!(matches!(
            parse("lonely\n"),
            Err(ConllError::Columns { line: 1, .. })
        ));
    }

    #[test]
    fn scores_exact_spans() {
        let mut scores = Scores::default();
        let gold = [Tag::begin(0), Tag::inside(0), Tag::O, Tag::begin(2)];
        let predicted = [Tag::begin(0), Tag::O, Tag::O, Tag::begin(2)];
        scores.add(&gold, &predicted);
        assert_eq!(scores.true_positives, [0, 0, 1, 0]);
        let (p, r, f) = scores.overall();
        assert_eq!((p, r, f), (0.5, 0.5, 0.5));
    }

    #[test]
    fn predictions_append_a_column() {
        let docs = parse(SAMPLE).expect("parses");
        let tags: Vec<Vec<Tag>> = docs[0].sentences.iter().map(|s| s.gold.clone()).collect();
        let out = write_predictions(&docs, &[tags]);
        assert!(out.starts_with("-DOCSTART- -X- O O O\n\nEU NNP I-NP I-ORG B-ORG\n"));
        assert!(out.contains("B-Smith NNP I-NP B-PER B-PER\n"));
    }
}
