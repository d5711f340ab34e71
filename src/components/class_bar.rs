//! The Class bar of a page opened from a class server with a teacher. On the teacher's page:
//! Follow me or Free, the class clock (pause, one step, resume, speed), call everyone back,
//! and who follows. On a student's page: whether it follows the teacher (and where the
//! teacher is), with "Explore on my own" and "Follow the teacher".

use crate::logic::class::{speed_words, ClassConnection, Order, MAX_SPEED, MIN_SPEED};
use crate::logic::command::Command;
use yew::prelude::*;

/// Props of [`ClassBar`].
#[derive(Properties, PartialEq)]
pub struct ClassBarProps {
    /// What the tab knows of its class server.
    pub class: ClassConnection,
    /// Where the teacher's lesson is, in words ("step 3 of 5"), when this page shows it.
    pub step_words: Option<String>,
    /// Pages that follow and pages that explore (from the roster).
    pub following: (usize, usize),
    /// A command for the router.
    pub on_command: Callback<Command>,
}

const SPEEDS: [u8; 7] = [1, 2, 3, 4, 6, 8, 16];

/// The bar; shown on pages of a class server (not the server's own tab).
#[function_component(ClassBar)]
pub fn class_bar(p: &ClassBarProps) -> Html {
    let c = &p.class;
    let lead = c.lead.clone().unwrap_or_default();
    let order = |o: Order| {
        let cb = p.on_command.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Command::Teach(o.clone())))
    };
    let clock = if lead.paused {
        format!(
            "Paused{}",
            lead.forge_up_to
                .map(|h| format!(" at block #{h}"))
                .unwrap_or_default()
        )
    } else {
        format!(
            "Running {} (a slot lasts {})",
            speed_words(lead.speed),
            crate::logic::clock::slot_words(lead.speed)
        )
    };
    if c.teacher {
        let on_speed = {
            let cb = p.on_command.clone();
            Callback::from(move |e: Event| {
                if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                    if let Ok(q) = s.value().parse::<u8>() {
                        if (MIN_SPEED..=MAX_SPEED).contains(&q) {
                            cb.emit(Command::Teach(Order::Speed(q)));
                        }
                    }
                }
            })
        };
        let mode = |follow: bool| {
            let cb = p.on_command.clone();
            let place = lead.place.clone();
            Callback::from(move |_: MouseEvent| {
                cb.emit(Command::Teach(Order::Place(crate::logic::class::Place {
                    follow,
                    ..place.clone()
                })))
            })
        };
        let leads = lead.teacher.is_some() && c.not_leading.is_none();
        let (following, exploring) = p.following;
        html! {
            <section class="classbar teacher" aria-label="Class" data-testid="class-bar" data-role="teacher"
                     data-paused={lead.paused.to_string()} data-follow={lead.place.follow.to_string()}>
                <h2>{"Class"}</h2>
                <span class="classbar-who" data-testid="class-lead-state">{
                    if leads { "You lead the class".to_string() }
                    else { c.not_leading.clone().map_or("Taking the lead…".to_string(), |r| format!("Not leading: {r}")) }
                }</span>
                <div class="seg" role="group" aria-label="Who sets the pace">
                    <button onclick={mode(true)} aria-pressed={lead.place.follow.to_string()} data-testid="class-follow-me">{"Follow me"}</button>
                    <button onclick={mode(false)} aria-pressed={(!lead.place.follow).to_string()} data-testid="class-free">{"Free"}</button>
                </div>
                <div class="seg" role="group" aria-label="The class clock">
                    if lead.paused {
                        <button class="primary" onclick={order(Order::Resume)} data-testid="class-resume">{"▶ Resume"}</button>
                        <button onclick={order(Order::Step)} data-testid="class-step" title="Exactly one more block: the rightful forger's">{"Step one block"}</button>
                    } else {
                        <button onclick={order(Order::Pause)} data-testid="class-pause" title="No node of the class forges until you resume">{"⏸ Pause"}</button>
                    }
                    <label>{"Speed "}
                        <select onchange={on_speed} data-testid="class-speed">
                            { for SPEEDS.iter().map(|q| html! {
                                <option value={q.to_string()} selected={*q == lead.speed}>{speed_words(*q)}</option>
                            }) }
                        </select>
                    </label>
                </div>
                <span class="classbar-clock" data-testid="class-clock">{clock}</span>
                <span class="classbar-count" data-testid="class-following">{format!("{following} following · {exploring} exploring")}</span>
                <button onclick={order(Order::CallBack)} data-testid="class-call-back">{"Call everyone back"}</button>
                if lead.refused > 0 {
                    <span class="muted small" data-testid="class-refused">{format!("{} lead messages from other pages refused", lead.refused)}</span>
                }
            </section>
        }
    } else {
        let follow = |f: bool| {
            let cb = p.on_command.clone();
            Callback::from(move |_: MouseEvent| cb.emit(Command::Follow(f)))
        };
        let state = if lead.teacher.is_none() && lead.place == Default::default() {
            "No teacher leads the class now".to_string()
        } else if !lead.place.follow {
            "Free: the teacher lets everyone explore".to_string()
        } else if c.exploring {
            "Exploring on your own".to_string()
        } else {
            match &p.step_words {
                Some(w) => format!("Following the teacher · {w}"),
                None => "Following the teacher".to_string(),
            }
        };
        html! {
            <section class="classbar student" aria-label="Class" data-testid="class-bar" data-role="student"
                     data-following={(!c.exploring && lead.place.follow).to_string()} data-paused={lead.paused.to_string()}>
                <span class="classbar-who" role="status" data-testid="class-follow-state">{state}</span>
                if lead.place.follow {
                    if c.exploring {
                        <button class="primary" onclick={follow(true)} data-testid="class-follow">{"Follow the teacher"}</button>
                    } else {
                        <button onclick={follow(false)} data-testid="class-explore">{"Explore on my own"}</button>
                    }
                }
                <a href="#whole-playground" class="jump" data-testid="class-whole">{"The whole playground ↓"}</a>
                if lead.paused || lead.speed != crate::logic::class::NORMAL_SPEED {
                    <span class="classbar-clock" data-testid="class-clock">{format!("Class clock: {}", clock.to_ascii_lowercase())}</span>
                }
            </section>
        }
    }
}
