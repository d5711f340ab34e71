//! The page: header and network controls, node cards, the shared timeline, the activity feed
//! and the Python views of one node.

use crate::components::activity::ActivityFeed;
use crate::components::class_bar::ClassBar;
use crate::components::class_panel::ClassPanel;
use crate::components::faults::FaultControls;
use crate::components::files::ChainFiles;
use crate::components::history::{HistoryBar, TimeAction};
use crate::components::lab_host::LabHost;
use crate::components::language::LanguageMenu;
use crate::components::lesson::LessonPanel;
use crate::components::links::LinksPanel;
use crate::components::live::LiveRegion;
use crate::components::lottery::LotterySection;
use crate::components::network::NetworkBar;
use crate::components::node_card::NodeCard;
use crate::components::panels::{Panels, View};
use crate::components::student::MyDraw;
use crate::components::timeline::Timeline;
use crate::components::tree::BlockTree;
use crate::edge::channel::{self, Channel};
use crate::edge::class_socket::{self, ClassSocket};
use crate::edge::clock::{self, now_ms};
use crate::edge::driver::{self, Router};
use crate::edge::js_api;
use crate::edge::lessons::Lessons;
use crate::edge::storage::{self, Saver};
use crate::edge::webrtc::Links;
use crate::logic::class::{Order, Place, SECTIONS};
use crate::logic::command::{Applied, Command, Key, Refused};
use crate::logic::fairness::network_stakers;
use crate::logic::history::recording::MAX_RECORDING_BYTES;
use crate::logic::i18n::Say;
use crate::logic::model::{
    new_wallet, Ids, Playground, RandomnessError, Request, IN_TAB_LATENCY_MS,
};
use crate::logic::views::NodeView;
use crate::logic::wire::MAX_NODES;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast as _;
use yew::prelude::*;

/// A saved state that could not be restored, waiting for the user's choice.
#[derive(Clone, PartialEq)]
pub struct Recovery {
    /// Why, in words.
    pub reason: crate::logic::i18n::Say,
    /// The stored text, for a copy.
    pub raw: String,
}

/// The tab's model, shared by the page, the timer and the console API.
#[derive(Clone)]
pub struct Shared(pub Rc<RefCell<Playground>>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// How the page starts: a playground (restored, or fresh with `recovery` saying why the saved
/// one could not come back), or no secure randomness and so no playground at all.
struct Start {
    network: Rc<Option<String>>,
    model: Result<(Shared, Option<Recovery>), RandomnessError>,
}

fn start() -> Start {
    // A page from a class server joins its class unless the address names another network.
    let network = channel::network_from_url().or_else(class_socket::class_from_page);
    let start_new = channel::start_new_from_url();
    let model = (|| {
        let (saved, recovery) = restore_saved(network.as_deref())?;
        let model = match saved {
            Some(p) => p,
            None => Playground::fresh(network.as_deref(), start_new, now_ms())?,
        };
        Ok((Shared(Rc::new(RefCell::new(model))), recovery))
    })();
    Start {
        network: Rc::new(network),
        model,
    }
}

/// The tab as it was before a reload, if the browser kept it; or why it cannot come back.
fn restore_saved(
    network: Option<&str>,
) -> Result<(Option<Playground>, Option<Recovery>), RandomnessError> {
    if network.is_some() && channel::start_new_from_url() {
        return Ok((None, None));
    }
    let (area, key) = storage::slot(network);
    let Some(text) = storage::load(area, &key) else {
        return Ok((None, None));
    };
    Ok(
        match Playground::restore(&text, Ids::generate()?, now_ms()) {
            Ok(p) => (Some(p), None),
            Err(e) => (
                None,
                Some(Recovery {
                    reason: e.say(),
                    raw: text,
                }),
            ),
        },
    )
}

/// The root component: the playground, or, when the browser gives no secure randomness, a
/// message saying so (never a blank page, and never keys from anything weaker).
/// The app's properties: the page's words, loaded before it mounts.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The words of the chosen language.
    pub words: crate::edge::lang::Words,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let words = use_state(|| props.words.clone());
    let language = {
        let setter = words.setter();
        crate::components::language::Language {
            words: (*words).clone(),
            switch: Callback::from(move |code: String| {
                let setter = setter.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = crate::edge::lang::load(Some(&code)).await;
                    crate::edge::lang::remember_in_address(&loaded.texts.language().code);
                    setter.set(loaded);
                });
            }),
        }
    };
    let start = use_memo((), |_| start());
    use_effect_with((), |_| {
        // The app is on screen: index.html's "Loading…" line goes.
        if let Some(loading) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("loading"))
        {
            loading.remove();
        }
    });
    let page = match &start.model {
        Ok((model, recovery)) => html! {
            <Page model={model.clone()} network={start.network.clone()} recovery={recovery.clone()} />
        },
        Err(_) => html! {
            <div class="page">
                <div class="recovery" role="alert" data-testid="no-randomness">
                    <h2>{words.texts.get("no-randomness")}</h2>
                    <p>{words.texts.get("no-randomness-help")}</p>
                </div>
            </div>
        },
    };
    html! {
        <ContextProvider<crate::components::language::Language> context={language}>
            {page}
        </ContextProvider<crate::components::language::Language>>
    }
}

