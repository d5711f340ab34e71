//! Rewards and compounding: each block's reward is staked again; over many runs, how far a
//! staker's final share spreads around its start under a constant reward and under the
//! geometric reward of the same total (Fanti et al., FC 2019), simulated beside exact.

use super::job::use_job;
use crate::logic::compounding::{
    agreement_words, mean_words, rate_words, reward_words, share_words, spread_words, the_point,
    variance_with_error, variance_words, CompoundingReport, ScheduleReport,
};
use crate::logic::fairness::LabStaker;
use crate::logic::words::{fixed, group};
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

fn title(schedule: Schedule) -> &'static str {
    match schedule {
        Schedule::Constant => "Constant reward",
        Schedule::Geometric => "Geometric reward",
    }
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
        Callback::from(move |_| match setup.validate() {
            Ok(()) => job.start(
                &WorkerRequest::Compounding {
                    id: 1,
                    setup: setup.clone(),
                },
                stakers.clone(),
            ),
            Err(e) => job.fail(e.to_string()),
        })
    };

    let s = job.get();
    let option = |values: &[u64], chosen: u64, words: fn(u64) -> String| {
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
        <section class="compounding" aria-label="Rewards and compounding" data-testid="compounding">
            <h3>{"Rewards and compounding: do the rich get richer?"}</h3>
            <p>{"Each block's forger earns a reward and stakes it again, so a staker that wins early holds more stake and wins more often after. Here one staker's share of all stake is followed through many independent runs of the same blocks, under two ways of paying the same total reward: the same reward every block, or the same fraction of all stake every block (geometric). Each run draws every block's winner with exactly its share of the stake, from a chain of SHA-256 seeds, in a worker."}</p>
            <div class="row">
                <label>{"staker to watch "}<select onchange={on_watch} data-testid="cmp-watch">
                    { for (0..n).map(|i| html! {
                        <option value={i.to_string()} selected={i == watched_i}>
                            {format!("{} · {}", p.stakers[i].name, share_words(part(p.stakers[i].stake, total)))}
                        </option>
                    }) }
                </select></label>
                <label>{"reward per block "}<select onchange={pick(&reward)} data-testid="cmp-reward">
                    { option(&REWARDS, *reward, |v| format!("{} of the starting stake", reward_words(v))) }
                </select></label>
                <label>{"blocks "}<select onchange={pick(&blocks)} data-testid="cmp-blocks">
                    { option(&BLOCKS, *blocks, group) }
                </select></label>
                <label>{"runs "}<select onchange={pick(&runs)} data-testid="cmp-runs">
                    { option(&RUNS, *runs, group) }
                </select></label>
            </div>
            <div class="row">
                if s.running {
                    <button class="primary" onclick={on_stop} data-testid="cmp-stop">{"■ Stop"}</button>
                } else {
                    <button class="primary" onclick={on_run} disabled={n == 0} data-testid="cmp-run">{"▶ Run both schedules"}</button>
                }
                <progress max={goal.max(1).to_string()} value={done.to_string()} aria-label="runs done" data-testid="cmp-progress"></progress>
                <span class="muted" data-testid="cmp-status">{ match &s.report {
                    Some(r) => format!("{} of {} runs of {} blocks · {} s{}", group(r.runs_done), group(r.runs_target), group(r.blocks), fixed(s.ms / 1000.0, 1),
                        if r.done { " · done" } else if s.running { "" } else { " · stopped" }),
                    None if s.running => "starting the worker…".to_string(),
                    None => String::new(),
                } }</span>
            </div>
            if let Some(e) = &s.error { <p class="result err" role="status" data-testid="cmp-error">{e.clone()}</p> }
            if let Some(r) = &s.report { { results(r, &s.context) } }
        </section>
    }
}

/// `part / whole` at [`SHARE_ONE`] (0 when `whole` is 0).
fn part(part: u64, whole: u64) -> u64 {
    (u128::from(part) * u128::from(SHARE_ONE))
        .checked_div(u128::from(whole))
        .unwrap_or(0) as u64
}

