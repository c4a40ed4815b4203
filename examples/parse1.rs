//! The page's steps on a CSV file, timed natively: the pieces given to the reader, the table
//! finished, the regional reading, the file line, the view's catalogue entry and the line chart.
//! `taskset -c 0 cargo run --release --example parse1 -- FILE [ROUNDS]` reads on one thread, as
//! the page does (with two cores or more the reader counts and reads on two).
use banenverkenner::format::Lang;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).unwrap();
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let spec = "view=line&x=kwartaal&y=werkzaam&series=arbeidsmarktregio";
    for _ in 0..rounds {
        let t = std::time::Instant::now();
        let mut lap = std::time::Instant::now();
        let mut laps = Vec::new();
        let mut take = |what: &str| {
            laps.push(format!("{what} {:.1}", lap.elapsed().as_secs_f64() * 1e3));
            lap = std::time::Instant::now();
        };
        let mut reader = banenverkenner::table::csv::CsvReader::new("f.csv", bytes.len());
        let mut gives = Vec::new();
        while let Some((at, n)) = reader.want() {
            let g = std::time::Instant::now();
            reader.give(&bytes[at..at + n], &mut |_, _| {}).unwrap();
            gives.push(format!(
                "{}@{}:{:.0}",
                n >> 20,
                at >> 20,
                g.elapsed().as_secs_f64() * 1e3
            ));
        }
        take("gives");
        let _ = &gives;
        let table = reader.finish(&mut |_, _| {}).unwrap();
        take("finish");
        let ds = banenverkenner::render::Dataset::from_table(table).unwrap();
        take("regional");
        let _ = ds.info();
        take("info");
        let _ = banenverkenner::render::catalog::view_in(&ds, "line", Lang::Nl);
        take("entry");
        let _ = banenverkenner::render::render_query(&ds, spec);
        take("render");
        println!("{} ms: {}", t.elapsed().as_millis(), laps.join(", "));
    }
}
