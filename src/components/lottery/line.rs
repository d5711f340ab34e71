//! The number line: the whole 256-bit range with every lot (aggregated per pixel column), the
//! reference, and a zoom onto the reference's neighbourhood where the nearest lots stand
//! apart. Drawn on a canvas; the zoomed lots are also buttons, so they can be focused and read
//! out, and hovering anywhere names the lot under the pointer.

use super::WinnerInfo;
use crate::components::lots;
use crate::logic::i18n::{Arg, Texts};
use crate::logic::lottery::digest::{line_x, position_at, px, Hover, LotMark, LotteryDigest};
use crate::logic::lottery::{offset_share, StakerLabel};
use crate::logic::words::{fixed, group};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast as _, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

/// Height of the canvas in CSS pixels.
pub const HEIGHT: f64 = 292.0;
/// Left and right margin of both lines.
pub const PAD: f64 = 24.0;
/// The overview band: lots stand on its baseline.
const MAIN_TOP: f64 = 28.0;
const MAIN_BASE: f64 = 90.0;
/// The zoom band.
const ZOOM_TOP: f64 = 160.0;
const ZOOM_BASE: f64 = 216.0;

const INK: &str = "#1d1f24";
const MUTED: &str = "#5b6270";
const FONT: &str = "13px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const BOLD: &str = "bold 13px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/// Props of [`NumberLine`].
#[derive(Properties, PartialEq)]
pub struct NumberLineProps {
    /// The draw.
    pub digest: Rc<LotteryDigest>,
    /// Each staker's name and colour, in draw order.
    pub stakers: Rc<Vec<StakerLabel>>,
    /// The core's winner and runner-up.
    pub winner: WinnerInfo,
    /// The zoom window: reference ± 2^exp.
    pub exp: u32,
}

/// Which lot the reader points at or focuses, and where.
#[derive(Clone, PartialEq)]
struct Pointed {
    hover: Hover,
    /// Pointer x in CSS pixels (for the cursor line), on the overview or the zoom.
    x: f64,
    zoom: bool,
}

/// Where things landed on the canvas, for tests (`data-*`) and hit testing.
#[derive(Clone, Default, PartialEq)]
struct Layout {
    /// The draw and zoom this layout belongs to: until the canvas is redrawn for new props,
    /// the old layout must not be used with them.
    seed: String,
    exp: u32,
    width: f64,
    winner_x: f64,
    reference_x: f64,
    /// Zoomed lots: (x in CSS px, index into `nearest`).
    zoom: Vec<(f64, usize)>,
    /// The labels drawn, with their boxes ([`Labels::json`]).
    labels: String,
}

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// A label drawn on the canvas: its text and box in CSS pixels (for the tests, `data-labels`).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
struct Placed {
    text: String,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Placed {
    fn meets(&self, o: &Placed) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

/// The labels of one drawing: each is drawn only where it overlaps none drawn before it, so
/// the important ones go first and a narrow canvas leaves out the rest (what they say is also
/// in the text under the line).
#[derive(Default)]
struct Labels(Vec<Placed>);

impl Labels {
    /// Draws `text` with its left edge at `left` (kept inside the canvas) and its baseline at
    /// `y`, unless it would overlap a label already drawn. True when drawn.
    fn put(
        &mut self,
        ctx: &CanvasRenderingContext2d,
        text: &str,
        left: f64,
        y: f64,
        width: f64,
    ) -> bool {
        let (w, up, down) = ctx.measure_text(text).map_or((0.0, 10.0, 3.0), |m| {
            (
                m.width(),
                m.actual_bounding_box_ascent(),
                m.actual_bounding_box_descent(),
            )
        });
        let left = left.clamp(2.0, (width - w - 2.0).max(2.0));
        let placed = Placed {
            text: text.to_string(),
            x: left,
            y: y - up,
            w,
            h: up + down,
        };
        if self.0.iter().any(|p| p.meets(&placed)) {
            return false;
        }
        ctx.set_text_align("left");
        let _ = ctx.fill_text(text, left, y);
        self.0.push(placed);
        true
    }

    /// `text` centred on `x`.
    fn centred(
        &mut self,
        ctx: &CanvasRenderingContext2d,
        text: &str,
        x: f64,
        y: f64,
        width: f64,
    ) -> bool {
        let w = ctx.measure_text(text).map_or(0.0, |m| m.width());
        self.put(ctx, text, x - w / 2.0, y, width)
    }

    /// `text` ending at `right`.
    fn right(
        &mut self,
        ctx: &CanvasRenderingContext2d,
        text: &str,
        right: f64,
        y: f64,
        width: f64,
    ) -> bool {
        let w = ctx.measure_text(text).map_or(0.0, |m| m.width());
        self.put(ctx, text, right - w, y, width)
    }

    /// The boxes as JSON: `[{"text":…,"x":…,"y":…,"w":…,"h":…}, …]`.
    fn json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }
}

fn pow2(e: u32) -> String {
    format!("2^{e}")
}

/// Draws everything; returns where it put the marks.
fn draw(
    t: &Texts,
    canvas: &HtmlCanvasElement,
    d: &LotteryDigest,
    stakers: &[StakerLabel],
    winner: &WinnerInfo,
    exp: u32,
) -> Option<Layout> {
    let ctx = context(canvas)?;
    let css_w = f64::from(canvas.client_width().max(320));
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let dev_w = (css_w * dpr).round() as u32;
    let dev_h = (HEIGHT * dpr).round() as u32;
    if canvas.width() != dev_w || canvas.height() != dev_h {
        canvas.set_width(dev_w);
        canvas.set_height(dev_h);
    }
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, css_w, HEIGHT);
    ctx.set_font(FONT);
    ctx.set_text_baseline("alphabetic");

