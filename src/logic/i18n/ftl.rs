//! Language files in the syntax of Mozilla's Fluent (`.ftl`), the part a page needs.
//!
//! ```text
//! # A comment.
//! blocks-forged = { $forger } forged { $count ->
//!         [one] one block
//!        *[other] { $count } blocks
//!     }
//! send = Send
//!     .title = Send the transaction to the pool
//! -stake = stake
//! stake-help = Each { -stake } token is one lot.
//! ```
//!
//! Messages and terms (`-name`), attributes (`.title`), multi-line values (continuation lines
//! are indented; their common indent is removed), placeables with variables (`{ $name }`),
//! terms, other messages (`{ other-key }`, `{ other-key.title }`) and string literals
//! (`{ "{" }`), and select expressions on a variable, whose variants are plural categories
//! (`[one]`, `[few]` …), exact numbers (`[0]`) or words (`[teacher]`), one of them the default
//! (`*[other]`). Functions (`NUMBER()`) are not read: numbers are written the language's way
//! on their own. Everything else is refused with its line and the reason, so a translator
//! sees at once what to mend; a file that is refused changes nothing.

use std::collections::BTreeMap;
use std::fmt;

/// Why a language file was refused, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FtlError {
    /// The line (from 1).
    pub line: usize,
    /// What is wrong there.
    pub reason: String,
}

impl fmt::Display for FtlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for FtlError {}

/// A variant's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// A plural category or a word.
    Name(String),
    /// An exact number.
    Number(i64),
}

/// One piece of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// Text as written.
    Text(String),
    /// `{ $name }`.
    Variable(String),
    /// `{ -term }` or `{ message }` / `{ message.attribute }`: another entry's id.
    Reference(String),
    /// `{ $name -> [key] … *[other] … }`.
    Select {
        /// The variable chosen on.
        variable: String,
        /// The variants, in order.
        variants: Vec<(Key, Pattern)>,
        /// Which variant is the default.
        default: usize,
    },
}

/// A message's value or an attribute's: text and placeables.
pub type Pattern = Vec<Element>;

/// The entries of one language file: `id`, `id.attribute` and `-term` to their patterns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resource {
    entries: BTreeMap<String, Pattern>,
}

/// The most entries a file may hold.
pub const MAX_ENTRIES: usize = 10_000;
/// The most bytes a file may hold.
pub const MAX_BYTES: usize = 1 << 20;
/// The deepest placeables may nest.
const MAX_DEPTH: usize = 8;

impl Resource {
    /// Reads a language file.
    pub fn parse(text: &str) -> Result<Resource, FtlError> {
        if text.len() > MAX_BYTES {
            return Err(FtlError {
                line: 1,
                reason: format!("the file is larger than {MAX_BYTES} bytes"),
            });
        }
        let lines: Vec<&str> = text.lines().collect();
        let mut entries = BTreeMap::new();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i].trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                i += 1;
                continue;
            }
            let err = |reason: String| FtlError {
                line: i + 1,
                reason,
            };
            if line.starts_with([' ', '\t']) {
                return Err(err(
                    "an indented line belongs to no entry (an entry starts at the line's start: key = text)".into(),
                ));
            }
            let Some((id, first)) = line.split_once('=') else {
                return Err(err("expected an entry: key = text".into()));
            };
            let id = id.trim_end();
            let name = id.strip_prefix('-').unwrap_or(id);
            if !identifier(name) {
                return Err(err(format!(
                    "\"{id}\" is not a key (letters, digits, - and _, starting with a letter)"
                )));
            }
            // The entry's lines: this one, and the indented or blank ones after it.
            // A select's closing brace may stand at the line's start.
            let start = i;
            let mut end = i + 1;
            let mut last = i + 1;
            let mut depth = brace_depth(0, first);
            while end < lines.len() {
                let l = lines[end];
                if l.trim().is_empty() {
                    end += 1;
                } else if l.starts_with([' ', '\t']) || depth > 0 && l.starts_with('}') {
                    depth = brace_depth(depth, l);
                    end += 1;
                    last = end;
                } else {
                    break;
                }
            }
            let block: Vec<&str> = lines[start + 1..last].to_vec();
            for (key, pattern) in entry(id, first, &block, start + 1)? {
                if entries.len() >= MAX_ENTRIES {
                    return Err(err(format!("more than {MAX_ENTRIES} entries")));
                }
                if entries.insert(key.clone(), pattern).is_some() {
                    return Err(err(format!("\"{key}\" is given twice")));
                }
            }
            i = last;
        }
        Ok(Resource { entries })
    }

    /// The pattern of `id` (`key`, `key.attribute` or `-term`).
    pub fn get(&self, id: &str) -> Option<&Pattern> {
        self.entries.get(id)
    }

    /// Every id, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The variables a pattern uses, its selects' included.
