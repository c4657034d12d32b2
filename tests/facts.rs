//! The facts layer: which grid or rule decides each question, the calendar
//! each tier runs on, and the typed terms of the rules. Decided by what a
//! declaration states or the schema gives, never by how an id is spelled.

use policyc::codes::Code;
use policyc::facts::Valid;
use policyc::schema::Role;

const V1_0: &str = include_str!("../policies/customer-support/v1.0.policy");

/// Two tiers, two severities, and `extra` as a section of its own.
fn policy(extra: &str) -> String {
    format!(
        r#"policy demo "Demo policy" {{
    version:   1.0
    provider:  "Example AB"
    effective: 2026-06
}}

section tiers "Support Tiers" {{
    tier basic "Basic" {{
        licenses:        [basic-license]
        channels:        [web]
        hours:           office
        incidents:       n/a
        tickets:         yes
        screen-sharing:  no
        remote-login:    no
        custom-builds:   no
        response-target: n/a
    }}

    tier premium "Premium" {{
        licenses:        [premium-license]
        channels:        [web]
        hours:           24x7
        incidents:       unlimited
        tickets:         yes
        screen-sharing:  yes
        remote-login:    yes
        custom-builds:   yes
        response-target: 4 hours 24x7
    }}

    license basic-license   "Basic"   {{ tier: basic }}
    license premium-license "Premium" {{ tier: premium }}
    channel web "Web" {{}}

    calendar office "Office hours" {{
        zone: "Europe/Berlin"
        open: mon-fri 08:00-18:00
    }}

    severity sev-1 "Critical" {{
        definition: "Down."
        examples:   ["Outage"]
    }}

    severity sev-2 "High" {{
        definition: "Degraded."
        examples:   ["Slow"]
    }}
}}

section extra "Extra" {{
{extra}
}}
"#
    )
}

fn valid(source: &str) -> Valid {
    let checked = policyc::check_source(source);
    let errors: Vec<String> = checked
        .errors()
        .map(|d| format!("[{}] {}", d.code, d.message))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    checked.into_valid().expect("a valid policy")
}

fn error_codes(source: &str) -> Vec<Code> {
    policyc::check_source(source)
        .errors()
        .map(|d| d.code)
        .collect()
}

const TARGETS: &str = r#"
    grid first-response "First response" {
        rows:    severity
        columns: tier
        cells:   target

        | *     | basic          | premium      |
        | sev-1 | 1 business day | 2 hours 24x7 |
        | sev-2 | 2 business days | 8 hours 24x7 |
    }
"#;

#[test]
fn every_role_of_the_shipped_policy() {
    let v1 = valid(V1_0);
    let grid = |role| v1.grid(role).map(|g| g.id.value.clone());
    assert_eq!(
        grid(Role::ResponseTargets).as_deref(),
        Some("response-time")
    );
    assert_eq!(grid(Role::ScreenSharing).as_deref(), Some("screen-sharing"));
    assert_eq!(grid(Role::RootCauseAnalysis).as_deref(), Some("rca"));
    assert_eq!(grid(Role::Scope).as_deref(), Some("scope"));
    let custom = v1.custom_builds().expect("custom builds");
    assert_eq!(custom.rule.id.as_str(), "custom-build-requests");
    assert_eq!(custom.tiers.iter().collect::<Vec<_>>(), ["enterprise"]);
    assert_eq!(custom.severities.iter().collect::<Vec<_>>(), ["sev-1"]);
    assert!(custom.crashing_bugs);
    let hotfixes = v1.hotfixes().expect("hotfixes");
    assert_eq!(hotfixes.rule.id.as_str(), "hotfixes");
    assert!(hotfixes.latest_build);
    let closure = v1.case_closure().expect("case closure");
    assert_eq!(closure.rule.id.as_str(), "case-closure");
    assert_eq!(closure.terms.attempts, 2);
    assert!(closure.terms.separate_business_days);
    let remote = v1.remote_login().expect("remote login");
    assert_eq!(remote.rule.id.as_str(), "remote-login-access");
    assert_eq!(remote.requires.len(), 4);
    let [billing] = v1.billing() else {
        panic!("one billing rule: {:?}", v1.billing());
    };
    assert_eq!(billing.terms.rate.minor, 25_000);
    assert_eq!(billing.terms.rate.currency.code(), "USD");
    assert_eq!(
        (
            billing.terms.increment_minutes,
            billing.terms.minimum_minutes
        ),
        (30, 30)
    );
    assert_eq!(
        v1.default_calendar().map(|c| c.id.as_str()),
        Some("business-hours")
    );
    for tier in v1.policy().all::<policyc::model::view::TierDecl>() {
        assert_eq!(
            v1.tier_calendar(tier).map(|c| c.id.as_str()),
            Some("business-hours"),
            "{}",
            tier.id.as_str()
        );
    }
}