fn results(r: &CompoundingReport, stakers: &[LabStaker]) -> Html {
    let name = stakers
        .get(r.watched)
        .map_or_else(|| format!("staker {}", r.watched), |s| s.name.clone());
    let tallest = r
        .schedules
        .iter()
        .flat_map(|s| s.counts.iter().copied())
        .max()
        .unwrap_or(0);
    let cell = |f: &dyn Fn(&ScheduleReport) -> String, id: &str| {
        r.schedules
            .iter()
            .map(|s| html! {
                <td class="num" data-testid={format!("cmp-{id}-{}", s.summary.schedule.name())}>{f(s)}</td>
            })
            .collect::<Html>()
    };
    html! {
        <div class="cmp-results" data-testid="cmp-results">
            <div class="cmp-charts">
                { for r.schedules.iter().map(|s| histogram(r, s, &name, tallest)) }
            </div>
            <div class="cmp-figures">
                <table class="cmp-table" data-testid="cmp-table">
                    <caption>{format!("{name}'s final share after {} blocks, {} runs", group(r.blocks), group(r.runs_done))}</caption>
                    <thead><tr><th></th>{ for r.schedules.iter().map(|s| html! {
                        <th class="num" scope="col" style={format!("color:{}", colour(s.summary.schedule))}>{title(s.summary.schedule)}</th>
                    }) }</tr></thead>
                    <tbody>
                        <tr><th scope="row">{"reward per block"}</th>
                            <td class="num">{format!("{} of the starting stake", reward_words(r.reward_ppm))}</td>
                            <td class="num">{format!("{} of the stake before it", rate_words(r.geometric_rate))}</td></tr>
                        <tr><th scope="row">{"mean, simulated"}</th>{ cell(&|s| format!("{} ± {}", mean_words(s.summary.mean), mean_words(s.summary.mean_error)), "mean") }</tr>
                        <tr><th scope="row">{"mean, exact"}</th>{ cell(&|s| mean_words(s.summary.exact_mean), "exact-mean") }</tr>
                        <tr><th scope="row">{"variance, simulated"}</th>{ cell(&|s| variance_with_error(s.summary.variance, s.summary.variance_error), "var") }</tr>
                        <tr><th scope="row">{"variance, exact"}</th>{ cell(&|s| variance_words(s.summary.exact_variance), "exact-var") }</tr>
                        <tr><th scope="row">{"simulated vs exact"}</th>{ cell(&|s| agreement_words(&s.summary), "agreement") }</tr>
                        <tr><th scope="row">{"standard deviation"}</th>{ cell(&|s| format!("{} (exact {})", spread_words(s.summary.variance), spread_words(s.summary.exact_variance)), "sd") }</tr>
                    </tbody>
                </table>
                <p class="small muted">{format!(
                    "Exact: the share's mean never moves (a martingale), and its variance is v(1 − v)·(1 − Π(1 − (R/T)²)) over the blocks' rewards R and totals T; for a constant reward r that is the Beta-Binomial's v(1 − v)·n·r² / ((1 + r)(1 + n·r)), tending to v(1 − v)·r / (1 + r) = {} as blocks grow. ± is one standard error of the simulation.",
                    variance_words(r.limit_variance))}</p>
            </div>
            <div class="cmp-point" data-testid="cmp-point">
                { for the_point(r).into_iter().map(|p| html! { <p>{p}</p> }) }
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
fn histogram(r: &CompoundingReport, s: &ScheduleReport, name: &str, tallest: u32) -> Html {
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
    let words = format!(
        "{}: how many of {} runs ended with each final share of {name}; the starting share {} is dashed",
        title(schedule),
        group(s.summary.runs),
        share_words(r.start_share)
    );
    html! {
        <figure class="cmp-chart">
            <figcaption style={format!("color:{}", colour(schedule))}><b>{title(schedule)}</b>{ match schedule {
                Schedule::Constant => format!(": {} of the starting stake every block", reward_words(r.reward_ppm)),
                Schedule::Geometric => format!(": {} of the stake every block, the same total", rate_words(r.geometric_rate)),
            } }</figcaption>
            <svg class="share-chart" viewBox={format!("0 0 {W} {H}")} role="img" aria-label={words}
                 data-testid={format!("cmp-histogram-{}", schedule.name())}>
                <line x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={BOTTOM.to_string()} y2={BOTTOM.to_string()} class="grid" />
                <text x={(LEFT - 6.0).to_string()} y={(TOP + 4.0).to_string()} class="axis" text-anchor="end">{group(tallest as u64)}</text>
                { for s.counts.iter().enumerate().filter(|(_, c)| **c > 0).map(|(i, c)| html! {
                    <rect x={fixed(LEFT + bar_w * i as f64 + 0.5, 1)} width={fixed((bar_w - 1.0).max(0.5), 1)}
                          y={fixed(y(*c), 1)} height={fixed(BOTTOM - y(*c), 1)} fill={colour(schedule)} class="bar">
                        <title>{format!("{} to {}: {} runs", share_words(bins.lo + bins.width * i as u64), share_words(bins.lo + bins.width * (i as u64 + 1)), group(u64::from(*c)))}</title>
                    </rect>
                }) }
                { for (0..=bins.count).step_by(every).map(|i| {
                    let edge = bins.lo + bins.width * i as u64;
                    html! { <>
                        <line x1={fixed(x(edge), 1)} x2={fixed(x(edge), 1)} y1={BOTTOM.to_string()} y2={(BOTTOM + 4.0).to_string()} class="tick" />
                        <text x={fixed(x(edge), 1)} y={(BOTTOM + 17.0).to_string()} class="axis" text-anchor="middle">
                            {format!("{} %", fixed(edge as f64 / SHARE_ONE as f64 * 100.0, decimals))}</text>
                    </> }
                }) }
                <line x1={fixed(start_x, 1)} x2={fixed(start_x, 1)} y1={(TOP - 6.0).to_string()} y2={BOTTOM.to_string()} class="start" />
                <text x={fixed(start_x, 1)} y={(TOP - 10.0).to_string()} class="axis start-label"
                      text-anchor={if start_x > (LEFT + RIGHT) / 2.0 { "end" } else { "start" }}>{format!("start {}", share_words(r.start_share))}</text>
                <text x={((LEFT + RIGHT) / 2.0).to_string()} y={(BOTTOM + 34.0).to_string()} class="axis caption" text-anchor="middle">
                    {format!("{name}'s share of all stake after {} blocks · bars: runs", group(r.blocks))}</text>
            </svg>
        </figure>
    }
}
