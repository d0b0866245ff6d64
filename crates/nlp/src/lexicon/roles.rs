//! Roles and the CAMEO sector codes they give: the project's own list first,
//! then the PETRARCH2 agents dictionary (`data/agents.tsv`, MIT); the
//! sector an organisation's head word gives; organisations known by their
//! short name. "Which sector does this role give" has one answer: here.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Role phrases (lowercase, longest first when matching) and their CAMEO
/// sector code.
pub const ROLES: &[(&str, &str)] = &[
    ("secretary of state", "GOV"),
    ("undersecretary", "GOV"),
    ("under secretary", "GOV"),
    ("assistant secretary", "GOV"),
    ("national security adviser", "GOV"),
    ("national security advisers", "GOV"),
    ("foreign minister", "GOV"),
    ("prime minister", "GOV"),
    ("defense secretary", "MIL"),
    ("defence secretary", "MIL"),
    ("defense minister", "MIL"),
    ("defence minister", "MIL"),
    ("commerce minister", "GOV"),
    ("trade representative", "GOV"),
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
    ("senator", "LEG"),
    // Members of the House of Lords legislate; its offices are others'.
    ("lord chancellor", "GOV"),
    ("lord mayor", "GOV"),
    ("lord justice", "JUD"),
    ("lord chief justice", "JUD"),
    ("backbencher", "LEG"),
    ("backbenchers", "LEG"),
    ("peer", "LEG"),
    ("peers", "LEG"),
    ("lord", "LEG"),
    ("baroness", "LEG"),
    ("sen.", "LEG"),
    ("rep.", "LEG"),
    ("congressman", "LEG"),
    ("congresswoman", "LEG"),
    ("legislator", "LEG"),
    ("mp", "LEG"),
    ("mps", "LEG"),
    ("mep", "LEG"),
    ("commissioner", "GOV"),
    ("governor", "GOV"),
    ("gov.", "GOV"),
    ("mayor", "GOV"),
    ("lawmaker", "LEG"),
    ("official", "GOV"),
    ("officials", "GOV"),
    ("adviser", "GOV"),
    ("advisor", "GOV"),
    ("king", "GOV"),
    ("pm", "GOV"),
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
    ("vice-chairman", "BUS"),
    ("vice-president", "GOV"),
    ("chairman", "BUS"),
    ("chairwoman", "BUS"),
    ("executive", "BUS"),
    ("billionaire", "BUS"),
    ("company", "BUS"),
    ("firm", "BUS"),
    ("producer", "BUS"),
    ("manufacturer", "BUS"),
    ("businessman", "BUS"),
    ("businesswoman", "BUS"),
    ("tycoon", "BUS"),
    ("oligarch", "BUS"),
    ("magnate", "BUS"),
    ("industrialist", "BUS"),
    ("entrepreneur", "BUS"),
    ("richest", "BUS"),
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
    // "Civil rights group Liberty", "the lobby group ...": campaigning
    // bodies are non-governmental.
    ("civil rights group", "NGO"),
    ("human rights group", "NGO"),
    ("rights group", "NGO"),
    ("pressure group", "NGO"),
    ("lobby group", "NGO"),
    ("campaign group", "NGO"),
    ("environmental group", "NGO"),
    ("think tank", "NGO"),
    ("think-tank", "NGO"),
    ("charity", "NGO"),
    ("pope", "REL"),
    ("cleric", "REL"),
    ("imam", "REL"),
    ("bishop", "REL"),
    ("police", "COP"),
    ("chief", ""),
    ("counterpart", "GOV"),
    ("head", ""),
    ("director", ""),
    // Of a ministry, a business lobby or a charity alike: what it heads
    // says which ("director general of the CBI").
    ("director general", ""),
    ("director-general", ""),
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
    "farm",
    "agriculture",
    "agricultural",
    "economic",
    "economics",
    "energy",
    "industry",
    "competition",
    "health",
    "environment",
    "transport",
    "development",
    "monetary",
    "fisheries",
    "external",
    "relations",
    "affairs",
    "budget",
    // "committee chairman Patrick Leahy": the body he chairs.
    "committee",
    "subcommittee",
    // "Indonesian oil minister Subroto": the portfolio, lowercase.
    "oil",
    "petroleum",
    "mines",
    "mining",
    "labour",
    "labor",
    "justice",
    "education",
    "information",
    "planning",
    "communications",
    "economy",
    "new",
    "outgoing",
    "incoming",
    "then",
    "long-serving",
    "the",
    "a",
    "an",
];

