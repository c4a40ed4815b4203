//! Exports for people who open files in a Dutch spreadsheet or print them: tables as CSV (UTF-8
//! with BOM, `;` and decimal comma, text that a spreadsheet would run as a formula made inert) and
//! the report as one self-contained, printable HTML page with the charts inline.

use crate::data::DataTable;
use crate::format::{number, Lang};
use crate::render::report::Report;

/// Byte-order mark: Excel reads a CSV as UTF-8 only with it.
const BOM: &str = "\u{feff}";

/// A number as a spreadsheet reads it: unrounded, no grouping, decimal comma in Dutch.
fn csv_number(n: &serde_json::Number, lang: Lang) -> String {
    match n.as_f64() {
        Some(f) if n.is_f64() => {
            if !f.is_finite() {
                String::new()
            } else if lang == Lang::Nl {
                format!("{f}").replace('.', ",")
            } else {
                format!("{f}")
            }
        }
        _ => n.to_string(),
    }
}

/// The field separator: `;` for a Dutch spreadsheet (the comma is its decimal sign), `,` in English.
fn csv_separator(lang: Lang) -> char {
    match lang {
        Lang::Nl => ';',
        Lang::En => ',',
    }
}

/// A text cell: a leading `=`, `+`, `-` or `@` (or tab/CR) would make a spreadsheet evaluate it,
/// so it gets a leading `'`; quoted when it holds the separator, `"` or a line break.
fn csv_text(s: &str, lang: Lang) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([csv_separator(lang), '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv_cell(v: &serde_json::Value, lang: Lang) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::Number(n) => csv_number(n, lang),
        serde_json::Value::String(s) => csv_text(s, lang),
        serde_json::Value::Bool(b) => match (lang, *b) {
            (Lang::Nl, true) => "ja",
            (Lang::Nl, false) => "nee",
            (Lang::En, true) => "yes",
            (Lang::En, false) => "no",
        }
        .to_string(),
        other => csv_text(&other.to_string(), lang),
    }
}

/// A table as CSV for a Dutch spreadsheet.
pub fn csv(t: &DataTable) -> String {
    csv_in(t, Lang::Nl)
}

/// A table as CSV for a spreadsheet in `lang`: UTF-8 with BOM, CRLF; Dutch `;` and decimal comma,
/// English `,` and decimal point. The one CSV writer of the project (CLI, report folder, page).
pub fn csv_in(t: &DataTable, lang: Lang) -> String {
    let sep = csv_separator(lang).to_string();
    let mut out = String::from(BOM);
    let header: Vec<String> = t.columns.iter().map(|c| csv_text(c, lang)).collect();
    out.push_str(&header.join(&sep));
    out.push_str("\r\n");
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|v| csv_cell(v, lang)).collect();
        out.push_str(&cells.join(&sep));
        out.push_str("\r\n");
    }
    out
}

/// A view's table as the page shows it: every cell as text in `lang`, and which columns hold
/// numbers (right-aligned).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TextTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<bool>,
}

/// Whether a header names a period (its whole numbers are years, printed without grouping).
fn period_column(name: &str) -> bool {
    let folded = crate::case::lower(name);
    folded.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "jaar"
                | "jaren"
                | "year"
                | "years"
                | "van"
                | "tot"
                | "from"
                | "to"
                | "periode"
                | "period"
                | "kwartaal"
                | "quarter"
                | "maand"
                | "month"
        )
    })
}

/// Words for the outlier classes a table may still carry as codes.
fn outlier_word(code: &str, lang: Lang) -> Option<&'static str> {
    Some(match (code, lang) {
        ("up", Lang::Nl) => "boven de trend",
        ("up_strong", Lang::Nl) => "sterk boven de trend",
        ("down", Lang::Nl) => "onder de trend",
        ("down_strong", Lang::Nl) => "sterk onder de trend",
        ("up", Lang::En) => "above the trend",
        ("up_strong", Lang::En) => "well above the trend",
        ("down", Lang::En) => "below the trend",
        ("down_strong", Lang::En) => "well below the trend",
        _ => return None,
    })
}

