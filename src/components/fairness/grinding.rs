//! The grinding demonstration: a forger tries many versions of its block to choose the next
//! forger; honest play and grinding side by side.

use super::job::use_job;
use super::pct;
use crate::logic::fairness::{GrindReport, LabStaker};
use crate::logic::words::fixed;
use crate::logic::words::group;
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
        Callback::from(move |_| match setup.validate() {
            Ok(()) => job.start(
                &WorkerRequest::Grind {
                    id: 1,
                    setup: setup.clone(),
                },
                (stakers.clone(), grinding::variants(setup.pool)),
            ),
            Err(e) => job.fail(e.to_string()),
        })
    };

    let s = job.get();
    let option = |i: usize, selected: bool| {
        html! { <option value={i.to_string()} selected={selected}>{p.stakers[i].name.clone()}</option> }
    };
    html! {
        <section class="grinding" aria-label="Grinding" data-testid="grinding">
            <h3>{"Grinding: can a forger steer the next draw?"}</h3>
            <p>{"The next forger is drawn from the hash of the block before, and that hash covers the block's transactions in their order. So a forger may try every order and subset of its pool, hash each version (no signature needed until it publishes), run the lottery on each, and publish the one that makes itself — or a friend — the next forger. Here real blocks of real signed transactions are hashed with the chain's own code."}</p>
            <div class="row">
                <label>{"grinder "}<select onchange={on_grinder} data-testid="grinder">
                    { for (0..n).map(|i| option(i, i == grinder_i)) }
                </select></label>
                <label>{"its friend "}<select onchange={on_friend} data-testid="friend">
                    <option value="none" selected={friend.is_none()}>{"nobody"}</option>
                    { for (0..n).filter(|i| *i != grinder_i).map(|i| option(i, *friend == Some(i))) }
                </select></label>
                <label>{"transactions in its pool "}<select onchange={pick(&pool)} data-testid="grind-pool">
                    { for (0..=MAX_POOL).map(|k| html! {
                        <option value={k.to_string()} selected={k == *pool}>{format!("{k} → {} block versions", grinding::variants(k))}</option>
                    }) }
                </select></label>
                <label>{"blocks "}<select onchange={on_rounds}>
                    { for [200u64, 1_000, 5_000].iter().map(|r| html! {
                        <option value={r.to_string()} selected={*r == *rounds}>{group(*r)}</option>
                    }) }
                </select></label>
                if s.running {
                    <button class="primary" onclick={on_stop}>{"■ Stop"}</button>
                } else {
                    <button class="primary" onclick={on_run} disabled={n == 0} data-testid="grind-run">{"▶ Honest vs grinding"}</button>
                }
                <span class="muted" data-testid="grind-status">{ match &s.report {
                    Some(r) => format!("{} of {} blocks · {} s{}", group(r.grinding.rounds), group(r.grinding.rounds.max(r.honest.rounds).max(if r.done { 0 } else { *rounds })), fixed(s.ms / 1000.0, 1), if r.done { " · done" } else if s.running { "" } else { " · stopped" }),
                    None if s.running => "starting the worker…".to_string(),
                    None => String::new(),
                } }</span>
            </div>
            if let Some(e) = &s.error { <p class="result err" role="status">{e.clone()}</p> }
            if let Some(r) = &s.report { { outcome(r, &s.context.0, s.context.1) } }
            <div class="defences">
                <p><b>{"Why real chains are not this easy to steer. "}</b>
                   {"Ethereum's RANDAO mixes in each proposer's reveal, a BLS signature of the epoch number: one fixed value per proposer, so there is nothing to try. Its only choice is to reveal or skip its slot — one bit of influence, paid for with its block and reward. "}
                   {"Algorand and Cardano use a VRF: the lottery input is the VRF of a nonce fixed before any block's contents exist and the slot number, one output per key and slot, so reordering transactions changes nothing."}</p>
            </div>
        </section>
    }
}

fn outcome(r: &GrindReport, stakers: &[LabStaker], variants: u64) -> Html {
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
                <b>{pct(ppm as u32)}</b>
            </div>
        }
    };
    let g = &r.grinding;
    html! {
        <div class="grind-results" data-testid="grind-results">
            <div class="grind-bars">
                <p class="muted">{"share of blocks forged by the grinder's side"}</p>
                { bar("its stake", g.coalition_stake_ppm, "stake", "grind-stake") }
                { bar("honest play", r.honest.coalition_block_ppm, "honest", "grind-honest") }
                { bar(&format!("grinding, {} versions", group(variants)), g.coalition_block_ppm, "ground", "grind-ground") }
                { bar("grinding, predicted", g.expected_block_ppm, "predicted", "grind-predicted") }
                <p class="small muted">{"predicted long-run share s ÷ (s + (1 − s)^V), for stake share s and V versions: once the grinder's side forges, it keeps the next block unless all V versions fail"}</p>
            </div>
            <div class="grind-strips">
                <p class="muted">{format!("who forged the first {} blocks", r.honest_strip.len().max(r.grinding_strip.len()))}</p>
                <div class="strip-row"><span class="what">{"honest"}</span>
                    <span class="cells">{ for r.honest_strip.iter().enumerate().map(|(h, f)| html! {
                        <i style={format!("background:{}", colour(*f))} title={format!("block {}: {}", h + 1, name(*f))}></i>
                    }) }</span></div>
                <div class="strip-row"><span class="what">{"grinding"}</span>
                    <span class="cells">{ for r.grinding_strip.iter().enumerate().map(|(h, (f, changed))| html! {
                        <i class={classes!(changed.then_some("changed"))} style={format!("background:{}", colour(*f))}
                           title={format!("block {}: {}{}", h + 1, name(*f), if *changed { " — the block before it was ground" } else { "" })}></i>
                    }) }</span></div>
                <p class="small">{format!(
                    "Grinding changed the next forger in {} of the {} blocks the grinder's side forged, hashing {} block versions in all (honest play: {}). A dark foot marks a block won because the one before it was ground.",
                    group(g.changed_rounds), group(g.coalition_blocks), group(g.variants_tried), group(r.honest.variants_tried))}</p>
            </div>
        </div>
    }
}
