//! The command-line tool: the same core as the page, writing the same numbers and charts.

use banenverkenner::render::{render_query, Dataset, View, ViewSpec};
use std::process::ExitCode;

const USAGE: &str = "Gebruik:
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
naar MAP; INSTELLINGEN bijvoorbeeld 'from=2015&to=2017&k=1&region=Twente'.";

/// Column mappings given with `--map 'Kop in bestand=canonieke_naam'` (the page's mapping step).
fn take_maps(args: &mut Vec<String>) -> Result<Vec<(String, String)>, String> {
    let mut maps = Vec::new();
    while let Some(i) = args.iter().position(|a| a == "--map") {
        let value = args
            .get(i + 1)
            .ok_or("--map vraagt 'Kop=kolom', bijvoorbeeld --map 'Gebied=region'")?
            .clone();
        let (header, canonical) = value.split_once('=').ok_or_else(|| {
            format!("--map '{value}': verwacht 'Kop=kolom', bijvoorbeeld 'Gebied=region'.")
        })?;
        maps.push((header.trim().to_string(), canonical.trim().to_string()));
        args.drain(i..=i + 1);
    }
    Ok(maps)
}

fn load(file: &str, maps: &[(String, String)]) -> Result<Dataset, banenverkenner::Error> {
    if !maps.is_empty() {
        let ds = load(file, &[])?;
        return Dataset::with_mapping(ds.table, maps);
    }
    if file == "default" {
        return Dataset::default_data();
    }
    let bytes = std::fs::read(file).map_err(|e| {
        banenverkenner::Error::new(
            banenverkenner::error::ErrorKind::Io,
            format!("Kan '{file}' niet lezen: {e}"),
        )
    })?;
    let name = std::path::Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_string());
    Dataset::load(&name, &bytes)
}

fn run(args: &[String]) -> Result<(), String> {
    let mut args = args.to_vec();
    let owned_maps = take_maps(&mut args)?;
    let maps = &owned_maps[..];
    let args = &args[..];
    match args.first().map(String::as_str) {
        Some("view") => {
            let file = args.get(1).ok_or(USAGE)?;
            let spec = args.get(2).ok_or(USAGE)?;
            let mut json = false;
            let mut completed = false;
            let mut svg: Option<String> = None;
            let mut i = 3;
            while i < args.len() {
                match args[i].as_str() {
                    "--json" => json = true,
                    "--spec" => completed = true,
                    "--svg" => {
                        svg = Some(args.get(i + 1).ok_or("--svg vraagt een pad")?.clone());
                        i += 1;
                    }
                    other => return Err(format!("Onbekende optie '{other}'.\n\n{USAGE}")),
                }
                i += 1;
            }
            let ds = load(file, maps).map_err(|e| e.to_string())?;
            let info = ds.info();
            eprintln!("Ingelezen: {}", info.summary);
            for n in info.notes {
                eprintln!("Let op: {n}");
            }
            let r = render_query(&ds, spec).map_err(|e| e.to_string())?;
            for n in &r.notes {
                eprintln!("Let op: {n}");
            }
            for c in &r.changes {
                eprintln!("Aangepast: {c}");
            }
            if let Some(path) = svg {
                std::fs::write(&path, &r.svg)
                    .map_err(|e| format!("Kan '{path}' niet schrijven: {e}"))?;
                eprintln!("Grafiek geschreven naar {path}");
            }
            if completed {
                println!("{}", r.spec);
            } else if json {
                let out = serde_json::to_string_pretty(&r.data).map_err(|e| e.to_string())?;
                println!("{out}");
            } else {
                println!("{}\n{}\n{}", r.title, r.subtitle, r.summary);
            }
            Ok(())
        }
        Some("report") => report(&args[1..], maps),
        Some("info") => {
            let file = args.get(1).ok_or(USAGE)?;
            let ds = load(file, maps).map_err(|e| e.to_string())?;
            let out = serde_json::to_string_pretty(&ds.info()).map_err(|e| e.to_string())?;
            println!("{out}");
            Ok(())
        }
        Some("-h") | Some("--help") | Some("help") => {
            let lang = if args.iter().any(|a| a == "--en" || a == "en") {
                banenverkenner::format::Lang::En
            } else {
                banenverkenner::format::Lang::Nl
            };
            println!("{USAGE}\n\n{}", banenverkenner::spec::schema::help(lang));
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    }
}

/// `report FILE --out DIR [SETTINGS]`: the printable report and its charts and tables as files.
fn report(args: &[String], maps: &[(String, String)]) -> Result<(), String> {
    let file = args.first().ok_or(USAGE)?;
    let mut out: Option<String> = None;
    let mut settings = String::new();
    let mut i = 1;
    while i < args.len() {
        match args[i].as_str() {
            "--out" => {
                out = Some(args.get(i + 1).ok_or("--out vraagt een map")?.clone());
                i += 1;
            }
            s if !s.starts_with("--") && settings.is_empty() => settings = s.to_string(),
            other => return Err(format!("Onbekende optie '{other}'.\n\n{USAGE}")),
        }
        i += 1;
    }
    let out = out.ok_or("report vraagt --out MAP")?;
    let ds = load(file, maps).map_err(|e| e.to_string())?;
    let info = ds.info();
    eprintln!("Ingelezen: {}", info.summary);
    let settings = settings.trim_start_matches(['#', '?']);
    let query = if settings.starts_with("view=") {
        settings.to_string()
    } else if settings.is_empty() {
        "view=report".to_string()
    } else {
        format!("view=report&{settings}")
    };
    let spec = ViewSpec::parse(&query).map_err(|e| e.to_string())?;
    let Some(View::Report(rs)) = &spec.view else {
        return Err("report maakt alleen view=report.".into());
    };
    let r = banenverkenner::render::report::build(&ds, rs, &spec).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&out).map_err(|e| format!("Kan map '{out}' niet maken: {e}"))?;
    let files = banenverkenner::export::report_files(&r, &info.summary, &info.notes, spec.lang);
    for (name, content) in &files {
        let path = std::path::Path::new(&out).join(name);
        std::fs::write(&path, content)
            .map_err(|e| format!("Kan '{}' niet schrijven: {e}", path.display()))?;
    }
    for s in &r.sections {
        match &s.rendered {
            Ok(x) => {
                println!("{}. {}", s.label, x.title);
                println!("   {}", x.summary);
            }
            Err(reason) => println!("{}. {}: niet beschikbaar: {reason}", s.label, s.heading),
        }
    }
    eprintln!(
        "{} bestanden geschreven naar {out} (open {out}/index.html)",
        files.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Fout: {e}");
            ExitCode::FAILURE
        }
    }
}
