//! The word lists the coder reads: prepositions, determiners, the cues
//! that make a form a verb or a noun, and the words of warfare and of
//! qualifiers between an actor and the noun it owns.

/// Prepositions after which an actor is not the subject of what follows.
pub(super) const PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "with",
    "to",
    "from",
    "of",
    "for",
    "on",
    "by",
    "against",
    "between",
    "among",
    "after",
    "before",
    "during",
    "over",
    "under",
    "near",
    "including",
    "like",
    "about",
    "than",
    "into",
    "toward",
    "towards",
    "across",
    "through",
    "via",
    "within",
    "without",
    "despite",
    "off",
    // "All ATPC members except Zaire and Australia agreed": those excepted
    // do not act.
    "except",
    "excluding",
    "besides",
];

/// Prepositions that may introduce a verb's object ("met with X", "appealed
/// to X", "sanctions on X", "a request from X").
pub(super) const OBJECT_PREPOSITIONS: &[&str] =
    &["with", "to", "on", "against", "from", "for", "upon"];

/// Prepositions of place.
pub(super) const LOCATIVE: &[&str] = &["in", "at", "near", "inside", "outside", "off"];

/// Words before a verb form that make it a noun ("the talks", "a visit").
pub(super) const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "'s",
    "\u{2019}s",
    "first",
    "second",
    "new",
    "joint",
    "further",
    "additional",
    "more",
    "such",
    "any",
    "no",
    "two",
    "three",
    "several",
    "recent",
    "possible",
];

/// Forms of "be" and "have" that help a verb ("was talking", "has met").
pub(super) const BE_HAVE: &[&str] = &["is", "was", "are", "were", "has", "have", "had"];

/// Modal verbs ("will visit", "could meet").
pub(super) const MODALS: &[&str] = &[
    "will", "would", "can", "could", "should", "may", "might", "must",
];

/// A helping verb or a modal: what opens a finite verb phrase ("was",
/// "had", "would").
/// A form of "be" that, with "in", says where someone is ("was in
/// Kingston"): a visit.
pub(super) fn is_being(word: &str) -> bool {
    matches!(word, "was" | "were" | "is")
}

/// A form of "be" ("is", "been").
pub(super) fn is_form_of_be(word: &str) -> bool {
    matches!(word, "is" | "are" | "was" | "were" | "be" | "been" | "am")
}

/// A number in words or digits ("two", "10", "1,200").
pub(super) fn is_number(word: &str) -> bool {
    matches!(
        word,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    ) || (word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.'))
}

pub(super) fn is_auxiliary(word: &str) -> bool {
    BE_HAVE.contains(&word) || MODALS.contains(&word)
}

/// Words before an ambiguous form that make it a verb ("he met", "to meet").
pub(super) const VERB_CUES: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "who", "which", "to", "will", "would", "shall",
    "can", "could", "may", "might", "must", "should", "did", "does", "do", "had", "has", "have",
    "was", "were", "is", "are", "been", "be", "and", "or", "also", "then", "later", "again",
    "jointly", "not", "never", "n't", "by", "after", "before", "while",
];

/// Verb forms that are also common nouns: a verb only after a verb cue or
/// right after an actor.
pub(super) const AMBIGUOUS: &[&str] = &[
    "talks",
    "talk",
    "meeting",
    "visit",
    "visits",
    "call",
    "calls",
    "attack",
    "attacks",
    "protest",
    "protests",
    "aid",
    "demand",
    "demands",
    "offer",
    "offers",
    "support",
    "back",
    "pledge",
    "pledges",
    "promise",
    "promises",
    "request",
    "requests",
    "appeals",
    "sanctions",
    "deal",
    "charge",
    "release",
    "raid",
    "fight",
    "press",
    "host",
    "warn",
    "clash",
    "threat",
    "threats",
    "travel",
    "travels",
];

/// Words of fighting between states, whose other side may go unsaid
/// ("Iran launched a new offensive").
/// What armed force attacks of a state ("Iraq's positions", "Iran's
/// oil platforms"), as against its policies.
pub(super) const ARMS: &[&str] = &[
    "positions",
    "position",
    "forces",
    "troops",
    "army",
    "navy",
    "ships",
    "ship",
    "vessels",
    "tankers",
    "tanker",
    "bases",
    "base",
    "territory",
    "border",
    "towns",
    "cities",
    "oil",
    "platforms",
    "installations",
    "defences",
    "defenses",
    "lines",
    "aircraft",
    "planes",
    "soldiers",
    "units",
    "brigade",
    "division",
    "front",
    "capital",
    "ports",
    "port",
    "islands",
    "island",
    "embassy",
];

/// Verbs by which support is given or voiced ("gave his support to",
/// "expressed warm support for").
pub(super) const GIVING: &[&str] = &[
    "give",
    "gives",
    "gave",
    "given",
    "giving",
    "expressed",
    "expresses",
    "pledged",
    "pledges",
    "offered",
    "offers",
    "voiced",
    "declared",
    "announced",
    "lent",
    "threw",
    "reaffirmed",
    "reiterated",
];

pub(super) const WARFARE: &[&str] = &[
    "attack",
    "attacks",
    "attacked",
    "attacking",
    "offensive",
    "fighting",
    "fought",
    "fight",
    "fights",
    "shelled",
    "shelling",
    "bombed",
    "bombing",
    "bombarded",
    "raid",
    "raids",
    "raided",
    "assault",
    "counter-attack",
    "counter-attacks",
    "counterattack",
    "counterattacks",
];

/// Words between an actor and a nominal trigger it owns ("Iran's" is
/// written "the Iranian overnight attack", "a Conservative compromise
/// offer").
pub(super) const NOUN_MODIFIERS: &[&str] = &[
    "compromise",
    "peace",
    "overnight",
    "ground",
    "military",
    "diplomatic",
    "formal",
    "official",
    "latest",
    "renewed",
];

/// A double quotation mark, straight or curly.
pub(super) fn is_quote_mark(word: &str) -> bool {
    matches!(word, "\"" | "\u{201c}" | "\u{201d}")
}
