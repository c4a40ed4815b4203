//! The default view of a tidy table, chosen from its column roles so that a table opens on its
//! natural chart: odds ratios -> forest; shares summing to 100 per group -> area over an ordinal
//! time, else stacked bars; a time column -> lines; one category and a value -> sorted bars.

use super::line::default_value;
use crate::data::tidy::is_total;
use crate::data::{ColumnRole, Roles};
use crate::error::{Error, Result};
use crate::format::Lang;
use crate::spec::Role;
use crate::spec::View;
use crate::spec::{AreaSpec, BarsSpec, Encoding, ForestSpec, LineSpec, Reference, StackedSpec};
use crate::table::Table;

/// Whether every value of column `a` goes with one value of column `b` (b is an attribute of a,
/// like the responsible party of a legal basis), so `b` adds no dimension to the data.
pub fn determines(table: &Table, a: &str, b: &str) -> bool {
    let (Some(ca), Some(cb)) = (table.column(a), table.column(b)) else {
        return false;
    };
    super::roles::column_determines(ca, cb)
}

/// Categories with more than one value that are not attributes of the columns already used.
fn free_categories<'a>(table: &Table, roles: &'a Roles, used: &[&str]) -> Vec<&'a ColumnRole> {
    roles
        .columns
        .iter()
        .filter(|c| c.role == Role::Category && c.distinct >= 2)
        .filter(|c| !used.contains(&c.column.as_str()))
        .filter(|c| !used.iter().any(|u| determines(table, u, &c.column)))
        .collect()
}

/// Whether the rows of `total` in column `x` hold values in `y` more than
/// [`super::totals::FLATTENS`] times the largest of the other rows'.
fn flattens(table: &Table, x: &str, y: &str, total: &str) -> bool {
    let (Some(cx), Some(cy)) = (table.column(x), table.column(y)) else {
        return false;
    };
    // The total's text found once in the column's dictionary; rows compared by code.
    let Some(code) = cx.dictionary().iter().position(|t| &**t == total) else {
        return false;
    };
    let (mut of_total, mut of_parts) = (0.0f64, 0.0f64);
    for i in 0..table.len() {
        let Some(v) = cy.number(i) else { continue };
        if cx.code(i) == Some(code as u32) {
            of_total = of_total.max(v.abs());
        } else {
            of_parts = of_parts.max(v.abs());
        }
    }
    of_parts > 0.0 && of_total > super::totals::FLATTENS * of_parts
}

/// The most lines a natural line chart starts with before it takes a coarser level: the 35
/// labour-market regions and the country are drawn, each labelled at its end.
const MANY_LINES: usize = 40;

/// `c`, or when it has more than [`MANY_LINES`] values, the coarser level it lies in among
/// `cats` (a municipality's region, a region's province), as long as the level above still has
/// more than that: lines per region summed over the municipalities, not one per municipality.
fn coarser<'a>(table: &Table, cats: &[&'a ColumnRole], c: &'a ColumnRole) -> &'a ColumnRole {
    let mut at = c;
    while at.distinct > MANY_LINES {
        let above = cats
            .iter()
            .filter(|p| p.column != at.column && p.distinct >= 2 && p.distinct < at.distinct)
            .filter(|p| determines(table, &at.column, &p.column))
            .max_by_key(|p| p.distinct);
        match above {
            Some(p) => at = p,
            None => break,
        }
    }
    at
}

/// The series a line chart takes when the view names none (`view=line` picked in the page):
/// the first free category, or the coarser level it lies in when it has more than
/// [`MANY_LINES`] values (lines per region, not one per municipality), as the natural view
/// does. `used`: the columns on x and facet.
#[cfg(feature = "full")]
pub(crate) fn line_series(table: &Table, roles: &Roles, used: &[&str]) -> Option<String> {
    let cats = free_categories(table, roles, used);
    cats.first()
        .map(|c| coarser(table, &cats, c).column.clone())
}

fn enc(x: Option<&str>, y: Option<&str>, series: Option<&str>, facet: Option<&str>) -> Encoding {
    let s = |v: Option<&str>| v.map(str::to_string);
    Encoding {
        x: s(x),
        y: s(y),
        series: s(series),
        facet: s(facet),
        ..Encoding::default()
    }
}

