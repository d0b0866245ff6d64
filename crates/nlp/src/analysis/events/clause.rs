//! What the words around a trigger say about it, without a parser: whether
//! the sentence asserts it, intends it, denies it or only supposes it;
//! whether it is passive; and where its clause begins and ends.

/// How a sentence holds an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    /// It happened (or happens).
    Asserted,
    /// It is planned, hoped for, promised: "will meet", "plans to visit".
    Intended,
    /// "did not meet", "refused to condemn", "neither ... nor".
    Negated,
    /// "could", "might", "if", questions: nothing is coded.
    Supposed,
}

/// Words that make the next infinitive an intention ("plans to visit").
const INTENT_BEFORE_TO: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "intend",
    "intends",
    "intended",
    "expected",
    "expects",
    "expect",
    "want",
    "wants",
    "wanted",
    "aim",
    "aims",
    "aimed",
    "seek",
    "seeks",
    "sought",
    "agreed",
    "agree",
    "agrees",
    "decided",
    "decide",
    "promised",
    "promise",
    "promising",
    "vowed",
    "vow",
    "pledged",
    "pledge",
    "set",
    "due",
    "going",
    "ready",
    "willing",
    "likely",
    "scheduled",
    "offered",
    "offer",
    "is",
    "are",
    "wish",
    "wishes",
    "eager",
    "keen",
    "prepared",
    "preparing",
];

/// Modal verbs and auxiliaries of the future.
const FUTURE: &[&str] = &["will", "'ll", "\u{2019}ll", "shall", "would", "wo"];

/// Modals that only suppose.
const SUPPOSING: &[&str] = &["could", "might", "may", "can", "cannot", "must", "should"];

/// Words that deny what follows.
const NEGATION: &[&str] = &[
    "not",
    "n't",
    "n\u{2019}t",
    "never",
    "no",
    "neither",
    "nor",
    "without",
];

/// Verbs whose infinitive complement did not happen ("refused to meet").
const REFUSAL: &[&str] = &[
    "refused",
    "refuses",
    "refuse",
    "declined",
    "declines",
    "decline",
    "failed",
    "fails",
    "fail",
    "rejected",
    "ruled",
    "refusal",
    "failure",
    "reluctance",
    "unwilling",
    "unable",
];

/// Words that end a clause for the search of a trigger's actors.
pub fn is_boundary(word: &str) -> bool {
    matches!(word, ";" | ":" | "." | "?" | "!" | "\u{2014}" | "--")
}

/// Quotes and semicolons: where a date or a modal stops applying.
pub fn is_segment_boundary(word: &str) -> bool {
    is_boundary(word) || matches!(word, "\u{201c}" | "\u{201d}" | "\"" | "(" | ")" | "but")
}

/// A sentence that asks.
pub fn is_question(words: &[&str]) -> bool {
    words
        .iter()
        .rev()
        .find(|w| !matches!(**w, "\u{201d}" | "\"" | "'"))
        == Some(&"?")
}

/// Whether the verb at `at` is in the present tense of a "when" clause
/// ("the problems that remain when it talks with Congress"): a habit, no
/// event ("when they held talks" was one).
pub fn habitual(words: &[&str], at: usize) -> bool {
    let verb = words[at];
    let present =
        verb.len() > 3 && verb.ends_with('s') && !verb.ends_with("ss") && !verb.ends_with("us");
    // "Turkey, which occupies northern Cyprus", "Baker respects Volcker",
    // "Diane Abbot, who backs the proposal": a state or a stance told in
    // the present is no event.
    let stance = matches!(verb, "occupies" | "respects" | "admires" | "trusts")
        || (at > 0
            && matches!(words[at - 1], "who" | "which")
            && matches!(
                verb,
                "backs" | "supports" | "opposes" | "favours" | "favors" | "controls"
            ));
    present
        && (stance
            || words[..at]
                .iter()
                .rev()
                .take_while(|w| !is_segment_boundary(w))
                .any(|w| *w == "when"))
}

