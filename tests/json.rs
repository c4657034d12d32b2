//! The JSON and YAML outputs (format `policyc/1`) and their JSON Schema:
//! read back they give the model, they validate against the schema, and
//! they are deterministic.

use policyc::emit::{json, yaml, Meta};
use policyc::facts::Valid;
use serde_json::Value as Json;
use std::path::{Path, PathBuf};

#[path = "fuzz_props/json_schema.rs"]
mod json_schema;
use json_schema::{check_schema_uses_known_keywords, validate};

/// The model of a source that must check without errors.
fn model(name: &str, source: &str) -> Valid {
    let checked = policyc::check_source(source);
    let errors: Vec<String> = checked
        .errors()
        .map(|d| format!("[{}] {}", d.code, d.message))
        .collect();
    assert!(errors.is_empty(), "{name} has errors: {errors:#?}");
    checked.into_valid().expect("a model")
}

fn real_policy() -> (String, String) {
    let path = "policies/customer-support/v1.0.policy";
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .expect("the real policy");
    (path.to_owned(), source)
}

fn valid_fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "policy"))
            .collect(),
        Err(_) => Vec::new(),
    };
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = format!(
                "tests/fixtures/valid/{}",
                p.file_name().unwrap().to_string_lossy()
            );
            (name, std::fs::read_to_string(&p).expect("a fixture"))
        })
        .collect()
}

/// A policy with grids of every cell type, notes, money, durations, a
/// comparison, examples with instants and every field type of a rule.
const GRIDS: &str = r#"
policy grids-demo "Grids demo" {
    version:   2.10
    provider:  "Example AB"
    effective: 2026-06-13
}

section tiers "Tiers" {
    tier basic "Basic" {
        licenses:        [basic-license]
        channels:        [web]
        hours:           24x7
        incidents:       unlimited
        tickets:         yes
        screen-sharing:  yes
        remote-login:    no
        custom-builds:   no
        response-target: 4 hours 24x7 (all severities)
        grid-label:      "Basic \"quoted\" {braces}"
    }
    tier premium "Premium" {
        licenses:        [premium-license]
        channels:        [web]
        hours:           24x7
        incidents:       3
        tickets:         yes
        screen-sharing:  yes
        remote-login:    yes
        custom-builds:   yes
        response-target: 2 hours 24x7
    }
    license basic-license "Basic" {
        tier:    basic
        price:   USD 1234.50/month
        billing: "Yearly"
    }
    license premium-license "Premium" {
        tier:  premium
        price: EUR 99
        nodes: 1..3
        free:  no
    }
    channel web "Web" { short: "Web" address: "https://example.com" }

    comparison tier-matrix "Comparison" {
        columns: [basic-license, premium-license]
        rows:    [hours, incidents, response-target]
        legend:  "legend"
    }
}

section levels "Levels" {
    severity sev-1 "Critical" {
        definition: "Down."
        examples:   ["all down"]
    }
    severity sev-2 "High" {
        definition: "Degraded."
        examples:   []
    }
    area backups "Backups" { description: "Backups." }
    area tuning "Tuning" { description: "Tuning." }

    grid sessions "Sessions" {
        rows:    severity
        columns: tier
        cells:   session
        | *     | basic                  | premium   |
        | sev-1 | 90 minutes             | unlimited |
        | sev-2 | not-available (never)  | 2 hours   |
    }
    grid scope "Scope" {
        rows:      area
        columns:   tier
        cells:     coverage
        otherwise: not-available
        | *       | premium |
        | backups | supported |
        | tuning  | psa (by agreement) |
    }
    grid counts "Counts" {
        rows:    severity
        columns: tier
        cells:   incidents
        | *     | basic     | premium |
        | sev-1 | unlimited | 5       |
        | sev-2 | n/a       | 0       |
    }
    grid flags "Flags" {
        rows:    severity
        columns: tier
        cells:   yes-no
        | *     | basic | premium |
        | sev-1 | yes   | no      |
        | sev-2 | no    | yes     |
    }
    grid words "Words" {
        rows:    severity
        columns: tier
        cells:   text
        | *     | basic     | premium    |
        | sev-1 | "one"     | "two"      |
        | sev-2 | "three"   | "four (4)" |
    }
    grid targets "Targets" {
        rows:    severity
        columns: tier
        cells:   target
        | *     | basic            | premium          |
        | sev-1 | 4 hours 24x7     | 2 hours 24x7     |
        | sev-2 | 8 business hours | 1 business day   |
    }

    rule billing "Billing" {
        tiers:      [premium]
        severities: [sev-2]
        rate:       USD 250/hour
        increment:  30 minutes
        minimum:    1 hour
        grid:       sessions
        area:       tuning
        see:        tiers
    }

    rule closing "Closing cases" {
        attempts:   2
        separate-business-days: yes
        outcomes:   ["fixed", "closed"]
    }

    example late-night "A late-night case" {
        tier:      premium
        severity:  sev-1
        submitted: "2026-03-13T23:30:00+01:00"
        due:       "2026-03-14T01:30:00.5+01:00"
    }
}
"#;