    let line_w = css_w - 2.0 * PAD;
    // The overview at device resolution: one column per device pixel.
    let cols_w = ((line_w * dpr).round() as u32).max(1);
    let cols = d.columns(cols_w);
    let sparse = d.total < u64::from(cols_w) / 3;
    let tick = if sparse { 2.0 } else { 1.0 / dpr };
    let band = MAIN_BASE - MAIN_TOP;

    // The overview's axis labels are the page's (`.line-axis`): they wrap on a narrow screen.
    let mut labels = Labels::default();

    // Lots, aggregated: each column's bar is as tall as its share of the fullest column,
    // stacked by staker in draw order.
    let max = f64::from(cols.max.max(1));
    for x in 0..cols.width {
        let total = cols.total(x);
        if total == 0 {
            continue;
        }
        let h_total = if sparse {
            band
        } else {
            (band * f64::from(total) / max).max(3.0)
        };
        let mut y = MAIN_BASE;
        for (s, label) in stakers.iter().enumerate() {
            let c = cols.count(x, s);
            if c == 0 {
                continue;
            }
            let h = h_total * f64::from(c) / f64::from(total);
            ctx.set_fill_style_str(&label.colour);
            ctx.fill_rect(PAD + f64::from(x) / dpr, y - h, tick, h);
            y -= h;
        }
    }
    ctx.set_fill_style_str(INK);
    ctx.fill_rect(PAD, MAIN_BASE, line_w, 1.5);

    let on_line = |p: u64| PAD + px(line_x(p, line_w as u32) as i64);
    let ref_x = on_line(d.reference_position());

