//! Lessons: the file parser (every shipped lesson, and damaged files refused with the file,
//! line and problem) and the step machine (what "Do it" hands to `Playground::apply`, and
//! steps done by hand moving on), natively and in wasm (headless Chromium).

use pos_playground::logic::command::Command;
use pos_playground::logic::lessons::{
    parse, parse_index, step_index, valid_name, Action, Check, LessonError, Problem, Progress,
    Tour, Who, DWELL_MS,
};
use pos_playground::logic::model::{Playground, Request, Target, FORGE_DELAY_MS};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};

mod common;
use common::four_nodes;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

const T0: u64 = 1_700_000_000_000;

const SHIPPED: [(&str, &str); 7] = [
    ("keys", include_str!("../www/lessons/en/keys.txt")),
    ("pool", include_str!("../www/lessons/en/pool.txt")),
    ("lots", include_str!("../www/lessons/en/lots.txt")),
    ("draw", include_str!("../www/lessons/en/draw.txt")),
    ("fair", include_str!("../www/lessons/en/fair.txt")),
    ("faults", include_str!("../www/lessons/en/faults.txt")),
    ("attacks", include_str!("../www/lessons/en/attacks.txt")),
];

#[test]
fn every_shipped_lesson_reads_and_the_index_names_them_all() {
    let index = parse_index(
        "lessons/en/index.txt",
        include_str!("../www/lessons/en/index.txt"),
    )
    .expect("the index reads");
    let names: Vec<&str> = index.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, SHIPPED.map(|(n, _)| n));
    for (name, text) in SHIPPED {
        let lesson = parse(name, &format!("lessons/en/{name}.txt"), text)
            .unwrap_or_else(|e| panic!("{name}: {}", common::english(&e.say())));
        assert!(lesson.steps.len() >= 4, "{name}");
        for step in &lesson.steps {
            assert!(
                !step.show.is_empty(),
                "{name}: {} shows something",
                step.heading
            );
            // Two or three sentences, short enough for a projector.
            let sentences = step.text.matches(". ").count() + 1;
            assert!(
                sentences <= 4 && step.text.len() <= 420,
                "{name}: {}",
                step.heading
            );
            if !step.actions.is_empty() {
                assert!(
                    !step.button.is_empty(),
                    "{name}: {} names its Do it",
                    step.heading
                );
            }
        }
    }
}

#[test]
fn a_lesson_file_reads_into_steps() {
    let text = "# a comment\ntitle: Demo\n\nstep: First\nshow: node 3\ntext: One.\ntext: Two.\ndo: stake 3 20\nbutton: Node 3 stakes 20\n\nstep: Second\nshow: lottery-why\ntext: Three.\ndo: split 1,2|3,4\ndo: transfer 2 1 5\nwait: fork\n\nstep: Third\nshow: .panels > h2\ntext: Four.\ndo: behave forger equivocate\ndo: restart all\n";
    let l = parse("demo", "lessons/en/demo.txt", text).expect("reads");
    assert_eq!(l.title, "Demo");
    assert_eq!(l.steps.len(), 3);
    let s = &l.steps[0];
    assert_eq!(s.text, "One. Two.");
    assert_eq!(s.show, "[data-testid=\"node-2\"]");
    assert_eq!(s.actions, vec![Action::Stake(2, 20)]);
    assert_eq!(s.checks(), vec![Check::Stake(2, 20)]);
    assert_eq!(l.steps[1].show, "[data-testid=\"lottery-why\"]");
    assert_eq!(
        l.steps[1].actions,
        vec![
            Action::Split(vec![vec![0, 1], vec![2, 3]]),
            Action::Transfer(1, 0, 5)
        ]
    );
    // wait: replaces the actions' own checks.
    assert_eq!(l.steps[1].checks(), vec![Check::Fork]);
    assert_eq!(l.steps[2].show, ".panels > h2");
    assert_eq!(
        l.steps[2].actions,
        vec![
            Action::Behave(Who::Forger, "equivocate".into()),
            Action::Restart(Who::All)
        ]
    );
}

