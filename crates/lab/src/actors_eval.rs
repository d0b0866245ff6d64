//! `tidings-lab eval-actors GOLD`: how the entities of hand-checked stories
//! come out as actors: the key each real entity gets (one, ideally, over
//! all its forms), its kind, country, CAMEO sector and actor code.
//!
//! A gold file is JSON Lines (`#` lines are comments: the conventions). Each
//! line is a story, by reference to `../shared/data` or inline, with its
//! date and its actors:
//!
//! ```text
//! {"doc": "bbc/business/217.txt", "date": "2005-02-22", "actors": [
//!   {"mentions": ["North Atlantic Treaty Organisation", "Nato"], "kind": "ORG",
//!    "country": "", "sector": "IGO", "code": "IGOWSTNAT"}]}
//! ```
//!
//! Every occurrence of every mention string in the text (on word
//! boundaries) is looked up among the analysis's mentions; the keys of the
//! entities found there are the actor's keys. The entity most of them
//! point to is compared field by field; an actor found nowhere counts as
//! wrong in every field.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context as _;
use chrono::NaiveDate;
use tidings_nlp::analysis::Analyzer;
use tidings_proto::v1::{Entity, EntityKind};

use crate::events_eval::{self, GoldArticle};

/// One story of an actor gold file.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct GoldStory {
    #[serde(default)]
    pub doc: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    pub date: NaiveDate,
    pub actors: Vec<GoldActor>,
}

/// One hand-checked actor.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct GoldActor {
    pub mentions: Vec<String>,
    pub kind: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub sector: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// Reads an actor gold file.
pub fn read_gold(text: &str) -> anyhow::Result<Vec<GoldStory>> {
    crate::corpus::gold_lines(text)
}

/// Figures over a gold file.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tally {
    pub actors: usize,
    pub found: usize,
    pub kind: usize,
    pub country: usize,
    pub sector: usize,
    pub code: usize,
    /// Distinct keys over the actors found.
    pub keys: usize,
}

impl Tally {
    fn share(&self, right: usize) -> f64 {
        right as f64 / self.actors.max(1) as f64
    }

    pub fn kind_accuracy(&self) -> f64 {
        self.share(self.kind)
    }
    pub fn country_accuracy(&self) -> f64 {
        self.share(self.country)
    }
    pub fn sector_accuracy(&self) -> f64 {
        self.share(self.sector)
    }
    pub fn code_accuracy(&self) -> f64 {
        self.share(self.code)
    }

    /// The mean of the four fields' accuracies.
    pub fn accuracy(&self) -> f64 {
        (self.kind + self.country + self.sector + self.code) as f64
            / (4 * self.actors.max(1)) as f64
    }

    /// Distinct keys per real entity found (1.00 is one key each).
    pub fn keys_per_entity(&self) -> f64 {
        self.keys as f64 / self.found.max(1) as f64
    }
}

fn kind_name(kind: i32) -> &'static str {
    match EntityKind::try_from(kind) {
        Ok(EntityKind::Person) => "PERSON",
        Ok(EntityKind::Org) => "ORG",
        Ok(EntityKind::Loc) => "LOC",
        Ok(EntityKind::Misc) => "MISC",
        _ => "",
    }
}

/// Char ranges of `needle` in `body` on word boundaries.
fn occurrences(body: &[char], needle: &str) -> Vec<(u32, u32)> {
    let needle: Vec<char> = needle.chars().collect();
    if needle.is_empty() || needle.len() > body.len() {
        return Vec::new();
    }
    // A word boundary: the text's edge, or a character that is not a letter
    // or digit.
    let boundary =
        |i: Option<usize>| i.is_none_or(|i| body.get(i).is_none_or(|c| !c.is_alphanumeric()));
    (0..=body.len() - needle.len())
        .filter(|&i| body[i..i + needle.len()] == needle[..])
        .filter(|&i| boundary(i.checked_sub(1)) && boundary(Some(i + needle.len())))
        .map(|i| (i as u32, (i + needle.len()) as u32))
        .collect()
}

/// What the analysis made of one gold actor: the keys found at its
/// mentions (with how many mentions each), and the entity most point to.
/// `others` are the occurrences of the other actors' mentions: one of this
/// actor's that lies inside a longer one of theirs ("EU" in "EU
/// commission") is theirs.
pub fn match_actor<'a>(
    body: &[char],
    actor: &GoldActor,
    entities: &'a [Entity],
    others: &[(u32, u32)],
) -> (BTreeMap<&'a str, usize>, Option<&'a Entity>) {
    let mut keys: BTreeMap<&str, usize> = BTreeMap::new();
    for text in &actor.mentions {
        for (start, end) in occurrences(body, text) {
            if others
                .iter()
                .any(|&(s, e)| s <= start && end <= e && e - s > end - start)
            {
                continue;
            }
            for entity in entities {
                if entity
                    .mentions
                    .iter()
                    .any(|m| m.start < end && start < m.end)
                {
                    *keys.entry(entity.key.as_str()).or_default() += 1;
                }
            }
        }
    }
    let best = keys
        .iter()
        .max_by_key(|(key, n)| (**n, std::cmp::Reverse(**key)))
        .and_then(|(key, _)| entities.iter().find(|e| e.key == *key));
    (keys, best)
}

