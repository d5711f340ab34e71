//! The page in the student's language.
//!
//! Every word the page shows comes from a language file, one per language
//! (`www/lang/<code>/page.ftl`, in Fluent's syntax: [`ftl`]), fetched when the page starts,
//! never compiled into the module. `www/lang/languages.json` lists the languages: each one's
//! code, its name in itself, its plural rules in CLDR's syntax ([`plural`]) and how it writes
//! numbers. The language is `?lang=`, else the first of the browser's preferred languages
//! that the list has, else English ([`Languages::choose`]). A key a language lacks falls back
//! to English, so a half-done translation still works; `tests/languages.rs` lists what each
//! language lacks or has extra.

pub mod ftl;
pub mod plural;

use ftl::{Element, Key, Pattern, Resource};
use plural::{Operands, PluralRules};
use serde::{Deserialize, Serialize};
use std::fmt;

/// English: the language every other falls back to.
pub const ENGLISH: &str = "en";
/// The most languages the list may hold.
pub const MAX_LANGUAGES: usize = 200;
/// How deep references (`{ -term }`, `{ message }`) may go before a loop is assumed.
const MAX_REFERENCES: usize = 8;

/// Why the list of languages was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LanguageError {
    /// Not the list's JSON.
    Json(String),
    /// A language's code is not a language tag (`es`, `pt-BR`).
    Code(String),
    /// A code is listed twice.
    Twice(String),
    /// English is missing.
    NoEnglish,
    /// Too many languages.
    TooMany,
    /// A language's plural rules cannot be read.
    Plural(String, plural::RuleError),
    /// A language's number format is not one.
    Number(String, &'static str),
}

impl fmt::Display for LanguageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LanguageError::Json(e) => write!(f, "languages.json cannot be read: {e}"),
            LanguageError::Code(c) => {
                write!(f, "\"{c}\" is not a language code (such as es or pt-BR)")
            }
            LanguageError::Twice(c) => write!(f, "the language {c} is listed twice"),
            LanguageError::NoEnglish => write!(f, "English (en) is missing from the list"),
            LanguageError::TooMany => write!(f, "more than {MAX_LANGUAGES} languages"),
            LanguageError::Plural(c, e) => write!(f, "{c}: {e}"),
            LanguageError::Number(c, why) => write!(f, "{c}: the number format {why}"),
        }
    }
}

impl std::error::Error for LanguageError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListJson {
    languages: Vec<LanguageJson>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct LanguageJson {
    code: String,
    name: String,
    plural: std::collections::BTreeMap<String, String>,
    number: NumberFormat,
}

/// How a language writes numbers (CLDR's symbols for its default numbering system).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct NumberFormat {
    /// Between groups of three digits ("," in English, "." in German, a narrow no-break
    /// space in French).
    pub group: String,
    /// Before the fraction.
    pub decimal: String,
    /// How many digits the first group needs before grouping starts (2 in Spanish: 1234 but
    /// 12.345).
    pub min_group: u8,
}

impl NumberFormat {
    /// `digits` (an integer or a decimal as written, "-1234.5") the language's way.
    pub fn write(&self, digits: &str) -> String {
        let (sign, body) = match digits.strip_prefix('-') {
            Some(b) => ("-", b),
            None => ("", digits),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        let mut out = String::from(sign);
        let n = int.len();
        let grouped = n > 3 && n - 3 >= usize::from(self.min_group.max(1));
        for (k, c) in int.chars().enumerate() {
            if grouped && k > 0 && (n - k) % 3 == 0 {
                out.push_str(&self.group);
            }
            out.push(c);
        }
        if let Some(f) = frac {
            out.push_str(&self.decimal);
            out.push_str(f);
        }
        out
    }
}

/// One language of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// Its code (`es`, `pt-BR`): the folder `www/lang/<code>/` and `?lang=<code>`.
    pub code: String,
    /// Its name in itself ("Español").
    pub name: String,
    plural: PluralRules,
    number: NumberFormat,
}

