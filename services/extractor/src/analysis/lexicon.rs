//! Small closed word lists the rule-based stages share: role words and their
//! CAMEO sector codes, organisation and place suffixes, function words,
//! weekdays and months.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Role phrases (lowercase, longest first when matching) and their CAMEO
/// sector code.
pub const ROLES: &[(&str, &str)] = &[
    ("secretary of state", "GOV"),
    ("national security adviser", "GOV"),
    ("national security advisers", "GOV"),
    ("foreign minister", "GOV"),
    ("prime minister", "GOV"),
    ("defense secretary", "MIL"),
    ("defence secretary", "MIL"),
    ("defense minister", "MIL"),
    ("defence minister", "MIL"),
    ("commerce minister", "GOV"),
    ("finance minister", "GOV"),
    ("interior minister", "GOV"),
    ("chief executive", "BUS"),
    ("vice president", "GOV"),
    ("president", "GOV"),
    ("premier", "GOV"),
    ("chancellor", "GOV"),
    ("minister", "GOV"),
    ("secretary", "GOV"),
    ("diplomat", "GOV"),
    ("ambassador", "GOV"),
    ("envoy", "GOV"),
    ("spokesperson", "GOV"),
    ("spokesman", "GOV"),
    ("spokeswoman", "GOV"),
    ("senator", "GOV"),
    ("sen.", "GOV"),
    ("governor", "GOV"),
    ("gov.", "GOV"),
    ("mayor", "GOV"),
    ("lawmaker", "GOV"),
    ("official", "GOV"),
    ("officials", "GOV"),
    ("adviser", "GOV"),
    ("advisor", "GOV"),
    ("king", "GOV"),
    ("queen", "GOV"),
    ("leader", "GOV"),
    ("general", "MIL"),
    ("gen.", "MIL"),
    ("admiral", "MIL"),
    ("commander", "MIL"),
    ("colonel", "MIL"),
    ("co-founder", "BUS"),
    ("founder", "BUS"),
    ("ceo", "BUS"),
    ("chairman", "BUS"),
    ("chairwoman", "BUS"),
    ("executive", "BUS"),
    ("billionaire", "BUS"),
    ("businessman", "BUS"),
    ("judge", "JUD"),
    ("justice", "JUD"),
    ("prosecutor", "JUD"),
    ("journalist", "MED"),
    ("reporter", "MED"),
    ("editor", "MED"),
    ("professor", "EDU"),
    ("prof.", "EDU"),
    ("expert", "EDU"),
    ("analyst", "EDU"),
    ("pope", "REL"),
    ("cleric", "REL"),
    ("imam", "REL"),
    ("bishop", "REL"),
    ("police", "COP"),
    ("chief", ""),
    ("head", ""),
    ("director", ""),
    ("mr.", ""),
    ("mrs.", ""),
    ("ms.", ""),
    ("dr.", ""),
];

/// Words that may stand inside a role phrase before the head
/// ("top US diplomat", "senior Chinese diplomat", "deputy foreign minister").
pub const ROLE_MODIFIERS: &[&str] = &[
    "top",
    "senior",
    "deputy",
    "former",
    "acting",
    "chief",
    "foreign",
    "defense",
    "defence",
    "state",
    "national",
    "security",
    "commerce",
    "trade",
    "finance",
    "interior",
    "vice",
    "assistant",
    "the",
    "a",
    "an",
];

/// Organisations known by their short name, with a sector.
pub const KNOWN_ORGS: &[(&str, &str, &str)] = &[
    ("CIA", "Central Intelligence Agency", "SPY"),
    ("FBI", "Federal Bureau of Investigation", "SPY"),
    ("NSA", "National Security Agency", "SPY"),
    ("NATO", "North Atlantic Treaty Organization", "IGO"),
    ("UN", "United Nations", "IGO"),
    ("U.N.", "United Nations", "IGO"),
    ("EU", "European Union", "IGO"),
    ("WHO", "World Health Organization", "IGO"),
    ("IMF", "International Monetary Fund", "IGO"),
    ("AP", "Associated Press", "MED"),
    ("AFP", "Agence France-Presse", "MED"),
    ("AUKUS", "AUKUS", "IGO"),
    ("ASEAN", "Association of Southeast Asian Nations", "IGO"),
    (
        "OPEC",
        "Organization of the Petroleum Exporting Countries",
        "IGO",
    ),
];