/// Arguments of `eval-actors`.
#[derive(Debug, clap::Args)]
pub struct EvalActorsArgs {
    /// The gold file (JSON Lines).
    pub file: PathBuf,
    /// Where `doc` references point (`../shared/data`).
    #[arg(long, default_value = "../shared/data")]
    pub data: PathBuf,
    /// Also print every actor that is not right in every field.
    #[arg(long)]
    pub show: bool,
}

/// Analyses every story and scores its actors.
pub fn evaluate(
    analyzer: &Analyzer,
    gold: &[GoldStory],
    args: &EvalActorsArgs,
) -> anyhow::Result<Tally> {
    let repo = std::env::current_dir()?;
    let mut tally = Tally::default();
    for story in gold {
        let as_article = GoldArticle {
            doc: story.doc.clone(),
            text: story.text.clone(),
            date: story.date,
            events: Vec::new(),
        };
        let raw = events_eval::article_of(&as_article, &args.data, &repo)?;
        let body: Vec<char> = raw.body.chars().collect();
        let analysis = analyzer.analyze(&raw, 0)?;
        if args.show {
            println!(
                "== {} {}",
                story.doc.as_deref().unwrap_or("inline"),
                story.date
            );
        }
        let spans: Vec<Vec<(u32, u32)>> = story
            .actors
            .iter()
            .map(|a| {
                a.mentions
                    .iter()
                    .flat_map(|m| occurrences(&body, m))
                    .collect()
            })
            .collect();
        for (n, actor) in story.actors.iter().enumerate() {
            tally.actors += 1;
            let others: Vec<(u32, u32)> = spans
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != n)
                .flat_map(|(_, s)| s.iter().copied())
                .collect();
            let (keys, best) = match_actor(&body, actor, &analysis.entities, &others);
            let Some(entity) = best else {
                if args.show {
                    println!(
                        "  MISSING {:?} ({} {} {} {})",
                        actor.mentions, actor.kind, actor.country, actor.sector, actor.code
                    );
                }
                continue;
            };
            tally.found += 1;
            tally.keys += keys.len();
            let kind = kind_name(entity.kind) == actor.kind;
            let country = entity.country == actor.country;
            let sector = entity.sector == actor.sector;
            let code = entity.actor_code == actor.code;
            tally.kind += usize::from(kind);
            tally.country += usize::from(country);
            tally.sector += usize::from(sector);
            tally.code += usize::from(code);
            if args.show && !(kind && country && sector && code && keys.len() == 1) {
                println!(
                    "  {:?}: expected {} {:?} {:?} {:?}, got {} {:?} {:?} {:?} keys {:?}",
                    actor.mentions,
                    actor.kind,
                    actor.country,
                    actor.sector,
                    actor.code,
                    kind_name(entity.kind),
                    entity.country,
                    entity.sector,
                    entity.actor_code,
                    keys
                );
            }
        }
    }
    Ok(tally)
}

/// `eval-actors FILE`: per-field accuracies, and as the last line
/// `actors accuracy=… keys_per_entity=…`.
pub fn eval_actors(args: &EvalActorsArgs) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let gold = read_gold(&text)?;
    let analyzer = Analyzer::bundled(usize::MAX)?;
    let tally = evaluate(&analyzer, &gold, args)?;
    println!(
        "stories={} actors={} found={} kind={:.4} country={:.4} sector={:.4} code={:.4}",
        gold.len(),
        tally.actors,
        tally.found,
        tally.kind_accuracy(),
        tally.country_accuracy(),
        tally.sector_accuracy(),
        tally.code_accuracy()
    );
    println!(
        "actors accuracy={:.4} keys_per_entity={:.4}",
        tally.accuracy(),
        tally.keys_per_entity()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tidings_proto::v1::Mention;

    fn entity(key: &str, spans: &[(u32, u32)]) -> Entity {
        Entity {
            key: key.into(),
            mentions: spans
                .iter()
                .map(|&(start, end)| Mention {
                    start,
                    end,
                    text: String::new(),
                })
                .collect(),
            ..Entity::default()
        }
    }

    #[test]
    fn mentions_are_found_on_word_boundaries() {
        let body: Vec<char> = "Nato and the Natos; NATO, Nato.".chars().collect();
        assert_eq!(occurrences(&body, "Nato"), vec![(0, 4), (26, 30)]);
        assert_eq!(occurrences(&body, "NATO"), vec![(20, 24)]);
    }

    #[test]
    fn an_actor_is_the_entity_most_of_its_mentions_point_to() {
        let body: Vec<char> = "Nato met. Nato said. The alliance, Nato.".chars().collect();
        let entities = vec![
            entity("org:nato", &[(0, 4), (10, 14)]),
            entity("misc:nato", &[(35, 39)]),
        ];
        let actor = GoldActor {
            mentions: vec!["Nato".into()],
            kind: "ORG".into(),
            country: String::new(),
            sector: "IGO".into(),
            code: "IGOWSTNAT".into(),
            note: None,
        };
        let (keys, best) = match_actor(&body, &actor, &entities, &[]);
        assert_eq!(keys.len(), 2, "two keys for one real entity");
        assert_eq!(best.map(|e| e.key.as_str()), Some("org:nato"));
    }
}