    // The zoom window on the overview, and the funnel to the zoom line.
    let (lo, hi) = d.window_on_line(exp);
    let (mut wx0, mut wx1) = (on_line(lo), on_line(hi));
    if wx1 - wx0 < 6.0 {
        wx0 = ref_x - 3.0;
        wx1 = ref_x + 3.0;
    }
    ctx.set_fill_style_str("rgba(26, 95, 180, 0.12)");
    ctx.begin_path();
    ctx.move_to(wx0, MAIN_BASE + 4.0);
    ctx.line_to(wx1, MAIN_BASE + 4.0);
    ctx.line_to(PAD + line_w, ZOOM_TOP - 10.0);
    ctx.line_to(PAD, ZOOM_TOP - 10.0);
    ctx.close_path();
    ctx.fill();
    ctx.set_fill_style_str("#1a5fb4");
    ctx.fill_rect(wx0, MAIN_BASE + 2.0, wx1 - wx0, 4.0);

    // The reference on the overview.
    ctx.set_fill_style_str(INK);
    ctx.fill_rect(
        ref_x - 1.0,
        MAIN_TOP - 6.0,
        2.0,
        MAIN_BASE - MAIN_TOP + 12.0,
    );
    ctx.set_font(BOLD);
    labels.centred(
        &ctx,
        &t.get("line-reference"),
        ref_x,
        MAIN_BASE + 20.0,
        css_w,
    );
    ctx.set_font(FONT);

    // The zoom line.
    let half = (line_w / 2.0).floor();
    let centre = PAD + half;
    ctx.set_fill_style_str("#f0eee8");
    ctx.fill_rect(PAD, ZOOM_TOP - 10.0, line_w, ZOOM_BASE - ZOOM_TOP + 10.0);
    ctx.set_fill_style_str(INK);
    ctx.fill_rect(PAD, ZOOM_BASE, line_w, 1.5);
    let marks: Vec<(f64, usize)> = d
        .zoom_marks(exp, half as u32)
        .iter()
        .map(|m| (centre + px(m.dx), m.index))
        .collect();
    let winner_index = d.nearest.iter().position(|l| winner.is(l));
    let runner_index = d.nearest.iter().position(|l| winner.is_runner_up(l));
    // Farther lots first, so the closest ones are drawn on top.
    for &(x, i) in marks.iter().rev() {
        let l = &d.nearest[i];
        let colour = stakers
            .get(l.staker)
            .map_or("#888888", |s| s.colour.as_str());
        let w = if Some(i) == winner_index { 6.0 } else { 4.0 };
        ctx.set_fill_style_str(colour);
        ctx.fill_rect(x - w / 2.0, ZOOM_TOP, w, ZOOM_BASE - ZOOM_TOP);
    }
    // Staker numbers above the zoomed lots, where they do not collide.
    ctx.set_font(BOLD);
    let mut last_label = f64::NEG_INFINITY;
    let mut by_x = marks.clone();
    pos_core::sorting::sort_by(&mut by_x, |a, b| a.0.total_cmp(&b.0));
    for &(x, i) in &by_x {
        if x - last_label < 16.0 {
            continue;
        }
        let l = &d.nearest[i];
        ctx.set_fill_style_str(INK);
        let tag = stakers.get(l.staker).map_or("?", |s| s.tag.as_str());
        if labels.centred(&ctx, tag, x, ZOOM_TOP - 1.0, css_w) {
            last_label = x;
        }
    }
    ctx.set_font(FONT);

    // The reference on the zoom line: the centre.
    ctx.set_stroke_style_str(INK);
    ctx.set_line_width(2.0);
    let dash = js_sys::Array::of2(&JsValue::from_f64(5.0), &JsValue::from_f64(4.0));
    let _ = ctx.set_line_dash(&dash);
    ctx.begin_path();
    ctx.move_to(centre, ZOOM_TOP - 22.0);
    ctx.line_to(centre, ZOOM_BASE + 8.0);
    ctx.stroke();
    let _ = ctx.set_line_dash(&js_sys::Array::new());
    ctx.set_fill_style_str(INK);
    ctx.set_font(BOLD);
    labels.centred(
        &ctx,
        &t.get("line-reference-seed"),
        centre,
        ZOOM_TOP - 26.0,
        css_w,
    );
    ctx.set_font(FONT);

