//! The fairness lab: a stake table, thousands of rounds in a worker, each rule's shares
//! converging on the stake shares, and the chi-square test in words.

use crate::logic::fairness::{
    p_say, verdict_say, Against, FairnessJob, FairnessReport, LabStaker, RuleReport, Verdict,
    MAX_ROUNDS, MAX_STAKERS, PPM,
};
use crate::logic::i18n::{Arg, Say, Texts};
use crate::logic::model::PALETTE;
use crate::logic::words::fixed;
use crate::logic::worker_protocol::{WorkerReply, WorkerRequest};
use job::use_job;
use pos_core::fairness::ethereum;
use pos_core::fairness::{Params, Rule};
use pos_core::Hash;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

pub mod compounding;
pub mod grinding;
pub mod job;
pub mod root;

/// The lab's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The selected node's stake table at its tip.
    pub network: Vec<LabStaker>,
    /// The selected node's tip hash (hex): the first round's seed.
    pub seed: String,
}

/// Each rule: a few lines for the class and where it comes from.
pub fn explain(t: &Texts, rule: Rule) -> (String, String, String) {
    let r = [("rule", Arg::from(rule.name()))];
    (
        t.format("rule-name", &r),
        t.format("rule-how", &r),
        t.format("rule-source", &r),
    )
}

/// The rule's name in a table header.
pub fn short(t: &Texts, rule: Rule) -> String {
    t.format("rule-short", &[("rule", rule.name().into())])
}

/// A row of the editable table.
#[derive(Clone, PartialEq)]
struct Row {
    name: String,
    colour: String,
    stake: String,
}

fn example_rows() -> Vec<Row> {
    [10, 30, 60]
        .iter()
        .enumerate()
        .map(|(i, s)| Row {
            name: format!("Staker {}", (b'A' + i as u8) as char),
            colour: PALETTE[(i + 4) % PALETTE.len()].to_string(),
            stake: s.to_string(),
        })
        .collect()
}

fn network_rows(network: &[LabStaker]) -> Vec<Row> {
    network
        .iter()
        .map(|s| Row {
            name: s.name.clone(),
            colour: s.colour.clone(),
            stake: s.stake.to_string(),
        })
        .collect()
}

/// `ppm` as a percentage with one decimal, the language's way.
pub fn pct(t: &Texts, ppm: u32) -> String {
    t.format(
        "percent",
        &[("value", Arg::Decimal(fixed(f64::from(ppm) / 10_000.0, 1)))],
    )
}

