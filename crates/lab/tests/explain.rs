//! `tidings-lab explain` on a short text: what it prints, and that a reader
//! which stops early ends it quietly.

use std::io::{BufRead as _, BufReader, Write as _};
use std::process::{Command, Stdio};

fn article(name: &str) -> std::path::PathBuf {
    let path =
        std::env::temp_dir().join(format!("tidings-explain-{name}-{}.txt", std::process::id()));
    let mut file = std::fs::File::create(&path).expect("temp file");
    writeln!(file, "date 2023-06-18").expect("write");
    for _ in 0..1000 {
        writeln!(
            file,
            "Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday.\n"
        )
        .expect("write");
    }
    path
}

#[test]
fn explain_prints_sentences_mentions_and_events() {
    let path = article("prints");
    let output = Command::new(env!("CARGO_BIN_EXE_tidings-lab"))
        .arg("explain")
        .arg(&path)
        .output()
        .expect("runs explain");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    assert!(stdout.starts_with("S0: Antony Blinken met"), "{stdout}");
    assert!(
        stdout.contains("EVENT 040 person:antony-blinken"),
        "{stdout}"
    );
}

#[test]
fn a_reader_that_stops_early_ends_explain_without_a_panic() {
    let path = article("stops");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tidings-lab"))
        .arg("explain")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs explain");
    // Read one line, as `| head -1` would, and close the pipe.
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("a line");
    assert!(first.starts_with("S0:"), "{first}");
    let output = child.wait_with_output().expect("explain ends");
    let _ = std::fs::remove_file(&path);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.status.success(), "{stderr}");
}