/// Organisations whose country their name alone tells: legislatures and
/// news organisations (a name, or the first word of a longer one: "BBC
/// Radio Four").
pub const ORG_COUNTRIES: &[(&str, &str)] = &[
    ("Congress", "USA"),
    ("Senate", "USA"),
    ("House of Representatives", "USA"),
    ("Commons", "GBR"),
    ("House of Commons", "GBR"),
    ("House of Lords", "GBR"),
    ("Law Lords", "GBR"),
    ("Inland Revenue", "GBR"),
    ("Confederation of British Industry", "GBR"),
    ("CBI", "GBR"),
    ("Commission for Racial Equality", "GBR"),
    ("Home Office", "GBR"),
    ("Foreign Office", "GBR"),
    ("Department for International Development", "GBR"),
    ("Crown Prosecution Service", "GBR"),
    ("Westminster", "GBR"),
    ("Bundestag", "DEU"),
    ("Bundesbank", "DEU"),
    ("Duma", "RUS"),
    ("Kremlin", "RUS"),
    ("Knesset", "ISR"),
    ("Diet", "JPN"),
    ("Pentagon", "USA"),
    ("White House", "USA"),
    ("Fed", "USA"),
    ("Federal Reserve", "USA"),
    ("Labour Party", "GBR"),
    ("Conservative Party", "GBR"),
    ("Liberal Democrats", "GBR"),
    ("UK Independence Party", "GBR"),
    ("Scottish National Party", "GBR"),
    ("Plaid Cymru", "GBR"),
    ("Sinn Fein", "GBR"),
    ("Fianna Fail", "IRL"),
    ("Fine Gael", "IRL"),
    ("Democratic Party", "USA"),
    ("Republican Party", "USA"),
    ("Democrats", "USA"),
    ("Republicans", "USA"),
    ("Social Democratic Party", "DEU"),
    ("SPD", "DEU"),
    ("CDU", "DEU"),
    ("Christian Democratic Union", "DEU"),
    ("Likud", "ISR"),
    ("Revolutionary Guards", "IRN"),
    ("BBC", "GBR"),
    ("Reuters", "GBR"),
    ("Associated Press", "USA"),
    ("AP", "USA"),
    ("AFP", "FRA"),
    ("Agence France-Presse", "FRA"),
    ("CNN", "USA"),
    ("Xinhua", "CHN"),
    ("Tass", "RUS"),
    ("TASS", "RUS"),
    ("Itar-Tass", "RUS"),
    ("Interfax", "RUS"),
    ("Kyodo", "JPN"),
    ("Yonhap", "KOR"),
    ("Guardian", "GBR"),
    ("Independent", "GBR"),
    ("Downing Street", "GBR"),
    ("Whitehall", "GBR"),
    ("RAF", "GBR"),
    ("Royal Air Force", "GBR"),
    ("Royal Navy", "GBR"),
    ("Royal Fleet Auxiliary", "GBR"),
    ("White House", "USA"),
    ("Pentagon", "USA"),
    ("Kremlin", "RUS"),
    ("Foreign and Commonwealth Office", "GBR"),
    ("CIA", "USA"),
    ("Central Intelligence Agency", "USA"),
    ("FBI", "USA"),
    ("Federal Bureau of Investigation", "USA"),
    ("NSA", "USA"),
    ("National Security Agency", "USA"),
    ("Bank of England", "GBR"),
    ("Bank of Japan", "JPN"),
    ("Banque de France", "FRA"),
    // News media by their first word ("NBC News", "ABC News").
    ("NBC", "USA"),
    ("ABC", "USA"),
    ("CBS", "USA"),
    ("Newsweek", "USA"),
    ("New York Times", "USA"),
    ("Washington Post", "USA"),
    ("Wall Street Journal", "USA"),
    ("Los Angeles Times", "USA"),
    ("Financial Times", "GBR"),
    ("Daily Telegraph", "GBR"),
    ("Economist", "GBR"),
    ("Euromoney", "GBR"),
    ("Visnews", "GBR"),
    ("ITN", "GBR"),
    ("Sky", "GBR"),
    ("PAP", "POL"),
    ("ANSA", "ITA"),
    ("Tanjug", "SRB"),
    ("IRNA", "IRN"),
    ("MENA", "EGY"),
    ("Jiji", "JPN"),
    ("Asahi", "JPN"),
    ("Yomiuri", "JPN"),
    ("Pravda", "RUS"),
    ("Izvestia", "RUS"),
    ("Solidarity", "POL"),
    ("Evening Standard", "GBR"),
    ("USDA", "USA"),
    ("Moody's Investors Service", "USA"),
    ("Standard and Poor's Corp", "USA"),
];

