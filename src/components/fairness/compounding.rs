//! Rewards and compounding: each block's reward is staked again; over many runs, how far a
//! staker's final share spreads around its start under a constant reward and under the
//! geometric reward of the same total (Fanti et al., FC 2019), simulated beside exact.

use super::job::use_job;
use crate::logic::compounding::{
    agreement_words, mean_words, rate_words, reward_words, share_words, spread_words, the_point,
    variance_with_error, variance_words, CompoundingReport, ScheduleReport,
};
use crate::logic::fairness::LabStaker;
use crate::logic::i18n::{Arg, Say, Texts};
use crate::logic::words::fixed;
use crate::logic::worker_protocol::{WorkerReply, WorkerRequest};
use pos_core::compounding::{Schedule, Setup, SHARE_ONE};
use pos_core::Hash;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The panel's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The lab's stake table.
    pub stakers: Vec<LabStaker>,
    /// The lab's seed (hex): every run's seeds come from it.
    pub seed: String,
}

/// Rewards per block offered, in millionths of the starting total.
const REWARDS: [u64; 4] = [1_000, 10_000, 50_000, 100_000];
/// Blocks per run offered.
const BLOCKS: [u64; 3] = [100, 1_000, 10_000];
/// Runs offered.
const RUNS: [u64; 3] = [500, 2_000, 5_000];

/// Each schedule's colour (colour-blind safe, from the page's palette).
fn colour(schedule: Schedule) -> &'static str {
    match schedule {
        Schedule::Constant => "#D55E00",
        Schedule::Geometric => "#0072B2",
    }
}

fn title(t: &Texts, schedule: Schedule) -> String {
    t.format("cmp-title-of", &[("schedule", schedule.name().into())])
}

/// The smallest staker with some stake (the first of equals): does the small one fall
/// behind?
fn default_watched(stakers: &[LabStaker]) -> usize {
    (0..stakers.len())
        .filter(|i| stakers[*i].stake > 0)
        .min_by_key(|i| (stakers[*i].stake, *i))
        .unwrap_or(0)
}

fn select_u64(e: &Event) -> Option<u64> {
    e.target_unchecked_into::<HtmlSelectElement>()
        .value()
        .parse()
        .ok()
}

/// The rewards-and-compounding panel.
#[function_component(Compounding)]
pub fn compounding_panel(p: &Props) -> Html {
    let t = crate::components::language::use_texts();
    let watched = use_state(|| None::<usize>);
    let reward = use_state(|| 10_000u64);
    let blocks = use_state(|| 1_000u64);
    let runs = use_state(|| 2_000u64);
    let job = use_job::<CompoundingReport, Vec<LabStaker>>(|reply| match reply {
        WorkerReply::Compounding { report, ms, .. } => {
            let done = report.done;
            Some((report, ms, done))
        }
        _ => None,
    });
    let n = p.stakers.len();
    let watched_i = watched
        .unwrap_or_else(|| default_watched(&p.stakers))
        .min(n.saturating_sub(1));
    let total: u64 = p.stakers.iter().map(|s| s.stake).sum();

    let on_watch = {
        let watched = watched.clone();
        Callback::from(move |e: Event| watched.set(select_u64(&e).map(|v| v as usize)))
    };
    let pick = |state: &UseStateHandle<u64>| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_u64(&e) {
                state.set(v);
            }
        })
    };
    let on_stop = {
        let job = job.clone();
        Callback::from(move |_| job.stop())
    };
    let on_run = {
        let setup = Setup {
            stakes: p.stakers.iter().map(|s| s.stake).collect(),
            watched: watched_i,
            reward_ppm: *reward,
            blocks: *blocks,
            runs: *runs,
            seed: Hash::from_hex(&p.seed).unwrap_or_else(|_| Hash::of(b"compounding")),
        };
        let stakers = p.stakers.clone();
        let job = job.clone();
        let t_fail = t.clone();
        Callback::from(move |_| match setup.validate() {
            Ok(()) => job.start(
                &WorkerRequest::Compounding {
                    id: 1,
                    setup: setup.clone(),
                },
                stakers.clone(),
            ),
            Err(e) => job.fail(t_fail.say(&Say::refusal("refusal-setup", &e, None))),
        })
    };

    let s = job.get();
    let option = |values: &[u64], chosen: u64, words: &dyn Fn(u64) -> String| {
        values
            .iter()
            .map(|v| html! { <option value={v.to_string()} selected={*v == chosen}>{words(*v)}</option> })
            .collect::<Html>()
    };
    let (done, goal) = s
        .report
        .as_ref()
        .map_or((0, *runs), |r| (r.runs_done, r.runs_target));
    html! {
        <section class="compounding" aria-label={t.get("cmp")} data-testid="compounding">
            <h3>{t.get("cmp-title")}</h3>
            <p>{t.get("cmp-help")}</p>
            <div class="row">
                <label>{t.get("cmp-watch")}<select onchange={on_watch} data-testid="cmp-watch">
                    { for (0..n).map(|i| html! {
                        <option value={i.to_string()} selected={i == watched_i}>
                            {format!("{} · {}", p.stakers[i].name, t.say(&share_words(part(p.stakers[i].stake, total))))}
                        </option>
                    }) }
                </select></label>
                <label>{t.get("cmp-reward")}<select onchange={pick(&reward)} data-testid="cmp-reward">
                    { option(&REWARDS, *reward, &|v| t.format("cmp-reward-of", &[("reward", reward_words(v).into())])) }
                </select></label>
                <label>{t.get("cmp-blocks")}<select onchange={pick(&blocks)} data-testid="cmp-blocks">
                    { option(&BLOCKS, *blocks, &|v| t.number(v)) }
                </select></label>
                <label>{t.get("cmp-runs")}<select onchange={pick(&runs)} data-testid="cmp-runs">
                    { option(&RUNS, *runs, &|v| t.number(v)) }
                </select></label>
            </div>
            <div class="row">
                if s.running {
                    <button class="primary" onclick={on_stop} data-testid="cmp-stop">{t.get("lab-stop")}</button>
                } else {
                    <button class="primary" onclick={on_run} disabled={n == 0} data-testid="cmp-run">{t.get("cmp-run")}</button>
                }
                <progress max={goal.max(1).to_string()} value={done.to_string()} aria-label={t.get("cmp-progress")} data-testid="cmp-progress"></progress>
                <span class="muted" data-testid="cmp-status">{ match &s.report {
                    Some(r) => t.format("cmp-status", &[("done", r.runs_done.into()), ("goal", r.runs_target.into()), ("blocks", r.blocks.into()),
                        ("seconds", Arg::Decimal(fixed(s.ms / 1000.0, 1))), ("state", (if r.done { "done" } else if s.running { "running" } else { "stopped" }).into())]),
                    None if s.running => t.get("lab-starting"),
                    None => String::new(),
                } }</span>
            </div>
            if let Some(e) = &s.error { <p class="result err" role="status" data-testid="cmp-error">{e.clone()}</p> }
            if let Some(r) = &s.report { { results(&t, r, &s.context) } }
        </section>
    }
}