/// The fairness lab.
#[function_component(FairnessLab)]
pub fn fairness_lab(p: &Props) -> Html {
    let t = super::language::use_texts();
    let rows = {
        let network = p.network.clone();
        use_state(move || {
            if network.len() >= 2 {
                network_rows(&network)
            } else {
                example_rows()
            }
        })
    };
    let rounds = use_state(|| 10_000u64);
    let chosen = use_state(|| Rule::ALL.to_vec());
    let job = use_job::<FairnessReport, Vec<Row>>(|reply| match reply {
        WorkerReply::Fairness { report, ms, .. } => {
            let done = report.done;
            Some((report, ms, done))
        }
        _ => None,
    });
    let shown = use_state(|| Rule::Lots);

    let set_stake = |i: usize| {
        let rows = rows.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut r = (*rows).clone();
            if let Some(row) = r.get_mut(i) {
                row.stake = v;
            }
            rows.set(r);
        })
    };
    let remove = |i: usize| {
        let rows = rows.clone();
        Callback::from(move |_| {
            let mut r = (*rows).clone();
            r.remove(i);
            rows.set(r);
        })
    };
    let on_add = {
        let rows = rows.clone();
        Callback::from(move |_| {
            let mut r = (*rows).clone();
            let n = r.len();
            r.push(Row {
                name: format!("Staker {}", n + 1),
                colour: PALETTE[n % PALETTE.len()].to_string(),
                stake: "10".to_string(),
            });
            rows.set(r);
        })
    };
    let on_network = {
        let rows = rows.clone();
        let network = p.network.clone();
        Callback::from(move |_| rows.set(network_rows(&network)))
    };
    let on_example = {
        let rows = rows.clone();
        Callback::from(move |_| rows.set(example_rows()))
    };
    let on_rounds = {
        let rounds = rounds.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(n) = v.parse() {
                rounds.set(n);
            }
        })
    };
    let toggle = |rule: Rule| {
        let chosen = chosen.clone();
        Callback::from(move |_| {
            let mut c = (*chosen).clone();
            if c.contains(&rule) {
                c.retain(|r| *r != rule);
            } else {
                c.push(rule);
                c.sort_by_key(|r| Rule::ALL.iter().position(|x| x == r));
            }
            chosen.set(c);
        })
    };
    let on_stop = {
        let job = job.clone();
        Callback::from(move |_| job.stop())
    };
    let on_run = {
        let rows = rows.clone();
        let rounds = *rounds;
        let chosen = chosen.clone();
        let lab = job.clone();
        let seed = p.seed.clone();
        let shown = shown.clone();
        let t_fail = t.clone();
        Callback::from(move |_| {
            let stakes: Result<Vec<u64>, Say> = rows
                .iter()
                .map(|r| {
                    r.stake.trim().parse::<u64>().map_err(|_| {
                        Say::new("lab-not-a-number")
                            .with("name", r.name.as_str())
                            .with("stake", r.stake.as_str())
                    })
                })
                .collect();
            let job = stakes.and_then(|stakes| {
                let job = FairnessJob {
                    stakes,
                    rules: (*chosen).clone(),
                    rounds,
                    seed: Hash::from_hex(&seed).unwrap_or_else(|_| Hash::of(b"fairness lab")),
                    params: Params::default(),
                };
                job.validate().map(|()| job).map_err(|e| e.say())
            });
            let job = match job {
                Ok(j) => j,
                Err(e) => return lab.fail(t_fail.say(&e)),
            };
            if !job.rules.contains(&*shown) {
                shown.set(job.rules[0]);
            }
            lab.start(&WorkerRequest::Fairness { id: 1, job }, (*rows).clone());
        })
    };

    let total: u64 = rows
        .iter()
        .filter_map(|r| r.stake.trim().parse::<u64>().ok())
        .sum();
    let lab_stakers: Vec<LabStaker> = rows
        .iter()
        .map(|r| LabStaker {
            name: r.name.clone(),
            colour: r.colour.clone(),
            stake: r.stake.trim().parse().unwrap_or(0),
        })
        .collect();
    let s = job.get();
    let progress = s.report.as_ref().map_or(0, |r| r.rounds_done());
    let goal = s.report.as_ref().map_or(0, |r| r.rounds_total());

    html! {
        <section class="fairness" aria-label={t.get("fairness")}>
            <h2>{t.get("fairness")}<small>{t.get("fairness-subtitle")}</small></h2>
            <p class="lede">{t.get("fairness-lede")}</p>
            <div class="lab-setup">
                <table class="lab-stakes" data-testid="lab-stakes">
                    <thead><tr><th>{t.get("lab-staker")}</th><th>{t.get("lab-stake")}</th><th>{t.get("lab-share")}</th><th></th></tr></thead>
                    <tbody>
                    { for rows.iter().enumerate().map(|(i, r)| {
                        let share = r.stake.trim().parse::<u64>().ok().map(|st| pct(&t, crate::logic::fairness::ppm(st, total)));
                        html! {
                            <tr>
                                <td><span class="chip" style={format!("background:{}", r.colour)}></span>{r.name.clone()}</td>
                                <td><input inputmode="numeric" value={r.stake.clone()} oninput={set_stake(i)}
                                           aria-label={t.format("lab-stake-of", &[("name", r.name.clone().into())])} data-testid="lab-stake" /></td>
                                <td class="num">{share.unwrap_or_else(|| "?".to_string())}</td>
                                <td><button class="ghost" onclick={remove(i)} aria-label={t.format("lab-remove", &[("name", r.name.clone().into())])}>{"×"}</button></td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                <div class="lab-controls">
                    <div class="row">
                        <button onclick={on_add} disabled={rows.len() >= MAX_STAKERS}>{t.get("lab-add")}</button>
                        <button onclick={on_network} disabled={p.network.is_empty()} data-testid="lab-network">{t.get("lab-network")}</button>
                        <button onclick={on_example}>{t.get("lab-example")}</button>
                    </div>
                    <div class="row">
                        <label>{t.get("lab-rounds")}
                            <select onchange={on_rounds} data-testid="lab-rounds">
                                { for [1_000u64, 10_000, MAX_ROUNDS].iter().map(|n| html! {
                                    <option value={n.to_string()} selected={*n == *rounds}>{t.number(*n)}</option>
                                }) }
                            </select>
                        </label>
                        <span class="muted">{t.format("lab-lots-per-round", &[("lots", super::lots(&t, total).into())])}</span>
                    </div>
                    <fieldset class="row rules">
                        <legend class="muted">{t.get("lab-rules")}</legend>
                        { for Rule::ALL.iter().map(|r| html! {
                            <label><input type="checkbox" checked={chosen.contains(r)} onchange={toggle(*r)} />{explain(&t, *r).0}</label>
                        }) }
                    </fieldset>
                    <div class="row">
                        if s.running {
                            <button class="primary" onclick={on_stop} data-testid="lab-stop">{t.get("lab-stop")}</button>
                        } else {
                            <button class="primary" onclick={on_run} data-testid="lab-run">{t.get("lab-run")}</button>
                        }
                        <progress max={goal.max(1).to_string()} value={progress.to_string()} data-testid="lab-progress"></progress>
                        <span class="muted" data-testid="lab-status">{
                            if s.running && s.report.is_none() { t.get("lab-starting") }
                            else if let Some(r) = &s.report {
                                // Each rule runs the rounds asked for: several rules are that many draws each.
                                let work = match r.rules.len() {
                                    1 => t.format("lab-rounds-of", &[("done", progress.into()), ("goal", goal.into())]),
                                    n => t.format("lab-draws-of", &[("done", progress.into()), ("goal", goal.into()), ("rounds", r.rounds_target.into()), ("rules", n.into())]),
                                };
                                let state = if s.stopped { "stopped" } else if s.running { "running" } else { "done" };
                                t.format("lab-status", &[("work", work.into()), ("seconds", Arg::Decimal(fixed(s.ms / 1000.0, 1))), ("state", state.into())])
                            } else { String::new() }
                        }</span>
                    </div>
                    if let Some(e) = &s.error { <p class="result err" role="status" data-testid="lab-error">{e.clone()}</p> }
                </div>
            </div>
            if let Some(report) = &s.report {
                { results(&t, report, &s.context, *shown, &shown) }
            }
            <grinding::Grinding stakers={lab_stakers.clone()} seed={p.seed.clone()} />
            <compounding::Compounding stakers={lab_stakers} seed={p.seed.clone()} />
        </section>
    }
}

fn results(
    t: &Texts,
    report: &FairnessReport,
    rows: &[Row],
    shown: Rule,
    set_shown: &UseStateHandle<Rule>,
) -> Html {
    let chosen = report
        .rules
        .iter()
        .find(|r| r.rule == shown)
        .or(report.rules.first());
    html! {
        <div class="lab-results" data-testid="lab-results">
            <div class="lab-chart">
                <div class="tabs" role="tablist">
                    { for report.rules.iter().map(|r| {
                        let set = set_shown.clone();
                        let rule = r.rule;
                        html! {
                            <button role="tab" class={classes!("tab", (Some(r) == chosen).then_some("on"))}
                                    aria-selected={(Some(r) == chosen).to_string()}
                                    onclick={Callback::from(move |_| set.set(rule))}>{explain(t, r.rule).0}</button>
                        }
                    }) }
                </div>
                if let Some(r) = chosen {
                    { chart(t, report, r, rows) }
                    <p class="lab-verdict" data-testid="lab-verdict">
                        <b>{t.format("lab-follow-stake", &[("chi", Arg::Decimal(fixed(r.chi_square.statistic_milli as f64 / 1000.0, 2))), ("degrees", u64::from(r.chi_square.degrees).into()), ("p", p_say(r.chi_square.p_value_ppm).into())])}</b>
                        {t.say(&verdict_say(r.verdict, p_say(r.chi_square.p_value_ppm), Against::Stake))}
                    </p>
                    if let (Some(c), Some(v)) = (r.chi_expected, r.verdict_expected) {
                        <p class="lab-verdict" data-testid="lab-verdict-expected">
                            <b>{t.format("lab-follow-design", &[("chi", Arg::Decimal(fixed(c.statistic_milli as f64 / 1000.0, 2))), ("p", p_say(c.p_value_ppm).into())])}</b>
                            {t.say(&verdict_say(v, p_say(c.p_value_ppm), Against::Design))}
                        </p>
                    }
                }
            </div>
            <table class="lab-table" data-testid="lab-table">
                <thead>
                    <tr><th>{t.get("lab-staker")}</th><th class="num">{t.get("lab-stake-share")}</th>
                        { for report.rules.iter().map(|r| html! { <th class="num" title={explain(t, r.rule).0}>{short(t, r.rule)}</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().enumerate().map(|(i, row)| html! {
                        <tr>
                            <td><span class="chip" style={format!("background:{}", row.colour)}></span>{row.name.clone()}</td>
                            <td class="num">{pct(t, report.stake_shares_ppm.get(i).copied().unwrap_or(0))}</td>
                            { for report.rules.iter().map(|r| html! {
                                <td class="num">{pct(t, r.shares_ppm.get(i).copied().unwrap_or(0))}
                                    <small class="wins">{ if r.rule == Rule::Algorand {
                                        t.format("lab-votes", &[("count", r.votes.get(i).copied().unwrap_or(0).into())])
                                    } else {
                                        t.format("lab-wins", &[("count", r.wins.get(i).copied().unwrap_or(0).into())])
                                    } }</small>
                                    if let Some(e) = r.expected_ppm.as_ref().and_then(|e| e.get(i)) {
                                        <small class="wins expected" data-testid="lab-expected">{t.format("lab-expected", &[("share", pct(t, *e).into())])}</small>
                                    }</td>
                            }) }
                        </tr>
                    }) }
                    <tr class="sum"><td>{t.get("lab-rounds-row")}</td><td></td>{ for report.rules.iter().map(|r| html! { <td class="num">{t.number(r.rounds)}</td> }) }</tr>
                    <tr class="sum"><td>{"χ²"}</td><td></td>{ for report.rules.iter().map(|r| html! {
                        <td class="num">{t.number(Arg::Decimal(fixed(r.chi_square.statistic_milli as f64 / 1000.0, 2)))}</td> }) }</tr>
                    <tr class="sum"><td>{t.get("lab-p-value")}</td><td></td>{ for report.rules.iter().map(|r| html! {
                        <td class={classes!("num", verdict_class(r))}>{t.say(&p_say(r.chi_square.p_value_ppm))}</td> }) }</tr>
                    <tr class="sum"><td title={t.get("lab-chi-expected.title")}>{t.get("lab-chi-expected")}</td><td></td>{ for report.rules.iter().map(|r| html! {
                        <td class="num">{r.chi_expected.map_or("—".to_string(), |c| t.number(Arg::Decimal(fixed(c.statistic_milli as f64 / 1000.0, 2))))}</td> }) }</tr>
                    <tr class="sum"><td>{t.get("lab-p-expected")}</td><td></td>{ for report.rules.iter().map(|r| html! {
                        <td class={classes!("num", r.verdict_expected.map(class_of))}>{r.chi_expected.map_or("—".to_string(), |c| t.say(&p_say(c.p_value_ppm)))}</td> }) }</tr>
                    <tr class="sum"><td title={t.get("lab-empty-shared.title")}>{t.get("lab-empty-shared")}</td><td></td>{ for report.rules.iter().map(|r| html! {
                        <td class="num">{ match r.rule {
                            Rule::Praos | Rule::Algorand => format!("{} / {}", t.number(r.empty_rounds), t.number(r.shared_rounds)),
                            _ => "—".to_string(),
                        } }
                        if matches!(r.rule, Rule::Praos | Rule::Algorand) {
                            if let (Some(e), Some(s)) = (r.expected_empty_ppm, r.expected_several_ppm) {
                                <small class="wins expected">{t.format("lab-expected-pair", &[("empty", pct(t, e).into()), ("shared", pct(t, s).into())])}</small>
                            }
                        }</td> }) }</tr>
                </tbody>
            </table>
            <div class="rule-notes" data-testid="rule-notes">
                { for report.rules.iter().map(|r| {
                    let (name, how, source) = explain(t, r.rule);
                    html! { <p><b>{name}</b>{". "}{how}<span class="muted">{t.format("lab-rule-source", &[("source", source.into())])}</span></p> }
                }) }
            </div>
            if report.rules.iter().any(|r| r.rule == Rule::Ethereum) {
                <div class="table-scroll" tabindex="0" role="region" aria-label={t.get("lab-electra")}>{ electra_chances(t) }</div>
            }
        </div>
    }
}

fn verdict_class(r: &RuleReport) -> &'static str {
    class_of(r.verdict)
}

fn class_of(v: Verdict) -> &'static str {
    match v {
        Verdict::Deviates => "bad",
        Verdict::Borderline => "warn",
        _ => "",
    }
}

/// Electra's chance to accept a validator when it comes up, for a few balances, computed by
/// the rule itself: `(⌊balance × 65,535 / 2,048⌋ + 1) / 65,536`.
fn electra_chances(t: &Texts) -> Html {
    html! {
        <table class="lab-table electra" data-testid="electra-chances">
            <caption>{t.get("lab-electra-caption")}</caption>
            <thead><tr><th>{t.get("lab-balance")}</th>{ for [32u64, 64, 160, 320, 960, 2_048].iter().map(|b| html! { <th class="num">{format!("{} ETH", t.number(*b))}</th> }) }</tr></thead>
            <tbody><tr><td>{t.get("lab-accepted")}</td>{ for [32u64, 64, 160, 320, 960, 2_048].iter().map(|b| {
                let a = ethereum::acceptance(*b);
                html! { <td class="num">{format!("{} / {} = {}", t.number(a), t.number(65_536u64), t.number(Arg::Decimal(fixed(a as f64 / 65_536.0, 3))))}</td> }
            }) }</tr></tbody>
        </table>
    }
}

const CW: f64 = 780.0;
const CH: f64 = 260.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 590.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 222.0;

/// Each staker's share over the rounds (solid, log scale of rounds) against its stake share
/// (dashed).
fn chart(t: &Texts, report: &FairnessReport, r: &RuleReport, rows: &[Row]) -> Html {
    let target = report.rounds_target.max(2) as f64;
    let x = |n: u64| LEFT + (RIGHT - LEFT) * (n.max(1) as f64).ln() / target.ln();
    let top_ppm = report
        .stake_shares_ppm
        .iter()
        .copied()
        .max()
        .unwrap_or(0)
        .saturating_mul(3)
        / 2;
    // A round top: the next 10 %.
    let top_ppm = (top_ppm.div_ceil(100_000) * 100_000).clamp(100_000, PPM as u32);
    let y = |ppm: u32| BOTTOM - (BOTTOM - TOP) * f64::from(ppm.min(top_ppm)) / f64::from(top_ppm);
    let ticks: Vec<u64> = [1u64, 10, 100, 1_000, 10_000, 100_000]
        .into_iter()
        .filter(|t| *t <= report.rounds_target)
        .collect();
    // Grid lines every 10 % or 20 %.
    let k = top_ppm / 100_000;
    let steps = if k <= 5 || k % 2 == 1 { k } else { k / 2 };
    html! {
        <svg class="share-chart" viewBox={format!("0 0 {CW} {CH}")} role="img" data-testid="lab-chart"
             aria-label={t.format("lab-chart", &[("rule", explain(t, r.rule).0.into()), ("rounds", r.rounds.into())])}>
            { for (0..=steps).map(|k| {
                let ppm = top_ppm / steps * k;
                html! { <>
                    <line x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={fixed(y(ppm), 1)} y2={fixed(y(ppm), 1)} class="grid" />
                    <text x={(LEFT - 6.0).to_string()} y={fixed(y(ppm) + 4.0, 1)} class="axis" text-anchor="end">{format!("{} %", fixed(f64::from(ppm) / 10_000.0, 0))}</text>
                </> }
            }) }
            { for ticks.iter().map(|tick| html! {
                <text x={fixed(x(*tick), 1)} y={(BOTTOM + 18.0).to_string()} class="axis" text-anchor="middle">{t.number(*tick)}</text>
            }) }
            <text x={((LEFT + RIGHT) / 2.0).to_string()} y={(BOTTOM + 34.0).to_string()} class="axis" text-anchor="middle">
                {t.get("lab-chart-axis")}</text>
            { for rows.iter().enumerate().map(|(i, row)| {
                let stake = report.stake_shares_ppm.get(i).copied().unwrap_or(0);
                let points: Vec<String> = r.samples.iter().map(|s| {
                    format!("{},{}", fixed(x(s.rounds), 1), fixed(y(s.shares_ppm.get(i).copied().unwrap_or(0)), 1))
                }).collect();
                let last = r.shares_ppm.get(i).copied().unwrap_or(0);
                html! { <g>
                    <line x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={fixed(y(stake), 1)} y2={fixed(y(stake), 1)}
                          stroke={row.colour.clone()} stroke-width="2" stroke-dasharray="7 5" />
                    <polyline points={points.join(" ")} fill="none" stroke={row.colour.clone()} stroke-width="2.5" />
                    if rows.len() <= 8 {
                        <text x={(RIGHT + 8.0).to_string()} y={fixed(y(last) + 4.0, 1)} class="end-label">
                            <tspan fill={row.colour.clone()} font-weight="bold">{"■ "}</tspan>{format!("{} {}", row.name, pct(t, last))}<title>{t.format("lab-end-title", &[("name", row.name.clone().into()), ("wins", pct(t, last).into()), ("stake", pct(t, stake).into())])}</title>
                        </text>
                    }
                </g> }
            }) }
        </svg>
    }
}