/// One cell as text: whole numbers without decimals (years without grouping) in a column of
/// whole numbers, other numbers with two decimals, a missing value as "onbekend" ("–" in an outlier column, where it means none).
fn text_cell(v: &serde_json::Value, column: &str, fractional: bool, lang: Lang) -> String {
    let outlier_col = {
        let c = crate::case::lower(column);
        c.contains("uitschieter") || c.contains("outlier")
    };
    match v {
        serde_json::Value::Null if outlier_col => "–".to_string(),
        serde_json::Value::Null => match lang {
            Lang::Nl => "onbekend",
            Lang::En => "unknown",
        }
        .to_string(),
        serde_json::Value::Number(n) => match n.as_f64() {
            Some(f) if f.is_finite() && f.fract() == 0.0 && !fractional => {
                if period_column(column) && f.abs() < 10_000.0 {
                    format!("{f:.0}")
                } else {
                    number(f, 0, lang)
                }
            }
            Some(f) => number(f, 2, lang),
            None => n.to_string(),
        },
        serde_json::Value::Bool(b) => if *b { "✓" } else { "–" }.to_string(),
        serde_json::Value::String(s) => outlier_word(s, lang)
            .map(str::to_string)
            .unwrap_or_else(|| s.clone()),
        other => other.to_string(),
    }
}

/// A view's table as text for the page (numbers in the style of `lang`).
pub fn table_text(t: &DataTable, lang: Lang) -> TextTable {
    let numeric = (0..t.columns.len())
        .map(|i| {
            let mut any = false;
            for row in &t.rows {
                match row.get(i) {
                    Some(serde_json::Value::Number(_)) => any = true,
                    Some(serde_json::Value::Null) | None => {}
                    Some(_) => return false,
                }
            }
            any
        })
        .collect();
    // A column with a fraction anywhere writes every number with its two decimals (`12,00`
    // beside `12,50`, not `12`).
    let whole = whole_columns(t);
    TextTable {
        columns: t.columns.clone(),
        rows: t
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let column = t.columns.get(i).map_or("", |c| c);
                        text_cell(v, column, whole.get(i) == Some(&false), lang)
                    })
                    .collect()
            })
            .collect(),
        numeric,
    }
}

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A file name part from a label: "Figuur 1a" -> "figuur-1a".
pub fn slug(s: &str) -> String {
    let f = crate::compute::regional::columns::fold(s);
    f.replace('_', "-")
}

fn html_cell(v: &serde_json::Value, whole: bool, lang: Lang) -> (String, bool) {
    match v {
        serde_json::Value::Null => ("–".into(), true),
        serde_json::Value::Number(n) if n.is_f64() => (
            number(n.as_f64().unwrap_or(f64::NAN), usize::from(!whole), lang),
            true,
        ),
        serde_json::Value::Number(n) => (n.to_string(), true),
        serde_json::Value::String(s) => (esc(s), false),
        other => (esc(&other.to_string()), false),
    }
}

/// Per column of `t`, whether every number in it is whole (a column without numbers is).
fn whole_columns(t: &DataTable) -> Vec<bool> {
    (0..t.columns.len())
        .map(|k| {
            t.rows.iter().all(|r| match r.get(k) {
                Some(serde_json::Value::Number(n)) => n.as_f64().is_some_and(|f| f.fract() == 0.0),
                _ => true,
            })
        })
        .collect()
}

