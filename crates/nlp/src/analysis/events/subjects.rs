//! Who acts: the subject of a verb trigger (the nearest free actor before
//! it in its clause, or the subject of the clause an opening participle
//! leads into) and the agent after "by" of a nominal one.

use super::actors::{self, Unit, Via};
use super::clause;
use super::triggers::Trigger;
use super::words::{BE_HAVE, LOCATIVE, PREPOSITIONS, is_form_of_be, is_number};
use crate::lexicon;
use crate::text::Doc;

/// "A warning by Turkey", "the offensive launched by Iran": the agent
/// after "by" right after a nominal trigger (and a participle) is its
/// source.
pub(super) fn nominal_agent(
    words: &[&str],
    offset: usize,
    units: &[Unit],
    trigger: &Trigger,
) -> Option<Vec<usize>> {
    let mut p = trigger.end;
    if words.get(p).is_some_and(|w| w.ends_with("ed")) {
        p += 1;
    }
    // "a visit here this week by Ecuador's Deputy Energy Minister": past
    // where and when.
    loop {
        match words.get(p..) {
            Some(["here" | "there" | "yesterday" | "today", ..]) => p += 1,
            Some(
                [
                    "this" | "last",
                    "week" | "weekend" | "month" | "year" | "monday" | "tuesday" | "wednesday"
                    | "thursday" | "friday" | "saturday" | "sunday",
                    ..,
                ],
            ) => p += 2,
            _ => break,
        }
    }
    if words.get(p) != Some(&"by") {
        return None;
    }
    p += 1;
    while words
        .get(p)
        .is_some_and(|w| matches!(*w, "the" | "a" | "an"))
    {
        p += 1;
    }
    // "an attack by three divisions of Iranian Revolutionary Guards": the
    // units of an actor are the actor.
    if let Some(of) = words
        .get(p..words.len().min(p + 4))
        .and_then(|w| w.iter().position(|w| *w == "of"))
        && of > 0
        && words[p..p + of].iter().all(|w| {
            w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
    {
        p += of + 1;
        while words
            .get(p)
            .is_some_and(|w| matches!(*w, "the" | "a" | "an"))
        {
            p += 1;
        }
    }
    // "by Ecuador's Deputy Energy Minister Fernando Santos Alvite": past a
    // country's possessive and the title.
    let agent_at = |p: usize| {
        units
            .iter()
            .position(|u| u.tokens.start == offset + p && u.via != Via::Pronoun)
    };
    if let Some(agent) = agent_at(p) {
        return Some(vec![agent]);
    }
    if matches!(words.get(p + 1), Some(&("'s" | "\u{2019}s"))) {
        p += 2;
        while words
            .get(p)
            .is_some_and(|w| crate::lexicon::is_title_word(w) && agent_at(p).is_none())
        {
            p += 1;
        }
        return agent_at(p).map(|agent| vec![agent]);
    }
    None
}

/// "why ministers attacked Lib Dem plans": people no name gives, right
/// before the verb at `at`, are its subject.
pub(super) fn unnamed_subject(words: &[&str], offset: usize, units: &[Unit], at: usize) -> bool {
    if at >= 1
        && !units.iter().any(|u| u.tokens.end - offset == at)
        && PEOPLE.contains(&words[at - 1])
    {
        return true;
    }
    // "Two local councillors who back Mr Flight met Mr Tanguay": past the
    // relative clause of such people.
    (at.saturating_sub(8)..at).rev().any(|k| {
        k >= 1
            && words[k] == "who"
            && PEOPLE.contains(&words[k - 1])
            && !words[k..at]
                .iter()
                .any(|w| matches!(*w, "," | "and" | "said" | "says"))
    })
}

/// People a plural noun names without naming them.
const PEOPLE: &[&str] = &[
    "ministers",
    "officials",
    "mps",
    "critics",
    "campaigners",
    "protesters",
    "demonstrators",
    "analysts",
    "diplomats",
    "sources",
    "leaders",
    "members",
    "negotiators",
    "delegates",
    "experts",
    "economists",
    "bankers",
    "traders",
    "dealers",
    "opponents",
    "voters",
    "people",
    "residents",
    "lawmakers",
    "legislators",
    "activists",
    "those",
    "councillors",
    "supporters",
    "workers",
];

/// Whether the sentence opens with the trigger as a participle
/// ("Welcoming ...", "After meeting ...").
pub(super) fn opens_with_participle(words: &[&str], trigger: &Trigger) -> bool {
    let opens = trigger.start == 0
        || (trigger.start == 1 && matches!(words[0], "after" | "before" | "while" | "on" | "by"));
    opens && words[trigger.start].ends_with("ing")
}

/// "Welcoming Gorbachev's offer, Reagan said ...", "After meeting Qin,
/// Blinken flew home": a participle opening the sentence has the subject
/// of the clause after its comma.
pub(super) fn opening_participle_subject(
    doc: &Doc,
    words: &[&str],
    offset: usize,
    units: &[Unit],
    trigger: &Trigger,
) -> Option<Vec<usize>> {
    if !opens_with_participle(words, trigger) {
        return None;
    }
    let comma = trigger.end + words[trigger.end..].iter().position(|w| *w == ",")?;
    let first = units.iter().position(|u| u.tokens.start - offset > comma)?;
    let at = units[first].tokens.start - offset;
    // The clause's subject: right after the comma, but for articles and
    // titles.
    if !words[comma + 1..at]
        .iter()
        .all(|w| matches!(*w, "the" | "a" | "an") || lexicon::is_title_word(w))
    {
        return None;
    }
    let group = actors::coordination(doc, units, first);
    Some(group.collect())
}

/// The subject of a trigger at `at`: the nearest actor before it in its
/// clause that no preposition governs, with its coordination. A gerund
/// after a preposition ("by meeting X") takes the first such actor of the
/// clause. "The advisers of X, Y and Z" are X, Y and Z.
pub(super) fn subject(
    doc: &Doc,
    words: &[&str],
    offset: usize,
    units: &[Unit],
    at: usize,
    clause_start: usize,
) -> Option<Vec<usize>> {
    let governed = |u: &Unit| {
        // Back over determiners and titles ("an aide to President
        // Francois Mitterrand").
        let mut p = u.tokens.start - offset;
        while p > 0
            && (matches!(words[p - 1], "the" | "a" | "an" | "both")
                || lexicon::is_title_word(words[p - 1]))
        {
            p -= 1;
        }
        let Some(previous) = p.checked_sub(1).map(|q| words[q]) else {
            return false;
        };
        let role = |w: &str| {
            lexicon::match_role(&[w]).is_some()
                || lexicon::match_role(&[w.trim_end_matches('s')]).is_some()
        };
        if previous == "of" && p >= 2 && role(words[p - 2]) {
            // "the national security advisers of the United States".
            return false;
        }
        // "before he is due to meet": a conjunction, not a preposition,
        // when a verb follows the actor.
        // "after President Laurent Gbagbo broke a ceasefire" too.
        let verb_follows = words.get(u.tokens.end - offset).is_some_and(|w| {
            BE_HAVE.contains(w)
                || matches!(
                    *w,
                    "will"
                        | "would"
                        | "broke"
                        | "met"
                        | "made"
                        | "took"
                        | "gave"
                        | "went"
                        | "came"
                        | "left"
                        | "won"
                        | "lost"
                        | "began"
                        | "held"
                        | "told"
                        | "sent"
                )
                || (w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase()))
        });
        if verb_follows && matches!(previous, "before" | "after" | "until" | "since" | "as") {
            return false;
        }
        // "65 km inside Iraq was the scene of heavy fighting".
        PREPOSITIONS.contains(&previous) || LOCATIVE.contains(&previous)
    };
    // "just one in 10 recognised Charles Kennedy", "the two meet": a
    // number of people no name gives is the subject.
    if at > 0
        && (is_number(words[at - 1])
            || matches!(words[at - 1], "dozens" | "hundreds" | "thousands" | "millions"))
        && !units.iter().any(|u| u.tokens.end - offset == at)
        // Not a day of the month ("after their January 21 consultations").
        && !(at >= 2 && lexicon::MONTHS.contains(&words[at - 2]))
    {
        return None;
    }
    let gerund = at > 0 && words[at].ends_with("ing") && PREPOSITIONS.contains(&words[at - 1]);
    let candidates: Vec<usize> = (0..units.len())
        .filter(|&i| {
            let u = &units[i];
            u.tokens.start - offset >= clause_start && u.tokens.end - offset <= at
        })
        .collect();
    // "Iranian forces smashed four Iraqi brigades, killed ...": the object
    // of an earlier verb in a list of verbs is not the next one's subject.
    let object_of_listed_verb = |u: &Unit| {
        let mut p = u.tokens.start - offset;
        let counting =
            |w: &str| matches!(w, "the" | "a" | "an" | "several" | "many") || is_number(w);
        while p > 0 && counting(words[p - 1]) {
            p -= 1;
        }
        let after_verb = p > 0
            && words[p - 1].ends_with("ed")
            && !crate::analysis::quotes::SAYING.contains(&words[p - 1]);
        let listed = words[u.tokens.end - offset..at]
            .iter()
            .all(|w| matches!(*w, "," | "and" | "or"));
        after_verb && listed && u.tokens.end - offset < at
    };
    // The whole coordination must be free: "with Australia and Britain"
    // does not become a subject through "Britain".
    let free = |i: usize| {
        let group = actors::coordination(doc, units, i);
        !governed(&units[group.start]) && !governed(&units[i]) && !object_of_listed_verb(&units[i])
    };
    // "with the Biden administration signing a deal": the actor right
    // before a gerund is its subject, whatever governs it.
    // "including Mitchell who urged Canada": so is the actor a relative
    // pronoun follows.
    // "by Foreign Secretary Jack Straw, who accused": with its comma too.
    let relative = at >= 1
        && matches!(words[at - 1], "who" | "which")
        && candidates.last().is_some_and(|&i| {
            let end = units[i].tokens.end - offset;
            end == at - 1 || (end + 2 == at && words[end] == ",")
        });
    // "planes from Afghanistan attacked Pakistani villages": the actor a
    // noun comes from, right before the verb, is the subject.
    let from_noun = candidates.last().is_some_and(|&i| {
        let (start, end) = (units[i].tokens.start - offset, units[i].tokens.end - offset);
        end == at
            && start >= 2
            && words[start - 1] == "from"
            && words[start - 2].len() > 3
            && words[start - 2].ends_with('s')
            && words[start - 2].chars().all(|c| c.is_ascii_lowercase())
    });
    let adjacent = relative
        || from_noun
        || (words[at].ends_with("ing")
            && candidates
                .last()
                .is_some_and(|&i| units[i].tokens.end - offset == at));
    // "replaced the Tories as the party challenging Labour", "it is the
    // party challenging Labour": a participle right after a noun no name
    // gives, which "as" or a form of "be" leads, has that noun for its
    // subject (but "has written to the watchdog accusing Labour" is the
    // writer's act).
    let after_noun = at >= 3
        && words[at].ends_with("ing")
        && matches!(words[at - 2], "the" | "a" | "an")
        && (words[at - 3] == "as" || is_form_of_be(words[at - 3]))
        && words[at - 1].len() > 2
        && doc.tokens[offset + at - 1]
            .text
            .chars()
            .all(|c| c.is_ascii_lowercase())
        && !lexicon::is_function_word(words[at - 1])
        && !BE_HAVE.contains(&words[at - 1])
        // "issued a statement deploring Japan's imbalance": what a text says
        // its author does.
        && !matches!(
            words[at - 1],
            "statement" | "statements" | "petition" | "letter" | "resolution" | "report"
                | "speech" | "communique" | "motion" | "note" | "message" | "declaration"
                | "complaint" | "memorandum" | "telegram" | "article" | "editorial" | "bill"
        )
        && !units.iter().any(|u| u.tokens.end - offset == at);
    if !adjacent && after_noun {
        return None;
    }
    let chosen = if adjacent {
        candidates.last().copied()
    } else if gerund {
        candidates.iter().copied().find(|&i| free(i))
    } else {
        candidates
            .iter()
            .rev()
            .copied()
            .find(|&i| free(i))
            .map(|i| apposed_to(words, offset, units, &candidates, i, at).unwrap_or(i))
    }?;
    let group = actors::coordination(doc, units, chosen);
    Some(
        group
            .filter(|&k| units[k].tokens.end - offset <= at)
            .collect(),
    )
}

/// "Mr Kilroy-Silk says the result offered UKIP an opportunity": a speaker
/// named before what is said has said it; the noun after the saying verb
/// is the subject of the verb at `at` that it reports, and names no actor
/// (but "its forces", "his government" are the speaker's own, and "said
/// the pact imposes sacrifices and praised Japan" is the speaker's act).
pub(super) fn reports_another_subject(words: &[&str], speaker_end: usize, at: usize) -> bool {
    // A verb in the past: "said a trade boycott of South Africa would
    // take effect" names no act of anyone's by "boycott".
    let past = words[at].ends_with("ed")
        || matches!(
            words[at],
            "met"
                | "held"
                | "gave"
                | "made"
                | "took"
                | "sent"
                | "told"
                | "sought"
                | "struck"
                | "began"
                | "won"
                | "led"
                | "fought"
                | "broke"
                | "hit"
                | "put"
                | "cut"
                | "set"
        );
    past && speaker_end < at
        && !matches!(words[at - 1], "and" | "but" | ",")
        && (speaker_end..at).any(|p| {
            crate::analysis::quotes::SAYING.contains(&words[p]) && {
                let next = p + 1 + usize::from(words.get(p + 1) == Some(&"that"));
                // "CPC officials said the company agreed": a body the
                // speaker speaks for is the speaker's side.
                next < at
                    && matches!(words[next], "the" | "a" | "an" | "this")
                    && !words.get(next + 1).is_some_and(|w| {
                        matches!(
                            *w,
                            "company"
                                | "firm"
                                | "group"
                                | "government"
                                | "union"
                                | "bank"
                                | "ministry"
                                | "party"
                        )
                    })
            }
        })
}

/// Where the clause of a verb at `at` starts when a conjunction opens it
/// with a noun ("set out Mr Blair's view after the top Catholic ...
/// backed"): its subject is in that clause, or none names an actor.
pub(super) fn subordinate_start(words: &[&str], clause_start: usize, at: usize) -> usize {
    (clause_start..at)
        .rev()
        .find(|&p| {
            matches!(
                words[p],
                "after" | "before" | "since" | "until" | "while" | "when" | "because" | "although"
            ) && words
                .get(p + 1)
                .is_some_and(|w| matches!(*w, "the" | "a" | "an" | "his" | "her" | "its" | "their"))
                && !words[p..at].contains(&",")
        })
        .map_or(clause_start, |p| p + 1)
}

/// "Azmat Begg, father of Moazzam, thanked ...": an actor inside an
/// appositive or a relative clause set off by commas right after another
/// actor is not the subject; the one it describes is. Returns that one.
fn apposed_to(
    words: &[&str],
    offset: usize,
    units: &[Unit],
    candidates: &[usize],
    chosen: usize,
    at: usize,
) -> Option<usize> {
    let start = units[chosen].tokens.start - offset;
    // The closing comma: after the chosen actor, with no actor after it;
    // or the relative pronoun of the verb ("Sir Anthony Meyer, the Tory
    // backbencher who challenged").
    let end = units[chosen].tokens.end - offset;
    let close = if at > end && words[at - 1] == "who" {
        at - 1
    } else {
        (end..at).rev().find(|&p| words[p] == ",")?
    };
    if candidates
        .iter()
        .any(|&k| units[k].tokens.start - offset > close)
    {
        return None;
    }
    // The opening comma: right after an earlier actor.
    let described = candidates.iter().copied().rev().find(|&k| {
        let end = units[k].tokens.end - offset;
        end < start && words[end] == ","
    })?;
    let open = units[described].tokens.end - offset;
    // One appositive: no other comma or clause between the two; but a
    // participle's phrase may list places ("Gull Air, flying routes in the
    // Northeast, Florida and the Bahamas, said it reached").
    let inside = &words[open + 1..close];
    let participle = inside.first().is_some_and(|w| {
        w.len() > 4 && w.ends_with("ing") && w.chars().all(|c| c.is_ascii_lowercase())
    });
    let plain = !inside.iter().any(|w| {
        (*w == "," && !participle)
            || clause::is_boundary(w)
            || matches!(*w, "who" | "which" | "that")
    });
    // It opens like a description ("a close aide to", "father of", "the
    // head of"), not a list of actors.
    let describes = participle
        || inside.first().is_some_and(|w| {
            matches!(*w, "a" | "an" | "the" | "his" | "her" | "its" | "their")
                || lexicon::is_title_word(w)
                || lexicon::match_role(&[w]).is_some()
                || inside.get(1) == Some(&"of")
        });
    // "Lord Janner, who is a high profile member of Britain's Jewish
    // community, branded": a relative clause between commas describes
    // the actor before it too.
    let relative = inside
        .first()
        .is_some_and(|w| matches!(*w, "who" | "whose"))
        && !inside.contains(&",");
    ((plain && describes) || relative).then_some(described)
}
