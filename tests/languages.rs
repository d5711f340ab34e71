#![cfg(not(target_arch = "wasm32"))]
//! Every language file against English (`www/lang/`): each language of `languages.json` has a
//! `page.ftl` that parses, with every English key and no other, and every key uses exactly
//! the `{ $values }` English uses. What is wrong is listed, language by language, in words.

use pos_playground::logic::i18n::ftl::{variables, Resource};
use pos_playground::logic::i18n::{Languages, ENGLISH};
use std::path::Path;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_language_has_every_key_of_english_and_the_same_values() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/lang");
    let languages = Languages::parse(&read(&dir.join("languages.json"))).expect("languages.json");
    let english = Resource::parse(&read(&dir.join(ENGLISH).join("page.ftl")))
        .unwrap_or_else(|e| panic!("en/page.ftl: {e}"));
    assert!(!english.is_empty());
    let mut problems = Vec::new();
    for language in languages.all() {
        let code = &language.code;
        let file = dir.join(code).join("page.ftl");
        let own = match std::fs::read_to_string(&file) {
            Ok(text) => match Resource::parse(&text) {
                Ok(r) => r,
                Err(e) => {
                    problems.push(format!("{code}/page.ftl: {e}"));
                    continue;
                }
            },
            Err(e) => {
                problems.push(format!("{code}/page.ftl cannot be read: {e}"));
                continue;
            }
        };
        for id in english.ids() {
            match (own.get(id), english.get(id)) {
                (None, _) => problems.push(format!("{code} lacks {id}")),
                (Some(mine), Some(theirs)) if variables(mine) != variables(theirs) => problems
                    .push(format!(
                        "{code}: {id} uses {:?}, English {:?}",
                        variables(mine),
                        variables(theirs)
                    )),
                _ => {}
            }
        }
        for id in own.ids() {
            if english.get(id).is_none() {
                problems.push(format!("{code} has {id}, which English does not"));
            }
        }
        println!("{code} ({}): {} texts", language.name, own.len());
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn english_reads_as_the_page_wrote_it_before_the_file() {
    use pos_playground::logic::i18n::Texts;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/lang/en/page.ftl");
    let t = Texts::english(Resource::parse(&read(&dir)).expect("en"));
    let peer = |via: &str| {
        t.format(
            "net-peer",
            &[
                ("who", "tab ab12".into()),
                ("role", "member".into()),
                ("height", 3_u64.into()),
                ("via", via.into()),
            ],
        )
    };
    assert_eq!(
        peer("webrtc"),
        "tab ab12 · member · height 3 · other machine"
    );
    assert_eq!(
        peer("relay"),
        "tab ab12 · member · height 3 · relayed by the server"
    );
    assert_eq!(peer("here"), "tab ab12 · member · height 3");
    assert_eq!(
        t.format("net-refused", &[("count", 1_u64.into())]),
        "1 message refused"
    );
    assert_eq!(
        t.format("net-refused", &[("count", 2_000_u64.into())]),
        "2,000 messages refused"
    );
    assert_eq!(
        t.format("netbar-nodes", &[("count", 1_usize.into())]),
        "node here"
    );
    assert_eq!(
        t.format("card-not-a-number", &[("amount", "x1".into())]),
        "Refused: \"x1\" is not a whole number of tokens"
    );
    assert_eq!(
        t.get("new-network.title"),
        "Start over with a new genesis (asks first)"
    );
}

#[test]
fn every_adversary_of_the_core_has_its_words() {
    use pos_core::node::Behaviour;
    use pos_playground::logic::i18n::Texts;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/lang/en/page.ftl");
    let t = Texts::english(Resource::parse(&read(&dir)).expect("en"));
    for b in Behaviour::ALL {
        let words = t.format("faults-behaviour-option", &[("behaviour", b.name().into())]);
        let expected = if b == Behaviour::Honest {
            "honest".to_string()
        } else {
            format!("adversary: {}", b.describe())
        };
        assert_eq!(words, expected, "{}", b.name());
    }
}
