//! A JSON Schema validator for the keywords `policyc::serial::schema()`
//! uses. The `jsonschema` crate would pull in a regex engine and an HTTP
//! stack for a test; this covers exactly what the schema uses, and fails on
//! anything else. Shared by `tests/json.rs`, `tests/fuzz_corpus.rs` and the
//! fuzz targets (through `tests/fuzz_props/mod.rs`).

#![allow(dead_code)]

use serde_json::Value as Json;

/// The keywords the validator knows.
const KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    "format",
    "type",
    "const",
    "enum",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "minimum",
    "pattern",
    "oneOf",
    "anyOf",
];

/// Every schema object uses only the keywords the validator knows.
pub fn check_schema_uses_known_keywords(root: &Json, schema: &Json) {
    let Json::Object(map) = schema else { return };
    for (key, value) in map {
        assert!(KEYWORDS.contains(&key.as_str()), "unknown keyword `{key}`");
        match key.as_str() {
            "$defs" | "properties" => {
                for sub in value.as_object().unwrap().values() {
                    check_schema_uses_known_keywords(root, sub);
                }
            }
            "oneOf" | "anyOf" => {
                for sub in value.as_array().unwrap() {
                    check_schema_uses_known_keywords(root, sub);
                }
            }
            "items" | "additionalProperties" => check_schema_uses_known_keywords(root, value),
            "pattern" => {
                assert!(
                    pattern_checker(value.as_str().unwrap()).is_some(),
                    "unknown pattern {value}"
                );
            }
            "$ref" => {
                assert!(
                    resolve(root, value.as_str().unwrap()).is_some(),
                    "dangling {value}"
                );
            }
            _ => {}
        }
    }
}

fn resolve<'s>(root: &'s Json, reference: &str) -> Option<&'s Json> {
    let name = reference.strip_prefix("#/$defs/")?;
    root.get("$defs")?.get(name)
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// The checker of each pattern the schema uses.
fn pattern_checker(pattern: &str) -> Option<fn(&str) -> bool> {
    Some(match pattern {
        "^[a-z][a-z0-9-]*$" => |s| {
            s.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
                && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        },
        "^[0-9]+(\\.[0-9]+)?$" => |s| {
            let parts: Vec<&str> = s.split('.').collect();
            parts.len() <= 2 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        },
        "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$" => |s| {
            let parts: Vec<&str> = s.split('.').collect();
            (2..=3).contains(&parts.len()) && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        },
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" => |s| {
            let p: Vec<&str> = s.split('-').collect();
            p.len() == 3 && digits(p[0], 4) && digits(p[1], 2) && digits(p[2], 2)
        },
        "^[0-9]{4}-[0-9]{2}$" => |s| {
            let p: Vec<&str> = s.split('-').collect();
            p.len() == 2 && digits(p[0], 4) && digits(p[1], 2)
        },
        "^[0-9]{2}-[0-9]{2}$" => |s| {
            let p: Vec<&str> = s.split('-').collect();
            p.len() == 2 && digits(p[0], 2) && digits(p[1], 2)
        },
        "^[0-9]{2}:[0-9]{2}$" => |s| {
            let p: Vec<&str> = s.split(':').collect();
            p.len() == 2 && digits(p[0], 2) && digits(p[1], 2)
        },
        "^[0-9a-f]{16}$" => |s| s.len() == 16 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([+-][0-9]{2}:[0-9]{2}|Z)$" => |s| {
            let Some((date, time)) = s.split_once('T') else { return false };
            let d: Vec<&str> = date.split('-').collect();
            if !(d.len() == 3 && digits(d[0], 4) && digits(d[1], 2) && digits(d[2], 2)) {
                return false;
            }
            let (clock, offset) = match time.strip_suffix('Z') {
                Some(c) => (c, None),
                None if time.len() > 6 => {
                    let (c, o) = time.split_at(time.len() - 6);
                    (c, Some(o))
                }
                None => return false,
            };
            let offset_ok = offset.is_none_or(|o| {
                (o.starts_with('+') || o.starts_with('-')) && digits(&o[1..3], 2) && &o[3..4] == ":" && digits(&o[4..], 2)
            });
            let (hms, fraction) = match clock.split_once('.') {
                Some((hms, f)) => (hms, Some(f)),
                None => (clock, None),
            };
            let t: Vec<&str> = hms.split(':').collect();
            offset_ok
                && t.len() == 3
                && t.iter().all(|p| digits(p, 2))
                && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
        },
        _ => return None,
    })
}

