//! "See the lottery": for one block (the newest by default) its draw on a number line with a
//! zoom, the stake table of that moment, a plain-language "why this forger" with a Python
//! check, and the forger history of the whole chain. Step with the buttons or the arrow keys,
//! or replay the chain.
//!
//! Small draws are computed here; draws above [`WORKER_THRESHOLD`] lots go to a Web Worker
//! running the same wasm core ([`worker`]), behind a progress bar.

pub mod history;
pub mod line;
pub mod worker;

use crate::components::copy_button::CopyButton;
use crate::edge::clock::{reduced_motion, Interval};
use crate::logic::i18n::Say;
use crate::logic::lottery::digest::{LotMark, LotteryDigest, WORKER_THRESHOLD};
use crate::logic::lottery::{
    offset_ratio, offset_share, python_snippet, BlockLottery, BlockSelection, SnippetInput,
    StakerLabel,
};
use crate::logic::model::Playground;
use crate::logic::words::fixed;
use crate::logic::words::{group, lots, percent};
use history::History;
use line::NumberLine;
use pos_core::Lot;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast as _;
use worker::{now, Computed, DigestCache, LotteryWorker};
use yew::prelude::*;

/// How long replay shows each block, in ms.
pub const REPLAY_STEP_MS: i32 = 1_100;

/// Bits the zoom moves per click (a factor of 4).
const ZOOM_STEP: i32 = 2;

/// The core's winner and runner-up, by staker index and `k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WinnerInfo {
    /// The winner's staker index.
    pub staker: usize,
    /// The winning lot's `k`.
    pub k: u64,
    /// The runner-up's staker index and `k`.
    pub runner_up: Option<(usize, u64)>,
}

impl WinnerInfo {
    fn of(winner: &Lot, runner_up: Option<&Lot>) -> WinnerInfo {
        WinnerInfo {
            staker: winner.staker,
            k: winner.k,
            runner_up: runner_up.map(|l| (l.staker, l.k)),
        }
    }

    /// Whether `l` is the winning lot.
    pub fn is(&self, l: &LotMark) -> bool {
        l.staker == self.staker && l.k == self.k
    }

    /// Whether `l` is the runner-up.
    pub fn is_runner_up(&self, l: &LotMark) -> bool {
        self.runner_up == Some((l.staker, l.k))
    }
}

/// Props of [`LotterySection`].
#[derive(Properties)]
pub struct LotteryProps {
    /// The playground (the view reads chains from it).
    pub model: Rc<RefCell<Playground>>,
    /// Whose chain to show.
    pub node: usize,
    /// That node's tip hash: the view updates when it changes.
    pub tip: String,
    /// Number of nodes (names and colours change with it).
    pub nodes: usize,
    /// The block the teacher shows, while this page follows the teacher (`Some(None)`: the
    /// newest).
    #[prop_or_default]
    pub led: Option<Option<u64>>,
    /// The block this section shows changed (`None`: the newest), for the teacher's lead.
    #[prop_or_default]
    pub on_block: Callback<Option<u64>>,
    /// A line for the activity feed (a block the teacher shows that this page lacks).
    #[prop_or_default]
    pub on_note: Callback<Say>,
}

impl PartialEq for LotteryProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.model, &other.model)
            && self.node == other.node
            && self.tip == other.tip
            && self.nodes == other.nodes
            && self.led == other.led
    }
}

/// What the reader chose: the block and the zoom.
#[derive(Debug, Default)]
struct Nav {
    selection: BlockSelection,
    /// Bits added to the automatic zoom window (negative: closer in).
    zoom: i32,
}

fn tip_of(model: &RefCell<Playground>, node: usize) -> Option<u64> {
    let m = model.try_borrow().ok()?;
    Some(m.node(node)?.chain().height())
}

