//! Where a large file's memory goes, natively: the peak of live heap bytes per phase
//! (load, regional reading, roles, catalogue, a view), with a counting allocator.
//! `cargo run --release --example memphases -- FILE [VIEW]`
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(n, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        // Both blocks live during the copy.
        let n = LIVE.fetch_add(new, Relaxed) + new;
        PEAK.fetch_max(n, Relaxed);
        let r = unsafe { System.realloc(p, l, new) };
        LIVE.fetch_sub(l.size(), Relaxed);
        r
    }
}
#[global_allocator]
static A: Counting = Counting;

fn mb(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}
fn phase(name: &str, t: std::time::Instant, f: impl FnOnce()) {
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    let before = LIVE.load(Relaxed);
    f();
    let (live, peak) = (LIVE.load(Relaxed), PEAK.load(Relaxed));
    println!(
        "{name:<22} {:>6} ms  live {:>9}  peak {:>9}  (+{} over the start)",
        t.elapsed().as_millis(),
        mb(live),
        mb(peak),
        mb(peak - before)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let file = &args[1];
    let view = args
        .get(2)
        .cloned()
        .unwrap_or("view=line&x=kwartaal&y=werkzaam&series=arbeidsmarktregio".into());
    let t = std::time::Instant::now();
    let mut table = None;
    phase("table", t, || {
        let mut src =
            banenverkenner::table::source::OnDisk::open(std::path::Path::new(file)).unwrap();
        table = Some(banenverkenner::table::load_from(file, &mut src, &mut |_, _| {}).unwrap());
    });
    let table = table.unwrap();
    let mut ds = None;
    phase("regional reading", t, || {
        ds = Some(banenverkenner::render::Dataset::from_table(table).unwrap())
    });
    let ds = ds.unwrap();
    phase("info (roles)", t, || drop(ds.info()));
    phase("info en", t, || {
        drop(ds.info_in(banenverkenner::format::Lang::En))
    });
    phase("catalogue", t, || {
        drop(banenverkenner::render::catalog::catalog(&ds))
    });
    phase("view", t, || {
        drop(banenverkenner::render::render_query(&ds, &view))
    });
}
