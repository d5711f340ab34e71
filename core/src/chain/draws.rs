//! The draw for a block. A draw is a pure function of the staker table after the parent and
//! the parent's hash (its seed), and costs one hash per staked token. Small draws are computed
//! at once; big ones are remembered per thread (a few, newest first), so that the nodes of one
//! process that validate the same block draw it once. A chain may leave big draws it does not
//! remember to its driver ([`Chain::set_defer_draws_from`]): the draw is then pending until
//! the driver computes it ([`compute_draw`] for a [`DrawRequest`]) and hands it back
//! ([`remember_draw`]).

#[cfg(doc)]
use super::BlockError;
use super::Chain;
use crate::hash::Hash;
use crate::lottery::{self, Ranking};
use crate::wallet::Address;
use serde::{Deserialize, Serialize};

/// Draws with at least this many lots are remembered (see [`rank_on`]).
const MEMO_MIN_LOTS: u64 = 2_000;

/// How many big (or delivered) draws are remembered per thread.
const MEMO_SIZE: usize = 16;

type DrawKey = (Hash, Vec<(Address, u64)>);

thread_local! {
    /// Recent big draws, newest first. A draw is a pure function of its stakers and seed, so
    /// remembering one changes no result; it saves the time when several nodes of one process
    /// (the in-tab nodes of a page, a simulation) validate the same block: at a million lots
    /// one draw costs a fraction of a second.
    static MEMO: std::cell::RefCell<std::collections::VecDeque<(DrawKey, Option<Ranking>)>> =
        const { std::cell::RefCell::new(std::collections::VecDeque::new()) };
}

/// A thread's memo of big draws, taken out of the thread: a driver that must behave the same
/// whatever else its thread ran before (a [`crate::sim::SimNet`] whose history is replayed)
/// keeps its own and lends it to the thread while its nodes run ([`DrawMemo::lend`]). A
/// deferring node's choice between drawing at once and asking its driver reads the memo, so
/// with a memo of its own a network's run is a function of its inputs alone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DrawMemo(std::collections::VecDeque<(DrawKey, Option<Ranking>)>);

thread_local! {
    /// How deep this thread is in [`DrawMemo::lend`] (only the outermost lends).
    static LENT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

impl DrawMemo {
    /// Runs `f` with this memo as the thread's, and keeps what `f` left in it; the thread's
    /// own memo is put back afterwards. Inside another `lend` it only runs `f`.
    pub fn lend<T>(memo: &mut DrawMemo, f: impl FnOnce() -> T) -> T {
        if LENT.with(|d| d.get()) > 0 {
            return f();
        }
        let mine = std::mem::take(&mut memo.0);
        let thread = MEMO.with(|m| std::mem::replace(&mut *m.borrow_mut(), mine));
        LENT.with(|d| d.set(1));
        let out = f();
        LENT.with(|d| d.set(0));
        memo.0 = MEMO.with(|m| std::mem::replace(&mut *m.borrow_mut(), thread));
        out
    }
}

/// A draw a node asks its driver for ([`crate::node::Output::Draw`]): the ranking of
/// `stakers` seeded by `seed`, computed as [`compute_draw`] does.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DrawRequest {
    /// The seed: the hash of the block the draw is on.
    pub seed: Hash,
    /// The staker table after that block, in draw order.
    pub stakers: Vec<(Address, u64)>,
}

impl DrawRequest {
    /// How many lots the draw walks (one hash each).
    pub fn lots(&self) -> u64 {
        draw_key_lots(&self.stakers)
    }
}

/// How many lots a draw on these stakers walks: their total stake.
pub fn draw_key_lots(stakers: &[(Address, u64)]) -> u64 {
    stakers.iter().fold(0u64, |n, (_, s)| n.saturating_add(*s))
}

/// The draw a driver computes for a [`DrawRequest`]: [`lottery::rank`] on the stakers' hex
/// addresses and the seed's hex, the very computation a node does when it does not defer.
/// O(total stake) hashes, never remembered: see [`remember_draw`].
pub fn compute_draw(stakers: &[(Address, u64)], seed: &Hash) -> Option<Ranking> {
    let named: Vec<(String, u64)> = stakers.iter().map(|(a, s)| (a.to_hex(), *s)).collect();
    lottery::rank(&named, &seed.to_hex())
}

/// Remembers a draw in this thread's memo, so that every node of the thread finds it without
/// computing or asking for it (the memo keeps the newest few). The memo trusts its caller:
/// `ranking` must be [`compute_draw`]`(stakers, seed)`, as a driver's answer to a
/// [`DrawRequest`] is.
pub fn remember_draw(stakers: &[(Address, u64)], seed: &Hash, ranking: Option<Ranking>) {
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        m.retain(|((h, st), _)| !(h == seed && st.as_slice() == stakers));
        m.push_front(((*seed, stakers.to_vec()), ranking));
        m.truncate(MEMO_SIZE);
    });
}