fn stake_table(
    b: &BlockLottery,
    labels: &[StakerLabel],
    forged: &[u64],
    winner: &WinnerInfo,
) -> Html {
    let total = b.total();
    html! {
        <table class="stake-table" data-testid="lottery-stakes">
            <caption>{format!("Stakes at the draw for block #{}", b.height)}</caption>
            <thead><tr>
                <th scope="col">{"staker"}</th>
                <th scope="col" class="num">{"stake"}</th>
                <th scope="col" class="num">{"lots"}</th>
                <th scope="col" class="num" title="its share of all lots: its chance to win this draw">{"chance"}</th>
                <th scope="col" class="num" title={format!("blocks #1 to #{} it forged", b.height)}>{"forged"}</th>
            </tr></thead>
            <tbody>
            { for b.stakers.iter().enumerate().map(|(i, (_, stake))| {
                let l = &labels[i];
                let won = i == winner.staker;
                let fallback = !won && b.forged && Some(i) == b.forger_index();
                html! {
                    <tr class={classes!(won.then_some("won"), fallback.then_some("fallback"))} data-address={l.address.clone()} data-winner={won.to_string()}>
                        <th scope="row"><span class="chip" style={format!("background:{}", l.colour)}></span>{l.name.clone()}
                            if won { <span class="tag win">{ if b.forged { "★ winner" } else { "★ wins" } }</span> }
                            if fallback { <span class="tag">{format!("forged, rank {}", b.rank)}</span> }</th>
                        <td class="num">{group(*stake)}</td>
                        <td class="num" title={format!("lots k = 1 … {stake}")}>{group(*stake)}</td>
                        <td class="num">{percent(*stake, total)}</td>
                        <td class="num">{forged.get(i).copied().unwrap_or(0)}</td>
                    </tr>
                }
            }) }
            </tbody>
            <tfoot><tr><th scope="row">{"all"}</th><td class="num">{group(total)}</td><td class="num">{group(total)}</td><td class="num">{"100.00 %"}</td><td></td></tr></tfoot>
        </table>
    }
}

fn why_panel(b: &BlockLottery, labels: &[StakerLabel]) -> Html {
    let o = &b.outcome;
    let name = |i: usize| labels.get(i).map_or("?".to_string(), |l| l.name.clone());
    let w = &o.winner;
    let (wstake, total) = (b.stakers.get(w.staker).map_or(0, |s| s.1), b.total());
    let parent = b.height - 1;
    html! {
        <section class="why" aria-label="Why this forger" data-testid="lottery-why">
            <h3>{ if b.forged { format!("Why {} forged block #{}", name(w.staker), b.height) } else { format!("Why {} forges block #{} next", name(w.staker), b.height) } }</h3>
            <ol class="steps">
                <li><b>{"Seed. "}</b>{format!("The hash of the parent block #{parent}: ")}
                    <code class="hex" data-testid="why-seed">{b.seed.to_hex()}</code></li>
                <li><b>{"Reference. "}</b>{"Everyone hashes the seed: H(seed) = "}
                    <code class="hex" data-testid="why-reference">{o.reference.to_hex()}</code>
                    {". Read as a 256-bit number it is a point on the line."}</li>
                <li><b>{"Lots. "}</b>{format!("Every staked token is one lot; lot k of a staker is H applied k times to its address + seed. {} in all; {} holds {} of them ({}).",
                    lots(total), name(w.staker), group(wstake), percent(wstake, total))}</li>
                <li><b>{"Winning lot. "}</b>{format!("The lot closest to the reference is {}'s lot k = {}: ", name(w.staker), group(w.k))}
                    <code class="hex" data-testid="why-winner-hash" data-k={w.k.to_string()}>{w.hash.to_hex()}</code>
                    {", offset "}<code class="hex" data-testid="why-offset">{w.offset.to_hex()}</code>
                    {format!(" — {}.", offset_share(w.offset))}</li>
                { match &o.runner_up {
                    Some(r) => html! { <li><b>{"Runner-up. "}</b>{format!("{}'s lot k = {}: ", name(r.staker), group(r.k))}
                        <code class="hex" data-testid="why-runner-up" data-k={r.k.to_string()} data-name={name(r.staker)}>{r.hash.to_hex()}</code>
                        {format!(", {} times as far from the reference.", offset_ratio(w.offset, r.offset))}</li> },
                    None => html! { <li><b>{"Runner-up. "}</b>{"None: there is only one lot."}</li> },
                } }
                <li><b>{"Forger. "}</b>
                    { if !b.forged { format!("So {} may forge block #{} at once; anyone else must wait for a later slot — ", name(w.staker), b.height) }
                      else if b.winner_forged() { format!("So {} forged block #{} — ", name(w.staker), b.height) }
                      else { format!("{} stayed silent, so block #{} came in slot {} from the staker ranked {} (stakers are ranked by their closest lot; from slot r the staker of rank r may forge too): {} — ",
                          name(w.staker), b.height, b.slot, b.rank, b.forger_index().map_or("?".to_string(), &name)) } }
                    <code class="hex" data-testid="why-forger" data-name={name(w.staker)}>{b.forger.to_hex()}</code>
                    {". More stake means more lots, so a better chance, never a certainty."}</li>
            </ol>
        </section>
    }
}

