//! The command-line tool: the same core as the page, writing the same numbers and charts.

use banenverkenner::format::{t, Lang};
use banenverkenner::render::{render_query, Dataset, View, ViewSpec};
use banenverkenner::table::source::OnDisk;
use std::io::Write;
use std::process::ExitCode;

// Lines to stdout and stderr, as `println!`, `eprintln!` and `eprint!` write them, except when
// the other end is closed (`banenverkenner info FILE | head -1`): then the CLI stops quietly
// with status 0, as command-line tools do, instead of panicking (see [`written`]).
macro_rules! outln {
    ($($arg:tt)*) => { written(writeln!(std::io::stdout().lock(), $($arg)*)) };
}
macro_rules! errln {
    ($($arg:tt)*) => { written(writeln!(std::io::stderr().lock(), $($arg)*)) };
}
macro_rules! err {
    ($($arg:tt)*) => { written(write!(std::io::stderr().lock(), $($arg)*)) };
}

/// The end of a write to stdout or stderr: a closed pipe (the reader has what it wanted) ends
/// the CLI quietly with status 0; any other failure (a full disk) is said, if stderr still
/// takes it, and ends it with status 1.
fn written(result: std::io::Result<()>) {
    if let Err(e) = result {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        let (nl, en) = (
            banenverkenner::error::io_reason(&e, Lang::Nl),
            banenverkenner::error::io_reason(&e, Lang::En),
        );
        let _ = writeln!(
            std::io::stderr(),
            "Fout: kan de uitvoer niet schrijven: {nl}\nError: cannot write the output: {en}"
        );
        std::process::exit(1);
    }
}

const USAGE_NL: &str = "Gebruik:
  banenverkenner view BESTAND WEERGAVE [--json | --spec] [--svg PAD]
  banenverkenner info BESTAND
  banenverkenner report BESTAND --out MAP [INSTELLINGEN]

BESTAND is een CSV-bestand, of 'default' voor de ingebouwde regionale gegevens 2015-2017.
WEERGAVE is een weergavebeschrijving, bijvoorbeeld
  'view=scatter&subgroup=total&from=2015&to=2017'
  'view=line&x=year&y=persons&series=subgroup'   (ook bars, stacked, area, forest;
  zie docs/VIEWS-tidy.md), of '' voor de vanzelfsprekende weergave van het bestand.
--map 'Kop=kolom' koppelt een kolom van het bestand aan een kolom van de regionale analyse
(herhaalbaar; bijvoorbeeld --map 'Gebied=region' --map 'Met werk=workers_total').
--json drukt de getallen van de weergave af; --spec de aangevulde weergavebeschrijving;
--svg schrijft de grafiek.
report schrijft index.html (afdrukbaar rapport) plus elke grafiek als SVG en elke tabel als CSV
naar MAP; INSTELLINGEN bijvoorbeeld 'from=2015&to=2017&k=1&region=Twente'.
--en (of --lang en) schrijft de meldingen en de weergave in het Engels; lang=en in de
weergavebeschrijving doet hetzelfde. 'banenverkenner help --en' toont deze hulp in het Engels.";

const USAGE_EN: &str = "Usage:
  banenverkenner view FILE DESCRIPTION [--json | --spec] [--svg PATH]
  banenverkenner info FILE
  banenverkenner report FILE --out FOLDER [SETTINGS]

FILE is a CSV file, or 'default' for the built-in regional data 2015-2017.
DESCRIPTION is a view description, for example
  'view=scatter&subgroup=total&from=2015&to=2017'
  'view=line&x=year&y=persons&series=subgroup'   (also bars, stacked, area, forest;
  see docs/VIEWS-tidy.md), or '' for the file's natural view.
--map 'Header=column' links a column of the file to a column of the regional analysis
(repeatable; for example --map 'Gebied=region' --map 'Met werk=workers_total').
--json prints the view's numbers; --spec the completed view description;
--svg writes the chart.
report writes index.html (printable report) plus every chart as SVG and every table as CSV
to FOLDER; SETTINGS for example 'from=2015&to=2017&k=1&region=Twente'.
--en (or --lang en) writes the messages and the view in English; lang=en in the view
description does the same. --nl (or --lang nl) for Dutch, the default.";