/// `part / whole` at [`SHARE_ONE`] (0 when `whole` is 0).
fn part(part: u64, whole: u64) -> u64 {
    (u128::from(part) * u128::from(SHARE_ONE))
        .checked_div(u128::from(whole))
        .unwrap_or(0) as u64
}

fn results(t: &Texts, r: &CompoundingReport, stakers: &[LabStaker]) -> Html {
    let name = stakers.get(r.watched).map_or_else(
        || t.format("cmp-staker", &[("index", r.watched.to_string().into())]),
        |s| s.name.clone(),
    );
    let tallest = r
        .schedules
        .iter()
        .flat_map(|s| s.counts.iter().copied())
        .max()
        .unwrap_or(0);
    let cell = |f: &dyn Fn(&ScheduleReport) -> Say, id: &str| {
        r.schedules
            .iter()
            .map(|s| html! {
                <td class="num" data-testid={format!("cmp-{id}-{}", s.summary.schedule.name())}>{t.say(&f(s))}</td>
            })
            .collect::<Html>()
    };
    html! {
        <div class="cmp-results" data-testid="cmp-results">
            <div class="cmp-charts">
                { for r.schedules.iter().map(|s| histogram(t, r, s, &name, tallest)) }
            </div>
            <div class="cmp-figures">
                <table class="cmp-table" data-testid="cmp-table">
                    <caption>{t.format("cmp-caption", &[("name", name.clone().into()), ("blocks", r.blocks.into()), ("runs", r.runs_done.into())])}</caption>
                    <thead><tr><th></th>{ for r.schedules.iter().map(|s| html! {
                        <th class="num" scope="col" style={format!("color:{}", colour(s.summary.schedule))}>{title(t, s.summary.schedule)}</th>
                    }) }</tr></thead>
                    <tbody>
                        <tr><th scope="row">{t.get("cmp-reward-row")}</th>
                            <td class="num">{t.format("cmp-reward-of", &[("reward", reward_words(r.reward_ppm).into())])}</td>
                            <td class="num">{t.format("cmp-rate-of", &[("rate", rate_words(r.geometric_rate).into())])}</td></tr>
                        <tr><th scope="row">{t.get("cmp-mean")}</th>{ cell(&|s| Say::new("cmp-plus-minus").with("value", mean_words(s.summary.mean)).with("error", mean_words(s.summary.mean_error)), "mean") }</tr>
                        <tr><th scope="row">{t.get("cmp-mean-exact")}</th>{ cell(&|s| mean_words(s.summary.exact_mean), "exact-mean") }</tr>
                        <tr><th scope="row">{t.get("cmp-variance")}</th>{ cell(&|s| variance_with_error(s.summary.variance, s.summary.variance_error), "var") }</tr>
                        <tr><th scope="row">{t.get("cmp-variance-exact")}</th>{ cell(&|s| variance_words(s.summary.exact_variance), "exact-var") }</tr>
                        <tr><th scope="row">{t.get("cmp-agreement")}</th>{ cell(&|s| agreement_words(&s.summary), "agreement") }</tr>
                        <tr><th scope="row">{t.get("cmp-sd")}</th>{ cell(&|s| Say::new("cmp-sd-value").with("sd", spread_words(s.summary.variance)).with("exact", spread_words(s.summary.exact_variance)), "sd") }</tr>
                    </tbody>
                </table>
                <p class="small muted">{t.format("cmp-exact", &[("limit", variance_words(r.limit_variance).into())])}</p>
            </div>
            <div class="cmp-point" data-testid="cmp-point">
                { for the_point(r).iter().map(|p| html! { <p>{t.say(p)}</p> }) }
            </div>
        </div>
    }
}

