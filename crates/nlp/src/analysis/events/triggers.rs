//! Event triggers: verb forms and nominal triggers with their CAMEO codes,
//! and the patterns that refine a code by the words around the trigger.
//!
//! Two files feed it, both compiled in: `data/triggers.tsv` (the project's
//! own, hand-made, consulted first) and `data/verbs.tsv` (converted from the
//! PETRARCH2 CAMEO verb dictionary by `scripts/gen_verbs.py`, MIT).

use std::collections::{HashMap, HashSet};

const OWN: &str = include_str!("../../../data/triggers.tsv");
const DICTIONARY: &str = include_str!("../../../data/verbs.tsv");

/// What a trigger codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Code {
    /// Nothing by itself (a pattern may still code it).
    None,
    /// This CAMEO code, from the subject to the object.
    Forward(String),
    /// This CAMEO code with the roles reversed: the object acts on the
    /// subject ("X faced calls from Y").
    Reverse(String),
}

impl Code {
    fn parse(text: &str) -> Self {
        match text.trim() {
            "" | "---" => Code::None,
            code => match code.strip_prefix('~') {
                Some(reverse) => Code::Reverse(reverse.to_owned()),
                None => Code::Forward(code.to_owned()),
            },
        }
    }
}

/// A word sequence (lowercase) with its lemma and code.
#[derive(Debug, Clone)]
struct Form {
    words: Vec<String>,
    lemma: String,
    code: Code,
    /// Prepositions that introduce a nominal trigger's target.
    prepositions: Vec<String>,
}

/// A pattern element: alternatives, each one or more words.
type Element = Vec<Vec<String>>;

#[derive(Debug, Clone)]
struct Pattern {
    before: Vec<Element>,
    after: Vec<Element>,
    code: Code,
}

/// A trigger found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    /// Token range of the trigger words.
    pub start: usize,
    pub end: usize,
    pub lemma: String,
    pub code: Code,
    /// A noun ("talks", "a visit"), not a verb.
    pub nominal: bool,
    pub prepositions: Vec<String>,
}

/// Verb and nominal triggers and their patterns.
pub struct Triggers {
    verbs: HashMap<String, Vec<Form>>,
    nouns: HashMap<String, Vec<Form>>,
    patterns: HashMap<String, Vec<Pattern>>,
    /// Dictionary blocks in use (`D` lines of the own file).
    allowed: HashSet<String>,
}

/// Words that carry no content in a pattern: a pattern of nothing else
/// would fire on any prepositional phrase.
const FUNCTION_WORDS: &[&str] = &[
    "with", "at", "in", "on", "by", "for", "to", "from", "of", "against", "into", "over", "under",
    "about", "as", "the", "a", "an", "and", "or", "up", "down", "out", "off",
];

fn elements(text: &str) -> Vec<Element> {
    text.split_whitespace()
        .map(|element| {
            element
                .split('|')
                .filter(|a| !a.is_empty())
                .map(|alternative| alternative.split('_').map(str::to_owned).collect())
                .collect()
        })
        .filter(|e: &Element| !e.is_empty())
        .collect()
}

fn has_content(elements: &[Element]) -> bool {
    elements.iter().any(|element| {
        element
            .iter()
            .any(|alt| alt.iter().any(|w| !FUNCTION_WORDS.contains(&w.as_str())))
    })
}

impl Triggers {
    /// The bundled trigger files.
    pub fn bundled() -> Self {
        let mut triggers = Self {
            verbs: HashMap::new(),
            nouns: HashMap::new(),
            patterns: HashMap::new(),
            allowed: OWN
                .lines()
                .filter_map(|l| l.strip_prefix("D\t"))
                .map(str::to_owned)
                .collect(),
        };
        triggers.load(OWN, true);
        triggers.load(DICTIONARY, false);
        for forms in triggers
            .verbs
            .values_mut()
            .chain(triggers.nouns.values_mut())
        {
            // Longest forms first: "met with" before "met".
            forms.sort_by_key(|form| std::cmp::Reverse(form.words.len()));
        }
        triggers
    }

