//! "Break it": link conditions, a partition into two groups, crashes and adversaries for the
//! in-tab nodes — the same calls as the console's network(), partition(), heal(), crash(),
//! restart() and adversary().

use crate::logic::command::Command;
use crate::logic::views::FaultsView;
use pos_core::node::Behaviour;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`FaultControls`].
#[derive(Properties, PartialEq)]
pub struct FaultControlsProps {
    /// Every node (index, name, colour).
    pub nodes: Vec<(usize, String, String)>,
    /// `Playground::faults_view()`.
    pub state: FaultsView,
    /// A control was used.
    pub on_request: Callback<Command>,
    /// The last refusal, if any.
    pub error: Option<String>,
}

/// A partition (`[[0, 1], [2, 3]]`, node indices) in names: "Node 1, Node 2 | Node 3, Node 4".
fn groups_in_words(partition: &[Vec<usize>], nodes: &[(usize, String, String)]) -> String {
    let name = |i: &usize| {
        nodes
            .iter()
            .find(|(j, _, _)| j == i)
            .map_or("?", |(_, n, _)| n.as_str())
    };
    partition
        .iter()
        .map(|g| g.iter().map(name).collect::<Vec<_>>().join(", "))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The controls.
#[function_component(FaultControls)]
pub fn fault_controls(p: &FaultControlsProps) -> Html {
    let latency = use_state(|| p.state.latency_ms.to_string());
    let jitter = use_state(|| p.state.jitter_ms.to_string());
    let drop = use_state(|| "0".to_string());
    // When the links change (by these controls or from the console), the inputs show what
    // applies now.
    {
        let (latency, jitter, drop) = (latency.clone(), jitter.clone(), drop.clone());
        let now = (
            p.state.latency_ms,
            p.state.jitter_ms,
            u64::from(p.state.drop_ppm),
        );
        use_effect_with(now, move |(l, j, d)| {
            latency.set(l.to_string());
            jitter.set(j.to_string());
            drop.set(crate::logic::faults::percent_text(*d));
        });
    }
    // Group B membership for the next split (everyone else is in group A).
    let group_b = use_state(Vec::<usize>::new);
    let input = |s: &UseStateHandle<String>| {
        let s = s.clone();
        Callback::from(move |e: InputEvent| {
            s.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_apply = {
        let (l, j, d, cb) = (
            latency.clone(),
            jitter.clone(),
            drop.clone(),
            p.on_request.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let l = l.trim().parse().unwrap_or(u64::MAX);
            let j = j.trim().parse().unwrap_or(u64::MAX);
            let d = crate::logic::faults::share_of_percent(&d).unwrap_or(-1.0);
            cb.emit(Command::SetConditions {
                latency_ms: l,
                jitter_ms: j,
                drop: d,
            });
        })
    };
    let partition = p.state.partition.clone();
    let crashed = p.state.crashed.clone();
    let behaviours = p.state.behaviours.clone();
    let on_split = {
        let (b, cb, n) = (group_b.clone(), p.on_request.clone(), p.nodes.len());
        Callback::from(move |_| {
            let a: Vec<usize> = (0..n).filter(|i| !b.contains(i)).collect();
            cb.emit(Command::Partition(vec![a, (*b).clone()]));
        })
    };
    let on_heal = {
        let cb = p.on_request.clone();
        Callback::from(move |_| cb.emit(Command::Heal))
    };
    let t = super::language::use_texts();
    html! {
        <section class="faults" aria-label={t.get("faults.aria-label")} data-testid="faults">
            <h2>{t.get("faults")}<small>{t.get("faults-subtitle")}</small></h2>
            <form class="links-form" onsubmit={on_apply}>
                <label>{t.get("faults-latency")}{" "}<input inputmode="numeric" value={(*latency).clone()} oninput={input(&latency)} data-testid="latency" />{" ms"}</label>
                <label>{t.get("faults-jitter")}{" "}<input inputmode="numeric" value={(*jitter).clone()} oninput={input(&jitter)} data-testid="jitter" />{" ms"}</label>
                <label>{t.get("faults-lost")}{" "}<input inputmode="decimal" value={(*drop).clone()} oninput={input(&drop)} data-testid="drop" />{" %"}</label>
                <button type="submit" data-testid="apply-links">{t.get("faults-apply")}</button>
                <span class="muted">{t.format("faults-now", &[
                    ("latency", p.state.latency_ms.into()),
                    ("jitter", p.state.jitter_ms.into()),
                    ("lost", ((p.state.drop * 100.0).round() as i64).into()),
                ])}</span>
            </form>
            <table class="fault-table">
                <thead><tr><th>{t.get("faults-node")}</th><th>{t.get("faults-group")}</th><th>{t.get("faults-power")}</th><th>{t.get("faults-behaviour")}</th></tr></thead>
                <tbody>
                { for p.nodes.iter().map(|(i, name, colour)| {
                    let i = *i;
                    let in_b = group_b.contains(&i);
                    let toggle = {
                        let b = group_b.clone();
                        Callback::from(move |_| {
                            let mut v = (*b).clone();
                            if let Some(k) = v.iter().position(|x| *x == i) { v.remove(k); } else { v.push(i); }
                            b.set(v);
                        })
                    };
                    let down = crashed.contains(&i);
                    let power = {
                        let cb = p.on_request.clone();
                        Callback::from(move |_| cb.emit(if down { Command::Restart(i) } else { Command::Crash(i) }))
                    };
                    let current = behaviours.get(i).copied().unwrap_or("honest");
                    let on_behaviour = {
                        let cb = p.on_request.clone();
                        Callback::from(move |e: Event| cb.emit(Command::Adversary { node: i, behaviour: e.target_unchecked_into::<HtmlSelectElement>().value() }))
                    };
                    html! {
                        <tr data-testid={format!("fault-node-{i}")}>
                            <td><span class="chip" style={format!("background:{colour}")}></span>{name.clone()}</td>
                            <td><button class={classes!("group", if in_b { "b" } else { "a" })} onclick={toggle} aria-label={t.format("faults-group-of", &[("node", name.clone().into()), ("group", if in_b { "B" } else { "A" }.into())])}>{ if in_b { "B" } else { "A" } }</button></td>
                            <td><button onclick={power} data-testid="power">{ if down { t.get("faults-restart") } else { t.get("faults-crash") } }</button></td>
                            <td><select onchange={on_behaviour} data-testid="behaviour" aria-label={t.format("faults-behaviour-of", &[("node", name.clone().into())])}>
                                { for Behaviour::ALL.iter().map(|b| html! {
                                    <option value={b.name()} selected={b.name() == current}>{ t.format("faults-behaviour-option", &[("behaviour", b.name().into())]) }</option>
                                }) }
                            </select></td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            <div class="split">
                <button onclick={on_split} data-testid="split">{t.get("faults-split")}</button>
                <button onclick={on_heal} disabled={partition.is_none()} data-testid="heal">{t.get("faults-heal")}</button>
                { match &partition {
                    Some(v) => html! { <span class="stat busy" data-testid="partitioned">{t.format("faults-split-now", &[("groups", groups_in_words(v, &p.nodes).into())])}</span> },
                    None => html! { <span class="muted">{t.get("faults-one-network")}</span> },
                } }
            </div>
            if let Some(e) = &p.error { <p class="result err" role="status">{e.clone()}</p> }
        </section>
    }
}