impl Language {
    /// The plural category of a number written as `digits`.
    pub fn category(&self, digits: &str) -> &'static str {
        Operands::decimal(digits).map_or("other", |o| self.plural.category(&o))
    }

    /// How this language writes numbers.
    pub fn number(&self) -> &NumberFormat {
        &self.number
    }

    /// English, as the page knows it without the list (the list has the same).
    pub fn english() -> Language {
        Language {
            code: ENGLISH.into(),
            name: "English".into(),
            plural: PluralRules::parse([("one", "i = 1 and v = 0")]).unwrap_or_default(),
            number: NumberFormat {
                group: ",".into(),
                decimal: ".".into(),
                min_group: 1,
            },
        }
    }
}

/// The languages the page offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    list: Vec<Language>,
}

fn language_code(c: &str) -> bool {
    let mut parts = c.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl Languages {
    /// Reads `languages.json`.
    pub fn parse(json: &str) -> Result<Languages, LanguageError> {
        let list: ListJson =
            serde_json::from_str(json).map_err(|e| LanguageError::Json(e.to_string()))?;
        if list.languages.len() > MAX_LANGUAGES {
            return Err(LanguageError::TooMany);
        }
        let mut out: Vec<Language> = Vec::new();
        for l in list.languages {
            if !language_code(&l.code) {
                return Err(LanguageError::Code(l.code));
            }
            if out.iter().any(|o| o.code.eq_ignore_ascii_case(&l.code)) {
                return Err(LanguageError::Twice(l.code));
            }
            let plural = PluralRules::parse(l.plural.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                .map_err(|e| LanguageError::Plural(l.code.clone(), e))?;
            let n = &l.number;
            if n.group.chars().count() != 1
                || n.decimal.chars().count() != 1
                || n.group == n.decimal
            {
                return Err(LanguageError::Number(
                    l.code,
                    "needs one character for group and one other for decimal",
                ));
            }
            if !(1..=4).contains(&n.min_group) {
                return Err(LanguageError::Number(l.code, "has minGroup 1 to 4"));
            }
            out.push(Language {
                code: l.code,
                name: l.name,
                plural,
                number: l.number,
            });
        }
        if !out.iter().any(|l| l.code == ENGLISH) {
            return Err(LanguageError::NoEnglish);
        }
        Ok(Languages { list: out })
    }

    /// Every language, in the list's order.
    pub fn all(&self) -> &[Language] {
        &self.list
    }

    /// The language with `code` (any case).
    pub fn get(&self, code: &str) -> Option<&Language> {
        self.list.iter().find(|l| l.code.eq_ignore_ascii_case(code))
    }

    /// The page's language: `query` (`?lang=`), else the first of the browser's `preferred`
    /// languages the list has, else English. A tag matches its own code, or the code of its
    /// language alone (`es-MX` → `es`), or a code of the same language (`pt` → `pt-BR`).
    pub fn choose(&self, query: Option<&str>, preferred: &[String]) -> &Language {
        let english = self.get(ENGLISH).unwrap_or(&self.list[0]);
        query
            .into_iter()
            .chain(preferred.iter().map(String::as_str))
            .find_map(|tag| self.matching(tag))
            .unwrap_or(english)
    }

    fn matching(&self, tag: &str) -> Option<&Language> {
        let tag = tag.trim();
        if let Some(l) = self.get(tag) {
            return Some(l);
        }
        let base = tag.split('-').next().unwrap_or_default();
        self.get(base).or_else(|| {
            self.list.iter().find(|l| {
                l.code
                    .split('-')
                    .next()
                    .is_some_and(|b| b.eq_ignore_ascii_case(base))
            })
        })
    }
}

/// A value a message is given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    /// A whole number: written the language's way, chosen on by plural category.
    Int(i64),
    /// A decimal as written with a point ("12.50"): written the language's way.
    Decimal(String),
    /// A name, an address or a word of a fixed set (chosen on by `[word]`), as it is.
    Text(String),
    /// Words of their own (a node's name, a refusal's reason), written in the language.
    Say(Box<Say>),
}

/// Words the page will show, not yet in any language: a key of `page.ftl` and the values
/// its text is given. The plain logic returns these (feed lines, results, refusals,
/// verdicts); a component writes them with [`Texts::say`]. One way for every word the
/// logic hands the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Say {
    /// The key in `page.ftl` (`feed-forged`, `node-name`).
    pub key: &'static str,
    /// The values, by the names the text uses (`{ $height }`).
    pub args: Vec<(&'static str, Arg)>,
}

impl Say {
    /// The text of `key` with no values yet.
    pub fn new(key: &'static str) -> Say {
        Say {
            key,
            args: Vec::new(),
        }
    }

    /// The same words with the value `name` set to `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Say {
        self.args.push((name, value.into()));
        self
    }

    /// The same words with the number `n` that names something (a block's height, a tab's
    /// node): its digits as they are, never grouped (block #12345, not #12,345).
    pub fn with_id(self, name: &'static str, n: u64) -> Say {
        self.with(name, n.to_string())
    }

    /// The value `name`, if given.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, a)| a)
    }

    /// A typed refusal of the core (`TxError`, `BlockError`, …) as words: `key` is the
    /// message of its type in `page.ftl` (`refusal-tx`), which selects on `$reason`, the
    /// variant's name as its JSON's `error` tag says it (`nonceGap`); the variant's fields
    /// are the other values, by their JSON names. A field that is itself a refusal (a
    /// block's transaction, a chain's block) is `$why`, in the words of its own message
    /// (`inner`, the key of its type). The error's `Display` stays for the CLI and logs.
    pub fn refusal(key: &'static str, e: &impl Serialize, inner: Option<&'static str>) -> Say {
        let mut say = Say::new(key);
        let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(e) else {
            return say;
        };
        for (name, value) in fields {
            let arg = match value {
                serde_json::Value::Number(n) => match n.as_i64() {
                    Some(i) => Arg::Int(i),
                    None => Arg::Decimal(n.to_string()),
                },
                // Addresses and hashes as the page writes them short: 8 hex digits.
                serde_json::Value::String(mut t) => {
                    if t.len() >= 32 && t.bytes().all(|b| b.is_ascii_hexdigit()) {
                        t.truncate(8);
                    }
                    Arg::Text(t)
                }
                serde_json::Value::Object(_) => {
                    if let Some(inner) = inner {
                        let (next, deeper) = match inner {
                            "refusal-block" => ("refusal-block", Some("refusal-tx")),
                            other => (other, None),
                        };
                        say.args
                            .push(("why", Say::refusal(next, &value, deeper).into()));
                    }
                    continue;
                }
                other => Arg::Text(other.to_string()),
            };
            let name = match name.as_str() {
                "error" => "reason",
                known => REFUSAL_FIELDS
                    .iter()
                    .find(|f| **f == known)
                    .copied()
                    .unwrap_or("other"),
            };
            say.args.push((name, arg));
        }
        // What the English sentence computes from two fields.
        if let (Some(Arg::Int(t)), Some(Arg::Int(n))) = (say.arg("timestamp"), say.arg("now")) {
            let ahead = t.saturating_sub(*n);
            say.args.push(("ahead", Arg::Int(ahead)));
        }
        // The limits the English sentences name.
        match key {
            "refusal-block" => {
                say = say
                    .with("future", pos_core::chain::MAX_FUTURE_MS)
                    .with("most", pos_core::chain::MAX_BLOCK_TXS);
            }
            "refusal-decode" => {
                say = say
                    .with("most", pos_core::message::MAX_MESSAGE_BYTES)
                    .with("version", u64::from(pos_core::message::PROTOCOL_VERSION));
            }
            _ => {}
        }
        say
    }
}