fn usage(lang: Lang) -> &'static str {
    t(lang, USAGE_NL, USAGE_EN)
}

/// The language flags (`--en`, `--nl`, `--lang en`, `--lang=en`), taken out of the arguments.
fn take_lang(args: &mut Vec<String>) -> Result<Option<Lang>, String> {
    let mut lang = None;
    let mut i = 0;
    while i < args.len() {
        let (value, taken) = match args[i].as_str() {
            "--en" => (Some("en".to_string()), 1),
            "--nl" => (Some("nl".to_string()), 1),
            "--lang" => (args.get(i + 1).cloned(), 2),
            a => match a.strip_prefix("--lang=") {
                Some(v) => (Some(v.to_string()), 1),
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        let v = value.unwrap_or_default();
        lang = Some(Lang::parse(&v).ok_or_else(|| {
            format!("--lang '{v}': kies nl of en. / --lang '{v}': choose nl or en.\n\n{USAGE_NL}")
        })?);
        args.drain(i..(i + taken).min(args.len()));
    }
    Ok(lang)
}

/// The description with `lang=` added when the CLI was asked for a language the description
/// does not name.
fn with_lang(description: &str, flag: Option<Lang>) -> String {
    let named = banenverkenner::spec::Params::parse(description)
        .ok()
        .and_then(|p| p.peek("lang").and_then(Lang::parse));
    let names_lang = named.is_some();
    // A flag and a description that ask for two languages: the description's is the chart's,
    // the flag's the messages', and that is said (in the messages' language).
    if let (Some(f), Some(d)) = (flag, named) {
        if f != d {
            let (d_nl, d_en) = match d {
                Lang::Nl => ("Nederlands", "Dutch"),
                Lang::En => ("Engels", "English"),
            };
            errln!(
                "{}",
                t(
                    f,
                    &format!("Let op: de beschrijving vraagt lang={}: de figuur is in het {d_nl}, de meldingen volgen --{}.", d.code(), f.code()),
                    &format!("Note: the description asks for lang={}: the chart is in {d_en}, the messages follow --{}.", d.code(), f.code()),
                )
            );
        }
    }
    match flag {
        Some(Lang::En) if !names_lang => {
            if description.trim().is_empty() {
                "lang=en".to_string()
            } else {
                format!("{description}&lang=en")
            }
        }
        _ => description.to_string(),
    }
}

/// The line that says what was read, in `lang`.
fn read_line(info: &banenverkenner::render::DatasetInfo, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Ingelezen: {}", info.summary),
        Lang::En => format!("Read: {}", info.summary),
    }
}

/// Column mappings given with `--map 'Kop in bestand=canonieke_naam'` (the page's mapping step).
fn take_maps(args: &mut Vec<String>, lang: Lang) -> Result<Vec<(String, String)>, String> {
    let mut maps = Vec::new();
    while let Some(i) = args.iter().position(|a| a == "--map") {
        let value = args
            .get(i + 1)
            .ok_or(t(
                lang,
                "--map vraagt 'Kop=kolom', bijvoorbeeld --map 'Gebied=region'",
                "--map needs 'Header=column', for example --map 'Gebied=region'",
            ))?
            .clone();
        let (header, canonical) = value.split_once('=').ok_or_else(|| match lang {
            Lang::Nl => {
                format!("--map '{value}': verwacht 'Kop=kolom', bijvoorbeeld 'Gebied=region'.")
            }
            Lang::En => {
                format!("--map '{value}': expected 'Header=column', for example 'Gebied=region'.")
            }
        })?;
        maps.push((header.trim().to_string(), canonical.trim().to_string()));
        args.drain(i..=i + 1);
    }
    Ok(maps)
}

fn load(file: &str, maps: &[(String, String)], lang: Lang) -> Result<Dataset, String> {
    load_in(file, maps, lang).map_err(|e| e.text_in(lang))
}

fn load_in(
    file: &str,
    maps: &[(String, String)],
    lang: Lang,
) -> Result<Dataset, banenverkenner::Error> {
    if !maps.is_empty() {
        let ds = load_in(file, &[], lang)?;
        return Dataset::with_mapping(ds.table, maps);
    }
    if file == "default" {
        return Dataset::default_data();
    }
    let mut source = OnDisk::open(std::path::Path::new(file)).map_err(|e| {
        banenverkenner::Error::new(
            banenverkenner::error::ErrorKind::Io,
            match lang {
                Lang::Nl => format!(
                    "Kan '{file}' niet lezen: {}",
                    banenverkenner::error::io_reason(&e, lang)
                ),
                Lang::En => format!(
                    "Cannot read '{file}': {}",
                    banenverkenner::error::io_reason(&e, lang)
                ),
            },
        )
    })?;
    let name = std::path::Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_string());
    // A CSV file is read from disk a piece at a time (twice), never whole: the peak is the
    // table, not the file and the table. Progress on stderr when a person watches (a terminal)
    // and the file takes a moment.
    use banenverkenner::table::source::Source;
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() || source.size() < (8 << 20) {
        return Dataset::load_from(&name, &mut source, &mut |_, _| {});
    }
    let mut last = usize::MAX;
    let mut report = |done: usize, total: usize| {
        let pct = done.saturating_mul(100) / total.max(1);
        if pct != last {
            last = pct;
            let mut err = std::io::stderr();
            let _ = match lang {
                Lang::Nl => write!(err, "\rLezen van {name}: {pct} %"),
                Lang::En => write!(err, "\rReading {name}: {pct} %"),
            };
            let _ = err.flush();
        }
    };
    let ds = Dataset::load_from(&name, &mut source, &mut report);
    // The progress line is replaced by what follows.
    err!("\r\x1b[2K");
    ds
}

