//! Known actors, from the PETRARCH2/Phoenix dictionaries (Open Event Data,
//! MIT) as `scripts/gen_gazetteers.py` compacts them: people with every
//! role they held and its dates (`actors.tsv`), and organisations under
//! each of their names with their CAMEO code: international ones and NGOs
//! (`igos.tsv`), non-state armed groups (`groups.tsv`). What a person is
//! depends on the article's date: Peter Mandelson was a British minister
//! from 2008 to 2010, and only then.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

/// One role a known person held: a CAMEO code (`GBRGOVBUS`, `IGOUNO`) and
/// the days it began and ended (open when unknown).
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Role {
    /// Whether the dictionary dates the role.
    pub fn dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// The elite's standing (ELI), not an office.
    fn is_elite(&self) -> bool {
        self.code.get(3..6) == Some("ELI")
    }

    fn holds_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date) && self.to.is_none_or(|to| date <= to)
    }

    /// A role for no country: an international organisation's, an NGO's,
    /// a transnational armed group's ("IMGMUSALQ").
    fn is_international(&self) -> bool {
        ["IGO", "NGO", "IMG"]
            .iter()
            .any(|prefix| self.code.starts_with(prefix))
    }

    fn standing<'a>(&'a self, person: &'a KnownPerson) -> Standing<'a> {
        if self.is_international() {
            return Standing {
                country: None,
                sector: Some(&self.code[..3]),
                code: Some(&self.code),
            };
        }
        // Phoenix codes legislators as government's legislature
        // ("USAGOVLEG"): their sector is the legislature.
        let sector = if self.code.get(3..9) == Some("GOVLEG") {
            Some("LEG")
        } else {
            self.code.get(3..6)
        };
        Standing {
            country: self.code.get(..3).or(non_empty(&person.country)),
            sector,
            code: None,
        }
    }
}

/// A known person.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KnownPerson {
    /// Their country (empty for people known only by international roles).
    pub country: String,
    /// The sector of their latest (or open-ended) role.
    pub sector: String,
    pub roles: Vec<Role>,
}

/// A given name and a surname, without a title ("ronald reagan", not
/// "president reagan" or "ronald wilson reagan").
fn is_plain_full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    words.len() == 2
        && words[0].chars().all(char::is_alphabetic)
        && !crate::lexicon::is_title_word(words[0])
        && !crate::lexicon::is_honorific(words[0])
}

/// What a known person is on a day: the country and sector they act for,
/// and an international organisation's code when they act for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing<'a> {
    pub country: Option<&'a str>,
    pub sector: Option<&'a str>,
    pub code: Option<&'a str>,
}

fn non_empty(value: &str) -> Option<&str> {
    (!value.is_empty()).then_some(value)
}

impl KnownPerson {
    /// What they are on `date`: the role that held that day (a dated one
    /// before an undated one); with none, only their country. Without a
    /// date, their latest role.
    pub fn on(&self, date: Option<NaiveDate>) -> Standing<'_> {
        let Some(date) = date else {
            return self.latest();
        };
        let dated = self
            .roles
            .iter()
            .filter(|r| r.dated() && r.holds_on(date))
            .max_by_key(|r| (r.from, r.to));
        let role = dated.or_else(|| self.roles.iter().find(|r| !r.dated()));
        match role {
            Some(role) => role.standing(self),
            None => Standing {
                country: non_empty(&self.country),
                sector: None,
                code: None,
            },
        }
    }

    /// Whether, on `date`, they had left every office the dictionary dates
    /// (only an elite's standing may hold then): a title the text gives
    /// them is of the past ("President Carter" in 1987, "Prime Minister
    /// Harold Wilson" in 2005).
    pub fn retired_on(&self, date: NaiveDate) -> bool {
        let left_office = self
            .roles
            .iter()
            .any(|r| !r.is_elite() && r.to.is_some_and(|to| to < date));
        left_office
            && self
                .roles
                .iter()
                .filter(|r| r.dated())
                .all(|r| r.to.is_some_and(|to| to < date) || (r.is_elite() && r.holds_on(date)))
    }

    /// Whether a dated role other than the elite's held on `date`: then a
    /// "former" in the text is about another office ("former Senate leader
    /// Howard Baker", chief of staff at the time).
    pub fn in_office_on(&self, date: NaiveDate) -> bool {
        self.roles
            .iter()
            .any(|r| r.dated() && r.holds_on(date) && !r.is_elite())
    }

    /// A state body the country actors file lists without dates ("Federal
    /// Bureau of Investigation" USACOP, "National Security Council"
    /// USAGOV): its country and sector.
    pub fn as_body(&self) -> Option<(&str, &str)> {
        let [role] = &self.roles[..] else {
            return None;
        };
        if role.dated() || role.is_international() {
            return None;
        }
        Some((role.code.get(..3)?, role.code.get(3..6)?))
    }

    /// Their latest role: open-ended first, then the one that ended last.
    fn latest(&self) -> Standing<'_> {
        let rank = |r: &&Role| match (r.from, r.to) {
            (Some(from), None) => (2, Some(from)),
            (_, Some(to)) => (1, Some(to)),
            (None, None) => (0, None),
        };
        match self.roles.iter().max_by_key(rank) {
            Some(role) => role.standing(self),
            None => Standing {
                country: non_empty(&self.country),
                sector: non_empty(&self.sector),
                code: None,
            },
        }
    }
}

