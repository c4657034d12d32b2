//! Rust names for policy ids: `ccx-cloud` -> `CcxCloud`, `response-time`
//! -> `response_time`, `out-of-hours` -> `OUT_OF_HOURS`; keywords and
//! clashes made valid and unique.

use crate::schema::Kind;
use std::collections::BTreeSet;

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate"];

fn words(id: &str) -> Vec<String> {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// `ccx-cloud` -> `CcxCloud`; `prefix` leads names that would start with a
/// digit or be empty.
pub fn upper_camel(id: &str, prefix: &str) -> String {
    let mut out: String = words(id)
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert_str(0, prefix);
    }
    if out == "Self" {
        out.push_str("Id");
    }
    out
}

/// The enum of an id set: `Tier` for tiers.
pub fn type_name(kind: Kind) -> String {
    upper_camel(kind.name(), "Id")
}

/// `response-time` -> `response_time`, made a valid identifier.
pub fn snake(id: &str, prefix: &str) -> String {
    let mut out = words(id).join("_");
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out = if out.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}_{out}")
        };
    }
    if NOT_RAW.contains(&out.as_str()) {
        out.push('_');
    } else if KEYWORDS.contains(&out.as_str()) {
        out.insert_str(0, "r#");
    }
    out
}

/// `out-of-hours` -> `OUT_OF_HOURS`.
pub fn screaming(id: &str, prefix: &str) -> String {
    let mut out = words(id).join("_").to_ascii_uppercase();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out = if out.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}_{out}")
        };
    }
    out
}

/// Names already given in one namespace.
#[derive(Debug, Default)]
pub struct Names {
    taken: BTreeSet<String>,
}

impl Names {
    /// Takes `name`, or `name` with the smallest free numeric suffix
    /// (joined by `sep`, e.g. `_` or `V`).
    pub fn claim(&mut self, name: String, sep: &str) -> String {
        if self.taken.insert(name.clone()) {
            return name;
        }
        let base = name.trim_start_matches("r#");
        let mut n = 2usize;
        loop {
            let candidate = format!("{base}{sep}{n}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            n = n.saturating_add(1);
        }
    }

    /// Marks `name` as taken.
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(upper_camel("sev-1", "V"), "Sev1");
        assert_eq!(upper_camel("ccx-cloud", "V"), "CcxCloud");
        assert_eq!(upper_camel("SQL-server", "V"), "SqlServer");
        assert_eq!(upper_camel("24x7", "Tier"), "Tier24x7");
        assert_eq!(upper_camel("self", "V"), "SelfId");
        assert_eq!(snake("response-time", "grid"), "response_time");
        assert_eq!(snake("match", "grid"), "r#match");
        assert_eq!(snake("self", "grid"), "self_");
        assert_eq!(snake("1st", "grid"), "grid_1st");
        assert_eq!(screaming("out-of-hours", "RULE"), "OUT_OF_HOURS");
        let mut names = Names::default();
        assert_eq!(names.claim("A".into(), "_"), "A");
        assert_eq!(names.claim("A".into(), "_"), "A_2");
        assert_eq!(names.claim("A".into(), "_"), "A_3");
    }
}