/// A calendar with every kind of holiday, closures and split hours.
const CALENDAR: &str = r#"
policy calendar-demo "Calendar demo" {
    version:   1.0
    provider:  "Example AB"
    effective: 2026-06
    updated:   2026-06-01
    review:    "Yearly"
}

section hours "Hours" {
    calendar office "Office hours" {
        zone:       "America/New_York"
        open:       [mon-thu 08:30-12:00, mon-thu 13:00-17:45, fri 09:00-15:00]
        closed:     [2026-11-27, 2027-01-02]
        zone-label: "Eastern"
        """
        Closed on {thanksgiving}, which is {thanksgiving.on}.
        """
        holiday new-year     "New Year"     { on: 01-01 }
        holiday good-friday  "Good Friday"  { on: easter - 2 }
        holiday easter       "Easter"       { on: easter }
        holiday ascension    "Ascension"    { on: easter + 39 }
        holiday thanksgiving "Thanksgiving" { on: thu 11-22..11-28 }
    }
    calendar single "Single day" {
        zone: "UTC"
        open: wed 10:00-11:00
    }
}
"#;

/// Claims of every form and prose with every interpolation.
const CLAIMS: &str = r#"
policy claims-demo "Claims demo" {
    version:   3.0
    provider:  "Example AB"
    effective: 2026-06
}

section tiers "Tiers" {
    """
    Tier {gold} answers {response-time[sev-1, gold]} ({gold.hours}); its
    licenses are {gold.licenses}. Literal {{braces}} stay.
    """
    tier gold "Gold" {
        licenses:        [gold-license]
        channels:        [phone]
        hours:           24x7
        incidents:       10
        tickets:         yes
        screen-sharing:  no
        remote-login:    no
        custom-builds:   no
        response-target: 1 business day
    }
    license gold-license "Gold license" {
        tier:  gold
        price: USD 10/node/month
    }
    channel phone "Phone" {}

    severity sev-1 "Critical" {
        definition: """
            Everything is down: see {response-time[sev-1, gold]}.
            """
        examples:   ["outage"]
    }

    grid response-time "Response time" {
        rows:    severity
        columns: tier
        cells:   target
        | *     | gold           |
        | sev-1 | 1 business day |
    }

    claim all-same "All the same" {
        holds: same response-time[*, gold]
    }
    claim every-is "Every is" {
        holds:     every response-time[*, *] is 1 business day
        stated-in: tiers
    }
    claim every-runs "Every runs" {
        holds: every response-time[sev-1, *] runs business
    }
    claim cell-is "Cell is" {
        holds: response-time[sev-1, gold] is 1 business day
    }
    claim field-is "Field is" {
        holds: gold.incidents is 10
    }
    claim field-is-money "Money is" {
        holds: gold-license.price is USD 10/node/month
    }
    claim field-is-keyword "Keyword is" {
        holds: gold.tickets is yes
    }
    claim field-is-ref "Ref is" {
        holds: gold-license.tier is gold
    }
}
"#;

fn inline_policies() -> Vec<(String, String)> {
    vec![
        ("inline/grids.policy".to_owned(), GRIDS.to_owned()),
        ("inline/calendar.policy".to_owned(), CALENDAR.to_owned()),
        ("inline/claims.policy".to_owned(), CLAIMS.to_owned()),
    ]
}

fn all_sources() -> Vec<(String, String)> {
    let mut all = vec![real_policy()];
    all.extend(valid_fixtures());
    all.extend(inline_policies());
    all
}

fn emit_json(name: &str, source: &str) -> (Valid, String) {
    let policy = model(name, source);
    let meta = Meta::new(name, source, policy.policy());
    let text = json::emit(&policy, &meta);
    (policy, text)
}

