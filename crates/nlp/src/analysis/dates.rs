//! Resolving the date of an event from the words of its sentence and the
//! article's publication date: "on Friday" is the last Friday on or before
//! publication (the next one in a sentence about the future), "in May" is
//! May of the publication year or the year before, "earlier this week" is
//! the week, "last year" is a year, "last night" the day before.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::lexicon::{MONTHS, WEEKDAYS};
use crate::text::Token;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    /// The ISO week; the date is its Monday.
    Week,
    Month,
    Year,
    /// The text gives no date; the date is the article's.
    Article,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolvedDate {
    pub date: NaiveDate,
    pub precision: Precision,
}

const FUTURE_MARKERS: &[&str] = &["will", "next", "plans", "plan", "scheduled", "upcoming"];

fn weekday(index: usize) -> Weekday {
    match index {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The Monday of the week `date` is in.
fn monday(date: NaiveDate) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
        .unwrap_or(date)
}

/// "this week", "last week", "earlier in the week", "earlier this month",
/// "last month", "last night", "overnight" at token `i`.
fn relative_period(tokens: &[Token], i: usize, published: NaiveDate) -> Option<ResolvedDate> {
    let word = |k: usize| tokens.get(k).map(|t| t.lower.as_str());
    let before = |n: usize| i.checked_sub(n).and_then(word);
    let day = |date: Option<NaiveDate>| {
        date.map(|date| ResolvedDate {
            date,
            precision: Precision::Day,
        })
    };
    match word(i)? {
        "week" => {
            let offset: i64 = match (before(2), before(1)) {
                (_, Some("last" | "past")) => -7,
                (_, Some("next")) => 7,
                (_, Some("this")) | (Some("in"), Some("the")) => 0,
                _ => return None,
            };
            let date = monday(published) + chrono::Duration::days(offset);
            Some(ResolvedDate {
                date,
                precision: Precision::Week,
            })
        }
        "month" => {
            let (year, month) = (published.year(), published.month());
            let (year, month) = match before(1) {
                Some("last" | "past") if month == 1 => (year - 1, 12),
                Some("last" | "past") => (year, month - 1),
                Some("next") if month == 12 => (year + 1, 1),
                Some("next") => (year, month + 1),
                Some("this") => (year, month),
                _ => return None,
            };
            NaiveDate::from_ymd_opt(year, month, 1).map(|date| ResolvedDate {
                date,
                precision: Precision::Month,
            })
        }
        "night" if before(1) == Some("last") => day(published.pred_opt()),
        "tonight" => day(Some(published)),
        "morning" | "afternoon" | "evening" if before(1) == Some("this") => day(Some(published)),
        "overnight" => day(published.pred_opt()),
        _ => None,
    }
}

/// Words before a date that make it the start or end of a state or a
/// deadline ("flights from May 31", "until Friday", "by March"), not when
/// the event of the sentence took place.
const SPAN_BOUNDS: &[&str] = &[
    "from",
    "until",
    "till",
    "through",
    "since",
    "by",
    "starting",
    "effective",
];

/// Whether the date word at `i` is governed by a [`SPAN_BOUNDS`] word,
/// across a day number or a "next", "last" or "the" ("from 31 May",
/// "until next week").
fn bounds_a_span(tokens: &[Token], i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        k -= 1;
        let word = tokens[k].lower.as_str();
        if SPAN_BOUNDS.contains(&word) {
            return true;
        }
        let passable = word.parse::<u32>().is_ok()
            || matches!(
                word,
                "next" | "last" | "this" | "the" | "early" | "mid" | "late"
            );
        if !passable || i - k > 2 {
            return false;
        }
    }
    false
}

/// The date a sentence speaks of, nearest to `anchor` (a token index in
/// `tokens`, the sentence), or `None` when it names none. `future` says the
/// event is to come: a bare weekday after it then points forward.
pub fn resolve(
    tokens: &[Token],
    anchor: usize,
    published: NaiveDate,
    future: bool,
) -> Option<ResolvedDate> {
    resolve_near(tokens, anchor, published, future, usize::MAX, &[])
}