/// The country an organisation's name alone tells ([`ORG_COUNTRIES`]).
pub fn org_country(name: &str) -> Option<&'static str> {
    let first = name.split(' ').next().unwrap_or(name);
    ORG_COUNTRIES
        .iter()
        .find(|(known, _)| *known == name || (*known == first && !known.contains(' ')))
        .map(|(_, country)| *country)
}

/// Organisations known by their short name, with a sector.
pub const KNOWN_ORGS: &[(&str, &str, &str)] = &[
    ("CIA", "Central Intelligence Agency", "SPY"),
    ("FBI", "Federal Bureau of Investigation", "COP"),
    ("NSA", "National Security Agency", "SPY"),
    ("NATO", "North Atlantic Treaty Organization", "IGO"),
    ("UN", "United Nations", "IGO"),
    ("U.N.", "United Nations", "IGO"),
    ("EU", "European Union", "IGO"),
    ("WHO", "World Health Organization", "IGO"),
    ("IMF", "International Monetary Fund", "IGO"),
    ("AP", "Associated Press", "MED"),
    ("BBC", "BBC", "MED"),
    ("CNN", "CNN", "MED"),
    ("Reuters", "Reuters", "MED"),
    ("AFP", "Agence France-Presse", "MED"),
    ("AUKUS", "AUKUS", "IGO"),
    ("Labour", "Labour Party", "PTY"),
    ("Tories", "Conservative Party", "PTY"),
    ("Tory", "Conservative Party", "PTY"),
    ("Conservatives", "Conservative Party", "PTY"),
    ("Conservative", "Conservative Party", "PTY"),
    ("Lib Dems", "Liberal Democrats", "PTY"),
    ("Lib Dem", "Liberal Democrats", "PTY"),
    // "Liberal Democrat leader Charles Kennedy": the party, by its adjective.
    ("Liberal Democrat", "Liberal Democrats", "PTY"),
    ("UKIP", "UK Independence Party", "PTY"),
    ("Fianna Fail", "Fianna Fail", "PTY"),
    ("Fine Gael", "Fine Gael", "PTY"),
    ("Guardian", "Guardian", "MED"),
    ("Fed", "Federal Reserve", "GOV"),
    ("Fed Board", "Federal Reserve", "GOV"),
    ("Fed Boards", "Federal Reserve", "GOV"),
    ("Federal Reserve Board", "Federal Reserve", "GOV"),
    ("Federal Reserve System", "Federal Reserve", "GOV"),
    ("Foreign Office", "Foreign and Commonwealth Office", "GOV"),
    ("Newsweek", "Newsweek", "MED"),
    ("Euromoney", "Euromoney", "MED"),
    ("Visnews", "Visnews", "MED"),
    ("PAP", "Polish Press Agency", "MED"),
    ("ANSA", "ANSA", "MED"),
    ("Tanjug", "Tanjug", "MED"),
    ("IRNA", "Islamic Republic News Agency", "MED"),
    ("Tass", "Tass", "MED"),
    ("Kyodo", "Kyodo", "MED"),
    ("Xinhua", "Xinhua", "MED"),
    ("Solidarity", "Solidarity", "OPP"),
    ("Independent", "Independent", "MED"),
    ("Evening Standard", "Evening Standard", "MED"),
    ("Downing Street", "Downing Street", "GOV"),
    // The civil service by its street, as the government is by Downing
    // Street's.
    ("Whitehall", "Whitehall", "GOV"),
    ("Unison", "Unison", "LAB"),
    ("UNISON", "Unison", "LAB"),
    ("White House", "White House", "GOV"),
    ("Kremlin", "Kremlin", "GOV"),
    ("Pentagon", "Pentagon", "MIL"),
    ("RAF", "Royal Air Force", "MIL"),
    ("Royal Navy", "Royal Navy", "MIL"),
    ("Royal Fleet Auxiliary", "Royal Fleet Auxiliary", "MIL"),
    ("SNP", "Scottish National Party", "PTY"),
    ("Commons", "House of Commons", "LEG"),
    ("Lords", "House of Lords", "LEG"),
    // Britain's highest court until 2009, the judges of the House of Lords.
    ("Law Lords", "Law Lords", "JUD"),
    ("Inland Revenue", "Inland Revenue", "GOV"),
    // Britain's employers' lobby.
    ("CBI", "Confederation of British Industry", "BUS"),
    (
        "Commission for Racial Equality",
        "Commission for Racial Equality",
        "GOV",
    ),
    ("Revolutionary Guards", "Revolutionary Guards", "MIL"),
    ("Democrats", "Democratic Party", "PTY"),
    ("Republicans", "Republican Party", "PTY"),
    ("ASEAN", "Association of Southeast Asian Nations", "IGO"),
    ("Paris Club", "Paris Club", "IGO"),
    ("USDA", "USDA", "GOV"),
    // Rating agencies, by any of their names.
    ("Moody's", "Moody's Investors Service", "BUS"),
    (
        "Moody's Investors Service Inc",
        "Moody's Investors Service",
        "BUS",
    ),
    (
        "Moody's Investors Service Inc.",
        "Moody's Investors Service",
        "BUS",
    ),
    ("Standard and Poor", "Standard and Poor's Corp", "BUS"),
    ("Standard and Poor's", "Standard and Poor's Corp", "BUS"),
    (
        "Standard and Poor's Corp.",
        "Standard and Poor's Corp",
        "BUS",
    ),
    (
        "OPEC",
        "Organization of the Petroleum Exporting Countries",
        "IGO",
    ),
    // Brokerages named after their founders, which the tagger takes for
    // people ("said Smith Barney analyst ..."); only by two words or more,
    // since a surname alone may be a person's ("Lord Hutton").
    ("Smith Barney", "Smith Barney", "BUS"),
    ("Salomon Brothers", "Salomon Brothers", "BUS"),
    ("Shearson Lehman", "Shearson Lehman Brothers", "BUS"),
    (
        "Shearson Lehman Brothers",
        "Shearson Lehman Brothers",
        "BUS",
    ),
    ("Lehman Brothers", "Lehman Brothers", "BUS"),
    ("Kidder Peabody", "Kidder Peabody", "BUS"),
    ("Goldman Sachs", "Goldman Sachs", "BUS"),
    ("Morgan Stanley", "Morgan Stanley", "BUS"),
    ("Drexel Burnham", "Drexel Burnham Lambert", "BUS"),
    ("Drexel Burnham Lambert", "Drexel Burnham Lambert", "BUS"),
    ("Dean Witter", "Dean Witter Reynolds", "BUS"),
    ("Dean Witter Reynolds", "Dean Witter Reynolds", "BUS"),
    ("Merrill Lynch", "Merrill Lynch", "BUS"),
    ("E.F. Hutton", "E.F. Hutton", "BUS"),
    ("L.F. Rothschild", "L.F. Rothschild", "BUS"),
    ("James Capel", "James Capel", "BUS"),
    ("Samuel Montagu", "Samuel Montagu", "BUS"),
    ("Kleinwort Benson", "Kleinwort Benson", "BUS"),
    ("Greenwell Montagu", "Greenwell Montagu", "BUS"),
    ("Barclays de Zoete Wedd", "Barclays de Zoete Wedd", "BUS"),
];

