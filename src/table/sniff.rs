//! Finds the table inside a grid of cells as spreadsheet exports deliver it: title rows above the
//! header, section headings and notes inside, sources and footnotes below. Shared by the CSV and
//! Excel loaders, so both skip and report the same things.

use super::RejectedRow;

/// One cell before typing: CSV gives text, a workbook gives text or numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum RawCell {
    Empty,
    Text(String),
    Number(f64),
}

impl RawCell {
    pub fn is_blank(&self) -> bool {
        match self {
            RawCell::Empty => true,
            RawCell::Text(t) => t.trim().is_empty(),
            RawCell::Number(_) => false,
        }
    }

    /// The cell as a person reads it, for column names and messages.
    pub fn display(&self) -> String {
        match self {
            RawCell::Empty => String::new(),
            RawCell::Text(t) => t.trim().to_string(),
            RawCell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            RawCell::Number(n) => n.to_string(),
        }
    }
}

/// Rows of cells, each with its 1-based row number in the file.
pub type Grid = Vec<(usize, Vec<RawCell>)>;

/// Where the table is in a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Index in the grid of the header row.
    pub header: usize,
    /// Number of columns: up to the last named header cell (or, when widened, the last filled cell).
    pub width: usize,
    /// Non-blank rows above the header: (row, text).
    pub titles: Vec<(usize, String)>,
    /// Indices in the grid of the data rows.
    pub data: Vec<usize>,
    /// Rows below the header that are not data, with the reason.
    pub rejected: Vec<RejectedRow>,
}

fn filled(cells: &[RawCell]) -> usize {
    cells.iter().filter(|c| !c.is_blank()).count()
}

/// The non-blank cells of a row joined, shortened for a message.
pub fn row_text(cells: &[RawCell]) -> String {
    let s: Vec<String> = cells
        .iter()
        .filter(|c| !c.is_blank())
        .map(RawCell::display)
        .collect();
    shorten(&s.join(" | "), 80)
}

pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

pub const REASON_SINGLE: &str = "één gevuld vakje: tussenkop of voetnoot, geen gegevensrij";
pub const REASON_BELOW: &str = "toelichting onder de tabel";
pub const REASON_REPEATED_HEADER: &str = "herhaalde kopregel";

/// The English of a reason [`classify`] gives (one of the `REASON_*` constants).
pub fn reason_en(reason: &str) -> &'static str {
    match reason {
        REASON_SINGLE => "one filled cell: subheading or footnote, not a data row",
        REASON_BELOW => "notes below the table",
        REASON_REPEATED_HEADER => "repeated header row",
        _ => "not a data row",
    }
}

/// A record's count of filled cells, as a reader keeps it (the CSV reader four bytes a record,
/// so that [`plan`] reads its counts where they are, without a copy of a million of them).
pub trait Filled: Copy {
    fn filled(self) -> usize;
}
impl Filled for usize {
    fn filled(self) -> usize {
        self
    }
}
impl Filled for u32 {
    fn filled(self) -> usize {
        self as usize
    }
}

/// Finds the header and the data rows. The header is the first row that fills at least 60% as
/// many cells as the fullest row (and at least two): a title, even a merged one, fills one or two.
/// `widen` extends the columns to the last filled data cell (a workbook's cells cannot be
/// misaligned, so a stray value right of the header is a column, not a ragged row).
pub fn locate(grid: &Grid, widen: bool) -> Option<Layout> {
    let counts_all: Vec<usize> = grid.iter().map(|(_, c)| filled(c)).collect();
    let p = plan(&counts_all)?;
    let header = p.header;
    let (_, header_cells) = grid.get(header)?;
    let titles = grid[..header]
        .iter()
        .filter(|(_, c)| filled(c) > 0)
        .map(|(r, c)| (*r, row_text(c)))
        .collect();
    let mut width = header_cells
        .iter()
        .rposition(|c| !c.is_blank())
        .map_or(0, |j| j + 1);
    let body = &grid[header + 1..];
    if widen {
        for (_, cells) in body {
            if let Some(j) = cells.iter().rposition(|c| !c.is_blank()) {
                width = width.max(j + 1);
            }
        }
    }
    let header_key: Vec<String> = header_cells[..width.min(header_cells.len())]
        .iter()
        .map(RawCell::display)
        .collect();
    let mut data = Vec::new();
    let mut rejected = Vec::new();
    for (i, (row, cells)) in body.iter().enumerate() {
        let n = counts_all[header + 1 + i];
        if n == 0 {
            continue; // a blank line separates nothing in a table
        }
        let repeated = || {
            cells.len() >= header_key.len()
                && header_key.iter().zip(cells).all(|(h, c)| *h == c.display())
        };
        match classify(i, n, width, p.below_from, repeated) {
            Some(r) => rejected.push(RejectedRow {
                sheet: None,
                row: *row,
                reason: r.to_string(),
                reason_en: reason_en(r).to_string(),
                content: row_text(cells),
            }),
            None => data.push(header + 1 + i),
        }
    }
    Some(Layout {
        header,
        width,
        titles,
        data,
        rejected,
    })
}

/// Where the table is, from the filled-cell count of every row alone (so a loader can find it
/// without keeping the rows): the header's index and, counted from the row after the header,
/// where the note block below the table starts (`body length` when there is none).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    pub header: usize,
    pub below_from: usize,
}

