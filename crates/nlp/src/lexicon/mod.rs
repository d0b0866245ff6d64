//! Every closed word list the stages share, in one place: words that open
//! sentences but not names, forms of address, name connectors, weekdays and
//! months, the last words of geographic names, and the verbs after which a
//! capital acts for its country. Roles and the sectors they give are in
//! [`roles`].

pub mod parties;
pub mod roles;

pub use parties::party_sector;
pub use roles::{
    body_by_acronym, is_bank_word, is_company_suffix, is_title_word, known_org, match_role,
    org_country, org_sector, role_sector,
};

/// Capitalised words that are not names when they open a sentence.
pub const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "but",
    "or",
    "nor",
    "neither",
    "either",
    "so",
    "yet",
    "for",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "with",
    "of",
    "as",
    "if",
    "when",
    "while",
    "since",
    "after",
    "before",
    "despite",
    "although",
    "though",
    "because",
    "until",
    "during",
    "meanwhile",
    "however",
    "also",
    "still",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "there",
    "here",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "not",
    "no",
    "yes",
    "all",
    "some",
    "many",
    "most",
    "more",
    "both",
    "each",
    "every",
    "any",
    "other",
    "such",
    "shortly",
    "chances",
    "speaking",
    "underscoring",
    "asked",
    "according",
    "earlier",
    "later",
    "now",
    "then",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "one",
    "two",
    "three",
    "several",
    "few",
    "among",
    "about",
    "over",
    "under",
    "between",
    "through",
    "against",
    "without",
    "within",
    "animosity",
    "people",
];

pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Last words that make a name a geographic feature ("South China Sea").
pub const GEO_HEADS: &[&str] = &[
    "Sea",
    "Ocean",
    "Strait",
    "Straits",
    "Gulf",
    "Bay",
    "River",
    "Lake",
    "Mountains",
    "Peninsula",
    "Island",
    "Islands",
    "Valley",
    "Desert",
    "Canal",
    "Channel",
    "Coast",
];

/// Oceans and continents: a name ending in one is a place ("Asia-Pacific").
pub const WIDE_REGIONS: &[&str] = &[
    "Pacific",
    "Atlantic",
    "Arctic",
    "Antarctic",
    "Mediterranean",
    "Asia",
    "Europe",
    "Africa",
    "Americas",
    "Oceania",
];

/// Verbs after which a capital city is acting for its country
/// ("Washington accused ...", "Beijing is trying ...").
pub const ACTOR_VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "had",
    "says",
    "said",
    "accused",
    "accuses",
    "wants",
    "warned",
    "warns",
    "rejected",
    "rejects",
    "denied",
    "denies",
    "announced",
    "claims",
    "claimed",
    "insists",
    "insisted",
    "agreed",
    "responded",
    "urged",
    "demanded",
    "will",
    "would",
    "must",
    "could",
    "dislikes",
    "disliked",
    "believes",
    "fears",
    "feared",
    "hopes",
    "argues",
    "argued",
    "objects",
    "objected",
    "refused",
    "refuses",
    "protested",
    "opposes",
    "opposed",
    "welcomed",
    "welcomes",
];

/// A verb before which a capital is its country, done to or asked
/// ("blamed Washington for", "wants Washington to").
pub const VERBS_ON_ACTORS: &[&str] = &[
    "urged",
    "urges",
    "blamed",
    "blames",
    "accused",
    "accuses",
    "asked",
    "asks",
    "told",
    "tells",
    "warned",
    "warns",
    "want",
    "wants",
    "wanted",
    "pressed",
    "presses",
    "persuaded",
    "criticised",
    "criticized",
    "condemned",
    "attacked",
    "backed",
    "supported",
    "lobbied",
    "angered",
    "called",
];

/// Nouns after which a capital is its state ("the Bonn government").
pub const STATE_NOUNS: &[&str] = &[
    "government",
    "administration",
    "authorities",
    "regime",
    "leadership",
];

/// Word connecting capitalised words inside one name ("Secretary of State",
/// "Bank of America").
pub fn is_name_connector(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "de" | "del" | "da" | "van" | "von" | "bin" | "al" | "&"
    )
}

/// A word that opens sentences but not names ("Later", "The", "Despite").
pub fn is_function_word(lower: &str) -> bool {
    FUNCTION_WORDS.contains(&lower)
}

/// A form of address before a name ("Mr", "Ms.", "Dr").
pub fn is_honorific(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('.'),
        "mr" | "mrs" | "ms" | "miss" | "dr" | "prof" | "sir" | "dame" | "madam" | "mx"
            // Abbreviated ranks and offices, which the tagger sometimes takes in.
            | "gen" | "lt" | "col" | "maj" | "capt" | "adm" | "sgt" | "cmdr" | "sen" | "rep"
            | "gov" | "pres" | "rev" | "fr" | "gen-in-chief"
    )
}