/// The natural view of a table, with the user's role overrides applied; when the table has
/// none, the error says why in `lang`.
pub fn natural_view(table: &Table, overrides: &[(String, Role)], lang: Lang) -> Result<View> {
    let roles = Roles::with_overrides(table, overrides, lang)?;
    natural_view_from(table, &roles, lang)
}

/// [`natural_view`] from roles detected before.
pub fn natural_view_from(table: &Table, roles: &Roles, lang: Lang) -> Result<View> {
    let roles = roles.clone();

    if let Some(or) = roles.first(&[Role::OddsRatio]) {
        return Ok(View::Forest(ForestSpec {
            enc: enc(None, Some(&or.column), None, None),
            dimension: None,
            term: None,
            reference: None,
            significance: None,
        }));
    }

    let share = roles
        .columns
        .iter()
        .find(|c| c.role == Role::Percent && c.distribution_over.is_some());
    if let Some(share) = share {
        let over = share.distribution_over.clone().unwrap_or_default();
        let time = roles
            .columns
            .iter()
            .find(|c| c.role == Role::Time && c.distinct >= 2)
            .map(|c| c.column.clone());
        if let Some(time) = time {
            let used = [over.as_str(), time.as_str()];
            let facet = free_categories(table, &roles, &used)
                .first()
                .map(|c| c.column.clone());
            return Ok(View::Area(AreaSpec {
                enc: enc(
                    Some(&time),
                    Some(&share.column),
                    Some(&over),
                    facet.as_deref(),
                ),
                n: None,
                min_n: crate::spec::tidy::DEFAULT_MIN_N,
            }));
        }
        let groups = free_categories(table, &roles, &[over.as_str()]);
        if let Some(x) = groups.first() {
            let used = [over.as_str(), x.column.as_str()];
            let facet = free_categories(table, &roles, &used)
                .first()
                .map(|c| c.column.clone());
            return Ok(View::Stacked(StackedSpec {
                enc: enc(
                    Some(&x.column),
                    Some(&share.column),
                    Some(&over),
                    facet.as_deref(),
                ),
                n: None,
            }));
        }
    }

    // A single period is no development: such a table is better read as bars.
    let time = roles
        .columns
        .iter()
        .find(|c| c.role == Role::Time && c.distinct >= 2);
    if let Some(time) = time {
        let y = default_value(&roles, &[&time.column]);
        if let Some(y) = y {
            let cats = free_categories(table, &roles, &[&time.column]);
            let series = cats
                .first()
                .map(|c| coarser(table, &cats, c).column.clone());
            // No panel per value of a finer level than the lines (a panel per municipality of
            // lines per region).
            let facet = series.as_deref().and_then(|s| {
                free_categories(table, &roles, &[&time.column, s])
                    .into_iter()
                    .find(|c| !determines(table, &c.column, s))
                    .map(|c| c.column.clone())
            });
            return Ok(View::Line(LineSpec {
                enc: enc(
                    Some(&time.column),
                    Some(&y),
                    series.as_deref(),
                    facet.as_deref(),
                ),
                index: false,
                highlight: None,
                n: None,
            }));
        }
    }

    let x = roles
        .columns
        .iter()
        .filter(|c| c.role == Role::Category)
        .fold(None, |best: Option<&ColumnRole>, c| match best {
            Some(b) if b.distinct >= c.distinct => Some(b),
            _ => Some(c),
        });
    if let Some(x) = x {
        if let Some(y) = default_value(&roles, &[&x.column]) {
            let series = free_categories(table, &roles, &[&x.column])
                .first()
                .map(|c| c.column.clone());
            // The total as the reference line, unless it would flatten the bars (a sum of
            // counts beside its parts: the bars then leave it out, and say so).
            let total = table
                .column(&x.column)
                .and_then(|c| {
                    c.dictionary()
                        .iter()
                        .find(|v| is_total(v))
                        .map(|v| v.to_string())
                })
                .filter(|t| !flattens(table, &x.column, &y, t));
            return Ok(View::Bars(BarsSpec {
                enc: enc(Some(&x.column), Some(&y), series.as_deref(), None),
                reference: total.map(Reference::Category),
                highlight: None,
                sort: None,
                n: None,
            }));
        }
    }
    let empty: Vec<&str> = roles
        .columns
        .iter()
        .filter(|c| c.role == Role::Ignore && !c.overridden)
        .map(|c| c.column.as_str())
        .collect();
    let empty_note = match (empty.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Nl) => format!(
            " Zonder waarden (alle cellen leeg of geheim): {}.",
            empty.join(", ")
        ),
        (false, Lang::En) => format!(
            " Without values (every cell empty or suppressed): {}.",
            empty.join(", ")
        ),
    };
    // A column of numbers with a cell or more of text (`46.222.1`): the first such cell.
    #[cfg(feature = "full")]
    let empty_note = {
        let mut note = empty_note;
        for c in table
            .columns
            .iter()
            .filter(|c| c.has_number() && c.has_text())
        {
            let (numbers, first) =
                (0..c.len()).fold((0usize, None), |(n, first), i| match c.get(i) {
                    crate::table::Cell::Number(_) => (n + 1, first),
                    crate::table::Cell::Text(t) => (n, first.or(Some((i, t)))),
                    crate::table::Cell::Missing => (n, first),
                });
            if let Some((i, t)) = first.filter(|_| numbers * 2 > c.len()) {
                let (word, row) = (table.detected.row_word_in(lang), table.row_shown(i));
                note.push_str(&match lang {
                    Lang::Nl => format!(
                        " Kolom '{}' heeft getallen, maar {word} {row} bevat '{t}', geen getal: verbeter of leeg die cel.",
                        c.name
                    ),
                    Lang::En => format!(
                        " Column '{}' has numbers, but {word} {row} holds '{t}', no number: correct or empty that cell.",
                        c.name
                    ),
                });
            }
        }
        note
    };
    let (source, columns) = (
        &table.source,
        table
            .columns
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    );
    Err(Error::not_available(match lang {
        Lang::Nl => format!(
            "Geen passende weergave gevonden voor '{source}': de tabel heeft geen kolom met \
             getallen naast een categorie- of tijdkolom.{empty_note} Kolommen: {columns}. Geef de \
             rollen op met roles=kolom:rol."
        ),
        Lang::En => format!(
            "No fitting view found for '{source}': the table has no column with numbers beside a \
             category or time column.{empty_note} Columns: {columns}. Give the roles with \
             roles=column:role."
        ),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(csv: &str) -> View {
        let t = crate::table::load("t.csv", csv.as_bytes()).unwrap();
        natural_view(&t, &[], Lang::Nl).unwrap()
    }

    #[test]
    fn each_shape_gets_its_view() {
        assert_eq!(
            view("jaar,groep,aantal\n2017,A,1\n2018,A,2\n").name(),
            "line"
        );
        assert_eq!(
            view("groep,uren,aandeel\nA,<12,40\nA,>12,60\nB,<12,30\nB,>12,70\n").name(),
            "stacked"
        );
        assert_eq!(
            view("maand,status,aandeel\n0,a,40\n0,b,60\n6,a,30\n6,b,70\n").name(),
            "area"
        );
        assert_eq!(view("term,odds_ratio\na,1.2\nb,0.8\n").name(), "forest");
        match view("grondslag,wie,aandeel\nA,g,20\nB,u,30\ntotaal,g,25\n") {
            View::Bars(b) => {
                assert_eq!(b.enc.x.as_deref(), Some("grondslag"));
                assert_eq!(b.enc.series, None, "an attribute column is no series");
                assert_eq!(b.reference, Some(Reference::Category("totaal".into())));
            }
            v => panic!("{v:?}"),
        }
    }

    #[test]
    fn a_table_without_numbers_explains_itself() {
        let t = crate::table::load("t.csv", b"a,b\nx,y\n").unwrap();
        let e = natural_view(&t, &[], Lang::Nl).unwrap_err();
        assert!(e.message.contains("roles="), "{}", e.message);
        let e = natural_view(&t, &[], Lang::En).unwrap_err();
        assert_eq!(
            e.message,
            "No fitting view found for 't.csv': the table has no column with numbers beside a \
             category or time column. Without values (every cell empty or suppressed): a. \
             Columns: a, b. Give the roles with roles=column:role."
        );
    }
}