/// [`Say`] as a file holds it (a recording's feed, `logic/history/recording.rs`): the key
/// and the values' names as text, each value tagged with its kind (`{"int":5}`,
/// `{"decimal":"1.50"}`), so that a number written the language's way stays one after a
/// round trip (a `Say`'s own JSON leaves a decimal and a text alike).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaidFile {
    /// The key in `page.ftl`.
    pub key: String,
    /// The values, by name.
    #[serde(default)]
    pub args: Vec<(String, ArgFile)>,
}

/// An [`Arg`] as a file holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ArgFile {
    /// [`Arg::Int`].
    Int(i64),
    /// [`Arg::Decimal`].
    Decimal(String),
    /// [`Arg::Text`].
    Text(String),
    /// [`Arg::Say`].
    Say(Box<SaidFile>),
}

/// The most words nested in a [`SaidFile`] (a refusal in a refusal is 3).
const MAX_SAID_DEPTH: usize = 4;

impl From<&Say> for SaidFile {
    fn from(say: &Say) -> SaidFile {
        SaidFile {
            key: say.key.to_string(),
            args: say
                .args
                .iter()
                .map(|(name, arg)| {
                    let arg = match arg {
                        Arg::Int(n) => ArgFile::Int(*n),
                        Arg::Decimal(d) => ArgFile::Decimal(d.clone()),
                        Arg::Text(t) => ArgFile::Text(t.clone()),
                        Arg::Say(s) => ArgFile::Say(Box::new(SaidFile::from(&**s))),
                    };
                    (name.to_string(), arg)
                })
                .collect(),
        }
    }
}

