//! Excel loader (`.xlsx`, via calamine's `Xlsx` reader only, so the `.xls`/`.ods` code is not
//! linked into the wasm): reads the first visible worksheet that holds a table, skipping title
//! and note rows as [`super::sniff::locate`] does for CSV. Row numbers are Excel's; numbers stay
//! numbers; text cells are parsed like CSV cells (CBS symbols `.`, `x`, `-` are missing).

use super::csv::DecimalVotes;
use super::sniff::{self, RawCell};
use super::{column_names, titles_note, Detected, Table};
use crate::error::{Error, ErrorKind, Location, Result};
use calamine::{Data, Reader, SheetType, SheetVisible, Xlsx};
use std::io::Cursor;

/// Excel's column letters: 0 -> `A`, 26 -> `AA`.
pub fn column_letter(mut j: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (j % 26) as u8);
        if j < 26 {
            break;
        }
        j = j / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn cell(d: &Data) -> RawCell {
    match d {
        Data::Empty => RawCell::Empty,
        Data::Int(i) => RawCell::Number(*i as f64),
        Data::Float(f) => RawCell::Number(*f),
        Data::String(s) => RawCell::Text(s.clone()),
        Data::Bool(b) => RawCell::Text(if *b { "WAAR" } else { "ONWAAR" }.to_string()),
        // A date is not a count: keep it readable so a message can show it.
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            RawCell::Text(if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            })
        }
        Data::DateTime(dt) => RawCell::Number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => RawCell::Text(s.clone()),
        // `#N/A`, `#DEEL/0!`: text, so a count column reports the cell instead of reading 0.
        Data::Error(e) => RawCell::Text(e.to_string()),
    }
}

fn bad_workbook(name: &str, detail: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::Parse,
        format!("Het Excel-bestand kan niet worden gelezen ({detail}). Is het beschadigd? Open het in Excel en sla het opnieuw op als Excel-werkmap (.xlsx) of als CSV."),
    )
    .at(Location::file(name))
}

pub fn read_xlsx(name: &str, bytes: &[u8]) -> Result<Table> {
    let mut wb = Xlsx::new(Cursor::new(bytes)).map_err(|e| bad_workbook(name, e))?;
    let sheets: Vec<String> = wb
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut passed: Vec<String> = Vec::new();
    for sheet in sheets {
        let range = wb
            .worksheet_range(&sheet)
            .map_err(|e| bad_workbook(name, format!("werkblad '{sheet}': {e}")))?;
        let (row0, _) = range.start().unwrap_or((0, 0));
        let mut grid: sniff::Grid = range
            .rows()
            .enumerate()
            .map(|(i, r)| (row0 as usize + i + 1, r.iter().map(cell).collect()))
            .collect();
        let Some(layout) = sniff::locate(&grid, true).filter(|l| !l.data.is_empty()) else {
            passed.push(sheet);
            continue;
        };
        let (header_row, header) = grid[layout.header].clone();
        let mut rows: Vec<(usize, Vec<RawCell>)> = Vec::with_capacity(layout.data.len());
        for &i in &layout.data {
            rows.push(std::mem::take(&mut grid[i]));
        }
        // Numbers stored as text follow the sheet's own convention; there is no delimiter hint.
        let texts: Vec<&str> = rows
            .iter()
            .flat_map(|(_, c)| c.iter())
            .filter_map(|c| match c {
                RawCell::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        let votes = DecimalVotes::count(&texts);
        let decimal = votes.decide(b'\t');
        let mut detected = Detected {
            format: "xlsx".into(),
            sheet: Some(sheet.clone()),
            header_row,
            rejected: layout.rejected,
            ..Default::default()
        };
        if votes.comma + votes.dot + votes.ambiguous > 0 {
            detected.decimal = Some(decimal.to_string());
            detected.notes.push(format!(
                "{} getal(len) als tekst opgeslagen, gelezen met decimaalteken '{decimal}'",
                votes.comma + votes.dot + votes.ambiguous
            ));
        }
        if !passed.is_empty() {
            detected.notes.push(format!(
                "Werkblad(en) zonder tabel overgeslagen: {}",
                passed
                    .iter()
                    .map(|s| format!("'{s}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        detected.notes.extend(titles_note(&layout.titles));
        let names = column_names(&header, layout.width, &mut detected.notes, |j| {
            format!("kolom_{}", column_letter(j))
        });
        return Table::from_cells(name, names, rows, decimal, detected);
    }
    Err(Error::new(
        ErrorKind::NoRows,
        "Geen werkblad in dit Excel-bestand bevat een tabel (een kopregel met daaronder gegevens).",
    )
    .at(Location::file(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn not_a_workbook_is_a_parse_error_naming_the_file() {
        let e = read_xlsx("kapot.xlsx", b"PK\x03\x04 dit is geen zip").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Parse);
        assert_eq!(e.location.unwrap().file, "kapot.xlsx");
    }
}
