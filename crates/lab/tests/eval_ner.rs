//! `tidings-lab eval-ner` on a small hand-made CoNLL file (IOB1).
//!
//! The fixture's gold tags mark "Seattle" as ORG on purpose, so that the
//! scores are not all ones. By hand: 11 gold chunks (PER 4, ORG 4, LOC 2,
//! MISC 1); the model finds the 10 right ones and tags Seattle LOC. So
//! overall P = R = F1 = 10/11 = 0.9091; ORG P 3/3, R 3/4, F1 0.8571; LOC
//! P 2/3, R 2/2, F1 0.8000; PER and MISC 1.0000.

use std::process::Command;

#[test]
fn eval_ner_scores_the_fixture_as_computed_by_hand() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini.conll");
    let predictions =
        std::env::temp_dir().join(format!("tidings-mini-{}.conll", std::process::id()));
    let output = Command::new(env!("CARGO_BIN_EXE_tidings-lab"))
        .args(["eval-ner", fixture, "--predictions"])
        .arg(&predictions)
        .output()
        .expect("runs eval-ner");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        "PER  precision=1.0000 recall=1.0000 f1=1.0000 gold=4 predicted=4"
    );
    assert_eq!(
        lines[1],
        "ORG  precision=1.0000 recall=0.7500 f1=0.8571 gold=4 predicted=3"
    );
    assert_eq!(
        lines[2],
        "LOC  precision=0.6667 recall=1.0000 f1=0.8000 gold=2 predicted=3"
    );
    assert_eq!(
        lines[3],
        "MISC precision=1.0000 recall=1.0000 f1=1.0000 gold=1 predicted=1"
    );
    let last = lines.last().expect("a last line");
    assert!(
        last.starts_with("ner f1=0.9091 precision=0.9091 recall=0.9091 tokens_per_second="),
        "{last}"
    );
    let rate: u64 = last
        .rsplit('=')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a rate");
    assert!(rate > 0);

    let written = std::fs::read_to_string(&predictions).expect("predictions written");
    let _ = std::fs::remove_file(&predictions);
    assert!(written.starts_with("-DOCSTART- -X- O O O\n\nAntony NNP B-NP I-PER B-PER\n"));
    assert!(written.contains("\nSeattle NNP B-NP I-ORG B-LOC\n"));
    let token_lines = written
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("-DOCSTART-"))
        .count();
    assert_eq!(token_lines, 42);
    assert!(
        written
            .lines()
            .filter(|l| !l.is_empty())
            .all(|l| l.split(' ').count() == 5)
    );
}

#[test]
fn eval_ner_reports_a_bad_file() {
    let path = std::env::temp_dir().join(format!("tidings-bad-{}.conll", std::process::id()));
    std::fs::write(&path, "EU NNP I-NP I-FOO\n").expect("writes");
    let output = Command::new(env!("CARGO_BIN_EXE_tidings-lab"))
        .args(["eval-ner"])
        .arg(&path)
        .output()
        .expect("runs eval-ner");
    let _ = std::fs::remove_file(&path);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unknown tag \"I-FOO\""), "{stderr}");
}
