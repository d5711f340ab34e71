//! A vector whose clones share their data: full chunks of [`CHUNK`] items behind an [`Arc`],
//! immutable once full, and a small owned tail. It is for what grows with the chain and is
//! copied often (a chain's blocks, which the page's history snapshots every 200 events):
//! a clone copies one pointer per full chunk and the tail, so a copy of a chain of 1,000
//! blocks costs a few hundred bytes instead of a megabyte, and two copies that go on growing
//! apart share everything before the point where they parted.
//!
//! It is append-mostly: [`SharedVec::push`] fills the tail and freezes it as a chunk when it
//! is full; [`SharedVec::truncate`] drops whole chunks and, when the cut falls inside a full
//! chunk, copies that chunk's kept part back into the tail (a reorg cuts a chain back by a few
//! blocks). A clone never sees what is done to the other copy.
//!
//! Each full chunk keeps a [`Summary`] of its items, computed once when it fills (a chain
//! keeps sorted indexes of its blocks' hashes and transactions there). Every [`SUPER`] full
//! chunks also get one summary of them all, merged once when the last of them fills, shared
//! like the chunks and dropped with them: a lookup reads one summary per [`SUPER`] chunks
//! ([`SharedVec::summaries`]), so at 100,000 items it reads 24 summaries and at most 63
//! chunks' instead of 1,562. The tail has none: a lookup reads its items.

use std::fmt;
use std::ops::Index;
use std::sync::Arc;

/// Items in a full chunk.
pub const CHUNK: usize = 64;

/// Full chunks under one merged summary.
pub const SUPER: usize = 64;

/// What a full chunk keeps beside its items, computed once when it fills.
pub trait Summary<T> {
    /// The summary of a full chunk's items.
    fn of(items: &[T]) -> Self;

    /// The summary of [`SUPER`] consecutive full chunks, from theirs (oldest first).
    fn merge(parts: &[&Self]) -> Self;
}

impl<T> Summary<T> for () {
    fn of(_: &[T]) -> Self {}

    fn merge(_: &[&Self]) -> Self {}
}

/// A full chunk: exactly [`CHUNK`] items and their summary.
struct Chunk<T, S> {
    items: Box<[T]>,
    summary: S,
}

/// A vector whose clones share their full chunks (see the module docs). `S` is what each full
/// chunk keeps beside its items ([`Summary`]; nothing by default).
pub struct SharedVec<T, S = ()> {
    chunks: Vec<Arc<Chunk<T, S>>>,
    /// The merged summary of each run of [`SUPER`] full chunks, oldest first.
    supers: Vec<Arc<S>>,
    tail: Vec<T>,
}

impl<T: Clone, S> Clone for SharedVec<T, S> {
    fn clone(&self) -> Self {
        SharedVec {
            chunks: self.chunks.clone(),
            supers: self.supers.clone(),
            tail: self.tail.clone(),
        }
    }
}

impl<T, S> Default for SharedVec<T, S> {
    fn default() -> Self {
        SharedVec {
            chunks: Vec::new(),
            supers: Vec::new(),
            tail: Vec::new(),
        }
    }
}

impl<T: fmt::Debug, S> fmt::Debug for SharedVec<T, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: PartialEq, S> PartialEq for SharedVec<T, S> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<T: Eq, S> Eq for SharedVec<T, S> {}