#[test]
fn json_reads_back_to_the_same_model() {
    for (name, source) in all_sources() {
        let (policy, text) = emit_json(&name, &source);
        let read = policyc::serial::read(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            &read,
            policy.policy(),
            "{name}: the model read back differs"
        );
        // And the read model checks and emits the same text.
        let meta = Meta::new(&name, &source, policy.policy());
        let read = policyc::check_model(read)
            .into_valid()
            .unwrap_or_else(|| panic!("{name}: the model read back checks"));
        assert_eq!(
            json::emit(&read, &meta),
            text,
            "{name}: emitted again differs"
        );
    }
}

#[test]
fn inline_policies_cover_what_they_claim() {
    let (_, text) = emit_json("grids", GRIDS);
    for needle in [
        r#""minutes": 90"#,
        r#""not-available""#,
        r#""psa""#,
        r#""kind": "business-hours""#,
        r#""minor": 123450"#,
        r#""submitted": "2026-03-13T23:30:00+01:00""#,
        r#""notes": {"#,
        r#""response-target": "all severities""#,
        r#""never""#,
    ] {
        assert!(text.contains(needle), "grids: no {needle}");
    }
    let (_, text) = emit_json("calendar", CALENDAR);
    for needle in [
        r#""easter": -2"#,
        r#""easter": 0"#,
        r#""weekday": "thu""#,
        r#""fixed": "01-01""#,
        r#""close": "17:45""#,
        "Closed on Thanksgiving, which is thu 11-22..11-28.",
    ] {
        assert!(text.contains(needle), "calendar: no {needle}");
    }
    let (_, text) = emit_json("claims", CLAIMS);
    for needle in [
        r#""same": {"#,
        r#""runs": "business""#,
        r#""keyword": "yes""#,
        r#""ref": "gold""#,
        r#""number": "10""#,
        r#""markdown": "Tier Gold answers 1 business day (24x7); its\nlicenses are Gold license. Literal {braces} stay.""#,
        r#""text": ". Literal {braces} stay.""#,
    ] {
        assert!(text.contains(needle), "claims: no {needle}");
    }
}

#[test]
fn emit_is_deterministic() {
    for (name, source) in all_sources() {
        let (_, first) = emit_json(&name, &source);
        let (_, second) = emit_json(&name, &source);
        assert_eq!(first, second, "{name}");
        assert!(first.ends_with("}\n"), "{name}: no trailing newline");
        let policy = model(&name, &source);
        let meta = Meta::new(&name, &source, policy.policy());
        assert_eq!(yaml::emit(&policy, &meta), yaml::emit(&policy, &meta));
    }
    assert_eq!(policyc::serial::schema(), policyc::serial::schema());
}

#[test]
fn json_is_pretty_with_two_spaces() {
    let (_, text) = emit_json("minimal", &valid_fixtures_or_real());
    assert!(
        text.starts_with("{\n  \"format\": \"policyc/1\",\n"),
        "{text}"
    );
}

fn valid_fixtures_or_real() -> String {
    valid_fixtures()
        .into_iter()
        .find(|(n, _)| n.ends_with("minimal.policy"))
        .map_or_else(|| real_policy().1, |(_, s)| s)
}

#[test]
fn yaml_parses_to_the_json_document() {
    for (name, source) in all_sources() {
        let policy = model(&name, &source);
        let meta = Meta::new(&name, &source, policy.policy());
        let text = yaml::emit(&policy, &meta);
        assert!(
            text.starts_with(&format!("# {}\n", meta.marker())),
            "{name}: no marker comment"
        );
        let from_yaml: Json = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let from_json: Json = serde_json::from_str(&json::emit(&policy, &meta)).unwrap();
        assert_eq!(from_yaml, from_json, "{name}");
    }
}

#[test]
fn every_output_validates_against_the_schema() {
    let schema: Json =
        serde_json::from_str(&policyc::serial::schema()).expect("the schema is JSON");
    check_schema_uses_known_keywords(&schema, &schema);
    for (name, source) in all_sources() {
        let (_, text) = emit_json(&name, &source);
        let document: Json = serde_json::from_str(&text).unwrap();
        let errors = validate(&schema, &schema, &document, "");
        assert!(errors.is_empty(), "{name}:\n{}", errors.join("\n"));
    }
}

