//! What every table a loader returns must satisfy.
use banenverkenner::table::{Table, Value};

pub fn table(t: &Table) {
    for c in &t.columns {
        assert_eq!(c.values.len(), t.row_numbers.len(), "column {}", c.name);
        for v in &c.values {
            if let Value::Number(n) = v {
                assert!(n.is_finite(), "{n} in column {}", c.name);
            }
        }
    }
    assert_eq!(t.detected.rows, t.row_numbers.len());
    let _ = t.detected.summary();
}