/// How many small draws (under [`MEMO_MIN_LOTS`]) are remembered per thread.
const SMALL_SIZE: usize = 8;

thread_local! {
    /// Recent small draws, newest first: the nodes of one process that take the same block
    /// (four in a tab, again in every replay of its history) draw the next block once.
    /// Apart from [`MEMO`]: nothing reads it but [`small_draw`], so it decides nothing, not
    /// even whether a draw is deferred; a draw is a pure function of its stakers and seed,
    /// so remembering one changes no result, only its time.
    static SMALL: std::cell::RefCell<std::collections::VecDeque<(DrawKey, Option<Ranking>)>> =
        const { std::cell::RefCell::new(std::collections::VecDeque::new()) };
}

/// A small draw, from this thread's memo of them or computed (and remembered).
fn small_draw(stakers: &[(Address, u64)], seed: &Hash) -> Option<Ranking> {
    if let Some(r) = SMALL.with(|m| find(&m.borrow(), stakers, seed)) {
        return r;
    }
    let r = compute_draw(stakers, seed);
    SMALL.with(|m| {
        let mut m = m.borrow_mut();
        m.push_front(((*seed, stakers.to_vec()), r.clone()));
        m.truncate(SMALL_SIZE);
    });
    r
}

/// The remembered draw on these stakers and seed, if any.
pub(crate) fn recall(stakers: &[(Address, u64)], seed: &Hash) -> Option<Option<Ranking>> {
    MEMO.with(|m| find(&m.borrow(), stakers, seed))
}

/// The draw on these stakers and seed in a memo, if it holds it.
fn find(
    memo: &std::collections::VecDeque<(DrawKey, Option<Ranking>)>,
    stakers: &[(Address, u64)],
    seed: &Hash,
) -> Option<Option<Ranking>> {
    memo.iter()
        .find(|((h, st), _)| h == seed && st.as_slice() == stakers)
        .map(|(_, r)| r.clone())
}

/// Whether a draw of this many lots is left to the driver under `defer_draws_from`.
fn deferred(lots: u64, defer_draws_from: Option<u64>) -> bool {
    defer_draws_from.is_some_and(|n| lots >= n)
}

/// Whether a node can have the draw on these stakers and seed at once: it is small enough to
/// compute, or remembered.
pub(crate) fn draw_ready(
    stakers: &[(Address, u64)],
    seed: &Hash,
    defer_draws_from: Option<u64>,
) -> bool {
    !deferred(draw_key_lots(stakers), defer_draws_from)
        || MEMO.with(|m| {
            m.borrow()
                .iter()
                .any(|((h, st), _)| h == seed && st.as_slice() == stakers)
        })
}

/// A draw, or the news that it is the driver's to compute.
// Lives only until it is stored.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Drawn {
    /// The ranking (`None`: nobody has stake).
    Ready(Option<Ranking>),
    /// Deferred and not remembered: the driver must deliver it.
    Pending,
}

/// [`rank_on`], except that a draw of at least `defer_draws_from` lots that is not remembered
/// is not computed but [`Drawn::Pending`]. With `None` it is exactly [`rank_on`].
pub(crate) fn draw_on(
    stakers: &[(Address, u64)],
    seed: &Hash,
    defer_draws_from: Option<u64>,
) -> Drawn {
    if !deferred(draw_key_lots(stakers), defer_draws_from) {
        return Drawn::Ready(rank_on(stakers, seed));
    }
    match recall(stakers, seed) {
        Some(r) => Drawn::Ready(r),
        None => Drawn::Pending,
    }
}

/// The ranking for the block after a tip with hash `seed` and these stakers.
pub(crate) fn rank_on(stakers: &[(Address, u64)], seed: &Hash) -> Option<Ranking> {
    if draw_key_lots(stakers) < MEMO_MIN_LOTS {
        return small_draw(stakers, seed);
    }
    if let Some(r) = recall(stakers, seed) {
        return r;
    }
    let r = compute_draw(stakers, seed);
    remember_draw(stakers, seed, r.clone());
    r
}

impl Chain {
    /// From now on, draws for the next block of at least `n` lots that this thread does not
    /// remember are left to the driver (`None`, the default: every draw is computed at once).
    /// While such a draw is pending, [`Chain::next_draw`], [`Chain::next_ranking`],
    /// [`Chain::next_forger`], [`Chain::next_forger_at`], [`Chain::next_rank_of`],
    /// [`Chain::next_slot_time`] and [`Chain::ranking_at`] for the next block answer `None`,
    /// and a block on the tip is refused with [`BlockError::DrawPending`] (nothing changes).
    /// A node sets this from [`crate::node::NodeConfig::defer_draws_from`].
    pub fn set_defer_draws_from(&mut self, n: Option<u64>) {
        self.defer_draws_from = n;
    }

    /// See [`Chain::set_defer_draws_from`].
    pub fn defer_draws_from(&self) -> Option<u64> {
        self.defer_draws_from
    }