fn html_table(t: &DataTable, lang: Lang) -> String {
    let mut h = String::from("<table><thead><tr>");
    for c in &t.columns {
        h.push_str(&format!("<th>{}</th>", esc(c)));
    }
    h.push_str("</tr></thead><tbody>");
    // A column of whole numbers (counts of persons) is written without decimals, the others
    // with the published one (`80.105`, not `80.105,0`, beside `43,9`).
    let whole = whole_columns(t);
    for (r, row) in t.rows.iter().enumerate() {
        h.push_str("<tr>");
        let precise = t.precise_rows.contains(&r);
        for (k, v) in row.iter().enumerate() {
            let (text, num) = match v.as_f64() {
                Some(f) if precise => (number(f, 2, lang), true),
                _ => html_cell(v, whole.get(k).copied().unwrap_or(false), lang),
            };
            if num {
                h.push_str(&format!("<td class=\"n\">{text}</td>"));
            } else {
                h.push_str(&format!("<td>{text}</td>"));
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    h
}

const CSS: &str = "
@page { size: A4 portrait; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; color: #1f1f1f; max-width: 860px; margin: 0 auto; padding: 16px; line-height: 1.4; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 0 0 2px; }
.meta, .sub, .notes, .files { color: #595959; font-size: 13px; }
nav ol { columns: 2; font-size: 13px; padding-left: 20px; }
section { margin: 0 0 36px; break-inside: avoid; page-break-inside: avoid; }
section svg { display: block; width: 100%; height: auto; margin: 8px 0; }
.reading { font-size: 15px; margin: 6px 0; }
.unavailable { border-left: 4px solid #b3261e; padding: 4px 10px; }
table { border-collapse: collapse; font-size: 11px; margin-top: 6px; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 2px 6px; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
details summary { cursor: pointer; color: #1f5fbf; font-size: 13px; }
a { color: #1f5fbf; }
@media print {
  body { max-width: none; padding: 0; }
  nav, details, .files { display: none; }
  section { break-before: page; page-break-before: always; margin: 0; }
  section svg { max-height: 205mm; width: auto; max-width: 100%; }
}
";

/// File names of a section's chart and table in the report folder.
pub fn section_files(i: usize, label: &str) -> (String, String) {
    let base = format!("{:02}-{}", i + 1, slug(label));
    (format!("{base}.svg"), format!("{base}.csv"))
}

/// The report as one self-contained HTML page (charts inline, no scripts, no external files
/// needed; links to the separate SVG and CSV files written beside it).
pub fn report_html(r: &Report, detected: &str, notes: &[String], lang: Lang) -> String {
    let mut h = String::new();
    let t = |nl: &'static str, en: &'static str| crate::format::t(lang, nl, en);
    h.push_str(&format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">",
        lang.code()
    ));
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    // (How the CLI tells its own report from another page in the folder it writes to.)
    h.push_str("<meta name=\"generator\" content=\"Banenverkenner\">");
    h.push_str(&format!(
        "<title>{}</title><style>{CSS}</style></head><body>\n",
        esc(&r.title)
    ));
    h.push_str(&format!("<header><h1>{}</h1>", esc(&r.title)));
    h.push_str(&format!(
        "<p class=\"meta\">{}: {} — {}</p>",
        t("Bestand", "File"),
        esc(&r.file),
        esc(detected)
    ));
    if !notes.is_empty() {
        h.push_str("<ul class=\"notes\">");
        for n in notes {
            h.push_str(&format!("<li>{}</li>", esc(n)));
        }
        h.push_str("</ul>");
    }
    h.push_str("</header>\n<nav><ol>");
    for (i, s) in r.sections.iter().enumerate() {
        h.push_str(&format!(
            "<li><a href=\"#s{i}\">{} {}</a></li>",
            esc(&s.label),
            esc(s.title())
        ));
    }
    h.push_str("</ol></nav>\n");
    for (i, s) in r.sections.iter().enumerate() {
        h.push_str(&format!("<section id=\"s{i}\">"));
        match &s.rendered {
            Ok(x) => {
                let (svg_file, csv_file) = section_files(i, &s.label);
                // The chart carries its own title and subtitle (so an exported SVG stands alone).
                h.push_str(&format!("<h2>{}</h2>", esc(&s.label)));
                h.push_str(&crate::render::report::unique_ids(&x.svg, i));
                h.push_str(&format!(
                    "<p class=\"reading\"><strong>{}:</strong> {}</p>",
                    t("Lezing", "Reading"),
                    esc(&x.summary)
                ));
                if !x.notes.is_empty() {
                    h.push_str("<ul class=\"notes\">");
                    for n in &x.notes {
                        h.push_str(&format!("<li>{}</li>", esc(n)));
                    }
                    h.push_str("</ul>");
                }
                h.push_str(&format!(
                    "<p class=\"files\">{}: <a href=\"{svg_file}\">{svg_file}</a> · <a href=\"{csv_file}\">{csv_file}</a> · {} <code>{}</code></p>",
                    t("Bestanden", "Files"),
                    t("weergave", "view"),
                    esc(&x.spec)
                ));
                h.push_str(&format!(
                    "<details><summary>{}</summary>{}</details>",
                    t("Tabel met de getallen", "Table of the numbers"),
                    html_table(&x.table, lang)
                ));
            }
            Err(reason) => {
                h.push_str(&format!("<h2>{}. {}</h2>", esc(&s.label), esc(&s.heading)));
                h.push_str(&format!(
                    "<p class=\"unavailable\">{}: {}</p>",
                    t(
                        "Niet beschikbaar voor dit bestand",
                        "Not available for this file"
                    ),
                    esc(reason)
                ));
            }
        }
        h.push_str("</section>\n");
    }
    h.push_str(&format!(
        "<footer class=\"meta\">{}</footer></body></html>\n",
        esc(&format!(
            "{} Banenverkenner {}",
            t("Gemaakt met", "Made with"),
            env!("CARGO_PKG_VERSION")
        ))
    ));
    h
}

/// Every file of the report folder: `index.html`, and per available section its chart (SVG) and
/// table (CSV).
pub fn report_files(
    r: &Report,
    detected: &str,
    notes: &[String],
    lang: Lang,
) -> Vec<(String, String)> {
    let mut files = vec![(
        "index.html".to_string(),
        report_html(r, detected, notes, lang),
    )];
    for (i, s) in r.sections.iter().enumerate() {
        if let Ok(x) = &s.rendered {
            let (svg_file, csv_file) = section_files(i, &s.label);
            files.push((svg_file, x.svg.clone()));
            files.push((csv_file, csv_in(&x.table, lang)));
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn a_column_with_fractions_writes_all_its_numbers_so() {
        // Found by a probe: `12` beside `12,50` in the page's table (the chart wrote 12,00 %).
        let t = DataTable {
            columns: vec!["jaar".into(), "aandeel".into(), "personen".into()],
            rows: vec![
                vec![json!(2019), json!(12.0), json!(100)],
                vec![json!(2020), json!(12.5), json!(1200)],
            ],
            ..Default::default()
        };
        let x = table_text(&t, Lang::Nl);
        assert_eq!(x.rows[0], ["2019", "12,00", "100"]);
        assert_eq!(x.rows[1], ["2020", "12,50", "1.200"]);
    }

    #[test]
    fn report_tables_write_counts_whole() {
        // Found by a probe: the trend's counts were written 80.105,0 in the report.
        let t = DataTable {
            columns: vec!["jaar".into(), "werkzaam".into(), "aandeel".into()],
            rows: vec![
                vec![json!(2015), json!(80105.0), json!(43.87)],
                vec![json!(2016), json!(4108.0), json!(50.0)],
            ],
            ..Default::default()
        };
        let h = html_table(&t, Lang::Nl);
        assert!(h.contains(">80.105<") && h.contains(">4.108<"), "{h}");
        assert!(h.contains(">43,9<") && h.contains(">50,0<"), "{h}");
    }

    #[test]
    fn csv_is_dutch_and_inert() {
        let t = DataTable {
            columns: vec!["regio".into(), "waarde".into()],
            rows: vec![
                vec![json!("=SUM(A1)"), json!(-12.5)],
                vec![json!("A;B \"x\""), json!(2015)],
                vec![json!("@cmd"), serde_json::Value::Null],
                vec![json!("-2 + 3"), json!(0.1)],
            ],
            ..Default::default()
        };
        let c = csv(&t);
        assert!(c.starts_with('\u{feff}'));
        let lines: Vec<&str> = c.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "regio;waarde");
        assert_eq!(lines[1], "'=SUM(A1);-12,5");
        assert_eq!(lines[2], "\"A;B \"\"x\"\"\";2015");
        assert_eq!(lines[3], "'@cmd;");
        assert_eq!(lines[4], "'-2 + 3;0,1");
    }

    #[test]
    fn csv_in_english_uses_commas_and_points() {
        let t = DataTable {
            columns: vec!["region".into(), "value".into(), "flag".into()],
            rows: vec![
                vec![json!("A,B"), json!(-12.5), json!(true)],
                vec![json!("+x"), json!(1e21), json!(false)],
            ],
            ..Default::default()
        };
        let c = csv_in(&t, Lang::En);
        let lines: Vec<&str> = c.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "region,value,flag");
        assert_eq!(lines[1], "\"A,B\",-12.5,yes");
        assert_eq!(lines[2], "'+x,1000000000000000000000,no");
        assert_eq!(csv_in(&t, Lang::Nl), csv(&t));
        assert!(csv(&t).contains("\r\nA,B;-12,5;ja\r\n"));
    }

    #[test]
    fn table_text_formats_cells_for_people() {
        let t = DataTable {
            columns: vec![
                "regio".into(),
                "jaar".into(),
                "personen".into(),
                "groei".into(),
                "uitschieter".into(),
            ],
            rows: vec![
                vec![
                    json!("<b>A</b>"),
                    json!(2015),
                    json!(112147),
                    json!(-3.6953),
                    json!("up_strong"),
                ],
                vec![
                    json!("B"),
                    json!(2016.0),
                    Value::Null,
                    Value::Null,
                    Value::Null,
                ],
            ],
            ..Default::default()
        };
        let nl = table_text(&t, Lang::Nl);
        assert_eq!(
            nl.rows[0],
            [
                "<b>A</b>",
                "2015",
                "112.147",
                "-3,70",
                "sterk boven de trend"
            ]
        );
        assert_eq!(nl.rows[1], ["B", "2016", "onbekend", "onbekend", "–"]);
        assert_eq!(nl.numeric, [false, true, true, true, false]);
        let en = table_text(&t, Lang::En);
        assert_eq!(
            en.rows[0][2..],
            ["112,147", "-3.70", "well above the trend"]
        );
        assert_eq!(en.rows[1][2], "unknown");
    }

    #[test]
    fn html_escapes_and_slugs() {
        assert_eq!(esc("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
        assert_eq!(slug("Figuur 1a"), "figuur-1a");
        assert_eq!(
            section_files(0, "Tabel 7"),
            ("01-tabel-7.svg".into(), "01-tabel-7.csv".into())
        );
    }

    #[test]
    fn report_folder_has_page_charts_and_tables() {
        let ds = crate::render::Dataset::default_data().unwrap();
        let spec = crate::render::ViewSpec::parse("view=report").unwrap();
        let r = crate::render::report::build(
            &ds,
            &crate::spec::ReportSpec {
                from: None,
                to: None,
            },
            &spec,
        )
        .unwrap();
        let files = report_files(&r, "CSV", &[], Lang::Nl);
        assert_eq!(files.len(), 1 + 2 * 14);
        let html = &files[0].1;
        assert!(html
            .contains("Hoe lager het aandeel werkenden in 2015, hoe sterker de groei: R² 0,3083"));
        assert_eq!(html.matches("<svg").count(), 14);
        assert!(html.contains("@page"));
        assert!(!html.contains("<script"));
        let basics = files.iter().find(|f| f.0.ends_with("tabel-7.csv")).unwrap();
        assert!(basics.1.contains("Landelijk;"));
        assert!(basics.1.contains("n.b."));
    }
}
