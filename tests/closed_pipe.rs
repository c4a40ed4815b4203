//! The CLI stops quietly when the reader of its output is gone (`banenverkenner info FILE |
//! head -1`, `view ... --json | head -c 10`): status 0 and no panic message, where it used to
//! panic ("failed printing to stdout: Broken pipe") and abort.

use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_banenverkenner");
const LONG: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/regions_long.csv"
);

/// Runs the CLI with `args`, its stdout a pipe whose reading end is closed before the CLI
/// writes (it reads the file first, so the pipe is closed by then); also stderr's when `close_stderr`. Gives the exit status
/// and what the CLI wrote to stderr (empty when that was closed too).
fn with_stdout_closed(args: &[&str], close_stderr: bool) -> (Option<i32>, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    drop(child.stdout.take());
    if close_stderr {
        drop(child.stderr.take());
    }
    let out = child.wait_with_output().expect("the CLI ends");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_stdout_ends_the_cli_quietly() {
    for args in [
        vec!["info", LONG],
        vec!["view", LONG, "view=scatter", "--json"],
        vec!["view", LONG, "view=ranking"],
        vec!["view", LONG, "view=scatter", "--spec"],
    ] {
        let (status, stderr) = with_stdout_closed(&args, false);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert_eq!(status, Some(0), "{args:?}: {stderr}");
        // Both closed (`2>&1 | head -1`): the notes on stderr end it quietly too.
        let (status, _) = with_stdout_closed(&args, true);
        assert_eq!(status, Some(0), "{args:?} with stderr closed");
    }
}

#[test]
fn an_open_stdout_still_gets_everything() {
    let out = Command::new(BIN)
        .args(["view", LONG, "view=scatter", "--json"])
        .output()
        .expect("the CLI runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("whole JSON");
    assert!(json["points"].as_array().is_some_and(|p| p.len() > 30));
}

/// A write that fails otherwise (a full disk) is said and ends the CLI with status 1, no panic.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_not_a_panic() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let out = Command::new(BIN)
        .args(["info", LONG])
        .stdout(full)
        .output()
        .expect("the CLI runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("Fout / Error"), "{stderr}");
}
