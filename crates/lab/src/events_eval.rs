//! `tidings-lab eval-events`: precision and recall of the event coder
//! against hand-coded events.
//!
//! A gold file is JSON Lines; `#` lines are comments (the coding
//! conventions). Each line is an article, given inline (`text`) or by
//! reference to `../shared/data` or the repository (`doc`), with its date
//! and expected events:
//!
//! ```text
//! {"doc": "reuters21578/reut2-002.sgm#NEWID=2345", "date": "1987-03-05",
//!  "events": [{"source": "USA", "target": "person:qin-gang", "root": "04",
//!              "date": "2023-06-18", "precision": "day", "place": "Beijing",
//!              "symmetric": true}]}
//! ```
//!
//! An actor given as three capital letters is a country and matches a coded
//! actor of that country; anything else is an entity key and matches that
//! key. A coded event matches an expected one with the same actors (either
//! way round for a symmetric event or root 04), the same root code, and the
//! same date at the expected precision (`day`, `week` (ISO week), `month`,
//! `year`, or `article`: the article's date). Each expected event matches
//! at most one coded event.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context as _;
use chrono::{Datelike, NaiveDate};
use tidings_nlp::analysis::Analyzer;
use tidings_nlp::gazetteer::Gazetteer;
use tidings_proto::RawArticle;
use tidings_proto::v1::{Actor, Event};

use crate::corpus;

/// One article of a gold file.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct GoldArticle {
    #[serde(default)]
    pub doc: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    pub date: NaiveDate,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

/// One expected event.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct GoldEvent {
    pub source: String,
    pub target: String,
    pub root: String,
    pub date: NaiveDate,
    pub precision: String,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub symmetric: bool,
    #[serde(default)]
    pub trigger: Option<String>,
}

/// Reads a gold file (JSON Lines, `#` comments).
pub fn read_gold(text: &str) -> anyhow::Result<Vec<GoldArticle>> {
    crate::corpus::gold_lines(text)
}

/// Does a coded actor stand for the expected one?
pub fn actor_matches(expected: &str, actor: Option<&Actor>) -> bool {
    let Some(actor) = actor else {
        return false;
    };
    let is_country = expected.len() == 3 && expected.chars().all(|c| c.is_ascii_uppercase());
    if is_country {
        actor.country == expected
    } else {
        actor.key == expected
    }
}

/// The first day of the period `date` falls in, at `precision`.
fn truncate(date: NaiveDate, precision: &str) -> NaiveDate {
    match precision {
        "week" => date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday())),
        "month" => date.with_day(1).unwrap_or(date),
        "year" => NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date),
        _ => date,
    }
}

/// Does a coded event match an expected one?
pub fn event_matches(expected: &GoldEvent, event: &Event, article_date: NaiveDate) -> bool {
    if event.root_code != expected.root {
        return false;
    }
    let Ok(date) = NaiveDate::parse_from_str(&event.date, "%Y-%m-%d") else {
        return false;
    };
    let date_ok = match expected.precision.as_str() {
        "article" => date == article_date || date == expected.date,
        precision => truncate(date, precision) == truncate(expected.date, precision),
    };
    if !date_ok {
        return false;
    }
    let (source, target) = (event.source.as_ref(), event.target.as_ref());
    let forward =
        actor_matches(&expected.source, source) && actor_matches(&expected.target, target);
    let symmetric = expected.symmetric || expected.root == "04";
    let backward = symmetric
        && actor_matches(&expected.source, target)
        && actor_matches(&expected.target, source);
    forward || backward
}