/// Every single word of a role phrase ("defense", "secretary", "state").
static ROLE_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ROLES.iter().flat_map(|(role, _)| role.split(' ')).collect());

/// The word that opens a Romance bank's name ("Banque Paribas", "Banco do
/// Brasil", "Banca Nazionale del Lavoro").
pub fn is_bank_word(word: &str) -> bool {
    matches!(word, "Banque" | "Banco" | "Banca")
}

/// The word that ends a firm's legal name ("Corp", "Inc.", "Ltd", "Plc").
pub fn is_company_suffix(word: &str) -> bool {
    matches!(
        word,
        "Corp."
            | "Corp"
            | "Corporation"
            | "Inc."
            | "Inc"
            | "Ltd"
            | "Ltd."
            | "Co."
            | "Co"
            | "Plc"
            | "plc"
            | "PLC"
            | "AG"
            | "SA"
            | "GmbH"
            | "NV"
            | "N.V."
            | "S.A."
            | "Group"
    )
}

/// A word that belongs to a title between a name and what it qualifies
/// ("U.S. *Defense Secretary* Lloyd Austin", "China*'s* *defense minister*",
/// "Microsoft Corp. *co-founder* Bill Gates"): a role word, a role modifier,
/// or the possessive and hyphen that glue them (`lower` is lowercase).
pub fn is_title_word(lower: &str) -> bool {
    ROLE_WORDS.contains(lower)
        || ROLE_MODIFIERS.contains(&lower)
        || matches!(lower, "\u{2019}s" | "'s" | "-")
}

