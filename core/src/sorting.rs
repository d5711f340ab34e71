//! Stable sorting through one compiled sort.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every call site with its
//! own closure gets its own copy of the standard library's merge sort: about 3 KB of wasm each,
//! some 30 KB over the page. These functions sort a list of indices instead, with the comparison
//! behind a `dyn` reference, so all of them share one copy; then they move the elements into
//! place along the permutation's cycles. The result is exactly `sort_by`'s (stable), at the
//! cost of one `Vec<usize>`: meant for the short lists of the page and the node (stakers, side
//! blocks, links), not for hot loops.

use std::cmp::Ordering;

/// Sorts `v` stably by `compare`, like [`slice::sort_by`].
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut perm = sorted_indices(v.len(), &mut |i, j| compare(&v[i], &v[j]));
    permute(v, &mut perm);
}

/// Sorts `v` stably by `key`, like [`slice::sort_by_key`].
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably, like [`slice::sort`].
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// `0..n` ordered by `compare` on indices, ties in index order: the one instance of the
/// standard library's sort.
#[inline(never)]
fn sorted_indices(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| compare(a, b));
    idx
}

/// Rearranges `v` so that `v[k]` becomes the old `v[perm[k]]`, by walking each cycle of `perm`
/// once (O(n) swaps). Spends `perm`.
fn permute<T>(v: &mut [T], perm: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..perm.len() {
        if perm[start] == DONE {
            continue;
        }
        // Position `at` takes the element at `perm[at]`, which the cycle has not moved yet; the
        // element that was at `start` travels along and lands in the cycle's last position.
        let mut at = start;
        loop {
            let from = perm[at];
            perm[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no crate.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (x >> 33) % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        for n in [0, 1, 2, 3, 7, 20, 33, 100, 257] {
            for seed in 0..5 {
                // Few distinct keys, so many ties; the second field tells equal keys apart.
                let v: Vec<(u64, usize)> = numbers(seed, n, 5)
                    .into_iter()
                    .enumerate()
                    .map(|(i, k)| (k, i))
                    .collect();
                let mut expected = v.clone();
                expected.sort_by_key(|p| p.0);
                let mut ours = v.clone();
                sort_by_key(&mut ours, |p| p.0);
                assert_eq!(ours, expected, "n = {n}, seed = {seed}");
                let mut ours = v.clone();
                sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
                let mut expected = v.clone();
                expected.sort_by_key(|p| std::cmp::Reverse(p.0));
                assert_eq!(ours, expected);
                let mut ours = v.clone();
                sort(&mut ours);
                let mut expected = v;
                expected.sort();
                assert_eq!(ours, expected);
            }
        }
    }

    #[test]
    fn moves_owned_values() {
        let mut v: Vec<String> = ["pear", "fig", "apple", "kiwi", "fig"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sort(&mut v);
        assert_eq!(v, ["apple", "fig", "fig", "kiwi", "pear"]);
    }
}
