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
    let t = super::language::use_texts();
    let c = &p.class;
    let lead = c.lead.clone().unwrap_or_default();
    let order = |o: Order| {
        let cb = p.on_command.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Command::Teach(o.clone())))
    };
    // The class clock in words; `who` is "teacher" or "student" (the student's bar says
    // "Class clock: …").
    let clock = |who: &str| match (lead.paused, lead.forge_up_to) {
        (true, Some(h)) => t.format(
            "class-clock-paused-at",
            &[("who", who.into()), ("height", h.into())],
        ),
        (true, None) => t.format("class-clock-paused", &[("who", who.into())]),
        (false, _) => t.format(
            "class-clock-running",
            &[
                ("who", who.into()),
                ("speed", speed_words(lead.speed).into()),
                ("slot", crate::logic::clock::slot_words(lead.speed).into()),
            ],
        ),
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
            <section class="classbar teacher" aria-label={t.get("class-bar.aria-label")} data-testid="class-bar" data-role="teacher"
                     data-paused={lead.paused.to_string()} data-follow={lead.place.follow.to_string()}>
                <h2>{t.get("class-bar")}</h2>
                <span class="classbar-who" data-testid="class-lead-state">{
                    if leads { t.get("class-you-lead") }
                    else { c.not_leading.clone().map_or(t.get("class-taking-lead"), |r| t.format("class-not-leading", &[("reason", r.into())])) }
                }</span>
                <div class="seg" role="group" aria-label={t.get("class-pace.aria-label")}>
                    <button onclick={mode(true)} aria-pressed={lead.place.follow.to_string()} data-testid="class-follow-me">{t.get("class-follow-me")}</button>
                    <button onclick={mode(false)} aria-pressed={(!lead.place.follow).to_string()} data-testid="class-free">{t.get("class-free")}</button>
                </div>
                <div class="seg" role="group" aria-label={t.get("class-clock.aria-label")}>
                    if lead.paused {
                        <button class="primary" onclick={order(Order::Resume)} data-testid="class-resume">{t.get("class-resume")}</button>
                        <button onclick={order(Order::Step)} data-testid="class-step" title={t.get("class-step.title")}>{t.get("class-step")}</button>
                    } else {
                        <button onclick={order(Order::Pause)} data-testid="class-pause" title={t.get("class-pause.title")}>{t.get("class-pause")}</button>
                    }
                    <label>{t.get("class-speed")}{" "}
                        <select onchange={on_speed} data-testid="class-speed">
                            { for SPEEDS.iter().map(|q| html! {
                                <option value={q.to_string()} selected={*q == lead.speed}>{t.say(&speed_words(*q))}</option>
                            }) }
                        </select>
                    </label>
                </div>
                <span class="classbar-clock" data-testid="class-clock">{clock("teacher")}</span>
                <span class="classbar-count" data-testid="class-following">{t.format("class-following", &[("following", following.into()), ("exploring", exploring.into())])}</span>
                <button onclick={order(Order::CallBack)} data-testid="class-call-back">{t.get("class-call-back")}</button>
                if lead.refused > 0 {
                    <span class="muted small" data-testid="class-refused">{t.format("class-refused", &[("count", lead.refused.into())])}</span>
                }
            </section>
        }
    } else {
        let follow = |f: bool| {
            let cb = p.on_command.clone();
            Callback::from(move |_: MouseEvent| cb.emit(Command::Follow(f)))
        };
        let state = if lead.teacher.is_none() && lead.place == Default::default() {
            t.get("class-no-teacher")
        } else if !lead.place.follow {
            t.get("class-free-explore")
        } else if c.exploring {
            t.get("class-exploring")
        } else {
            match &p.step_words {
                Some(w) => t.format("class-following-at", &[("step", w.clone().into())]),
                None => t.get("class-following-teacher"),
            }
        };
        html! {
            <section class="classbar student" aria-label={t.get("class-bar.aria-label")} data-testid="class-bar" data-role="student"
                     data-following={(!c.exploring && lead.place.follow).to_string()} data-paused={lead.paused.to_string()}>
                <span class="classbar-who" role="status" data-testid="class-follow-state">{state}</span>
                if lead.place.follow {
                    if c.exploring {
                        <button class="primary" onclick={follow(true)} data-testid="class-follow">{t.get("class-follow-teacher")}</button>
                    } else {
                        <button onclick={follow(false)} data-testid="class-explore">{t.get("class-explore")}</button>
                    }
                }
                <a href="#whole-playground" class="jump" data-testid="class-whole">{t.get("class-whole")}</a>
                if lead.paused || lead.speed != crate::logic::class::NORMAL_SPEED {
                    <span class="classbar-clock" data-testid="class-clock">{clock("student")}</span>
                }
            </section>
        }
    }
}
