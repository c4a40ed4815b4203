//! What every table a loader returns must satisfy.
use banenverkenner::table::{Cell, Table};

pub fn table(t: &Table) {
    for c in &t.columns {
        assert_eq!(c.len(), t.row_numbers.len(), "column {}", c.name);
        for v in c.iter() {
            if let Cell::Number(n) = v {
                assert!(n.is_finite(), "{n} in column {}", c.name);
            }
        }
    }
    assert_eq!(t.detected.rows, t.row_numbers.len());
    // Dictionary codes point into the dictionary.
    for c in &t.columns {
        for i in 0..c.len() {
            if let Some(k) = c.code(i) {
                assert!(
                    (k as usize) < c.dictionary().len(),
                    "code {k} in column {}",
                    c.name
                );
            }
        }
    }
    let _ = t.detected.summary();
}