/// A change that makes a document wrong.
type Mutation = Box<dyn Fn(&mut Json)>;

/// The declaration `id` of a document.
fn decl<'d>(document: &'d mut Json, id: &str) -> &'d mut Json {
    document["declarations"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| d["id"] == id)
        .unwrap()
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let schema: Json = serde_json::from_str(&policyc::serial::schema()).unwrap();
    let (_, text) = emit_json("claims", CLAIMS);
    let good: Json = serde_json::from_str(&text).unwrap();
    let mutations: Vec<(&str, Mutation)> = vec![
        ("format", Box::new(|d| d["format"] = "policyc/2".into())),
        (
            "unknown field",
            Box::new(|d| decl(d, "gold")["fields"]["colour"] = "red".into()),
        ),
        (
            "missing field",
            Box::new(|d| {
                decl(d, "claims-demo")["fields"]
                    .as_object_mut()
                    .unwrap()
                    .remove("provider");
            }),
        ),
        (
            "bad target",
            Box::new(|d| {
                decl(d, "gold")["fields"]["response-target"] = serde_json::json!({"kind": "soon"});
            }),
        ),
        (
            "bad id",
            Box::new(|d| decl(d, "gold")["id"] = "Gold".into()),
        ),
    ];
    for (what, mutate) in mutations {
        let mut bad = good.clone();
        mutate(&mut bad);
        assert!(
            !validate(&schema, &schema, &bad, "").is_empty(),
            "the schema accepts a document with a {what}"
        );
    }
}

#[test]
fn yaml_snapshot() {
    let (name, source) = valid_fixtures()
        .into_iter()
        .find(|(n, _)| n.ends_with("minimal.policy"))
        .unwrap_or_else(|| ("inline/calendar.policy".to_owned(), CALENDAR.to_owned()));
    let policy = model(&name, &source);
    let meta = Meta::new(&name, &source, policy.policy());
    insta::assert_snapshot!("yaml_minimal", yaml::emit(&policy, &meta));
}

#[test]
fn yaml_snapshot_of_claims() {
    let policy = model("claims", CLAIMS);
    let meta = Meta::new("inline/claims.policy", CLAIMS, policy.policy());
    insta::assert_snapshot!("yaml_claims", yaml::emit(&policy, &meta));
}

#[test]
fn schema_snapshot() {
    insta::assert_snapshot!("policyc-1.schema.json", policyc::serial::schema());
}

#[test]
fn reading_bad_input_gives_errors_not_panics() {
    let (_, text) = emit_json("claims", CLAIMS);
    let good: Json = serde_json::from_str(&text).unwrap();
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("not json", "{".to_owned()),
        ("array", "[]".to_owned()),
        ("wrong format", text.replace("policyc/1", "policyc/9")),
    ];
    for (what, input) in cases {
        let error = policyc::serial::read(&input).expect_err(what);
        let message = error.to_string();
        assert!(!message.ends_with('.'), "{what}: {message}");
        assert!(
            message.chars().next().is_some_and(|c| !c.is_uppercase()),
            "{what}: {message}"
        );
    }
    let mutations: Vec<(&str, Mutation, &str)> = vec![
        (
            "kind",
            Box::new(|d| decl(d, "gold")["kind"] = "tire".into()),
            "not a kind",
        ),
        (
            "field",
            Box::new(|d| decl(d, "gold")["fields"]["colour"] = 1.into()),
            "no field `colour`",
        ),
        (
            "count",
            Box::new(|d| decl(d, "gold")["fields"]["incidents"] = (-1).into()),
            "incidents",
        ),
        (
            "target",
            Box::new(|d| {
                decl(d, "gold")["fields"]["response-target"] =
                    serde_json::json!({"kind": "business-days"})
            }),
            "amount",
        ),
        (
            "parent",
            Box::new(|d| decl(d, "gold")["parent"] = "nowhere".into()),
            "nowhere",
        ),
        (
            "duplicate",
            Box::new(|d| decl(d, "phone")["id"] = "gold".into()),
            "twice",
        ),
        (
            "grid shape",
            Box::new(|d| {
                let grid = d["declarations"]
                    .as_array_mut()
                    .unwrap()
                    .iter_mut()
                    .find(|x| x["kind"] == "grid")
                    .unwrap();
                grid["grid"]["cells"][0] = serde_json::json!([]);
            }),
            "cells",
        ),
        (
            "claim",
            Box::new(|d| {
                let claim = d["declarations"]
                    .as_array_mut()
                    .unwrap()
                    .iter_mut()
                    .find(|x| x["kind"] == "claim")
                    .unwrap();
                claim["fields"]["holds"] = serde_json::json!({"same": null, "runs": "sometimes"});
            }),
            "holds",
        ),
        (
            "prose",
            Box::new(|d| {
                decl(d, "tiers")["body"][0] =
                    serde_json::json!({"prose": {"markdown": "", "parts": [{"ref": {}}]}});
            }),
            "ref",
        ),
        (
            "body",
            Box::new(|d| {
                decl(d, "tiers")["body"] = serde_json::json!([{"declaration": "gold-license"}, {"declaration": "gold-license"}]);
            }),
            "once",
        ),
        (
            "not a child",
            Box::new(|d| {
                decl(d, "gold")["body"] = serde_json::json!([{"declaration": "gold-license"}]);
            }),
            "not its child",
        ),
    ];
    for (what, mutate, expected) in mutations {
        let mut bad = good.clone();
        mutate(&mut bad);
        let error = policyc::serial::read(&bad.to_string())
            .expect_err(what)
            .to_string();
        assert!(error.contains(expected), "{what}: {error}");
        assert!(!error.ends_with('.'), "{what}: {error}");
    }
}

