//! Synthetic policies for benchmarks: any number of tiers, severities and
//! scope areas, with long prose, and the same content as plain YAML and
//! JSON for comparison with serde.

#![allow(dead_code)]

use std::fmt::Write;

/// The shape of a synthetic policy.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// Number of tiers (grid columns).
    pub tiers: usize,
    /// Number of severities.
    pub severities: usize,
    /// Number of scope areas (grid rows).
    pub areas: usize,
    /// Words of prose per area.
    pub prose_words: usize,
}

impl Shape {
    /// A shape of roughly `bytes` bytes of policy text.
    pub fn of_size(bytes: usize) -> Shape {
        // About 680 bytes per area with 8 tiers and 60 words of prose.
        Shape {
            tiers: 8,
            severities: 4,
            areas: (bytes / 680).max(1),
            prose_words: 60,
        }
    }

    /// A shape with about `cells` scope-grid cells.
    pub fn of_cells(cells: usize) -> Shape {
        let tiers = 100;
        Shape {
            tiers,
            severities: 4,
            areas: (cells / tiers).max(1),
            prose_words: 0,
        }
    }
}

const WORDS: &[&str] = &[
    "support", "policy", "customer", "database", "cluster", "backup", "restore", "engineer",
    "response", "severity", "incident", "portal", "coverage", "business", "hours", "scope",
];

fn prose(words: usize, seed: usize) -> String {
    let mut out = String::new();
    for i in 0..words {
        if i > 0 {
            out.push(if i % 12 == 0 { '\n' } else { ' ' });
        }
        out.push_str(WORDS[(seed * 7 + i * 13) % WORDS.len()]);
    }
    out
}

/// A valid synthetic policy in the policy language.
pub fn policy(shape: Shape) -> String {
    let mut s = String::with_capacity(shape.areas * 1_100 + 10_000);
    s.push_str("policy synthetic \"Synthetic policy\" {\n    version:   1.0\n    provider:  \"Bench AB\"\n    effective: 2026-06\n}\n\n");
    s.push_str("section tiers \"Tiers\" {\n    channel web \"Web\" { short: \"Web\" }\n");
    for t in 0..shape.tiers {
        let _ = write!(
            s,
            "    license license-{t} \"License {t}\" {{ tier: tier-{t} }}\n    tier tier-{t} \"Tier {t}\" {{\n        licenses:        [license-{t}]\n        channels:        [web]\n        hours:           24x7\n        incidents:       {}\n        tickets:         yes\n        screen-sharing:  no\n        remote-login:    no\n        custom-builds:   no\n        response-target: n/a\n    }}\n",
            t + 1
        );
    }
    for v in 0..shape.severities {
        let _ = writeln!(
            s,
            "    severity sev-{v} \"Severity {v}\" {{ definition: \"Level {v}.\" examples: [\"example {v}\"] }}"
        );
    }
    s.push_str("    grid response-time \"Response\" {\n        rows: severity\n        columns: tier\n        cells: target\n        | * |");
    for t in 0..shape.tiers {
        let _ = write!(s, " tier-{t} |");
    }
    s.push('\n');
    for v in 0..shape.severities {
        let _ = write!(s, "        | sev-{v} |");
        for t in 0..shape.tiers {
            let _ = write!(s, " {} hours 24x7 |", (v + 1) * (shape.tiers - t));
        }
        s.push('\n');
    }
    s.push_str("    }\n}\n\nsection scope-section \"Scope\" {\n");
    for a in 0..shape.areas {
        let _ = writeln!(
            s,
            "    area area-{a} \"Area {a}\" {{\n        description: \"\"\"\n{}\n        \"\"\"\n    }}",
            prose(shape.prose_words, a)
        );
    }
    s.push_str("    grid scope \"Scope\" {\n        rows: area\n        columns: tier\n        cells: coverage\n        | * |");
    for t in 0..shape.tiers {
        let _ = write!(s, " tier-{t} |");
    }
    s.push('\n');
    let values = ["supported", "psa", "not-available", "not-supported"];
    for a in 0..shape.areas {
        let _ = write!(s, "        | area-{a} |");
        for t in 0..shape.tiers {
            let _ = write!(s, " {} |", values[(a + t) % values.len()]);
        }
        s.push('\n');
    }
    s.push_str("    }\n}\n");
    s
}

/// The same content as plain YAML.
pub fn yaml(shape: Shape) -> String {
    let mut s = String::from("policy:\n  id: synthetic\n  version: '1.0'\n  provider: Bench AB\n  effective: 2026-06\ntiers:\n");
    for t in 0..shape.tiers {
        let _ = write!(
            s,
            "  - id: tier-{t}\n    title: Tier {t}\n    licenses: [license-{t}]\n    channels: [web]\n    hours: 24x7\n    incidents: {}\n    tickets: true\n    screen-sharing: false\n    remote-login: false\n    custom-builds: false\n    response-target: {} hours 24x7\n",
            t + 1,
            shape.tiers - t
        );
    }
    s.push_str("areas:\n");
    for a in 0..shape.areas {
        let _ = write!(
            s,
            "  - id: area-{a}\n    title: Area {a}\n    description: |\n"
        );
        for line in prose(shape.prose_words, a).lines() {
            let _ = writeln!(s, "      {line}");
        }
    }
    s.push_str("scope:\n");
    let values = ["supported", "psa", "not-available", "not-supported"];
    for a in 0..shape.areas {
        let _ = write!(s, "  area-{a}: [");
        for t in 0..shape.tiers {
            let _ = write!(
                s,
                "{}{}",
                if t > 0 { ", " } else { "" },
                values[(a + t) % values.len()]
            );
        }
        s.push_str("]\n");
    }
    s
}

/// The same content as plain JSON.
pub fn json(shape: Shape) -> String {
    let value: serde_yaml::Value =
        serde_yaml::from_str(&yaml(shape)).unwrap_or(serde_yaml::Value::Null);
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// `policy(shape)` with 1% of its scope areas changed: every hundredth
/// area gets a reworded description and a different coverage value in its
/// first scope-grid cell.
pub fn mutated(shape: Shape) -> String {
    let original = policy(shape);
    let mut out = String::with_capacity(original.len() + shape.areas);
    let mut area: Option<usize> = None;
    for line in original.lines() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("area area-") {
            area = rest.split(' ').next().and_then(|n| n.parse().ok());
        }
        let chosen = |n: usize| n % 100 == 0;
        if let Some(rest) = trimmed.strip_prefix("| area-") {
            let n: Option<usize> = rest.split(' ').next().and_then(|n| n.parse().ok());
            if n.is_some_and(chosen) {
                let cells: Vec<&str> = line.split('|').collect();
                let mut changed: Vec<String> = cells.iter().map(|c| (*c).to_owned()).collect();
                if let Some(first) = changed.get_mut(2) {
                    *first = if first.trim() == "supported" {
                        " psa ".to_owned()
                    } else {
                        " supported ".to_owned()
                    };
                }
                out.push_str(&changed.join("|"));
                out.push('\n');
                continue;
            }
        }
        out.push_str(line);
        if area.is_some_and(chosen)
            && !trimmed.is_empty()
            && !line.contains('"')
            && !line.contains('{')
            && !line.contains('}')
        {
            out.push_str(" revised");
            area = None;
        }
        out.push('\n');
    }
    out
}