#[test]
fn a_rules_role_comes_from_its_terms_not_its_id() {
    // The hotfix rule of v1.0 under another id: the facts, the enforcement
    // code and the contradiction check (W607) all find it.
    let source = V1_0.replace("rule hotfixes \"Hotfix", "rule patch-policy \"Hotfix");
    assert_ne!(source, V1_0);
    let checked = policyc::check_source(&source);
    assert!(
        checked.warnings().any(|d| d.code == Code::W607
            && d.message.contains("the rule `patch-policy` restricts them")),
        "{:#?}",
        checked.diagnostics
    );
    let v1 = checked.into_valid().expect("valid");
    assert_eq!(
        v1.hotfixes().map(|h| h.rule.id.value.clone()).as_deref(),
        Some("patch-policy")
    );
    assert_eq!(
        policyc::enforce::entitlement::hotfix(&v1, "enterprise", true, Some("ga")),
        Ok(true)
    );
    // And a rule spelled `hotfix-...` that holds no hotfix term decides
    // nothing about hotfixes.
    let source = policy(
        r#"    rule hotfix-requests "Hotfix requests" {
        tiers:       [premium]
    }
    phase ga "GA" {
        support:   "Full"
        fixes:     "All"
        supported: yes
        new-fixes: yes
        hotfixes:  yes
    }"#,
    );
    let checked = policyc::check_source(&source);
    assert!(
        !checked.diagnostics.iter().any(|d| d.code == Code::W607),
        "{:#?}",
        checked.diagnostics
    );
    assert!(checked.valid().expect("valid").hotfixes().is_none());
}

#[test]
fn a_grid_of_the_right_shape_decides_unless_another_competes() {
    let one = valid(&policy(TARGETS));
    assert_eq!(
        one.grid(Role::ResponseTargets)
            .map(|g| g.id.value.clone())
            .as_deref(),
        Some("first-response")
    );
    let resolution = TARGETS.replace(
        "first-response \"First response\"",
        "resolution \"Resolution\"",
    );
    let two = policy(&format!("{TARGETS}{resolution}"));
    assert_eq!(error_codes(&two), [Code::E116]);
    // Saying which one decides settles it.
    let said = two.replacen(
        "grid first-response \"First response\" {",
        "grid first-response \"First response\" {\n        decides: response-targets",
        1,
    );
    let said = valid(&said);
    assert_eq!(
        said.grid(Role::ResponseTargets)
            .map(|g| g.id.value.clone())
            .as_deref(),
        Some("first-response")
    );
}

#[test]
fn a_coverage_grid_by_severity_decides_root_cause_analysis_only_when_it_says_so() {
    let grid = r#"
    grid analysis "Analysis" {
        rows:    severity
        columns: tier
        cells:   coverage

        | *     | basic | premium   |
        | sev-1 | psa   | supported |
        | sev-2 | psa   | psa       |
    }
"#;
    assert!(valid(&policy(grid)).grid(Role::RootCauseAnalysis).is_none());
    let said = grid.replace(
        "rows:    severity",
        "decides: root-cause-analysis\n        rows:    severity",
    );
    let said = valid(&policy(&said));
    assert_eq!(
        said.grid(Role::RootCauseAnalysis)
            .map(|g| g.id.value.clone())
            .as_deref(),
        Some("analysis")
    );
    assert_eq!(
        policyc::enforce::entitlement::rca(&said, "premium", "sev-1"),
        Ok(policyc_runtime::entitlement::Rca::Included)
    );
}