/// Runs a command; `flag` is the language asked for with `--en`/`--lang`, `lang` the language
/// of the messages (the flag, else the description's `lang=`).
fn run(args: &[String], flag: Option<Lang>, lang: Lang) -> Result<(), String> {
    let mut args = args.to_vec();
    let owned_maps = take_maps(&mut args, lang)?;
    let maps = &owned_maps[..];
    let args = &args[..];
    let usage = usage(lang);
    match args.first().map(String::as_str) {
        Some("view") => {
            let file = args.get(1).ok_or(usage)?;
            let spec = with_lang(args.get(2).ok_or(usage)?, flag);
            let mut json = false;
            let mut completed = false;
            let mut svg: Option<String> = None;
            let mut i = 3;
            while i < args.len() {
                match args[i].as_str() {
                    "--json" => json = true,
                    "--spec" => completed = true,
                    "--svg" => {
                        let path = args.get(i + 1).ok_or(t(
                            lang,
                            "--svg vraagt een pad",
                            "--svg needs a path",
                        ))?;
                        svg = Some(path.clone());
                        i += 1;
                    }
                    other => return Err(unknown_option(other, lang)),
                }
                i += 1;
            }
            // Each prints the whole of standard output: one at a time.
            if json && completed {
                return Err(t(
                    lang,
                    "Kies --json (de getallen) of --spec (de weergavebeschrijving), niet beide",
                    "Choose --json (the numbers) or --spec (the view description), not both",
                )
                .to_string());
            }
            let ds = load(file, maps, lang)?;
            let info = ds.info_in(lang);
            let note = t(lang, "Let op", "Note");
            errln!("{}", read_line(&info, lang));
            for n in &info.notes {
                errln!("{note}: {n}");
            }
            let r = render_query(&ds, &spec).map_err(|e| e.text_in(lang))?;
            for n in &r.notes {
                errln!("{note}: {n}");
            }
            for c in &r.changes {
                errln!("{}: {c}", t(lang, "Aangepast", "Adjusted"));
            }
            if let Some(path) = svg {
                std::fs::write(&path, &r.svg).map_err(|e| cannot_write(&path, &e, lang))?;
                errln!(
                    "{} {path}",
                    t(lang, "Grafiek geschreven naar", "Chart written to")
                );
            }
            if completed {
                outln!("{}", r.spec);
            } else if json {
                let out = serde_json::to_string_pretty(&r.data).map_err(|e| e.to_string())?;
                outln!("{out}");
            } else {
                outln!("{}\n{}\n{}", r.title, r.subtitle, r.summary);
            }
            Ok(())
        }
        Some("report") => report(&args[1..], maps, flag, lang),
        Some("info") => {
            let file = args.get(1).ok_or(usage)?;
            let ds = load(file, maps, lang)?;
            let out = serde_json::to_string_pretty(&ds.info_in(lang)).map_err(|e| e.to_string())?;
            outln!("{out}");
            Ok(())
        }
        Some("-h") | Some("--help") | Some("help") => {
            // `help en` as before, besides `help --en` (taken out before); anything else is
            // an unknown option, as for the other commands.
            if let Some(other) = args[1..].iter().find(|a| *a != "en") {
                return Err(unknown_option(other, lang));
            }
            let lang = if args.iter().any(|a| a == "en") {
                Lang::En
            } else {
                lang
            };
            outln!(
                "{}\n\n{}",
                self::usage(lang),
                banenverkenner::spec::schema::help(lang)
            );
            Ok(())
        }
        _ => Err(usage.to_string()),
    }
}

