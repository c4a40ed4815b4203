//! JSON loader: an array of records (objects). Keys become columns in the order they are first
//! seen; numbers stay numbers, strings are parsed like CSV cells with a decimal point (CBS symbols
//! and empty strings are missing), `null` and absent keys are missing. A top-level object holding
//! one array of records (such as an OData `{"value": [...]}` export) is read too.
//! Rows are called records: an error names `record N` (1-based).

use super::csv::DecimalVotes;
use super::limits::{self, thousands};
use super::sniff::RawCell;
use super::{Detected, Table, TableBuilder};
use crate::error::{Error, ErrorKind, Location, Result};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

#[cfg(feature = "full")]
mod shapes;

/// A JSON value that keeps the order of object keys (serde_json's own map sorts them unless a
/// feature that adds a dependency is switched on).
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl Node {
    fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "een waar/onwaar-waarde",
            Node::Number(_) => "een getal",
            Node::String(_) => "een tekst",
            Node::Array(_) => "een lijst",
            Node::Object(_) => "een object",
        }
    }
    fn kind_en(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a true/false value",
            Node::Number(_) => "a number",
            Node::String(_) => "a text",
            Node::Array(_) => "a list",
            Node::Object(_) => "an object",
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Node, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Node;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E>(self) -> std::result::Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_none<E>(self) -> std::result::Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_bool<E>(self, b: bool) -> std::result::Result<Node, E> {
                Ok(Node::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> std::result::Result<Node, E> {
                Ok(Node::Number(n as f64))
            }
            fn visit_u64<E>(self, n: u64) -> std::result::Result<Node, E> {
                Ok(Node::Number(n as f64))
            }
            fn visit_f64<E>(self, n: f64) -> std::result::Result<Node, E> {
                Ok(Node::Number(n))
            }
            fn visit_str<E>(self, s: &str) -> std::result::Result<Node, E> {
                Ok(Node::String(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> std::result::Result<Node, E> {
                Ok(Node::String(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> std::result::Result<Node, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_element()? {
                    v.push(x);
                }
                Ok(Node::Array(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> std::result::Result<Node, A::Error> {
                let mut v = Vec::new();
                while let Some((k, x)) = a.next_entry::<String, Node>()? {
                    v.push((k, x));
                }
                Ok(Node::Object(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// Checks the nesting of arrays and objects against [`limits::MAX_JSON_DEPTH`] before parsing,
/// so the error names the limit and the line.
/// Also gives what the strings that look like numbers (`"4.099"`, `"45,3"`) say about their
/// decimal separator: keys are passed over (full core).
fn check_depth(name: &str, bytes: &[u8]) -> Result<DecimalVotes> {
    let (mut depth, mut line) = (0usize, 1usize);
    let (mut in_string, mut escaped) = (false, false);
    let mut votes = DecimalVotes::default();
    // The string that began at `start`; a numeric-looking one just closed, voting unless a `:`
    // follows (a key).
    let (mut start, mut pending): (usize, Option<(usize, usize)>) = (0, None);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => {
                    in_string = false;
                    if cfg!(feature = "full") && i - start <= 40 {
                        pending = Some((start, i));
                    }
                }
                _ => {}
            }
            continue;
        }
        if let Some((from, to)) = pending {
            if !b.is_ascii_whitespace() {
                pending = None;
                if b != b':' {
                    if let Ok(text) = std::str::from_utf8(&bytes[from..to]) {
                        votes.add(text);
                    }
                }
            }
        }
        match b {
            b'"' => {
                in_string = true;
                start = i + 1;
            }
            b'\n' => line += 1,
            b'[' | b'{' => {
                depth += 1;
                if depth > limits::MAX_JSON_DEPTH {
                    let mut e = limits::exceeded(
                        name,
                        ["de nesting van JSON", "the nesting of JSON"],
                        [
                            format!(
                                "lijsten en objecten {} niveaus diep genest, ten hoogste {}; een lijst van records heeft er 2 of 3 nodig",
                                depth,
                                limits::MAX_JSON_DEPTH
                            ),
                            format!(
                                "lists and objects nested {} levels deep, at most {}; a list of records needs 2 or 3",
                                depth,
                                limits::MAX_JSON_DEPTH
                            ),
                        ],
                    );
                    e.location = Some(Location::file(name).row(line).row_unit("regel"));
                    return Err(e);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(votes)
}

/// What a record list's reading needs to know of the whole file: its size (the cell budget)
/// and the decimal separator of its strings that are numbers, with the votes that told it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FileFacts {
    bytes: usize,
    decimal: char,
    votes: DecimalVotes,
}

impl FileFacts {
    /// The separator the strings' votes tell (`"1.234"` only: whole numbers, the point groups
    /// thousands; else the majority of the strings that tell; else a point, as JSON writes
    /// numbers): a tab, as the delimiter with no convention of its own.
    fn of(bytes: usize, votes: DecimalVotes) -> FileFacts {
        FileFacts {
            bytes,
            decimal: votes.decide(b'\t'),
            votes,
        }
    }
}

fn is_records(n: &Node) -> bool {
    matches!(n, Node::Array(items) if items.iter().any(|i| matches!(i, Node::Object(_))))
}

/// A field's value as a record gives it: a cell, or a list or object (refused).
enum Field {
    Cell(RawCell),
    Nested(&'static str, &'static str),
}

/// The records of one list, written into the table's columns as they are read. The first error
/// in a record is kept and the reading goes on (counting the items), so that the file's
/// structure and syntax are judged first, as when the whole file is parsed before its records
/// are looked at.
struct Sink<'n> {
    name: &'n str,
    file_bytes: usize,
    /// The decimal separator strings are read with, and the votes that told it.
    decimal: (char, DecimalVotes),
    budget: usize,
    /// A field's column (in the table, in order of first appearance).
    index: std::collections::HashMap<String, usize>,
    table: TableBuilder<'n>,
    /// Items in the list, objects among them.
    items: usize,
    objects: usize,
    cells_so_far: usize,
    /// The record being read, a cell per field seen so far (reused).
    row: Vec<RawCell>,
    /// Whether the record being read is written (no error before it, within the limits).
    writing: bool,
    /// The first error in a record, in record order.
    error: Option<Error>,
    /// The first error typing a cell, said once the table's size has been checked.
    cell_error: Option<Error>,
    /// The fields of objects within records, read as columns of their own (`regio.naam`), in
    /// order of first appearance: said in the file line.
    flattened: Vec<String>,
}

impl<'n> Sink<'n> {
    fn new(name: &'n str, file: FileFacts) -> Self {
        Sink {
            name,
            file_bytes: file.bytes,
            decimal: (file.decimal, file.votes),
            budget: limits::cell_budget(file.bytes),
            index: std::collections::HashMap::new(),
            table: TableBuilder::open(name, (file.decimal, true), Some("record".into())),
            items: 0,
            objects: 0,
            cells_so_far: 0,
            row: Vec::new(),
            writing: false,
            error: None,
            cell_error: None,
            flattened: Vec::new(),
        }
    }

    /// A field of an object within the record (`outer.inner`), read as a column of its own.
    fn inner_field(&mut self, key: &str, value: Field) -> bool {
        if self.writing && !self.index.contains_key(key) {
            self.flattened.push(key.to_string());
        }
        self.field(key, value)
    }

    fn at(&self, record: usize) -> Location {
        Location::file(self.name).row(record).row_unit("record")
    }

    /// An item that is not a record (`kind` in Dutch and English).
    fn not_a_record(&mut self, (kind, kind_en): (&str, &str)) {
        self.items += 1;
        if self.error.is_none() && self.items <= limits::MAX_ROWS {
            let i = self.items;
            self.error = Some(
                Error::new2(
                    ErrorKind::Parse,
                    format!("Record {i} is {kind}, geen object met velden."),
                    format!("Record {i} is {kind_en}, not an object with fields."),
                )
                .at(self.at(i)),
            );
        }
    }

    fn begin_record(&mut self) {
        self.items += 1;
        self.objects += 1;
        self.writing = self.error.is_none() && self.items <= limits::MAX_ROWS;
        self.row.clear();
        self.row.resize(self.table.width(), RawCell::Empty);
    }

    /// A field of the record being read; false once the record is not written (an error).
    fn field(&mut self, key: &str, value: Field) -> bool {
        if !self.writing {
            return false;
        }
        let i = self.items;
        let j = match self.index.get(key) {
            Some(&j) => j,
            None => {
                if self.table.width() >= limits::MAX_COLUMNS {
                    let mut e = limits::exceeded(
                        self.name,
                        ["het aantal kolommen", "the number of columns"],
                        [
                            format!(
                                "meer dan {} verschillende velden, ten hoogste {}",
                                thousands(limits::MAX_COLUMNS),
                                thousands(limits::MAX_COLUMNS)
                            ),
                            format!(
                                "more than {} different fields, at most {}",
                                limits::thousands_en(limits::MAX_COLUMNS),
                                limits::thousands_en(limits::MAX_COLUMNS)
                            ),
                        ],
                    );
                    e.location = Some(self.at(i).column(key));
                    return self.fail(e);
                }
                let j = self.table.width();
                self.index.insert(key.to_string(), j);
                self.table.add_column(key.to_string());
                self.row.push(RawCell::Empty);
                j
            }
        };
        let c = match value {
            Field::Cell(c) => c,
            Field::Nested(kind, kind_en) => {
                let e = Error::new2(
                    ErrorKind::BadValue,
                    format!("Record {i} heeft in veld '{key}' {kind}; verwacht een getal, tekst of null."),
                    format!("Record {i} has {kind_en} in field '{key}'; expected a number, text or null."),
                )
                .at(self.at(i).column(key));
                return self.fail(e);
            }
        };
        if let Some(slot) = self.row.get_mut(j) {
            if !slot.is_blank() {
                let e = Error::new2(
                    ErrorKind::Duplicate,
                    format!("Record {i} heeft het veld '{key}' twee keer."),
                    format!("Record {i} has the field '{key}' twice."),
                )
                .at(self.at(i).column(key));
                return self.fail(e);
            }
            *slot = c;
        }
        true
    }

    fn fail(&mut self, e: Error) -> bool {
        self.error = Some(e);
        self.writing = false;
        false
    }

    fn end_record(&mut self) {
        if !self.writing {
            return;
        }
        let i = self.items;
        // Every record holds a cell for every key seen so far: records that each add a key
        // would make a small file quadratic, so the cells are counted against the budget as
        // they grow.
        self.cells_so_far = self.cells_so_far.saturating_add(self.table.width());
        if self.cells_so_far > self.budget {
            let e = limits::exceeded(
                self.name,
                ["het aantal cellen", "the number of cells"],
                [
                    format!(
                        "tot en met record {i} al {} cellen (records maal velden), ten hoogste {} voor een bestand van {} bytes",
                        thousands(self.cells_so_far),
                        thousands(self.budget),
                        thousands(self.file_bytes)
                    ),
                    format!(
                        "up to record {i} already {} cells (records times fields), at most {} for a file of {} bytes",
                        limits::thousands_en(self.cells_so_far),
                        limits::thousands_en(self.budget),
                        limits::thousands_en(self.file_bytes)
                    ),
                ],
            );
            self.fail(e);
            return;
        }
        if self.cell_error.is_none() {
            if let Err(e) = self.table.push(i, &self.row) {
                self.cell_error = Some(e);
            }
        }
    }

    /// The table, or the first error: too many records, an error in a record, records without
    /// fields, a table beyond the limits, a cell that cannot be read; in that order.
    fn finish(self, notes: Vec<(String, String)>, lines: bool) -> Result<Table> {
        if self.items > limits::MAX_ROWS {
            return Err(limits::exceeded(
                self.name,
                ["het aantal rijen", "the number of rows"],
                [
                    format!(
                        "{} records, ten hoogste {}",
                        thousands(self.items),
                        thousands(limits::MAX_ROWS)
                    ),
                    format!(
                        "{} records, at most {}",
                        limits::thousands_en(self.items),
                        limits::thousands_en(limits::MAX_ROWS)
                    ),
                ],
            ));
        }
        if let Some(e) = self.error {
            return Err(e);
        }
        if self.table.width() == 0 && self.items > 0 {
            return Err(Error::new2(
                ErrorKind::NoRows,
                "De records hebben geen velden.",
                "The records have no fields.",
            )
            .at(Location::file(self.name)));
        }
        self.table.check(self.file_bytes)?;
        if let Some(e) = self.cell_error {
            return Err(e);
        }
        let mut detected = Detected {
            format: if lines { "jsonl" } else { "json" }.into(),
            encoding: Some("UTF-8".into()),
            decimal: Some(self.decimal.0.to_string()),
            header_row: 0,
            row_unit: Some("record".into()),
            ..Default::default()
        };
        // Strings that are numbers written with a separator that could be either (`"4.099"`
        // only): said how they were read.
        let (decimal, votes) = self.decimal;
        if votes.comma == 0 && votes.dot == 0 && votes.ambiguous > 0 {
            let (nl, en) = super::csv::decimal_guess_note(&votes, decimal, b'\t');
            detected.note(nl, en);
        } else if votes.comma > 0 && votes.dot > 0 {
            detected.note(
                format!(
                    "Getallen als tekst in beide notaties: {} met decimaalkomma, {} met decimaalpunt; gelezen met '{decimal}', de andere blijven tekst",
                    votes.comma, votes.dot
                ),
                format!(
                    "Numbers as text in both notations: {} with decimal comma, {} with decimal point; read with '{decimal}', the others stay text",
                    votes.comma, votes.dot
                ),
            );
        }
        for (nl, en) in notes {
            detected.note(nl, en);
        }
        if !self.flattened.is_empty() {
            let list = crate::format::quoted(&self.flattened);
            detected.note(
                format!(
                    "Velden met een object erin gelezen als een kolom per veld daarbinnen: {list}."
                ),
                format!("Fields holding an object read as a column per field within it: {list}."),
            );
        }
        // Records with every field null are kept as rows of missing values: nothing is dropped.
        self.table.finish(detected)
    }
}

/// The file's syntax error, with its line.
fn syntax(name: &str, e: serde_json::Error) -> Error {
    Error::new2(
        ErrorKind::Parse,
        format!(
            "Het JSON-bestand kan niet worden gelezen: {e}. Verwacht een lijst van records, zoals [{{\"regio\": \"Achterhoek\", \"jaar\": 2015, ...}}]."
        ),
        format!(
            "The JSON file cannot be read: {e}. Expected a list of records, such as [{{\"region\": \"Achterhoek\", \"year\": 2015, ...}}]."
        ),
    )
    .at(Location::file(name).row(e.line()).row_unit("regel"))
}

/// Whether the file is JSON Lines (one record a line): named `.jsonl` or `.ndjson`, or its
/// first non-blank line a whole JSON object with another non-blank line after it (a JSON file
/// written as one value would not parse after its first line, or have nothing after it).
fn is_json_lines(name: &str, bytes: &[u8]) -> bool {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "jsonl" | "ndjson") {
        return true;
    }
    let mut lines = json_lines(bytes);
    let Some((_, first)) = lines.next() else {
        return false;
    };
    first.starts_with(b"{")
        && lines.next().is_some()
        && serde_json::from_slice::<serde::de::IgnoredAny>(first).is_ok()
}

/// The non-blank lines of a JSON Lines file, each with its 1-based line number, trimmed.
fn json_lines(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_ascii()))
        .filter(|(_, l)| !l.is_empty())
}

/// A line of a JSON Lines file that does not parse, with its line and column.
fn line_syntax(name: &str, line: usize, e: serde_json::Error) -> Error {
    let what = e.to_string();
    let what = what.split(" at line ").next().unwrap_or(&what).to_string();
    let column = e.column();
    Error::new2(
        ErrorKind::Parse,
        format!(
            "Regel {line} van het JSON Lines-bestand kan niet worden gelezen: {what} (teken {column}). Verwacht op elke regel één record, zoals {{\"regio\": \"Achterhoek\", \"jaar\": 2015, ...}}."
        ),
        format!(
            "Line {line} of the JSON Lines file cannot be read: {what} (character {column}). Expected one record on each line, such as {{\"region\": \"Achterhoek\", \"year\": 2015, ...}}."
        ),
    )
    .at(Location::file(name).row(line).row_unit("regel"))
}

fn wrapped_note(key: &str, passed: &[String]) -> (String, String) {
    if passed.is_empty() {
        return (
            format!("Records gelezen uit het veld '{key}'"),
            format!("Records read from the field '{key}'"),
        );
    }
    let list = crate::format::quoted(passed);
    (
        format!("Records gelezen uit het veld '{key}' (niet uit {list})"),
        format!("Records read from the field '{key}' (not from {list})"),
    )
}

/// The list of records of a file that is an object: its one list of records (a field, or a field
/// of a field: `result.records`, as CKAN's API answers), or, of several, the one whose field is
/// named as lists of records are (`records`, `data`, `rows`, `items`, `value`, `results`) when
/// exactly one is, else the one that is a field of the object itself; with the note saying where it was and which others were passed over. Both
/// readings of a JSON file choose with this.
fn choose_list<T>(lists: Vec<(String, T)>) -> Option<(T, (String, String))> {
    if lists.len() == 1 {
        let (key, list) = lists.into_iter().next()?;
        return Some((list, wrapped_note(&key, &[])));
    }
    #[cfg(feature = "full")]
    {
        const NAMES: [&str; 9] = [
            "records", "data", "rows", "items", "value", "values", "results", "rijen", "gegevens",
        ];
        let named = |k: &str| {
            let last = k.rsplit('.').next().unwrap_or(k);
            NAMES.contains(&crate::case::lower(last).as_str())
        };
        // Else the one list that is a field of the file's object itself (the others deeper).
        let top = |k: &str| !k.contains('.');
        for pick in [named, top] {
            if lists.iter().filter(|(k, _)| pick(k)).count() == 1 {
                let passed: Vec<String> = lists
                    .iter()
                    .filter(|(k, _)| !pick(k))
                    .map(|(k, _)| k.clone())
                    .collect();
                let (key, list) = lists.into_iter().find(|(k, _)| pick(k))?;
                let note = wrapped_note(&key, &passed);
                return Some((list, note));
            }
        }
    }
    None
}

/// The error for an object with no list of records, or with several (`found`, their paths) of
/// which none is to be chosen ([`choose_list`]).
fn not_one_list(name: &str, found: &[String]) -> Error {
    if found.len() > 1 {
        let list = crate::format::quoted(found);
        return Error::new2(
            ErrorKind::Parse,
            format!("Het JSON-bestand heeft meer dan één lijst van records: {list}. Verwacht één lijst, [{{...}}, {{...}}], of een object met precies één lijst van records."),
            format!("The JSON file has more than one list of records: {list}. Expected one list, [{{...}}, {{...}}], or an object with exactly one list of records."),
        )
        .at(Location::file(name));
    }
    Error::new2(
        ErrorKind::Parse,
        "Het JSON-bestand is een object, geen lijst van records. Verwacht [{...}, {...}] of een object met precies één lijst van records.",
        "The JSON file is an object, not a list of records. Expected [{...}, {...}] or an object with exactly one list of records.",
    )
    .at(Location::file(name))
}

fn not_a_list(name: &str, (kind, kind_en): (&str, &str)) -> Error {
    Error::new2(
        ErrorKind::Parse,
        format!("Het JSON-bestand bevat {kind}, geen lijst van records."),
        format!("The JSON file holds {kind_en}, not a list of records."),
    )
    .at(Location::file(name))
}

const NULL: (&str, &str) = ("null", "null");
const BOOL: (&str, &str) = ("een waar/onwaar-waarde", "a true/false value");
const NUMBER: (&str, &str) = ("een getal", "a number");
const TEXT: (&str, &str) = ("een tekst", "a text");
const LIST: (&str, &str) = ("een lijst", "a list");

/// Reads a list of records (or an object holding one) as it is parsed: each record is written
/// into the columns as it is read, so a large file costs its table, not a tree of its values.
/// The same table, notes and errors as parsing the whole file first ([`read_json_whole`], which
/// a test and the fuzz target compare it with).
pub fn read_json(name: &str, bytes: &[u8]) -> Result<Table> {
    let (text, found) = json_text(bytes);
    read_json_text(name, &text).map(|t| found.said(t))
}

/// Whether a JSON file is one page of a paged OData answer: its object has `odata.nextLink`
/// (OData 3, CBS's API) or `@odata.nextLink` (OData 4), written before or after the records
/// (looked for in the first and last 4 KB: a file of millions of records is not searched).
#[cfg(feature = "full")]
fn next_page(bytes: &[u8]) -> bool {
    const KEY: &[u8] = b"odata.nextLink\"";
    let ends = [
        &bytes[..bytes.len().min(4096)],
        &bytes[bytes.len().saturating_sub(4096)..],
    ];
    ends.iter()
        .any(|part| part.windows(KEY.len()).any(|w| w == KEY))
}

/// What [`json_text`] found in a file: its encoding when it was not UTF-8, and how many of
/// Python's `NaN` and `Infinity` it read as `null`.
#[derive(Default)]
struct Found {
    encoding: Option<&'static str>,
    not_numbers: usize,
    /// One page of a paged OData answer ([`next_page`]).
    #[cfg(feature = "full")]
    one_page: bool,
}

impl Found {
    /// The table with what was found said in its file line.
    fn said(self, mut t: Table) -> Table {
        if let Some(e) = self.encoding {
            t.detected.encoding = Some(e.into());
        }
        let n = self.not_numbers;
        if n > 0 {
            t.detected.note(
                format!("{} keer NaN of Infinity (zoals Python ze schrijft; JSON kent ze niet) als ontbrekend gelezen", thousands(n)),
                format!("{} NaN or Infinity (as Python writes them; JSON has none) read as missing", limits::thousands_en(n)),
            );
        }
        #[cfg(feature = "full")]
        if self.one_page {
            t.detected.note(
                "Het bestand is één pagina van een OData-antwoord ('odata.nextLink' wijst naar de volgende): de rijen van de volgende pagina's ontbreken. Haal alle pagina's op, of download de tabel als geheel, voor volledige cijfers",
                "The file is one page of an OData answer ('odata.nextLink' points to the next): the rows of the next pages are missing. Fetch all pages, or download the table as a whole, for complete figures",
            );
        }
        t
    }
}

/// The file's text as the JSON reader takes it: UTF-8 without a byte order mark. UTF-16 (marked
/// or not) and bytes that are not UTF-8 (Windows-1252, as a CSV file's are read) are decoded
/// first; Python's `NaN`, `Infinity` and `-Infinity` outside strings, which JSON does not have,
/// become `null`. The file as it is when none of that is needed.
fn json_text(bytes: &[u8]) -> (Cow<'_, [u8]>, Found) {
    let mut found = Found::default();
    #[cfg(feature = "full")]
    {
        found.one_page = next_page(bytes);
    }
    let marked16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let unmarked16 = super::source::Encoding::utf16_unmarked(&bytes[..bytes.len().min(128)]);
    let mut text: Cow<'_, [u8]> =
        if marked16 || unmarked16.is_some() || std::str::from_utf8(bytes).is_err() {
            let mut p = super::source::Pieces::new(bytes.len(), None);
            p.want(bytes.len());
            // (The full core reads bytes that are not UTF-8 where they lie: no restart.)
            let _ = p.fill(bytes);
            found.encoding = Some(p.encoding.label());
            Cow::Owned(std::mem::take(&mut p.text).into_bytes())
        } else {
            Cow::Borrowed(bytes)
        };
    if let Cow::Borrowed(b) = text {
        let b = b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(b);
        // (A file decoded above lost its padding there.)
        text = Cow::Borrowed(&b[..b.len() - super::source::padding(b)]);
    } else if text.starts_with("\u{feff}".as_bytes()) {
        text.to_mut().drain(..3);
    }
    // Bare words outside strings: only true, false and null are JSON.
    let (mut in_string, mut escaped, mut at) = (false, false, Vec::new());
    // (The end of the last word found: `NaNaN` holds one `NaN`, not two that overlap.)
    let mut free = 0;
    for (i, &b) in text.iter().enumerate() {
        if i < free {
            continue;
        }
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if b == b'N' || b == b'I' || (b == b'-' && text.get(i + 1) == Some(&b'I')) {
            let word = if b == b'N' {
                "NaN"
            } else if b == b'I' {
                "Infinity"
            } else {
                "-Infinity"
            };
            if text[i..].starts_with(word.as_bytes())
                && (i == 0 || text[i - 1] != b'-' || b == b'-')
            {
                at.push((i, word.len()));
                free = i + word.len();
            }
        }
    }
    if !at.is_empty() {
        found.not_numbers = at.len();
        let mut out = Vec::with_capacity(text.len() + at.len());
        let mut from = 0;
        for (i, len) in at {
            out.extend_from_slice(&text[from..i]);
            out.extend_from_slice(b"null");
            from = i + len;
        }
        out.extend_from_slice(&text[from..]);
        text = Cow::Owned(out);
    }
    (text, found)
}

/// [`read_json`] of the file's text as [`json_text`] gives it.
fn read_json_text(name: &str, bytes: &[u8]) -> Result<Table> {
    use serde::de::DeserializeSeed;
    let file = FileFacts::of(bytes.len(), check_depth(name, bytes)?);

    /// What the file holds at the top.
    enum Root<'n> {
        List(Box<Sink<'n>>),
        /// An object: its fields that are lists holding a record (with the full core also
        /// those of the objects in it, named by their path: `result.records`).
        Object(Vec<(String, Sink<'n>)>),
        Other((&'static str, &'static str)),
    }
    type R<T, E> = std::result::Result<T, E>;

    /// Any value, as one kind or another, ignored.
    macro_rules! scalars {
        ($ret:expr) => {
            fn visit_unit<E>(self) -> R<Self::Value, E> {
                Ok($ret(self, NULL))
            }
            fn visit_none<E>(self) -> R<Self::Value, E> {
                Ok($ret(self, NULL))
            }
            fn visit_bool<E>(self, _: bool) -> R<Self::Value, E> {
                Ok($ret(self, BOOL))
            }
            fn visit_i64<E>(self, _: i64) -> R<Self::Value, E> {
                Ok($ret(self, NUMBER))
            }
            fn visit_u64<E>(self, _: u64) -> R<Self::Value, E> {
                Ok($ret(self, NUMBER))
            }
            fn visit_f64<E>(self, _: f64) -> R<Self::Value, E> {
                Ok($ret(self, NUMBER))
            }
            fn visit_str<E>(self, _: &str) -> R<Self::Value, E> {
                Ok($ret(self, TEXT))
            }
        };
    }

    /// A value passed over, parsed as any other (a number out of range is the file's error
    /// wherever it is, as serde's `IgnoredAny` would not tell).
    struct Skip;
    impl<'de> Deserialize<'de> for Skip {
        fn deserialize<D: Deserializer<'de>>(d: D) -> R<Self, D::Error> {
            d.deserialize_any(Skip)
        }
    }
    impl<'de> Visitor<'de> for Skip {
        type Value = Skip;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON value")
        }
        scalars!(|s, _| s);
        fn visit_seq<A: SeqAccess<'de>>(self, a: A) -> R<Skip, A::Error> {
            drain_seq(a).map(|_| Skip)
        }
        fn visit_map<A: MapAccess<'de>>(self, a: A) -> R<Skip, A::Error> {
            drain_map(a).map(|_| Skip)
        }
    }
    fn drain_seq<'de, A: SeqAccess<'de>>(mut a: A) -> R<(), A::Error> {
        while a.next_element::<Skip>()?.is_some() {}
        Ok(())
    }
    fn drain_map<'de, A: MapAccess<'de>>(mut a: A) -> R<(), A::Error> {
        while a.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(())
    }
    /// Reads the items of a list into `sink`.
    fn items<'de, A: SeqAccess<'de>>(sink: &mut Sink, mut a: A) -> R<(), A::Error> {
        while a.next_element_seed(Item(sink))?.is_some() {}
        Ok(())
    }

    /// The top of the file.
    struct Top<'n>(&'n str, FileFacts);
    impl<'de, 'n> DeserializeSeed<'de> for Top<'n> {
        type Value = Root<'n>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> R<Root<'n>, D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de, 'n> Visitor<'de> for Top<'n> {
        type Value = Root<'n>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON value")
        }
        scalars!(|_, k| Root::Other(k));
        fn visit_seq<A: SeqAccess<'de>>(self, a: A) -> R<Root<'n>, A::Error> {
            let mut sink = Sink::new(self.0, self.1);
            items(&mut sink, a)?;
            Ok(Root::List(Box::new(sink)))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> R<Root<'n>, A::Error> {
            let mut lists = Vec::new();
            while let Some(key) = a.next_key::<String>()? {
                match a.next_value_seed(Top(self.0, self.1))? {
                    Root::List(sink) if sink.objects > 0 => lists.push((key, *sink)),
                    // The lists of records in an object in this one, under their path.
                    #[cfg(feature = "full")]
                    Root::Object(inner) => lists.extend(
                        inner
                            .into_iter()
                            .map(|(k, sink)| (format!("{key}.{k}"), sink)),
                    ),
                    _ => {}
                }
            }
            Ok(Root::Object(lists))
        }
    }

    /// An item of a list of records.
    struct Item<'s, 'n>(&'s mut Sink<'n>);
    impl<'de> DeserializeSeed<'de> for Item<'_, '_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> R<(), D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Item<'_, '_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON value")
        }
        scalars!(|s: Self, k| s.0.not_a_record(k));
        fn visit_seq<A: SeqAccess<'de>>(self, a: A) -> R<(), A::Error> {
            drain_seq(a)?;
            self.0.not_a_record(LIST);
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> R<(), A::Error> {
            let sink = self.0;
            sink.begin_record();
            if sink.writing {
                while let Some(key) = a.next_key::<Key>()? {
                    if !a.next_value_seed(Fields(sink, &key.0, false))? {
                        break;
                    }
                }
            }
            drain_map(a)?;
            sink.end_record();
            Ok(())
        }
    }

    /// A field of a record (named `.1`; `.2`: within an object in it): a value as a cell, an
    /// object as a column per field within it (`regio.naam`). False once the record is not
    /// written (an error); the value is read to its end either way.
    struct Fields<'s, 'n, 'k>(&'s mut Sink<'n>, &'k str, bool);
    impl<'de> DeserializeSeed<'de> for Fields<'_, '_, '_> {
        type Value = bool;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> R<bool, D::Error> {
            d.deserialize_any(self)
        }
    }
    impl Fields<'_, '_, '_> {
        fn put(self, value: Field) -> bool {
            if self.2 {
                self.0.inner_field(self.1, value)
            } else {
                self.0.field(self.1, value)
            }
        }
    }
    impl<'de> Visitor<'de> for Fields<'_, '_, '_> {
        type Value = bool;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_unit<E>(self) -> R<bool, E> {
            Ok(self.put(Field::Cell(RawCell::Empty)))
        }
        fn visit_none<E>(self) -> R<bool, E> {
            Ok(self.put(Field::Cell(RawCell::Empty)))
        }
        fn visit_bool<E>(self, b: bool) -> R<bool, E> {
            Ok(self.put(Field::Cell(RawCell::Text(b.to_string()))))
        }
        fn visit_i64<E>(self, n: i64) -> R<bool, E> {
            Ok(self.put(Field::Cell(RawCell::Number(n as f64))))
        }
        fn visit_u64<E>(self, n: u64) -> R<bool, E> {
            Ok(self.put(Field::Cell(RawCell::Number(n as f64))))
        }
        fn visit_f64<E>(self, n: f64) -> R<bool, E> {
            Ok(self.put(Field::Cell(RawCell::Number(n))))
        }
        fn visit_str<E>(self, s: &str) -> R<bool, E> {
            Ok(self.put(Field::Cell(RawCell::Text(s.to_string()))))
        }
        fn visit_string<E>(self, s: String) -> R<bool, E> {
            Ok(self.put(Field::Cell(RawCell::Text(s))))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, a: A) -> R<bool, A::Error> {
            drain_seq(a)?;
            Ok(self.put(Field::Nested(LIST.0, LIST.1)))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> R<bool, A::Error> {
            let Fields(sink, outer, _) = self;
            let mut ok = sink.writing;
            while ok {
                let Some(key) = a.next_key::<Key>()? else {
                    break;
                };
                let inner = format!("{outer}.{}", key.0);
                ok = a.next_value_seed(Fields(&mut *sink, &inner, true))?;
            }
            drain_map(a)?;
            Ok(ok && sink.writing)
        }
    }

    /// A field's name, borrowed from the file when it has no escapes.
    struct Key<'de>(Cow<'de, str>);
    impl<'de> Deserialize<'de> for Key<'de> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> R<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Key<'de>;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a field name")
                }
                fn visit_borrowed_str<E>(self, s: &'de str) -> R<Key<'de>, E> {
                    Ok(Key(Cow::Borrowed(s)))
                }
                fn visit_str<E>(self, s: &str) -> R<Key<'de>, E> {
                    Ok(Key(Cow::Owned(s.to_string())))
                }
                fn visit_string<E>(self, s: String) -> R<Key<'de>, E> {
                    Ok(Key(Cow::Owned(s)))
                }
            }
            d.deserialize_string(V)
        }
    }

    if is_json_lines(name, bytes) {
        let mut sink = Sink::new(name, file);
        for (line, text) in json_lines(bytes) {
            let mut de = serde_json::Deserializer::from_slice(text);
            Item(&mut sink)
                .deserialize(&mut de)
                .and_then(|_| de.end())
                .map_err(|e| line_syntax(name, line, e))?;
        }
        return sink.finish(Vec::new(), true);
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let root = Top(name, file)
        .deserialize(&mut de)
        .and_then(|r| de.end().map(|_| r))
        .map_err(|e| syntax(name, e))?;
    match root {
        // A list of lists: perhaps one of the other shapes.
        #[cfg(feature = "full")]
        Root::List(sink) if sink.objects == 0 && sink.items > 0 => {
            let e = sink.finish(Vec::new(), false).err();
            other_shape(name, bytes, file, e)
        }
        Root::List(sink) => sink.finish(Vec::new(), false),
        #[cfg(feature = "full")]
        Root::Object(lists) if lists.is_empty() => {
            other_shape(name, bytes, file, Some(not_one_list(name, &[])))
        }
        Root::Object(lists) => {
            let found: Vec<String> = lists.iter().map(|(k, _)| k.clone()).collect();
            match choose_list(lists) {
                Some((sink, note)) => sink.finish(vec![note], false),
                None => Err(not_one_list(name, &found)),
            }
        }
        Root::Other(kind) => Err(not_a_list(name, kind)),
    }
}