#[test]
fn conflicting_roles_are_errors() {
    // A rule cannot decide what a grid decides.
    let rule = r#"    rule sharing "Sharing" {
        decides: screen-sharing
        tiers:   [premium]
    }"#;
    assert_eq!(error_codes(&policy(rule)), [Code::E115]);
    // Two rules deciding custom builds.
    let rules = r#"    rule builds "Builds" {
        tiers:         [premium]
        severities:    [sev-1]
        crashing-bugs: yes
    }
    rule more-builds "More builds" {
        tiers:         [basic]
        severities:    [sev-1]
        crashing-bugs: no
    }"#;
    assert_eq!(error_codes(&policy(rules)), [Code::E116]);
    // Two billing rules for the same tier and severity.
    let billing = r#"    rule nights "Nights" {
        tiers:      [premium]
        severities: [sev-1, sev-2]
        rate:       EUR 100/hour
        increment:  15 minutes
    }
    rule weekends "Weekends" {
        tiers:      [premium]
        severities: [sev-2]
        rate:       EUR 150/hour
        increment:  15 minutes
    }"#;
    assert_eq!(error_codes(&policy(billing)), [Code::E116]);
    // Billing terms without a rate; a rate alone is a price, not billing.
    let increment_only = r#"    rule nights "Nights" {
        tiers:     [premium]
        increment: 15 minutes
    }"#;
    assert_eq!(error_codes(&policy(increment_only)), [Code::E105]);
    let price = r#"    rule consulting "Consulting" {
        rate: EUR 200/hour
    }"#;
    assert!(valid(&policy(price)).billing().is_empty());
}

#[test]
fn interpolation_loops_and_depth() {
    let area = |id: &str, text: &str| {
        format!(
            "    area {id} \"{id}\" {{\n        description: \"\"\"\n            {text}\n            \"\"\"\n    }}\n"
        )
    };
    // Three fields in a loop: one error, naming each step.
    let three = policy(&format!(
        "{}{}{}",
        area("a", "{b.description}"),
        area("b", "{c.description}"),
        area("c", "{a.description}")
    ));
    let checked = policyc::check_source(&three);
    let loops: Vec<_> = checked.errors().filter(|d| d.code == Code::E405).collect();
    assert_eq!(loops.len(), 1, "{loops:#?}");
    assert_eq!(loops[0].labels.len(), 3);
    // A diamond shares a field but does not loop.
    let diamond = policy(&format!(
        "{}{}{}{}",
        area("a", "{b.description} and {c.description}"),
        area("b", "{d.description}"),
        area("c", "{d.description}"),
        area("d", "Leaf.")
    ));
    let diamond = valid(&diamond);
    let markdown = policyc::emit::markdown::emit(
        &diamond,
        &policyc::emit::Meta::new("diamond.policy", "", diamond.policy()),
    );
    assert!(markdown.contains("Leaf. and Leaf."), "{markdown}");
    // Eight fields deep is followed; nine is an error.
    let chain = |n: usize| {
        let mut text = String::new();
        for i in 1..=n {
            let next = if i < n {
                format!("{{f{}.description}}", i + 1)
            } else {
                "End.".to_owned()
            };
            text.push_str(&area(&format!("f{i}"), &next));
        }
        policy(&text)
    };
    let eight = valid(&chain(8));
    let json = policyc::emit::json::emit(
        &eight,
        &policyc::emit::Meta::new("chain.policy", "", eight.policy()),
    );
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let f1 = json["declarations"]
        .as_array()
        .and_then(|all| all.iter().find(|d| d["id"] == "f1"))
        .expect("f1");
    assert_eq!(f1["fields"]["description"]["markdown"], "End.");
    assert_eq!(error_codes(&chain(9)), [Code::E406]);
}
