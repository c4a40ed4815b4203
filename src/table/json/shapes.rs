//! Tables written as JSON in the shapes other than a list of records, as pandas' `to_json` and
//! spreadsheet APIs write them (full core only; tried only when the file is no list of records,
//! so a list of records costs nothing more):
//! - a list of lists whose first list names the columns (`[["regio","jaar"],["Twente",2015]]`,
//!   a spreadsheet's `values`);
//! - pandas `orient='split'`: `{"columns": [...], "index": [...], "data": [[...], ...]}`;
//! - one list per column: `{"regio": ["Twente", ...], "jaar": [2015, ...]}`;
//! - pandas `orient='columns'` (its default): one object per column, keyed by the row labels
//!   (`{"regio": {"0": "Twente", ...}, ...}`);
//! - pandas `orient='index'`: one record per row label (`{"0": {"regio": "Twente", ...}, ...}`).
//!
//! Row labels other than pandas' default `0, 1, 2, ...` are data (a table indexed by region
//! holds its regions only there): they become a first column `index`, said so. Each shape is
//! said in the file line; the rows then go through the records' reader ([`super::Sink`]), so
//! cells, limits and errors are those of a list of records.

use super::{Field, FileFacts, Node, Sink};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::table::sniff::RawCell;
use crate::table::{column_names, Detected, Table};

/// The table when `root` is one of the shapes above; `None` when it is none of them (the
/// caller's error stands).
pub(super) fn read(name: &str, file: FileFacts, root: Node) -> Option<Result<Table>> {
    match root {
        Node::Array(items) => list_of_lists(name, file, items),
        Node::Object(fields) => {
            if let Some(split) = split(name, file, &fields) {
                return Some(split);
            }
            if fields.is_empty() {
                return None;
            }
            if fields.iter().all(|(_, v)| scalar_list(v)) {
                return Some(lists_per_column(name, file, fields));
            }
            // Objects within objects, keyed by values (`{"Achterhoek": {"2015": {"personen":
            // 4099, ...}}}`): a row per leaf.
            if let Some(levels) = tree_depth(&fields).filter(|&d| d >= 2) {
                return Some(tree(name, file, fields, levels));
            }
            if fields.iter().all(|(_, v)| scalar_object(v)) {
                // Row labels outside, field names inside (`orient='index'`), or the other way
                // round (`orient='columns'`): the side whose keys are row numbers holds the rows.
                let outer_rows = fields.iter().all(|(k, _)| row_number(k).is_some());
                let inner_rows = fields.iter().all(|(_, v)| match v {
                    Node::Object(f) => f.iter().all(|(k, _)| row_number(k).is_some()),
                    _ => false,
                });
                return Some(if outer_rows && !inner_rows {
                    records_per_label(name, file, fields)
                } else {
                    objects_per_column(name, file, fields)
                });
            }
            None
        }
        _ => None,
    }
}

fn is_scalar(n: &Node) -> bool {
    !matches!(n, Node::Array(_) | Node::Object(_))
}

fn scalar_list(n: &Node) -> bool {
    matches!(n, Node::Array(items) if items.iter().all(is_scalar))
}

fn scalar_object(n: &Node) -> bool {
    matches!(n, Node::Object(f) if f.iter().all(|(_, v)| is_scalar(v)))
}

/// A row label as pandas writes its default index: `0`, `1`, ... (no sign, no leading zero).
fn row_number(k: &str) -> Option<usize> {
    let ok =
        !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()) && (k == "0" || !k.starts_with('0'));
    ok.then(|| k.parse().ok()).flatten()
}

/// True when the labels are pandas' default index, `0, 1, 2, ...` in order.
fn default_labels<'a>(labels: impl Iterator<Item = &'a str>) -> bool {
    labels.enumerate().all(|(i, k)| row_number(k) == Some(i))
}