pub fn variables(pattern: &Pattern) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(p: &Pattern, out: &mut Vec<String>) {
        for e in p {
            match e {
                Element::Variable(v) => out.push(v.clone()),
                Element::Select {
                    variable, variants, ..
                } => {
                    out.push(variable.clone());
                    for (_, v) in variants {
                        walk(v, out);
                    }
                }
                Element::Text(_) | Element::Reference(_) => {}
            }
        }
    }
    walk(pattern, &mut out);
    out.sort();
    out.dedup();
    out
}

fn identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// One entry: its value and attributes, from the text after `=` on its first line
/// (`line`, from 1) and its indented lines.
fn entry(
    id: &str,
    first: &str,
    block: &[&str],
    line: usize,
) -> Result<Vec<(String, Pattern)>, FtlError> {
    // Split the block into the value's lines and each attribute's, at a line starting with
    // '.' outside braces.
    let mut parts: Vec<(String, usize, String, Vec<&str>)> =
        vec![(id.to_string(), line, first.to_string(), Vec::new())];
    let mut depth = brace_depth(0, first);
    for (k, l) in block.iter().enumerate() {
        let trimmed = l.trim_start();
        if depth == 0 && trimmed.starts_with('.') {
            let Some((attr, rest)) = trimmed[1..].split_once('=') else {
                return Err(FtlError {
                    line: line + k + 1,
                    reason: "expected an attribute: .name = text".into(),
                });
            };
            let attr = attr.trim();
            if !identifier(attr) || id.starts_with('-') {
                return Err(FtlError {
                    line: line + k + 1,
                    reason: format!("\".{attr}\" is not an attribute of {id}"),
                });
            }
            parts.push((
                format!("{id}.{attr}"),
                line + k + 1,
                rest.to_string(),
                Vec::new(),
            ));
            depth = brace_depth(0, rest);
        } else {
            depth = brace_depth(depth, l);
            if let Some(p) = parts.last_mut() {
                p.3.push(l);
            }
        }
    }
    let attributes = parts.len() > 1;
    let mut out = Vec::new();
    for (key, at, first, rest) in parts {
        let text = join(&first, &rest);
        let pattern = Parser::new(&text, at).pattern_until_end()?;
        if pattern.is_empty() {
            // A message may have attributes only; a term, or an attribute, needs a value.
            if key == id && attributes && !id.starts_with('-') {
                continue;
            }
            return Err(FtlError {
                line: at,
                reason: format!("{key} has no text"),
            });
        }
        out.push((key, pattern));
    }
    Ok(out)
}

fn brace_depth(mut depth: i64, line: &str) -> i64 {
    let mut in_string = false;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if in_string && !escaped => {
                escaped = true;
                continue;
            }
            '"' if depth > 0 && !escaped => in_string = !in_string,
            '{' if !in_string => depth += 1,
            '}' if !in_string => depth -= 1,
            _ => {}
        }
        escaped = false;
    }
    depth.max(0)
}

