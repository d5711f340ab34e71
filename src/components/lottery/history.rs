//! The forger history of the whole chain: a strip with one cell per block in its forger's
//! colour and number, and a chart of each staker's cumulative share of forged blocks (solid)
//! against its share of stake (dashed). Over many blocks the two meet: that is what
//! stake-weighted selection means.

use crate::logic::i18n::Arg;
use crate::logic::lottery::{ForgerHistory, ShareSeries};
use crate::logic::words::fixed;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`History`].
#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    /// The chain's forgers and shares.
    pub history: Rc<ForgerHistory>,
    /// The block shown above (highlighted).
    pub selected: u64,
    /// A block was clicked.
    pub on_select: Callback<u64>,
}

/// The strip's width in its own units (stretched to the page's width).
const W: f64 = 1000.0;
const STRIP_H: f64 = 34.0;
/// The chart's box: about one unit per CSS pixel at 1280 px.
const CHART_W: f64 = 680.0;
const CHART_H: f64 = 250.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 560.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 210.0;
/// Most points per polyline; longer chains are sampled evenly (the last block always kept).
const MAX_POINTS: usize = 400;

fn sample(len: usize) -> Vec<usize> {
    if len <= MAX_POINTS {
        return (0..len).collect();
    }
    let step = len.div_ceil(MAX_POINTS);
    let mut v: Vec<usize> = (0..len).step_by(step).collect();
    if v.last() != Some(&(len - 1)) {
        v.push(len - 1);
    }
    v
}

