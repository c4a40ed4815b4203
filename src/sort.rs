//! One shared stable sort. Every `slice::sort_by` call instantiates the standard library's
//! whole sort machinery again for its element and closure type (about 4 KB of wasm each); here
//! the standard sort runs once, on indices with a `dyn` comparison, and the callers permute.
//! The result is exactly that of a stable `sort_by`: equal items keep their order.

use std::cmp::Ordering;

/// The stable order of `n` items under `cmp` on their indices: `out[k]` is the index of the
/// item that goes to place `k`.
pub fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

/// Stable sort of `v` by `cmp`, like `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let idx = order(v.len(), &|a, b| match (v.get(a), v.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => Ordering::Equal,
    });
    permute(&idx, &mut |i, j| v.swap(i, j));
}

/// Stable sort of `v` by a key, like `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts hashes (or any `u64`s) in place: one instance of the standard unstable sort, for
/// the million-row checks where indices and a `dyn` comparison would cost three times as much.
pub fn sort_unstable(v: &mut [u64]) {
    v.sort_unstable();
}

/// Sorts (key, value) pairs by key (unstable): the grouping of a million rows by hash.
pub fn sort_pairs(v: &mut [(u64, f64)]) {
    v.sort_unstable_by_key(|p| p.0);
}

/// Stable ascending sort, like `v.sort()`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Puts the item at `idx[k]` at place `k`, following each cycle of the permutation with swaps.
fn permute(idx: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    let mut done = vec![false; idx.len()];
    for start in 0..idx.len() {
        let mut j = start;
        while !done.get(j).copied().unwrap_or(true) {
            if let Some(d) = done.get_mut(j) {
                *d = true;
            }
            let next = idx.get(j).copied().unwrap_or(start);
            if next == start {
                break;
            }
            swap(j, next);
            j = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_result_as_the_standard_stable_sort() {
        // Pairs sorted on the first field only: equal keys must keep their input order.
        let input: Vec<(i32, usize)> = [5, 3, 5, 1, 3, 9, 0, 5, 1, 2, 3, 3, 8, 7, 5]
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i))
            .collect();
        let mut ours = input.clone();
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std = input.clone();
        std.sort_by_key(|p| p.0);
        assert_eq!(ours, std);
        assert_eq!(ours[0], (0, 6));
        assert_eq!(&ours[6..10], &[(3, 10), (3, 11), (5, 0), (5, 2)][..]);
    }

    #[test]
    fn by_key_descending_and_plain() {
        let mut v = vec!["b", "a", "c", "a"];
        sort(&mut v);
        assert_eq!(v, ["a", "a", "b", "c"]);
        let mut w = vec![(1, 'x'), (2, 'y'), (1, 'z'), (3, 'w')];
        sort_by_key(&mut w, |p| std::cmp::Reverse(p.0));
        assert_eq!(w, [(3, 'w'), (2, 'y'), (1, 'x'), (1, 'z')]);
        assert_eq!(
            order(4, &|a, b| [2, 0, 1, 0][a].cmp(&[2, 0, 1, 0][b])),
            [1, 3, 2, 0]
        );
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
