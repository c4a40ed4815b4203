use banenverkenner::*;
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&p).unwrap();
    let table = table::load("f.csv", &bytes).unwrap();
    let what = std::env::args().nth(2).unwrap_or_default();
    let t = std::time::Instant::now();
    for _ in 0..100 {
        if what == "roles" { std::hint::black_box(data::Roles::detect_in(&table, format::Lang::Nl)); }
        else { std::hint::black_box(compute::regional::RegionalData::from_table(&table).is_ok()); }
    }
    eprintln!("{:?}", t.elapsed() / 100);
}