/// An organisation the dictionaries know by name: an international
/// organisation or NGO, or a non-state armed group.
#[derive(Debug, Clone, PartialEq)]
pub struct Igo {
    /// Its canonical English name ("North Atlantic Treaty Organization").
    pub name: String,
    /// Its CAMEO code: "IGOWSTNAT"; for an armed group its country (or
    /// region) and REB ("NICREB"), or IMG for a transnational one
    /// ("IMGMUSALQ").
    pub code: String,
}

/// Why a dictionary file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{file} line {line}: {problem}")]
pub struct ActorsError {
    file: &'static str,
    line: usize,
    problem: String,
}

/// The known people and international organisations.
#[derive(Debug, Default)]
pub struct Actors {
    people: Vec<KnownPerson>,
    /// Each known person's name as the dictionary writes it, lowercase.
    names: Vec<String>,
    by_name: HashMap<String, usize>,
    /// Full names without middle initials or a generational suffix
    /// ("clayton yeutter" of "Clayton K. Yeutter", "james baker" of "James
    /// A. Baker III"): the one person so called (`None` when several are).
    by_short_name: HashMap<String, Option<usize>>,
    /// Lowercase last name → the known people of that name.
    by_surname: HashMap<String, Vec<usize>>,
    igos: Vec<Igo>,
    /// Long names, folded ([`igo_key`]).
    igo_by_name: HashMap<String, usize>,
    /// Short names (acronyms), exactly as written: "WHO" is not "Who".
    igo_by_acronym: HashMap<String, usize>,
    /// The one-word names of armed groups, of seven letters or more,
    /// lowercase ("contras", "sandinistas").
    group_words: HashSet<String>,
}

/// A person's name as the index keys it: lowercase, without the periods of
/// initials ("George W. Bush" and "George W Bush" are one).
fn person_key(name: &str) -> String {
    name.to_lowercase().replace('.', "")
}

/// A person key without single-letter middle initials and a trailing
/// "jr", "sr", "ii", "iii" or "iv"; `None` when nothing drops or fewer than
/// two words would stay.
fn short_name(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| {
            let initial = i > 0 && i < last && w.chars().count() == 1;
            let suffix = i == last && i >= 2 && matches!(*w, "jr" | "sr" | "ii" | "iii" | "iv");
            !(initial || suffix)
        })
        .map(|(_, w)| *w)
        .collect();
    (kept.len() >= 2 && kept.len() < words.len()).then(|| kept.join(" "))
}

/// An organisation's long name as the index keys it: lowercase, without a
/// leading "the", with British and American spellings alike
/// ("Organisation"/"Organization", "Co-operation"/"Cooperation").
fn igo_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower
        .replace("organisation", "organization")
        .replace("co-operation", "cooperation")
        .replace('-', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name short enough to be an acronym, matched only as written.
fn is_short(name: &str) -> bool {
    !name.contains(' ') && name.chars().filter(|c| c.is_alphanumeric()).count() <= 6
}

fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y%m%d").ok()
}

