//! The bad-input corpus: every file in `tests/bad/` and the `gen-*` files built here (too large or
//! binary to store) gives the outcome `tests/bad/expected.tsv` states: an error naming the row
//! and column, a load with a named warning, or a view drawn without NaN or infinity. Never a
//! panic: a panic aborts the page's wasm instance.

use banenverkenner::error::Location;
use banenverkenner::render::{render_query, Dataset, Rendered};
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad")
}

struct Case {
    file: String,
    outcome: String,
    row: Option<usize>,
    column: Option<String>,
    message: Option<String>,
    view: Option<String>,
}

fn manifest() -> Vec<Case> {
    let text = std::fs::read_to_string(dir().join("expected.tsv")).unwrap();
    let opt = |s: Option<&str>| s.filter(|s| !s.is_empty() && *s != "-").map(str::to_string);
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty() && !l.starts_with("file\t"))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 5, "expected.tsv: {l}");
            Case {
                file: f[0].to_string(),
                outcome: f[1].to_string(),
                row: opt(f.get(2).copied()).map(|r| r.parse().unwrap()),
                column: opt(f.get(3).copied()),
                message: opt(f.get(4).copied()),
                view: opt(f.get(5).copied()),
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Generated files.

/// A raw deflate stream of `chunk` repeated `times` times, built from one compressed copy: the
/// way a 500 KB workbook inflates to hundreds of megabytes.
fn deflate_repeated(chunk: &[u8], times: usize) -> Vec<u8> {
    use miniz_oxide::deflate::core::{
        compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush,
    };
    let mut c = CompressorOxide::new(create_comp_flags_from_zip_params(6, -15, 0));
    let mut out = vec![0u8; chunk.len() + 1024];
    let (_, used, written) = compress(&mut c, chunk, &mut out, TDEFLFlush::Sync);
    assert_eq!(used, chunk.len());
    let one = &out[..written];
    let mut s = Vec::with_capacity(one.len() * times + 2);
    for _ in 0..times {
        s.extend_from_slice(one);
    }
    s.extend_from_slice(&[0x03, 0x00]); // an empty final block
    s
}

enum Data {
    Stored(Vec<u8>),
    /// Deflated bytes and the inflated size.
    Deflated(Vec<u8>, usize),
    /// Stored bytes under a declared (false) inflated size.
    Declared(Vec<u8>, usize),
}

fn zip(entries: &[(&str, Data)]) -> Vec<u8> {
    let le16 = |v: usize| (v as u16).to_le_bytes();
    let le32 = |v: usize| (v as u32).to_le_bytes();
    let mut z = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let (method, bytes, size) = match data {
            Data::Stored(b) => (0, b, b.len()),
            Data::Deflated(b, n) => (8, b, *n),
            Data::Declared(b, n) => (0, b, *n),
        };
        let local = z.len();
        z.extend_from_slice(b"PK\x03\x04\x14\0\0\0");
        z.extend_from_slice(&le16(method));
        z.extend_from_slice(&[0; 8]);
        z.extend_from_slice(&le32(bytes.len()));
        z.extend_from_slice(&le32(size));
        z.extend_from_slice(&le16(name.len()));
        z.extend_from_slice(&le16(0));
        z.extend_from_slice(name.as_bytes());
        z.extend_from_slice(bytes);
        central.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0");
        central.extend_from_slice(&le16(method));
        central.extend_from_slice(&[0; 8]);
        central.extend_from_slice(&le32(bytes.len()));
        central.extend_from_slice(&le32(size));
        central.extend_from_slice(&le16(name.len()));
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&le32(local));
        central.extend_from_slice(name.as_bytes());
    }
    let cd = z.len();
    z.extend_from_slice(&central);
    z.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    z.extend_from_slice(&le16(entries.len()));
    z.extend_from_slice(&le16(entries.len()));
    z.extend_from_slice(&le32(central.len()));
    z.extend_from_slice(&le32(cd));
    z.extend_from_slice(&[0, 0]);
    z
}