    // The winner, its offset to the reference, and the runner-up: labelled, not only coloured.
    let mut winner_x = centre;
    if let Some(&(x, _)) = winner_index.and_then(|wi| marks.iter().find(|(_, i)| *i == wi)) {
        winner_x = x;
        let y = ZOOM_BASE + 16.0;
        ctx.set_fill_style_str(INK);
        // A triangle under the winning lot, and the offset as a bracket to the reference.
        ctx.begin_path();
        ctx.move_to(x, ZOOM_BASE + 2.0);
        ctx.line_to(x - 6.0, ZOOM_BASE + 11.0);
        ctx.line_to(x + 6.0, ZOOM_BASE + 11.0);
        ctx.close_path();
        ctx.fill();
        ctx.fill_rect(centre.min(x), y - 1.0, (x - centre).abs().max(1.0), 2.0);
        ctx.fill_rect(x - 1.0, y - 5.0, 2.0, 10.0);
        ctx.fill_rect(centre - 1.0, y - 5.0, 2.0, 10.0);
        ctx.set_fill_style_str(MUTED);
        labels.centred(
            &ctx,
            &t.get("line-offset"),
            (x + centre) / 2.0,
            y + 15.0,
            css_w,
        );
        ctx.set_fill_style_str(INK);
        ctx.set_font(BOLD);
        let name = stakers.get(winner.staker).map_or("?", |s| s.name.as_str());
        labels.centred(
            &ctx,
            &t.format(
                "line-winner-label",
                &[("name", name.into()), ("k", winner.k.into())],
            ),
            x,
            ZOOM_BASE + 48.0,
            css_w,
        );
        ctx.set_font(FONT);
    }
    if let Some(&(x, _)) = runner_index.and_then(|ri| marks.iter().find(|(_, i)| *i == ri)) {
        ctx.set_fill_style_str(MUTED);
        let name = winner
            .runner_up
            .and_then(|(s, _)| stakers.get(s))
            .map_or("?", |s| s.name.as_str());
        let k = winner.runner_up.map_or(0, |(_, k)| k);
        labels.centred(
            &ctx,
            &t.format(
                "line-runner-up-label",
                &[("name", name.into()), ("k", k.into())],
            ),
            x,
            ZOOM_BASE + 66.0,
            css_w,
        );
    }
    ctx.set_fill_style_str(MUTED);
    labels.put(
        &ctx,
        &t.format("line-minus", &[("power", pow2(exp).into())]),
        PAD,
        ZOOM_TOP - 14.0,
        css_w,
    );
    labels.right(
        &ctx,
        &t.format("line-plus", &[("power", pow2(exp).into())]),
        PAD + line_w,
        ZOOM_TOP - 14.0,
        css_w,
    );
    Some(Layout {
        labels: labels.json(),
        seed: d.seed.clone(),
        exp,
        width: css_w,
        winner_x,
        reference_x: ref_x,
        zoom: marks,
    })
}

/// The zoom factor in words: the zoom line shows 2^(exp+1) values where the overview shows
/// 2^256.
fn magnification(exp: u32) -> String {
    if exp > 255 {
        return "×½ (2^−1)".into();
    }
    let e = 255 - exp;
    if e < 50 {
        format!("×{} (2^{e})", group(1u64 << e))
    } else {
        format!("×2^{e}")
    }
}

fn side(l: &LotMark) -> Arg {
    (if l.above { "above" } else { "below" }).into()
}

fn lot_words(t: &Texts, l: &LotMark, stakers: &[StakerLabel], winner: &WinnerInfo) -> String {
    let name = stakers.get(l.staker).map_or("?", |s| s.name.as_str());
    let role = if winner.is(l) {
        "winner"
    } else if winner.is_runner_up(l) {
        "runner-up"
    } else {
        "other"
    };
    t.format(
        "line-lot-words",
        &[
            ("name", name.into()),
            ("k", l.k.into()),
            ("role", role.into()),
            ("side", side(l)),
            ("offset", offset_share(l.offset).into()),
        ],
    )
}