/// The modality of the trigger at `at` in `words` (a sentence, lowercase).
pub fn modality(words: &[&str], at: usize) -> Modality {
    let mut start = at;
    while start > 0 && !is_segment_boundary(words[start - 1]) && at - start < 8 {
        start -= 1;
    }
    let window = &words[start..at];
    // A condition anywhere earlier in the segment.
    if words[..at]
        .iter()
        .rev()
        .take_while(|w| !is_segment_boundary(w))
        .any(|w| matches!(*w, "if" | "unless" | "whether"))
    {
        return Modality::Supposed;
    }
    // "whenever discussions concerned managing ...": what is done whenever
    // it is done is a habit, no event.
    if words[..at]
        .iter()
        .rev()
        .take_while(|w| !is_segment_boundary(w))
        .any(|w| *w == "whenever")
    {
        return Modality::Supposed;
    }
    let near = &window[window.len().saturating_sub(4)..];
    // "more interested in keeping their own skirts clean than supporting
    // the president": what is compared with is not done.
    if window.last() == Some(&"than") {
        return Modality::Negated;
    }
    if near.iter().any(|w| NEGATION.contains(w)) {
        return Modality::Negated;
    }
    // "denied accusing Germany".
    if words[at].ends_with("ing")
        && window
            .last()
            .is_some_and(|w| matches!(*w, "denied" | "denies" | "deny" | "denying"))
    {
        return Modality::Negated;
    }
    if window
        .windows(2)
        .any(|p| REFUSAL.contains(&p[0]) && p[1] == "to")
    {
        return Modality::Negated;
    }
    // "denied a report claiming he warned Michael Howard": what a denied
    // report says is not asserted.
    let denial = |w: &str| matches!(w, "denied" | "denies" | "deny" | "denying" | "dismissed");
    let report = |w: &str| {
        matches!(
            w,
            "report"
                | "reports"
                | "claim"
                | "claims"
                | "suggestion"
                | "suggestions"
                | "allegation"
                | "allegations"
                | "speculation"
                | "rumours"
                | "rumors"
        )
    };
    if window
        .iter()
        .enumerate()
        .any(|(i, w)| denial(w) && window[i + 1..].iter().take(3).any(|w| report(w)))
    {
        return Modality::Negated;
    }
    if near.iter().any(|w| SUPPOSING.contains(w)) {
        return Modality::Supposed;
    }
    // An infinitive ("plans to visit", "pressed the Chinese to release"):
    // intended after a word of intent, otherwise only wanted by someone.
    // Adverbs, and a light or aspectual verb before a noun trigger ("keen to
    // continue talking", "agreed to hold talks"), stand between.
    let mut k = at;
    while k > start
        && (words[k - 1].ends_with("ly")
            || matches!(
                words[k - 1],
                "continue"
                    | "begin"
                    | "start"
                    | "resume"
                    | "hold"
                    | "have"
                    | "open"
                    | "make"
                    | "join"
                    | "attend"
                    | "take"
                    | "part"
            )
            // "due to take part in talks"
            || (words[k - 1] == "in" && k >= 2 && words[k - 2] == "part")
            // "the contract, to be signed by PDVSA": a passive infinitive.
            || (words[k - 1] == "be" && k >= 2 && words[k - 2] == "to"))
    {
        k -= 1;
    }
    // "will ask Japan to offer a share of its rice market": what an
    // appeal asks of its addressee is only wanted, whatever the tense of
    // the asking.
    let asked = |w: &str| {
        matches!(
            w,
            "ask"
                | "asks"
                | "asked"
                | "asking"
                | "urge"
                | "urges"
                | "urged"
                | "urging"
                | "press"
                | "presses"
                | "pressed"
                | "pressing"
                | "persuade"
                | "persuaded"
        )
    };
    if k > start + 1 && words[k - 1] == "to" && words[start..k - 1].iter().any(|w| asked(w)) {
        return Modality::Supposed;
    }
    if near.iter().any(|w| FUTURE.contains(w)) {
        return Modality::Intended;
    }
    // "Funaro will extend his international tour, flying to Japan for
    // talks": a participle after a comma goes with the future it follows.
    if words[at].ends_with("ing")
        && at > start
        && words[at - 1] == ","
        && window.iter().any(|w| FUTURE.contains(w))
    {
        return Modality::Intended;
    }
    if k > start && words[k - 1] == "to" {
        let intent = k >= 2 && INTENT_BEFORE_TO.contains(&words[k - 2]);
        return if intent {
            Modality::Intended
        } else {
            Modality::Supposed
        };
    }
    // "promising to sign an accord effectively recognising the Greek
    // Cypriot government": a participle after an infinitive and its object
    // says what that object would do, and holds as the infinitive does.
    if words[at].ends_with("ing")
        && let Some(to) = (start..at.saturating_sub(2))
            .rev()
            .find(|&p| words[p] == "to")
        && at - to <= 5
        && words[to + 1].chars().all(|c| c.is_ascii_lowercase())
        && !matches!(
            words[to + 1],
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that"
        )
        && words[to + 1..at]
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
        // A verb and its object, not "diverted to contra rebels fighting".
        && matches!(
            words[to + 2],
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "him" | "them" | "this" | "that"
        )
    {
        let intent = to >= 1 && INTENT_BEFORE_TO.contains(&words[to - 1]);
        return if intent {
            Modality::Intended
        } else {
            Modality::Supposed
        };
    }
    // "hopes that ... will meet": the modal may stand a little further back.
    if window
        .iter()
        .any(|w| matches!(*w, "hopes" | "hope" | "hoped" | "expects" | "expected"))
    {
        return Modality::Intended;
    }
    Modality::Asserted
}