/// Props of [`PythonPanel`].
#[derive(Properties, PartialEq)]
struct PythonProps {
    snippet: AttrValue,
}

#[function_component(PythonPanel)]
fn python_panel(p: &PythonProps) -> Html {
    let pre = use_node_ref();
    html! {
        <details class="python" open={true}>
            <summary>{"Check it yourself in Python"}</summary>
            <p class="muted">{"Paste this into Python 3 (hashlib and json only). It recomputes the reference and the winning lot by hand, then every lot, and prints the values shown above."}
                <CopyButton target={pre.clone()} text={p.snippet.clone()} testid="copy-python" /></p>
            <pre ref={pre} data-testid="lottery-python" tabindex="0" aria-label="The Python snippet">{p.snippet.clone()}</pre>
        </details>
    }
}

/// The lottery section.
#[function_component(LotterySection)]
pub fn lottery_section(p: &LotteryProps) -> Html {
    let redraw = use_force_update();
    let nav = use_mut_ref(Nav::default);
    let replaying = use_state(|| false);
    let section = use_node_ref();
    // The node shown, for the timer and key handlers (they outlive one render).
    let node_now = use_memo((), |_| Rc::new(Cell::new(0usize)));
    node_now.set(p.node);
    let cache = use_memo((), |_| Rc::new(RefCell::new(DigestCache::default())));
    let worker = {
        let cache = (*cache).clone();
        let redraw = redraw.clone();
        use_memo((), move |_| {
            LotteryWorker::new(cache, Rc::new(move || redraw.force_update()))
        })
    };

    // Replay: one block per step, from #1 to the newest, then follow new blocks again.
    {
        let nav = nav.clone();
        let model = p.model.clone();
        let node_now = (*node_now).clone();
        let redraw = redraw.clone();
        let replaying_h = replaying.clone();
        use_effect_with(*replaying, move |on| {
            let timer = if *on {
                Interval::new(REPLAY_STEP_MS, move || {
                    let Some(tip) = tip_of(&model, node_now.get()) else {
                        return;
                    };
                    let mut n = nav.borrow_mut();
                    let h = n.selection.height(tip);
                    if h >= tip {
                        n.selection = BlockSelection::Newest;
                        replaying_h.set(false);
                    } else {
                        n.selection = BlockSelection::at(h + 1, tip);
                    }
                    redraw.force_update();
                })
            } else {
                None
            };
            move || drop(timer)
        });
    }

    // Keys: ←/→ step, Home/End jump, +/− zoom; when the page or this section has the focus
    // (never while typing in a form).
    {
        let nav = nav.clone();
        let model = p.model.clone();
        let node_now = (*node_now).clone();
        let redraw = redraw.clone();
        let replaying = replaying.clone();
        let section = section.clone();
        use_effect_with((), move |_| {
            let on_key = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
                if e.alt_key() || e.ctrl_key() || e.meta_key() || e.default_prevented() {
                    return;
                }
                let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                    return;
                };
                let active = doc.active_element();
                let in_section = match (&active, section.get()) {
                    (None, _) => true,
                    (Some(a), Some(s)) => {
                        s.contains(Some(a)) || doc.body().is_some_and(|b| b.is_same_node(Some(a)))
                    }
                    (Some(a), None) => doc.body().is_some_and(|b| b.is_same_node(Some(a))),
                };
                if !in_section {
                    return;
                }
                let Some(tip) = tip_of(&model, node_now.get()) else {
                    return;
                };
                let mut n = nav.borrow_mut();
                match e.key().as_str() {
                    "ArrowLeft" => n.selection = n.selection.step(-1, tip),
                    "ArrowRight" => n.selection = n.selection.step(1, tip),
                    "Home" => n.selection = BlockSelection::at(1, tip),
                    "End" => n.selection = BlockSelection::Newest,
                    "+" | "=" => n.zoom -= ZOOM_STEP,
                    "-" | "_" => n.zoom += ZOOM_STEP,
                    _ => return,
                }
                e.prevent_default();
                replaying.set(false);
                redraw.force_update();
            });
            let doc = web_sys::window().and_then(|w| w.document());
            if let Some(d) = &doc {
                let _ =
                    d.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
            }
            move || {
                if let Some(d) = doc {
                    let _ = d.remove_event_listener_with_callback(
                        "keydown",
                        on_key.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    let m = p.model.borrow();
    let chain = m.node(p.node).map(|n| n.chain());
    let tip = chain.map_or(0, |c| c.height());
    // Following the teacher: the teacher's block, when this page holds it (or it is the
    // next draw); else it says why in the feed and keeps what it shows.
    let last_led = use_mut_ref(|| None::<Option<u64>>);
    if p.led.is_some() && p.led != *last_led.borrow() {
        *last_led.borrow_mut() = p.led;
        let mut n = nav.borrow_mut();
        match p.led.flatten() {
            None => n.selection = BlockSelection::Newest,
            Some(h) if h >= 1 && h <= tip + 1 => n.selection = BlockSelection::at(h, tip),
            Some(h) => {
                let note = p.on_note.clone();
                let line = Say::new("feed-ignored-block")
                    .with_id("height", h)
                    .with_id("tip", tip)
                    .with_id("next", tip + 1);
                wasm_bindgen_futures::spawn_local(async move { note.emit(line) });
            }
        }
        replaying.set(false);
    } else if p.led.is_none() {
        *last_led.borrow_mut() = None;
    }
    // What the teacher's page reports: the newest (None) or a fixed height.
    let shown = match nav.borrow().selection {
        BlockSelection::Newest => None,
        BlockSelection::Next => Some(tip + 1),
        BlockSelection::At(h) => Some(h),
    };
    {
        let on_block = p.on_block.clone();
        use_effect_with(shown, move |shown| on_block.emit(*shown));
    }
    let (selection, zoom_shift) = {
        let n = nav.borrow();
        (n.selection, n.zoom)
    };
    let height = selection.height(tip);
    let block = m.block_lottery(p.node, height);
    let history = use_memo((p.node, p.tip.clone(), p.nodes), |_| {
        Rc::new(
            m.forger_history(p.node)
                .unwrap_or(crate::logic::lottery::ForgerHistory {
                    forgers: Vec::new(),
                    series: Vec::new(),
                }),
        )
    });

    // The digest: from the cache, computed here when small, else asked of the worker.
    let seed = block.as_ref().map(|b| b.seed.to_hex()).unwrap_or_default();
    let total = block.as_ref().map_or(0, BlockLottery::total);
    let worker_failed = worker.borrow().failed().map(str::to_string);
    let mut computed = cache.borrow().get(&seed);
    if computed.is_none()
        && block.is_some()
        && (total <= WORKER_THRESHOLD || worker_failed.is_some())
    {
        let t0 = now();
        if let Some(trace) = chain.and_then(|c| c.trace_at(height)) {
            let c = Computed {
                digest: Rc::new(LotteryDigest::from_trace(&trace)),
                ms: now() - t0,
                in_worker: false,
            };
            cache.borrow_mut().insert(seed.clone(), c.clone());
            computed = Some(c);
        }
    }
    let needs_worker = computed.is_none() && block.is_some();
    {
        let worker = (*worker).clone();
        let stakers = block
            .as_ref()
            .map(BlockLottery::named_stakers)
            .unwrap_or_default();
        use_effect_with((seed.clone(), needs_worker), move |(seed, needs)| {
            if *needs {
                worker.borrow_mut().request(seed, stakers);
            }
        });
    }

    // Callbacks of the controls.
    let go = |f: Rc<dyn Fn(BlockSelection, u64) -> BlockSelection>| {
        let nav = nav.clone();
        let redraw = redraw.clone();
        let replaying = replaying.clone();
        let model = p.model.clone();
        let node = p.node;
        Callback::from(move |_: MouseEvent| {
            let Some(tip) = tip_of(&model, node) else {
                return;
            };
            {
                let mut n = nav.borrow_mut();
                n.selection = f(n.selection, tip);
            }
            replaying.set(false);
            redraw.force_update();
        })
    };
    let on_first = go(Rc::new(|_, tip| BlockSelection::at(1, tip)));
    let on_prev = go(Rc::new(|s, tip| s.step(-1, tip)));
    let on_next = go(Rc::new(|s, tip| s.step(1, tip)));
    let on_newest = go(Rc::new(|_, _| BlockSelection::Newest));
    let on_replay = {
        let nav = nav.clone();
        let replaying = replaying.clone();
        let redraw = redraw.clone();
        let model = p.model.clone();
        let node = p.node;
        Callback::from(move |_: MouseEvent| {
            if *replaying {
                replaying.set(false);
            } else if let Some(tip) = tip_of(&model, node) {
                nav.borrow_mut().selection = BlockSelection::at(1, tip);
                // With reduced motion the replay starts at #1 and the reader steps (Next, →).
                replaying.set(!reduced_motion());
            }
            redraw.force_update();
        })
    };
    let zoom_by = |delta: Option<i32>| {
        let nav = nav.clone();
        let redraw = redraw.clone();
        Callback::from(move |_: MouseEvent| {
            {
                let mut n = nav.borrow_mut();
                n.zoom = delta.map_or(0, |d| n.zoom + d);
            }
            redraw.force_update();
        })
    };
    let on_select_block = {
        let nav = nav.clone();
        let redraw = redraw.clone();
        let replaying = replaying.clone();
        let model = p.model.clone();
        let node = p.node;
        Callback::from(move |h: u64| {
            if let Some(tip) = tip_of(&model, node) {
                nav.borrow_mut().selection = BlockSelection::at(h, tip);
            }
            replaying.set(false);
            redraw.force_update();
        })
    };

    let still = reduced_motion();
    let Some(b) = block else {
        return html! {
            <section class="lottery" id="lottery" aria-label="Lottery" data-testid="lottery" ref={section}>
                <h2>{"The lottery"}</h2>
                <p class="muted">{"Nobody has stake yet, so there is no draw."}</p>
            </section>
        };
    };
    let labels = Rc::new(m.staker_labels(&b.stakers));
    let winner = WinnerInfo::of(&b.outcome.winner, b.outcome.runner_up.as_ref());
    let forged_by: Vec<u64> = b
        .stakers
        .iter()
        .map(|(a, _)| {
            let upto = (height as usize).min(history.forgers.len());
            history.forgers[..upto]
                .iter()
                .filter(|f| history.series[**f].address == *a)
                .count() as u64
        })
        .collect();
    let snippet = python_snippet(&SnippetInput {
        height,
        seed: b.seed.to_hex(),
        stakers: b
            .stakers
            .iter()
            .zip(labels.iter())
            .map(|((a, s), l)| (a.to_hex(), *s, l.name.clone()))
            .collect(),
        winner_staker: winner.staker,
        winner_k: winner.k,
        fallback: if b.winner_forged() {
            None
        } else {
            b.forger_index().map(|i| (i, b.rank))
        },
    });
    let winner_name = labels
        .get(winner.staker)
        .map_or("?".to_string(), |l| l.name.clone());
    let forger_name = m.name_of(&b.forger);
    let winner_colour = labels
        .get(winner.staker)
        .map_or("#888".to_string(), |l| l.colour.clone());

    let line = match &computed {
        Some(c) => {
            let limits = c.digest.zoom_limits();
            let exp = (limits.auto as i32 + zoom_shift).clamp(limits.min as i32, limits.max as i32)
                as u32;
            html! { <>
                <NumberLine digest={c.digest.clone()} stakers={labels.clone()} winner={winner} exp={exp} />
                <div class="line-tools">
                    <span class="zoom-buttons" role="group" aria-label="Zoom">
                        <button onclick={zoom_by(Some(-ZOOM_STEP))} disabled={exp <= limits.min} data-testid="zoom-in" title="Zoom in (+)">{"Zoom in +"}</button>
                        <button onclick={zoom_by(Some(ZOOM_STEP))} disabled={exp >= limits.max} data-testid="zoom-out" title="Zoom out (−)">{"Zoom out −"}</button>
                        <button onclick={zoom_by(None)} disabled={zoom_shift == 0} data-testid="zoom-auto">{"Auto"}</button>
                    </span>
                    <span class="muted" data-testid="lottery-timing">{format!("{} drawn in {} ms {}", lots(c.digest.total), fixed(c.ms.max(0.0), 0), if c.in_worker { "in a Web Worker" } else { "on the page" })}</span>
                </div>
            </> }
        }
        None => {
            let w = worker.borrow();
            let (done, all, started) = w
                .job()
                .map_or((0, total, now()), |j| (j.done, j.total, j.started));
            html! {
                <div class="computing" data-testid="lottery-progress" role="status" aria-live="polite">
                    <p><b>{format!("Drawing {} in a Web Worker…", lots(all))}</b>
                       {format!(" {} done, {} s", percent(done, all.max(1)), fixed((now() - started).max(0.0) / 1000.0, 1))}</p>
                    <progress max={all.max(1).to_string()} value={done.to_string()}></progress>
                    <p class="muted">{"The page stays responsive: the same wasm core runs in a background thread. The stake table and the explanation below are ready already."}</p>
                </div>
            }
        }
    };

    html! {
        <section class="lottery" id="lottery" aria-label="Lottery" data-testid="lottery" ref={section}
                 data-height={height.to_string()} data-forged={b.forged.to_string()}
                 data-forger={b.forger.to_hex()} data-selection={match selection {
                     BlockSelection::Newest => "newest".to_string(),
                     BlockSelection::Next => "next".to_string(),
                     BlockSelection::At(h) => h.to_string(),
                 }}>
            <header class="lottery-head">
                <div>
                    <h2>{format!("The lottery of block #{height}")}
                        <small class="muted">{format!(" — as {} sees it", Playground::name(p.node))}</small></h2>
                    <p class="verdict" data-testid="lottery-winner" data-address={b.forger.to_hex()}>
                        <span class="chip" style={format!("background:{winner_colour}")}></span>
                        { if !b.forged { html!{ <><b>{winner_name.clone()}</b>{format!(" won the draw for the next block, #{height}: not forged yet.")}</> } }
                          else if b.winner_forged() { html!{ <><b>{winner_name.clone()}</b>{format!(" won the draw and forged block #{height}.")}</> } }
                          else { html!{ <><b>{winner_name.clone()}</b>{format!(" won the draw but stayed silent; {}, ranked {}, forged block #{height} in slot {}.", forger_name, b.rank, b.slot)}</> } } }
                    </p>
                </div>
                <nav class="stepper" aria-label="Blocks">
                    <button onclick={on_first} disabled={height <= 1} data-testid="lottery-first" title="First block (Home)">{"◀◀ #1"}</button>
                    <button onclick={on_prev} disabled={height <= 1} data-testid="lottery-prev" title="Previous block (←)">{"◀ Previous"}</button>
                    <span class="where" data-testid="lottery-where">{ if b.forged { format!("block {height} of {tip}") } else { "next block".to_string() } }</span>
                    <button onclick={on_next} disabled={height > tip} data-testid="lottery-next" title="Next block (→)">{"Next ▶"}</button>
                    <button onclick={on_newest} disabled={selection == BlockSelection::Newest || tip == 0} data-testid="lottery-newest" title="Newest block (End)">{"Newest ▶▶"}</button>
                    <button onclick={on_replay} disabled={tip < 2 && !*replaying} data-testid="lottery-replay" aria-pressed={replaying.to_string()}
                            title={if still { "Reduced motion: the replay starts at block #1 and you step with Next (→)" } else { "Every block in turn, from #1 to the newest" }}>
                        { if *replaying { "■ Stop" } else if still { "▶ Replay from #1" } else { "▶ Replay the chain" } }</button>
                </nav>
            </header>
            if let Some(why) = &worker_failed {
                <p class="notice" role="alert">{format!("The lottery worker is unavailable: {why}. Big draws are computed on the page, which pauses while it draws.")}</p>
            }
            <div class="lottery-main">
                <div class="line-box">{line}</div>
                <aside class="stakes-box">
                    { stake_table(&b, &labels, &forged_by, &winner) }
                    <p class="muted small">{"Each token staked is one lot, so a staker's chance is its share of all lots. The colours follow the node cards; the numbers on the marks are the nodes'."}</p>
                </aside>
            </div>
            <div class="lottery-lower">
                { why_panel(&b, &labels) }
                <History history={(*history).clone()} selected={height.min(tip.max(1))} on_select={on_select_block} />
            </div>
            <PythonPanel snippet={snippet} />
            <p class="keys muted">{"Keys: ← → step through blocks, Home / End jump to the first / newest, + / − zoom."}</p>
        </section>
    }
}