/// A file that is no list of records (`error` says so) read as one of the other shapes a table
/// is written in ([`shapes`]), from the whole file parsed into a tree.
#[cfg(feature = "full")]
fn other_shape(name: &str, bytes: &[u8], file: FileFacts, error: Option<Error>) -> Result<Table> {
    let error = || error.unwrap_or_else(|| not_one_list(name, &[]));
    match serde_json::from_slice::<Node>(bytes) {
        Ok(root) => shapes::read(name, file, root).unwrap_or_else(|| Err(error())),
        Err(_) => Err(error()),
    }
}

/// [`read_json`] from the whole file parsed first into a tree of its values: the reference the
/// reading as it parses is checked against (tests, fuzz target).
#[doc(hidden)]
pub fn read_json_whole(name: &str, bytes: &[u8]) -> Result<Table> {
    let (text, found) = json_text(bytes);
    read_json_whole_text(name, &text).map(|t| found.said(t))
}

fn read_json_whole_text(name: &str, bytes: &[u8]) -> Result<Table> {
    let file = FileFacts::of(bytes.len(), check_depth(name, bytes)?);
    let lines = is_json_lines(name, bytes);
    #[cfg(feature = "full")]
    if !lines {
        // No list of records: perhaps one of the other shapes.
        let root: Node = serde_json::from_slice(bytes).map_err(|e| syntax(name, e))?;
        let other = match &root {
            Node::Array(items) => {
                !items.is_empty() && items.iter().all(|i| matches!(i, Node::Array(_)))
            }
            Node::Object(_) => !has_record_list(&root),
            _ => false,
        };
        if other {
            return match shapes::read(name, file, root) {
                Some(t) => t,
                None => whole_records(name, bytes, file, lines),
            };
        }
    }
    whole_records(name, bytes, file, lines)
}