#[test]
fn reading_truncated_or_damaged_documents_never_panics() {
    let (_, text) = emit_json("claims", CLAIMS);
    let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(13).collect();
    for &end in &boundaries {
        assert!(
            policyc::serial::read(&text[..end]).is_err(),
            "a truncated document was read"
        );
    }
    // Every string value replaced by a number, one at a time.
    let document: Json = serde_json::from_str(&text).unwrap();
    let mut pointers = Vec::new();
    collect_pointers(&document, String::new(), &mut pointers);
    for pointer in pointers.iter().step_by(3) {
        let mut damaged = document.clone();
        if let Some(value) = damaged.pointer_mut(pointer) {
            *value = Json::from(-7);
        }
        let _ = policyc::serial::read(&damaged.to_string());
    }
}

fn collect_pointers(value: &Json, at: String, out: &mut Vec<String>) {
    match value {
        Json::Object(map) => {
            for (k, v) in map {
                collect_pointers(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Json::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => out.push(at),
    }
}

/// Whether PyYAML can be imported. On CI (`CI=true`) its absence fails the
/// test: `.ci/run` installs it.
fn pyyaml() -> bool {
    let found = std::process::Command::new("python3")
        .args(["-c", "import yaml"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "python3 with PyYAML is needed on CI (.ci/run installs it)"
        );
        eprintln!("skipped: python3 with PyYAML not found");
    }
    found
}

/// A YAML 1.1 reader (PyYAML) reads every YAML output as the JSON output:
/// no `on:` key read as `true`, no `17:00` as 1020, no date as a date.
/// Run on the shipped outputs in `generated/` (every policy in `policies/`,
/// kept current by `policyc build --check`) and on every test policy.
#[test]
fn pyyaml_reads_yaml_as_the_json() {
    if !pyyaml() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("policyc-pyyaml-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut yamls: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(root.join("generated")).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&path).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "yaml") {
                yamls.push(file);
            }
        }
    }
    assert!(yamls.len() >= 6, "the shipped outputs are missing");
    for (i, (name, source)) in all_sources().into_iter().enumerate() {
        let policy = model(&name, &source);
        let meta = Meta::new(&name, &source, policy.policy());
        let base = dir.join(format!("p{i}"));
        std::fs::write(base.with_extension("yaml"), yaml::emit(&policy, &meta)).unwrap();
        std::fs::write(base.with_extension("json"), json::emit(&policy, &meta)).unwrap();
        yamls.push(base.with_extension("yaml"));
    }
    let script = r#"
import json, sys, yaml
bad = []
for y in sys.argv[1:]:
    with open(y, encoding="utf-8") as f:
        read = json.dumps(yaml.safe_load(f), sort_keys=True, default=repr)
    with open(y[:-5] + ".json", encoding="utf-8") as f:
        want = json.dumps(json.load(f), sort_keys=True)
    if read != want:
        bad.append(y)
print("\n".join(bad))
sys.exit(1 if bad else 0)
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(&yamls)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "PyYAML reads these differently from the JSON:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