    fn load(&mut self, text: &str, own: bool) {
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            let lemma = fields.get(if fields[0] == "P" { 1 } else { 2 }).copied();
            if !own && !lemma.is_some_and(|l| self.allowed.contains(l)) {
                continue;
            }
            // Statements (CAMEO 01x) are not coded: a comment is not an event.
            if fields
                .iter()
                .any(|f| f.starts_with("01") || f.starts_with("~01"))
            {
                continue;
            }
            match fields.as_slice() {
                ["V", form, lemma, code] if own && !form.contains(' ') => {
                    // The project's own single-word verbs come with their
                    // regular inflections; irregular forms are listed.
                    for inflected in inflections(form) {
                        self.add_verb(vec![inflected], lemma, code);
                    }
                }
                ["V", form, lemma, code] | ["N", form, lemma, code, ..] => {
                    let words: Vec<String> =
                        form.split_whitespace().map(str::to_lowercase).collect();
                    let Some(first) = words.first().cloned() else {
                        continue;
                    };
                    let nominal = fields[0] == "N";
                    let table = if nominal {
                        &mut self.nouns
                    } else {
                        &mut self.verbs
                    };
                    let forms = table.entry(first).or_default();
                    // The project's own entry for a form wins over the dictionary's.
                    if !own && forms.iter().any(|f| f.words == words) {
                        continue;
                    }
                    forms.push(Form {
                        words,
                        lemma: (*lemma).to_owned(),
                        code: Code::parse(code),
                        prepositions: fields
                            .get(4)
                            .map(|p| p.split('|').map(str::to_owned).collect())
                            .unwrap_or_default(),
                    });
                }
                ["P", lemma, before, after, code] => {
                    let (before, after) = (elements(before), elements(after));
                    if !own && !has_content(&before) && !has_content(&after) {
                        continue;
                    }
                    self.patterns
                        .entry((*lemma).to_owned())
                        .or_default()
                        .push(Pattern {
                            before,
                            after,
                            code: Code::parse(code),
                        });
                }
                _ => {}
            }
        }
    }

    fn add_verb(&mut self, words: Vec<String>, lemma: &str, code: &str) {
        let Some(first) = words.first().cloned() else {
            return;
        };
        let forms = self.verbs.entry(first).or_default();
        // The first entry for a form wins: listed forms before generated ones.
        if forms.iter().any(|f| f.words == words) {
            return;
        }
        forms.push(Form {
            words,
            lemma: lemma.to_owned(),
            code: Code::parse(code),
            prepositions: Vec::new(),
        });
    }

    fn matching<'a>(forms: Option<&'a Vec<Form>>, words: &[&str], at: usize) -> Option<&'a Form> {
        forms?.iter().find(|form| {
            form.words.len() <= words.len() - at
                && form.words.iter().zip(&words[at..]).all(|(a, b)| a == b)
        })
    }

    /// The verb trigger starting at token `at` of `words` (a sentence,
    /// lowercase), longest form first.
    pub fn verb_at(&self, words: &[&str], at: usize) -> Option<Trigger> {
        let form = Self::matching(self.verbs.get(words[at]), words, at)?;
        Some(Trigger {
            start: at,
            end: at + form.words.len(),
            lemma: form.lemma.clone(),
            code: form.code.clone(),
            nominal: false,
            prepositions: Vec::new(),
        })
    }

    /// The nominal trigger starting at token `at`.
    pub fn noun_at(&self, words: &[&str], at: usize) -> Option<Trigger> {
        let form = Self::matching(self.nouns.get(words[at]), words, at)?;
        Some(Trigger {
            start: at,
            end: at + form.words.len(),
            lemma: form.lemma.clone(),
            code: form.code.clone(),
            nominal: true,
            prepositions: form.prepositions.clone(),
        })
    }

    /// The code of `trigger` in its clause: the first pattern of its lemma
    /// (the project's own first, then the dictionary's, most elements first)
    /// whose words stand before and after it within `before` and `after`
    /// (lowercase words of the clause on each side), else its own code.
    pub fn code(&self, trigger: &Trigger, before: &[&str], after: &[&str]) -> Code {
        let Some(patterns) = self.patterns.get(&trigger.lemma) else {
            return trigger.code.clone();
        };
        // The distance: how far after the trigger its words end ("rejected
        // a suggestion ... negotiations" is about the suggestion).
        let best = best_pattern(patterns, |pattern| {
            let reach = in_order(&pattern.after, after)?;
            in_order(&pattern.before, before)?;
            Some(reach)
        });
        match best {
            Some(pattern) => pattern.code.clone(),
            None => trigger.code.clone(),
        }
    }

    /// The code of a passive `trigger` by the patterns whose words stand in
    /// its subject (`subject`: the lowercase words of its clause before it):
    /// "the EU's move was welcomed by Beijing" as "welcomed the move". Only
    /// patterns that need nothing before the trigger. `None` where none
    /// match.
    pub fn passive_code(&self, trigger: &Trigger, subject: &[&str]) -> Option<Code> {
        // The distance: how far before the trigger its words end.
        let best = best_pattern(self.patterns.get(&trigger.lemma)?, |pattern| {
            if !pattern.before.is_empty() || pattern.after.is_empty() {
                return None;
            }
            in_order(&pattern.after, subject).map(|reach| subject.len() - reach)
        });
        best.map(|pattern| pattern.code.clone())
    }
}

