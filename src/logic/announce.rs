//! What the page's polite live region says to a screen reader (`components/live.rs`): the
//! blocks forged and by whom, the draw's winner for the next block, branch switches and
//! refusals, taken from the lines of the activity feed. A busy network forges and refuses
//! faster than anyone can listen, so the region speaks at most once every [`QUIET_MS`], and
//! what came in between is summed up ("3 blocks forged; the newest: …"). What the region says
//! is decided here, as words of `page.ftl` ([`Say`]); the component writes them in the page's
//! language.

use crate::logic::i18n::Say;
use crate::logic::model::Activity;

/// The least time between two announcements, in ms.
pub const QUIET_MS: u64 = 5_000;

/// The draw's winner for the next block: its name and the block's height.
pub type NextForger = (Say, u64);

/// What the live region has heard and not said yet, and when it last spoke.
#[derive(Debug, Default)]
pub struct Announcer {
    /// Feed lines heard so far ([`crate::logic::model::Playground::logged`]); none before the
    /// first [`Announcer::hear`], which takes the feed as it stands without reading it out.
    heard: Option<u64>,
    blocks: Vec<Say>,
    branches: Vec<Say>,
    refusals: Vec<Say>,
    /// The next draw's winner as last said, and as it is now.
    said_next: Option<NextForger>,
    next: Option<NextForger>,
    /// When the region last spoke (ms).
    spoke: Option<u64>,
}

/// "{n} {what}; the newest: {line}." (`several`, given `count` and `line`) for several lines,
/// the line itself for one (`announce-line`).
fn summed(lines: &[Say], several: &'static str) -> Option<Say> {
    match lines {
        [] => None,
        [one] => Some(Say::new("announce-line").with("line", one.clone())),
        [.., newest] => Some(
            Say::new(several)
                .with("count", lines.len())
                .with("line", newest.clone()),
        ),
    }
}

impl Announcer {
    /// An announcer that has heard nothing yet.
    pub fn new() -> Announcer {
        Announcer::default()
    }

    /// Takes the feed's new lines: `logged` is how many lines the feed has had, `feed` its
    /// lines newest first, `next` the draw's winner for the next block. The first call only
    /// marks where the feed stands (a page that opens does not read out its history).
    pub fn hear<'a>(
        &mut self,
        logged: u64,
        feed: impl IntoIterator<Item = &'a Activity>,
        next: Option<NextForger>,
    ) {
        let Some(heard) = self.heard else {
            self.heard = Some(logged);
            self.said_next = next.clone();
            self.next = next;
            return;
        };
        let new = usize::try_from(logged.saturating_sub(heard)).unwrap_or(usize::MAX);
        let mut lines: Vec<&Activity> = feed.into_iter().take(new).collect();
        lines.reverse();
        for a in lines {
            let into = match a.kind {
                "block" => &mut self.blocks,
                "reorg" => &mut self.branches,
                "reject" => &mut self.refusals,
                _ => continue,
            };
            into.push(a.text.clone());
        }
        self.heard = Some(logged.max(heard));
        self.next = next;
    }

    /// What to say at `now`, if anything was heard and the region has been quiet for
    /// [`QUIET_MS`]: blocks first, then the next draw's winner, branch switches and refusals,
    /// one sentence each.
    pub fn speak(&mut self, now: u64) -> Option<Vec<Say>> {
        if self.spoke.is_some_and(|t| now < t.saturating_add(QUIET_MS)) {
            return None;
        }
        let next = (self.next != self.said_next)
            .then_some(self.next.as_ref())
            .flatten()
            .map(|(name, height)| {
                Say::new("announce-next")
                    .with("name", name.clone())
                    .with_id("height", *height)
            });
        let parts: Vec<Say> = [
            summed(&self.blocks, "announce-blocks"),
            next,
            summed(&self.branches, "announce-branches"),
            summed(&self.refusals, "announce-refusals"),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            return None;
        }
        self.blocks.clear();
        self.branches.clear();
        self.refusals.clear();
        self.said_next = self.next.clone();
        self.spoke = Some(now);
        Some(parts)
    }
}