/// Figures of one evaluation.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tally {
    pub articles: usize,
    pub expected: usize,
    pub coded: usize,
    pub matched: usize,
    /// Matched events whose expected place was given, and those whose coded
    /// place has the same name.
    pub places: usize,
    pub places_right: usize,
    pub sentences: usize,
    pub coding_seconds: f64,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.coded)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Matches `events` against `expected` one to one (each expected event
/// takes the first unused coded event that matches). Returns, for each
/// expected event, the index of its coded event.
pub fn assign(
    expected: &[GoldEvent],
    events: &[Event],
    article_date: NaiveDate,
) -> Vec<Option<usize>> {
    let mut used = vec![false; events.len()];
    expected
        .iter()
        .map(|gold| {
            let found = events
                .iter()
                .enumerate()
                .find(|(i, e)| !used[*i] && event_matches(gold, e, article_date))
                .map(|(i, _)| i);
            if let Some(i) = found {
                used[i] = true;
            }
            found
        })
        .collect()
}

/// The article a gold line stands for, dated at noon of its date.
pub fn article_of(gold: &GoldArticle, data: &Path, repo: &Path) -> anyhow::Result<RawArticle> {
    let body = match (&gold.text, &gold.doc) {
        (Some(text), _) => text.clone(),
        (None, Some(doc)) => corpus::document_text(doc, data, repo)?,
        (None, None) => anyhow::bail!("a gold article needs `text` or `doc`"),
    };
    let published = gold
        .date
        .and_hms_opt(12, 0, 0)
        .map(|d| d.and_utc().timestamp_millis());
    Ok(RawArticle {
        event_id: "eval".into(),
        article_id: gold.doc.clone().unwrap_or_else(|| "inline".into()),
        published_at_ms: published,
        body,
        ..RawArticle::default()
    })
}

/// Arguments of `eval-events`.
#[derive(Debug, clap::Args)]
pub struct EvalEventsArgs {
    /// The gold file (JSON Lines).
    pub file: PathBuf,
    /// Where `doc` references point (`../shared/data`).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Also print every article's expected and coded events.
    #[arg(long)]
    pub show: bool,
}

/// Runs the analyzer over every article of the gold file and scores it.
pub fn evaluate(
    analyzer: &Analyzer,
    gold: &[GoldArticle],
    args: &EvalEventsArgs,
) -> anyhow::Result<Tally> {
    let repo = std::env::current_dir()?;
    let mut tally = Tally::default();
    for article in gold {
        let raw = article_of(article, &args.data, &repo)?;
        let analysis = analyzer.analyze(&raw, 0)?;
        let prepared = analyzer.prepare(&raw)?;
        tally.sentences += prepared.sentences();
        // Speed: the event stage alone, fastest of three runs.
        let mut best = f64::INFINITY;
        for _ in 0..3 {
            let started = Instant::now();
            std::hint::black_box(analyzer.code_events(&prepared));
            best = best.min(started.elapsed().as_secs_f64());
        }
        tally.coding_seconds += best;
        let assigned = assign(&article.events, &analysis.events, article.date);
        tally.articles += 1;
        tally.expected += article.events.len();
        tally.coded += analysis.events.len();
        tally.matched += assigned.iter().flatten().count();
        for (gold, found) in article.events.iter().zip(&assigned) {
            if let (Some(place), Some(i)) = (&gold.place, found) {
                tally.places += 1;
                let coded = analysis.events[*i]
                    .location
                    .as_ref()
                    .map(|l| l.name.as_str());
                if coded.is_some_and(|c| same_place(analyzer.gazetteer(), place, c)) {
                    tally.places_right += 1;
                }
            }
        }
        if args.show {
            show(article, &analysis.events, &assigned);
        }
    }
    Ok(tally)
}

/// Whether the place the gold names is the one coded, however spelt:
/// "Basra" is the gazetteer's "Basrah", "Britain" its "United Kingdom".
pub fn same_place(gazetteer: &Gazetteer, expected: &str, coded: &str) -> bool {
    if expected.eq_ignore_ascii_case(coded) {
        return true;
    }
    let country = |name: &str| gazetteer.country_by_alias(name).map(|c| c.iso3.as_str());
    if country(expected).is_some() && country(expected) == country(coded) {
        return true;
    }
    gazetteer
        .cities(expected)
        .any(|city| city.name.eq_ignore_ascii_case(coded))
}

fn describe(event: &Event) -> String {
    let actor = |a: Option<&Actor>| {
        a.map(|a| format!("{}({})", a.key, a.country))
            .unwrap_or_else(|| "-".into())
    };
    format!(
        "{} {} -> {} {} {} @{} [{}] conf={:.2}",
        event.cameo_code,
        actor(event.source.as_ref()),
        actor(event.target.as_ref()),
        event.date,
        event.date_precision,
        event.location.as_ref().map_or("", |l| l.name.as_str()),
        event.trigger,
        event.confidence
    )
}

fn show(article: &GoldArticle, events: &[Event], assigned: &[Option<usize>]) {
    println!(
        "== {} {}",
        article.doc.as_deref().unwrap_or("inline"),
        article.date
    );
    for (gold, found) in article.events.iter().zip(assigned) {
        let mark = if found.is_some() { "ok  " } else { "MISS" };
        // The coded event's confidence, for a match.
        let confidence = found
            .and_then(|i| events.get(i))
            .map(|e| format!(" conf={:.2}", e.confidence))
            .unwrap_or_default();
        println!(
            "  {mark} {} {} -> {} {} {} ({}){confidence}",
            gold.root,
            gold.source,
            gold.target,
            gold.date,
            gold.precision,
            gold.trigger.as_deref().unwrap_or("")
        );
    }
    for (i, event) in events.iter().enumerate() {
        if !assigned.contains(&Some(i)) {
            println!("  EXTRA {}", describe(event));
        }
    }
}

/// `eval-events FILE`: prints the figures, last line
/// `events precision=… recall=… sentences_per_second=N`.
pub fn eval_events(args: &EvalEventsArgs) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let gold = read_gold(&text)?;
    let analyzer = Analyzer::bundled(usize::MAX)?;
    let tally = evaluate(&analyzer, &gold, args)?;
    let per_second = if tally.coding_seconds > 0.0 {
        (tally.sentences as f64 / tally.coding_seconds).round() as u64
    } else {
        0
    };
    println!(
        "articles={} expected={} coded={} matched={} places={}/{}",
        tally.articles,
        tally.expected,
        tally.coded,
        tally.matched,
        tally.places_right,
        tally.places
    );
    println!(
        "events precision={:.4} recall={:.4} sentences_per_second={per_second}",
        tally.precision(),
        tally.recall()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(key: &str, country: &str) -> Actor {
        Actor {
            key: key.into(),
            country: country.into(),
            ..Actor::default()
        }
    }

    fn event(root: &str, source: Actor, target: Actor, date: &str) -> Event {
        Event {
            root_code: root.into(),
            source: Some(source),
            target: Some(target),
            date: date.into(),
            ..Event::default()
        }
    }

    fn gold(line: &str) -> GoldEvent {
        serde_json::from_str(line).expect("gold event")
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn places_match_however_spelt() {
        let gazetteer = Gazetteer::bundled().expect("gazetteer");
        assert!(same_place(&gazetteer, "Britain", "United Kingdom"));
        assert!(same_place(&gazetteer, "beijing", "Beijing"));
        assert!(!same_place(&gazetteer, "London", "United Kingdom"));
        assert!(!same_place(&gazetteer, "United States", "United Kingdom"));
    }

    #[test]
    fn countries_match_by_country_and_keys_by_key() {
        let blinken = actor("person:antony-blinken", "USA");
        assert!(actor_matches("USA", Some(&blinken)));
        assert!(actor_matches("person:antony-blinken", Some(&blinken)));
        assert!(!actor_matches("CHN", Some(&blinken)));
        assert!(!actor_matches("person:qin-gang", Some(&blinken)));
        assert!(!actor_matches("USA", None));
    }

    #[test]
    fn dates_match_at_the_stated_precision() {
        let coded = event("04", actor("a", "USA"), actor("b", "CHN"), "2023-06-14");
        let week = gold(
            r#"{"source":"USA","target":"CHN","root":"04","date":"2023-06-12","precision":"week"}"#,
        );
        assert!(event_matches(&week, &coded, day(2023, 6, 18)));
        let wrong_day = gold(
            r#"{"source":"USA","target":"CHN","root":"04","date":"2023-06-12","precision":"day"}"#,
        );
        assert!(!event_matches(&wrong_day, &coded, day(2023, 6, 18)));
        let month = gold(
            r#"{"source":"USA","target":"CHN","root":"04","date":"2023-06-01","precision":"month"}"#,
        );
        assert!(event_matches(&month, &coded, day(2023, 6, 18)));
    }

    #[test]
    fn meetings_match_either_way_round_and_other_roots_do_not() {
        let coded = event("04", actor("b", "CHN"), actor("a", "USA"), "2023-06-18");
        let meet = gold(
            r#"{"source":"USA","target":"CHN","root":"04","date":"2023-06-18","precision":"day"}"#,
        );
        assert!(event_matches(&meet, &coded, day(2023, 6, 18)));
        let coded = event("11", actor("b", "CHN"), actor("a", "USA"), "2023-06-18");
        let accuse = gold(
            r#"{"source":"USA","target":"CHN","root":"11","date":"2023-06-18","precision":"day"}"#,
        );
        assert!(!event_matches(&accuse, &coded, day(2023, 6, 18)));
    }

    #[test]
    fn each_expected_event_takes_one_coded_event() {
        let coded = vec![
            event("04", actor("a", "USA"), actor("b", "CHN"), "2023-06-18"),
            event("04", actor("a", "USA"), actor("b", "CHN"), "2023-06-18"),
        ];
        let expected = vec![gold(
            r#"{"source":"USA","target":"CHN","root":"04","date":"2023-06-18","precision":"day"}"#,
        )];
        assert_eq!(assign(&expected, &coded, day(2023, 6, 18)), [Some(0)]);
    }
}