impl SaidFile {
    /// The words again, from untrusted text: a key and names are Fluent identifiers of at
    /// most 64 characters, at most [`MAX_SAID_DEPTH`] words deep; `None` when not.
    pub fn to_say(&self) -> Option<Say> {
        self.to_say_at(0)
    }

    fn to_say_at(&self, depth: usize) -> Option<Say> {
        if depth >= MAX_SAID_DEPTH || self.args.len() > 16 {
            return None;
        }
        let mut say = Say::new(intern(&self.key)?);
        for (name, arg) in &self.args {
            let arg = match arg {
                ArgFile::Int(n) => Arg::Int(*n),
                ArgFile::Decimal(d) => Arg::Decimal(d.clone()),
                ArgFile::Text(t) => Arg::Text(t.clone()),
                ArgFile::Say(s) => Arg::Say(Box::new(s.to_say_at(depth + 1)?)),
            };
            say.args.push((intern(name)?, arg));
        }
        Some(say)
    }
}

/// The most names [`intern`] keeps (the page's keys and values are a few hundred).
const MAX_INTERNED: usize = 4096;

/// `name` as a `&'static str` that a [`Say`] can hold: each one is kept once, only Fluent
/// identifiers (`[a-zA-Z][a-zA-Z0-9_-]*`) of at most 64 characters and at most
/// [`MAX_INTERNED`] of them, so that untrusted text cannot make the tab hold more than
/// about 256 KiB this way.
fn intern(name: &str) -> Option<&'static str> {
    use std::collections::BTreeSet;
    use std::sync::Mutex;
    static NAMES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut chars = name.chars();
    let ok = name.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !ok {
        return None;
    }
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(known) = names.get(name) {
        return Some(known);
    }
    if names.len() >= MAX_INTERNED {
        return None;
    }
    let kept: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.insert(kept);
    Some(kept)
}

/// The names of the core's refusal fields, as `page.ftl` uses them (`{ $expected }`).
const REFUSAL_FIELDS: [&str; 29] = [
    "stakers",
    "watched",
    "total",
    "blocks",
    "runs",
    "rewardPpm",
    "grinder",
    "friend",
    "pool",
    "lots",
    "expected",
    "got",
    "balance",
    "amount",
    "nonce",
    "with",
    "max",
    "forger",
    "rank",
    "slot",
    "timestamp",
    "now",
    "index",
    "height",
    "tip",
    "seed",
    "len",
    "found",
    "detail",
];

impl From<Say> for Arg {
    fn from(s: Say) -> Arg {
        Arg::Say(Box::new(s))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Int(n)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

/// The page's words in one language, English beneath for what it lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    language: Language,
    own: Resource,
    english: Resource,
}

impl Texts {
    /// `own` in `language`, over `english`.
    pub fn new(language: Language, own: Resource, english: Resource) -> Texts {
        Texts {
            language,
            own,
            english,
        }
    }