/// Sector of a role phrase, if `lower` is one.
pub fn role_sector(lower: &str) -> Option<&'static str> {
    ROLES
        .iter()
        .find(|(role, _)| *role == lower)
        .map(|(_, sector)| *sector)
}

/// Role phrases of the PETRARCH2 agents dictionary and their sectors.
static AGENTS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("../../data/agents.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .collect()
});

/// Longest role phrase starting at `words[0]`, as (length in words,
/// sector), from the project's own list and the PETRARCH2 agents; the
/// project's on a tie. A longer phrase of the agents wins ("director
/// general" is GOV, not "director" and a MIL "general").
pub fn match_role(words: &[&str]) -> Option<(usize, &'static str)> {
    let longest = |lookup: &dyn Fn(&str) -> Option<&'static str>| {
        (1..=words.len().min(4))
            .rev()
            .find_map(|len| lookup(&words[..len].join(" ")).map(|sector| (len, sector)))
    };
    let own = longest(&role_sector);
    let agents = longest(&|phrase| AGENTS.get(phrase).copied());
    match (own, agents) {
        (Some(own), Some(agents)) if agents.0 > own.0 => Some(agents),
        (None, agents) => agents,
        (own, _) => own,
    }
}

/// An organisation known by this short or full name: (full name, sector).
pub fn known_org(name: &str) -> Option<(&'static str, &'static str)> {
    KNOWN_ORGS
        .iter()
        .find(|(short, full, _)| *short == name || *full == name)
        .map(|(_, full, sector)| (*full, *sector))
}

/// State bodies known by an acronym that is not their name's initials:
/// (acronym, the body's name as its key writes it, country). "USDA" is the
/// U.S. Agriculture Department however an article names it (as an
/// affiliation it is a known organisation of its country).
const BODY_ACRONYMS: &[(&str, &str, &str)] = &[("USDA", "Agriculture Department", "USA")];

/// The state body `acronym` names, and its country ([`BODY_ACRONYMS`]).
pub fn body_by_acronym(acronym: &str) -> Option<(&'static str, &'static str)> {
    BODY_ACRONYMS
        .iter()
        .find(|(short, _, _)| *short == acronym)
        .map(|(_, name, country)| (*name, *country))
}