/// Removes the files an earlier report wrote into `dir` (its `index.html` and the numbered
/// figures and tables, `02-figuur-1b.svg`, `12-table-7.csv`, `14-kaart.svg`), and only those;
/// how many. (Called once an `index.html` there is known to be a report's: `report` refuses a
/// folder with another one.)
fn remove_old_report(dir: &std::path::Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let ours = |name: &str| {
        let numbered = name.len() > 3
            && name.as_bytes()[..2].iter().all(u8::is_ascii_digit)
            && name.as_bytes()[2] == b'-';
        name == "index.html"
            || (numbered
                && [".svg", ".csv", ".png", ".html"]
                    .iter()
                    .any(|e| name.ends_with(e))
                && ["figuur", "figure", "tabel", "table", "kaart", "map"]
                    .iter()
                    .any(|w| name[3..].starts_with(w)))
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| e.file_name().to_str().is_some_and(ours))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Whether an `index.html` is a report's (its `generator` meta), not a page of the user's own.
fn written_by_a_report(path: &std::path::Path) -> bool {
    std::fs::read_to_string(path)
        .is_ok_and(|h| h.contains("<meta name=\"generator\" content=\"Banenverkenner\">"))
}

fn unknown_option(option: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Onbekende optie '{option}'.\n\n{USAGE_NL}"),
        Lang::En => format!("Unknown option '{option}'.\n\n{USAGE_EN}"),
    }
}

fn cannot_write(path: &str, e: &std::io::Error, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Kan '{path}' niet schrijven: {}",
            banenverkenner::error::io_reason(e, lang)
        ),
        Lang::En => format!(
            "Cannot write '{path}': {}",
            banenverkenner::error::io_reason(e, lang)
        ),
    }
}