fn lot_card(t: &Texts, l: &LotMark, stakers: &[StakerLabel], winner: &WinnerInfo) -> Html {
    let s = stakers.get(l.staker);
    let colour = s.map_or("#888888".to_string(), |s| s.colour.clone());
    let name = s.map_or("?".to_string(), |s| s.name.clone());
    html! {
        <dl class="lot-card" data-testid="lot-card" data-k={l.k.to_string()}
            data-staker={s.map(|s| s.address.clone()).unwrap_or_default()}>
            <div><dt>{t.get("line-card-staker")}</dt><dd><span class="chip" style={format!("background:{colour}")}></span><b>{name}</b>
                { if winner.is(l) { html!{ <span class="tag win">{t.get("line-card-winner")}</span> } }
                  else if winner.is_runner_up(l) { html!{ <span class="tag">{t.get("line-card-runner-up")}</span> } }
                  else { html!{} } }</dd></div>
            <div><dt>{t.get("line-card-index")}</dt><dd>{t.number(l.k)}</dd></div>
            <div class="wide"><dt>{t.get("line-card-hash")}</dt><dd><code>{l.hash.to_hex()}</code></dd></div>
            <div class="wide"><dt>{t.get("line-card-offset")}</dt><dd><code>{l.offset.to_hex()}</code>
                <span class="muted">{t.format("line-card-offset-words", &[("offset", offset_share(l.offset).into()), ("side", side(l))])}</span></dd></div>
        </dl>
    }
}

/// The number line in words (the canvas's text alternative): the range, the zoom, the winning
/// lot and the runner-up with their offsets.
fn line_words(
    t: &Texts,
    d: &LotteryDigest,
    stakers: &[StakerLabel],
    winner: &WinnerInfo,
    exp: u32,
    winner_lot: Option<&LotMark>,
    runner_lot: Option<&LotMark>,
) -> String {
    let name = |s: usize| stakers.get(s).map_or("?", |s| s.name.as_str());
    let short = |s: usize, k: u64| {
        t.format(
            "line-lot-short",
            &[("name", name(s).into()), ("k", k.into())],
        )
    };
    let won = match winner_lot {
        Some(l) => lot_words(t, l, stakers, winner),
        None => short(winner.staker, winner.k),
    };
    let runner = match (runner_lot, winner.runner_up) {
        (Some(l), _) => t.format(
            "line-runner-up",
            &[("lot", lot_words(t, l, stakers, winner).into())],
        ),
        (None, Some((s, k))) => t.format("line-runner-up", &[("lot", short(s, k).into())]),
        (None, None) => t.get("line-no-runner-up"),
    };
    t.format(
        "line-words",
        &[
            ("lots", lots(t, d.total).into()),
            ("zoom", magnification(exp).into()),
            ("won", won.into()),
            ("runner", runner.into()),
        ],
    )
}