/// Whether an object holds a list of records where [`record_lists`] looks for one.
#[cfg(feature = "full")]
fn has_record_list(node: &Node) -> bool {
    match node {
        Node::Object(fields) => fields
            .iter()
            .any(|(_, v)| is_records(v) || matches!(v, Node::Object(_)) && has_record_list(v)),
        _ => false,
    }
}

/// The lists of records of an object, each with its path, in the order of the file: its fields
/// that are such lists and (full core) those of the objects in it (`result.records`).
fn record_lists(node: Node, path: &str) -> Vec<(String, Vec<Node>)> {
    let Node::Object(fields) = node else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, value) in fields {
        let at = if path.is_empty() {
            key
        } else {
            format!("{path}.{key}")
        };
        match value {
            v if is_records(&v) => {
                if let Node::Array(items) = v {
                    out.push((at, items));
                }
            }
            #[cfg(feature = "full")]
            v @ Node::Object(_) => out.extend(record_lists(v, &at)),
            _ => {}
        }
    }
    out
}

/// [`read_json_whole`] of a list of records (or a file that is none of the shapes).
fn whole_records(name: &str, bytes: &[u8], file: FileFacts, lines: bool) -> Result<Table> {
    let (items, notes) = if lines {
        let mut items = Vec::new();
        for (line, text) in json_lines(bytes) {
            items.push(serde_json::from_slice(text).map_err(|e| line_syntax(name, line, e))?);
        }
        (items, Vec::new())
    } else {
        whole_items(name, bytes)?
    };
    let mut sink = Sink::new(name, file);
    for item in items {
        let Node::Object(fields) = item else {
            sink.not_a_record((item.kind(), item.kind_en()));
            continue;
        };
        sink.begin_record();
        for (key, value) in fields {
            if !whole_field(&mut sink, &key, value, false) {
                break;
            }
        }
        sink.end_record();
    }
    sink.finish(notes, lines)
}