#[test]
fn damaged_files_name_the_file_line_and_problem() {
    let damaged = |line, problem| LessonError::Damaged {
        file: "lessons/en/x.txt".into(),
        line,
        problem,
    };
    let huge = "x".repeat(40_000);
    let cases: Vec<(&str, LessonError)> = vec![
        ("", damaged(0, Problem::NoTitle)),
        ("title: T\n", damaged(0, Problem::NoSteps)),
        ("title: T\nstep: A\n", damaged(2, Problem::NoText)),
        (
            "title: T\nstep: A\njust words\n",
            damaged(3, Problem::NoColon),
        ),
        ("title: T\ntitle: U\n", damaged(2, Problem::TwoTitles)),
        (
            "title: T\ntext: early\n",
            damaged(2, Problem::BeforeFirstStep("text".into())),
        ),
        (
            "title: T\nstep: A\ncolour: red\n",
            damaged(3, Problem::UnknownKey("colour".into())),
        ),
        (
            "title: T\nstep: A\ntext:\n",
            damaged(3, Problem::Empty("text".into())),
        ),
        (
            "title: T\nstep: A\ntext: x\nshow: a\nshow: b\n",
            damaged(5, Problem::Twice("show".into())),
        ),
        (
            "title: T\nstep: A\ntext: x\nbutton: Go\n",
            damaged(2, Problem::ButtonWithoutDo),
        ),
        (
            "title: T\nstep: A\ntext: x\ndo: stake 2 lots\n",
            damaged(4, Problem::BadAction("stake 2 lots".into())),
        ),
        (
            "title: T\nstep: A\ntext: x\ndo: stake 0 5\n",
            damaged(4, Problem::BadAction("stake 0 5".into())),
        ),
        (
            "title: T\nstep: A\ntext: x\ndo: stake 17 5\n",
            damaged(4, Problem::BadAction("stake 17 5".into())),
        ),
        (
            "title: T\nstep: A\ntext: x\ndo: buy 2 0\n",
            damaged(4, Problem::BadAction("buy 2 0".into())),
        ),
        (
            "title: T\nstep: A\ntext: x\ndo: split 1,2\n",
            damaged(4, Problem::BadAction("split 1,2".into())),
        ),
        (
            "title: T\nstep: A\ntext: x\ndo: crash all\n",
            damaged(4, Problem::BadAction("crash all".into())),
        ),
        (
            "title: T\nstep: A\ntext: x\nwait: forever\n",
            damaged(4, Problem::BadWait("forever".into())),
        ),
        (&huge, damaged(0, Problem::TooLarge)),
    ];
    for (text, want) in cases {
        assert_eq!(
            parse("x", "lessons/en/x.txt", text),
            Err(want.clone()),
            "{text:.60}"
        );
        // The message names the file, and the line when there is one.
        let message = common::english(&want.say());
        assert!(message.contains("lessons/en/x.txt"), "{message}");
    }
    let e = parse("x", "lessons/en/x.txt", "title: T\nstep: A\njust words\n").unwrap_err();
    assert_eq!(
        common::english(&e.say()),
        "The lesson file lessons/en/x.txt is damaged, line 3: expected \"key: value\" (or # for a comment)"
    );
    let many: String = "title: T\n".to_string() + &"step: s\ntext: t\n".repeat(41);
    assert!(matches!(
        parse("x", "f", &many),
        Err(LessonError::Damaged {
            problem: Problem::TooManySteps,
            ..
        })
    ));
    // Garbage of every kind is refused, never a panic.
    for junk in [
        "\u{0}\u{ff}:",
        "::::",
        "title: \u{202e}\nstep: \u{1f600}\ntext: ☃\ndo: split |,|\n",
        "\r\n\r\n",
    ] {
        let _ = parse("x", "f", junk);
    }
    assert_eq!(
        parse_index("i", "keys: One\n../x: Two\n"),
        Err(LessonError::Damaged {
            file: "i".into(),
            line: 2,
            problem: Problem::BadIndexLine("../x".into())
        })
    );
}

#[test]
fn names_and_steps_from_the_address() {
    for (name, ok) in [
        ("lots", true),
        ("a-1", true),
        ("", false),
        ("Lots", false),
        ("../x", false),
        ("a/b", false),
        (&"a".repeat(33), false),
    ] {
        assert_eq!(valid_name(name), ok, "{name}");
    }
    for (param, index) in [
        (None, 0),
        (Some("3"), 2),
        (Some("1"), 0),
        (Some("0"), 0),
        (Some("x"), 0),
        (Some("-2"), 0),
        (Some("99999999999999999999999"), 0),
    ] {
        assert_eq!(step_index(param), index, "{param:?}");
    }
    let mut tour = Tour::default();
    assert!(!tour.start("../../secret", 0));
    assert!(matches!(tour, Tour::Failed(LessonError::BadName(_))));
    assert!(tour.start("lots", 99));
    let p = four_nodes(40, T0);
    let lots = parse("lots", "f", SHIPPED[2].1).expect("lots");
    let steps = lots.steps.len();
    tour.loaded(Ok(lots), &p);
    assert_eq!(
        tour.position().map(|p| p.step),
        Some(steps),
        "a step past the end opens the last"
    );
}

