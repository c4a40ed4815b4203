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
    // Said in words, in both languages: the system's own text was English in a Dutch run.
    assert!(
        stderr.contains("Fout: kan de uitvoer niet schrijven: de schijf is vol"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Error: cannot write the output: the disk is full"),
        "{stderr}"
    );
}

/// Found by a probe: an argument that is no UTF-8 text (a file name in Latin-1) ended the CLI
/// in a panic (status 134); `help` with an unknown option exited 0.
#[cfg(target_os = "linux")]
#[test]
fn arguments_that_are_no_text_or_unknown_are_errors_not_panics() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.csv");
    let out = Command::new(BIN)
        .arg("info")
        .arg(name)
        .output()
        .expect("the CLI runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("geen geldige UTF-8-tekst"), "{stderr}");
    let out = Command::new(BIN)
        .args(["help", "--bogus"])
        .output()
        .expect("the CLI runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Onbekende optie '--bogus'"));
}

/// A folder given as the file is said by the path given (it was named by its last part only,
/// `'data'`, after the folder had been opened as a file).
#[test]
fn a_folder_given_as_the_file_is_named_by_its_path() {
    let out = Command::new(BIN)
        .args(["info", "tests/fixtures"])
        .output()
        .expect("the CLI runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("'tests/fixtures'") && stderr.contains("een map, geen bestand"),
        "{stderr}"
    );
}

/// Found by a probe: a report written into the folder of an earlier one left the earlier
/// report's figures beside it (29 files, 18 of other data). Only the report's own files go.
#[test]
fn a_report_replaces_an_earlier_report_in_its_folder() {
    let dir = std::env::temp_dir().join(format!("bv-rapport-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let run = |file: &str| {
        Command::new(BIN)
            .args(["report", file, "--out"])
            .arg(&dir)
            .output()
            .expect("the CLI runs")
    };
    // A page of the user's own where the report's index.html goes is not overwritten.
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<p>eigen pagina</p>").unwrap();
    let out = run("default");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("geen rapport is"));
    assert_eq!(
        std::fs::read_to_string(dir.join("index.html")).unwrap(),
        "<p>eigen pagina</p>"
    );
    std::fs::remove_file(dir.join("index.html")).unwrap();
    assert!(run("default").status.success());
    let first = std::fs::read_dir(&dir).unwrap().count();
    std::fs::write(dir.join("eigen notities.txt"), "blijft").unwrap();
    // A file whose views are fewer: the built-in data's other figures must not stay.
    let csv = dir.with_extension("csv");
    std::fs::write(&csv, "regio,jaar,personen_doelgroepregister,werkzame_personen\nA,2015,10,5\nB,2015,20,8\nC,2015,30,9\nA,2016,10,6\nB,2016,20,9\nC,2016,30,12\n").unwrap();
    let out = run(csv.to_str().unwrap());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("bestanden van een eerder rapport verwijderd"));
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.len() < first, "{names:?}");
    assert!(names.iter().any(|n| n == "eigen notities.txt"), "{names:?}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_file(&csv);
}