/// [`resolve`], taking only date words at most `reach` tokens from `anchor`
/// and not those right after one of `owners` (nouns of other events:
/// "welcoming Gorbachev's offer Saturday" dates the offer).
pub fn resolve_near(
    tokens: &[Token],
    anchor: usize,
    published: NaiveDate,
    future: bool,
    reach: usize,
    owners: &[usize],
) -> Option<ResolvedDate> {
    // A future marker shortly before a weekday points forward; so does an
    // intended event, for a weekday named after it.
    let future_before = |i: usize| {
        (future && i > anchor)
            || tokens[i.saturating_sub(6)..i]
                .iter()
                .any(|t| FUTURE_MARKERS.contains(&t.lower.as_str()))
    };
    let mut best: Option<(usize, ResolvedDate)> = None;
    let mut consider = |index: usize, resolved: ResolvedDate| {
        let distance = index.abs_diff(anchor);
        // Right after it, with no preposition ("offer Saturday", "offer
        // last week", but not "rejected a compromise offer on Sunday").
        let owned = owners.iter().any(|&o| {
            o != anchor
                && index > o
                && index - o <= 2
                && index - o < distance
                && !tokens[o + 1..index]
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "on" | "in" | "at" | "since" | "by"))
        });
        if distance <= reach
            && !owned
            && best.is_none_or(|(d, _)| distance < d)
            && !bounds_a_span(tokens, index)
        {
            best = Some((distance, resolved));
        }
    };
    for (i, token) in tokens.iter().enumerate() {
        let lower = token.lower.as_str();
        // "last week's talks" dates the talks, not the sentence's event.
        if tokens
            .get(i + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "'s" | "\u{2019}s"))
        {
            continue;
        }
        // "in 1975", "in early 1975", "in mid-1983": a past year (a month
        // before it is read with the month).
        let year = lower
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..published.year()).contains(y) && lower.len() == 4);
        let word_before = |k: usize| i.checked_sub(k).map_or("", |p| tokens[p].lower.as_str());
        let part = |w: &str| matches!(w, "early" | "mid" | "late");
        let after_in = word_before(1) == "in"
            || (part(word_before(1)) && word_before(2) == "in")
            || (word_before(1) == "-" && part(word_before(2)) && word_before(3) == "in");
        if let Some(year) = year.filter(|_| after_in) {
            if let Some(date) = NaiveDate::from_ymd_opt(year, 1, 1) {
                consider(
                    i,
                    ResolvedDate {
                        date,
                        precision: Precision::Year,
                    },
                );
            }
        } else if let Some(resolved) = relative_period(tokens, i, published) {
            consider(i, resolved);
        } else if let Some(day) = WEEKDAYS.iter().position(|w| *w == lower) {
            // "on Sunday, June 18, 2023", "Friday, 16 June": the date
            // written out after it says which Sunday.
            let written_out = tokens.get(i + 1).is_some_and(|t| t.text == ",")
                && tokens[i + 2..tokens.len().min(i + 4)]
                    .iter()
                    .any(|t| t.is_capitalized() && MONTHS.contains(&t.lower.as_str()));
            if written_out {
                continue;
            }
            let target = weekday(day);
            let current = published.weekday();
            let date = if future_before(i) {
                let ahead =
                    (7 + target.num_days_from_monday() - current.num_days_from_monday()) % 7;
                published.checked_add_days(Days::new(u64::from(if ahead == 0 { 7 } else { ahead })))
            } else {
                let back = (7 + current.num_days_from_monday() - target.num_days_from_monday()) % 7;
                published.checked_sub_days(Days::new(u64::from(back)))
            };
            if let Some(date) = date {
                consider(
                    i,
                    ResolvedDate {
                        date,
                        precision: Precision::Day,
                    },
                );
            }
        } else if let Some(month) = MONTHS.iter().position(|m| *m == lower) {
            // "May" capitalised mid-sentence is the month; "may" is a verb.
            if !token.is_capitalized() {
                continue;
            }
            let month = month as u32 + 1;
            let next = tokens.get(i + 1).map(|t| t.text.as_str());
            // "March 2" or "2 March".
            let previous = i.checked_sub(1).map(|p| tokens[p].text.as_str());
            let day_number = |d: &str| d.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
            let day = next
                .and_then(day_number)
                .or_else(|| previous.and_then(day_number));
            let explicit_year = tokens.iter().skip(i + 1).take(4).find_map(|t| {
                t.text
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (1900..=2100).contains(y))
            });
            let year = explicit_year.unwrap_or_else(|| {
                let same = published.year();
                if month > published.month() && !future_before(i) {
                    same - 1
                } else {
                    same
                }
            });
            let resolved = match day.and_then(|d| NaiveDate::from_ymd_opt(year, month, d)) {
                Some(date) => ResolvedDate {
                    date,
                    precision: Precision::Day,
                },
                None => match NaiveDate::from_ymd_opt(year, month, 1) {
                    Some(date) => ResolvedDate {
                        date,
                        precision: Precision::Month,
                    },
                    None => continue,
                },
            };
            consider(i, resolved);
        } else if lower == "year" && i > 0 {
            let offset = match tokens[i - 1].lower.as_str() {
                "last" => -1,
                "next" => 1,
                // "this year" dates an act only as "earlier this year".
                "this" if i >= 2 && matches!(tokens[i - 2].lower.as_str(), "earlier" | "later") => {
                    0
                }
                _ => continue,
            };
            if let Some(date) = NaiveDate::from_ymd_opt(published.year() + offset, 1, 1) {
                consider(
                    i,
                    ResolvedDate {
                        date,
                        precision: Precision::Year,
                    },
                );
            }
        } else if let Some(offset) = match lower {
            "yesterday" => Some(-1i64),
            "today" => Some(0),
            "tomorrow" => Some(1),
            _ => None,
        } {
            let date = if offset < 0 {
                published.checked_sub_days(Days::new(offset.unsigned_abs()))
            } else {
                published.checked_add_days(Days::new(offset.unsigned_abs()))
            };
            if let Some(date) = date {
                consider(
                    i,
                    ResolvedDate {
                        date,
                        precision: Precision::Day,
                    },
                );
            }
        }
    }
    best.map(|(_, resolved)| resolved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn the_bounds_of_a_span_date_no_event() {
        let sunday = date(2023, 6, 18);
        let r = |text: &str| resolve(&tokenize(text), 0, sunday, false);
        assert_eq!(r("agreed to operate flights from May 31"), None);
        assert_eq!(r("asked for the data by Monday"), None);
        assert_eq!(r("will stay until next week"), None);
        assert_eq!(r("flights from 31 May"), None);
        assert!(r("agreed on May 31").is_some());
    }

    #[test]
    fn weekdays_months_and_years() {
        let sunday = date(2023, 6, 18);
        let r = |text: &str| resolve(&tokenize(text), 0, sunday, false);
        assert_eq!(
            r("met on Friday"),
            Some(ResolvedDate {
                date: date(2023, 6, 16),
                precision: Precision::Day
            })
        );
        assert_eq!(
            r("talks in Beijing on Sunday"),
            Some(ResolvedDate {
                date: sunday,
                precision: Precision::Day
            })
        );
        // A date written out after the weekday says which one.
        assert_eq!(
            r("Blinken arrives in Beijing on Sunday, June 25, 2023"),
            Some(ResolvedDate {
                date: date(2023, 6, 25),
                precision: Precision::Day
            })
        );
        assert_eq!(
            r("He arrives on Sunday, 18 June"),
            Some(ResolvedDate {
                date: sunday,
                precision: Precision::Day
            })
        );
        assert_eq!(
            r("He will have talks on Monday"),
            Some(ResolvedDate {
                date: date(2023, 6, 19),
                precision: Precision::Day
            })
        );
        assert_eq!(
            r("visited China in May"),
            Some(ResolvedDate {
                date: date(2023, 5, 1),
                precision: Precision::Month
            })
        );
        assert_eq!(
            r("a meeting in September"),
            Some(ResolvedDate {
                date: date(2022, 9, 1),
                precision: Precision::Month
            })
        );
        assert_eq!(
            r("a meeting last year"),
            Some(ResolvedDate {
                date: date(2022, 1, 1),
                precision: Precision::Year
            })
        );
        assert_eq!(
            r("on June 18, 2023"),
            Some(ResolvedDate {
                date: sunday,
                precision: Precision::Day
            })
        );
        assert_eq!(r("it may rain"), None);
        assert_eq!(
            r("on 7 March 2003"),
            Some(ResolvedDate {
                date: date(2003, 3, 7),
                precision: Precision::Day
            })
        );
        assert_eq!(
            r("travelled to Uganda in 1975"),
            Some(ResolvedDate {
                date: date(1975, 1, 1),
                precision: Precision::Year
            })
        );
        // A part of a year is read as the year.
        for text in ["saw heavy fighting in mid-1983", "fought in early 1983"] {
            assert_eq!(
                r(text),
                Some(ResolvedDate {
                    date: date(1983, 1, 1),
                    precision: Precision::Year
                }),
                "{text}"
            );
        }
        // Not a quantity, nor the year of the article.
        assert_eq!(r("sold 1975 tonnes"), None);
        assert_eq!(r("talks in 2023"), None);
    }

    #[test]
    fn weeks_months_and_nights() {
        let sunday = date(2023, 6, 18);
        let r = |text: &str| resolve(&tokenize(text), 0, sunday, false);
        let week = |d| {
            Some(ResolvedDate {
                date: d,
                precision: Precision::Week,
            })
        };
        assert_eq!(
            r("a rejoinder earlier in the week"),
            week(date(2023, 6, 12))
        );
        assert_eq!(r("talks this week"), week(date(2023, 6, 12)));
        assert_eq!(r("talks last week"), week(date(2023, 6, 5)));
        assert_eq!(
            r("earlier this month, China rejected"),
            Some(ResolvedDate {
                date: date(2023, 6, 1),
                precision: Precision::Month
            })
        );
        assert_eq!(
            r("shelling last night"),
            Some(ResolvedDate {
                date: date(2023, 6, 17),
                precision: Precision::Day
            })
        );
    }

    #[test]
    fn the_future_points_forward() {
        let sunday = date(2023, 6, 18);
        assert_eq!(
            resolve(&tokenize("talks with Qin on Monday"), 0, sunday, true),
            Some(ResolvedDate {
                date: date(2023, 6, 19),
                precision: Precision::Day
            })
        );
        assert_eq!(
            resolve(&tokenize("talks with Qin on Monday"), 0, sunday, false),
            Some(ResolvedDate {
                date: date(2023, 6, 12),
                precision: Precision::Day
            })
        );
    }
}