#[test]
fn do_it_goes_through_commands() {
    let p = four_nodes(41, T0);
    let forger = p
        .node(0)
        .and_then(|n| n.chain().next_forger())
        .and_then(|a| p.index_of(&a))
        .expect("a forger");
    let cases = vec![
        (
            Action::Buy(1, 25),
            vec![Command::Submit {
                node: 1,
                request: Request::Exchange(25),
            }],
        ),
        (
            Action::Transfer(1, 2, 5),
            vec![Command::Submit {
                node: 1,
                request: Request::Transfer(Target::Node(2), 5),
            }],
        ),
        (
            Action::Stake(3, 20),
            vec![Command::Submit {
                node: 3,
                request: Request::Stake(20),
            }],
        ),
        (Action::Forge(Who::Forger), vec![Command::Forge(forger)]),
        (Action::Crash(Who::Node(2)), vec![Command::Crash(2)]),
        (Action::Restart(Who::All), vec![]),
        (
            Action::Split(vec![vec![0], vec![1, 2, 3]]),
            vec![Command::Partition(vec![vec![0], vec![1, 2, 3]])],
        ),
        (Action::Heal, vec![Command::Heal]),
        (
            Action::Behave(Who::All, "honest".into()),
            (0..4)
                .map(|node| Command::Adversary {
                    node,
                    behaviour: "honest".into(),
                })
                .collect(),
        ),
        (Action::Press("lab-run".into()), vec![]),
    ];
    for (action, commands) in cases {
        assert_eq!(action.commands(&p), commands, "{action:?}");
    }
}

/// Advances `p` in 100 ms ticks from `t` for `ms`, watching `tour` as the page does.
fn run(p: &mut Playground, tour: &mut Tour, t: &mut u64, ms: u64) {
    let end = *t + ms;
    while *t < end {
        *t += 100;
        let _ = p.advance(*t);
        tour.observe(p, *t);
    }
}

#[test]
fn a_step_done_by_do_it_or_by_hand_moves_on() {
    let text = "title: T\n\
        step: Buy\nshow: node 2\ntext: a\ndo: buy 2 30\nbutton: b\n\
        step: Stake\nshow: node 2\ntext: b\ndo: stake 2 20\nbutton: s\n\
        step: Read\nshow: lottery\ntext: c\n\
        step: Refused\nshow: node 2\ntext: d\ndo: transfer 2 3 1000\nbutton: o\nwait: refused 2\n\
        step: Split\nshow: faults\ntext: e\ndo: split 1,2|3,4\nbutton: p\n";
    let mut p = four_nodes(42, T0);
    let mut tour = Tour::default();
    assert!(tour.start("t", 0));
    tour.loaded(parse("t", "f", text), &p);
    let progress = |tour: &Tour| match tour {
        Tour::Open { progress, .. } => Some(*progress),
        _ => None,
    };
    let step = |tour: &Tour| tour.position().map(|p| p.step);
    let mut t = T0;
    assert_eq!(progress(&tour), Some(Progress::Waiting));

    // Step 1 through "Do it": done once Node 2 holds the tokens, the next step a moment later.
    assert!(tour.do_it(&mut p, t).is_empty());
    run(&mut p, &mut tour, &mut t, 3 * FORGE_DELAY_MS + 2_000);
    assert_eq!(step(&tour), Some(2), "{tour:?}");

    // Step 2 by hand, as the card's form does it.
    assert_eq!(progress(&tour), Some(Progress::Waiting));
    p.apply(
        Command::Submit {
            node: 1,
            request: Request::Stake(20),
        },
        t,
    )
    .expect("stake");
    let mut waited = 0;
    while step(&tour) == Some(2) && waited < 20_000 {
        run(&mut p, &mut tour, &mut t, 100);
        waited += 100;
    }
    assert_eq!(
        step(&tour),
        Some(3),
        "a stake made by hand moves the lesson on"
    );
    assert_eq!(p.summary(1).map(|s| s.stake), Some(20));

    // A reading step waits for the teacher.
    run(&mut p, &mut tour, &mut t, DWELL_MS * 3);
    assert_eq!(
        (step(&tour), progress(&tour)),
        (Some(3), Some(Progress::Reading))
    );
    tour.next(&p);

    // An overspend: the refusal is the effect.
    assert_eq!(progress(&tour), Some(Progress::Waiting));
    tour.do_it(&mut p, t);
    assert!(tour.observe(&p, t));
    assert!(matches!(progress(&tour), Some(Progress::Done(_))));
    assert!(!tour.observe(&p, t + DWELL_MS - 1), "it stays a moment");
    assert!(tour.observe(&p, t + DWELL_MS));
    assert_eq!(step(&tour), Some(5));

    // Already split when the step opens: it waits for the teacher instead of skipping.
    tour.back(&p);
    p.apply(Command::Partition(vec![vec![0, 1], vec![2, 3]]), t)
        .expect("split");
    tour.next(&p);
    assert_eq!(progress(&tour), Some(Progress::AlreadyDone));
    // The last step never moves past the end; Back and Next stay in range.
    tour.next(&p);
    assert_eq!(step(&tour), Some(5));
    for _ in 0..10 {
        tour.back(&p);
    }
    assert_eq!(step(&tour), Some(1));
    tour.close();
    assert_eq!(tour.position(), None);
}