const W: f64 = 640.0;
const H: f64 = 190.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 628.0;
const TOP: f64 = 26.0;
const BOTTOM: f64 = 150.0;

/// One schedule's histogram of final shares, the starting share dashed; both schedules
/// share the bins and the height scale, so their spreads compare at a glance.
fn histogram(
    t: &Texts,
    r: &CompoundingReport,
    s: &ScheduleReport,
    name: &str,
    tallest: u32,
) -> Html {
    let schedule = s.summary.schedule;
    let bins = r.bins;
    let span = (bins.width as f64) * bins.count as f64;
    let x = |share: u64| LEFT + (RIGHT - LEFT) * (share.saturating_sub(bins.lo) as f64) / span;
    let bar_w = (RIGHT - LEFT) / bins.count.max(1) as f64;
    let tallest = f64::from(tallest.max(1));
    let y = |count: u32| BOTTOM - (BOTTOM - TOP) * f64::from(count) / tallest;
    // About five labels, on bin edges.
    let every = bins.count.div_ceil(5).max(1);
    let step_pct = bins.width as f64 * every as f64 / SHARE_ONE as f64 * 100.0;
    let decimals = if step_pct >= 1.0 {
        0
    } else if step_pct >= 0.1 {
        1
    } else {
        2
    };
    let start_x = x(r.start_share);
    let words = t.format(
        "cmp-chart",
        &[
            ("schedule", title(t, schedule).into()),
            ("runs", s.summary.runs.into()),
            ("name", name.into()),
            ("start", share_words(r.start_share).into()),
        ],
    );
    html! {
        <figure class="cmp-chart">
            <figcaption style={format!("color:{}", colour(schedule))}><b>{title(t, schedule)}</b>{ match schedule {
                Schedule::Constant => t.format("cmp-every-constant", &[("reward", reward_words(r.reward_ppm).into())]),
                Schedule::Geometric => t.format("cmp-every-geometric", &[("rate", rate_words(r.geometric_rate).into())]),
            } }</figcaption>
            <svg class="share-chart" viewBox={format!("0 0 {W} {H}")} role="img" aria-label={words}
                 data-testid={format!("cmp-histogram-{}", schedule.name())}>
                <line x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={BOTTOM.to_string()} y2={BOTTOM.to_string()} class="grid" />
                <text x={(LEFT - 6.0).to_string()} y={(TOP + 4.0).to_string()} class="axis" text-anchor="end">{t.number(tallest as u64)}</text>
                { for s.counts.iter().enumerate().filter(|(_, c)| **c > 0).map(|(i, c)| html! {
                    <rect x={fixed(LEFT + bar_w * i as f64 + 0.5, 1)} width={fixed((bar_w - 1.0).max(0.5), 1)}
                          y={fixed(y(*c), 1)} height={fixed(BOTTOM - y(*c), 1)} fill={colour(schedule)} class="bar">
                        <title>{t.format("cmp-bin", &[("from", share_words(bins.lo + bins.width * i as u64).into()), ("to", share_words(bins.lo + bins.width * (i as u64 + 1)).into()), ("count", u64::from(*c).into())])}</title>
                    </rect>
                }) }
                { for (0..=bins.count).step_by(every).map(|i| {
                    let edge = bins.lo + bins.width * i as u64;
                    html! { <>
                        <line x1={fixed(x(edge), 1)} x2={fixed(x(edge), 1)} y1={BOTTOM.to_string()} y2={(BOTTOM + 4.0).to_string()} class="tick" />
                        <text x={fixed(x(edge), 1)} y={(BOTTOM + 17.0).to_string()} class="axis" text-anchor="middle">
                            {t.format("percent", &[("value", Arg::Decimal(fixed(edge as f64 / SHARE_ONE as f64 * 100.0, decimals)))])}</text>
                    </> }
                }) }
                <line x1={fixed(start_x, 1)} x2={fixed(start_x, 1)} y1={(TOP - 6.0).to_string()} y2={BOTTOM.to_string()} class="start" />
                <text x={fixed(start_x, 1)} y={(TOP - 10.0).to_string()} class="axis start-label"
                      text-anchor={if start_x > (LEFT + RIGHT) / 2.0 { "end" } else { "start" }}>{t.format("cmp-start", &[("share", share_words(r.start_share).into())])}</text>
                <text x={((LEFT + RIGHT) / 2.0).to_string()} y={(BOTTOM + 34.0).to_string()} class="axis caption" text-anchor="middle">
                    {t.format("cmp-axis", &[("name", name.into()), ("blocks", r.blocks.into())])}</text>
            </svg>
        </figure>
    }
}