/// A passive trigger: a form of "be" (or "get") just before it, adverbs
/// allowed between ("was swiftly rejected").
pub fn is_passive(words: &[&str], at: usize) -> bool {
    let form = words[at];
    let participle = form.ends_with("ed")
        || matches!(
            form,
            "met"
                | "held"
                | "shot"
                | "hit"
                | "struck"
                | "seen"
                | "given"
                | "taken"
                | "beaten"
                | "fought"
                | "sought"
                | "caught"
                | "brought"
                | "thrown"
                | "overthrown"
        );
    if !participle {
        return false;
    }
    words[..at]
        .iter()
        .rev()
        .take(3)
        .find(|w| !w.ends_with("ly"))
        .is_some_and(|w| {
            matches!(
                *w,
                "was" | "were" | "been" | "be" | "is" | "are" | "being" | "got" | "get" | "gets"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, word: &str) -> (Vec<String>, usize) {
        let words: Vec<String> = text.split(' ').map(str::to_owned).collect();
        let i = words.iter().position(|w| w == word).expect("word in text");
        (words, i)
    }

    fn modality_of(text: &str, word: &str) -> Modality {
        let (words, i) = at(text, word);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        modality(&words, i)
    }

    #[test]
    fn a_participle_after_a_comma_goes_with_the_future_it_follows() {
        assert_eq!(
            modality_of(
                "funaro will extend his international tour , flying to japan for talks",
                "flying"
            ),
            Modality::Intended
        );
        // Not a past clause's.
        assert_eq!(
            modality_of("funaro extended his tour , flying to japan", "flying"),
            Modality::Asserted
        );
    }

    #[test]
    fn a_participle_after_an_infinitives_object_holds_as_the_infinitive() {
        assert_eq!(
            modality_of(
                "turkey must issue a statement promising to sign an accord effectively recognising the government",
                "recognising"
            ),
            Modality::Intended
        );
        assert_eq!(
            modality_of(
                "he was detained to prevent him from fighting against the us",
                "fighting"
            ),
            Modality::Supposed
        );
        // "to" before a noun is no infinitive.
        assert_eq!(
            modality_of(
                "profits were diverted to contra rebels fighting the government",
                "fighting"
            ),
            Modality::Asserted
        );
    }

    #[test]
    fn a_passive_infinitive_is_no_act_done() {
        assert_eq!(
            modality_of(
                "the contract , to be signed by pdvsa and champlin",
                "signed"
            ),
            Modality::Supposed
        );
        assert_eq!(
            modality_of("the accord is expected to be signed by both", "signed"),
            Modality::Intended
        );
        assert_eq!(
            modality_of("the accord was signed by both", "signed"),
            Modality::Asserted
        );
    }

    #[test]
    fn intentions_negations_and_suppositions() {
        assert_eq!(
            modality_of("the community was keen to continue talking", "talking"),
            Modality::Intended
        );
        assert_eq!(modality_of("blinken met qin", "met"), Modality::Asserted);
        assert_eq!(
            modality_of("he will have talks with qin", "talks"),
            Modality::Intended
        );
        assert_eq!(
            modality_of("biden plans to visit china", "visit"),
            Modality::Intended
        );
        assert_eq!(
            modality_of("biden hopes to meet xi", "meet"),
            Modality::Intended
        );
        assert_eq!(modality_of("they did not meet", "meet"), Modality::Negated);
        assert_eq!(
            modality_of("china refused to condemn russia", "condemn"),
            Modality::Negated
        );
        assert_eq!(
            modality_of("neither blinken nor qin met", "met"),
            Modality::Negated
        );
        assert_eq!(modality_of("they could meet", "meet"), Modality::Supposed);
        assert_eq!(
            modality_of("if china attacks taiwan", "attacks"),
            Modality::Supposed
        );
    }

    #[test]
    fn what_an_appeal_asks_is_only_wanted_whatever_the_tense() {
        assert_eq!(
            modality_of(
                "lyng will ask japan to offer a share of its market",
                "offer"
            ),
            Modality::Supposed
        );
        assert_eq!(
            modality_of("he urged iran to agree to hold talks", "talks"),
            Modality::Supposed
        );
        assert_eq!(
            modality_of("he will agree to hold talks", "talks"),
            Modality::Intended
        );
    }

    #[test]
    fn what_a_comparison_sets_against_is_not_done() {
        assert_eq!(
            modality_of(
                "more interested in keeping clean than supporting the president",
                "supporting"
            ),
            Modality::Negated
        );
    }

    #[test]
    fn passives_and_questions() {
        let (words, i) = at("the request was rejected by china", "rejected");
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        assert!(is_passive(&words, i));
        let (words, i) = at("china rejected the request", "rejected");
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        assert!(!is_passive(&words, i));
        assert!(is_question(&["will", "they", "meet", "?"]));
        assert!(!is_question(&["they", "met", "."]));
    }
}
