//! The history bar (issue 29), under the network bar: play and pause, one event back or
//! forward, the speed, a slider over the whole history of the branch shown with its blocks and
//! forks marked, jump to a block, the branches, and recordings to save and open. (The timeline
//! of blocks is another thing: `timeline.rs`.)

use super::file_pick::FilePick;
use crate::logic::history::recording::MAX_RECORDING_BYTES;
use crate::logic::history::TimelineView;
use crate::logic::i18n::Arg;
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
    /// Call off the recording being opened.
    CancelOpen,
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
    /// A recording being opened: its entries run so far and in all.
    #[prop_or_default]
    pub opening: Option<(usize, usize)>,
}

const SPEEDS: [u8; 5] = [1, 2, 4, 8, 16];

/// The bar.
#[function_component(HistoryBar)]
pub fn history_bar(p: &HistoryBarProps) -> Html {
    let t = super::language::use_texts();
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
    let (on_open, on_too_big) = {
        let (a, b) = (p.on.clone(), p.on.clone());
        (
            Callback::from(move |text| a.emit(TimeAction::Open(text))),
            Callback::from(move |size| b.emit(TimeAction::TooBig(size))),
        )
    };
    let place = |e: u64| {
        if v.now == 0 {
            0.0
        } else {
            e as f64 * 100.0 / v.now as f64
        }
    };
    let id = |n: u64| Arg::Text(n.to_string());
    let status = if !past {
        let key = if v.paused {
            "history-status-now-paused"
        } else {
            "history-status-now"
        };
        t.format(key, &[("event", id(v.now))])
    } else {
        let key = if v.alone {
            "history-status-past-alone"
        } else {
            "history-status-past-linked"
        };
        t.format(key, &[("at", id(v.at)), ("now", id(v.now))])
    };
    html! {
        <section class={classes!("history", past.then_some("past"))} aria-label={t.get("history-label")} data-testid="history">
            if v.paused {
                <button onclick={act(TimeAction::Play(quarters))} data-testid="history-play" title={t.get("history-play-title")}>{t.get("history-play")}</button>
            } else {
                <button onclick={act(TimeAction::Pause)} data-testid="history-pause">{t.get("history-pause")}</button>
            }
            <button onclick={act(TimeAction::Step(-1))} disabled={v.at == 0} data-testid="history-back" title={t.get("history-back-title")}>{t.get("history-back")}</button>
            <button onclick={act(TimeAction::Step(1))} data-testid="history-forward" title={t.get("history-forward-title")}>{t.get("history-forward")}</button>
            <label class="history-speed">{t.get("history-speed")}{" "}
                <select onchange={on_speed} data-testid="history-speed">
                    { for SPEEDS.iter().map(|q| html! {
                        <option value={q.to_string()} selected={*q == quarters}>{t.say(&crate::logic::class::speed_words(*q))}</option>
                    }) }
                </select>
            </label>
            <div class="history-track">
                <input type="range" min="0" max={v.now.to_string()} value={v.at.to_string()}
                    oninput={on_slide} data-testid="history-slider" aria-label={t.get("history-slider")}
                    aria-valuetext={status.clone()} />
                <div class="history-marks" aria-hidden="true">
                    { for v.blocks.iter().map(|(e, h)| html! {
                        <span class="mark block" style={format!("left: {:.2}%", place(*e))} title={t.format("history-mark-block", &[("height", id(*h))])}></span>
                    }) }
                    { for v.forks.iter().map(|e| html! {
                        <span class="mark fork" style={format!("left: {:.2}%", place(*e))} title={t.get("history-mark-fork")}></span>
                    }) }
                </div>
            </div>
            if past {
                <button onclick={act(TimeAction::Seek(v.now))} data-testid="history-now">{t.get("history-now")}</button>
            }
            <span class="history-status" data-testid="history-status" data-at={v.at.to_string()} data-now={v.now.to_string()}>{status}</span>
            <form class="history-block" onsubmit={on_block}>
                <label>{t.get("history-jump-block")}{" "}<input ref={block_input} name="height" type="number" min="0" size="4" data-testid="history-block" /></label>
                <button type="submit" data-testid="history-jump">{t.get("history-go")}</button>
            </form>
            if v.branches.len() > 1 {
                <label>{t.get("history-branch")}{" "}
                    <select onchange={on_branch} data-testid="history-branch">
                        { for v.branches.iter().map(|b| html! {
                            <option value={b.id.to_string()} selected={b.id == v.branch}>
                                { match b.from {
                                    None => t.format("history-branch-first", &[("branch", id(b.id as u64 + 1))]),
                                    Some((parent, e)) => t.format("history-branch-from", &[
                                        ("branch", id(b.id as u64 + 1)),
                                        ("parent", id(parent as u64 + 1)),
                                        ("event", id(e)),
                                    ]),
                                } }
                            </option>
                        }) }
                    </select>
                </label>
            }
            <button onclick={act(TimeAction::Save)} disabled={v.cannot_save.is_some()}
                title={v.cannot_save.map_or_else(|| t.get("history-save-title"), |why| t.say(&why.say()))}
                data-testid="history-save">{t.get("history-save")}</button>
            if let Some((done, total)) = p.opening {
                <span class="history-opening" data-testid="history-opening">
                    <label>{t.format("history-opening", &[("done", (done as u64).into()), ("total", (total as u64).into())])}{" "}
                        <progress max={total.max(1).to_string()} value={done.to_string()}></progress>
                    </label>
                    {" "}<button onclick={act(TimeAction::CancelOpen)} data-testid="history-open-cancel">{t.get("history-open-cancel")}</button>
                </span>
            } else {
                <FilePick caption={t.get("history-open")} testid="history-open" max_bytes={Some(MAX_RECORDING_BYTES as u64)} on_text={on_open} on_too_big={on_too_big} />
            }
            if let (Some((ok, text)), None) = (&p.message, p.opening) {
                <span class={classes!("files-msg", if *ok { "ok" } else { "err" })} role="status" data-testid="history-message">{text.clone()}</span>
            }
        </section>
    }
}