/// Of the patterns `distance` matches, the one with the most elements;
/// among equals, the least distance from the trigger; then file order.
fn best_pattern(
    patterns: &[Pattern],
    distance: impl Fn(&Pattern) -> Option<usize>,
) -> Option<&Pattern> {
    let mut best: Option<(usize, usize, &Pattern)> = None;
    for pattern in patterns {
        let Some(distance) = distance(pattern) else {
            continue;
        };
        let size = pattern.before.len() + pattern.after.len();
        if best.is_none_or(|(top, nearest, _)| size > top || (size == top && distance < nearest)) {
            best = Some((size, distance, pattern));
        }
    }
    best.map(|(_, _, pattern)| pattern)
}

/// A verb and its regular forms: third person, past, gerund ("press",
/// "presses", "pressed", "pressing").
fn inflections(base: &str) -> Vec<String> {
    let base = base.to_lowercase();
    let mut forms = vec![base.clone()];
    let consonant_y =
        base.ends_with('y') && !base[..base.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh") {
        forms.push(format!("{base}es"));
    } else if consonant_y {
        forms.push(format!("{}ies", &base[..base.len() - 1]));
    } else {
        forms.push(format!("{base}s"));
    }
    if base.ends_with('e') {
        forms.push(format!("{base}d"));
        forms.push(format!("{}ing", &base[..base.len() - 1]));
    } else if consonant_y {
        forms.push(format!("{}ied", &base[..base.len() - 1]));
        forms.push(format!("{base}ing"));
    } else {
        forms.push(format!("{base}ed"));
        forms.push(format!("{base}ing"));
    }
    forms
}

/// Does `element` match at `words[at..]`? Returns the words it covers.
fn element_at(element: &Element, words: &[&str], at: usize) -> Option<usize> {
    element.iter().find_map(|alternative| {
        let fits = alternative.len() <= words.len().saturating_sub(at)
            && alternative.iter().zip(&words[at..]).all(|(a, b)| a == b);
        fits.then_some(alternative.len())
    })
}

/// Where the elements, appearing in `words` in order (gaps allowed), end;
/// `None` when they do not all appear.
fn in_order(elements: &[Element], words: &[&str]) -> Option<usize> {
    let mut at = 0;
    for element in elements {
        at = (at..words.len()).find_map(|i| element_at(element, words, i).map(|n| i + n))?;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        text.split(' ').collect()
    }

    #[test]
    fn longest_forms_first_and_own_entries_win() {
        let triggers = Triggers::bundled();
        let sentence = words("blinken met with qin");
        let met = triggers.verb_at(&sentence, 1).expect("met is a trigger");
        assert_eq!((met.start, met.end), (1, 3));
        assert_eq!(met.code, Code::Forward("040".into()));
        let urged = triggers
            .verb_at(&words("qin urged the us"), 1)
            .expect("urged");
        assert_eq!(urged.code, Code::Forward("020".into()));
        // From the PETRARCH2 dictionary only.
        let deplored = triggers
            .verb_at(&words("they deplored it"), 1)
            .expect("deplored");
        assert_eq!(deplored.code, Code::Forward("111".into()));
    }

    #[test]
    fn own_verbs_come_with_their_inflections() {
        assert_eq!(
            inflections("press"),
            ["press", "presses", "pressed", "pressing"]
        );
        assert_eq!(inflections("urge"), ["urge", "urges", "urged", "urging"]);
        assert_eq!(inflections("deny"), ["deny", "denies", "denied", "denying"]);
        let triggers = Triggers::bundled();
        let pressing = triggers
            .verb_at(&words("the us was pressing canada"), 3)
            .expect("pressing");
        assert_eq!(pressing.code, Code::Forward("020".into()));
    }

    #[test]
    fn patterns_refine_the_code() {
        let triggers = Triggers::bundled();
        let sentence = words("china rejected a request from austin for a meeting");
        let rejected = triggers.verb_at(&sentence, 1).expect("rejected");
        assert_eq!(
            triggers.code(&rejected, &sentence[..1], &sentence[2..]),
            Code::Forward("125".into())
        );
        let signed = triggers
            .verb_at(&words("they signed a deal"), 1)
            .expect("signed");
        let sentence = words("they signed a deal");
        assert_eq!(
            triggers.code(&signed, &sentence[..1], &sentence[2..]),
            Code::Forward("057".into())
        );
        assert_eq!(triggers.code(&signed, &[], &words("the book")), Code::None);
    }

    #[test]
    fn nominal_triggers_carry_their_prepositions() {
        let triggers = Triggers::bundled();
        let talks = triggers
            .noun_at(&words("additional talks with qin"), 1)
            .expect("talks");
        assert!(talks.nominal);
        assert_eq!(talks.prepositions, ["with", "between"]);
    }
}