/// See [`locate`]: the header is the first row filling at least 60% as many cells as the
/// fullest row (and at least two); everything after a blank row is a note block when none of it
/// looks like a table row.
pub fn plan<T: Filled>(counts: &[T]) -> Option<Plan> {
    let at_least = |fullest: usize| (fullest * 3).div_ceil(5).max(2);
    let fullest = counts.iter().map(|&n| n.filled()).max().unwrap_or(0);
    #[cfg_attr(not(feature = "full"), allow(unused_mut))]
    let mut threshold = at_least(fullest);
    #[cfg_attr(not(feature = "full"), allow(unused_mut))]
    let mut header = counts.iter().position(|&n| n.filled() >= threshold)?;
    // One row fuller than every other (a data row with cells to spare, deep in the file) is no
    // header when, by the next fullest row, the table has begun above it: two rows or more as
    // full as that header between it and the full row. (Without this, every row above the
    // full one was skipped as a title; now that row is a ragged row of the table, an error.)
    // (The first core reads the built-in data only, whose header is its first row.)
    #[cfg(feature = "full")]
    let second = {
        let mut top = [0usize; 2];
        for &n in counts {
            let n = n.filled();
            if n > top[0] {
                top = [n, top[0]];
            } else if n > top[1] {
                top[1] = n;
            }
        }
        top[1]
    };
    #[cfg(feature = "full")]
    if second < fullest && header > 0 {
        let lower = at_least(second);
        if let Some(earlier) = counts[..header].iter().position(|&n| n.filled() >= lower) {
            let table_rows = counts[earlier + 1..header]
                .iter()
                .filter(|&&n| n.filled() >= lower)
                .count();
            if table_rows >= 2 {
                header = earlier;
                threshold = lower;
            }
        }
    }
    let body = counts.get(header + 1..).unwrap_or(&[]);
    // (Computed from the first row of two cells and the last full row: linear, where testing
    // every blank row against all rows after it took quadratic time on a sparse file.)
    let first_pair = body.iter().position(|&n| n.filled() >= 2);
    let last_full = body.iter().rposition(|&n| n.filled() >= threshold);
    let below_from = body
        .iter()
        .enumerate()
        .filter(|(_, &n)| n.filled() == 0)
        .map(|(i, _)| i)
        .find(|&b| first_pair.is_some_and(|f| f < b) && last_full.is_none_or(|l| l < b))
        .unwrap_or(body.len());
    Some(Plan { header, below_from })
}

/// A header over two rows, as published tables and pivot exports write it: a row of group
/// names above the column names, each group over the first column of its group and the cells
/// under a merged cell left empty (`;;Wajong;;WSW;` over `regio;jaar;personen;werkzaam;...`),
/// or the group name repeated over each of its columns (`;;Wajong;Wajong;WSW;WSW`, as pandas
/// writes it); the identifier columns may be named in the upper row above an empty cell (merged
/// down over both rows: `regio;jaar;Wajong;;WSW;` over `;;personen;werkzaam;...`).
/// Gives the header as one row of combined names (`Wajong personen`), the group carried over
/// the empty cells to its right until the next group (or over its run of repeats), with the
/// note saying so; `None` when `upper` (the row right above the header `lower`) is not such a
/// group row. A group row:
/// - has at least two filled cells, all text with a letter in it (no numbers, no years);
/// - has none right of the header's `width`, none above an empty cell right of the first named
///   column, and none above the first named column unless identifier names stand left of it
///   (above empty cells; a title in the first column has no group beside it);
/// - is a grouping: a column name repeats under different groups, or at least two groups each
///   span two or more named columns (a title row, one or two texts, does neither).
#[cfg(feature = "full")]
pub fn two_row_header(
    (upper_row, upper): (usize, &[RawCell]),
    (lower_row, lower): (usize, &[RawCell]),
    width: usize,
) -> Option<(Vec<RawCell>, String, String)> {
    let c = combine(upper, lower, width)?;
    if !c.repeats && c.spans < 2 && !c.one_group_beside_identifiers(upper, lower, width) {
        return None;
    }
    Some(c.said(upper_row, lower_row))
}