fn polyline(values: &[u32], blocks: usize) -> String {
    let x_of = |i: usize| {
        if blocks <= 1 {
            RIGHT
        } else {
            LEFT + (RIGHT - LEFT) * i as f64 / (blocks - 1) as f64
        }
    };
    let y_of = |bp: u32| BOTTOM - (BOTTOM - TOP) * f64::from(bp) / 10_000.0;
    sample(values.len())
        .into_iter()
        .map(|i| format!("{},{}", fixed(x_of(i), 1), fixed(y_of(values[i]), 1)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Basis points as a percentage with one decimal, for the page's language to write.
fn pct(bp: u32) -> Arg {
    Arg::Decimal(format!("{}.{}", bp / 100, (bp % 100) / 10))
}

/// End labels, nudged apart vertically so they never overlap.
fn end_labels(series: &[&ShareSeries]) -> Vec<(usize, f64)> {
    let mut ys: Vec<(usize, f64)> = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let bp = s.forged_bp.last().copied().unwrap_or(0);
            (i, BOTTOM - (BOTTOM - TOP) * f64::from(bp) / 10_000.0)
        })
        .collect();
    pos_core::sorting::sort_by(&mut ys, |a, b| a.1.total_cmp(&b.1));
    // In order, 16 apart (closer if that many do not fit), inside the chart: a pass down
    // from the top, then one up from the bottom for those pushed past it.
    let (lo, hi) = (TOP + 4.0, CHART_H - 6.0);
    let gap = (hi - lo) / ys.len().saturating_sub(1).max(1) as f64;
    let gap = gap.min(16.0);
    let mut last = f64::NEG_INFINITY;
    for y in ys.iter_mut() {
        y.1 = y.1.max(last + gap).max(lo);
        last = y.1;
    }
    let mut next = f64::INFINITY;
    for y in ys.iter_mut().rev() {
        y.1 = y.1.min(next - gap).min(hi);
        next = y.1;
    }
    ys
}

/// The forger strip and the share chart.
#[function_component(History)]
pub fn history(p: &HistoryProps) -> Html {
    let t = crate::components::language::use_texts();
    let strip = use_node_ref();
    let h = &p.history;
    let blocks = h.forgers.len();
    if blocks == 0 {
        return html! {
            <section class="history" aria-label={t.get("history")} data-testid="forger-history">
                <h3>{t.get("history-title")}</h3>
                <p class="muted">{t.get("history-empty")}</p>
            </section>
        };
    }
    let cell = W / blocks as f64;
    let on_strip = {
        let cb = p.on_select.clone();
        let strip = strip.clone();
        Callback::from(move |e: MouseEvent| {
            // The strip's own box: offsetX would be relative to whichever cell was hit, and Yew
            // delegates events, so the current target is not the strip either.
            let Some(el) = strip.cast::<web_sys::Element>() else {
                return;
            };
            let rect = el.get_bounding_client_rect();
            let width = rect.width().max(1.0);
            let x = (f64::from(e.client_x()) - rect.left()).clamp(0.0, width - 1.0);
            let i = ((x / width * blocks as f64) as u64).min(blocks as u64 - 1);
            cb.emit(i + 1);
        })
    };
    let active: Vec<&ShareSeries> = h
        .series
        .iter()
        .filter(|s| s.forged > 0 || s.stake_bp.iter().any(|b| *b > 0))
        .collect();
    let sel_x = if blocks <= 1 {
        RIGHT
    } else {
        LEFT + (RIGHT - LEFT) * (p.selected.clamp(1, blocks as u64) - 1) as f64
            / (blocks - 1) as f64
    };
    let labels = end_labels(&active);

    html! {
        <section class="history" aria-label={t.get("history")} data-testid="forger-history">
            <h3>{t.get("history-title")}<small class="muted">{t.format("history-range", &[("blocks", blocks.to_string().into())])}</small></h3>
            <svg class="strip" data-testid="forger-strip" ref={strip} viewBox={format!("0 0 {W} {STRIP_H}")}
                 preserveAspectRatio="none" role="img" onclick={on_strip}
                 aria-label={t.format("history-strip", &[("blocks", blocks.into())])}>
                { for h.forgers.iter().enumerate().map(|(i, f)| {
                    let s = &h.series[*f];
                    let x = i as f64 * cell;
                    html! {
                        <g data-height={(i + 1).to_string()} data-forger={s.address.to_hex()}>
                            <rect x={fixed(x, 2)} y="0" width={fixed((cell - if cell > 4.0 { 1.0 } else { 0.0 }).max(0.2), 2)}
                                  height={STRIP_H.to_string()} fill={s.colour.clone()}>
                                <title>{t.format("history-block", &[("height", (i + 1).to_string().into()), ("name", s.name.clone().into())])}</title>
                            </rect>
                        </g>
                    }
                }) }
                <rect class="strip-sel" x={fixed((p.selected.saturating_sub(1)) as f64 * cell, 2)} y="1"
                      width={fixed(cell.max(3.0), 2)} height={(STRIP_H - 2.0).to_string()} />
            </svg>
            if cell >= 14.0 {
                <div class="strip-tags" aria-hidden="true">
                    { for h.forgers.iter().map(|f| html! { <span style={format!("width:{}%", fixed(100.0 / blocks as f64, 4))}>{h.series[*f].tag.clone()}</span> }) }
                </div>
            }
            <svg class="share-chart" data-testid="share-chart" viewBox={format!("0 0 {CHART_W} {CHART_H}")} role="img"
                 aria-label={t.get("history-chart")}>
                { for [0u32, 2_500, 5_000, 7_500, 10_000].iter().map(|bp| {
                    let y = BOTTOM - (BOTTOM - TOP) * f64::from(*bp) / 10_000.0;
                    html! { <>
                        <line x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={fixed(y, 1)} y2={fixed(y, 1)} class="grid" />
                        <text x={(LEFT - 6.0).to_string()} y={fixed(y + 4.0, 1)} class="axis" text-anchor="end">{t.format("percent", &[("value", u64::from(bp / 100).into())])}</text>
                    </> }
                }) }
                <text x={LEFT.to_string()} y={(BOTTOM + 18.0).to_string()} class="axis">{t.get("history-first")}</text>
                <text x={RIGHT.to_string()} y={(BOTTOM + 18.0).to_string()} class="axis" text-anchor="end">{t.format("history-last", &[("blocks", blocks.to_string().into())])}</text>
                <text x={((LEFT + RIGHT) / 2.0).to_string()} y={(BOTTOM + 32.0).to_string()} class="axis" text-anchor="middle">
                    {t.get("history-key")}</text>
                <line x1={fixed(sel_x, 1)} x2={fixed(sel_x, 1)} y1={TOP.to_string()} y2={BOTTOM.to_string()} class="sel" />
                { for active.iter().map(|s| html! { <g data-address={s.address.to_hex()}>
                    <polyline points={polyline(&s.stake_bp, blocks)} fill="none" stroke={s.colour.clone()} stroke-width="2.5" stroke-dasharray="7 5" />
                    <polyline points={polyline(&s.forged_bp, blocks)} fill="none" stroke={s.colour.clone()} stroke-width="3" />
                </g> }) }
                { for labels.iter().map(|(i, y)| {
                    let s = active[*i];
                    html! {
                        <text x={(RIGHT + 10.0).to_string()} y={fixed(y + 4.0, 1)} class="end-label">
                            <tspan fill={s.colour.clone()} font-weight="bold">{"■ "}</tspan>
                            {s.name.clone()}
                        </text>
                    }
                }) }
            </svg>
            <ul class="share-legend" data-testid="share-legend">
                { for active.iter().map(|s| html! {
                    <li data-address={s.address.to_hex()}>
                        <span class="chip" style={format!("background:{}", s.colour)}></span><b>{s.name.clone()}</b>
                        {t.format("history-legend", &[("forged", s.forged.into()), ("blocks", blocks.into()),
                            ("share", pct(s.forged_bp.last().copied().unwrap_or(0))), ("stake", pct(s.stake_bp.last().copied().unwrap_or(0)))])}
                    </li>
                }) }
            </ul>
        </section>
    }
}