impl<T, S> SharedVec<T, S> {
    /// An empty vector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.chunks.len() * CHUNK + self.tail.len()
    }

    /// Whether it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.chunks.is_empty() && self.tail.is_empty()
    }

    /// The item at `i`.
    pub fn get(&self, i: usize) -> Option<&T> {
        match self.chunks.get(i / CHUNK) {
            Some(chunk) => chunk.items.get(i % CHUNK),
            None => self.tail.get(i - self.chunks.len() * CHUNK),
        }
    }

    /// The last item.
    pub fn last(&self) -> Option<&T> {
        match self.tail.last() {
            Some(t) => Some(t),
            None => self.chunks.last().and_then(|c| c.items.last()),
        }
    }

    /// The items in order.
    pub fn iter(&self) -> Iter<'_, T, S> {
        Iter {
            vec: self,
            front: 0,
            back: self.len(),
        }
    }

    /// The full chunks, oldest first: each one's items and summary.
    pub fn chunks(&self) -> impl DoubleEndedIterator<Item = (&[T], &S)> + '_ {
        self.chunks.iter().map(|c| (&c.items[..], &c.summary))
    }

    /// Summaries that together cover every full chunk once, oldest first: the merged one of
    /// each run of [`SUPER`] chunks, then those of the chunks after the last run (fewer than
    /// [`SUPER`]). What a lookup reads before the tail.
    pub fn summaries(&self) -> impl DoubleEndedIterator<Item = &S> + '_ {
        let merged = self.supers.len() * SUPER;
        self.supers
            .iter()
            .map(|s| &**s)
            .chain(self.chunks[merged..].iter().map(|c| &c.summary))
    }

    /// The items after the full chunks (fewer than [`CHUNK`]).
    pub fn tail(&self) -> &[T] {
        &self.tail
    }

    /// How many full chunks this vector shares with `other` (the same allocation): what a
    /// clone saves.
    pub fn shared_chunks(&self, other: &Self) -> usize {
        self.chunks
            .iter()
            .zip(&other.chunks)
            .filter(|(a, b)| Arc::ptr_eq(a, b))
            .count()
    }
}

impl<T: Clone, S: Summary<T>> SharedVec<T, S> {
    /// Appends `item`; a tail that fills becomes a shared chunk.
    pub fn push(&mut self, item: T) {
        self.tail.push(item);
        if self.tail.len() == CHUNK {
            let items = std::mem::take(&mut self.tail).into_boxed_slice();
            let summary = S::of(&items);
            self.chunks.push(Arc::new(Chunk { items, summary }));
            if self.chunks.len() == (self.supers.len() + 1) * SUPER {
                let parts: Vec<&S> = self.chunks[self.chunks.len() - SUPER..]
                    .iter()
                    .map(|c| &c.summary)
                    .collect();
                self.supers.push(Arc::new(S::merge(&parts)));
            }
        }
    }

    /// Keeps the first `len` items (nothing happens when it holds no more). A cut inside a
    /// full chunk copies that chunk's kept items into the tail; the chunk itself, which clones
    /// may share, is not touched.
    pub fn truncate(&mut self, len: usize) {
        if len >= self.len() {
            return;
        }
        let full = len / CHUNK;
        if full < self.chunks.len() {
            let cut = self.chunks.swap_remove(full);
            self.chunks.truncate(full);
            self.tail = cut.items[..len % CHUNK].to_vec();
            self.supers.truncate(full / SUPER);
        } else {
            self.tail.truncate(len - full * CHUNK);
        }
    }
}

impl<T: Clone, S: Summary<T>> Extend<T> for SharedVec<T, S> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.push(item);
        }
    }
}

impl<T: Clone, S: Summary<T>> FromIterator<T> for SharedVec<T, S> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut v = SharedVec::new();
        v.extend(items);
        v
    }
}

impl<T, S> Index<usize> for SharedVec<T, S> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        match self.get(i) {
            Some(item) => item,
            None => panic!("index {i} out of range for a SharedVec of {}", self.len()),
        }
    }
}

impl<'a, T, S> IntoIterator for &'a SharedVec<T, S> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T, S>;

    fn into_iter(self) -> Iter<'a, T, S> {
        self.iter()
    }
}

/// The items of a [`SharedVec`] in order ([`SharedVec::iter`]); `skip` and `nth` jump.
pub struct Iter<'a, T, S> {
    vec: &'a SharedVec<T, S>,
    front: usize,
    back: usize,
}

impl<T, S> Clone for Iter<'_, T, S> {
    fn clone(&self) -> Self {
        Iter { ..*self }
    }
}

