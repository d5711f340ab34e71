//! Time passing. On each [`crate::node::Input::Tick`] the node sends its heartbeat (height and
//! tip) and now and then re-broadcasts its pool, so that transactions lost on a lossy link
//! still reach the forger; it forgets what has expired in every table a peer can grow (silent
//! peers, strikes and bans, page windows, purchase requests, parked transactions, a chain
//! request that went unanswered); and it says when it wants to be woken next.

use super::{Behaviour, Event, Node, Output, PeerId, PARKED_MS, SYNC_WINDOW_MS, TAMPER_LEAD};
use crate::message::Message;

impl Node {
    pub(super) fn tick(&mut self, now: u64, out: &mut Vec<Output>) {
        if now >= self.next_heartbeat {
            self.next_heartbeat = now + self.config.heartbeat_ms;
            let height = match self.behaviour {
                Behaviour::DoubleSpend => None,
                Behaviour::TamperedChain => Some(self.chain().height() + TAMPER_LEAD),
                _ => Some(self.chain().height()),
            };
            if let Some(height) = height {
                let tip = self.chain().tip_hash();
                self.broadcast(Message::Status { height, tip }, out);
            }
        }
        if now >= self.next_rebroadcast {
            self.next_rebroadcast = now + self.config.rebroadcast_ms;
            for tx in self.pool.take(64) {
                self.relay(Message::Transaction { tx }, out);
            }
        }
        let timeout = self.config.peer_timeout_ms;
        let lost: Vec<PeerId> = self
            .peers
            .iter()
            .filter(|(_, p)| p.last_seen + timeout < now)
            .map(|(id, _)| id.clone())
            .collect();
        for peer in lost {
            self.peers.remove(&peer);
            out.push(Output::Event(Event::PeerLost { peer }));
        }
        self.expire_scores(now);
        self.served
            .retain(|_, (start, _)| start.saturating_add(SYNC_WINDOW_MS) > now);
        self.expire_buys(now);
        self.parked
            .retain(|_, p| p.2.saturating_add(PARKED_MS) > now);
        if self
            .sync
            .as_ref()
            .is_some_and(|(_, deadline)| *deadline <= now)
        {
            self.sync = None;
        }
    }

    pub(super) fn next_wakeup(&self, now: u64) -> u64 {
        let mut at = self.next_heartbeat.min(self.next_rebroadcast);
        if let Some(f) = self.forge_at {
            at = at.min(f);
        }
        if let Some((_, deadline)) = &self.sync {
            at = at.min(*deadline);
        }
        at.max(now + 1)
    }
}