fn field(n: Node) -> Field {
    match n {
        Node::Null => Field::Cell(RawCell::Empty),
        Node::Number(x) => Field::Cell(RawCell::Number(x)),
        Node::String(s) => Field::Cell(RawCell::Text(s)),
        Node::Bool(b) => Field::Cell(RawCell::Text(b.to_string())),
        v @ (Node::Array(_) | Node::Object(_)) => Field::Nested(v.kind(), v.kind_en()),
    }
}

/// A label as a cell of the `index` column.
fn label_cell(k: &str) -> Field {
    Field::Cell(RawCell::Text(k.to_string()))
}

/// The column names a header gives (blank names and names given twice as the CSV reader names
/// them), with the notes that says so.
fn names_of(header: &[String]) -> (Vec<String>, Vec<(String, String)>) {
    let cells: Vec<RawCell> = header.iter().map(|h| RawCell::Text(h.clone())).collect();
    let mut d = Detected::default();
    let names = column_names(&cells, cells.len(), &mut d, |j| format!("kolom_{}", j + 1));
    let en = d.notes_en.clone();
    let notes = d
        .notes
        .into_iter()
        .enumerate()
        .map(|(i, nl)| {
            let e = en.get(i).cloned().unwrap_or_else(|| nl.clone());
            (nl, e)
        })
        .collect();
    (names, notes)
}

/// Rows of cells under `names` into a table, each row a record; `labels` (when not pandas'
/// default) as a first column `index`.
fn rows_into_table(
    name: &str,
    file: FileFacts,
    names: &[String],
    rows: impl Iterator<Item = (Option<String>, Vec<Node>)>,
    mut notes: Vec<(String, String)>,
    labelled: bool,
) -> Result<Table> {
    let mut sink = Sink::new(name, file);
    let index = if labelled {
        let mut k = "index".to_string();
        while names.contains(&k) {
            k.push('_');
        }
        notes.push((
            format!("De rijlabels staan in de kolom '{k}'"),
            format!("The row labels are in the column '{k}'"),
        ));
        Some(k)
    } else {
        None
    };
    for (i, (label, cells)) in rows.enumerate() {
        sink.begin_record();
        if sink.writing && cells.len() > names.len() {
            let n = cells.len();
            let e = Error::new2(
                ErrorKind::Parse,
                format!(
                    "Rij {} heeft {n} waarden, maar er zijn {} kolomnamen.",
                    i + 1,
                    names.len()
                ),
                format!(
                    "Row {} has {n} values, but there are {} column names.",
                    i + 1,
                    names.len()
                ),
            )
            .at(Location::file(name).row(i + 1).row_unit("record"));
            sink.fail(e);
        }
        if let (Some(k), Some(l)) = (&index, &label) {
            sink.field(k, label_cell(l));
        }
        for (n, c) in names.iter().zip(cells) {
            if !sink.field(n, field(c)) {
                break;
            }
        }
        sink.end_record();
    }
    sink.finish(notes, false)
}

/// `[["regio","jaar"],["Twente",2015],...]`: the first list names the columns.
fn list_of_lists(name: &str, file: FileFacts, items: Vec<Node>) -> Option<Result<Table>> {
    if !items.iter().all(|i| matches!(i, Node::Array(_))) {
        return None;
    }
    let mut items = items.into_iter();
    let Some(Node::Array(head)) = items.next() else {
        return None;
    };
    let header: Vec<String> = head
        .into_iter()
        .map(|h| match h {
            Node::String(s) => Some(s),
            _ => None,
        })
        .collect::<Option<_>>()?;
    if header.is_empty() {
        return None;
    }
    let (names, mut notes) = names_of(&header);
    notes.insert(
        0,
        (
            "Een lijst van lijsten: de eerste lijst geeft de kolomnamen, elke volgende is een rij"
                .into(),
            "A list of lists: the first list gives the column names, each next one is a row".into(),
        ),
    );
    let rows = items.map(|r| match r {
        Node::Array(cells) => (None, cells),
        _ => (None, Vec::new()),
    });
    Some(rows_into_table(name, file, &names, rows, notes, false))
}

