//! The limits every loader enforces, in one place. Each is generous for the files analysts have
//! (a CSV of 1 GB and 10 million rows loads) but keeps a small hostile file from making the page
//! allocate gigabytes or work for more than seconds: the cost of a table is its cells, so the
//! cell budget grows with the size of the file and a tiny file cannot claim a huge padded grid.
//! Exceeding a limit is an error naming the limit and the file ([`exceeded`]).

use crate::error::{Error, ErrorKind, Location};

/// Data rows in any file. Twice the 10 million rows a large export has; at 10 to 30 bytes a
/// row that is a file of 200-600 MB, which a browser tab can still hold.
pub const MAX_ROWS: usize = 20_000_000;

/// Rows in a worksheet: Excel's own maximum (1,048,576). A row number beyond it was not
/// written by Excel (or LibreOffice, which has the same limit); it is damage or a crafted file.
pub const MAX_SHEET_ROWS: usize = 1_048_576;

/// Columns in any file: Excel's widest sheet (16,384, column `XFD`). A table of counts has tens.
pub const MAX_COLUMNS: usize = 16_384;

/// Bytes in one cell (and in one column name). Excel holds at most 32,767 characters in a
/// cell, at most 3 bytes each in UTF-8 (98,301 bytes); 128 KiB leaves room. A longer cell is
/// almost always a quote that was never closed, swallowing the rows after it.
pub const MAX_CELL_BYTES: usize = 128 * 1024;

/// Nesting of arrays and objects in a JSON file. Records need 3 (an object holding a list of
/// objects); 32 is far beyond any export and far below the parser's stack limit.
pub const MAX_JSON_DEPTH: usize = 32;

/// Largest magnitude of a number the explorer computes with: 10^15. Beyond 2^53 (about 9e15)
/// whole numbers are no longer exact; a sum of 20 million values of this size (2e22), and its
/// square in a regression (4e44), stay far from the overflow to infinity at 1.8e308. No count,
/// share or amount in euros comes near it. A number beyond is kept as text and named in the notes
/// (a 401-digit count read as infinity would otherwise turn every sum into infinity).
pub const MAX_ABS_NUMBER: f64 = 1e15;

/// Inflated bytes of one part of a workbook (the zip format allows 4 GB) for a file of any size:
/// 256 MiB, about 8 million cells of XML, from a file of at most 4 MiB.
pub const MAX_WORKBOOK_PART: usize = 256 * 1024 * 1024;

/// A larger workbook may inflate each part to [`WORKBOOK_RATIO`] times its own size, up to
/// 1 GiB: worksheet XML compresses about 10 to 20 times, so a real file of 60 MB with a million
/// rows of twenty numbers (about 600 MB of XML) loads, while a bomb of 500 KB (deflate inflates
/// 1 KB to 1 MB) stops at 256 MiB.
pub const MAX_WORKBOOK_PART_LARGE: usize = 1024 * 1024 * 1024;

/// See [`MAX_WORKBOOK_PART_LARGE`].
pub const WORKBOOK_RATIO: usize = 64;

/// Inflated bytes of all parts read from one workbook together: twice the part limit, so many
/// parts cannot add up to gigabytes either.
pub const WORKBOOK_TOTAL_PARTS: usize = 2;

/// The inflate limits (per part, in total) for a workbook of `bytes` bytes.
pub fn workbook_limits(bytes: usize) -> (usize, usize) {
    let part = bytes
        .saturating_mul(WORKBOOK_RATIO)
        .clamp(MAX_WORKBOOK_PART, MAX_WORKBOOK_PART_LARGE);
    (part, part * WORKBOOK_TOTAL_PARTS)
}

/// Cells (rows times columns, empty ones included, as the table holds them) every file may
/// have whatever its size: 4 million, about 128 MB in memory.
pub const CELL_BUDGET_BASE: usize = 4 * 1024 * 1024;

/// Further cells per byte of the file. A CSV cell takes at least one byte (its delimiter), a
/// workbook cell at least a few compressed bytes, so real files stay well inside: a 1 GB CSV may
/// have 2 billion cells. It stops the cheap blow-ups: one header of 16,384 names above a million
/// short rows (16 billion padded cells from 4 MB), or JSON records each adding a new key.
pub const CELLS_PER_BYTE: usize = 2;

/// The cell budget for a file of `bytes` bytes: [`CELL_BUDGET_BASE`] + [`CELLS_PER_BYTE`] per byte.
pub fn cell_budget(bytes: usize) -> usize {
    CELL_BUDGET_BASE.saturating_add(bytes.saturating_mul(CELLS_PER_BYTE))
}

