//! A made-up file for warming the browser's engine up. A wasm engine first runs each function
//! as quickly compiled, slow code and compiles the fast version only once the function has run
//! a while, so the first large file a page reads pays for that: the 53 MB bench file took
//! 0.9-1.0 s from file to chart the first time in a page, 0.5-0.7 s the second. The page's
//! worker therefore, while the page is idle after starting, reads this file (in small pieces, as
//! a user's file is read), describes it and draws its common views, a step at a time
//! (`web::WarmUp`), so the reading, describing and drawing code is fast by the time the user
//! picks a file. Nothing of it is kept or shown.
//!
//! The file has the shape analysts export: one row per municipality, quarter, subgroup, age
//! band and sex, with the counts of people in the register and at work, `;`-separated. Counts
//! at that level are small (tens), as in real files: so the check whether a column of numbers
//! could be percentages runs, as it does on a user's fine file.
//!
//! How much is read matters. Chromium (V8) compiles a function's fast version once the function
//! has spent a budget of work (13 million bytes of code run, in Chromium 156), and a call that
//! began in the slow code stays in it. A function called once per file with a loop over its
//! rows (the table's assembly, the totals found by their sums, the share check, the rows a view
//! starts from) reached that budget only halfway through the first large file with 20,160 rows
//! here, so it ran the whole first file slowly; with 60,480 rows it is fast before the file
//! comes. Measured in Chromium, the bench file, the step from the rows taken over to the chart
//! drawn in the worker: median 148 -> 109 ms (10 alternated runs each).

/// Bytes of the file's pieces as the warm-up reads them: small, so that the reading of the
/// pieces after the first (rows read ahead) is run as well.
pub const PIECE: usize = 128 << 10;

/// How many times the file is read, described and drawn: an engine compiles a function's fast
/// version once it has run a while, which one round of this small file leaves undone for some
/// of the describing and drawing code (the first large file then took 15-20 ms longer to
/// describe and draw than after a second small file, in Chromium).
pub const ROUNDS: usize = 2;

/// The view descriptions the warm-up draws: a line per region over the quarters, the sum of the
/// working people per region, and the ratio per subgroup.
pub const VIEWS: [&str; 3] = [
    "view=line&x=kwartaal&y=werkzaam&series=arbeidsmarktregio",
    "view=bars&x=arbeidsmarktregio&y=werkzaam",
    "view=line&x=kwartaal&y=werkzaam&per=personen&series=subgroep",
];

/// The region names of the built-in data (the 35 labour-market regions), in their order.
fn region_names() -> Vec<&'static str> {
    let text = std::str::from_utf8(crate::DEFAULT_DATA).unwrap_or_default();
    let mut names: Vec<&str> = Vec::new();
    for line in text.lines().skip(1) {
        let mut cells = line.split(',');
        let (Some(name), _, Some("region")) = (cells.next(), cells.next(), cells.next()) else {
            continue;
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Municipalities per region in the file the page's idle warm-up reads ([`file`]): 210 in all,
/// 60,480 rows, about 3.5 MB (the small one, [`MUNICIPALITIES_ASIDE`], 1.1 MB).
pub const MUNICIPALITIES: usize = 6;

/// Municipalities per region in the file a second worker warms up on beside a large file's
/// reading (`web::WarmUp::once`, a page that got a file before it was warmed up): the small
/// file, 20,160 rows, so that it ends well before the reading and takes its second core briefly.
pub const MUNICIPALITIES_ASIDE: usize = 2;

/// The made-up file the page's idle warm-up reads: [`file_of`] with [`MUNICIPALITIES`].
pub fn file() -> Vec<u8> {
    file_of(MUNICIPALITIES)
}

/// The made-up file with `per_region` municipalities in each of the 35 regions: 35 x
/// `per_region` municipalities x 8 quarters x 3 subgroups x 6 age bands x 2 sexes rows, the same
/// bytes every time.
pub fn file_of(per_region: usize) -> Vec<u8> {
    const SUBGROUPS: [&str; 3] = ["Wajong", "WSW", "Participatiewet"];
    const AGES: [&str; 6] = ["15-24", "25-34", "35-44", "45-54", "55-64", "65+"];
    const SEXES: [&str; 2] = ["M", "V"];
    // (Rows of at most 60 bytes: the small file is 1.1 MB for 20,160 rows.)
    let mut out = Vec::with_capacity(35 * per_region * 8 * 3 * 6 * 2 * 60);
    out.extend_from_slice(
        b"gemeente;arbeidsmarktregio;kwartaal;subgroep;leeftijd;geslacht;personen;werkzaam\n",
    );
    let mut x: u32 = 0x6261_6e65;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x
    };
    for (r, region) in region_names().iter().enumerate() {
        for m in 0..per_region {
            let municipality = format!("Gemeente {}", per_region * r + m + 1);
            for year in 2018..2020 {
                for quarter in 1..=4 {
                    for subgroup in SUBGROUPS {
                        for age in AGES {
                            for sex in SEXES {
                                let persons = 1 + next() % 60;
                                let working = persons * (30 + next() % 60) / 100;
                                let line = format!(
                                    "{municipality};{region};{year}K{quarter};{subgroup};{age};{sex};{persons};{working}\n"
                                );
                                out.extend_from_slice(line.as_bytes());
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{render_query, Dataset};

    /// The files are what the warm-up means them to be: read in their pieces each is the whole
    /// file's table (60,480 and 20,160 rows), in long form per region and quarter, with small
    /// counts (each a number a percentage could be, so the share check runs, and finds none:
    /// the counts stay counts), and every view drawn is drawn as asked (none falls back to
    /// another).
    #[test]
    fn the_warm_up_files_read_and_draw_their_views() {
        assert_eq!(region_names().len(), 35);
        for (per_region, rows) in [(MUNICIPALITIES, 60_480), (MUNICIPALITIES_ASIDE, 20_160)] {
            let bytes = file_of(per_region);
            assert!(bytes.len() > 4 * PIECE, "{}", bytes.len());
            let table = crate::table::csv::read_csv_in_pieces("warm.csv", &bytes, PIECE).unwrap();
            assert_eq!(table.len(), rows);
            let whole = crate::table::csv::read_csv("warm.csv", &bytes).unwrap();
            assert_eq!(table, whole);
            for name in ["personen", "werkzaam"] {
                let c = table.column(name).unwrap();
                let most = (0..c.len()).filter_map(|i| c.number(i)).fold(0.0, f64::max);
                assert!((1.0..=100.0).contains(&most), "{name}: {most}");
            }
            let ds = Dataset::from_table(table).unwrap();
            let roles = ds.roles();
            assert_eq!(roles.role("personen"), Some(crate::spec::Role::N));
            assert_eq!(roles.role("werkzaam"), Some(crate::spec::Role::Count));
            for spec in VIEWS {
                let r = render_query(&ds, spec).unwrap();
                assert_eq!(r.spec.split('&').next(), spec.split('&').next(), "{spec}");
                assert!(r.svg.contains("<svg"), "{spec}");
                assert!(!r.table.rows.is_empty(), "{spec}");
            }
            // The line per region: 35 regions x 8 quarters.
            let line = render_query(&ds, VIEWS[0]).unwrap();
            assert_eq!(line.table.rows.len(), 35 * 8);
        }
        assert_eq!(file(), file_of(MUNICIPALITIES));
    }
}