/// The number line with its zoom, hover card and focusable lots.
#[function_component(NumberLine)]
pub fn number_line(p: &NumberLineProps) -> Html {
    let t = crate::components::language::use_texts();
    let canvas = use_node_ref();
    let layout = use_state(Layout::default);
    let pointed = use_state(|| None::<Pointed>);
    let resized = use_state(|| 0u32);

    // Redraw when the window changes size.
    {
        let resized = resized.clone();
        use_effect_with((), move |_| {
            let counter = std::cell::Cell::new(0u32);
            let on_resize = Closure::<dyn Fn()>::new(move || {
                counter.set(counter.get().wrapping_add(1));
                resized.set(counter.get());
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w
                    .add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "resize",
                        on_resize.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    {
        let canvas = canvas.clone();
        let layout = layout.clone();
        let texts = t.clone();
        let deps = (
            p.digest.clone(),
            p.stakers.clone(),
            p.winner,
            p.exp,
            *resized,
        );
        use_effect_with(deps, move |(digest, stakers, winner, exp, _)| {
            if let Some(c) = canvas.cast::<HtmlCanvasElement>() {
                if let Some(l) = draw(&texts, &c, digest, stakers, winner, *exp) {
                    layout.set(l);
                }
            }
        });
    }
    // A new draw or zoom: what was pointed at is gone.
    {
        let pointed = pointed.clone();
        use_effect_with((p.digest.clone(), p.exp), move |_| pointed.set(None));
    }

    let d = p.digest.clone();
    let on_move = {
        let pointed = pointed.clone();
        let layout = layout.clone();
        let d = d.clone();
        Callback::from(move |e: MouseEvent| {
            let x = f64::from(e.offset_x());
            let y = f64::from(e.offset_y());
            let l = &*layout;
            if l.width <= 0.0 || l.seed != d.seed {
                return;
            }
            let line_w = l.width - 2.0 * PAD;
            if y < MAIN_BASE + 30.0 {
                let lx = (x - PAD).clamp(0.0, line_w);
                let p = position_at((lx * 16.0) as u32, (line_w * 16.0) as u32);
                if let Some(hover) = d.hover_at(p) {
                    pointed.set(Some(Pointed {
                        hover,
                        x,
                        zoom: false,
                    }));
                }
            } else if let Some(&(mx, i)) = l
                .zoom
                .iter()
                .min_by(|a, b| (a.0 - x).abs().total_cmp(&(b.0 - x).abs()))
                .filter(|(mx, _)| (mx - x).abs() < 24.0)
            {
                if let Some(lot) = d.nearest.get(i) {
                    pointed.set(Some(Pointed {
                        hover: Hover::Lot(*lot),
                        x: mx,
                        zoom: true,
                    }));
                }
            }
        })
    };
    let on_leave = {
        let pointed = pointed.clone();
        Callback::from(move |_: MouseEvent| pointed.set(None))
    };

    let stale = Layout::default();
    let l = if layout.seed == d.seed && layout.exp == p.exp {
        &*layout
    } else {
        &stale
    };
    let winner_lot = d.nearest.iter().find(|l| p.winner.is(l));
    let runner_lot = d.nearest.iter().find(|l| p.winner.is_runner_up(l));
    let alternative = line_words(&t, &d, &p.stakers, &p.winner, p.exp, winner_lot, runner_lot);
    let winner_staker = p
        .stakers
        .get(p.winner.staker)
        .map(|s| s.address.clone())
        .unwrap_or_default();
    let winner_colour = p
        .stakers
        .get(p.winner.staker)
        .map(|s| s.colour.clone())
        .unwrap_or_default();

    // The zoomed lots as buttons over the canvas: focus or hover one to read it.
    let buttons = l.zoom.iter().filter_map(|&(x, i)| d.nearest.get(i).map(|lot| (x, *lot))).map(|(x, lot)| {
        let pointed1 = pointed.clone();
        let focus = Callback::from(move |_: FocusEvent| {
            pointed1.set(Some(Pointed { hover: Hover::Lot(lot), x, zoom: true }))
        });
        let pointed2 = pointed.clone();
        let enter = Callback::from(move |_: MouseEvent| {
            pointed2.set(Some(Pointed { hover: Hover::Lot(lot), x, zoom: true }))
        });
        let staker = p.stakers.get(lot.staker).map(|s| s.address.clone()).unwrap_or_default();
        html! {
            <button class={classes!("lot-mark", p.winner.is(&lot).then_some("winner"))}
                    style={format!("left:{}px;top:{}px;height:{}px", fixed(x - 7.0, 1), ZOOM_TOP, ZOOM_BASE - ZOOM_TOP)}
                    aria-label={lot_words(&t, &lot, &p.stakers, &p.winner)}
                    title={lot_words(&t, &lot, &p.stakers, &p.winner)}
                    data-testid="lot-mark" data-staker={staker} data-k={lot.k.to_string()}
                    data-winner={p.winner.is(&lot).to_string()}
                    onfocus={focus} onmouseenter={enter}></button>
        }
    });

    let card = match &*pointed {
        Some(Pointed {
            hover: Hover::Lot(lot),
            ..
        }) => lot_card(&t, lot, &p.stakers, &p.winner),
        Some(Pointed {
            hover:
                Hover::Slice {
                    counts,
                    total,
                    sample,
                },
            ..
        }) => html! {
            <div class="lot-card slice" data-testid="lot-card">
                <p>{t.format("line-slice", &[("lots", lots(&t, u64::from(*total)).into())])}
                { for counts.iter().enumerate().filter(|(_, c)| **c > 0).map(|(s, c)| {
                    let st = p.stakers.get(s);
                    html! { <span class="count"><span class="chip" style={format!("background:{}", st.map_or("#888", |s| s.colour.as_str()))}></span>
                        {t.format("line-slice-count", &[("name", st.map_or("?", |s| s.name.as_str()).into()), ("count", u64::from(*c).into())])}</span> }
                }) }</p>
                { match sample { Some(lot) => html! { <>
                    <p class="muted">{t.get("line-slice-closest")}</p>
                    { lot_card(&t, lot, &p.stakers, &p.winner) }
                </> }, None => html!{} } }
            </div>
        },
        None => html! {
            <p class="lot-card hint muted">{t.get("line-hint")}</p>
        },
    };
    // Always there (hidden when nothing is pointed at): Yew matches unkeyed children from the
    // end, so a cursor coming and going after the lots' buttons would shift every button by
    // one, and the focused button would suddenly stand for another lot.
    let cursor = match pointed.as_ref() {
        Some(pt) => {
            let (top, height) = if pt.zoom {
                (ZOOM_TOP - 8.0, ZOOM_BASE - ZOOM_TOP + 14.0)
            } else {
                (MAIN_TOP - 8.0, MAIN_BASE - MAIN_TOP + 14.0)
            };
            format!(
                "left:{}px;top:{}px;height:{}px",
                fixed(pt.x - 1.0, 1),
                top,
                height
            )
        }
        None => "display:none".to_string(),
    };

    html! {
        <div class="number-line">
            <div class="line-axis" aria-hidden="true">
                <span>{"0"}</span>
                <span class="what">{t.format("line-axis", &[("lots", lots(&t, d.total).into())])}</span>
                <span>{"2^256 − 1"}</span>
            </div>
            <div class="canvas-wrap" style={format!("height:{HEIGHT}px")}>
                <canvas ref={canvas} data-testid="lottery-line"
                    role="img"
                    aria-label={alternative}
                    data-labels={l.labels.clone()}
                    data-lots={d.total.to_string()}
                    data-winner-staker={winner_staker}
                    data-winner-colour={winner_colour}
                    data-winner-x={fixed(l.winner_x, 1)}
                    data-winner-y={fixed((ZOOM_TOP + ZOOM_BASE) / 2.0, 1)}
                    data-reference-x={fixed(l.reference_x, 1)}
                    data-zoom-exp={p.exp.to_string()}
                    data-winner-in-zoom={winner_lot.is_some().to_string()}
                    onmousemove={on_move} onmouseleave={on_leave}
                    style={format!("height:{HEIGHT}px")}></canvas>
                // The canvas's only sibling: a list that changes length next to it would make
                // Yew replace the canvas (and lose the drawing).
                <div class="line-overlay">
                    <span class="line-cursor" style={cursor}></span>
                    { for buttons }
                </div>
            </div>
            <div class="zoom-note muted" data-testid="zoom-note">
                {t.format("line-zoom-note", &[("zoom", magnification(p.exp).into()), ("exp", p.exp.to_string().into())])}
                {t.format("line-zoom-in-view", &[("lots", lots(&t, l.zoom.len() as u64).into())])}
            </div>
            <div aria-live="polite">{card}</div>
        </div>
    }
}
