//! YAML output: the same `policyc/1` [`Document`] as the JSON output,
//! after a comment line holding the `@generated` marker.
//!
//! Written by hand rather than by `serde_yaml`, so that every reader reads
//! it the same: a YAML 1.1 reader (PyYAML) takes plain `on`, `no`, `y`,
//! `17:00` (base 60), `2026-06-13` (a date), `0x1f` or `010` for booleans,
//! numbers and dates. Here a string is written plain only when it starts
//! with a letter, holds no character YAML gives a meaning, and is none of
//! YAML 1.1's words; any other is double-quoted (JSON escapes are valid
//! YAML), or a literal block when it spans lines.
//!
//! [`Document`]: crate::serial::tree

use super::Meta;
use crate::facts::Valid;
use serde_yaml::Value;

/// The policy as a `policyc/1` YAML document: `# {marker}`, then the
/// document. Parsed back, by a YAML 1.1 or 1.2 reader, it equals the JSON
/// output.
pub fn emit(policy: &Valid, meta: &Meta) -> String {
    let mut out = format!("# {}\n", super::escape::yaml_comment(&meta.marker()));
    // Converting the document cannot fail: every map key is a string.
    let value = serde_yaml::to_value(super::document::document(policy, meta)).unwrap_or_default();
    write_value(&value, 0, &mut out);
    out
}

/// Writes a top-level or nested block value at `indent`; a scalar on its own line.
fn write_value(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Mapping(map) if !map.is_empty() => write_map(map, indent, out),
        Value::Sequence(items) if !items.is_empty() => write_seq(items, indent, out),
        Value::Tagged(tagged) => write_value(&untag(tagged), indent, out),
        scalar => {
            out.push_str(&" ".repeat(indent));
            out.push_str(&inline(scalar, indent));
            out.push('\n');
        }
    }
}

fn untag(tagged: &serde_yaml::value::TaggedValue) -> Value {
    let mut map = serde_yaml::Mapping::new();
    let tag = tagged.tag.to_string();
    map.insert(
        Value::String(tag.trim_start_matches('!').to_owned()),
        tagged.value.clone(),
    );
    Value::Mapping(map)
}

fn write_map(map: &serde_yaml::Mapping, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    for (key, value) in map {
        out.push_str(&pad);
        out.push_str(&inline(key, indent));
        out.push(':');
        match value {
            Value::Mapping(m) if !m.is_empty() => {
                out.push('\n');
                write_map(m, indent + 2, out);
            }
            Value::Sequence(s) if !s.is_empty() => {
                out.push('\n');
                write_seq(s, indent, out);
            }
            Value::Tagged(t) => {
                out.push('\n');
                write_value(&untag(t), indent + 2, out);
            }
            scalar => {
                out.push(' ');
                out.push_str(&inline(scalar, indent + 2));
                out.push('\n');
            }
        }
    }
}

fn write_seq(items: &[Value], indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    for item in items {
        // The item written at indent + 2, its first indent replaced by `- `.
        let mut block = String::new();
        write_value(item, indent + 2, &mut block);
        out.push_str(&pad);
        out.push_str("- ");
        out.push_str(&block[indent + 2..]);
    }
}

/// A scalar (or an empty collection) on the rest of a line; a string of
/// several lines as a literal block indented to `indent`.
fn inline(value: &Value, indent: usize) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s, indent),
        Value::Sequence(_) => "[]".to_owned(),
        Value::Mapping(_) => "{}".to_owned(),
        Value::Tagged(t) => inline(&t.value, indent),
    }
}

/// A string: plain, a literal block, or double-quoted.
fn string(s: &str, indent: usize) -> String {
    if plain(s) {
        return s.to_owned();
    }
    if literal_block(s) {
        let pad = " ".repeat(indent);
        let mut out = "|-".to_owned();
        for line in s.split('\n') {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&pad);
                out.push_str(line);
            }
        }
        return out;
    }
    quoted(s)
}

/// A double-quoted string: every character that is not printable, or that
/// a reader takes for a line break (U+0085, U+2028, U+2029), escaped.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if super::escape::is_printable(c) => out.push(c),
            c => out.push_str(&format!("\\u{:04X}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// Words a YAML 1.1 reader takes for booleans or null, in any case.
const WORDS: [&str; 10] = [
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan",
];

/// Whether `s` reads as this string, and nothing else, written plain.
fn plain(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    first.is_alphabetic()
        && !s.ends_with(' ')
        && !WORDS.contains(&s.to_ascii_lowercase().as_str())
        && s.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || " -_./()',+%&;?!*".contains(c)
                || (!c.is_ascii() && !c.is_whitespace() && super::escape::is_printable(c))
        })
}

/// Whether `s` can be a `|-` literal block: several lines, no trailing
/// line break, no leading space or break, nothing that needs an escape.
fn literal_block(s: &str) -> bool {
    s.contains('\n')
        && !s.ends_with(['\n', ' ', '\t'])
        && !s.starts_with([' ', '\n', '\t'])
        && s.chars()
            .all(|c| c == '\n' || super::escape::is_printable(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_a_yaml_1_1_reader_would_misread_are_quoted() {
        for s in [
            "on",
            "No",
            "Y",
            "TRUE",
            "null",
            "~",
            "17:00",
            "2026-06-13",
            "010",
            "0x1f",
            "1.0",
            "-1",
            ".inf",
            "",
            "a: b",
            "a #b",
            "@x",
        ] {
            assert!(string(s, 0).starts_with('"'), "{s}");
        }
        assert_eq!(string("Severalnines AB", 0), "Severalnines AB");
        assert_eq!(string("a\nb", 2), "|-\n  a\n  b");
        assert_eq!(
            string("a\u{2028}\u{85}\"\\", 0),
            "\"a\\u2028\\u0085\\\"\\\\\""
        );
    }
}