/// The page's properties.
#[derive(Properties, PartialEq)]
pub struct PageProps {
    /// The tab's model.
    pub model: Shared,
    /// The network of tabs (`?net=`), if any.
    pub network: Rc<Option<String>>,
    /// Why the saved state could not be restored, if it could not.
    pub recovery: Option<Recovery>,
}

/// The playground itself.
#[function_component(Page)]
pub fn page(props: &PageProps) -> Html {
    let t = crate::components::language::use_texts();
    let network = props.network.clone();
    let model = props.model.0.clone();
    let recovery = {
        let first = props.recovery.clone();
        use_state(move || first)
    };
    let saver = {
        let (area, key) = storage::slot(network.as_deref());
        let enabled = recovery.is_none();
        use_memo((), move |_| Saver::new(area, key, enabled))
    };
    let files_message = use_state(|| None::<(bool, String)>);
    let redraw = use_force_update();
    let selected = use_state(|| 0usize);
    let view = use_state(|| View::Chain);
    let raw = use_state(|| false);
    let notice = use_state(|| None::<crate::logic::i18n::Say>);
    // The one way in for every change from the edge (transports, forms, console, clock) and
    // the one way out for what the model says (edge/driver.rs).
    let router = {
        let (model, saver, redraw) = (model.clone(), saver.clone(), redraw.clone());
        use_memo((), move |_| {
            let soon = redraw.clone();
            Router::new(
                model,
                saver.clone(),
                Rc::new(move || redraw.force_update()),
                // Frames come in bursts: the page renders once per burst.
                clock::coalesced(move || soon.force_update()),
            )
        })
    };
    let router: Rc<Router> = (*router).clone();
    let lessons = {
        let router = router.clone();
        use_memo((), move |_| Lessons::new(router))
    };
    let links = {
        let router = router.clone();
        let redraw = redraw.clone();
        use_memo((), move |_| {
            Links::new(router, clock::coalesced(move || redraw.force_update()))
        })
    };

    {
        let router = router.clone();
        let redraw = redraw.clone();
        let network = network.clone();
        let saver = saver.clone();
        let links = links.clone();
        let lessons = lessons.clone();
        use_effect_with((), move |_| {
            let redraw: Rc<dyn Fn()> = Rc::new(move || redraw.force_update());
            let channel = (*network)
                .as_deref()
                .and_then(|name| Channel::open(name, router.clone()));
            let timer = driver::start(router.clone());
            let class = class_socket::class_from_page().and(network.as_deref().map(str::to_string));
            let socket = class.and_then(|name| {
                ClassSocket::open(
                    &name,
                    router.clone(),
                    (*links).clone(),
                    clock::coalesced({
                        let redraw = redraw.clone();
                        move || redraw()
                    }),
                    class_socket::teacher_token(),
                )
            });
            let api = js_api::install(router.clone(), saver.clone(), (*links).clone());
            let lesson_api = js_api::install_lesson((*lessons).clone(), redraw);
            let on_hide = save_on_hide(router);
            move || {
                drop(socket);
                drop(timer);
                drop(lesson_api);
                drop(api);
                drop(channel);
                drop(on_hide);
            }
        });
    }

    let on_request = {
        let router = router.clone();
        let redraw = redraw.clone();
        Callback::from(move |(i, request): (usize, Request)| {
            let _ = router.apply(Command::Submit { node: i, request });
            redraw.force_update();
        })
    };
    let on_forge = {
        let router = router.clone();
        let redraw = redraw.clone();
        Callback::from(move |i: usize| {
            let _ = router.apply(Command::Forge(i));
            redraw.force_update();
        })
    };
    let on_add = {
        let router = router.clone();
        let redraw = redraw.clone();
        let notice = notice.clone();
        Callback::from(move |_| {
            let result = new_wallet()
                .map_err(Refused::from)
                .and_then(|w| router.apply(Command::AddNode(Key::new(w))));
            notice.set(result.err().map(|e| e.say()));
            redraw.force_update();
        })
    };
    let on_remove = {
        let router = router.clone();
        let redraw = redraw.clone();
        let notice = notice.clone();
        let selected = selected.clone();
        Callback::from(move |_| {
            let result = router.apply(Command::RemoveNode);
            let len = router.read(Playground::len).unwrap_or(0);
            if *selected >= len {
                selected.set(len.saturating_sub(1));
            }
            notice.set(result.err().map(|e| e.say()));
            redraw.force_update();
        })
    };

    let on_start_fresh = {
        let recovery = recovery.clone();
        let saver = saver.clone();
        Callback::from(move |_| {
            saver.clear();
            saver.set_enabled(true);
            recovery.set(None);
        })
    };
    let on_keep_copy = {
        let recovery = recovery.clone();
        Callback::from(move |_| {
            if let Some(r) = &*recovery {
                let _ = storage::download("pos-playground-saved-state.json", &r.raw);
            }
        })
    };
    let on_new_network = {
        let router = router.clone();
        let redraw = redraw.clone();
        let saver = saver.clone();
        let network = network.clone();
        let notice = notice.clone();
        let question = t.get("new-network-confirm");
        Callback::from(move |_| {
            let sure = web_sys::window()
                .and_then(|w| w.confirm_with_message(&question).ok())
                .unwrap_or(false);
            if sure {
                let command = Command::NewNetwork((*network).clone());
                match router.apply(command) {
                    Ok(_) => {
                        saver.clear();
                        saver.mark_dirty();
                        notice.set(None);
                    }
                    // The old network stays: nothing weaker than secure randomness makes keys.
                    Err(e) => notice.set(Some(e.say())),
                }
                redraw.force_update();
            }
        })
    };
    let on_time = {
        let router = router.clone();
        let redraw = redraw.clone();
        Callback::from(move |a: TimeAction| {
            let refused = |r: Result<(), Say>| r.err().map(|e| (false, e));
            let said = match a {
                TimeAction::Play(q) => refused(router.play(q)),
                TimeAction::Pause => refused(router.pause()),
                TimeAction::Step(d) => refused(router.step_event(d)),
                TimeAction::Seek(e) => refused(router.seek(e)),
                TimeAction::Block(h) => refused(router.jump_to_block(h).map(|_| ())),
                TimeAction::Branch(b) => refused(router.switch_branch(b)),
                TimeAction::Save => Some(
                    match router
                        .recording()
                        .and_then(|text| storage::download("pos-playground-recording.json", &text))
                    {
                        Ok(()) => (
                            true,
                            Say::new("history-saved").with("file", "pos-playground-recording.json"),
                        ),
                        Err(e) => (false, e),
                    },
                ),
                TimeAction::Open(text) => {
                    // The router notes the outcome for the bar, as for the console's opening.
                    wasm_bindgen_futures::spawn_local({
                        let router = router.clone();
                        async move {
                            let _ = router.open_recording(text).await;
                        }
                    });
                    None
                }
                TimeAction::CancelOpen => {
                    router.cancel_opening();
                    None
                }
                TimeAction::TooBig(size) => Some((
                    false,
                    Say::new("history-too-big")
                        .with("size", size)
                        .with("most", MAX_RECORDING_BYTES),
                )),
            };
            router.set_note(said);
            redraw.force_update();
        })
    };
    let on_export = {
        let router = router.clone();
        let files_message = files_message.clone();
        let t = t.clone();
        Callback::from(move |(i, with_keys): (usize, bool)| {
            let text = router
                .read(|m| m.export_chain(i, with_keys, now_ms()))
                .flatten();
            let name = format!(
                "pos-playground-chain-node{}{}.json",
                i + 1,
                if with_keys { "-with-keys" } else { "" }
            );
            files_message.set(Some(match text.map(|t| storage::download(&name, &t)) {
                Some(Ok(())) => (true, t.format("files-saved", &[("file", name.into())])),
                Some(Err(e)) => (false, t.say(&e)),
                None => (false, t.get("files-no-node")),
            }));
        })
    };
    let on_import = {
        let router = router.clone();
        let redraw = redraw.clone();
        let saver = saver.clone();
        let files_message = files_message.clone();
        let t = t.clone();
        Callback::from(move |text: String| {
            // Checking a chain re-runs every block's lottery: with a million staked tokens,
            // about half a second a block on the page's thread. Say so before it starts.
            files_message.set(Some((true, t.get("files-checking"))));
            let (router, redraw, saver, files_message, t) = (
                router.clone(),
                redraw.clone(),
                saver.clone(),
                files_message.clone(),
                t.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                // Long enough for the page to draw the line above first.
                clock::sleep(50).await;
                let result = Command::import(text).and_then(|c| router.apply(c));
                files_message.set(Some(match result {
                    Ok(applied) => {
                        let height = if let Applied::Imported(h) = applied {
                            h
                        } else {
                            0
                        };
                        saver.mark_dirty();
                        (
                            true,
                            t.format("files-imported", &[("height", height.to_string().into())]),
                        )
                    }
                    Err(e) => (false, t.say(&e.say())),
                }));
                redraw.force_update();
            });
        })
    };
    let fault_error = use_state(|| None::<String>);
    let on_fault = {
        let router = router.clone();
        let redraw = redraw.clone();
        let fault_error = fault_error.clone();
        let t = t.clone();
        Callback::from(move |command: Command| {
            let result = router.apply(command);
            fault_error.set(
                result
                    .err()
                    .map(|e| t.format("refused", &[("why", e.say().into())])),
            );
            redraw.force_update();
        })
    };
    let on_join = {
        let router = router.clone();
        let redraw = redraw.clone();
        Callback::from(move |tab: String| {
            let _ = router.apply(Command::JoinConflict(tab));
            redraw.force_update();
        })
    };
    let on_keep = {
        let router = router.clone();
        let redraw = redraw.clone();
        Callback::from(move |tab: String| {
            let _ = router.apply(Command::KeepMine(tab));
            redraw.force_update();
        })
    };

    // The class: the teacher's page reports where it is; a student's page follows.
    let teacher_section = use_mut_ref(|| None::<usize>);
    let teacher_block = use_mut_ref(|| None::<u64>);
    let on_section = {
        let (s, redraw) = (teacher_section.clone(), redraw.clone());
        Callback::from(move |i: usize| {
            if *s.borrow() != Some(i) {
                *s.borrow_mut() = Some(i);
                redraw.force_update();
            }
        })
    };
    let on_block = {
        let (b, redraw) = (teacher_block.clone(), redraw.clone());
        Callback::from(move |h: Option<u64>| {
            if *b.borrow() != h {
                *b.borrow_mut() = h;
                redraw.force_update();
            }
        })
    };
    let on_note = {
        let router = router.clone();
        Callback::from(move |line: crate::logic::i18n::Say| {
            router.handle(crate::logic::input::Input::ClassNote(line));
        })
    };
    let on_class = {
        let (router, redraw, notice) = (router.clone(), redraw.clone(), notice.clone());
        Callback::from(move |c: Command| {
            if let Err(e) = router.apply(c) {
                notice.set(Some(e.say()));
            }
            redraw.force_update();
        })
    };

    let m = model.borrow();
    lessons.tour.borrow_mut().observe(&m, now_ms());
    let class = m
        .class_connection()
        .filter(|c| !c.serving && c.server.is_some())
        .cloned();
    let lead = class.as_ref().and_then(|c| c.lead.clone());
    let position = lessons.tour.borrow().position();
    let led = m
        .following_teacher()
        .then(|| lead.as_ref().map(|l| l.place.clone()))
        .flatten();
    let teacher_place = class.as_ref().filter(|c| c.teacher).map(|_| Place {
        follow: lead.as_ref().is_none_or(|l| l.place.follow),
        lesson: position.as_ref().map(|p| p.lesson.clone()),
        step: position.as_ref().map_or(0, |p| p.step as u32),
        section: teacher_section
            .borrow()
            .and_then(|i| SECTIONS.get(i))
            .map(|s| s.to_string()),
        block: *teacher_block.borrow(),
    });
    let may_lead = class.as_ref().is_some_and(|c| {
        c.connected
            && c.not_leading.is_none()
            && lead
                .as_ref()
                .is_some_and(|l| l.teacher.as_deref().is_none_or(|t| t == m.tab_id()))
    });
    {
        let router = router.clone();
        // Only when the page's own place changes (or it may lead again): what the console's
        // lead({...}) set stays until the teacher's page itself moves.
        let led_now = lead.as_ref().map(|l| l.place.clone());
        use_effect_with((teacher_place.clone(), may_lead), move |(mine, ok)| {
            if let (Some(mine), true) = (mine, *ok) {
                if Some(mine) != led_now.as_ref() {
                    let _ = router.apply(Command::Teach(Order::Place(mine.clone())));
                }
            }
        });
    }
    let step_words = position
        .as_ref()
        .filter(|_| led.as_ref().is_some_and(|l| l.lesson.is_some()))
        .map(|p| {
            t.format(
                "lesson-step-of",
                &[("step", p.step.into()), ("steps", p.steps.into())],
            )
        });
    let student = class.as_ref().is_some_and(|c| !c.teacher);
    let roster = m.roster();
    let follow_counts = (
        roster
            .iter()
            .filter(|r| r.follows == Some("following"))
            .count(),
        roster
            .iter()
            .filter(|r| r.follows == Some("exploring"))
            .count(),
    );
    let summaries = m.summaries();
    let names: Vec<(usize, String)> = summaries
        .iter()
        .map(|s| (s.index, t.say(&Playground::node_words(s.index))))
        .collect();
    let next = m
        .node(0)
        .and_then(|n| n.chain().next_forger())
        .map(|a| (t.say(&m.who(&a)), m.colour_of(&a).to_string()));
    // A big draw some node of this tab waits for (it went to the lottery worker).
    let drawing = m.net().pending_draws().first().map(|d| d.lots());
    let timeline = m.timeline(10);
    let colours: Vec<String> = summaries.iter().map(|s| s.colour.clone()).collect();
    let activity: Vec<_> = m.activity().take(14).cloned().collect();
    let sel = (*selected).min(summaries.len().saturating_sub(1));
    let panel = match *view {
        View::Chain => m.chain_view(sel).map(NodeView::Chain),
        View::Pool => m.pool_view(sel).map(NodeView::Pool),
        View::Info => m.info_view(sel).map(|v| NodeView::Info(Box::new(v))),
    };
    let height = summaries.iter().map(|s| s.height).max().unwrap_or(0);
    let agreed = summaries.windows(2).all(|w| w[0].tip == w[1].tip);
    let (lab_network, lab_seed) = network_stakers(&m, sel, &|s| t.say(s))
        .map(|(rows, tip)| (rows, tip.to_hex()))
        .unwrap_or_default();

    html! {
        <div class={classes!("page", student.then_some("student"))}>
            <LessonPanel lessons={(*lessons).clone()} redraw={{ let r = redraw.clone(); Callback::from(move |()| r.force_update()) }}
                led={led.clone()} on_section={on_section} on_note={on_note.clone()} />
            if let Some(c) = class.clone() {
                <ClassBar class={c} step_words={step_words} following={follow_counts} on_command={on_class} />
            }
            if let Some(r) = (*recovery).clone() {
                <div class="recovery" role="alertdialog" aria-labelledby="recovery-title" data-testid="recovery">
                    <h2 id="recovery-title">{t.get("recovery-title")}</h2>
                    <p data-testid="recovery-reason">{t.format("recovery-reason", &[("reason", r.reason.clone().into())])}</p>
                    <p>{t.get("recovery-nothing-overwritten")}</p>
                    <div class="recovery-actions">
                        <button onclick={on_keep_copy} data-testid="keep-copy">{t.get("recovery-download")}</button>
                        <button onclick={on_start_fresh} data-testid="start-fresh">{t.get("recovery-start-fresh")}</button>
                    </div>
                </div>
            }
            <header class="top" id="whole-playground">
                <div class="title">
                    <h1>{"pos-playground"}</h1>
                    <p class="lede">{t.get("app-lede")}</p>
                    <LanguageMenu />
                </div>
                <div class="netbar" aria-label={t.get("netbar.aria-label")}>
                    <span class="stat"><b>{t.number(summaries.len())}</b>{" "}{t.format("netbar-nodes", &[("count", summaries.len().into())])}</span>
                    <span class="stat"><b>{t.number(height)}</b>{" "}{t.format("netbar-blocks", &[("count", height.into())])}</span>
                    <span class={classes!("stat", if agreed { "ok" } else { "busy" })} data-testid="agreement">
                        { if agreed { t.get("netbar-agree") } else { t.get("netbar-catching-up") } }
                    </span>
                    <span class="stat">{t.format("netbar-latency", &[("ms", IN_TAB_LATENCY_MS.into())])}</span>
                    <button onclick={on_add} disabled={summaries.len() >= MAX_NODES} data-testid="add-node">{t.get("add-node")}</button>
                    <button class="ghost-danger" onclick={on_new_network} data-testid="new-network" title={t.get("new-network.title")}>{t.get("new-network")}</button>
                    <button onclick={on_remove} disabled={summaries.len() <= 1} data-testid="remove-node">{t.get("remove-node")}</button>
                    if let Some(n) = &*notice { <span class="notice" role="alert">{t.say(n)}</span> }
                </div>
            </header>
            <NetworkBar network={m.network_view()} rejected={m.rejected_total()} on_join={on_join} on_keep={on_keep} />
            if let Some(view) = router.timeline() {
                <HistoryBar view={view} on={on_time} message={router.note().map(|(ok, said)| (ok, t.say(&said)))}
                    opening={router.opening().map(|p| (p.done, p.total))} />
            }
            if m.mesh().is_some() {
                <ClassPanel class={m.class_connection().cloned()} roster={roster}
                    webrtc={m.links().iter().filter(|l| l.state == crate::logic::link::LinkState::Open).count()} />
            }
            <LinksPanel links={(*links).clone()} status={m.links()} tab={m.tab_id()} server={m.class_connection().is_some()} />
            <main class="layout">
                <section class="cards" aria-label={t.get("section-nodes")}>
                    { for summaries.iter().map(|s| html! {
                        <NodeCard
                            key={s.index}
                            summary={s.clone()}
                            names={names.clone()}
                            result={m.result(s.index).cloned()}
                            on_request={on_request.clone()}
                            on_forge={on_forge.clone()}
                        />
                    }) }
                    if student { <MyDraw draw={m.my_draw(0)} /> }
                </section>
                <aside class="side">
                    <section class="next" aria-label={t.get("next-forger")} data-testid="next-forger" data-worker-draws={m.worker_draws().to_string()}>
                        <h2>{t.get("next-block")}</h2>
                        { match (&next, drawing) {
                            (_, Some(lots)) => html! { <p data-testid="drawing">{t.format("next-drawing", &[("lots", crate::components::lots(&t, lots).into())])}</p> },
                            (Some((name, colour)), None) => html! {
                                <p><span class="chip" style={format!("background:{colour}")}></span>
                                   <b>{name.clone()}</b>{t.format("next-won", &[("height", (height + 1).to_string().into())])}</p>
                            },
                            (None, None) => html! { <p>{t.get("next-nobody")}</p> },
                        } }
                    </section>
                    <Timeline rows={timeline} colours={colours.clone()} />
                    <ActivityFeed items={activity} />
                </aside>
                <LiveRegion model={model.clone()} />
            </main>
            <LotterySection
                model={model.clone()}
                node={sel}
                tip={summaries.get(sel).map(|s| s.tip.clone()).unwrap_or_default()}
                nodes={summaries.len()}
                led={led.as_ref().map(|l| l.block)}
                on_block={on_block}
                on_note={on_note}
            />
            <LabHost
                network={lab_network}
                seed={lab_seed}
            />
            <FaultControls
                nodes={summaries.iter().map(|s| (s.index, t.say(&Playground::node_words(s.index)), s.colour.clone())).collect::<Vec<_>>()}
                state={m.faults_view()}
                on_request={on_fault}
                error={(*fault_error).clone()}
            />
            <BlockTree tree={m.tree_view(sel)} />
            <ChainFiles
                node={sel}
                name={t.say(&Playground::node_words(sel))}
                on_export={on_export}
                on_import={on_import}
                message={(*files_message).clone()}
            />
            <Panels
                names={names}
                selected={sel}
                on_select={{ let s = selected.clone(); Callback::from(move |i| s.set(i)) }}
                view={*view}
                on_view={{ let v = view.clone(); Callback::from(move |x| v.set(x)) }}
                raw={*raw}
                on_raw={{ let r = raw.clone(); Callback::from(move |x| r.set(x)) }}
                data={panel}
            />
            <footer class="foot">
                {t.get("footer-console")}{" "}<code>{"playground.nodes()"}</code>{", "}<code>{"playground.submit(1, {kind: 'exchange', amount: 50})"}</code>{", "}<code>{"playground.chain(0)"}</code>{" "}{t.get("footer-readme")}
            </footer>
        </div>
    }
}

/// Saves the tab's state one last time when the page goes away (reload, close).
fn save_on_hide(router: Rc<Router>) -> Option<Closure<dyn FnMut()>> {
    let on_hide = Closure::<dyn FnMut()>::new(move || router.maybe_save(now_ms(), true));
    web_sys::window()?
        .add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref())
        .ok()?;
    Some(on_hide)
}
