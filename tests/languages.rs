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

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals in `text` (no escapes inside keys, so none are read).
fn literals(text: &str) -> Vec<&str> {
    text.split('"').skip(1).step_by(2).collect()
}

/// The first argument of the call that opens at `text[0]` (just after its `(`): up to the
/// first comma or closing parenthesis at its own depth.
fn first_argument(text: &str) -> &str {
    let mut depth = 0usize;
    let mut in_string = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => in_string = !in_string,
            _ if in_string => {}
            '(' | '{' | '[' => depth += 1,
            ')' | '}' | ']' if depth == 0 => return &text[..i],
            ')' | '}' | ']' => depth -= 1,
            ',' if depth == 0 => return &text[..i],
            _ => {}
        }
    }
    text
}

/// Whether `s` has the shape of a key of page.ftl (`feed-forged`, `card-host.title`).
fn key_shaped(s: &str) -> bool {
    let (key, attribute) = s.split_once('.').unwrap_or((s, ""));
    key.contains('-')
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && attribute
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-')
}

/// The keys the page's code asks for: the first argument of every `t.get(…)`, `t.format(…)`,
/// `Say::new(…)` and `Say::refusal(…)` (both keys of an `if … { "a" } else { "b" }` too),
/// and in the plain logic every literal of a key's shape that starts as the logic's words do
/// (`feed-`, `announce-`, `refusal-`, …: the keys handed on before they become a `Say`).
fn keys_in_code() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut keys = Vec::new();
    for file in files {
        let text = read(&file);
        let name = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .display()
            .to_string();
        let code = text.split("\n#[cfg(test)]").next().unwrap_or_default();
        for call in [
            "t.get(",
            "t.format(",
            "texts.get(",
            "texts.format(",
            "Say::new(",
            "Say::refusal(",
        ] {
            for (at, _) in code.match_indices(call) {
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                    continue;
                }
                let arg = first_argument(&code[at + call.len()..]);
                for k in literals(arg).into_iter().filter(|k| key_shaped(k)) {
                    keys.push((name.clone(), k.to_string()));
                }
            }
        }
        if name.starts_with("logic") {
            for k in literals(code) {
                let logic_words = ["feed-", "announce-", "refusal-", "result-", "name-"];
                if key_shaped(k) && logic_words.iter().any(|p| k.starts_with(p)) {
                    keys.push((name.clone(), k.to_string()));
                }
            }
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

#[test]
fn every_key_the_code_asks_for_is_in_english() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/lang/en/page.ftl");
    let english = Resource::parse(&read(&dir)).expect("en");
    let keys = keys_in_code();
    assert!(
        keys.len() > 200,
        "the walk finds the page's keys: {}",
        keys.len()
    );
    let missing: Vec<String> = keys
        .iter()
        .filter(|(_, k)| english.get(k).is_none())
        .map(|(file, k)| format!("src/{file}: {k}"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys the code uses that en/page.ftl lacks:\n{}",
        missing.join("\n")
    );
}

#[test]
fn refusals_read_in_english_as_the_core_says_them() {
    use pos_core::chain::BlockError;
    use pos_core::message::DecodeError;
    use pos_core::node::ActionError;
    use pos_core::{Address, ChainError, Hash, TxError};
    use pos_playground::logic::i18n::{Say, Texts};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/lang/en/page.ftl");
    let t = Texts::english(Resource::parse(&read(&dir)).expect("en"));
    let a = Address([7; 32]);
    let b = Address([9; 32]);
    // The page groups digits (8,000), the core does not (8000).
    let plain = |words: String| -> String {
        let c: Vec<char> = words.chars().collect();
        (0..c.len())
            .filter(|&i| {
                !(c[i] == ','
                    && i > 0
                    && c[i - 1].is_ascii_digit()
                    && c.get(i + 1).is_some_and(char::is_ascii_digit))
            })
            .map(|i| c[i])
            .collect()
    };
    let txs = [
        TxError::ZeroAmount,
        TxError::BadSignature,
        TxError::Duplicate,
        TxError::AlreadyOnChain,
        TxError::NonceGap {
            expected: 3,
            got: 5,
        },
        TxError::InsufficientBalance {
            balance: 0,
            amount: 500,
        },
        TxError::SelfTransfer,
        TxError::StakeForOther,
        TxError::NotExchange,
        TxError::ExchangeOnlySells,
        TxError::Overflow,
        TxError::PoolFull,
        TxError::Conflict {
            nonce: 4,
            with: Hash([0xab; 32]),
        },
    ];
    for e in &txs {
        let words = t.say(&Say::refusal("refusal-tx", e, None));
        assert_eq!(words, e.to_string(), "{e:?}");
    }
    let blocks = [
        BlockError::WrongHeight {
            expected: 4,
            got: 6,
        },
        BlockError::UnknownParent,
        BlockError::NotTheForger {
            expected: a,
            got: b,
        },
        BlockError::OutOfTurn {
            forger: a,
            rank: 2,
            slot: 1,
        },
        BlockError::BadSignature,
        BlockError::TimestampBeforeParent,
        BlockError::FromTheFuture {
            timestamp: 9_000,
            now: 1_000,
        },
        BlockError::TooManyTransactions,
        BlockError::Transaction {
            index: 2,
            reason: TxError::Duplicate,
        },
        BlockError::NoStakers,
        BlockError::NotAStaker { forger: b },
        BlockError::BelowHorizon {
            height: 3,
            tip: 300,
        },
        BlockError::DrawPending {
            seed: Hash([0xcd; 32]),
        },
    ];
    for e in &blocks {
        let words = plain(t.say(&Say::refusal("refusal-block", e, Some("refusal-tx"))));
        assert_eq!(words, e.to_string(), "{e:?}");
    }
    let chain = ChainError::Block {
        height: 7,
        reason: blocks[8].clone(),
    };
    assert_eq!(
        t.say(&Say::refusal(
            "refusal-chain",
            &chain,
            Some("refusal-block")
        )),
        chain.to_string()
    );
    for e in [
        ActionError::BuyLimit { max: 100 },
        ActionError::Transaction {
            reason: TxError::InsufficientBalance {
                balance: 1,
                amount: 2,
            },
        },
    ] {
        let words = t.say(&Say::refusal("refusal-action", &e, Some("refusal-tx")));
        assert_eq!(words, e.to_string(), "{e:?}");
    }
    let decode = DecodeError::Version { found: 9 };
    assert_eq!(
        t.say(&Say::refusal("refusal-decode", &decode, None)),
        decode.to_string()
    );
}

/// The shipped languages' plural rules and numbers, read from `languages.json`, give what the
/// CLDR charts give for them (a wrong rule there would pluralise every count of the page wrongly).
#[test]
fn shipped_languages_count_and_write_numbers_their_own_way() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/lang");
    let languages = Languages::parse(&read(&dir.join("languages.json"))).expect("languages.json");
    let lang = |code: &str| {
        languages
            .get(code)
            .unwrap_or_else(|| panic!("{code} is shipped"))
    };
    let cases: [(&str, &str, &str); 13] = [
        ("en", "1", "one"),
        ("en", "0", "other"),
        ("es", "1", "one"),
        ("es", "2", "other"),
        ("es", "1000000", "many"),
        ("fr", "0", "one"),
        ("fr", "1", "one"),
        ("fr", "2", "other"),
        ("fr", "2000000", "many"),
        ("de", "1", "one"),
        ("de", "0", "other"),
        ("pt-BR", "0", "one"),
        ("pt-BR", "2", "other"),
    ];
    for (code, n, want) in cases {
        assert_eq!(lang(code).category(n), want, "{code} {n}");
    }
    assert_eq!(lang("en").number().write("12345"), "12,345");
    // Spanish groups from five digits on.
    assert_eq!(lang("es").number().write("1234"), "1234");
    assert_eq!(lang("es").number().write("12345"), "12.345");
    assert_eq!(lang("fr").number().write("12345"), "12\u{202f}345");
    assert_eq!(lang("de").number().write("1234567"), "1.234.567");
    assert_eq!(lang("pt-BR").number().write("1234"), "1.234");
}