/// The value's text: the first line's rest and the continuation lines without their common
/// indent, joined by newlines; a value that starts on the next line starts there.
fn join(first: &str, rest: &[&str]) -> String {
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut lines: Vec<String> = Vec::new();
    let first = first.trim_start();
    if !first.trim().is_empty() {
        lines.push(first.trim_end().to_string());
    }
    for l in rest {
        lines.push(l.get(indent..).unwrap_or("").trim_end().to_string());
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    line: usize,
    _text: &'a str,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, line: usize) -> Parser<'a> {
        Parser {
            chars: text.chars().collect(),
            pos: 0,
            line,
            _text: text,
        }
    }

    fn error<T>(&self, reason: impl Into<String>) -> Result<T, FtlError> {
        Err(FtlError {
            line: self.line,
            reason: reason.into(),
        })
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek();
        if let Some(c) = c {
            self.pos += 1;
            if c == '\n' {
                self.line += 1;
            }
        }
        c
    }

    fn skip_blank(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    fn pattern_until_end(&mut self) -> Result<Pattern, FtlError> {
        let p = self.pattern(0, false)?;
        if self.peek().is_some() {
            return self.error("a } closes no {");
        }
        Ok(p)
    }

    /// Text and placeables up to the end, or (in a variant) up to the line where the next
    /// variant or the select's closing brace starts.
    fn pattern(&mut self, depth: usize, in_variant: bool) -> Result<Pattern, FtlError> {
        let mut out: Pattern = Vec::new();
        let mut text = String::new();
        while let Some(c) = self.peek() {
            match c {
                '{' => {
                    if !text.is_empty() {
                        out.push(Element::Text(std::mem::take(&mut text)));
                    }
                    self.bump();
                    out.push(self.placeable(depth + 1)?);
                }
                '}' => break,
                '\n' if in_variant => {
                    let rest = self.chars[self.pos..]
                        .iter()
                        .skip_while(|c| c.is_whitespace())
                        .copied()
                        .next();
                    if matches!(rest, Some('[' | '*' | '}') | None) {
                        break;
                    }
                    self.bump();
                    // A variant's continuation lines lose their indent.
                    while self.peek().is_some_and(|c| c == ' ' || c == '\t') {
                        self.bump();
                    }
                    text.push('\n');
                }
                _ => {
                    self.bump();
                    text.push(c);
                }
            }
        }
        if in_variant {
            let trimmed = text.trim_end().to_string();
            text = trimmed;
        }
        if !text.is_empty() {
            out.push(Element::Text(text));
        }
        Ok(out)
    }

    fn name(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                s.push(c);
                self.bump();
            } else {
                break;
            }
        }
        s
    }

    /// After '{': one placeable up to its '}'.
    fn placeable(&mut self, depth: usize) -> Result<Element, FtlError> {
        if depth > MAX_DEPTH {
            return self.error(format!("placeables nest deeper than {MAX_DEPTH}"));
        }
        self.skip_blank();
        let element = match self.peek() {
            Some('$') => {
                self.bump();
                let v = self.name();
                if !identifier(&v) {
                    return self.error("a variable needs a name: { $name }");
                }
                self.skip_blank();
                if self.peek() == Some('-') && self.chars.get(self.pos + 1) == Some(&'>') {
                    self.pos += 2;
                    return self.select(v, depth);
                }
                Element::Variable(v)
            }
            Some('"') => {
                self.bump();
                Element::Text(self.string()?)
            }
            Some(c) if c == '-' || c.is_ascii_alphabetic() => {
                let mut id = String::new();
                if c == '-' {
                    self.bump();
                    id.push('-');
                }
                let name = self.name();
                if !identifier(&name) {
                    return self.error("a reference needs a key: { -term } or { message }");
                }
                id.push_str(&name);
                if self.peek() == Some('.') {
                    self.bump();
                    let attr = self.name();
                    if !identifier(&attr) {
                        return self.error("an attribute needs a name: { message.attribute }");
                    }
                    id = format!("{id}.{attr}");
                }
                if self.peek() == Some('(') {
                    return self.error(format!(
                        "functions such as {id}() are not read here: numbers are written the language's way on their own"
                    ));
                }
                Element::Reference(id)
            }
            Some('}') => return self.error("an empty placeable { }"),
            None => return self.error("a { is never closed"),
            Some(c) => {
                return self.error(format!(
                    "\"{c}\" cannot start a placeable: {{ $variable }}, {{ -term }}, {{ message }} or {{ \"text\" }}"
                ))
            }
        };
        self.skip_blank();
        match self.bump() {
            Some('}') => Ok(element),
            None => self.error("a { is never closed"),
            Some(c) => self.error(format!("expected }} after the placeable, found \"{c}\"")),
        }
    }

    /// A string literal's text up to its closing quote.
    fn string(&mut self) -> Result<String, FtlError> {
        let mut s = String::new();
        loop {
            match self.bump() {
                Some('"') => return Ok(s),
                Some('\\') => match self.bump() {
                    Some('"') => s.push('"'),
                    Some('\\') => s.push('\\'),
                    Some('u') => {
                        let hex: String = (0..4).filter_map(|_| self.bump()).collect();
                        match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                            Some(c) if hex.len() == 4 => s.push(c),
                            _ => return self.error(format!("\\u{hex} is not a character")),
                        }
                    }
                    _ => return self.error("in a string, \\ comes before \", \\ or uXXXX"),
                },
                Some('\n') | None => return self.error("a string is not closed on its line"),
                Some(c) => s.push(c),
            }
        }
    }

    /// After `{ $variable ->`: the variants, up to and with the closing '}'.
    fn select(&mut self, variable: String, depth: usize) -> Result<Element, FtlError> {
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            self.skip_blank();
            match self.peek() {
                Some('}') => {
                    self.bump();
                    break;
                }
                Some('*') | Some('[') => {
                    if self.bump() == Some('*') {
                        if default.is_some() {
                            return self.error(format!(
                                "the select on ${variable} has two defaults (*)"
                            ));
                        }
                        default = Some(variants.len());
                        if self.bump() != Some('[') {
                            return self.error("expected [ after *");
                        }
                    }
                    self.skip_blank();
                    let key = self.variant_key()?;
                    self.skip_blank();
                    if self.bump() != Some(']') {
                        return self.error("expected ] after the variant's key");
                    }
                    while self.peek().is_some_and(|c| c == ' ' || c == '\t') {
                        self.bump();
                    }
                    let value = self.pattern(depth, true)?;
                    variants.push((key, value));
                }
                None => return self.error(format!("the select on ${variable} is never closed")),
                Some(c) => {
                    return self.error(format!(
                        "expected a variant ([key] or *[key]) in the select on ${variable}, found \"{c}\""
                    ))
                }
            }
        }
        let Some(default) = default else {
            return self.error(format!(
                "the select on ${variable} needs a default variant, e.g. *[other]"
            ));
        };
        Ok(Element::Select {
            variable,
            variants,
            default,
        })
    }

    fn variant_key(&mut self) -> Result<Key, FtlError> {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                s.push(c);
                self.bump();
            } else {
                break;
            }
        }
        if let Ok(n) = s.parse::<i64>() {
            return Ok(Key::Number(n));
        }
        if identifier(&s) {
            return Ok(Key::Name(s));
        }
        self.error(format!(
            "\"{s}\" is not a variant key (a word such as one, or a number)"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Element {
        Element::Text(s.into())
    }

    #[test]
    fn messages_terms_attributes_and_multiline_values() {
        let r = Resource::parse(
            "# comment\n\
             hello = Hello, { $name }!\n\
             send = Send\n    .title = Send it\n\
             -stake = stake\n\
             help =\n    Each { -stake } token\n    is one lot.\n\
             \n\
             brace = { \"{\" } and { hello.title }\n",
        )
        .expect("parses");
        assert_eq!(
            r.get("hello"),
            Some(&vec![
                text("Hello, "),
                Element::Variable("name".into()),
                text("!")
            ])
        );
        assert_eq!(r.get("send.title"), Some(&vec![text("Send it")]));
        assert_eq!(r.get("-stake"), Some(&vec![text("stake")]));
        assert_eq!(
            r.get("help"),
            Some(&vec![
                text("Each "),
                Element::Reference("-stake".into()),
                text(" token\nis one lot.")
            ])
        );
        assert_eq!(
            r.get("brace"),
            Some(&vec![
                text("{"),
                text(" and "),
                Element::Reference("hello.title".into())
            ])
        );
        assert_eq!(r.len(), 6);
    }

    #[test]
    fn selects_on_plural_categories_numbers_and_words() {
        let r = Resource::parse(
            "blocks = { $forger } forged { $count ->\n        [0] no block\n        [one] one block\n       *[other] { $count } blocks\n    } today\n",
        )
        .expect("parses");
        let p = r.get("blocks").expect("blocks");
        assert_eq!(
            variables(p),
            vec!["count".to_string(), "forger".to_string()]
        );
        match &p[2] {
            Element::Select {
                variable,
                variants,
                default,
            } => {
                assert_eq!(variable, "count");
                assert_eq!(*default, 2);
                assert_eq!(variants[0], (Key::Number(0), vec![text("no block")]));
                assert_eq!(variants[1].0, Key::Name("one".into()));
                assert_eq!(
                    variants[2].1,
                    vec![Element::Variable("count".into()), text(" blocks")]
                );
            }
            other => panic!("not a select: {other:?}"),
        }
        assert_eq!(p[3], text(" today"));
    }

    #[test]
    fn mistakes_are_refused_with_their_line_and_reason() {
        for (file, line, words) in [
            ("a = ok\nb ok\n", 2, "expected an entry"),
            ("  a = x\n", 1, "belongs to no entry"),
            ("1a = x\n", 1, "is not a key"),
            ("a = x\na = y\n", 2, "given twice"),
            ("a = { $n\n", 1, "never closed"),
            ("a = x }\n", 1, "closes no {"),
            ("a = { }\n", 1, "empty placeable"),
            ("a = { NUMBER($n) }\n", 1, "functions"),
            ("a = { $n ->\n  [one] x\n  [other] y\n}\n", 4, "default"),
            (
                "a = { $n ->\n *[one] x\n *[other] y\n}\n",
                3,
                "two defaults",
            ),
            ("a = { \"x }\n", 1, "not closed"),
            ("a =\n", 1, "has no text"),
            ("-t = x\n    .a = y\n", 2, "not an attribute"),
            ("a = { $n -> x }\n", 1, "expected a variant"),
        ] {
            let e = Resource::parse(file).expect_err(words);
            assert!(e.reason.contains(words), "{file:?}: {e}");
            assert_eq!(e.line, line, "{file:?}: {e}");
        }
    }

    #[test]
    fn a_message_with_attributes_only() {
        let r = Resource::parse("box =\n    .aria-label = The box\n").expect("parses");
        assert_eq!(r.get("box"), None);
        assert_eq!(r.get("box.aria-label"), Some(&vec![text("The box")]));
    }
}
