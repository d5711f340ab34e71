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

use super::{lots, percent};
use crate::components::copy_button::CopyButton;
use crate::edge::clock::{reduced_motion, Interval};
use crate::logic::i18n::Say;
use crate::logic::i18n::{Arg, Texts};
use crate::logic::lottery::digest::{LotMark, LotteryDigest, WORKER_THRESHOLD};
use crate::logic::lottery::{
    offset_ratio, offset_share, python_snippet, BlockLottery, BlockSelection, SnippetInput,
    StakerLabel,
};
use crate::logic::model::Playground;
use crate::logic::words::fixed;
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
    t: &Texts,
    b: &BlockLottery,
    labels: &[StakerLabel],
    forged: &[u64],
    winner: &WinnerInfo,
) -> Html {
    let total = b.total();
    let height = b.height.to_string();
    html! {
        <table class="stake-table" data-testid="lottery-stakes" tabindex="0">
            <caption>{t.format("stakes-caption", &[("height", height.clone().into())])}</caption>
            <thead><tr>
                <th scope="col">{t.get("stakes-staker")}</th>
                <th scope="col" class="num">{t.get("stakes-stake")}</th>
                <th scope="col" class="num">{t.get("stakes-lots")}</th>
                <th scope="col" class="num" title={t.get("stakes-chance.title")}>{t.get("stakes-chance")}</th>
                <th scope="col" class="num" title={t.format("stakes-forged-title", &[("height", height.into())])}>{t.get("stakes-forged")}</th>
            </tr></thead>
            <tbody>
            { for b.stakers.iter().enumerate().map(|(i, (_, stake))| {
                let l = &labels[i];
                let won = i == winner.staker;
                let fallback = !won && b.forged && Some(i) == b.forger_index();
                html! {
                    <tr class={classes!(won.then_some("won"), fallback.then_some("fallback"))} data-address={l.address.clone()} data-winner={won.to_string()}>
                        <th scope="row"><span class="chip" style={format!("background:{}", l.colour)}></span>{l.name.clone()}
                            if won { <span class="tag win">{ t.get(if b.forged { "stakes-winner" } else { "stakes-wins" }) }</span> }
                            if fallback { <span class="tag">{t.format("stakes-fallback", &[("rank", b.rank.into())])}</span> }</th>
                        <td class="num">{t.number(*stake)}</td>
                        <td class="num" title={t.format("stakes-lots-title", &[("stake", (*stake).into())])}>{t.number(*stake)}</td>
                        <td class="num">{percent(t, *stake, total)}</td>
                        <td class="num">{t.number(forged.get(i).copied().unwrap_or(0))}</td>
                    </tr>
                }
            }) }
            </tbody>
            <tfoot><tr><th scope="row">{t.get("stakes-all")}</th><td class="num">{t.number(total)}</td><td class="num">{t.number(total)}</td><td class="num">{percent(t, 1, 1)}</td><td></td></tr></tfoot>
        </table>
    }
}