/// Sector of an organisation from its head word.
pub fn org_sector(name: &str) -> Option<&'static str> {
    // Broadcasters, agencies and publishers are the media whatever their
    // head ("British Broadcasting Corp", "Polish Press Agency").
    if name.contains("News Agency")
        || name.split(' ').any(|w| {
            matches!(
                w,
                "Broadcasting" | "Broadcasters" | "Newspapers" | "Press" | "Publishing"
            )
        })
    {
        return Some("MED");
    }
    // A legislature's chamber: "House of Lords", "House of
    // Representatives", "the House", and a chamber's committees ("Senate
    // Appropriations", "House Ways and Means").
    let (first, rest) = name.split_once(' ').unwrap_or((name, ""));
    let chamber = match first {
        "House" | "Houses" => match rest.strip_prefix("of ") {
            Some(of) => matches!(
                of,
                "Lords" | "Commons" | "Representatives" | "Parliament" | "Delegates" | "Keys"
            ),
            None => rest.is_empty() || rest.starts_with(char::is_uppercase),
        },
        "Senate" => true,
        // "the Upper House", "the Lower House".
        "Upper" | "Lower" => rest == "House",
        _ => false,
    };
    if chamber {
        return Some("LEG");
    }
    // A trade union: "United Auto Workers", "National Union of
    // Mineworkers", "Trades Union Congress" (not a legislature): a union's
    // head and a worker's word, or two of a union's words.
    let bare = |w: &str| w.trim_end_matches(['\'', '\u{2019}']).to_lowercase();
    let workers = |w: &str| bare(w).ends_with("workers");
    let union_word = |w: &str| {
        workers(w)
            || matches!(
                bare(w).as_str(),
                "union" | "unions" | "trades" | "employees"
            )
    };
    let last_of_all = name.rsplit(' ').next().map(bare).unwrap_or_default();
    let union_head = matches!(
        last_of_all.as_str(),
        "workers" | "union" | "unions" | "federation" | "congress"
    ) || name.contains("Union of ");
    if union_head
        && (name.split(' ').any(workers) || name.split(' ').filter(|w| union_word(w)).count() >= 2)
    {
        return Some("LAB");
    }
    // "Petroleum Corp of Jamaica", "Ministry of Defence", "Department for
    // International Development": the head comes before "of" or "for".
    let head = name
        .split_once(" of ")
        .or_else(|| name.split_once(" for "))
        .map_or(name, |(head, _)| head);
    let last = head.rsplit(' ').next()?;
    // "Foreign Intelligence Advisory Board"; "Federal Deposit Insurance
    // Corp", "Federal Home Loan Bank Board": a government's boards and
    // corporations, not firms ("Federal Express Corp" stays a firm).
    let words: Vec<&str> = head.split(' ').collect();
    let advisory =
        words.contains(&"Advisory") && matches!(last, "Board" | "Council" | "Committee" | "Panel");
    let federal_agency = words.first() == Some(&"Federal")
        && matches!(
            last,
            "Board" | "Corp" | "Corp." | "Corporation" | "Administration"
        )
        && words.iter().any(|w| {
            matches!(
                *w,
                "Deposit"
                    | "Insurance"
                    | "Loan"
                    | "Savings"
                    | "Housing"
                    | "Home"
                    | "Farm"
                    | "Credit"
            )
        });
    if advisory || federal_agency {
        return Some("GOV");
    }
    if is_company_suffix(last) || is_bank_word(words[0]) {
        return Some("BUS");
    }
    // "Refugee Council", "Human Rights Watch", "World Development
    // Movement", "Foreign Policy Centre": a body named for a cause it
    // campaigns for, or a policy institute, is a non-governmental one.
    let cause = name.split(' ').any(|w| {
        matches!(
            w,
            "Refugee" | "Refugees" | "Rights" | "Liberties" | "Relief" | "Poverty"
        )
    });
    // A council or committee on policy is mostly a government's ("Economic
    // Policy Council", "Monetary Policy Committee"); a centre or institute
    // of it is a think tank.
    let think_tank =
        matches!(last, "Centre" | "Center" | "Institute") && name.split(' ').any(|w| w == "Policy");
    let campaigners = matches!(
        last,
        "Council"
            | "Commission"
            | "Committee"
            | "Society"
            | "Trust"
            | "Alliance"
            | "Group"
            | "Network"
            | "Centre"
            | "Center"
            | "Institute"
            | "Watch"
            | "Movement"
            | "Coalition"
    );
    if (cause && campaigners) || think_tank || matches!(last, "Movement" | "Watch") {
        return Some("NGO");
    }
    // A committee is mostly a legislature's, but not one that a name
    // gives to sport, a central bank, a union's bargaining or a trade:
    // "U.S. Olympic Committee", "Monetary Policy Committee", "Federal Open
    // Market Committee", "UFCWU bargaining committee", "Joint Committee of
    // Maize Importers". An executive committee is its party's or its
    // firm's, which the name does not say.
    if matches!(last, "Committee" | "committee") || name.contains("Committee of ") {
        let has = |words: &[&str]| name.split(' ').any(|w| words.contains(&w));
        if has(&["Olympic", "Olympics"]) {
            return Some("NGO");
        }
        // The "Shadow Open Market Committee" of economists shadows the
        // central bank's.
        if has(&["Shadow", "shadow"]) {
            return None;
        }
        if has(&["Monetary"]) || name.contains("Open Market") {
            return Some("GOV");
        }
        if has(&["bargaining", "Bargaining", "strike", "Strike"]) {
            return Some("LAB");
        }
        if has(&[
            "Importers",
            "Exporters",
            "Producers",
            "Traders",
            "Shippers",
            "Growers",
            "Surveillance",
        ]) {
            return Some("BUS");
        }
        if has(&["Executive", "executive"]) {
            return None;
        }
    }
    Some(match last {
        "Ministry" | "Department" | "Administration" | "Council" | "Cabinet" | "Office"
        | "Agency" | "Commission" | "Bureau" | "Fed" | "Reserve" | "Bundesbank" | "Treasury"
        | "Authority" | "commission" | "panel" | "inquiry" | "administration" | "government"
        | "Government" | "regime" => "GOV",
        "Parliament" | "Congress" | "Senate" | "Assembly" | "Commons" | "Lords" | "Bundestag"
        | "Duma" | "Knesset" | "Diet" | "Committee" | "committee" | "Subcommittee"
        | "subcommittee" => "LEG",
        "Army" | "Navy" | "Forces" | "Guard" | "Guards" | "Auxiliary" | "Corps" | "Brigade"
        | "Division" | "Regiment" | "Battalion" => "MIL",
        "Company" | "Bank" | "Airlines" | "Motors" | "Technologies" | "Holdings" | "Group"
        | "Board" | "Association" | "Federation" | "Chamber" | "Chambers" | "Cheeses" | "Foods"
        | "Industries" | "Exchange" => "BUS",
        "Times" | "Post" | "Journal" | "News" | "Network" | "Reuters" | "Mirror" | "Telegraph"
        | "Guardian" | "Herald" | "Gazette" | "Tribune" | "Observer" | "Chronicle" | "Express"
        | "Mail" | "Radio" | "Television" | "TV" | "BBC" | "CNN" | "ITV" | "Supplement"
        | "Magazine" => "MED",
        "University" | "Institute" | "School" | "College" => "EDU",
        "Foundation" | "Charity" | "Campaign" => "NGO",
        "Party" => "PTY",
        "Police" => "COP",
        "Court" => "JUD",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_firms_legal_form_or_banque_makes_it_a_business() {
        assert_eq!(org_sector("Bull S.A."), Some("BUS"));
        assert_eq!(org_sector("Unilever N.V."), Some("BUS"));
        assert_eq!(org_sector("Banque Nationale de Paris"), Some("BUS"));
        assert_eq!(org_sector("Banco do Brasil"), Some("BUS"));
    }

    #[test]
    fn broadcasters_are_the_media_whatever_their_head() {
        assert_eq!(org_sector("British Broadcasting Corp"), Some("MED"));
        assert_eq!(org_sector("Kuwait News Agency"), Some("MED"));
        assert_eq!(org_sector("Environment Agency"), Some("GOV"));
        assert_eq!(org_sector("Polish Press Agency"), Some("MED"));
        assert_eq!(org_sector("Texas Air Corp"), Some("BUS"));
    }

    #[test]
    fn a_governments_boards_and_corporations_are_not_firms() {
        assert_eq!(
            org_sector("Foreign Intelligence Advisory Board"),
            Some("GOV")
        );
        assert_eq!(org_sector("Federal Deposit Insurance Corp"), Some("GOV"));
        assert_eq!(org_sector("Federal Home Loan Bank Board"), Some("GOV"));
        assert_eq!(org_sector("Federal Express Corp"), Some("BUS"));
        assert_eq!(org_sector("Dairy Board"), Some("BUS"));
    }

    #[test]
    fn a_body_named_for_a_cause_or_a_policy_institute_is_non_governmental() {
        assert_eq!(org_sector("Refugee Council"), Some("NGO"));
        assert_eq!(org_sector("Human Rights Watch"), Some("NGO"));
        assert_eq!(org_sector("World Development Movement"), Some("NGO"));
        assert_eq!(org_sector("Foreign Policy Centre"), Some("NGO"));
        assert_eq!(org_sector("Security Council"), Some("GOV"));
        assert_eq!(org_sector("Economic Policy Council"), Some("GOV"));
    }

    #[test]
    fn longest_role_wins() {
        assert_eq!(
            match_role(&["secretary", "of", "state", "antony"]),
            Some((3, "GOV"))
        );
        assert_eq!(match_role(&["defense", "secretary"]), Some((2, "MIL")));
        assert_eq!(match_role(&["secretary"]), Some((1, "GOV")));
        assert_eq!(match_role(&["antony"]), None);
        // From the PETRARCH2 agents dictionary.
        assert_eq!(match_role(&["rebel", "leader"]), Some((2, "REB")));
        assert_eq!(match_role(&["rebel", "fled"]), Some((1, "REB")));
        assert_eq!(
            match_role(&["agriculture", "minister", "x"]),
            Some((2, "GOV"))
        );
        // A longer phrase of the agents beats a shorter one of our own.
        assert_eq!(
            match_role(&["general", "of", "the", "army"]),
            Some((4, "MIL"))
        );
        // "director general" is no general: what the director heads says.
        assert_eq!(
            match_role(&["director", "general", "for", "europe"]),
            Some((2, ""))
        );
    }

    #[test]
    fn an_organisation_s_head_word_gives_its_sector_and_business_lobbies_are_business() {
        assert_eq!(org_sector("British Chambers of Commerce"), Some("BUS"));
        assert_eq!(
            known_org("CBI"),
            Some(("Confederation of British Industry", "BUS"))
        );
        assert_eq!(org_country("CBI"), Some("GBR"));
    }

    #[test]
    fn an_organisation_s_head_word_gives_its_sector() {
        assert_eq!(org_sector("Ministry of Defence"), Some("GOV"));
        assert_eq!(org_sector("Bill Gates Foundation"), Some("NGO"));
        assert_eq!(org_sector("Campaign for Nuclear Disarmament"), Some("NGO"));
        assert_eq!(org_sector("Morgan Guaranty Trust"), None);
    }

    #[test]
    fn a_legislatures_chambers_and_committees_are_the_legislature() {
        for chamber in [
            "House",
            "House of Lords",
            "House of Representatives",
            "Houses of Parliament",
            "House Ways and Means Trade Subcommittee",
            "Senate Appropriations",
            "Senate Appropriations subcommittee",
        ] {
            assert_eq!(org_sector(chamber), Some("LEG"), "{chamber}");
        }
        // A firm named a house is not a chamber.
        assert_eq!(org_sector("House of Fraser"), None);
        assert_eq!(org_sector("White House"), None);
    }

    #[test]
    fn a_committee_is_a_legislatures_unless_its_name_gives_it_another_calling() {
        assert_eq!(org_sector("Ways and Means committee"), Some("LEG"));
        assert_eq!(org_sector("Budget Committee"), Some("LEG"));
        assert_eq!(org_sector("U.S. Olympic Committee"), Some("NGO"));
        assert_eq!(org_sector("Monetary Policy Committee"), Some("GOV"));
        assert_eq!(org_sector("Federal Open Market Committee"), Some("GOV"));
        assert_eq!(org_sector("Shadow Open Market Committee"), None);
        assert_eq!(org_sector("UFCWU bargaining committee"), Some("LAB"));
        assert_eq!(
            org_sector("Joint Committee of Maize Importers"),
            Some("BUS")
        );
        assert_eq!(org_sector("National Executive Committee"), None);
    }

    #[test]
    fn trade_unions_are_labour_and_exchanges_are_business() {
        for union in [
            "United Auto Workers",
            "National Union of Mineworkers",
            "Transport and General Workers' Union",
            "Trades Union Congress",
            "United Food and Commercial Workers Union",
        ] {
            assert_eq!(org_sector(union), Some("LAB"), "{union}");
        }
        // A union of states, a bank's or a legislature's congress is not one.
        assert_eq!(org_sector("European Union"), None);
        assert_eq!(org_sector("Credit Union"), None);
        assert_eq!(org_sector("National People's Congress"), Some("LEG"));
        assert_eq!(org_sector("New York Stock Exchange"), Some("BUS"));
        assert_eq!(
            org_sector("Securities and Exchange Commission"),
            Some("GOV")
        );
    }

    #[test]
    fn a_rating_agency_is_one_american_firm_by_any_name() {
        assert_eq!(
            known_org("Moody's"),
            Some(("Moody's Investors Service", "BUS"))
        );
        assert_eq!(
            known_org("Moody's Investors Service Inc"),
            known_org("Moody's")
        );
        assert_eq!(org_country("Moody's Investors Service"), Some("USA"));
        assert_eq!(known_org("Liberal Democrat"), known_org("Lib Dems"));
    }
}
