//! JSON loader: an array of records (objects). Keys become columns in the order they are first
//! seen; numbers stay numbers, strings are parsed like CSV cells with a decimal point (CBS symbols
//! and empty strings are missing), `null` and absent keys are missing. A top-level object holding
//! one array of records (such as an OData `{"value": [...]}` export) is read too.
//! Rows are called records: an error names `record N` (1-based).

use super::limits::{self, thousands};
use super::sniff::RawCell;
use super::{Detected, Table};
use crate::error::{Error, ErrorKind, Location, Result};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

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
fn check_depth(name: &str, bytes: &[u8]) -> Result<()> {
    let (mut depth, mut line) = (0usize, 1usize);
    let (mut in_string, mut escaped) = (false, false);
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
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
    Ok(())
}

fn is_records(n: &Node) -> bool {
    matches!(n, Node::Array(items) if items.iter().any(|i| matches!(i, Node::Object(_))))
}

pub fn read_json(name: &str, bytes: &[u8]) -> Result<Table> {
    let file = || Location::file(name);
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    check_depth(name, bytes)?;
    let root: Node = serde_json::from_slice(bytes).map_err(|e| {
        Error::new2(
            ErrorKind::Parse,
            format!(
                "Het JSON-bestand kan niet worden gelezen: {e}. Verwacht een lijst van records, zoals [{{\"regio\": \"Achterhoek\", \"jaar\": 2015, ...}}]."
            ),
            format!(
                "The JSON file cannot be read: {e}. Expected a list of records, such as [{{\"region\": \"Achterhoek\", \"year\": 2015, ...}}]."
            ),
        )
        .at(file().row(e.line()).row_unit("regel"))
    })?;
    let mut notes: Vec<(String, String)> = Vec::new();
    let items = match root {
        Node::Array(items) => items,
        Node::Object(fields) => {
            let arrays: Vec<(String, Node)> =
                fields.into_iter().filter(|(_, v)| is_records(v)).collect();
            match <[(String, Node); 1]>::try_from(arrays) {
                Ok([(key, Node::Array(items))]) => {
                    notes.push((
                        format!("Records gelezen uit het veld '{key}'"),
                        format!("Records read from the field '{key}'"),
                    ));
                    items
                }
                _ => {
                    return Err(Error::new2(
                        ErrorKind::Parse,
                        "Het JSON-bestand is een object, geen lijst van records. Verwacht [{...}, {...}] of een object met precies één lijst van records.",
                        "The JSON file is an object, not a list of records. Expected [{...}, {...}] or an object with exactly one list of records.",
                    )
                    .at(file()))
                }
            }
        }
        other => {
            return Err(Error::new2(
                ErrorKind::Parse,
                format!(
                    "Het JSON-bestand bevat {}, geen lijst van records.",
                    other.kind()
                ),
                format!(
                    "The JSON file holds {}, not a list of records.",
                    other.kind_en()
                ),
            )
            .at(file()))
        }
    };
    if items.len() > limits::MAX_ROWS {
        return Err(limits::exceeded(
            name,
            ["het aantal rijen", "the number of rows"],
            [
                format!(
                    "{} records, ten hoogste {}",
                    thousands(items.len()),
                    thousands(limits::MAX_ROWS)
                ),
                format!(
                    "{} records, at most {}",
                    limits::thousands_en(items.len()),
                    limits::thousands_en(limits::MAX_ROWS)
                ),
            ],
        ));
    }
    let mut names: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut rows: Vec<(usize, Vec<RawCell>)> = Vec::with_capacity(items.len());
    // Every record holds a cell for every key seen so far: records that each add a key would
    // make a small file quadratic, so the cells are counted against the budget as they grow.
    let budget = limits::cell_budget(bytes.len());
    let mut cells_so_far = 0usize;
    for (i, item) in items.into_iter().enumerate() {
        let Node::Object(fields) = item else {
            return Err(Error::new2(
                ErrorKind::Parse,
                format!(
                    "Record {} is {}, geen object met velden.",
                    i + 1,
                    item.kind()
                ),
                format!(
                    "Record {} is {}, not an object with fields.",
                    i + 1,
                    item.kind_en()
                ),
            )
            .at(file().row(i + 1).row_unit("record")));
        };
        let mut cells = vec![RawCell::Empty; names.len()];
        for (key, value) in fields {
            let j = match index.get(&key) {
                Some(&j) => j,
                None => {
                    if names.len() >= limits::MAX_COLUMNS {
                        let mut e = limits::exceeded(
                            name,
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
                        e.location = Some(file().row(i + 1).row_unit("record").column(&key));
                        return Err(e);
                    }
                    index.insert(key.clone(), names.len());
                    names.push(key.clone());
                    cells.push(RawCell::Empty);
                    names.len() - 1
                }
            };
            let c = match value {
                Node::Null => RawCell::Empty,
                Node::Number(n) => RawCell::Number(n),
                Node::String(s) => RawCell::Text(s),
                Node::Bool(b) => RawCell::Text(b.to_string()),
                Node::Array(_) | Node::Object(_) => {
                    return Err(Error::new2(
                        ErrorKind::BadValue,
                        format!(
                        "Record {} heeft in veld '{key}' {}; verwacht een getal, tekst of null.",
                        i + 1,
                        value.kind()
                    ),
                        format!(
                            "Record {} has {} in field '{key}'; expected a number, text or null.",
                            i + 1,
                            value.kind_en()
                        ),
                    )
                    .at(file().row(i + 1).row_unit("record").column(&key)))
                }
            };
            if let Some(slot) = cells.get_mut(j) {
                if !slot.is_blank() {
                    return Err(Error::new2(
                        ErrorKind::Duplicate,
                        format!("Record {} heeft het veld '{key}' twee keer.", i + 1),
                        format!("Record {} has the field '{key}' twice.", i + 1),
                    )
                    .at(file().row(i + 1).row_unit("record").column(&key)));
                }
                *slot = c;
            }
        }
        cells_so_far = cells_so_far.saturating_add(names.len());
        if cells_so_far > budget {
            return Err(limits::exceeded(
                name,
                ["het aantal cellen", "the number of cells"],
                [
                    format!(
                        "tot en met record {} al {} cellen (records maal velden), ten hoogste {} voor een bestand van {} bytes",
                        i + 1,
                        thousands(cells_so_far),
                        thousands(budget),
                        thousands(bytes.len())
                    ),
                    format!(
                        "up to record {} already {} cells (records times fields), at most {} for a file of {} bytes",
                        i + 1,
                        limits::thousands_en(cells_so_far),
                        limits::thousands_en(budget),
                        limits::thousands_en(bytes.len())
                    ),
                ],
            ));
        }
        rows.push((i + 1, cells));
    }
    if names.is_empty() && !rows.is_empty() {
        return Err(Error::new2(
            ErrorKind::NoRows,
            "De records hebben geen velden.",
            "The records have no fields.",
        )
        .at(file()));
    }
    let mut detected = Detected {
        format: "json".into(),
        encoding: Some("UTF-8".into()),
        decimal: Some(".".into()),
        header_row: 0,
        row_unit: Some("record".into()),
        ..Default::default()
    };
    for (nl, en) in notes {
        detected.note(nl, en);
    }
    // Records with every field null are kept as rows of missing values: nothing is dropped.
    Table::build(name, names, rows, '.', detected, bytes.len(), true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Value;

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
}