impl Actors {
    /// Reads `actors.tsv` (`name, country, sector, roles`; roles are
    /// `CODE:FROM:TO` with YYYYMMDD days, comma-separated) and `igos.tsv`
    /// (`name, canonical name, code`).
    pub fn parse(people: &str, igos: &str) -> Result<Self, ActorsError> {
        let mut actors = Actors::default();
        for (n, line) in data_lines(people) {
            let fields: Vec<&str> = line.split('\t').collect();
            if !(3..=4).contains(&fields.len()) {
                return Err(ActorsError {
                    file: "actors.tsv",
                    line: n,
                    problem: format!("expected 3 or 4 fields, got {}", fields.len()),
                });
            }
            let mut roles = Vec::new();
            for role in fields.get(3).into_iter().flat_map(|r| r.split(',')) {
                let parts: Vec<&str> = role.split(':').collect();
                let [code, from, to] = parts[..] else {
                    return Err(ActorsError {
                        file: "actors.tsv",
                        line: n,
                        problem: format!("role {role:?} is not CODE:FROM:TO"),
                    });
                };
                roles.push(Role {
                    code: code.to_owned(),
                    from: day(from),
                    to: day(to),
                });
            }
            let person = KnownPerson {
                country: fields[1].to_owned(),
                sector: fields[2].to_owned(),
                roles,
            };
            let index = actors.people.len();
            // A title phrase ("american secretary of defence") has no
            // surname to index.
            let words: Vec<&str> = fields[0].split(' ').collect();
            let title = words.len() >= 2
                && (words[words.len() - 2] == "of"
                    || crate::lexicon::is_title_word(words[words.len() - 1]));
            if let Some(last) = words.last().filter(|l| l.len() > 2 && !title) {
                actors
                    .by_surname
                    .entry((*last).to_owned())
                    .or_default()
                    .push(index);
            }
            let key = person_key(fields[0]);
            if let Some(short) = short_name(&key) {
                let people = &actors.people;
                actors
                    .by_short_name
                    .entry(short)
                    .and_modify(|known| {
                        if known.is_some_and(|k| people[k] != person) {
                            *known = None;
                        }
                    })
                    .or_insert(Some(index));
            }
            actors.by_name.insert(key, index);
            actors.people.push(person);
            actors.names.push(fields[0].to_owned());
        }
        actors.add_organisations("igos.tsv", igos)?;
        Ok(actors)
    }

    /// Adds the non-state armed groups of `groups.tsv` (`name, canonical
    /// name, code`); a name an international organisation already has
    /// stays the organisation's.
    pub fn with_groups(mut self, groups: &str) -> Result<Self, ActorsError> {
        self.add_organisations("groups.tsv", groups)?;
        self.group_words = data_lines(groups)
            .filter_map(|(_, line)| line.split('\t').next())
            .filter(|name| !name.contains(' ') && name.chars().count() >= 7)
            .map(str::to_lowercase)
            .collect();
        Ok(self)
    }

    /// Whether `word`, lowercase, is an armed group's one-word name of seven
    /// letters or more ("contras"): unlike a shorter one, no everyday word.
    pub fn is_group_word(&self, word: &str) -> bool {
        self.group_words.contains(word)
    }

    /// Indexes the organisations of one file under each of their names; a
    /// name an earlier file gave keeps its organisation.
    fn add_organisations(&mut self, file: &'static str, text: &str) -> Result<(), ActorsError> {
        let earlier = self.igos.len();
        let mut canonical: HashMap<String, usize> = HashMap::new();
        for (n, line) in data_lines(text) {
            let fields: Vec<&str> = line.split('\t').collect();
            let [alias, name, code] = fields[..] else {
                return Err(ActorsError {
                    file,
                    line: n,
                    problem: format!("expected 3 fields, got {}", fields.len()),
                });
            };
            let index = *canonical.entry(name.to_owned()).or_insert_with(|| {
                self.igos.push(Igo {
                    name: name.to_owned(),
                    code: code.to_owned(),
                });
                self.igos.len() - 1
            });
            let (by, key) = if is_short(alias) {
                (&mut self.igo_by_acronym, alias.to_owned())
            } else {
                (&mut self.igo_by_name, igo_key(alias))
            };
            let known = by.entry(key).or_insert(index);
            if *known >= earlier {
                *known = index;
            }
        }
        Ok(())
    }

    /// A known person, by full name in any case; a name written without
    /// the dictionary's middle initial or suffix ("Clayton Yeutter") finds
    /// the one person it can be.
    pub fn person(&self, name: &str) -> Option<&KnownPerson> {
        let key = person_key(name);
        self.by_name
            .get(&key)
            .copied()
            .or_else(|| {
                let short = short_name(&key).unwrap_or(key);
                self.by_short_name.get(&short).copied().flatten()
            })
            .map(|i| &self.people[i])
    }