/// A workbook with one sheet (and optionally shared strings), as Excel lays the parts out.
fn workbook(sheet: Data, strings: Option<Data>) -> Vec<u8> {
    let s = |t: &str| Data::Stored(t.as_bytes().to_vec());
    let mut entries = vec![
        (
            "_rels/.rels",
            s(
                r#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
            ),
        ),
        (
            "xl/workbook.xml",
            s(
                r#"<workbook xmlns:r="r"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            s(
                r#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            ),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    if let Some(st) = strings {
        entries.push(("xl/sharedStrings.xml", st));
    }
    zip(&entries)
}

fn sheet(rows: &str) -> Data {
    Data::Stored(format!("<worksheet><sheetData>{rows}</sheetData></worksheet>").into_bytes())
}

/// A deflated worksheet: `head`, then `chunk` `times` times, then the closing tags.
fn big_sheet(head: &str, chunk: &str, times: usize) -> Data {
    // Each piece deflated on its own and the streams joined: all but the last end in a sync
    // flush (byte-aligned, not final).
    let open = format!("<worksheet><sheetData>{head}");
    let close = "</sheetData></worksheet>";
    let mut s = deflate_repeated(open.as_bytes(), 1);
    s.truncate(s.len() - 2);
    let mut body = deflate_repeated(chunk.as_bytes(), times);
    body.truncate(body.len() - 2);
    s.extend(body);
    s.extend(deflate_repeated(close.as_bytes(), 1));
    Data::Deflated(s, open.len() + chunk.len() * times + close.len())
}

fn generated(name: &str) -> Vec<u8> {
    match name {
        "gen-regional-unclosed-quote.csv" => {
            // The issue's case: a footnote with an open quote after seven rows of the published
            // file; before, the regions after it vanished and the national values were summed
            // from the rest.
            let text = std::str::from_utf8(banenverkenner::DEFAULT_DATA).unwrap();
            let mut lines: Vec<&str> = text.lines().collect();
            lines.insert(7, "\"Voorlopige cijfers, zie toelichting");
            lines.join("\n").into_bytes()
        }
        "gen-too-many-columns.csv" => {
            let header: Vec<String> = (0..16_385).map(|j| format!("c{j}")).collect();
            format!("{}\n{}\n", header.join(","), vec!["1"; 16_385].join(",")).into_bytes()
        }
        "gen-padded-cells.csv" => {
            // 16,384 names above 300 short rows: 4.9 million padded cells from 100 KB.
            let header: Vec<String> = (0..16_384).map(|j| format!("c{j}")).collect();
            let mut s = header.join(",");
            s.push('\n');
            s.push_str(&"1,2\n".repeat(300));
            s.into_bytes()
        }
        "gen-long-cell.csv" => format!("a,b\n1,\"{}\"\n2,3\n", "x".repeat(200_000)).into_bytes(),
        "gen-equal-headers.csv" => format!(
            "{}\n{}\n",
            vec!["a"; 5000].join(","),
            vec!["1"; 5000].join(",")
        )
        .into_bytes(),
        "gen-sparse-blank-lines.csv" => {
            // Rows filling fewer cells than the header, each followed by a blank line: finding
            // the note block below the table once took quadratic time here.
            let mut s = String::from("regio,jaar,a,b,c,d,e,f,g,h\n");
            for i in 0..20_000 {
                s.push_str(&format!("R{i},2015,{i}\n\n"));
            }
            s.into_bytes()
        }
        "gen-json-key-per-record.json" => {
            let recs: Vec<String> = (0..3000).map(|i| format!("{{\"k{i}\":1}}")).collect();
            format!("[{}]", recs.join(",")).into_bytes()
        }
        "gen-json-many-keys.json" => {
            let fields: Vec<String> = (0..16_385).map(|i| format!("\"k{i}\":1")).collect();
            format!("[{{{}}}]", fields.join(",")).into_bytes()
        }
        "gen-rows-beyond-excel.xlsx" => {
            // 1.1 million tiny rows in a file of about 30 KB (the issue's 4 million took 14 s and
            // 1 GB before failing).
            let chunk = "<row><c><v>1</v></c></row>".repeat(1000);
            workbook(big_sheet("", &chunk, 1100), None)
        }
        "gen-row-number-overflow.xlsx" => workbook(
            sheet(
                r#"<row r="18446744073709551615"><c><v>1</v></c></row><row><c><v>2</v></c></row>"#,
            ),
            None,
        ),
        "gen-row-number-max.xlsx" => workbook(
            sheet(
                r#"<row r="1048576"><c><v>1</v></c><c><v>1</v></c></row><row><c><v>2</v></c></row>"#,
            ),
            None,
        ),
        "gen-xfd-padding.xlsx" => {
            // A cell in the last column (XFD) on each row pads every row to 16,384 cells.
            let mut rows = String::from(
                r#"<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row>"#,
            );
            for r in 2..302 {
                rows.push_str(&format!(
                    r#"<row r="{r}"><c r="A{r}"><v>1</v></c><c r="XFD{r}"><v>1</v></c></row>"#
                ));
            }
            workbook(sheet(&rows), None)
        }
        "gen-shared-strings-bomb.xlsx" => {
            let chunk = "<si/>".repeat(10_000);
            let mut st = deflate_repeated(b"<sst>", 1);
            st.truncate(st.len() - 2);
            let mut body = deflate_repeated(chunk.as_bytes(), 500);
            body.truncate(body.len() - 2);
            st.extend(body);
            st.extend(deflate_repeated(b"</sst>", 1));
            workbook(
                sheet(r#"<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>"#),
                Some(Data::Deflated(st, 5 + chunk.len() * 500 + 6)),
            )
        }
        "gen-part-declared-huge.xlsx" => workbook(
            Data::Declared(b"<worksheet/>".to_vec(), 300 * 1024 * 1024),
            None,
        ),
        "gen-huge-number.xlsx" => workbook(
            sheet(
                r#"<row r="1"><c t="inlineStr"><is><t>regio</t></is></c><c t="inlineStr"><is><t>n</t></is></c></row>
                <row r="2"><c t="inlineStr"><is><t>A</t></is></c><c><v>5</v></c></row>
                <row r="3"><c t="inlineStr"><is><t>B</t></is></c><c><v>1e400</v></c></row>"#,
            ),
            None,
        ),
        "gen-nan-cell.xlsx" => workbook(
            sheet(
                r#"<row r="1"><c t="inlineStr"><is><t>regio</t></is></c><c t="inlineStr"><is><t>n</t></is></c></row>
                <row r="2"><c t="inlineStr"><is><t>A</t></is></c><c><v>NaN</v></c></row>
                <row r="3"><c t="inlineStr"><is><t>B</t></is></c><c><v>5</v></c></row>
                <row r="4"><c t="inlineStr"><is><t>C</t></is></c><c><v>6</v></c></row>"#,
            ),
            None,
        ),
        "gen-many-sheets.xlsx" => {
            // 20,000 sheets naming one part without a table, then one with a table: the part is
            // read once and the note lists ten names.
            let mut wb = String::from(r#"<workbook xmlns:r="r"><sheets>"#);
            for i in 0..20_000 {
                wb.push_str(&format!(
                    r#"<sheet name="Leeg {i}" sheetId="{i}" r:id="rId1"/>"#
                ));
            }
            wb.push_str(r#"<sheet name="Tabel" sheetId="20001" r:id="rId2"/></sheets></workbook>"#);
            let rels = r#"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#;
            let s = |t: &str| Data::Stored(t.as_bytes().to_vec());
            zip(&[
                ("xl/workbook.xml", s(&wb)),
                ("xl/_rels/workbook.xml.rels", s(rels)),
                (
                    "xl/worksheets/sheet1.xml",
                    s(
                        r#"<worksheet><sheetData><row><c t="inlineStr"><is><t>alleen tekst</t></is></c></row></sheetData></worksheet>"#,
                    ),
                ),
                (
                    "xl/worksheets/sheet2.xml",
                    s(
                        r#"<worksheet><sheetData><row><c t="inlineStr"><is><t>regio</t></is></c><c t="inlineStr"><is><t>n</t></is></c></row><row><c t="inlineStr"><is><t>A</t></is></c><c><v>5</v></c></row></sheetData></worksheet>"#,
                    ),
                ),
            ])
        }
        "gen-bad-string-index.xlsx" => workbook(
            sheet(
                r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>99</v></c></row>"#,
            ),
            Some(Data::Stored(
                b"<sst><si><t>regio</t></si><si><t>n</t></si></sst>".to_vec(),
            )),
        ),
        "gen-bad-reference.xlsx" => workbook(
            sheet(
                r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="2B"><v>2</v></c></row>"#,
            ),
            None,
        ),
        "gen-beyond-xfd.xlsx" => {
            let cells = "<c><v>1</v></c>".repeat(16_385);
            workbook(
                sheet(&format!("<row>{cells}</row><row>{cells}</row>")),
                None,
            )
        }
        other => panic!("no generator for {other}"),
    }
}

fn bytes_of(file: &str) -> Vec<u8> {
    if file.starts_with("gen-") {
        generated(file)
    } else {
        std::fs::read(dir().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
    }
}

// ---------------------------------------------------------------------------------------------
// Checks.

/// No NaN or infinity in the numbers of a drawn view: geometry in the SVG, the JSON, the hits.
fn assert_finite(r: &Rendered, what: &str) {
    let json = serde_json::to_string(&r.data).unwrap();
    assert!(
        !json.contains("NaN") && !json.contains("null,null,null"),
        "{what}: {json}"
    );
    for h in &r.hits {
        assert!(
            [h.x, h.y, h.w, h.h].iter().all(|v| v.is_finite()),
            "{what}: hit {h:?}"
        );
    }
    for attr in [
        " x=\"",
        " y=\"",
        " width=\"",
        " height=\"",
        " points=\"",
        " d=\"",
    ] {
        for (i, _) in r.svg.match_indices(attr) {
            let rest = &r.svg[i + attr.len()..];
            let value = &rest[..rest.find('"').unwrap_or(rest.len())];
            assert!(
                !value.contains("NaN") && !value.contains("inf"),
                "{what}: {attr}{value}"
            );
        }
    }
}

fn check_location(c: &Case, loc: Option<&Location>, what: &str) {
    if let Some(row) = c.row {
        assert_eq!(loc.and_then(|l| l.row), Some(row as u32), "{what}: row");
    }
    if let Some(col) = &c.column {
        assert_eq!(
            loc.and_then(|l| l.column.as_deref()),
            Some(col.as_str()),
            "{what}: column"
        );
    }
    if let Some(l) = loc {
        assert_eq!(l.file, c.file, "{what}: the error names the file");
    }
}

fn run(c: &Case) {
    let what = format!("{} ({})", c.file, c.view.as_deref().unwrap_or("laden"));
    let bytes = bytes_of(&c.file);
    let loaded = Dataset::load(&c.file, &bytes);
    let rendered = match (&loaded, &c.view) {
        (Ok(ds), Some(v)) => Some(render_query(ds, v)),
        _ => None,
    };
    match c.outcome.as_str() {
        "error" => {
            let e = match (loaded, rendered) {
                (Err(e), _) => e,
                (Ok(_), Some(Err(e))) => e,
                (Ok(ds), _) => panic!("{what}: loads, expected an error; {:?}", ds.info().notes),
            };
            if let Some(m) = &c.message {
                assert!(e.message.contains(m.as_str()), "{what}: {}", e.message);
            }
            check_location(c, e.location.as_ref(), &what);
        }
        "warning" => {
            let ds = loaded.unwrap_or_else(|e| panic!("{what}: {e}"));
            let info = ds.info();
            let mut texts = info.notes.clone();
            texts.push(info.summary.clone());
            let m = c.message.as_deref().unwrap_or("");
            let hit = texts
                .iter()
                .find(|t| t.contains(m))
                .unwrap_or_else(|| panic!("{what}: no note with '{m}' in {texts:?}"));
            if let Some(row) = c.row {
                let named = [" rij ", " record ", "rij ", "record "].iter().any(|w| {
                    hit.contains(&format!("{w}{row} "))
                        || hit.contains(&format!("{w}{row}:"))
                        || hit.contains(&format!("{w}{row} ("))
                        || hit.ends_with(&format!("{w}{row}"))
                });
                assert!(named, "{what}: row {row} not named in '{hit}'");
            }
            if let Some(col) = &c.column {
                assert!(
                    hit.contains(&format!("'{col}'")),
                    "{what}: column not named in '{hit}'"
                );
            }
            if let Some(Err(e)) = rendered {
                panic!("{what}: {e}");
            }
        }
        "ok" => {
            let ds = loaded.unwrap_or_else(|e| panic!("{what}: {e}"));
            let _ = ds.info();
            if let Some(r) = rendered {
                let r = r.unwrap_or_else(|e| panic!("{what}: {e}"));
                assert_finite(&r, &what);
            }
        }
        other => panic!("{what}: unknown outcome {other}"),
    }
}

/// The generated files that inflate to millions of rows or strings: a test of their own, so the
/// two run side by side.
const HEAVY: [&str; 2] = ["gen-rows-beyond-excel.xlsx", "gen-shared-strings-bomb.xlsx"];

fn run_cases(heavy: bool) {
    let cases = manifest();
    let mut failures = Vec::new();
    // BV_BAD_SKIP=a.csv,b.json leaves cases out (to run the corpus against older code, where
    // some of them take minutes).
    let skip = std::env::var("BV_BAD_SKIP").unwrap_or_default();
    let skip: Vec<&str> = skip.split(',').collect();
    for c in cases
        .iter()
        .filter(|c| !skip.contains(&c.file.as_str()))
        .filter(|c| HEAVY.contains(&c.file.as_str()) == heavy)
    {
        let r = std::panic::catch_unwind(|| run(c));
        if let Err(p) = r {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{}: {msg}", c.file));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_bad_input_gives_its_expected_outcome() {
    run_cases(false);
}

#[test]
fn workbooks_inflating_to_millions_of_rows_fail_at_the_limit() {
    run_cases(true);
}

#[test]
fn the_corpus_has_forty_files_each_in_the_manifest() {
    let cases = manifest();
    let listed: std::collections::HashSet<&str> = cases.iter().map(|c| c.file.as_str()).collect();
    let mut stored = 0;
    for entry in std::fs::read_dir(dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name == "expected.tsv" {
            continue;
        }
        stored += 1;
        assert!(
            listed.contains(name.as_str()),
            "{name} is not in expected.tsv"
        );
        assert!(
            std::fs::metadata(dir().join(&name)).unwrap().len() < 64 * 1024,
            "{name}: keep stored bad files small; generate large ones"
        );
    }
    assert!(stored >= 40, "{stored} stored files");
    assert!(listed.len() >= 55, "{} files in the manifest", listed.len());
}

/// A view of a regional file whose counts are so large that their sum overflows: never NaN or
/// infinity in the output (counts beyond 10^15 are text, so they are refused or not summed).
#[test]
fn sums_never_overflow_to_infinity() {
    let mut s = String::from("regio,jaar,n\n");
    for i in 0..40 {
        s.push_str(&format!("R{},2015,9{}\n", i % 4, "9".repeat(307)));
        s.push_str(&format!("R{},2016,900000000000000\n", i % 4));
    }
    let ds = Dataset::load("groot.csv", s.as_bytes()).unwrap();
    assert!(ds
        .info()
        .notes
        .iter()
        .any(|n| n.contains("buiten het bereik")));
    for v in [
        "",
        "view=bars&x=regio&y=n",
        "view=line&x=jaar&y=n&series=regio",
    ] {
        match render_query(&ds, v) {
            Ok(r) => assert_finite(&r, v),
            Err(e) => assert!(e.location.is_some() || !e.message.is_empty(), "{v}: {e}"),
        }
    }
}