/// A record's field `key` (`inner`: within an object in it) into `sink`, an object as a column
/// per field within it, as the reading as it parses does; false once the record is not written.
fn whole_field(sink: &mut Sink, key: &str, value: Node, inner: bool) -> bool {
    let value = match value {
        Node::Null => Field::Cell(RawCell::Empty),
        Node::Number(n) => Field::Cell(RawCell::Number(n)),
        Node::String(s) => Field::Cell(RawCell::Text(s)),
        Node::Bool(b) => Field::Cell(RawCell::Text(b.to_string())),
        Node::Object(fields) => {
            for (k, v) in fields {
                if !whole_field(sink, &format!("{key}.{k}"), v, true) {
                    return false;
                }
            }
            return sink.writing;
        }
        v @ Node::Array(_) => Field::Nested(v.kind(), v.kind_en()),
    };
    if inner {
        sink.inner_field(key, value)
    } else {
        sink.field(key, value)
    }
}

/// The items of a file that is one JSON value: a list of records or an object holding one.
#[allow(clippy::type_complexity)]
fn whole_items(name: &str, bytes: &[u8]) -> Result<(Vec<Node>, Vec<(String, String)>)> {
    let root: Node = serde_json::from_slice(bytes).map_err(|e| syntax(name, e))?;
    Ok(match root {
        Node::Array(items) => (items, Vec::new()),
        root @ Node::Object(_) => {
            let lists = record_lists(root, "");
            let found: Vec<String> = lists.iter().map(|(k, _)| k.clone()).collect();
            match choose_list(lists) {
                Some((items, note)) => (items, vec![note]),
                None => return Err(not_one_list(name, &found)),
            }
        }
        other => return Err(not_a_list(name, (other.kind(), other.kind_en()))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Value;

    /// A field holding an object is read as a column per field within it (`regio.naam`, deeper
    /// ones `x.y.z`), said; a list in a field is still refused at its record and field; a column
    /// named so already and a field within an object of the same name meet as one field twice.
    #[test]
    fn objects_in_records_are_read_as_a_column_per_field() {
        let text =
            br#"[{"regio":{"code":"AM09","naam":"Achterhoek"},"jaar":2019,"x":{"y":{"z":1}}},
                        {"regio":{"naam":"Twente"},"jaar":2020,"x":null}]"#;
        for t in [read_json("o.json", text), read_json_whole("o.json", text)] {
            let t = t.unwrap();
            let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(names, ["regio.code", "regio.naam", "jaar", "x.y.z", "x"]);
            assert_eq!(
                t.columns[1].values(),
                [
                    Value::Text("Achterhoek".into()),
                    Value::Text("Twente".into())
                ]
            );
            assert_eq!(t.columns[3].values(), [Value::Number(1.0), Value::Missing]);
            assert_eq!(
                t.detected.notes,
                ["Velden met een object erin gelezen als een kolom per veld daarbinnen: 'regio.code', 'regio.naam', 'x.y.z'."]
            );
        }
        let e = read_json("l.json", br#"[{"a":1,"b":{"c":[1,2]}}]"#).unwrap_err();
        assert!(
            e.message.contains("Record 1 heeft in veld 'b.c' een lijst"),
            "{}",
            e.message
        );
        let e = read_json("d.json", br#"[{"a.b":1,"a":{"b":2}}]"#).unwrap_err();
        assert!(
            e.message.contains("het veld 'a.b' twee keer"),
            "{}",
            e.message
        );
    }

    #[test]
    fn records_keep_key_order_and_types() {
        let t = read_json(
            "r.json",
            br#"[{"regio":"A","jaar":2015,"n":"1,234","p":"12.5","s":"x"},
                {"jaar":2016,"regio":"B","n":null,"extra":true}]"#,
        )
        .unwrap();
        let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["regio", "jaar", "n", "p", "s", "extra"]);
        assert_eq!(
            t.columns[1].values(),
            [Value::Number(2015.0), Value::Number(2016.0)]
        );
        assert_eq!(
            t.columns[2].values(),
            [Value::Number(1234.0), Value::Missing]
        );
        assert_eq!(t.columns[3].values()[0], Value::Number(12.5));
        assert_eq!(t.columns[4].values()[0], Value::Missing);
        assert_eq!(
            t.columns[5].values(),
            [Value::Missing, Value::Text("true".into())]
        );
        assert_eq!(t.row_numbers, [1, 2]);
        assert_eq!(t.detected.row_unit.as_deref(), Some("record"));
        assert_eq!(
            t.location(1, "n").to_string(),
            "r.json, record 2, kolom 'n'"
        );
    }

    /// Strings that are numbers are read with the separator they tell: `"4.099"` beside `"724"`
    /// (a Dutch export with its thousands grouped) is 4099, never 4.099; a decimal comma is read
    /// as one; JSON numbers and keys do not vote.
    #[cfg(feature = "full")]
    #[test]
    fn strings_that_are_numbers_tell_their_decimal_separator() {
        let read = |text: &str| read_json("s.json", text.as_bytes()).unwrap();
        let t = read(
            r#"[{"1.500":"x","n":"4.099","m":1.5},{"1.500":"y","n":"724","m":2.25},{"n":"15.713"}]"#,
        );
        assert_eq!(
            t.columns[1].values(),
            [
                Value::Number(4099.0),
                Value::Number(724.0),
                Value::Number(15713.0)
            ]
        );
        assert_eq!(t.columns[2].values()[0], Value::Number(1.5));
        assert_eq!(t.detected.decimal.as_deref(), Some(","));
        assert!(
            t.detected
                .notes
                .iter()
                .any(|n| n.contains("de punt scheidt de duizendtallen")),
            "{:?}",
            t.detected.notes
        );
        // A decimal comma, and thousands with it.
        let t = read(r#"[{"p":"45,3"},{"p":"1.234,5"},{"p":"7"}]"#);
        assert_eq!(
            t.columns[0].values(),
            [
                Value::Number(45.3),
                Value::Number(1234.5),
                Value::Number(7.0)
            ]
        );
        // A decimal point, as before; and nothing to tell.
        let t = read(r#"[{"p":"45.3"},{"p":"4.099"},{"p":"1,234.5"}]"#);
        assert_eq!(
            t.columns[0].values(),
            [
                Value::Number(45.3),
                Value::Number(4.099),
                Value::Number(1234.5)
            ]
        );
        assert_eq!(t.detected.decimal.as_deref(), Some("."));
        assert!(t.detected.notes.is_empty(), "{:?}", t.detected.notes);
        // In JSON lines, and in a list of lists.
        let t = read_json("s.jsonl", b"{\"n\":\"4.099\"}\n{\"n\":\"12\"}\n").unwrap();
        assert_eq!(t.columns[0].values()[0], Value::Number(4099.0));
        let t = read(r#"[["regio","n"],["A","4.099"],["B","12.345"]]"#);
        assert_eq!(
            t.columns[1].values(),
            [Value::Number(4099.0), Value::Number(12345.0)]
        );
    }

    #[test]
    fn odata_value_wrapper() {
        let t = read_json(
            "o.json",
            br#"{"odata.metadata":"x","value":[{"a":1},{"a":2}]}"#,
        )
        .unwrap();
        assert_eq!(t.len(), 2);
        assert!(t.detected.notes[0].contains("'value'"));
    }

    #[test]
    fn errors_name_the_record() {
        let e = read_json("r.json", br#"[{"a":1}, 5]"#).unwrap_err();
        let loc = e.location.unwrap();
        assert_eq!(
            (loc.row, loc.row_unit.as_deref()),
            (Some(2), Some("record"))
        );
        let e = read_json("r.json", br#"[{"a":1}, {"a":[1]}]"#).unwrap_err();
        assert_eq!(e.location.unwrap().column.as_deref(), Some("a"));
        let e = read_json("r.json", b"[{\"a\":1},\n{\"a\":}]").unwrap_err();
        let loc = e.location.unwrap();
        assert_eq!((loc.row, loc.row_unit.as_deref()), (Some(2), Some("regel")));
        assert!(read_json("r.json", b"{\"a\":1}").is_err());
    }

    /// Records read as the file is parsed give the table, notes and errors of parsing the whole
    /// file first, whatever the file: lists and objects at the top, items that are not records,
    /// fields given twice (first null or not), nested values, escaped names, texts that are
    /// numbers or withheld counts, files cut off anywhere.
    #[test]
    fn records_read_as_parsed_are_those_of_the_whole_file() {
        let values = [
            "1",
            "-2.5",
            "1e400",
            "null",
            "true",
            "\"12,5\"",
            "\"x\"",
            "\"<10\"",
            "\"\"",
            "[1]",
            "{\"a\":1}",
            "{\"a\":{\"b\":null},\"c\":\"x\"}",
            "{\"a\":[1]}",
            "{}",
            "\"a\\\"b\"",
            "18446744073709551616",
        ];
        let keys = ["a", "b", "c", "a\\u0062", "jaar", "regio", "b.a", "c.a.b"];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut differ = Vec::new();
        let mut tables = 0;
        for case in 0..3000 {
            let mut list = String::from("[");
            for r in 0..next(12) {
                if r > 0 {
                    list.push(',');
                }
                match next(12) {
                    0 => list.push_str(values[next(values.len() as u64) as usize]),
                    _ => {
                        list.push('{');
                        for f in 0..next(5) {
                            if f > 0 {
                                list.push(',');
                            }
                            let k = keys[next(keys.len() as u64) as usize];
                            let v = values[next(values.len() as u64) as usize];
                            list.push_str(&format!("\"{k}\":{v}"));
                        }
                        list.push('}');
                    }
                }
            }
            list.push(']');
            let text = match next(5) {
                0 => format!("{{\"odata\":\"x\",\"value\":{list}}}"),
                1 => format!("{{\"value\":{list},\"more\":{list}}}"),
                2 => format!("{{\"n\":[1,2],\"value\":{list}}}"),
                _ => list,
            };
            let text = if next(8) == 0 {
                text[..next(text.len() as u64 + 1) as usize].to_string()
            } else {
                text
            };
            let a = read_json("r.json", text.as_bytes());
            let b = read_json_whole("r.json", text.as_bytes());
            tables += usize::from(a.is_ok());
            if a != b {
                differ.push(format!("case {case}: {text}\n{a:?}\n{b:?}"));
            }
        }
        assert!(differ.is_empty(), "{}", differ.join("\n\n"));
        assert!(tables > 150, "{tables}");
    }
}