    /// English alone.
    pub fn english(english: Resource) -> Texts {
        Texts::new(Language::english(), Resource::default(), english)
    }

    /// The language.
    pub fn language(&self) -> &Language {
        &self.language
    }

    /// A number the language's way (`1,234` in English, `1.234` in German).
    pub fn number(&self, n: impl Into<Arg>) -> String {
        match n.into() {
            Arg::Int(n) => self.language.number.write(&n.to_string()),
            Arg::Decimal(d) => self.language.number.write(&d),
            Arg::Text(t) => t,
            Arg::Say(s) => self.say(&s),
        }
    }

    /// The words of `say` in this language.
    pub fn say(&self, say: &Say) -> String {
        self.format(say.key, &say.args)
    }

    /// The text of `id` (`key`, `key.attribute`), with no values.
    pub fn get(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// The text of `id` with `args`. An id neither this language nor English has is shown
    /// as itself, so a missing key is seen rather than hidden.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut out = String::new();
        match self.own.get(id) {
            Some(p) => self.write(p, args, &self.own, 0, &mut out),
            None => match self.english.get(id) {
                Some(p) => self.write(p, args, &self.english, 0, &mut out),
                None => out.push_str(id),
            },
        }
        out
    }

    fn write(
        &self,
        p: &Pattern,
        args: &[(&str, Arg)],
        from: &Resource,
        depth: usize,
        out: &mut String,
    ) {
        for e in p {
            match e {
                Element::Text(t) => out.push_str(t),
                Element::Variable(v) => match args.iter().find(|(k, _)| k == v) {
                    Some((_, Arg::Int(n))) => {
                        out.push_str(&self.language.number.write(&n.to_string()))
                    }
                    Some((_, Arg::Decimal(d))) => out.push_str(&self.language.number.write(d)),
                    Some((_, Arg::Text(t))) => out.push_str(t),
                    Some((_, Arg::Say(s))) if depth < MAX_REFERENCES => match self.own.get(s.key) {
                        Some(p) => self.write(p, &s.args, &self.own, depth + 1, out),
                        None => match self.english.get(s.key) {
                            Some(p) => self.write(p, &s.args, &self.english, depth + 1, out),
                            None => out.push_str(s.key),
                        },
                    },
                    Some((_, Arg::Say(s))) => out.push_str(s.key),
                    None => {
                        out.push_str("{$");
                        out.push_str(v);
                        out.push('}');
                    }
                },
                Element::Reference(r) => {
                    let target = from.get(r).or_else(|| self.english.get(r));
                    match target {
                        Some(t) if depth < MAX_REFERENCES => {
                            self.write(t, args, from, depth + 1, out)
                        }
                        _ => out.push_str(r),
                    }
                }
                Element::Select {
                    variable,
                    variants,
                    default,
                } => {
                    let value = args.iter().find(|(k, _)| k == variable).map(|(_, a)| a);
                    let chosen = variants
                        .iter()
                        .position(|(key, _)| match (key, value) {
                            (Key::Number(k), Some(Arg::Int(n))) => k == n,
                            (Key::Name(k), Some(Arg::Text(t))) => k == t,
                            _ => false,
                        })
                        .or_else(|| {
                            let category = match value {
                                Some(Arg::Int(n)) => self.language.category(&n.to_string()),
                                Some(Arg::Decimal(d)) => self.language.category(d),
                                _ => return None,
                            };
                            variants
                                .iter()
                                .position(|(key, _)| *key == Key::Name(category.to_string()))
                        })
                        .unwrap_or(*default);
                    if let Some((_, v)) = variants.get(chosen) {
                        self.write(v, args, from, depth, out);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = r#"{"languages": [
        {"code": "en", "name": "English", "plural": {"one": "i = 1 and v = 0"},
         "number": {"group": ",", "decimal": ".", "minGroup": 1}},
        {"code": "es", "name": "Español", "plural": {"one": "n = 1",
         "many": "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5"},
         "number": {"group": ".", "decimal": ",", "minGroup": 2}},
        {"code": "pt-BR", "name": "Português (Brasil)", "plural": {"one": "i = 0..1"},
         "number": {"group": ".", "decimal": ",", "minGroup": 1}}
    ]}"#;

    fn res(text: &str) -> Resource {
        Resource::parse(text).expect("parses")
    }

    #[test]
    fn the_language_is_the_query_else_the_browsers_else_english() {
        let l = Languages::parse(LIST).expect("list");
        let pref = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(l.choose(Some("es"), &pref(&["pt-BR"])).code, "es");
        assert_eq!(l.choose(Some("xx"), &pref(&["pt-BR"])).code, "pt-BR");
        assert_eq!(l.choose(None, &pref(&["es-MX", "en"])).code, "es");
        assert_eq!(l.choose(None, &pref(&["pt-PT"])).code, "pt-BR");
        assert_eq!(l.choose(None, &pref(&["PT-br"])).code, "pt-BR");
        assert_eq!(l.choose(None, &pref(&["ja", "ko"])).code, "en");
        assert_eq!(l.choose(None, &[]).code, "en");
    }

    #[test]
    fn numbers_and_plurals_the_languages_way_and_english_beneath() {
        let l = Languages::parse(LIST).expect("list");
        let en = res("blocks = { $n ->\n    [one] one block\n   *[other] { $n } blocks\n}\nonly-en = Only English\nshare = { $p } %\n");
        let es = res("blocks = { $n ->\n    [0] ningún bloque\n    [one] un bloque\n   *[other] { $n } bloques\n}\nshare = { $p } %\n");
        let t = Texts::new(l.get("es").expect("es").clone(), es, en.clone());
        assert_eq!(t.format("blocks", &[("n", 0_i64.into())]), "ningún bloque");
        assert_eq!(t.format("blocks", &[("n", 1_i64.into())]), "un bloque");
        assert_eq!(
            t.format("blocks", &[("n", 1234_i64.into())]),
            "1234 bloques"
        );
        assert_eq!(
            t.format("blocks", &[("n", 12345_i64.into())]),
            "12.345 bloques"
        );
        assert_eq!(
            t.format("share", &[("p", Arg::Decimal("12.50".into()))]),
            "12,50 %"
        );
        assert_eq!(t.get("only-en"), "Only English");
        assert_eq!(t.get("nowhere"), "nowhere");
        assert_eq!(
            t.get("blocks"),
            "{$n} bloques",
            "a missing value shows its name"
        );
        let e = Texts::english(en);
        assert_eq!(e.format("blocks", &[("n", 1_i64.into())]), "one block");
        assert_eq!(
            e.format("blocks", &[("n", 1_000_000_i64.into())]),
            "1,000,000 blocks"
        );
    }

    #[test]
    fn references_follow_terms_and_loops_stop() {
        let en = res("-coin = token\nhelp = Each { -coin } is one lot\nloop = { loop }\n");
        let t = Texts::english(en);
        assert_eq!(t.get("help"), "Each token is one lot");
        assert!(t.get("loop").ends_with("loop"));
    }

    #[test]
    fn a_bad_list_is_refused_in_words() {
        for (json, words) in [
            ("{", "cannot be read"),
            (r#"{"languages": []}"#, "English (en) is missing"),
            (
                r#"{"languages": [{"code": "EN", "name": "x", "plural": {}, "number": {"group": ",", "decimal": ".", "minGroup": 1}}]}"#,
                "not a language code",
            ),
            (
                r#"{"languages": [{"code": "en", "name": "x", "plural": {"one": "q = 1"}, "number": {"group": ",", "decimal": ".", "minGroup": 1}}]}"#,
                "not an operand",
            ),
            (
                r#"{"languages": [{"code": "en", "name": "x", "plural": {}, "number": {"group": ",", "decimal": ",", "minGroup": 1}}]}"#,
                "one other for decimal",
            ),
        ] {
            let e = Languages::parse(json).expect_err(words);
            assert!(e.to_string().contains(words), "{e}");
        }
    }
}