/// A peer's title before a name ("Lord Butler", "Baroness Amos").
pub fn is_peerage(lower: &str) -> bool {
    matches!(
        lower,
        "lord" | "lady" | "baroness" | "baron" | "viscount" | "earl"
    )
}

/// A name whose last word (as written) is a geographic head ("South China
/// Sea", more than one word) or an ocean or continent ("Asia-Pacific")
/// names a place.
pub fn is_geographic_name(last_word: &str, words: usize) -> bool {
    (words > 1 && GEO_HEADS.contains(&last_word)) || WIDE_REGIONS.contains(&last_word)
}

/// Common nouns that wire copy capitalises after a country ("U.S.
/// Officials", "a U.K. Suggestion"): not part of a name.
pub fn is_common_noun(lower: &str) -> bool {
    matches!(
        lower,
        "officials"
            | "official"
            | "suggestion"
            | "proposal"
            | "proposals"
            | "government"
            | "sources"
            | "source"
            | "plan"
            | "move"
            | "decision"
            | "offer"
            | "demand"
            | "demands"
            | "request"
            | "spokesman"
            | "spokeswoman"
            | "diplomats"
            | "negotiators"
            | "delegation"
            | "talks"
            | "troops"
            | "forces"
            | "authorities"
            | "leaders"
            | "counterpart"
            | "moves"
            | "banks"
            | "companies"
            | "firms"
            // "blamed the end of the freeze on U.S. Refusal to join".
            | "refusal"
            | "position"
            | "stance"
            | "pressure"
            | "opposition"
            | "insistence"
            | "failure"
            | "approval"
            | "rejection"
            | "threat"
            | "threats"
            | "warning"
            | "criticism"
            | "commitment"
            | "efforts"
            // "U.S. Dlrs", "U.S. Market", "U.S. Firm": wire copy's
            // capitals on what a country has or makes.
            | "dlrs"
            | "dlr"
            | "dollar"
            | "dollars"
            | "firm"
            | "company"
            | "unit"
            | "units"
            | "trade"
            | "market"
            | "markets"
            | "complaints"
            | "deficit"
            | "surplus"
            | "side"
            | "exporters"
            | "importers"
            | "producers"
            | "exchanges"
            | "economy"
            | "industry"
            | "policy"
            | "investors"
            | "consumers"
            | "farmers"
            | "grains"
            | "lines"
            | "sanctions"
            | "embargo"
            | "quotas"
            | "tariffs"
    )
}

/// A verb wire copy capitalises after a country's abbreviation ("the U.S.
/// Kick off", "the U.S. Wants Japan", "U.S. Has been").
pub fn is_wire_capitalised_verb(lower: &str) -> bool {
    matches!(
        lower,
        "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "should"
            | "could"
            | "may"
            | "might"
            | "must"
            | "can"
            | "does"
            | "did"
            | "wants"
            | "want"
            | "seems"
            | "seem"
            | "hit"
            | "hits"
            | "kick"
            | "kicks"
            | "says"
            | "said"
            | "agreed"
            | "agrees"
            | "plans"
            | "expects"
            | "believes"
            | "hopes"
            | "sees"
            | "told"
            | "tells"
    )
}

/// A news agency's sign-off at the end of a story ("REUTER").
pub fn is_sign_off(text: &str) -> bool {
    matches!(text, "REUTER" | "Reuter")
}

/// A word wire copy capitalises that names no one: an economic measure, a
/// security or its class, a credit rating ("GNP", "PSBR", "LIBOR",
/// "Treasuries", "Class A shares", "rated AAA"), a grade of crude oil
/// ("West Texas Intermediate"), a general election, Britain's annual Budget,
/// members of a parliament unnamed ("criticised by MPs"), or an adjective
/// before a lowercase noun ("Federal funds").
pub fn names_no_one(text: &str, next_lower: Option<&str>) -> bool {
    matches!(
        text,
        "GNP"
            | "GDP"
            | "PSBR"
            | "CPI"
            | "PPI"
            | "RPI"
            | "M0"
            | "M1"
            | "M2"
            | "M3"
            | "SDR"
            | "SDRs"
            | "LIBOR"
            | "Libor"
            | "Treasuries"
            | "Eurobonds"
            | "Eurodollars"
            | "Class"
            | "AAA"
            | "Aaa"
            // Members of a parliament, unnamed: no one's name.
            | "MPs"
            | "MEPs"
            | "MSPs"
            // A poll, and grades of crude oil.
            | "General Election"
            | "West Texas Intermediate"
            | "West Texas Sour"
            | "WTI"
    ) || (text == "Budget"
        && !next_lower.is_some_and(|w| matches!(w, "committee" | "office" | "director")))
        || (text == "Federal"
            && next_lower.is_some_and(|w| matches!(w, "funds" | "fund" | "budget" | "deficit")))
}

/// A verb after which a capital acts for its country ("Washington accused").
pub fn is_actor_verb(lower: &str) -> bool {
    ACTOR_VERBS.contains(&lower)
}