fn why_panel(t: &Texts, b: &BlockLottery, labels: &[StakerLabel]) -> Html {
    let o = &b.outcome;
    let name = |i: usize| labels.get(i).map_or("?".to_string(), |l| l.name.clone());
    let w = &o.winner;
    let (wstake, total) = (b.stakers.get(w.staker).map_or(0, |s| s.1), b.total());
    let parent = b.height - 1;
    let height = || Arg::from(b.height.to_string());
    let winner = || Arg::from(name(w.staker));
    html! {
        <section class="why" aria-label={t.get("why")} data-testid="lottery-why">
            <h3>{ t.format(if b.forged { "why-title-forged" } else { "why-title-next" }, &[("winner", winner()), ("height", height())]) }</h3>
            <ol class="steps">
                <li><b>{t.get("why-seed")}</b>{t.format("why-seed-text", &[("parent", parent.to_string().into())])}
                    <code class="hex" data-testid="why-seed">{b.seed.to_hex()}</code></li>
                <li><b>{t.get("why-reference")}</b>{t.get("why-reference-text")}
                    <code class="hex" data-testid="why-reference">{o.reference.to_hex()}</code>
                    {t.get("why-reference-point")}</li>
                <li><b>{t.get("why-lots")}</b>{t.format("why-lots-text", &[("lots", lots(t, total).into()), ("winner", winner()), ("stake", wstake.into()), ("share", percent(t, wstake, total).into())])}</li>
                <li><b>{t.get("why-winning")}</b>{t.format("why-winning-text", &[("winner", winner()), ("k", w.k.into())])}
                    <code class="hex" data-testid="why-winner-hash" data-k={w.k.to_string()}>{w.hash.to_hex()}</code>
                    {t.get("why-offset")}<code class="hex" data-testid="why-offset">{w.offset.to_hex()}</code>
                    {t.format("why-offset-share", &[("offset", offset_share(w.offset).into())])}</li>
                { match &o.runner_up {
                    Some(r) => html! { <li><b>{t.get("why-runner-up")}</b>{t.format("why-runner-up-text", &[("name", name(r.staker).into()), ("k", r.k.into())])}
                        <code class="hex" data-testid="why-runner-up" data-k={r.k.to_string()} data-name={name(r.staker)}>{r.hash.to_hex()}</code>
                        {t.format("why-runner-up-ratio", &[("ratio", offset_ratio(w.offset, r.offset))])}</li> },
                    None => html! { <li><b>{t.get("why-runner-up")}</b>{t.get("why-runner-up-none")}</li> },
                } }
                <li><b>{t.get("why-forger")}</b>
                    { if !b.forged { t.format("why-forger-next", &[("winner", winner()), ("height", height())]) }
                      else if b.winner_forged() { t.format("why-forger-forged", &[("winner", winner()), ("height", height())]) }
                      else { t.format("why-forger-silent", &[("winner", winner()), ("height", height()), ("slot", b.slot.into()), ("rank", b.rank.into()),
                          ("forger", b.forger_index().map_or("?".to_string(), &name).into())]) } }
                    <code class="hex" data-testid="why-forger" data-name={name(w.staker)}>{b.forger.to_hex()}</code>
                    {t.get("why-forger-end")}</li>
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
    let t = super::language::use_texts();
    let pre = use_node_ref();
    html! {
        <details class="python" open={true}>
            <summary>{t.get("python")}</summary>
            <p class="muted">{t.get("python-help")}
                <CopyButton target={pre.clone()} text={p.snippet.clone()} testid="copy-python" /></p>
            <pre ref={pre} data-testid="lottery-python" tabindex="0" aria-label={t.get("python-snippet")}>{p.snippet.clone()}</pre>
        </details>
    }
}

/// The lottery section.
#[function_component(LotterySection)]
pub fn lottery_section(p: &LotteryProps) -> Html {
    let t = super::language::use_texts();
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
                .map(|mut h| {
                    for s in h.series.iter_mut() {
                        s.name = t.say(&s.who);
                    }
                    h
                })
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
            <section class="lottery" id="lottery" aria-label={t.get("lottery")} data-testid="lottery" ref={section}>
                <h2>{t.get("lottery-title-empty")}</h2>
                <p class="muted">{t.get("lottery-no-stake")}</p>
            </section>
        };
    };
    // Names in the page's language wherever the section writes them.
    let labels: Rc<Vec<StakerLabel>> = Rc::new(
        m.staker_labels(&b.stakers)
            .into_iter()
            .map(|mut l| {
                l.name = t.say(&l.who);
                l
            })
            .collect(),
    );
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
    let snippet = python_snippet(
        &SnippetInput {
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
        },
        &|say| t.say(&say),
    );
    let winner_name = labels
        .get(winner.staker)
        .map_or("?".to_string(), |l| l.name.clone());
    let forger_name = t.say(&m.who(&b.forger));
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
                    <span class="zoom-buttons" role="group" aria-label={t.get("lottery-zoom")}>
                        <button onclick={zoom_by(Some(-ZOOM_STEP))} disabled={exp <= limits.min} data-testid="zoom-in" title={t.get("lottery-zoom-in.title")}>{t.get("lottery-zoom-in")}</button>
                        <button onclick={zoom_by(Some(ZOOM_STEP))} disabled={exp >= limits.max} data-testid="zoom-out" title={t.get("lottery-zoom-out.title")}>{t.get("lottery-zoom-out")}</button>
                        <button onclick={zoom_by(None)} disabled={zoom_shift == 0} data-testid="zoom-auto">{t.get("lottery-zoom-auto")}</button>
                    </span>
                    <span class="muted" data-testid="lottery-timing">{t.format("lottery-timing", &[("lots", lots(&t, c.digest.total).into()), ("ms", Arg::Decimal(fixed(c.ms.max(0.0), 0))), ("where", (if c.in_worker { "worker" } else { "page" }).into())])}</span>
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
                    <p><b>{t.format("lottery-drawing", &[("lots", lots(&t, all).into())])}</b>
                       {t.format("lottery-drawing-done", &[("done", percent(&t, done, all.max(1)).into()), ("seconds", Arg::Decimal(fixed((now() - started).max(0.0) / 1000.0, 1)))])}</p>
                    <progress max={all.max(1).to_string()} value={done.to_string()}></progress>
                    <p class="muted">{t.get("lottery-responsive")}</p>
                </div>
            }
        }
    };

    html! {
        <section class="lottery" id="lottery" aria-label={t.get("lottery")} data-testid="lottery" ref={section}
                 data-height={height.to_string()} data-forged={b.forged.to_string()}
                 data-forger={b.forger.to_hex()} data-selection={match selection {
                     BlockSelection::Newest => "newest".to_string(),
                     BlockSelection::Next => "next".to_string(),
                     BlockSelection::At(h) => h.to_string(),
                 }}>
            <header class="lottery-head">
                <div>
                    <h2>{t.format("lottery-title", &[("height", height.to_string().into())])}
                        <small class="muted">{t.format("lottery-as-seen", &[("node", Playground::node_words(p.node).into())])}</small></h2>
                    <p class="verdict" data-testid="lottery-winner" data-address={b.forger.to_hex()}>
                        <span class="chip" style={format!("background:{winner_colour}")}></span>
                        <b>{winner_name.clone()}</b>
                        { if !b.forged { t.format("lottery-verdict-next", &[("height", height.to_string().into())]) }
                          else if b.winner_forged() { t.format("lottery-verdict-forged", &[("height", height.to_string().into())]) }
                          else { t.format("lottery-verdict-silent", &[("forger", forger_name.clone().into()), ("rank", b.rank.into()), ("height", height.to_string().into()), ("slot", b.slot.into())]) } }
                    </p>
                </div>
                <nav class="stepper" aria-label={t.get("lottery-blocks")}>
                    <button onclick={on_first} disabled={height <= 1} data-testid="lottery-first" title={t.get("lottery-first.title")}>{t.get("lottery-first")}</button>
                    <button onclick={on_prev} disabled={height <= 1} data-testid="lottery-prev" title={t.get("lottery-prev.title")}>{t.get("lottery-prev")}</button>
                    <span class="where" data-testid="lottery-where">{ if b.forged { t.format("lottery-where", &[("height", height.to_string().into()), ("tip", tip.to_string().into())]) } else { t.get("lottery-where-next") } }</span>
                    <button onclick={on_next} disabled={height > tip} data-testid="lottery-next" title={t.get("lottery-next.title")}>{t.get("lottery-next")}</button>
                    <button onclick={on_newest} disabled={selection == BlockSelection::Newest || tip == 0} data-testid="lottery-newest" title={t.get("lottery-newest.title")}>{t.get("lottery-newest")}</button>
                    <button onclick={on_replay} disabled={tip < 2 && !*replaying} data-testid="lottery-replay" aria-pressed={replaying.to_string()}
                            title={t.get(if still { "lottery-replay-still.title" } else { "lottery-replay.title" })}>
                        { t.get(if *replaying { "lottery-stop" } else if still { "lottery-replay-still" } else { "lottery-replay" }) }</button>
                </nav>
            </header>
            if let Some(why) = &worker_failed {
                <p class="notice" role="alert">{t.format("lottery-worker-failed", &[("why", why.clone().into())])}</p>
            }
            <div class="lottery-main">
                <div class="line-box">{line}</div>
                <aside class="stakes-box">
                    { stake_table(&t, &b, &labels, &forged_by, &winner) }
                    <p class="muted small">{t.get("lottery-stakes-note")}</p>
                </aside>
            </div>
            <div class="lottery-lower">
                { why_panel(&t, &b, &labels) }
                <History history={(*history).clone()} selected={height.min(tip.max(1))} on_select={on_select_block} />
            </div>
            <PythonPanel snippet={snippet} />
            <p class="keys muted">{t.get("lottery-keys")}</p>
        </section>
    }
}
