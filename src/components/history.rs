//! The history bar (issue 29), under the network bar: play and pause, one event back or
//! forward, the speed, a slider over the whole history of the branch shown with its blocks and
//! forks marked, jump to a block, the branches, and recordings to save and open. (The timeline
//! of blocks is another thing: `timeline.rs`.)

use crate::logic::history::recording::MAX_RECORDING_BYTES;
use crate::logic::history::TimelineView;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What a control of the bar asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum TimeAction {
    /// Play at this many quarters of the wall clock's speed (from the present).
    Play(u8),
    /// Pause.
    Pause,
    /// Events forward (+) or back (−).
    Step(i64),
    /// Show this event.
    Seek(u64),
    /// Show the first event of this block.
    Block(u64),
    /// Make this branch the present.
    Branch(usize),
    /// Save the branch shown as a recording.
    Save,
    /// Open a recording (the file's text).
    Open(String),
    /// A file too big to be a recording (its size in bytes).
    TooBig(u64),
}

/// Props of [`HistoryBar`].
#[derive(Properties, PartialEq)]
pub struct HistoryBarProps {
    /// The timeline's numbers.
    pub view: TimelineView,
    /// A control was used.
    pub on: Callback<TimeAction>,
    /// The last outcome (ok, words).
    pub message: Option<(bool, String)>,
}

const SPEEDS: [(u8, &str); 5] = [(1, "×0.25"), (2, "×0.5"), (4, "×1"), (8, "×2"), (16, "×4")];

/// The bar.
#[function_component(HistoryBar)]
pub fn history_bar(p: &HistoryBarProps) -> Html {
    let v = &p.view;
    let quarters = (v.speed * 4.0).round() as u8;
    let past = v.at < v.now;
    let act = |a: TimeAction| {
        let on = p.on.clone();
        Callback::from(move |_: MouseEvent| on.emit(a.clone()))
    };
    let on_slide = {
        let on = p.on.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(at) = value.parse::<u64>() {
                on.emit(TimeAction::Seek(at));
            }
        })
    };
    let on_speed = {
        let on = p.on.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(q) = value.parse::<u8>() {
                on.emit(TimeAction::Play(q));
            }
        })
    };
    let block_input = use_node_ref();
    let on_block = {
        let on = p.on.clone();
        let input = block_input.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = input.cast::<HtmlInputElement>().map(|i| i.value());
            if let Some(h) = value.and_then(|v| v.trim().parse::<u64>().ok()) {
                on.emit(TimeAction::Block(h));
            }
        })
    };
    let on_branch = {
        let on = p.on.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(b) = value.parse::<usize>() {
                on.emit(TimeAction::Branch(b));
            }
        })
    };
    let on_file = {
        let on = p.on.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let on = on.clone();
            if file.size() > MAX_RECORDING_BYTES as f64 {
                on.emit(TimeAction::TooBig(file.size() as u64));
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                on.emit(TimeAction::Open(text));
            });
        })
    };
    let place = |e: u64| {
        if v.now == 0 {
            0.0
        } else {
            e as f64 * 100.0 / v.now as f64
        }
    };
    let status = if !past {
        format!(
            "Now: event {}{}",
            v.now,
            if v.paused { ", paused" } else { "" }
        )
    } else if v.alone {
        format!(
            "Event {} of {}: the past (acting here starts a new branch)",
            v.at, v.now
        )
    } else {
        format!(
            "Event {} of {}: viewing the past: the network goes on",
            v.at, v.now
        )
    };
    html! {
        <section class={classes!("history", past.then_some("past"))} aria-label="History of the network" data-testid="history">
            if v.paused {
                <button onclick={act(TimeAction::Play(quarters))} data-testid="history-play" title="Go on from the present">{"▶ Play"}</button>
            } else {
                <button onclick={act(TimeAction::Pause)} data-testid="history-pause">{"⏸ Pause"}</button>
            }
            <button onclick={act(TimeAction::Step(-1))} disabled={v.at == 0} data-testid="history-back" title="One event back">{"◀ Back"}</button>
            <button onclick={act(TimeAction::Step(1))} data-testid="history-forward" title="One event forward">{"Step ▶"}</button>
            <label class="history-speed">{"Speed "}
                <select onchange={on_speed} data-testid="history-speed">
                    { for SPEEDS.iter().map(|(q, words)| html! {
                        <option value={q.to_string()} selected={*q == quarters}>{*words}</option>
                    }) }
                </select>
            </label>
            <div class="history-track">
                <input type="range" min="0" max={v.now.to_string()} value={v.at.to_string()}
                    oninput={on_slide} data-testid="history-slider" aria-label="Event shown"
                    aria-valuetext={status.clone()} />
                <div class="history-marks" aria-hidden="true">
                    { for v.blocks.iter().map(|(e, h)| html! {
                        <span class="mark block" style={format!("left: {:.2}%", place(*e))} title={format!("block #{h}")}></span>
                    }) }
                    { for v.forks.iter().map(|e| html! {
                        <span class="mark fork" style={format!("left: {:.2}%", place(*e))} title="fork"></span>
                    }) }
                </div>
            </div>
            if past {
                <button onclick={act(TimeAction::Seek(v.now))} data-testid="history-now">{"Back to now"}</button>
            }
            <span class="history-status" data-testid="history-status" data-at={v.at.to_string()} data-now={v.now.to_string()}>{status}</span>
            <form class="history-block" onsubmit={on_block}>
                <label>{"Block "}<input ref={block_input} name="height" type="number" min="0" size="4" data-testid="history-block" /></label>
                <button type="submit" data-testid="history-jump">{"Go"}</button>
            </form>
            if v.branches.len() > 1 {
                <label>{"Branch "}
                    <select onchange={on_branch} data-testid="history-branch">
                        { for v.branches.iter().map(|b| html! {
                            <option value={b.id.to_string()} selected={b.id == v.branch}>
                                { match b.from {
                                    None => format!("{} (the first)", b.id + 1),
                                    Some((parent, e)) => format!("{} (from {} at event {e})", b.id + 1, parent + 1),
                                } }
                            </option>
                        }) }
                    </select>
                </label>
            }
            <button onclick={act(TimeAction::Save)} disabled={v.cannot_save.is_some()}
                title={v.cannot_save.clone().unwrap_or_else(|| "A file with every node's secret key (at most 8 MiB, 6 hours)".into())}
                data-testid="history-save">{"Save recording"}</button>
            <label class="import">{"Open a recording: "}<input type="file" accept=".json,application/json" onchange={on_file} data-testid="history-open" /></label>
            if let Some((ok, text)) = &p.message {
                <span class={classes!("files-msg", if *ok { "ok" } else { "err" })} role="status" data-testid="history-message">{text.clone()}</span>
            }
        </section>
    }
}