fn type_matches(name: &str, value: &Json) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        _ => false,
    }
}

/// The errors of `value` against `schema`, each with its JSON pointer.
pub fn validate(root: &Json, schema: &Json, value: &Json, at: &str) -> Vec<String> {
    let mut errors = Vec::new();
    let Json::Object(s) = schema else {
        return errors;
    };
    if let Some(reference) = s.get("$ref").and_then(Json::as_str) {
        match resolve(root, reference) {
            Some(target) => errors.extend(validate(root, target, value, at)),
            None => errors.push(format!("{at}: dangling {reference}")),
        }
    }
    if let Some(t) = s.get("type") {
        let ok = match t {
            Json::String(name) => type_matches(name, value),
            Json::Array(names) => names
                .iter()
                .any(|n| n.as_str().is_some_and(|n| type_matches(n, value))),
            _ => false,
        };
        if !ok {
            errors.push(format!("{at}: {value} is not of type {t}"));
            return errors;
        }
    }
    if let Some(c) = s.get("const") {
        if c != value {
            errors.push(format!("{at}: {value} is not {c}"));
        }
    }
    if let Some(Json::Array(options)) = s.get("enum") {
        if !options.contains(value) {
            errors.push(format!("{at}: {value} is not one of {options:?}"));
        }
    }
    if let (Some(min), Some(n)) = (s.get("minimum").and_then(Json::as_f64), value.as_f64()) {
        if n < min {
            errors.push(format!("{at}: {n} is below {min}"));
        }
    }
    if let (Some(pattern), Some(text)) = (s.get("pattern").and_then(Json::as_str), value.as_str()) {
        match pattern_checker(pattern) {
            Some(check) if check(text) => {}
            Some(_) => errors.push(format!("{at}: {text:?} does not match {pattern}")),
            None => errors.push(format!("{at}: unknown pattern {pattern}")),
        }
    }
    if let Json::Object(map) = value {
        let properties = s.get("properties").and_then(Json::as_object);
        if let Some(Json::Array(required)) = s.get("required") {
            for name in required.iter().filter_map(Json::as_str) {
                if !map.contains_key(name) {
                    errors.push(format!("{at}: `{name}` is required"));
                }
            }
        }
        for (key, item) in map {
            let here = format!("{at}/{key}");
            match properties.and_then(|p| p.get(key)) {
                Some(sub) => errors.extend(validate(root, sub, item, &here)),
                None => match s.get("additionalProperties") {
                    Some(Json::Bool(false)) => errors.push(format!("{here}: not allowed")),
                    Some(sub @ Json::Object(_)) => errors.extend(validate(root, sub, item, &here)),
                    _ => {}
                },
            }
        }
    }
    if let (Some(items), Json::Array(array)) = (s.get("items"), value) {
        for (i, item) in array.iter().enumerate() {
            errors.extend(validate(root, items, item, &format!("{at}/{i}")));
        }
    }
    if let Some(Json::Array(options)) = s.get("anyOf") {
        if !options
            .iter()
            .any(|o| validate(root, o, value, at).is_empty())
        {
            errors.push(format!("{at}: {value} matches none of anyOf"));
        }
    }
    if let Some(Json::Array(options)) = s.get("oneOf") {
        let results: Vec<Vec<String>> = options
            .iter()
            .map(|o| validate(root, o, value, at))
            .collect();
        let matching = results.iter().filter(|r| r.is_empty()).count();
        if matching != 1 {
            let mut message = format!("{at}: matches {matching} of oneOf, not 1");
            // Name the closest option's errors, for a readable failure.
            if let Some(best) = results
                .iter()
                .filter(|r| !r.is_empty())
                .min_by_key(|r| r.len())
            {
                if matching == 0 {
                    message.push_str(&format!(" (closest: {})", best.join("; ")));
                }
            }
            errors.push(message);
        }
    }
    errors
}
