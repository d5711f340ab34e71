//! The page's layers, read from its source: plain logic (`src/logic/`) never imports the
//! browser edge, the views or a browser crate; the edge (`src/edge/`) never imports the views
//! (`src/components/`, `src/app.rs`); and no two modules import each other, directly or round
//! a loop. A module here is a file of `src/` with its child files folded in (`logic::model`
//! holds `logic/model/*.rs`), so a parent and its children may use each other.
//!
//! Native only: it reads the files.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Crates the plain logic must not name.
const BROWSER_CRATES: [&str; 6] = [
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "serde_wasm_bindgen",
    "yew",
];

/// Folders that are layers: their files are modules one level down (`logic::mesh`).
const LAYER_FOLDERS: [&str; 3] = ["logic", "edge", "components"];

/// The module path of a source file, relative to `src/`: `logic/model/class.rs` is
/// `["logic", "model", "class"]`; `lib.rs` and `main.rs` are the root.
fn module_of(rel: &str) -> Vec<String> {
    let rel = rel.trim_end_matches(".rs");
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    if parts == ["lib"] || parts == ["main"] {
        parts.clear();
    }
    parts
}

/// The unit a module path belongs to: two segments inside a layer folder (`logic::mesh`), one
/// otherwise (`app`), shortened to a unit that exists.
fn unit_of(path: &[String], units: &BTreeSet<String>) -> Option<String> {
    let first = path.first()?;
    if LAYER_FOLDERS.contains(&first.as_str()) {
        if let Some(second) = path.get(1) {
            let u = format!("{first}::{second}");
            if units.contains(&u) {
                return Some(u);
            }
        }
    }
    Some(first.clone())
}

/// The layer of a unit: "logic", "edge" or "views".
fn layer_of(unit: &str) -> &'static str {
    match unit.split("::").next() {
        Some("logic") => "logic",
        Some("edge") => "edge",
        _ => "views",
    }
}

/// The code of a file without its comments (line comments, doc comments, block comments);
/// string contents are kept, which only matters if a string spells `crate::…`.
fn code_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let (mut i, mut in_str) = (0, false);
    while i < bytes.len() {
        let c = bytes[i];
        if in_str {
            out.push(c as char);
            if c == b'\\' && i + 1 < bytes.len() {
                out.push(bytes[i + 1] as char);
                i += 2;
                continue;
            }
            if c == b'"' {
                in_str = false;
            }
            i += 1;
        } else if c == b'"' {
            in_str = true;
            out.push('"');
            i += 1;
        } else if c == b'\'' {
            // A char literal (`'"'`, `'\n'`, `'…'`) is skipped; a lifetime is kept.
            let end = if bytes.get(i + 1) == Some(&b'\\') {
                bytes
                    .get(i + 3..)
                    .and_then(|r| r.iter().position(|&b| b == b'\''))
                    .map(|p| i + 3 + p + 1)
            } else {
                let len = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                (bytes.get(i + 1 + len) == Some(&b'\'')).then_some(i + 2 + len)
            };
            match end {
                Some(e) => {
                    out.push_str("' '");
                    i = e;
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else if bytes[i..].starts_with(b"//") {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if bytes[i..].starts_with(b"/*") {
            let end = text[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |e| i + 2 + e + 2);
            i = end;
        } else {
            // Keep byte offsets simple: non-ASCII outside strings is only in identifiers,
            // which the page does not use.
            out.push(if c.is_ascii() { c as char } else { ' ' });
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The path segments after each `crate::` and `super::…` in `code`, resolved from `module`;
/// a grouped `use crate::{a, b::c}` gives each of its members.
fn references(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let at_word = i == 0 || !is_ident(chars[i - 1]) && chars[i - 1] != ':';
        let rest: String = chars[i..chars.len().min(i + 7)].iter().collect();
        let (base, skip): (Vec<String>, usize) = if at_word && rest.starts_with("crate::") {
            (Vec::new(), 7)
        } else if at_word && rest.starts_with("super::") {
            // From `a/b.rs` (module a::b) super is `a`; from `a/b/mod.rs` (module a::b) too.
            let mut base = module.to_vec();
            base.pop();
            let mut j = i + 7;
            // Further `super::`s.
            while chars[j..].iter().collect::<String>().starts_with("super::") {
                base.pop();
                j += 7;
            }
            (base, j - i)
        } else {
            i += 1;
            continue;
        };
        let mut j = i + skip;
        for path in read_tree(&chars, &mut j) {
            let mut full = base.clone();
            full.extend(path);
            found.push(full);
        }
        i = j.max(i + 1);
    }
    found
}

/// Reads `a::b::{c, d::e}` (or a single path) at `*j`, returning every full path.
fn read_tree(chars: &[char], j: &mut usize) -> Vec<Vec<String>> {
    let mut prefix = Vec::new();
    loop {
        if *j < chars.len() && chars[*j] == '{' {
            *j += 1;
            let mut all = Vec::new();
            loop {
                while *j < chars.len() && (chars[*j].is_whitespace() || chars[*j] == ',') {
                    *j += 1;
                }
                if *j >= chars.len() || chars[*j] == '}' {
                    *j += 1;
                    break;
                }
                let before = *j;
                for p in read_tree(chars, j) {
                    let mut full = prefix.clone();
                    full.extend(p);
                    all.push(full);
                }
                // Skip `as name` and anything else up to the next member.
                while *j < chars.len() && chars[*j] != ',' && chars[*j] != '}' {
                    *j += 1;
                }
                if *j == before {
                    *j += 1;
                }
            }
            return all;
        }
        let start = *j;
        while *j < chars.len() && is_ident(chars[*j]) {
            *j += 1;
        }
        if *j > start {
            prefix.push(chars[start..*j].iter().collect::<String>());
        }
        if *j > start && *j + 1 < chars.len() && chars[*j] == ':' && chars[*j + 1] == ':' {
            *j += 2;
            continue;
        }
        return vec![prefix];
    }
}

/// Every rule the files break, in words; empty when the tree keeps them.
fn check(files: &[(String, String)]) -> Vec<String> {
    let units: BTreeSet<String> = files
        .iter()
        .map(|(rel, _)| module_of(rel))
        .filter(|m| !m.is_empty())
        .map(|m| {
            if LAYER_FOLDERS.contains(&m[0].as_str()) && m.len() > 1 {
                format!("{}::{}", m[0], m[1])
            } else {
                m[0].clone()
            }
        })
        .collect();
    let mut problems = Vec::new();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, text) in files {
        let module = module_of(rel);
        let Some(from) = unit_of(&module, &units) else {
            continue; // lib.rs and main.rs only declare and start.
        };
        let code = code_of(text);
        if layer_of(&from) == "logic" {
            for krate in BROWSER_CRATES {
                let mut at = 0;
                while let Some(k) = code[at..].find(krate) {
                    let s = at + k;
                    let e = s + krate.len();
                    let before = code[..s].chars().next_back();
                    let after = code[e..].chars().next();
                    if !before.is_some_and(|c| is_ident(c) || c == ':')
                        && !after.is_some_and(is_ident)
                    {
                        problems.push(format!("{rel}: plain logic names `{krate}`"));
                        break;
                    }
                    at = e;
                }
            }
        }
        for path in references(&code, &module) {
            let Some(to) = unit_of(&path, &units) else {
                continue;
            };
            if !units.contains(&to) || to == from {
                continue;
            }
            match (layer_of(&from), layer_of(&to)) {
                ("logic", "edge" | "views") | ("edge", "views") => problems.push(format!(
                    "{rel}: {} layer imports the {} layer (`crate::{}`)",
                    layer_of(&from),
                    layer_of(&to),
                    path.join("::")
                )),
                _ => {}
            }
            edges.entry(from.clone()).or_default().insert(to);
        }
    }
    for cycle in cycles(&edges) {
        problems.push(format!("import cycle: {}", cycle.join(" → ")));
    }
    problems
}

/// The strongly connected groups of more than one unit (Tarjan), each listed in order.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.edges.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.found.push(group);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.found
}

fn read_src(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            read_src(&p, root, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let rel = p
                .strip_prefix(root)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&p).expect("readable")));
        }
    }
}