    /// Whether the draw for the next block is deferred and not delivered yet.
    pub fn draw_pending(&self) -> bool {
        self.next_pending
    }

    /// The draw for the next block while it is pending.
    pub fn pending_draw(&self) -> Option<DrawRequest> {
        self.next_pending.then(|| DrawRequest {
            seed: self.tip_hash(),
            stakers: self.accounts.stakers().to_vec(),
        })
    }

    /// Draws the next block's ranking, or leaves it pending (see
    /// [`Chain::set_defer_draws_from`]).
    pub(super) fn refresh_next(&mut self) {
        match draw_on(
            self.accounts.stakers(),
            &self.tip_hash(),
            self.defer_draws_from,
        ) {
            Drawn::Ready(r) => {
                self.next = r;
                self.next_pending = false;
            }
            Drawn::Pending => {
                self.next = None;
                self.next_pending = true;
            }
        }
    }

    /// Completes a pending next draw from this thread's memo (or by computing it, when it is
    /// no longer deferred). Returns whether the draw is now known.
    pub(crate) fn resolve_next(&mut self) -> bool {
        if self.next_pending {
            self.refresh_next();
        }
        !self.next_pending
    }

    /// Completes a pending next draw with a delivered ranking when it is that draw. Returns
    /// whether it was.
    pub(crate) fn fill_next(
        &mut self,
        seed: &Hash,
        stakers: &[(Address, u64)],
        ranking: &Option<Ranking>,
    ) -> bool {
        if !self.next_pending || *seed != self.tip_hash() || stakers != self.accounts.stakers() {
            return false;
        }
        self.next = ranking.clone();
        self.next_pending = false;
        true
    }
}

#[cfg(test)]
mod memo_tests {
    use super::*;

    #[test]
    fn a_remembered_draw_is_the_draw() {
        let stakers: Vec<(Address, u64)> = (0..3u8).map(|i| (Address([i; 32]), 1_500)).collect();
        let seed = Hash::of(b"memo");
        let named: Vec<(String, u64)> = stakers.iter().map(|(a, s)| (a.to_hex(), *s)).collect();
        let fresh = lottery::rank(&named, &seed.to_hex());
        assert_eq!(rank_on(&stakers, &seed), fresh);
        assert_eq!(rank_on(&stakers, &seed), fresh, "second call, from memory");
        let mut other = stakers.clone();
        other[2].1 += 1;
        let named: Vec<(String, u64)> = other.iter().map(|(a, s)| (a.to_hex(), *s)).collect();
        assert_eq!(
            rank_on(&other, &seed),
            lottery::rank(&named, &seed.to_hex()),
            "other stakes, other draw"
        );
    }

    #[test]
    fn a_small_draw_remembered_is_the_draw_and_decides_no_deferral() {
        let stakers: Vec<(Address, u64)> = (0..3u8).map(|i| (Address([i; 32]), 7)).collect();
        let seed = Hash::of(b"small");
        let fresh = compute_draw(&stakers, &seed);
        assert_eq!(rank_on(&stakers, &seed), fresh);
        assert_eq!(rank_on(&stakers, &seed), fresh, "second call, from memory");
        let mut other = stakers.clone();
        other[0].1 -= 1;
        assert_eq!(rank_on(&other, &seed), compute_draw(&other, &seed));
        assert_eq!(
            rank_on(&stakers, &Hash::of(b"another seed")),
            compute_draw(&stakers, &Hash::of(b"another seed"))
        );
        // Remembered as small, it is still pending where draws of its size are deferred.
        assert!(!draw_ready(&stakers, &seed, Some(21)));
        assert!(matches!(draw_on(&stakers, &seed, Some(21)), Drawn::Pending));
    }

    #[test]
    fn a_deferred_draw_is_pending_until_remembered() {
        let stakers: Vec<(Address, u64)> = (0..3u8).map(|i| (Address([i; 32]), 5)).collect();
        let seed = Hash::of(b"deferred");
        assert!(matches!(draw_on(&stakers, &seed, Some(15)), Drawn::Pending));
        assert!(!draw_ready(&stakers, &seed, Some(15)));
        assert!(draw_ready(&stakers, &seed, Some(16)), "below the threshold");
        let fresh = compute_draw(&stakers, &seed);
        assert!(matches!(draw_on(&stakers, &seed, None), Drawn::Ready(r) if r == fresh));
        remember_draw(&stakers, &seed, fresh.clone());
        assert!(matches!(draw_on(&stakers, &seed, Some(0)), Drawn::Ready(r) if r == fresh));
        for i in 0..2 * MEMO_SIZE as u64 {
            remember_draw(&stakers, &Hash::of(&i.to_le_bytes()), None);
        }
        assert_eq!(MEMO.with(|m| m.borrow().len()), MEMO_SIZE, "bounded");
        assert!(
            !draw_ready(&stakers, &seed, Some(0)),
            "the oldest is forgotten"
        );
    }
}