#[test]
fn a_failed_fetch_or_a_late_answer_is_handled() {
    let p = four_nodes(43, T0);
    let mut tour = Tour::default();
    tour.start("lots", 0);
    let missing = LessonError::Missing {
        file: "lessons/en/lots.txt".into(),
        why: "the server answered 404".into(),
    };
    tour.loaded(Err(missing.clone()), &p);
    assert_eq!(tour, Tour::Failed(missing.clone()));
    assert_eq!(
        common::english(&missing.say()),
        "The lesson file lessons/en/lots.txt could not be loaded: the server answered 404"
    );
    // The answer for a lesson no longer being opened is dropped.
    tour.start("draw", 0);
    tour.loaded(parse("lots", "f", SHIPPED[2].1), &p);
    assert_eq!(tour, Tour::Loading("draw".into(), 0));
}

/// Every language folder of `www/lessons/` against English: the same lessons in the same
/// order, each with the same steps showing the same parts and doing and waiting for the same
/// things; only the words differ, and they stay short enough for a projector.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_language_has_every_lesson_with_english_steps_and_actions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/lessons");
    let read = |lang: &str, name: &str| {
        let path = dir.join(lang).join(format!("{name}.txt"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let english = parse_index("lessons/en/index.txt", &read("en", "index")).expect("en index");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("www/lessons") {
        let lang = entry
            .expect("entry")
            .file_name()
            .into_string()
            .expect("utf-8");
        if lang == "en" {
            continue;
        }
        let file = format!("lessons/{lang}/index.txt");
        let index = parse_index(&file, &read(&lang, "index"))
            .unwrap_or_else(|e| panic!("{}", common::english(&e.say())));
        let names = |i: &[(String, String)]| i.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&index),
            names(&english),
            "{lang}: the lessons of the menu"
        );
        for (name, title) in &index {
            assert!(!title.is_empty(), "{lang}/{name}: a title in the menu");
            let theirs = parse(name, &format!("lessons/en/{name}.txt"), &read("en", name))
                .expect("English reads");
            let file = format!("lessons/{lang}/{name}.txt");
            let mine = parse(name, &file, &read(&lang, name))
                .unwrap_or_else(|e| panic!("{}", common::english(&e.say())));
            assert_eq!(mine.steps.len(), theirs.steps.len(), "{file}: steps");
            for (k, (m, t)) in mine.steps.iter().zip(&theirs.steps).enumerate() {
                let at = format!("{file}, step {}", k + 1);
                assert_eq!(m.show, t.show, "{at}: show");
                assert_eq!(m.actions, t.actions, "{at}: do");
                assert_eq!(m.waits, t.waits, "{at}: wait");
                assert_eq!(m.button.is_empty(), t.button.is_empty(), "{at}: button");
                assert!(!m.heading.is_empty() && !m.text.is_empty(), "{at}: words");
                // Short enough for a projector: a little more room than English's 420.
                assert!(
                    m.text.chars().count() <= 520,
                    "{at}: {} characters",
                    m.text.chars().count()
                );
            }
            checked += 1;
        }
    }
    println!("{checked} translated lessons checked against English");
}
