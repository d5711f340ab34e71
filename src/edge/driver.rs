//! The browser side of time: a `setInterval` that advances the in-tab network to the wall
//! clock and asks for a redraw when something happened.

use crate::edge::channel::Outlets;
use crate::edge::clock::{now_ms, Interval};
use crate::edge::draws::DrawWorker;
use crate::edge::storage::Saver;
use crate::logic::model::Playground;
use std::cell::RefCell;
use std::rc::Rc;

/// How often the network's clock catches up with the wall clock.
pub const TICK_MS: i32 = 100;

/// Starts the clock of `model`; `redraw` runs after every step that changed something, and
/// what the model wants to tell other tabs and machines goes out through `outlets`.
/// Big draws the nodes defer go to `draws` after every step.
pub fn start(
    model: Rc<RefCell<Playground>>,
    outlets: Rc<Outlets>,
    saver: Rc<Saver>,
    draws: Rc<RefCell<DrawWorker>>,
    redraw: impl Fn() + 'static,
) -> Option<Interval> {
    Interval::new(TICK_MS, move || {
        let now = now_ms();
        let Ok(changed) = model.try_borrow_mut().map(|mut m| {
            let changed = m.advance(now);
            if let Ok(mut d) = draws.try_borrow_mut() {
                d.pump(&mut m);
            }
            changed
        }) else {
            return;
        };
        outlets.pump(&model);
        if changed {
            saver.mark_dirty();
            redraw();
        }
        if let Ok(m) = model.try_borrow() {
            saver.maybe_save(&m, now, false);
        }
    })
}
