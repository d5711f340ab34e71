//! Chain time: the clock this tab's nodes run on.
//!
//! The nodes are sans-IO: every input comes with the time, and slots
//! ([`pos_core::chain::SLOT_MS`] each), the winner's wait before forging and the in-tab links'
//! latency are all counted in that time. Alone, chain time is the wall clock. In a class the
//! server runs the class clock: it says where the class's chain time is and how fast it runs
//! (×0.25 to ×4), and each page counts on from the moment it heard it. At ×0.25 a 4-second
//! slot lasts 16 s on the wall and a block crosses an in-tab link four times as slowly, while
//! the chain's rules stay the same on every page: every node of the class reads one clock.
//!
//! Chain time never goes back: when the server's word puts it behind what this tab has already
//! shown its nodes, it holds until the server's clock has caught up.

use crate::logic::class::{MAX_SPEED, MIN_SPEED, NORMAL_SPEED};

/// Maps wall-clock milliseconds to chain-time milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChainClock {
    /// The wall-clock moment of the last setting (ms).
    wall: u64,
    /// Chain time at that moment (ms).
    chain: u64,
    /// Speed in quarters of the wall clock's (4: as fast).
    quarters: u8,
    /// The latest chain time given out: the clock never goes below it.
    last: u64,
    /// The latest wall-clock time read (ms; 0 before the first).
    seen: u64,
    /// Stopped by this tab's own pause (issue 29's timeline): chain time holds at `last`.
    paused: bool,
}

impl Default for ChainClock {
    /// The wall clock itself.
    fn default() -> Self {
        ChainClock {
            wall: 0,
            chain: 0,
            quarters: NORMAL_SPEED,
            last: 0,
            seen: 0,
            paused: false,
        }
    }
}

impl ChainClock {
    /// Chain time at wall-clock `wall` (ms), without moving the clock.
    pub fn peek(&self, wall: u64) -> u64 {
        if self.paused {
            return self.last;
        }
        let elapsed = wall.saturating_sub(self.wall);
        let ran = elapsed.saturating_mul(u64::from(self.quarters)) / u64::from(NORMAL_SPEED);
        self.chain.saturating_add(ran).max(self.last)
    }

    /// Chain time at wall-clock `wall` (ms); later calls never get an earlier time.
    pub fn at(&mut self, wall: u64) -> u64 {
        self.seen = self.seen.max(wall);
        self.last = self.peek(wall);
        self.last
    }

    /// From wall-clock `wall` on, chain time counts on from `chain` at `quarters` (clamped to
    /// ×0.25 … ×4). A `chain` behind the time already given out holds the clock there until
    /// it has caught up.
    pub fn set(&mut self, wall: u64, chain: u64, quarters: u8) {
        self.at(wall);
        self.wall = wall;
        self.chain = chain;
        self.quarters = quarters.clamp(MIN_SPEED, MAX_SPEED);
    }

    /// From wall-clock `wall` on, the clock runs at `quarters`, going on from where it is.
    pub fn set_speed(&mut self, wall: u64, quarters: u8) {
        let chain = self.at(wall);
        self.set(wall, chain, quarters);
    }

    /// The latest wall-clock time this clock was read at, if any (ms): what the activity feed
    /// shows, since chain time runs slower or faster than the clock on the classroom's wall.
    pub fn wall_seen(&self) -> Option<u64> {
        (self.seen > 0).then_some(self.seen)
    }

    /// Stops chain time where it is at wall-clock `wall`, until [`ChainClock::resume`].
    pub fn pause(&mut self, wall: u64) {
        self.at(wall);
        self.paused = true;
    }

    /// Whether this tab's own pause holds chain time.
    pub fn paused(&self) -> bool {
        self.paused
    }

    /// From wall-clock `wall` on, chain time counts on from `chain` at `quarters` (clamped),
    /// even if that is behind the time already given out: the tab went back in its history
    /// and goes on from there, or goes on after a pause from where it stopped.
    pub fn resume(&mut self, wall: u64, chain: u64, quarters: u8) {
        self.seen = self.seen.max(wall);
        self.wall = wall;
        self.chain = chain;
        self.last = chain;
        self.quarters = quarters.clamp(MIN_SPEED, MAX_SPEED);
        self.paused = false;
    }