    /// The known person called `surname` ("Reagan", "Gorbachev"), when every
    /// one of that name has the same country.
    pub fn person_by_surname(&self, surname: &str) -> Option<&KnownPerson> {
        let mut people = self.people_by_surname(surname);
        let first = people.next()?;
        people
            .all(|other| other.country == first.country)
            .then_some(first)
    }

    /// The one full name of two words, without a title ("ronald reagan",
    /// not "president reagan" or "ronald wilson reagan"), among the entries
    /// of the people called `surname`, when they all share a country.
    pub fn full_name_by_surname(&self, surname: &str) -> Option<&str> {
        let people = self.by_surname.get(&surname.to_lowercase())?;
        let country = &self.people[*people.first()?].country;
        if people.iter().any(|&i| self.people[i].country != *country) {
            return None;
        }
        let mut full = self.plain_full_names(people);
        let one = full.next()?;
        full.next().is_none().then_some(one)
    }

    /// The names of `people` that are a given name and a surname alone.
    fn plain_full_names(&self, people: &[usize]) -> std::vec::IntoIter<&str> {
        people
            .iter()
            .map(|&i| self.names[i].as_str())
            .filter(|name| is_plain_full_name(name))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// The one person called `surname` in office on `date` for a country
    /// `serves` accepts ("Blair" in a British story of 2005: Tony Blair,
    /// not the American admiral), however many names the dictionary lists
    /// them under ("prime minister gordon brown"), with their one full name
    /// of two words if it has one ("tony blair").
    pub fn namesake_in_office(
        &self,
        surname: &str,
        date: NaiveDate,
        serves: impl Fn(&str) -> bool,
    ) -> Option<(&KnownPerson, Option<&str>)> {
        let serving: Vec<usize> = self
            .by_surname
            .get(&surname.to_lowercase())?
            .iter()
            .copied()
            .filter(|&i| self.people[i].in_office_on(date) && serves(&self.people[i].country))
            .collect();
        let first = &self.people[*serving.first()?];
        if serving.iter().any(|&i| self.people[i] != *first) {
            return None;
        }
        let mut full = self.plain_full_names(&serving);
        let name = full
            .next()
            .and_then(|one| full.all(|other| other == one).then_some(one));
        Some((first, name))
    }

    /// Every known person called `surname`.
    pub fn people_by_surname(&self, surname: &str) -> impl Iterator<Item = &KnownPerson> {
        self.by_surname
            .get(&surname.to_lowercase())
            .into_iter()
            .flatten()
            .map(|&i| &self.people[i])
    }

    /// The international organisation `name` names: a long name in any
    /// case or spelling, an acronym as written ("NATO", "Nato", "N.A.T.O.").
    pub fn igo(&self, name: &str) -> Option<&Igo> {
        let undotted: String = name.chars().filter(|&c| c != '.').collect();
        let index = if is_short(&undotted) {
            self.igo_by_acronym
                .get(name)
                .or_else(|| self.igo_by_acronym.get(&undotted))
        } else {
            self.igo_by_name.get(&igo_key(name))
        };
        index.map(|&i| &self.igos[i])
    }
}

/// The data lines of a bundled file, numbered from 1: no blank lines, no
/// `#` comments.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(n, line)| (n + 1, line))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEOPLE: &str = "\
peter mandelson\tGBR\tGOV\tGBRGOVBUS:20081101:20100531
kofi annan\t\tIGO\tIGOUNO:19970101:20061231
leonid kuchma\tUKR\tGOV\tUKRELI::,UKRGOV:19921013:19930922,UKRGOV:19940719:20050123
clayton k. yeutter\tUSA\tGOV\tUSAGOVBUS:19850701:19890120
george h. w. bush\tUSA\tGOV\tUSAGOV:19890120:19930120
george w. bush\tUSA\tGOV\tUSAGOV:20010120:20090120
james a. baker iii\tUSA\tGOV\tUSAGOV:19850204:19880817
";
    const IGOS: &str = "\
NATO\tNorth Atlantic Treaty Organization\tIGOWSTNAT
Nato\tNorth Atlantic Treaty Organization\tIGOWSTNAT
North Atlantic Treaty Organization\tNorth Atlantic Treaty Organization\tIGOWSTNAT
WHO\tWorld Health Organization\tIGOUNOHLH
World Trade Organization\tWorld Trade Organization\tIGOBUSWTO
";

    fn date(text: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    }