impl<'a, T, S> Iterator for Iter<'a, T, S> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        if self.front >= self.back {
            return None;
        }
        self.front += 1;
        self.vec.get(self.front - 1)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back.saturating_sub(self.front);
        (n, Some(n))
    }

    fn nth(&mut self, n: usize) -> Option<&'a T> {
        self.front = self.front.saturating_add(n).min(self.back);
        self.next()
    }
}

impl<'a, T, S> DoubleEndedIterator for Iter<'a, T, S> {
    fn next_back(&mut self) -> Option<&'a T> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        self.vec.get(self.back)
    }

    fn nth_back(&mut self, n: usize) -> Option<&'a T> {
        self.back = self.back.saturating_sub(n).max(self.front);
        self.next_back()
    }
}

impl<T, S> ExactSizeIterator for Iter<'_, T, S> {}

#[cfg(test)]
mod tests {
    use super::*;

    /// A summary that can be checked: the sum of a chunk's items.
    #[derive(Debug, PartialEq)]
    pub(super) struct Sum(u64);

    impl Summary<u64> for Sum {
        fn of(items: &[u64]) -> Self {
            Sum(items.iter().fold(0u64, |a, x| a.wrapping_add(*x)))
        }

        fn merge(parts: &[&Self]) -> Self {
            assert_eq!(parts.len(), SUPER);
            Sum(parts.iter().fold(0u64, |a, p| a.wrapping_add(p.0)))
        }
    }

    pub(super) fn check(v: &SharedVec<u64, Sum>, model: &[u64]) {
        assert_eq!(v.len(), model.len());
        assert_eq!(v.is_empty(), model.is_empty());
        assert!(v.iter().eq(model.iter()));
        assert!(v.iter().rev().eq(model.iter().rev()));
        assert_eq!(v.iter().len(), model.len());
        assert_eq!(v.last(), model.last());
        for (i, x) in model.iter().enumerate() {
            assert_eq!(v.get(i), Some(x));
            assert_eq!(v[i], *x);
        }
        assert_eq!(v.get(model.len()), None);
        assert_eq!(v.tail().len(), model.len() % CHUNK);
        for (k, (items, sum)) in v.chunks().enumerate() {
            assert_eq!(items, &model[k * CHUNK..(k + 1) * CHUNK]);
            assert_eq!(*sum, Sum::of(items));
        }
        // The summaries cover the full chunks once, in order: a merged one per SUPER chunks.
        let full = model.len() / CHUNK;
        let merged = full / SUPER;
        let expected: Vec<Sum> = (0..merged)
            .map(|k| Sum::of(&model[k * SUPER * CHUNK..(k + 1) * SUPER * CHUNK]))
            .chain((merged * SUPER..full).map(|k| Sum::of(&model[k * CHUNK..(k + 1) * CHUNK])))
            .collect();
        assert!(v.summaries().eq(expected.iter()));
        assert!(v.summaries().rev().eq(expected.iter().rev()));
    }

    #[test]
    fn push_index_and_chunks() {
        let mut v: SharedVec<u64, Sum> = SharedVec::new();
        let mut model = Vec::new();
        for x in 0..300 {
            v.push(x * 7);
            model.push(x * 7);
            check(&v, &model);
        }
        assert_eq!(v.chunks().count(), 300 / CHUNK);
    }

    #[test]
    fn truncate_inside_a_chunk_and_grow_again() {
        let mut v: SharedVec<u64, Sum> = (0..200).collect();
        let mut model: Vec<u64> = (0..200).collect();
        for len in [199, 150, 128, 127, 64, 63, 1, 0] {
            v.truncate(len);
            model.truncate(len);
            check(&v, &model);
        }
        v.truncate(10);
        check(&v, &model);
        v.extend(1000..1130);
        model.extend(1000..1130);
        check(&v, &model);
    }

    #[test]
    fn a_clone_shares_its_chunks_and_never_sees_the_other_change() {
        let mut v: SharedVec<u64, Sum> = (0..(3 * CHUNK as u64 + 5)).collect();
        let copy = v.clone();
        let before: Vec<u64> = copy.iter().copied().collect();
        assert_eq!(v.shared_chunks(&copy), 3);
        v.truncate(CHUNK + 3);
        v.extend(500..700);
        assert_eq!(v.shared_chunks(&copy), 1);
        check(&copy, &before);
        let mut model: Vec<u64> = (0..(CHUNK as u64 + 3)).collect();
        model.extend(500..700);
        check(&v, &model);
    }