/// pandas `orient='split'`: `columns`, `data` and perhaps `index` (other fields: not this shape).
fn split(name: &str, file: FileFacts, fields: &[(String, Node)]) -> Option<Result<Table>> {
    let get = |k: &str| fields.iter().find(|(f, _)| f == k).map(|(_, v)| v);
    if !fields
        .iter()
        .all(|(k, _)| matches!(k.as_str(), "columns" | "data" | "index" | "name"))
    {
        return None;
    }
    let Some(Node::Array(cols)) = get("columns") else {
        return None;
    };
    let Some(Node::Array(data)) = get("data") else {
        return None;
    };
    if !data.iter().all(|r| matches!(r, Node::Array(_))) {
        return None;
    }
    let header: Vec<String> = cols
        .iter()
        .map(|c| match c {
            Node::String(s) => Some(s.clone()),
            Node::Number(x) => Some(x.to_string()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    // A MultiIndex: each row's index a list of as many values (its level names are not in the
    // file): one column per level, before the others.
    let levels = match get("index") {
        Some(Node::Array(ix)) if ix.len() == data.len() => match ix.first() {
            Some(Node::Array(first)) if !first.is_empty() => ix
                .iter()
                .all(|l| matches!(l, Node::Array(a) if a.len() == first.len()))
                .then_some(first.len()),
            _ => None,
        },
        _ => None,
    };
    if let (Some(k), Some(Node::Array(ix))) = (levels, get("index")) {
        let mut header_k: Vec<String> = (1..=k).map(|l| format!("index_{l}")).collect();
        header_k.extend(header);
        let (names, mut notes) = names_of(&header_k);
        let list = header_k[..k].join(", ");
        notes.insert(
            0,
            (
                format!("Tabel in de vorm 'split' (kolomnamen in 'columns', rijen in 'data'); de index van {k} niveaus gelezen als de kolommen {list} (het bestand noemt hun namen niet)"),
                format!("Table in the 'split' shape (column names in 'columns', rows in 'data'); the index of {k} levels read as the columns {list} (the file does not name them)"),
            ),
        );
        let rows = ix.iter().zip(data).map(|(l, r)| {
            let mut cells = match l {
                Node::Array(c) => c.clone(),
                _ => Vec::new(),
            };
            if let Node::Array(c) = r {
                cells.extend(c.iter().cloned());
            }
            (None, cells)
        });
        return Some(rows_into_table(name, file, &names, rows, notes, false));
    }
    let labels: Option<Vec<String>> = match get("index") {
        Some(Node::Array(ix)) if ix.len() == data.len() => ix
            .iter()
            .map(|l| match l {
                Node::String(s) => Some(s.clone()),
                Node::Number(x) => Some(x.to_string()),
                _ => None,
            })
            .collect(),
        _ => None,
    };
    let labelled = labels
        .as_ref()
        .is_some_and(|l| !default_labels(l.iter().map(String::as_str)));
    let (names, mut notes) = names_of(&header);
    notes.insert(
        0,
        (
            "Tabel in de vorm 'split' (kolomnamen in 'columns', rijen in 'data')".into(),
            "Table in the 'split' shape (column names in 'columns', rows in 'data')".into(),
        ),
    );
    let mut labels = labels.unwrap_or_default().into_iter();
    let rows = data.iter().map(move |r| {
        let cells = match r {
            Node::Array(c) => c.clone(),
            _ => Vec::new(),
        };
        (labels.next(), cells)
    });
    Some(rows_into_table(name, file, &names, rows, notes, labelled))
}

/// `{"regio": ["Twente", ...], "jaar": [2015, ...]}`: lists of one length.
fn lists_per_column(name: &str, file: FileFacts, fields: Vec<(String, Node)>) -> Result<Table> {
    let header: Vec<String> = fields.iter().map(|(k, _)| k.clone()).collect();
    let lens: Vec<usize> = fields
        .iter()
        .map(|(_, v)| match v {
            Node::Array(a) => a.len(),
            _ => 0,
        })
        .collect();
    let rows_n = lens.iter().copied().max().unwrap_or(0);
    if let Some(j) = lens.iter().position(|&l| l != rows_n) {
        return Err(Error::new2(
            ErrorKind::Parse,
            format!(
                "De lijst '{}' heeft {} waarden, andere lijsten {rows_n}: een lijst per kolom moet voor elke rij een waarde hebben.",
                header[j], lens[j]
            ),
            format!(
                "The list '{}' has {} values, other lists {rows_n}: a list per column must have a value for every row.",
                header[j], lens[j]
            ),
        )
        .at(Location::file(name).column(&header[j])));
    }
    let (names, mut notes) = names_of(&header);
    notes.insert(
        0,
        (
            "Een lijst per kolom: de velden van het object zijn de kolommen".into(),
            "A list per column: the object's fields are the columns".into(),
        ),
    );
    let mut columns: Vec<std::vec::IntoIter<Node>> = fields
        .into_iter()
        .map(|(_, v)| match v {
            Node::Array(a) => a.into_iter(),
            _ => Vec::new().into_iter(),
        })
        .collect();
    let rows = (0..rows_n).map(move |_| {
        let cells: Vec<Node> = columns
            .iter_mut()
            .map(|c| c.next().unwrap_or(Node::Null))
            .collect();
        (None, cells)
    });
    rows_into_table(name, file, &names, rows, notes, false)
}

/// pandas `orient='columns'`: `{"regio": {"0": "Twente", ...}, ...}`; the rows are the labels in
/// the order first seen, a label a column leaves out a missing cell.
fn objects_per_column(name: &str, file: FileFacts, fields: Vec<(String, Node)>) -> Result<Table> {
    let header: Vec<String> = fields.iter().map(|(k, _)| k.clone()).collect();
    let mut labels: Vec<String> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut grid: Vec<Vec<Node>> = Vec::new();
    let width = fields.len();
    for (j, (_, v)) in fields.into_iter().enumerate() {
        let Node::Object(cells) = v else { continue };
        for (label, cell) in cells {
            let i = match at.get(&label) {
                Some(&i) => i,
                None => {
                    at.insert(label.clone(), labels.len());
                    labels.push(label);
                    grid.push(vec![Node::Null; width]);
                    labels.len() - 1
                }
            };
            if let Some(slot) = grid.get_mut(i).and_then(|r| r.get_mut(j)) {
                *slot = cell;
            }
        }
    }
    let labelled = !default_labels(labels.iter().map(String::as_str));
    let (names, mut notes) = names_of(&header);
    notes.insert(
        0,
        (
            "Een object per kolom (pandas 'columns'): de velden zijn de kolommen, hun sleutels de rijen".into(),
            "An object per column (pandas 'columns'): the fields are the columns, their keys the rows".into(),
        ),
    );
    let rows = labels.into_iter().map(Some).zip(grid);
    rows_into_table(name, file, &names, rows, notes, labelled)
}

/// pandas `orient='index'`: `{"0": {"regio": "Twente", ...}, ...}`, a record per row label.
fn records_per_label(name: &str, file: FileFacts, fields: Vec<(String, Node)>) -> Result<Table> {
    let labelled = !default_labels(fields.iter().map(|(k, _)| k.as_str()));
    let mut sink = Sink::new(name, file);
    let mut notes = vec![(
        "Een record per rijlabel (pandas 'index')".to_string(),
        "A record per row label (pandas 'index')".to_string(),
    )];
    let index = labelled.then(|| {
        let mut k = "index".to_string();
        while fields
            .iter()
            .any(|(_, v)| matches!(v, Node::Object(f) if f.iter().any(|(n, _)| *n == k)))
        {
            k.push('_');
        }
        notes.push((
            format!("De rijlabels staan in de kolom '{k}'"),
            format!("The row labels are in the column '{k}'"),
        ));
        k
    });
    for (label, v) in fields {
        let Node::Object(cells) = v else { continue };
        sink.begin_record();
        if let Some(k) = &index {
            sink.field(k, label_cell(&label));
        }
        for (key, c) in cells {
            if !sink.field(&key, field(c)) {
                break;
            }
        }
        sink.end_record();
    }
    sink.finish(notes, false)
}

/// The levels of keys of a tree of objects whose every branch is as deep, down to records
/// (objects of scalars, never empty): 1 for an object of records (pandas `orient='index'`),
/// more for objects of such objects; `None` when the fields are no such tree.
fn tree_depth(fields: &[(String, Node)]) -> Option<usize> {
    // (Each branch looked at once: a deep file costs its size, never twice per level.)
    let mut below = None;
    for (_, v) in fields {
        let d = match v {
            Node::Object(f) if f.is_empty() => return None,
            Node::Object(f) if f.iter().all(|(_, x)| is_scalar(x)) => 0,
            Node::Object(f) => tree_depth(f)?,
            _ => return None,
        };
        if *below.get_or_insert(d) != d {
            return None;
        }
    }
    below.map(|d| d + 1)
}

/// The name of a level of keys: `periode` when every key is a period, `doelgroep` when every key
/// names a subgroup, else `niveau_N`; never the name of a field of the leaves or an earlier
/// level.
fn level_name(keys: &[&str], level: usize, taken: &[String]) -> String {
    let base = match crate::table::key_column_name(keys) {
        Some(kind) => kind.to_string(),
        None => format!("niveau_{level}"),
    };
    let mut name = base.clone();
    let mut k = 2;
    while taken.contains(&name) {
        name = format!("{base}_{k}");
        k += 1;
    }
    name
}

/// A tree of objects keyed by values, `levels` deep (see [`tree_depth`]): a record per leaf,
/// its keys on the way down as the first columns (named by [`level_name`]), then the leaf's
/// fields. Said in the file line.
fn tree(name: &str, file: FileFacts, fields: Vec<(String, Node)>, levels: usize) -> Result<Table> {
    // The keys of each level, and the fields of the leaves.
    let mut keys: Vec<Vec<&str>> = vec![Vec::new(); levels];
    let mut leaf_fields: Vec<String> = Vec::new();
    let mut stack: Vec<(usize, &[(String, Node)])> = vec![(0, &fields)];
    while let Some((level, f)) = stack.pop() {
        for (k, v) in f {
            keys[level].push(k);
            match v {
                Node::Object(inner) if level + 1 < levels => stack.push((level + 1, inner)),
                Node::Object(inner) => {
                    for (field, _) in inner {
                        if !leaf_fields.contains(field) {
                            leaf_fields.push(field.clone());
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut taken = leaf_fields;
    let mut names = Vec::with_capacity(levels);
    for (level, ks) in keys.iter().enumerate() {
        let n = level_name(ks, level + 1, &taken);
        taken.push(n.clone());
        names.push(n);
    }
    fn walk<'a>(
        sink: &mut Sink,
        names: &[String],
        path: &mut Vec<&'a str>,
        fields: &'a [(String, Node)],
    ) {
        for (k, v) in fields {
            path.push(k);
            match v {
                Node::Object(inner) if path.len() < names.len() => walk(sink, names, path, inner),
                Node::Object(cells) => {
                    sink.begin_record();
                    for (n, key) in names.iter().zip(path.iter()) {
                        sink.field(n, label_cell(key));
                    }
                    for (key, c) in cells {
                        if !sink.field(key, field(c.clone())) {
                            break;
                        }
                    }
                    sink.end_record();
                }
                _ => {}
            }
            path.pop();
        }
    }
    let mut sink = Sink::new(name, file);
    walk(&mut sink, &names, &mut Vec::with_capacity(levels), &fields);
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let notes = vec![(
        format!(
            "Objecten in objecten, op sleutel: de sleutels van {levels} niveaus gelezen als de kolommen {}, een record per blad",
            quoted.join(", ")
        ),
        format!(
            "Objects within objects, by key: the keys of {levels} levels read as the columns {}, a record per leaf",
            quoted.join(", ")
        ),
    )];
    sink.finish(notes, false)
}

#[cfg(test)]
mod tests {
    use crate::table::json::{read_json, read_json_whole};
    use crate::table::{Table, Value};

    fn both(json: &str) -> Table {
        let a = read_json("t.json", json.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let b = read_json_whole("t.json", json.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        a
    }

    fn names(t: &Table) -> Vec<&str> {
        t.columns.iter().map(|c| c.name.as_str()).collect()
    }

    const RECORDS: &str =
        r#"[{"regio":"Twente","jaar":2015,"n":12},{"regio":"Achterhoek","jaar":2015,"n":null}]"#;

    /// Objects within objects keyed by region, year and subgroup: a record per leaf, the keys as
    /// columns named by what they hold, said; a branch of another depth is no such tree.
    #[test]
    fn a_tree_of_objects_is_a_record_per_leaf() {
        let t = both(
            r#"{"Twente": {"2015": {"Wajong": {"personen": 10, "werkzaam": 4}, "WSW": {"personen": 8}},
                           "2016": {"Wajong": {"personen": 11, "werkzaam": 5}}},
                "Zeeland": {"2015": {"Wajong": {"personen": 3, "werkzaam": null}}}}"#,
        );
        assert_eq!(
            names(&t),
            [
                "arbeidsmarktregio",
                "periode",
                "doelgroep",
                "personen",
                "werkzaam"
            ]
        );
        assert_eq!(t.len(), 4);
        assert_eq!(t.columns[0].values()[3], Value::Text("Zeeland".into()));
        assert_eq!(t.columns[1].values()[2], Value::Number(2016.0));
        assert_eq!(t.columns[2].values()[1], Value::Text("WSW".into()));
        assert_eq!(t.columns[4].values()[1], Value::Missing);
        assert_eq!(t.columns[3].values()[2], Value::Number(11.0));
        assert!(t.detected.notes.iter().any(|n| n.starts_with(
            "Objecten in objecten, op sleutel: de sleutels van 3 niveaus gelezen als de kolommen 'arbeidsmarktregio', 'periode', 'doelgroep'"
        )), "{:?}", t.detected.notes);
        // A chain as deep as a file may nest (each branch looked at once).
        let mut chain = r#"{"x": 1}"#.to_string();
        for _ in 0..30 {
            chain = format!(r#"{{"a": {chain}}}"#);
        }
        let t = both(&chain);
        assert_eq!((t.columns.len(), t.len()), (31, 1));
        // Branches of different depths: not a tree, the error stands.
        let e = read_json(
            "t.json",
            br#"{"Twente": {"2015": {"n": 1}}, "Zeeland": {"n": 2}}"#,
        );
        assert!(e.is_err());
    }

    fn same_as_records(t: &Table) {
        let r = read_json("r.json", RECORDS.as_bytes()).unwrap();
        assert_eq!(names(t), names(&r));
        for (a, b) in t.columns.iter().zip(&r.columns) {
            assert_eq!(a.values(), b.values(), "{}", a.name);
        }
        assert_eq!(t.row_numbers, r.row_numbers);
    }

    #[test]
    fn every_shape_reads_as_the_records() {
        let shapes = [
            (
                r#"[["regio","jaar","n"],["Twente",2015,12],["Achterhoek",2015,null]]"#,
                "lijst van lijsten",
            ),
            (
                r#"{"columns":["regio","jaar","n"],"index":[0,1],"data":[["Twente",2015,12],["Achterhoek",2015,null]]}"#,
                "'split'",
            ),
            (
                r#"{"regio":["Twente","Achterhoek"],"jaar":[2015,2015],"n":[12,null]}"#,
                "lijst per kolom",
            ),
            (
                r#"{"regio":{"0":"Twente","1":"Achterhoek"},"jaar":{"0":2015,"1":2015},"n":{"0":12,"1":null}}"#,
                "object per kolom",
            ),
            (
                r#"{"0":{"regio":"Twente","jaar":2015,"n":12},"1":{"regio":"Achterhoek","jaar":2015,"n":null}}"#,
                "rijlabel",
            ),
        ];
        for (json, said) in shapes {
            let t = both(json);
            same_as_records(&t);
            assert!(
                t.detected.notes.iter().any(|n| n.contains(said)),
                "{json}: {:?}",
                t.detected.notes
            );
            assert_eq!(t.detected.notes.len(), t.detected.notes_en.len());
        }
    }

    #[test]
    fn row_labels_that_are_data_become_a_column() {
        // A table indexed by region, as `df.set_index('regio').to_json()` writes it.
        let t = both(r#"{"jaar":{"Twente":2015,"Achterhoek":2015},"n":{"Twente":12}}"#);
        assert_eq!(names(&t), ["index", "jaar", "n"]);
        assert_eq!(
            t.columns[0].values(),
            [
                Value::Text("Twente".into()),
                Value::Text("Achterhoek".into())
            ]
        );
        // A label one column leaves out: a missing cell, never dropped.
        assert_eq!(t.columns[2].values(), [Value::Number(12.0), Value::Missing]);
        assert!(t.detected.notes.iter().any(|n| n.contains("'index'")));
        let t = both(
            r#"{"columns":["jaar","index"],"index":["Twente","Achterhoek"],"data":[[2015,1],[2016,2]]}"#,
        );
        assert_eq!(names(&t), ["index_", "jaar", "index"]);
        let t = both(r#"{"Twente":{"jaar":2015},"Achterhoek":{"jaar":2016}}"#);
        // Neither side's keys are row numbers: the fields are the columns.
        assert_eq!(names(&t), ["index", "Twente", "Achterhoek"]);
        let t = both(r#"{"7":{"jaar":2015},"9":{"jaar":2016}}"#);
        assert_eq!(names(&t), ["index", "jaar"]);
        assert_eq!(
            t.columns[0].values(),
            // Texts are read as a CSV cell is: labels that are numbers are numbers.
            [Value::Number(7.0), Value::Number(9.0)]
        );
    }

    #[test]
    fn errors_name_what_is_wrong() {
        let e = read_json("t.json", br#"{"regio":["Twente","Achterhoek"],"n":[12]}"#).unwrap_err();
        assert!(
            e.message.contains("'n' heeft 1 waarden, andere lijsten 2"),
            "{e}"
        );
        assert_eq!(e.location.unwrap().column.as_deref(), Some("n"));
        let e = read_json("t.json", br#"[["regio","n"],["Twente",1,2]]"#).unwrap_err();
        assert!(e.message.contains("Rij 1 heeft 3 waarden"), "{e}");
        // Nested values stay the records' error.
        let e = read_json("t.json", br#"[["regio","n"],["Twente",[1]]]"#).unwrap_err();
        assert!(e.message.contains("een lijst"), "{e}");
        // Not one of the shapes: the error of a file that holds no records.
        for json in [
            r#"[[1,2],[3,4]]"#,
            r#"{"a":1,"b":[1]}"#,
            r#"[["a"],{"a":1}]"#,
            r#"{}"#,
        ] {
            let e = read_json("t.json", json.as_bytes()).unwrap_err();
            assert!(
                e.message.contains("geen") || e.message.contains("records"),
                "{json}: {e}"
            );
        }
        // Blank and repeated names as a CSV header's.
        let t = both(r#"[["regio","","regio"],["Twente",1,2]]"#);
        assert_eq!(names(&t), ["regio", "kolom_2", "regio (2)"]);
    }
}