#[test]
fn the_page_keeps_its_layers_and_has_no_import_cycles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    read_src(&root, &root, &mut files);
    assert!(
        files.iter().any(|(r, _)| r == "logic/model.rs"),
        "src/ read"
    );
    let problems = check(&files);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_finds_a_broken_layer_a_browser_crate_and_a_cycle() {
    let files = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    let good = files(&[
        ("logic/mod.rs", "pub mod a; pub mod b;"),
        (
            "logic/a.rs",
            "use crate::logic::b::B; // crate::edge::x in a comment\n",
        ),
        (
            "logic/b.rs",
            "pub struct B; /* use web_sys::Window; */ const S: &str = \"x\";",
        ),
        ("logic/b/child.rs", "use super::B;"),
        ("edge/x.rs", "use crate::logic::{a, b::B};"),
        (
            "components/v.rs",
            "use crate::edge::x; use yew::prelude::*;",
        ),
        ("app.rs", "use crate::components::v;"),
    ]);
    assert_eq!(check(&good), Vec::<String>::new());

    let bad = files(&[
        (
            "logic/a.rs",
            "use crate::logic::b::B;\nfn f() { let _ = web_sys::window(); }",
        ),
        (
            "logic/b.rs",
            "pub struct B; fn g() { crate::logic::a::f() }",
        ),
        ("logic/c.rs", "use crate::{edge::x::X, logic::a};"),
        ("edge/x.rs", "use crate::components::v::V;"),
        ("components/v.rs", "pub struct V;"),
    ]);
    let problems = check(&bad);
    let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
    assert!(
        has("logic/a.rs: plain logic names `web_sys`"),
        "{problems:?}"
    );
    assert!(
        has("logic/c.rs: logic layer imports the edge layer"),
        "{problems:?}"
    );
    assert!(
        has("edge/x.rs: edge layer imports the views layer"),
        "{problems:?}"
    );
    assert!(has("import cycle: logic::a → logic::b"), "{problems:?}");
    assert_eq!(problems.len(), 4, "{problems:?}");
}