    #[test]
    fn every_super_chunks_get_one_summary_shared_by_clones_and_cut_with_them() {
        let run = (SUPER * CHUNK) as u64;
        let mut v: SharedVec<u64, Sum> = (0..2 * run + 100).collect();
        let mut model: Vec<u64> = (0..2 * run + 100).collect();
        check(&v, &model);
        assert_eq!(v.summaries().count(), 2 + 1);
        let copy = v.clone();
        let before = model.clone();
        // A cut one item into the second run drops its merged summary; growing back brings
        // it again.
        for len in [2 * run + 5, 2 * run, 2 * run - 1, run + 7, run, run - 1, 3] {
            v.truncate(len as usize);
            model.truncate(len as usize);
            check(&v, &model);
        }
        v.extend(7_000..7_000 + 2 * run);
        model.extend(7_000..7_000 + 2 * run);
        check(&v, &model);
        check(&copy, &before);
    }

    #[test]
    fn skip_and_nth_jump() {
        let v: SharedVec<u64> = (0..150).collect();
        assert_eq!(
            v.iter().skip(130).copied().collect::<Vec<_>>(),
            (130..150).collect::<Vec<_>>()
        );
        assert_eq!(v.iter().nth(149), Some(&149));
        assert_eq!(v.iter().nth(150), None);
        let mut it = v.iter();
        assert_eq!(it.nth_back(10), Some(&139));
        assert_eq!(it.nth(138), Some(&138));
        assert_eq!(it.next(), None);
        assert_eq!(it.next_back(), None);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::tests::{check, Sum};
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        Push(u64),
        /// Pushes this many items (so that runs of [`SUPER`] chunks fill and are cut).
        PushMany(u16),
        Truncate(usize),
        /// Keep a clone of the vector as it is now, to check later that it never changed.
        Keep,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            8 => any::<u64>().prop_map(Op::Push),
            1 => (0u16..3_000).prop_map(Op::PushMany),
            1 => (0usize..20_000).prop_map(Op::Truncate),
            1 => Just(Op::Keep),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Push, truncate, index, iterate as a `Vec` does; a clone taken at any point keeps
        /// what it held, whatever the original does after.
        #[test]
        fn behaves_as_a_vec(ops in proptest::collection::vec(op(), 0..600)) {
            let mut v: SharedVec<u64, Sum> = SharedVec::new();
            let mut model: Vec<u64> = Vec::new();
            let mut kept: Vec<(SharedVec<u64, Sum>, Vec<u64>)> = Vec::new();
            for op in ops {
                match op {
                    Op::Push(x) => {
                        v.push(x);
                        model.push(x);
                    }
                    Op::PushMany(n) => {
                        let from = model.len() as u64;
                        v.extend(from..from + u64::from(n));
                        model.extend(from..from + u64::from(n));
                    }
                    Op::Truncate(n) => {
                        v.truncate(n);
                        model.truncate(n);
                    }
                    Op::Keep => kept.push((v.clone(), model.clone())),
                }
                prop_assert_eq!(v.len(), model.len());
                prop_assert_eq!(v.last(), model.last());
            }
            prop_assert!(v.iter().eq(model.iter()));
            prop_assert!(v.iter().rev().eq(model.iter().rev()));
            for (i, x) in model.iter().enumerate() {
                prop_assert_eq!(v.get(i), Some(x));
            }
            prop_assert_eq!(v.get(model.len()), None);
            check(&v, &model);
            for (k, (copy, then)) in kept.iter().enumerate() {
                prop_assert!(copy.iter().eq(then.iter()));
                prop_assert_eq!(copy.len(), then.len());
                if k % 8 == 0 {
                    check(copy, then);
                }
            }
        }
    }
}
