//! The grinding demonstration: a forger tries many versions of its block to choose the next
//! forger; honest play and grinding side by side.

use super::job::use_job;
use super::pct;
use crate::logic::fairness::{GrindReport, LabStaker};
use crate::logic::i18n::{Arg, Say, Texts};
use crate::logic::words::fixed;
use crate::logic::worker_protocol::{WorkerReply, WorkerRequest};
use pos_core::grinding::{self, Setup, MAX_POOL};
use pos_core::Hash;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The demonstration's properties.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The lab's stake table.
    pub stakers: Vec<LabStaker>,
    /// The first block's parent hash (hex).
    pub seed: String,
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// The staker whose stake share is nearest 20 % (the first of equals).
fn default_grinder(stakers: &[LabStaker]) -> usize {
    let total: u64 = stakers.iter().map(|s| s.stake).sum();
    let gap = |s: &LabStaker| (u128::from(s.stake) * 5).abs_diff(u128::from(total));
    (0..stakers.len())
        .filter(|i| stakers[*i].stake > 0)
        .min_by_key(|i| (gap(&stakers[*i]), *i))
        .unwrap_or(0)
}

/// The grinding demonstration.
#[function_component(Grinding)]
pub fn grinding_demo(p: &Props) -> Html {
    let t = crate::components::language::use_texts();
    // Until someone is picked: the staker nearest a 20 % share, small enough that grinding
    // shows, big enough that it forges now and then.
    let grinder = use_state(|| None::<usize>);
    let friend = use_state(|| None::<usize>);
    let pool = use_state(|| 3usize);
    let rounds = use_state(|| 1_000u64);
    // The context of a run: its stakers and how many block versions a grinder may try.
    let job = use_job::<GrindReport, (Vec<LabStaker>, u64)>(|reply| match reply {
        WorkerReply::Grind { report, ms, .. } => {
            let done = report.done;
            Some((report, ms, done))
        }
        _ => None,
    });
    let n = p.stakers.len();
    let grinder_i = grinder
        .unwrap_or_else(|| default_grinder(&p.stakers))
        .min(n.saturating_sub(1));

    let pick = |state: &UseStateHandle<usize>| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Ok(v) = select_value(&e).parse() {
                state.set(v);
            }
        })
    };
    let on_grinder = {
        let grinder = grinder.clone();
        Callback::from(move |e: Event| grinder.set(select_value(&e).parse().ok()))
    };
    let on_friend = {
        let friend = friend.clone();
        Callback::from(move |e: Event| friend.set(select_value(&e).parse().ok()))
    };
    let on_rounds = {
        let rounds = rounds.clone();
        Callback::from(move |e: Event| {
            if let Ok(v) = select_value(&e).parse() {
                rounds.set(v);
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
            grinder: grinder_i,
            friend: friend.filter(|f| *f != grinder_i && *f < n),
            pool: *pool,
            rounds: *rounds,
            seed: Hash::from_hex(&p.seed).unwrap_or_else(|_| Hash::of(b"grinding")),
        };
        let stakers = p.stakers.clone();
        let job = job.clone();
        let t_fail = t.clone();
        Callback::from(move |_| match setup.validate() {
            Ok(()) => job.start(
                &WorkerRequest::Grind {
                    id: 1,
                    setup: setup.clone(),
                },
                (stakers.clone(), grinding::variants(setup.pool)),
            ),
            Err(e) => job.fail(t_fail.say(&Say::refusal("refusal-grind", &e, None))),
        })
    };

    let s = job.get();
    let option = |i: usize, selected: bool| {
        html! { <option value={i.to_string()} selected={selected}>{p.stakers[i].name.clone()}</option> }
    };
    html! {
        <section class="grinding" aria-label={t.get("grinding")} data-testid="grinding">
            <h3>{t.get("grinding-title")}</h3>
            <p>{t.get("grinding-help")}</p>
            <div class="row">
                <label>{t.get("grinding-grinder")}<select onchange={on_grinder} data-testid="grinder">
                    { for (0..n).map(|i| option(i, i == grinder_i)) }
                </select></label>
                <label>{t.get("grinding-friend")}<select onchange={on_friend} data-testid="friend">
                    <option value="none" selected={friend.is_none()}>{t.get("grinding-nobody")}</option>
                    { for (0..n).filter(|i| *i != grinder_i).map(|i| option(i, *friend == Some(i))) }
                </select></label>
                <label>{t.get("grinding-pool")}<select onchange={pick(&pool)} data-testid="grind-pool">
                    { for (0..=MAX_POOL).map(|k| html! {
                        <option value={k.to_string()} selected={k == *pool}>{t.format("grinding-versions", &[("count", k.into()), ("versions", grinding::variants(k).into())])}</option>
                    }) }
                </select></label>
                <label>{t.get("grinding-blocks")}<select onchange={on_rounds}>
                    { for [200u64, 1_000, 5_000].iter().map(|r| html! {
                        <option value={r.to_string()} selected={*r == *rounds}>{t.number(*r)}</option>
                    }) }
                </select></label>
                if s.running {
                    <button class="primary" onclick={on_stop}>{t.get("lab-stop")}</button>
                } else {
                    <button class="primary" onclick={on_run} disabled={n == 0} data-testid="grind-run">{t.get("grinding-run")}</button>
                }
                <span class="muted" data-testid="grind-status">{ match &s.report {
                    Some(r) => t.format("grinding-status", &[("done", r.grinding.rounds.into()), ("goal", r.grinding.rounds.max(r.honest.rounds).max(if r.done { 0 } else { *rounds }).into()),
                        ("seconds", Arg::Decimal(fixed(s.ms / 1000.0, 1))), ("state", (if r.done { "done" } else if s.running { "running" } else { "stopped" }).into())]),
                    None if s.running => t.get("lab-starting"),
                    None => String::new(),
                } }</span>
            </div>
            if let Some(e) = &s.error { <p class="result err" role="status">{e.clone()}</p> }
            if let Some(r) = &s.report { { outcome(&t, r, &s.context.0, s.context.1) } }
            <div class="defences">
                <p><b>{t.get("grinding-why")}</b>
                   {t.get("grinding-randao")}
                   {t.get("grinding-vrf")}</p>
            </div>
        </section>
    }
}

fn outcome(t: &Texts, r: &GrindReport, stakers: &[LabStaker], variants: u64) -> Html {
    let colour = |i: usize| {
        stakers
            .get(i)
            .map_or_else(|| "#888".to_string(), |s| s.colour.clone())
    };
    let name = |i: usize| stakers.get(i).map_or_else(String::new, |s| s.name.clone());
    let bar = |label: &str, ppm: u64, class: &str, testid: &str| {
        html! {
            <div class={classes!("grind-bar", class.to_string())} data-testid={testid.to_string()}>
                <span class="what">{label.to_string()}</span>
                <span class="track"><span class="fill" style={format!("width:{}%", fixed(ppm as f64 / 10_000.0, 2))}></span></span>
                <b>{pct(t, ppm as u32)}</b>
            </div>
        }
    };
    let g = &r.grinding;
    html! {
        <div class="grind-results" data-testid="grind-results">
            <div class="grind-bars">
                <p class="muted">{t.get("grinding-share")}</p>
                { bar(&t.get("grinding-its-stake"), g.coalition_stake_ppm, "stake", "grind-stake") }
                { bar(&t.get("grinding-honest-play"), r.honest.coalition_block_ppm, "honest", "grind-honest") }
                { bar(&t.format("grinding-ground", &[("versions", variants.into())]), g.coalition_block_ppm, "ground", "grind-ground") }
                { bar(&t.get("grinding-predicted"), g.expected_block_ppm, "predicted", "grind-predicted") }
                <p class="small muted">{t.get("grinding-formula")}</p>
            </div>
            <div class="grind-strips">
                <p class="muted">{t.format("grinding-first", &[("count", r.honest_strip.len().max(r.grinding_strip.len()).into())])}</p>
                <div class="strip-row"><span class="what">{t.get("grinding-honest")}</span>
                    <span class="cells">{ for r.honest_strip.iter().enumerate().map(|(h, f)| html! {
                        <i style={format!("background:{}", colour(*f))} title={t.format("grinding-block", &[("height", (h + 1).to_string().into()), ("name", name(*f).into())])}></i>
                    }) }</span></div>
                <div class="strip-row"><span class="what">{t.get("grinding-grinding")}</span>
                    <span class="cells">{ for r.grinding_strip.iter().enumerate().map(|(h, (f, changed))| html! {
                        <i class={classes!(changed.then_some("changed"))} style={format!("background:{}", colour(*f))}
                           title={t.format(if *changed { "grinding-block-ground" } else { "grinding-block" }, &[("height", (h + 1).to_string().into()), ("name", name(*f).into())])}></i>
                    }) }</span></div>
                <p class="small">{t.format("grinding-summary", &[("changed", g.changed_rounds.into()), ("blocks", g.coalition_blocks.into()),
                    ("tried", g.variants_tried.into()), ("honest", r.honest.variants_tried.into())])}</p>
            </div>
        </div>
    }
}