/// `report FILE --out DIR [SETTINGS]`: the printable report and its charts and tables as files.
fn report(
    args: &[String],
    maps: &[(String, String)],
    flag: Option<Lang>,
    lang: Lang,
) -> Result<(), String> {
    let file = args.first().ok_or(usage(lang))?;
    let mut out: Option<String> = None;
    let mut settings = String::new();
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--out" => {
                let dir = args.get(i + 1).ok_or(t(
                    lang,
                    "--out vraagt een map",
                    "--out needs a folder",
                ))?;
                out = Some(dir.clone());
                i += 1;
            }
            s if !s.starts_with("--") && settings.is_empty() => settings = s.to_string(),
            other => return Err(unknown_option(other, lang)),
        }
        i += 1;
    }
    let out = out.ok_or(t(
        lang,
        "report vraagt --out MAP",
        "report needs --out FOLDER",
    ))?;
    let ds = load(file, maps, lang)?;
    let info = ds.info_in(lang);
    errln!("{}", read_line(&info, lang));
    let settings = settings.trim_start_matches(['#', '?']);
    let query = if settings.starts_with("view=") {
        settings.to_string()
    } else if settings.is_empty() {
        "view=report".to_string()
    } else {
        format!("view=report&{settings}")
    };
    let query = with_lang(&query, flag);
    let spec = ViewSpec::parse(&query).map_err(|e| e.text_in(lang))?;
    let Some(View::Report(rs)) = &spec.view else {
        return Err(t(
            lang,
            "report maakt alleen view=report.",
            "report makes only view=report.",
        )
        .into());
    };
    let r = banenverkenner::render::report::build(&ds, rs, &spec).map_err(|e| e.text_in(lang))?;
    std::fs::create_dir_all(&out).map_err(|e| {
        let reason = banenverkenner::error::io_reason(&e, lang);
        match lang {
            Lang::Nl => format!("Kan map '{out}' niet maken: {reason}"),
            Lang::En => format!("Cannot create folder '{out}': {reason}"),
        }
    })?;
    // A page of the user's own where the report's index.html goes: not overwritten.
    let page = std::path::Path::new(&out).join("index.html");
    if page.exists() && !written_by_a_report(&page) {
        return Err(match lang {
            Lang::Nl => format!("In '{out}' staat al een index.html die geen rapport is; die wordt niet overschreven. Kies een andere map met --out."),
            Lang::En => format!("'{out}' already holds an index.html that is no report; it is not overwritten. Choose another folder with --out."),
        });
    }
    // A report written before into the same folder: its files go, so that no figure of other
    // data stays beside the new report (only the files a report writes; said).
    let gone = remove_old_report(std::path::Path::new(&out));
    if gone > 0 {
        errln!(
            "{gone} {} {out}",
            t(
                lang,
                "bestanden van een eerder rapport verwijderd uit",
                "files of an earlier report removed from"
            )
        );
    }
    let files = banenverkenner::export::report_files(&r, &info.summary, &info.notes, spec.lang);
    for (name, content) in &files {
        let path = std::path::Path::new(&out).join(name);
        std::fs::write(&path, content)
            .map_err(|e| cannot_write(&path.display().to_string(), &e, lang))?;
    }
    for s in &r.sections {
        match &s.rendered {
            Ok(x) => {
                outln!("{}. {}", s.label, x.title);
                outln!("   {}", x.summary);
            }
            Err(reason) => outln!(
                "{}. {}: {}: {reason}",
                s.label,
                s.heading,
                t(lang, "niet beschikbaar", "not available")
            ),
        }
    }
    errln!(
        "{} {} {out} (open {out}/index.html)",
        files.len(),
        t(lang, "bestanden geschreven naar", "files written to")
    );
    Ok(())
}

fn main() -> ExitCode {
    // An argument that is no UTF-8 text (a file name written in Latin-1): said, never a panic.
    let mut args: Vec<String> = Vec::new();
    for a in std::env::args_os().skip(1) {
        match a.into_string() {
            Ok(a) => args.push(a),
            Err(a) => {
                let shown = a.to_string_lossy();
                errln!("Fout: het argument '{shown}' is geen geldige UTF-8-tekst (een bestandsnaam in een andere tekenset?); geef de naam in UTF-8 of hernoem het bestand.");
                errln!("Error: the argument '{shown}' is no valid UTF-8 text (a file name in another character set?); give the name in UTF-8 or rename the file.");
                return ExitCode::FAILURE;
            }
        }
    }
    let (flag, lang) = match take_lang(&mut args) {
        Ok(flag) => {
            // Without a flag, the language a description names (`lang=en`).
            let named = args
                .iter()
                .map(|a| banenverkenner::spec::lang_of(a))
                .find(|l| *l == Lang::En);
            (flag, flag.or(named).unwrap_or_default())
        }
        Err(e) => {
            errln!("Fout / Error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match run(&args, flag, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            errln!("{}: {e}", t(lang, "Fout", "Error"));
            ExitCode::FAILURE
        }
    }
}