    /// While paused: the network was stepped on to `chain`, and the clock holds there.
    pub fn hold_at(&mut self, chain: u64) {
        self.last = self.last.max(chain);
    }

    /// The latest chain time given out.
    pub fn last(&self) -> u64 {
        self.last
    }

    /// The speed in quarters (4: as fast as the wall clock).
    pub fn quarters(&self) -> u8 {
        self.quarters
    }
}

/// How long a slot lasts on the wall at `quarters` (ms).
pub fn slot_on_the_wall_ms(quarters: u8) -> u64 {
    pos_core::chain::SLOT_MS * u64::from(NORMAL_SPEED) / u64::from(quarters.max(MIN_SPEED))
}

/// How long a slot lasts on the wall at `quarters`, in words: "16 s", "5.3 s", "1 s"
/// (`time-seconds`, its decimal the language's).
pub fn slot_words(quarters: u8) -> crate::logic::i18n::Say {
    let ms = slot_on_the_wall_ms(quarters);
    let seconds = match (ms % 1_000) / 100 {
        0 => format!("{}", ms / 1_000),
        tenths => format!("{}.{tenths}", ms / 1_000),
    };
    crate::logic::i18n::Say::new("time-seconds")
        .with("seconds", crate::logic::i18n::Arg::Decimal(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alone_it_is_the_wall_clock() {
        let mut c = ChainClock::default();
        assert_eq!(c.at(1_700_000_000_000), 1_700_000_000_000);
        assert_eq!(c.at(1_700_000_004_000), 1_700_000_004_000);
    }

    #[test]
    fn a_quarter_speed_makes_a_slot_last_four_times_as_long() {
        let mut c = ChainClock::default();
        c.set_speed(10_000, 1);
        assert_eq!(c.at(10_000), 10_000);
        assert_eq!(c.at(26_000), 14_000, "16 s on the wall are one 4 s slot");
        assert_eq!(slot_on_the_wall_ms(1), 16_000);
        c.set_speed(26_000, 16);
        assert_eq!(c.at(27_000), 18_000, "×4 from where it was: no jump");
        assert_eq!(slot_on_the_wall_ms(16), 1_000);
        let seconds = |q| slot_words(q).arg("seconds").cloned();
        let decimal = |d: &str| Some(crate::logic::i18n::Arg::Decimal(d.into()));
        assert_eq!(seconds(1), decimal("16"));
        assert_eq!(seconds(3), decimal("5.3"));
        assert_eq!(seconds(4), decimal("4"));
        assert_eq!(seconds(10), decimal("1.6"));
    }

    #[test]
    fn the_server_word_never_takes_it_back() {
        let mut c = ChainClock::default();
        assert_eq!(c.at(50_000), 50_000);
        // The server's clock is 2 s behind this page's: chain time holds, then goes on.
        c.set(50_000, 48_000, NORMAL_SPEED);
        assert_eq!(c.at(51_000), 50_000);
        assert_eq!(c.at(52_000), 50_000);
        assert_eq!(c.at(53_000), 51_000);
        // Ahead: it jumps forward to the class's time.
        c.set(53_000, 60_000, NORMAL_SPEED);
        assert_eq!(c.at(53_500), 60_500);
    }

    #[test]
    fn a_pause_holds_chain_time_and_resume_goes_on_from_there() {
        let mut c = ChainClock::default();
        assert_eq!(c.at(10_000), 10_000);
        c.pause(11_000);
        assert_eq!(c.at(20_000), 11_000);
        c.hold_at(11_500);
        assert_eq!(c.at(21_000), 11_500, "a step moved it on");
        c.resume(30_000, c.last(), 2);
        assert_eq!(c.at(32_000), 12_500, "half speed from where it stopped");
        c.resume(33_000, 5_000, NORMAL_SPEED);
        assert_eq!(
            c.at(34_000),
            6_000,
            "back in history: it goes on from there"
        );
    }

    #[test]
    fn speeds_out_of_range_are_clamped() {
        let mut c = ChainClock::default();
        c.set(0, 0, 0);
        assert_eq!(c.quarters(), MIN_SPEED);
        c.set(0, 0, 200);
        assert_eq!(c.quarters(), MAX_SPEED);
    }
}
