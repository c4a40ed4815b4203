fn rss() -> String {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    s.lines()
        .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
        .collect::<Vec<_>>()
        .join(" ")
}
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let stage = std::env::args().nth(2).unwrap_or_default();
    let mut src = banenverkenner::table::source::OnDisk::open(std::path::Path::new(&path)).unwrap();
    let t = std::time::Instant::now();
    let table = banenverkenner::table::load_from("x.csv", &mut src, &mut |_, _| {}).unwrap();
    eprintln!("table {:?} {}", t.elapsed(), rss());
    if stage == "table" {
        return;
    }
    let ds = banenverkenner::render::Dataset::from_table(table).unwrap();
    eprintln!("dataset {:?} {}", t.elapsed(), rss());
    let _ = ds.roles();
    eprintln!("roles {:?} {}", t.elapsed(), rss());
}