    #[test]
    fn a_role_counts_only_on_its_dates() {
        let actors = Actors::parse(PEOPLE, IGOS).expect("parses");
        let mandelson = actors.person("Peter Mandelson").expect("known");
        let before = mandelson.on(date("2005-02-22"));
        assert_eq!(
            (before.country, before.sector, before.code),
            (Some("GBR"), None, None),
            "in 2005 he was no British minister: only his country"
        );
        let during = mandelson.on(date("2009-06-01"));
        assert_eq!((during.country, during.sector), (Some("GBR"), Some("GOV")));
        let after = mandelson.on(date("2011-01-01"));
        assert_eq!(after.sector, None);
        // Without a date, the latest role.
        assert_eq!(mandelson.on(None).sector, Some("GOV"));
    }

    #[test]
    fn a_transnational_militant_acts_for_no_country() {
        let people = "osama bin laden\t\tIMG\tIMGMUSALQ::\n";
        let actors = Actors::parse(people, IGOS).expect("parses");
        let laden = actors.person("Osama Bin Laden").expect("known");
        let standing = laden.on(date("2005-01-24"));
        assert_eq!(
            (standing.country, standing.sector, standing.code),
            (None, Some("IMG"), Some("IMGMUSALQ"))
        );
    }

    #[test]
    fn a_name_an_international_organisation_has_stays_its_own() {
        let groups = "WHO\tWorld Heroes Organisation\tINTREB\nContras\tContras\tNICREB\n";
        let actors = Actors::parse(PEOPLE, IGOS)
            .and_then(|a| a.with_groups(groups))
            .expect("parses");
        assert_eq!(
            actors.igo("WHO").map(|i| i.code.as_str()),
            Some("IGOUNOHLH")
        );
        assert_eq!(
            actors.igo("contras").map(|i| i.code.as_str()),
            Some("NICREB")
        );
    }

    #[test]
    fn an_undated_role_fills_in_between_dated_ones() {
        let actors = Actors::parse(PEOPLE, IGOS).expect("parses");
        let kuchma = actors.person("leonid kuchma").expect("known");
        assert_eq!(kuchma.on(date("2000-01-01")).sector, Some("GOV"));
        // Out of office in 2005: an elite, no longer government.
        assert_eq!(kuchma.on(date("2005-03-01")).sector, Some("ELI"));
    }

    #[test]
    fn people_of_international_organisations_act_for_them() {
        let actors = Actors::parse(PEOPLE, IGOS).expect("parses");
        let annan = actors
            .person("Kofi Annan")
            .expect("known")
            .on(date("2004-05-01"));
        assert_eq!(
            (annan.country, annan.sector, annan.code),
            (None, Some("IGO"), Some("IGOUNO"))
        );
    }

    #[test]
    fn organisations_by_any_name_acronyms_as_written() {
        let actors = Actors::parse(PEOPLE, IGOS).expect("parses");
        for name in [
            "NATO",
            "Nato",
            "N.A.T.O.",
            "North Atlantic Treaty Organisation",
            "the North Atlantic Treaty Organization",
        ] {
            assert_eq!(
                actors.igo(name).map(|i| i.code.as_str()),
                Some("IGOWSTNAT"),
                "{name}"
            );
        }
        assert_eq!(
            actors
                .igo("World Trade Organisation")
                .map(|i| i.name.as_str()),
            Some("World Trade Organization")
        );
        assert!(actors.igo("WHO").is_some());
        assert!(actors.igo("Who").is_none(), "a word is not an acronym");
    }

    #[test]
    fn a_name_without_its_middle_initial_finds_the_one_person_so_called() {
        let actors = Actors::parse(PEOPLE, IGOS).expect("parses");
        let yeutter = actors.person("Clayton Yeutter").expect("known");
        assert_eq!(yeutter.on(date("1987-03-17")).country, Some("USA"));
        assert!(actors.person("James Baker").is_some(), "suffix and initial");
        assert!(actors.person("George W Bush").is_some(), "as written");
        assert!(
            actors.person("George Bush").is_none(),
            "two presidents are so called"
        );
    }

    #[test]
    fn malformed_rows_are_errors() {
        assert!(Actors::parse("x\tGBR\n", "").is_err());
        assert!(Actors::parse("x\tGBR\tGOV\tGBRGOV\n", "").is_err());
        assert!(Actors::parse("", "NATO\tNATO\n").is_err());
    }
}