/// Dutch number with thousands points, for limit messages.
pub fn thousands(n: usize) -> String {
    crate::format::nl(n as f64, 0)
}

/// English number with thousands commas, for limit messages.
pub fn thousands_en(n: usize) -> String {
    crate::format::number(n as f64, 0, crate::format::Lang::En)
}

/// More than [`MAX_ROWS`] rows in `file`.
pub fn too_many_rows(file: &str) -> Error {
    exceeded(
        file,
        ["het aantal rijen", "the number of rows"],
        [
            format!(
                "meer dan {} rijen, ten hoogste {}",
                thousands(MAX_ROWS),
                thousands(MAX_ROWS)
            ),
            format!(
                "more than {} rows, at most {}",
                thousands_en(MAX_ROWS),
                thousands_en(MAX_ROWS)
            ),
        ],
    )
}

/// The error for an exceeded limit: what was exceeded, the limit, and where; `what` and
/// `detail` in Dutch and English.
pub fn exceeded(file: &str, what: [&str; 2], detail: [String; 2]) -> Error {
    let [what, what_en] = what;
    let [detail, detail_en] = detail;
    Error::new2(
        ErrorKind::Parse,
        format!(
            "Het bestand overschrijdt de grens voor {what}: {detail}. Deze grens beschermt de pagina tegen bestanden die het geheugen vullen; splits het bestand of laat overbodige kolommen en rijen weg."
        ),
        format!(
            "The file exceeds the limit on {what_en}: {detail_en}. This limit protects the page from files that fill its memory; split the file or leave out columns and rows that are not needed."
        ),
    )
    .at(Location::file(file))
}

/// Checks a table's padded size (rows times columns) against the budget for a file of `bytes`.
pub fn check_cells(
    file: &str,
    rows: usize,
    columns: usize,
    bytes: usize,
) -> crate::error::Result<()> {
    if columns > MAX_COLUMNS {
        return Err(exceeded(
            file,
            ["het aantal kolommen", "the number of columns"],
            [
                format!(
                    "{} kolommen, ten hoogste {}",
                    thousands(columns),
                    thousands(MAX_COLUMNS)
                ),
                format!(
                    "{} columns, at most {}",
                    thousands_en(columns),
                    thousands_en(MAX_COLUMNS)
                ),
            ],
        ));
    }
    if rows > MAX_ROWS {
        return Err(too_many_rows(file));
    }
    let cells = rows.saturating_mul(columns);
    let budget = cell_budget(bytes);
    if cells > budget {
        return Err(exceeded(
            file,
            ["het aantal cellen", "the number of cells"],
            [
                format!(
                    "{} rijen maal {} kolommen is {} cellen, ten hoogste {} voor een bestand van {} bytes ({} plus {} per byte)",
                    thousands(rows),
                    thousands(columns),
                    thousands(cells),
                    thousands(budget),
                    thousands(bytes),
                    thousands(CELL_BUDGET_BASE),
                    CELLS_PER_BYTE
                ),
                format!(
                    "{} rows times {} columns is {} cells, at most {} for a file of {} bytes ({} plus {} per byte)",
                    thousands_en(rows),
                    thousands_en(columns),
                    thousands_en(cells),
                    thousands_en(budget),
                    thousands_en(bytes),
                    thousands_en(CELL_BUDGET_BASE),
                    CELLS_PER_BYTE
                ),
            ],
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workbook_limits_grow_with_the_file() {
        assert_eq!(workbook_limits(500_000), (256 << 20, 512 << 20));
        assert_eq!(workbook_limits(8 << 20), (512 << 20, 1024 << 20));
        assert_eq!(workbook_limits(usize::MAX), (1 << 30, 2 << 30));
    }

    #[test]
    fn budget_grows_with_the_file_and_never_overflows() {
        assert_eq!(cell_budget(0), CELL_BUDGET_BASE);
        assert_eq!(cell_budget(1000), CELL_BUDGET_BASE + 2000);
        assert_eq!(cell_budget(usize::MAX), usize::MAX);
        // A CSV of 1 GB with 10 million rows of 30 columns fits.
        assert!(check_cells("a.csv", 10_000_000, 30, 1 << 30).is_ok());
        let e = check_cells("a.csv", 1_000_000, 16_384, 4_000_000).unwrap_err();
        assert!(e.message.contains("aantal cellen"), "{}", e.message);
        assert_eq!(e.location.unwrap().file, "a.csv");
        assert!(check_cells("a.csv", 1, MAX_COLUMNS + 1, 1 << 30).is_err());
        assert!(check_cells("a.csv", MAX_ROWS + 1, 1, usize::MAX).is_err());
    }
}