/// Final words that make a name an organisation.
pub const ORG_SUFFIXES: &[&str] = &[
    "Corp.",
    "Corp",
    "Corporation",
    "Inc.",
    "Inc",
    "Ltd",
    "Ltd.",
    "Co.",
    "Company",
    "Group",
    "Party",
    "Ministry",
    "Department",
    "Council",
    "Agency",
    "Bank",
    "University",
    "Committee",
    "Commission",
    "Association",
    "Organization",
    "Organisation",
    "Union",
    "Army",
    "Navy",
    "Court",
    "Parliament",
    "Congress",
    "Senate",
    "Administration",
    "Institute",
    "Foundation",
    "Times",
    "Post",
    "Journal",
    "News",
    "Network",
    "Federation",
    "Office",
    "Bureau",
    "Fund",
    "Forces",
    "Guard",
    "Police",
    "Airlines",
    "Motors",
    "Technologies",
    "Systems",
    "Holdings",
    "Club",
    "League",
    "Front",
    "Movement",
    "Alliance",
    "Assembly",
    "Cabinet",
    "Reuters",
];

/// Final words that make a name a place.
pub const PLACE_SUFFIXES: &[&str] = &[
    "Sea",
    "Ocean",
    "Strait",
    "Straits",
    "Island",
    "Islands",
    "River",
    "Gulf",
    "Bay",
    "Mountains",
    "Peninsula",
    "Valley",
    "Province",
    "Region",
    "County",
    "Coast",
    "Desert",
    "Lake",
    "Canal",
    "Guesthouse",
    "House",
    "Palace",
    "Hotel",
    "Airport",
    "Square",
    "Hall",
    "Stadium",
    "Street",
    "Avenue",
    "Plaza",
    "Pacific",
    "Atlantic",
];

/// Prepositions after which an unknown capitalised word is a place.
pub const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "to", "from", "near", "across", "into"];

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

/// Every single word of a role phrase ("defense", "secretary", "state").
static ROLE_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ROLES.iter().flat_map(|(role, _)| role.split(' ')).collect());

/// A word that belongs to a title between a name and what it qualifies
/// ("U.S. *Defense Secretary* Lloyd Austin", "China*'s* *defense minister*",
/// "Microsoft Corp. *co-founder* Bill Gates"): a role word, a role modifier,
/// or the possessive and hyphen that glue them (`lower` is lowercase).
pub fn is_title_word(lower: &str) -> bool {
    ROLE_WORDS.contains(lower)
        || ROLE_MODIFIERS.contains(&lower)
        || matches!(lower, "\u{2019}s" | "'s" | "-")
}

/// Word connecting capitalised words inside one name ("Secretary of State",
/// "Bank of America").
pub fn is_name_connector(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "de" | "del" | "da" | "van" | "von" | "bin" | "al" | "&"
    )
}

/// Sector of a role phrase, if `lower` is one.
pub fn role_sector(lower: &str) -> Option<&'static str> {
    ROLES
        .iter()
        .find(|(role, _)| *role == lower)
        .map(|(_, sector)| *sector)
}

/// Longest role phrase starting at `words[0]`, as (length in words, sector).
pub fn match_role(words: &[&str]) -> Option<(usize, &'static str)> {
    for len in (1..=words.len().min(4)).rev() {
        let phrase = words[..len].join(" ");
        if let Some(sector) = role_sector(&phrase) {
            return Some((len, sector));
        }
    }
    None
}

pub fn is_function_word(lower: &str) -> bool {
    FUNCTION_WORDS.contains(&lower)
}

pub fn is_calendar_word(lower: &str) -> bool {
    WEEKDAYS.contains(&lower) || MONTHS.contains(&lower)
}

pub fn known_org(short: &str) -> Option<(&'static str, &'static str)> {
    KNOWN_ORGS
        .iter()
        .find(|(s, _, _)| *s == short)
        .map(|(_, name, sector)| (*name, *sector))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_role_wins() {
        assert_eq!(
            match_role(&["secretary", "of", "state", "antony"]),
            Some((3, "GOV"))
        );
        assert_eq!(match_role(&["defense", "secretary"]), Some((2, "MIL")));
        assert_eq!(match_role(&["secretary"]), Some((1, "GOV")));
        assert_eq!(match_role(&["antony"]), None);
    }
}