/// A header over two rows whose upper row the table's search took for the header (`upper`):
/// the identifier columns named in it above empty cells, or its group names repeated over their
/// columns, so that it fills as many cells as a header. `lower` is the row right below it, taken
/// for sub-names (`personen`, `werkzaam`) only when:
/// - it has at least two filled cells, all text with a letter and none a suppression symbol
///   (`x`, `geheim`: a first data row that is all text, or withholds its counts, is data);
/// - the two rows combine as in [`two_row_header`], and a group spans two or more named columns;
/// - `next`, the next row of two filled cells or more, has numbers under its sub-names (at
///   least half of its filled cells there, and one).
#[cfg(feature = "full")]
pub fn header_over_row_below(
    (upper_row, upper): (usize, &[RawCell]),
    (lower_row, lower): (usize, &[RawCell]),
    next: Option<&[RawCell]>,
) -> Option<(Vec<RawCell>, String, String)> {
    let next = next?;
    let last = |cells: &[RawCell]| {
        cells
            .iter()
            .rposition(|c| !c.is_blank())
            .map_or(0, |j| j + 1)
    };
    let width = last(upper).max(last(lower));
    let sub_name = |c: &RawCell| match c {
        RawCell::Empty => true,
        RawCell::Text(t) => {
            let t = t.trim();
            t.is_empty()
                || (t.chars().any(char::is_alphabetic)
                    && !super::is_suppression(t)
                    && !super::is_missing_marker(t))
        }
        RawCell::Number(_) => false,
    };
    // Years as the sub-names (pandas writes a header of measures and years so: each measure
    // repeated over its columns, the years below, nothing under the identifiers) only with the
    // measures repeated, the years repeating under each, and an identifier named above an empty
    // cell (a data row has its region there).
    let years = lower.iter().any(is_year_cell);
    if filled(lower) < 2 || !lower.iter().all(|c| sub_name(c) || is_year_cell(c)) {
        return None;
    }
    let c = combine(upper, lower, width)?;
    // (A unit repeated under each topic, `aantal`, groups as a span does.)
    if (c.spans < 1 && !c.repeats)
        || (years && !(c.repeated_groups && c.repeats && !c.identifiers.is_empty()))
    {
        return None;
    }
    let is_number = |c: &RawCell| match c {
        RawCell::Number(_) => true,
        RawCell::Text(t) => {
            super::parse_number(t.trim(), ',').is_some()
                || super::parse_number(t.trim(), '.').is_some()
        }
        RawCell::Empty => false,
    };
    let under: Vec<&RawCell> = c
        .grouped
        .iter()
        .filter_map(|&j| next.get(j))
        .filter(|x| !x.is_blank())
        .collect();
    let numbers = under.iter().filter(|x| is_number(x)).count();
    if numbers == 0 || numbers * 2 < under.len() {
        return None;
    }
    Some(c.said(upper_row, lower_row))
}

/// The rows below a header that belong to it, as every reader asks: pandas' lower level and
/// row of the index's names ([`pandas_header`]), else the row below as the header's second row
/// ([`header_over_row_below`]). Given the header (`upper`), the row below it (`lower`), the next
/// row of two filled cells or more after that (`next`), and the row after `lower` with the next
/// such row after it (`index`): the header as one row, the note, the number of the header's last
/// row and the rows below the header it took (2 or 1); `None` when the header is one row.
#[cfg(feature = "full")]
#[allow(clippy::type_complexity)]
pub fn header_below(
    upper: (usize, &[RawCell]),
    lower: (usize, &[RawCell]),
    next: Option<&[RawCell]>,
    index: Option<((usize, &[RawCell]), Option<&[RawCell]>)>,
) -> Option<(Vec<RawCell>, String, String, usize, usize)> {
    if let Some(((index_row, cells), after)) = index {
        if let Some((c, nl, en)) = pandas_header(upper, lower, (index_row, cells), after) {
            return Some((c, nl, en, index_row, 2));
        }
    }
    let (c, nl, en) = header_over_row_below(upper, lower, next)?;
    Some((c, nl, en, lower.0, 1))
}

