//! Which parties governed when: a party in government acts as the
//! government (CAMEO `GOV`), one out of it as the opposition (`OPP`). Only
//! the parties the news this project reads talks about most; a party not
//! listed keeps the generic party sector (`PTY`).

use chrono::NaiveDate;

/// A party by the full name [`super::known_org`] gives, and the periods
/// (first day, day it left; open at the end) it led or shared the
/// government.
const IN_POWER: &[(&str, &[(&str, &str)])] = &[
    (
        "Labour Party",
        &[
            ("1964-10-16", "1970-06-19"),
            ("1974-03-04", "1979-05-04"),
            ("1997-05-02", "2010-05-11"),
            ("2024-07-05", ""),
        ],
    ),
    (
        "Conservative Party",
        &[
            ("1970-06-19", "1974-03-04"),
            ("1979-05-04", "1997-05-02"),
            ("2010-05-11", "2024-07-05"),
        ],
    ),
    ("Liberal Democrats", &[("2010-05-11", "2015-05-08")]),
    ("Scottish National Party", &[]),
    ("UK Independence Party", &[]),
    (
        "Fianna Fail",
        &[
            ("1977-07-05", "1981-06-30"),
            ("1982-03-09", "1982-12-14"),
            ("1987-03-10", "1994-12-15"),
            ("1997-06-26", "2011-03-09"),
            ("2020-06-27", ""),
        ],
    ),
    (
        "Fine Gael",
        &[
            ("1981-06-30", "1982-03-09"),
            ("1982-12-14", "1987-03-10"),
            ("1994-12-15", "1997-06-26"),
            ("2011-03-09", ""),
        ],
    ),
    (
        "Christian Democratic Union",
        &[
            ("1982-10-01", "1998-10-27"),
            ("2005-11-22", "2021-12-08"),
            ("2025-05-06", ""),
        ],
    ),
    (
        "Social Democratic Party",
        &[
            ("1966-12-01", "1982-10-01"),
            ("1998-10-27", "2009-10-28"),
            ("2013-12-17", "2025-05-06"),
        ],
    ),
];

fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Parties of a presidential system: the president's party does not form
/// the government, and what "the Republicans" or "the Democrats" do as a
/// party they mostly do in Congress (CAMEO `LEG`), whoever holds the White
/// House.
const IN_CONGRESS: &[&str] = &["Democratic Party", "Republican Party"];

/// The sector of party `full_name` on `date`: `GOV` while it governed,
/// `OPP` otherwise, `LEG` for a party of a presidential system; `None` for
/// a party not listed.
pub fn party_sector(full_name: &str, date: NaiveDate) -> Option<&'static str> {
    if IN_CONGRESS.contains(&full_name) {
        return Some("LEG");
    }
    let (_, periods) = IN_POWER.iter().find(|(name, _)| *name == full_name)?;
    let governs = periods.iter().any(|(from, to)| {
        day(from).is_some_and(|from| from <= date) && day(to).is_none_or(|to| date < to)
    });
    Some(if governs { "GOV" } else { "OPP" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(text: &str) -> NaiveDate {
        day(text).expect("test date")
    }

    #[test]
    fn parties_govern_between_their_dates() {
        assert_eq!(party_sector("Labour Party", on("2005-02-03")), Some("GOV"));
        assert_eq!(
            party_sector("Conservative Party", on("2005-02-03")),
            Some("OPP")
        );
        assert_eq!(party_sector("Fianna Fail", on("1987-03-05")), Some("OPP"));
        assert_eq!(party_sector("Fianna Fail", on("1987-03-10")), Some("GOV"));
        // The US parties act in Congress, in the White House or not.
        assert_eq!(
            party_sector("Republican Party", on("1987-03-05")),
            Some("LEG")
        );
        assert_eq!(
            party_sector("Democratic Party", on("1987-03-05")),
            Some("LEG")
        );
        assert_eq!(party_sector("Likud", on("2005-02-03")), None);
    }
}