/// The header pandas writes for a table with columns over two levels and a named index
/// (`pivot_table(index='region', columns='year', values=[...]).to_csv()`, or `to_excel(...,
/// merge_cells=False)`): the upper level over the data columns (`,personen,personen,werkzaam,...`),
/// the lower level with its name where the index is (`year,2015,2016,2015,...`), then a row of
/// the index's names alone (`region,,,...`). Given the header (`upper`), the row below it
/// (`lower`), the row after that (`index`) and the next row of two filled cells or more after
/// it (`next`, the first data row): the header as one row, read as [`header_over_row_below`]
/// reads the two levels with the index's names above their columns, and the note that says so;
/// `None` for any other rows. The three rows are the header then.
#[cfg(feature = "full")]
pub fn pandas_header(
    (upper_row, upper): (usize, &[RawCell]),
    (lower_row, lower): (usize, &[RawCell]),
    (index_row, index): (usize, &[RawCell]),
    next: Option<&[RawCell]>,
) -> Option<(Vec<RawCell>, String, String)> {
    let text = |c: &RawCell| matches!(c, RawCell::Text(t) if t.chars().any(char::is_alphabetic));
    // The index names: from the first cell, texts, then nothing to the right.
    let k = index.iter().take_while(|c| text(c)).count();
    let width = upper.len().max(lower.len());
    if k == 0 || k >= width || index[k..].iter().any(|c| !c.is_blank()) {
        return None;
    }
    // The levels' names where the index is (pandas writes a level's name there, or nothing for
    // a level without one: `year` in the lower row, or `jaar` in the upper after `swaplevel`),
    // one at least and nothing else; a label over every data column in the lower level, and over
    // the first at least in the upper.
    let cell = |row: &[RawCell], j: usize| row.get(j).cloned().unwrap_or(RawCell::Empty);
    let levels: Vec<(usize, String)> = [(upper_row, upper), (lower_row, lower)]
        .iter()
        .flat_map(|(r, row)| (0..k).map(move |j| (*r, cell(row, j))))
        .filter(|(_, c)| !c.is_blank())
        .map(|(r, c)| (r, c.display()))
        .collect();
    let named_only = (0..k).all(|j| {
        let (u, l) = (cell(upper, j), cell(lower, j));
        (u.is_blank() || text(&u)) && (l.is_blank() || text(&l))
    });
    if levels.is_empty()
        || !named_only
        || (k..width).any(|j| cell(lower, j).is_blank())
        || cell(upper, k).is_blank()
    {
        return None;
    }
    let mut up: Vec<RawCell> = (0..width).map(|j| cell(upper, j)).collect();
    let mut low: Vec<RawCell> = (0..width).map(|j| cell(lower, j)).collect();
    for j in 0..k {
        up[j] = index[j].clone();
        low[j] = RawCell::Empty;
    }
    let (cells, _, _) = header_over_row_below((upper_row, &up), (lower_row, &low), next)?;
    let example = cells.get(k).map(RawCell::display).unwrap_or_default();
    let names: Vec<String> = index[..k]
        .iter()
        .map(|c| format!("'{}'", c.display()))
        .collect();
    let names = names.join(", ");
    let level_list = |on: &str| -> String {
        levels
            .iter()
            .map(|(r, n)| format!("'{n}' {on} {r}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (level, level_en) = (level_list("op rij"), level_list("on row"));
    let (of_level, of_level_en) = if levels.len() == 1 {
        ("is de naam van een niveau", "is the name of a level")
    } else {
        (
            "zijn de namen van de niveaus",
            "are the names of the levels",
        )
    };
    let (columns, columns_en) = if k == 1 {
        (
            "de naam van de kolom eronder",
            "the name of the column below",
        )
    } else {
        (
            "de namen van de kolommen eronder",
            "the names of the columns below",
        )
    };
    Some((
        cells,
        format!("Kopregel over drie rijen samengenomen (rij {upper_row} tot en met {index_row}), zoals pandas een tabel met kolommen op twee niveaus schrijft: de naam op rij {upper_row} staat voor de naam eronder, bijvoorbeeld '{example}'; {level} {of_level}, {names} op rij {index_row} {columns}"),
        format!("Header over three rows combined (rows {upper_row} to {index_row}), as pandas writes a table with columns on two levels: the name on row {upper_row} goes before the name below it, for example '{example}'; {level_en} {of_level_en}, {names} on row {index_row} {columns_en}"),
    ))
}

/// A cell that holds a year (`2015`, as text or a workbook's number), as a header over two rows
/// may name its blocks of columns.
#[cfg(feature = "full")]
fn is_year_cell(c: &RawCell) -> bool {
    match c {
        RawCell::Text(t) => {
            // (A provisional year is marked with stars, `2017*`.)
            let t = t.trim().trim_end_matches('*').trim_end();
            t.len() == 4
                && t.bytes().all(|b| b.is_ascii_digit())
                && (t.starts_with("19") || t.starts_with("20"))
        }
        RawCell::Number(n) => n.fract() == 0.0 && (1900.0..2100.0).contains(n),
        _ => false,
    }
}

/// Two rows combined into one header (see [`two_row_header`]).
#[cfg(feature = "full")]
struct Combined {
    cells: Vec<RawCell>,
    /// A column name repeats under different groups.
    repeats: bool,
    /// Groups over two named columns or more.
    spans: usize,
    /// The group names repeated over each of their columns.
    repeated_groups: bool,
    /// Columns named in the upper row above an empty cell (left of the groups).
    identifiers: Vec<String>,
    /// Columns with a group name.
    grouped: Vec<usize>,
}

#[cfg(feature = "full")]
fn combine(upper: &[RawCell], lower: &[RawCell], width: usize) -> Option<Combined> {
    // CBS StatLine's label of its row of topics (`Onderwerp` above `Perioden`, the topics to
    // its right above their units): a label of the row, no group name; read as empty.
    let unlabelled: Vec<RawCell>;
    let upper = match upper.iter().position(|c| !c.is_blank()) {
        Some(j)
            if lower.get(j).is_some_and(|c| !c.is_blank())
                && matches!(
                    crate::case::lower(&upper[j].display()).trim(),
                    "onderwerp" | "onderwerpen" | "topic" | "topics" | "subject" | "subjects"
                ) =>
        {
            unlabelled = {
                let mut u = upper.to_vec();
                u[j] = RawCell::Empty;
                u
            };
            &unlabelled[..]
        }
        _ => upper,
    };
    let named = |j: usize| lower.get(j).is_some_and(|c| !c.is_blank());
    let set = |j: usize| upper.get(j).is_some_and(|c| !c.is_blank());
    // An identifier named in both rows (a merged cell filled into each of its cells) is named
    // once.
    let same = |j: usize| {
        set(j) && named(j) && {
            let (u, l) = (upper[j].display(), lower[j].display());
            crate::case::lower(&u) == crate::case::lower(&l)
        }
    };
    let first_named = (0..width).find(|&j| named(j) && !same(j))?;
    let marked: Vec<usize> = (0..upper.len()).filter(|&j| set(j)).collect();
    let is_group_text = |c: &RawCell| match c {
        RawCell::Text(t) => {
            let t = t.trim();
            t.chars().any(char::is_alphabetic) && t.chars().count() <= 80
        }
        _ => false,
    };
    let identifiers: Vec<usize> = marked
        .iter()
        .copied()
        .filter(|&j| j < first_named)
        .collect();
    // A year over a block of columns (`2015` over `personen`, `werkzaam`) groups them only when
    // the names below repeat under each year (checked at the end): a row of years alone is
    // otherwise a data row or a title.
    let is_year = is_year_cell;
    let mut years = false;
    if marked.len() < 2
        || marked.iter().any(|&j| {
            let year = j >= first_named && is_year(&upper[j]);
            years |= year;
            j >= width
                || !(is_group_text(&upper[j]) || year)
                || (j > first_named && !named(j))
                || (j == first_named && identifiers.is_empty())
        })
    {
        return None;
    }
    // With identifiers named above empty cells, the first group starts at the first named
    // column (a title in the first column over an unnamed margin does not).
    if !identifiers.is_empty() && !set(first_named) {
        return None;
    }
    let text = |j: usize| upper[j].display();
    // Group names repeated over their columns: equal neighbours.
    let repeated_groups =
        (first_named + 1..width).any(|j| set(j) && set(j - 1) && text(j) == text(j - 1));
    // The group of each column: carried right over empty cells above named columns (or, when
    // the names are repeated, over the run of the same name).
    let mut group_of: Vec<Option<usize>> = vec![None; width];
    let mut carried: Option<usize> = None;
    for (j, g) in group_of.iter_mut().enumerate() {
        if j < first_named {
            continue;
        }
        if set(j) {
            let same = repeated_groups && j > 0 && carried.is_some_and(|c| text(c) == text(j));
            if !same {
                carried = Some(j);
            }
        } else if !named(j) || repeated_groups {
            carried = None;
        }
        *g = carried;
    }
    // Named columns per group, and whether a name repeats under another group (in one pass:
    // a header may have thousands of columns).
    let mut size: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let mut first_group: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    let mut repeats = false;
    let name = |j: usize| lower.get(j).map(RawCell::display).unwrap_or_default();
    let mut grouped = Vec::new();
    for (j, g) in group_of.iter().enumerate() {
        if let (Some(g), true) = (*g, named(j)) {
            *size.entry(g).or_insert(0) += 1;
            repeats |= *first_group.entry(name(j)).or_insert(g) != g;
            grouped.push(j);
        }
    }
    let spans = size.values().filter(|&&n| n >= 2).count();
    if years && !repeats {
        return None;
    }
    let cells: Vec<RawCell> = (0..lower.len().max(width))
        .map(|j| match group_of.get(j).copied().flatten() {
            Some(g) if named(j) => RawCell::Text(format!("{} {}", text(g), name(j))),
            _ if j < first_named && set(j) => upper[j].clone(),
            _ => lower.get(j).cloned().unwrap_or(RawCell::Empty),
        })
        .collect();
    Some(Combined {
        cells,
        repeats,
        spans,
        repeated_groups,
        identifiers: identifiers
            .iter()
            .filter(|&&j| !named(j))
            .map(|&j| text(j))
            .collect(),
        grouped,
    })
}

#[cfg(feature = "full")]
impl Combined {
    /// One group over all the named columns right of the identifiers, each identifier named in
    /// the upper row above an empty cell (a crosstab's dimension over its categories:
    /// `Subgroep;Uren per week;;` over `;<12;12-24;>24`): the group spans two columns or more,
    /// every column left of the group is such an identifier, and every column of the header
    /// right of them is named and in the group.
    fn one_group_beside_identifiers(
        &self,
        upper: &[RawCell],
        lower: &[RawCell],
        width: usize,
    ) -> bool {
        let Some(&start) = self.grouped.first() else {
            return false;
        };
        let blank = |j: usize| lower.get(j).is_none_or(RawCell::is_blank);
        self.spans == 1
            && !self.repeated_groups
            && filled(upper) == start + 1
            && self.identifiers.len() == start
            && (0..start).all(blank)
            && self.grouped.len() >= 2
            && self.grouped.len() == width - start
    }

    /// The combined header and the note that says how (rows `upper_row` and `lower_row`).
    fn said(self, upper_row: usize, lower_row: usize) -> (Vec<RawCell>, String, String) {
        let example = self
            .grouped
            .first()
            .and_then(|&j| self.cells.get(j))
            .map(RawCell::display)
            .unwrap_or_default();
        let (how, how_en) = if self.repeated_groups {
            (
                format!(
                    "de groepsnaam op rij {upper_row}, herhaald boven elke kolom van de groep, \
                     staat voor de kolomnaam eronder"
                ),
                format!(
                    "the group name in row {upper_row}, repeated over each column of the group, \
                     precedes the column name below it"
                ),
            )
        } else {
            (
                format!(
                    "de groepsnaam op rij {upper_row} staat voor elke kolomnaam eronder tot de \
                     volgende groep"
                ),
                format!(
                    "the group name in row {upper_row} precedes each column name below it up to \
                     the next group"
                ),
            )
        };
        let (ids, ids_en) = if self.identifiers.is_empty() {
            (String::new(), String::new())
        } else {
            let list = crate::format::quoted(&self.identifiers);
            if self.identifiers.len() == 1 {
                (
                    format!(
                        "; {list} op rij {upper_row}, boven een lege cel, is de naam van die kolom"
                    ),
                    format!("; {list} in row {upper_row}, above an empty cell, names that column"),
                )
            } else {
                (
                    format!("; {list} op rij {upper_row}, boven lege cellen, zijn de namen van die kolommen"),
                    format!("; {list} in row {upper_row}, above empty cells, name those columns"),
                )
            }
        };
        (
            self.cells,
            format!(
                "Kopregel over twee rijen samengenomen (rij {upper_row} en {lower_row}): {how}, \
                 bijvoorbeeld '{example}'{ids}"
            ),
            format!(
                "Header over two rows combined (rows {upper_row} and {lower_row}): {how_en}, \
                 e.g. '{example}'{ids_en}"
            ),
        )
    }
}

/// The other row of a header over two rows (the group row above the names, or the sub-names
/// below the top row), as a repeat of it further down is told: its cells as text up to its last
/// filled one, and how many are filled (compared first, so a data row is passed over at once).
#[cfg(feature = "full")]
#[derive(Debug, Clone, PartialEq)]
pub struct RowKey {
    cells: Vec<String>,
    filled: usize,
}

#[cfg(feature = "full")]
impl RowKey {
    pub fn of(cells: &[RawCell]) -> Self {
        let end = cells
            .iter()
            .rposition(|c| !c.is_blank())
            .map_or(0, |j| j + 1);
        RowKey {
            cells: cells[..end].iter().map(RawCell::display).collect(),
            filled: filled(cells),
        }
    }

    /// Whether a row of `n` filled cells repeats this one; `same(key, cell)` compares a cell
    /// (as text, trimmed) with the key's.
    pub fn repeated_by<T>(&self, n: usize, cells: &[T], same: impl Fn(&str, &T) -> bool) -> bool {
        n == self.filled
            && cells.len() >= self.cells.len()
            && self.cells.iter().zip(cells).all(|(k, c)| same(k, c))
    }
}

/// Why body row `i` (counted from the row after the header), with `n` filled cells, is not
/// data; `None` when it is. `repeated` tells whether the row repeats the header.
pub fn classify(
    i: usize,
    n: usize,
    width: usize,
    below_from: usize,
    repeated: impl FnOnce() -> bool,
) -> Option<&'static str> {
    if i >= below_from {
        Some(REASON_BELOW)
    } else if n == 1 && width >= 3 {
        Some(REASON_SINGLE)
    } else if repeated() {
        Some(REASON_REPEATED_HEADER)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        rows.iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    i + 1,
                    r.iter()
                        .map(|s| {
                            if s.is_empty() {
                                RawCell::Empty
                            } else {
                                RawCell::Text(s.to_string())
                            }
                        })
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn titles_above_notes_below_and_headings_inside() {
        let g = grid(&[
            &["Tabel B.1 Doelgroepregister", "", "", "peildatum"],
            &[],
            &["regio", "jaar", "personen", "werkzaam"],
            &["A", "2015", "10", "5"],
            &["Randstad", "", "", ""],
            &["B", "2015", "20", "x"],
            &["regio", "jaar", "personen", "werkzaam"],
            &["C", "2015", "30", "7"],
            &[],
            &["Bron: UWV", "", "", ""],
            &["x = onderdrukt", "geheim", "", ""],
        ]);
        let l = locate(&g, false).unwrap();
        assert_eq!(l.header, 2);
        assert_eq!(l.width, 4);
        assert_eq!(
            l.titles,
            vec![(1, "Tabel B.1 Doelgroepregister | peildatum".to_string())]
        );
        assert_eq!(l.data, vec![3, 5, 7]);
        let rows: Vec<(usize, &str)> = l
            .rejected
            .iter()
            .map(|r| (r.row, r.reason.as_str()))
            .collect();
        assert_eq!(
            rows,
            vec![
                (5, REASON_SINGLE),
                (7, REASON_REPEATED_HEADER),
                (10, REASON_BELOW),
                (11, REASON_BELOW)
            ]
        );
    }

    #[test]
    fn a_sparse_data_row_between_full_rows_stays_data() {
        let g = grid(&[
            &["regio", "jaar", "a", "b", "c", "d"],
            &["A", "2015", "1", "2", "3", "4"],
            &[],
            &["B", "2015", "", "", "", ""],
            &["C", "2015", "1", "2", "3", "4"],
        ]);
        let l = locate(&g, false).unwrap();
        assert_eq!(l.data, vec![1, 3, 4]);
        assert!(l.rejected.is_empty());
    }

    #[test]
    fn no_table_without_two_filled_cells() {
        assert_eq!(locate(&grid(&[&["alleen tekst"], &["meer"]]), false), None);
    }

    #[test]
    fn widen_takes_stray_cells_right_of_the_header() {
        let g = grid(&[&["a", "b", ""], &["1", "2", "3"]]);
        assert_eq!(locate(&g, false).unwrap().width, 2);
        assert_eq!(locate(&g, true).unwrap().width, 3);
    }

    #[cfg(feature = "full")]
    fn two(upper: &[&str], lower: &[&str]) -> Option<Vec<String>> {
        let g = grid(&[upper, lower]);
        let width = lower
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |j| j + 1);
        two_row_header((1, &g[0].1), (2, &g[1].1), width)
            .map(|(cells, _, _)| cells.iter().map(RawCell::display).collect())
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_group_row_is_carried_over_the_empty_cells_to_its_right() {
        let names = two(
            &["", "", "Wajong", "", "WSW", "", "Totaal", ""],
            &[
                "regio", "jaar", "personen", "werkzaam", "personen", "werkzaam", "personen",
                "werkzaam",
            ],
        )
        .unwrap();
        assert_eq!(
            names,
            [
                "regio",
                "jaar",
                "Wajong personen",
                "Wajong werkzaam",
                "WSW personen",
                "WSW werkzaam",
                "Totaal personen",
                "Totaal werkzaam"
            ]
        );
        // Groups over distinct names, each over two columns or more; an unnamed column ends a
        // group, and a named column after it stands alone.
        let names = two(
            &["", "Register", "", "Werkzaam", "", "", ""],
            &["regio", "Wajong", "WSW", "Wajong", "WSW", "", "banen"],
        )
        .unwrap();
        assert_eq!(
            names,
            [
                "regio",
                "Register Wajong",
                "Register WSW",
                "Werkzaam Wajong",
                "Werkzaam WSW",
                "",
                "banen"
            ]
        );
        let g = grid(&[&["", "A", "", "B", ""], &["r", "x", "y", "x", "y"]]);
        let (_, nl, en) = two_row_header((3, &g[0].1), (4, &g[1].1), 5).unwrap();
        assert!(nl.contains("rij 3 en 4") && nl.contains("'A x'"), "{nl}");
        assert!(en.contains("rows 3 and 4") && en.contains("'A x'"), "{en}");
    }

    #[cfg(feature = "full")]
    #[test]
    fn title_rows_and_number_rows_are_no_group_rows() {
        let header = ["regio", "jaar", "personen", "werkzaam", "banen"];
        for upper in [
            // A title: in the first column, or one text, or texts that group nothing.
            &["Tabel 1 Banenafspraak", "", "", "", ""][..],
            &["", "Tabel 1 Banenafspraak", "", "", ""],
            &["", "", "Bron: UWV", "", "peildatum"],
            // Above the identifier column.
            &["Wajong", "", "WSW", "", ""],
            // Numbers (years) are not group names.
            &["", "", "2015", "", "2016"],
            // Right of the header.
            &["", "", "A", "", "", "B"],
        ] {
            assert_eq!(two(upper, &header), None, "{upper:?}");
        }
        // Above an unnamed column.
        assert_eq!(
            two(
                &["", "", "A", "", "B", ""],
                &["regio", "jaar", "x", "y", "", "z"]
            ),
            None
        );
        // A group row in a workbook: a number is no group name.
        let lower: Vec<RawCell> = header
            .iter()
            .map(|h| RawCell::Text(h.to_string()))
            .collect();
        let upper = [
            RawCell::Empty,
            RawCell::Empty,
            RawCell::Number(2015.0),
            RawCell::Empty,
            RawCell::Text("B".into()),
        ];
        assert_eq!(two_row_header((1, &upper), (2, &lower), 5), None);
        // Two-column groups over a header of distinct names do make a header over two rows.
        assert!(two(&["", "A", "", "B", ""], &header).is_some());
        // Years over blocks whose names repeat under each year do too (`2015 personen`).
        assert_eq!(
            two(
                &["", "2015", "", "2016", ""],
                &["regio", "personen", "werkzaam", "personen", "werkzaam"]
            ),
            Some(
                [
                    "regio",
                    "2015 personen",
                    "2015 werkzaam",
                    "2016 personen",
                    "2016 werkzaam"
                ]
                .map(String::from)
                .to_vec()
            )
        );
        // A year row over names that do not repeat stays a title or data row (above).
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_dimension_named_over_a_crosstab_s_categories_combines() {
        let bands = ["", "<12", "12-24", "24-32", ">32"];
        assert_eq!(
            two(&["Subgroep", "Uren per week", "", "", ""], &bands).unwrap(),
            [
                "Subgroep",
                "Uren per week <12",
                "Uren per week 12-24",
                "Uren per week 24-32",
                "Uren per week >32"
            ]
        );
        let g = grid(&[&["Subgroep", "Uren per week", "", "", ""], &bands]);
        let (_, nl, en) = two_row_header((1, &g[0].1), (2, &g[1].1), 5).unwrap();
        assert!(
            nl.contains("'Subgroep' op rij 1, boven een lege cel"),
            "{nl}"
        );
        assert!(
            en.contains("'Subgroep' in row 1, above an empty cell"),
            "{en}"
        );
        for upper in [
            // No name over the empty corner, or a title over a named first column.
            &["", "Uren per week", "", "", ""][..],
            // Over only part of the categories, or a second group of one column.
            &["Subgroep", "", "Uren", "", ""],
            &["Subgroep", "Uren", "", "", "Totaal"],
            // A title beside nothing.
            &["Tabel 1 Uren per week", "", "", "", ""],
        ] {
            assert_eq!(two(upper, &bands), None, "{upper:?}");
        }
        // A group over one column, or with a named column left of it, is no such header.
        assert_eq!(two(&["Subgroep", "Uren", ""], &["", "<12", ""]), None);
        assert_eq!(
            two(
                &["Subgroep", "", "Uren", "", ""],
                &["", "jaar", "<12", "12-24", ">24"]
            ),
            None
        );
    }

    #[cfg(feature = "full")]
    fn below(upper: &[&str], lower: &[&str], next: Option<&[&str]>) -> Option<Vec<String>> {
        let g = grid(&[upper, lower, next.unwrap_or(&[])]);
        header_over_row_below((1, &g[0].1), (2, &g[1].1), next.map(|_| g[2].1.as_slice()))
            .map(|(cells, _, _)| cells.iter().map(RawCell::display).collect())
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_row_key_is_repeated_only_by_the_same_filled_cells() {
        let g = grid(&[
            &["", "", "Wajong", "", "WSW", ""],
            &["", "", "Wajong", "", "WSW"],
            &["", "", "Wajong", "", "WSW", "3"],
            &["x", "", "Wajong", "", "WSW"],
            &["", "", "Wajong", ""],
        ]);
        let key = RowKey::of(&g[0].1);
        let same = |k: &str, c: &RawCell| k == c.display();
        let by = |i: usize| key.repeated_by(filled(&g[i].1), &g[i].1, same);
        assert!(by(0) && by(1));
        assert!(!by(2) && !by(3) && !by(4));
    }

    #[test]
    fn identifiers_in_the_top_row_and_repeated_groups_combine() {
        let subs = ["", "", "personen", "werkzaam", "personen", "werkzaam"];
        let data = ["A", "2015", "10", "5", "x", "3"];
        let expected = [
            "regio",
            "jaar",
            "Wajong personen",
            "Wajong werkzaam",
            "WSW personen",
            "WSW werkzaam",
        ];
        // The identifiers named in the top row, above empty cells.
        let top = ["regio", "jaar", "Wajong", "", "WSW", ""];
        assert_eq!(below(&top, &subs, Some(&data)).unwrap(), expected);
        // The group names repeated over their columns, the identifiers named in the second row.
        let repeated = ["", "", "Wajong", "Wajong", "WSW", "WSW"];
        let names = [
            "regio", "jaar", "personen", "werkzaam", "personen", "werkzaam",
        ];
        assert_eq!(below(&repeated, &names, Some(&data)).unwrap(), expected);
        // The identifiers named in both rows (merged cells filled when unmerged): named once.
        let both = [
            "regio", "Jaar", "personen", "werkzaam", "personen", "werkzaam",
        ];
        let mut once = expected.map(str::to_string);
        once[1] = "jaar".into();
        assert_eq!(below(&top, &both, Some(&data)).unwrap(), once);
        // The header repeated right below itself is no second row.
        assert_eq!(below(&both, &both, Some(&data)), None);
        // Either above the header the search found (a group row filling few cells).
        assert_eq!(two(&repeated, &names).unwrap(), expected);
        let g = grid(&[&top, &subs]);
        let (cells, nl, en) = two_row_header((1, &g[0].1), (2, &g[1].1), 6).unwrap();
        assert_eq!(cells[0], RawCell::Text("regio".into()));
        assert!(
            nl.contains("'regio', 'jaar' op rij 1, boven lege cellen"),
            "{nl}"
        );
        assert!(
            en.contains("'regio', 'jaar' in row 1, above empty cells"),
            "{en}"
        );
        // A repeated name that is one group, however its run is cut by the next group.
        assert_eq!(
            two(&["", "A", "A", "A", "B"], &["r", "x", "y", "z", "x"]).unwrap(),
            ["r", "A x", "A y", "A z", "B x"]
        );
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_row_below_the_header_is_data_unless_it_names_columns_over_numbers() {
        let top = ["regio", "jaar", "Wajong", "", "WSW", ""];
        let subs = ["", "", "personen", "werkzaam", "personen", "werkzaam"];
        // No row after it, or one without numbers under the sub-names.
        assert_eq!(below(&top, &subs, None), None);
        let texts = ["A", "B", "p", "q", "r", "s"];
        assert_eq!(below(&top, &subs, Some(&texts)), None);
        // Mostly withheld below the sub-names: fewer than half numbers.
        assert_eq!(
            below(&top, &subs, Some(&["A", "2015", "x", "x", "x", "1"])),
            None
        );
        assert!(below(&top, &subs, Some(&["A", "2015", "x", "x", "2", "1"])).is_some());
        let data = ["A", "2015", "10", "5", "7", "3"];
        for lower in [
            // Suppression symbols, numbers: a data row.
            &["", "", "x", "x", "<10", "x"][..],
            &["", "", "geheim", "werkzaam", "personen", "werkzaam"],
            &["", "", "personen", "2015", "personen", "werkzaam"],
            // A cell under an identifier the top row names.
            &["A", "", "personen", "werkzaam", "personen", "werkzaam"],
            // One filled cell.
            &["", "", "personen", "", "", ""],
        ] {
            assert_eq!(below(&top, lower, Some(&data)), None, "{lower:?}");
        }
        // A header of one row over a first data row that is all text.
        let header = ["regio", "naam", "soort", "opmerking"];
        assert_eq!(
            below(&header, &["A", "x", "y", "z"], Some(&["B", "1", "2", "3"])),
            None
        );
        // Each group over one column: a full header over a row of texts.
        assert_eq!(
            below(
                &["regio", "jaar", "a", "b", "c", "d"],
                &["", "", "x", "y", "x", "y"],
                Some(&data)
            ),
            None
        );
        // A title in the first column over an unnamed margin is no identifier.
        assert_eq!(
            two(
                &["Tabel 1", "", "A", "", "B", ""],
                &["", "regio", "x", "y", "x", "y"]
            ),
            None
        );
        // Years below measures repeated over their columns (as pandas writes them), nothing
        // under the identifier: a header over two rows.
        let measures = ["regio", "personen", "personen", "werkzaam", "werkzaam"];
        let next = ["A", "1", "2", "3", "4"];
        assert_eq!(
            below(
                &measures,
                &["", "2015", "2016", "2015", "2016"],
                Some(&next)
            ),
            Some(
                [
                    "regio",
                    "personen 2015",
                    "personen 2016",
                    "werkzaam 2015",
                    "werkzaam 2016"
                ]
                .map(String::from)
                .to_vec()
            )
        );
        // A row with its region filled, or years that do not repeat under each measure, is data.
        for lower in [
            ["A", "2015", "2016", "2015", "2016"],
            ["", "2015", "2016", "2017", "2018"],
        ] {
            assert_eq!(below(&measures, &lower, Some(&next)), None, "{lower:?}");
        }
    }
}
