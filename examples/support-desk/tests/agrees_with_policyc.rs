//! The generated functions and `policyc::enforce` (what `policyc sla` and
//! `policyc test` run, on the policy model) decide every case alike: both
//! call the same runtime functions, with data found the same way.

use policyc::enforce::{self, entitlement as ent};
use policyc::facts::Valid;
use policyc_runtime::chrono::{DateTime, Duration, FixedOffset};
use policyc_runtime::entitlement::RemoteLogin;
use support_desk::v1_0::{self, License, Phase, Product, Severity, Tier};

fn policy() -> Valid {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../policies/customer-support/v1.0.policy"
    );
    let source = std::fs::read_to_string(path).expect("the v1.0 policy is readable");
    let checked = policyc::check_source(&source);
    checked.into_valid().expect("the v1.0 policy is valid")
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("an RFC 3339 instant")
}

/// Every 30 minutes of a week with a weekend, a holiday (Easter Monday) and
/// a clock change (summer time starts on 2026-03-29).
fn instants() -> Vec<DateTime<FixedOffset>> {
    let mut out = Vec::new();
    for start in ["2026-03-26T00:00:00+01:00", "2026-04-02T00:00:00+02:00"] {
        let start = at(start);
        for half_hours in 0..(8 * 48) {
            out.push(start + Duration::minutes(30 * half_hours));
        }
    }
    out
}

#[test]
fn tickets_and_incidents() {
    let policy = policy();
    for license in License::ALL {
        let tier = ent::tier_of_license(&policy, license.id()).expect("a tier");
        assert_eq!(tier, license.tier().id());
        assert_eq!(
            ent::may_open_ticket(&policy, tier),
            Ok(v1_0::may_open_ticket(license)),
            "{license}"
        );
    }
    for tier in Tier::ALL {
        for purchased in 0..3 {
            for unused in 0..3 {
                for used in [0, 1, 5, 12, 13, 20] {
                    assert_eq!(
                        ent::incidents_left(&policy, tier.id(), purchased, unused, used),
                        Ok(v1_0::incidents_remaining(tier, purchased, unused, used)),
                        "{tier} {purchased} {unused} {used}"
                    );
                }
            }
        }
    }
}

#[test]
fn screen_sharing_and_charges() {
    let policy = policy();
    let instants = instants();
    for tier in Tier::ALL {
        for severity in Severity::ALL {
            for &when in &instants {
                assert_eq!(
                    ent::screen_sharing(&policy, tier.id(), severity.id(), when),
                    Ok(v1_0::screen_sharing_at(tier, severity, when)),
                    "{tier} {severity} at {when}"
                );
            }
        }
    }
    for minutes in 0..=240 {
        let generated = v1_0::out_of_hours_charge(std::time::Duration::from_secs(minutes * 60));
        assert_eq!(
            ent::charge(&policy, "out-of-hours-screen-sharing", minutes),
            generated.map_err(|e| enforce::Error::Invalid(e.to_string())),
            "{minutes} minutes"
        );
    }
}

#[test]
fn builds_login_rca_hotfixes_and_phases() {
    let policy = policy();
    for tier in Tier::ALL {
        for severity in Severity::ALL {
            for crashing_bug in [false, true] {
                assert_eq!(
                    ent::custom_build(&policy, tier.id(), severity.id(), crashing_bug),
                    Ok(v1_0::custom_build(tier, severity, crashing_bug)),
                    "{tier} {severity} {crashing_bug}"
                );
            }
            assert_eq!(
                ent::rca(&policy, tier.id(), severity.id()),
                Ok(v1_0::root_cause_analysis(severity, tier)),
                "{tier} {severity}"
            );
        }
        let login = ent::remote_login(&policy, tier.id()).expect("remote login");
        match v1_0::remote_login(tier) {
            RemoteLogin::Available(requires) => {
                assert!(login.available, "{tier}");
                assert_eq!(login.requires, requires, "{tier}");
            }
            RemoteLogin::NotAvailable => assert!(!login.available, "{tier}"),
        }
        for latest in [false, true] {
            for phase in Phase::ALL {
                assert_eq!(
                    ent::hotfix(&policy, tier.id(), latest, Some(phase.id())),
                    Ok(v1_0::hotfix(tier, latest, phase)),
                    "{tier} {latest} {phase}"
                );
            }
        }
    }
    for phase in Phase::ALL {
        let terms = ent::phase(&policy, phase.id()).expect("a phase");
        assert_eq!(terms, v1_0::phase_terms(phase));
        assert_eq!(
            policyc_runtime::entitlement::phase_new_fixes(&terms),
            v1_0::phase_new_fixes(phase)
        );
    }
    for product in Product::ALL {
        assert_eq!(
            ent::support_to(&policy, product.id()),
            Ok(v1_0::support_delivered_to(product).id()),
            "{product}"
        );
    }
}

#[test]
fn closing_cases() {
    let policy = policy();
    let calendar = policy.calendar("business-hours").expect("its calendar");
    let instants: Vec<_> = instants().into_iter().step_by(7).collect();
    for (i, &first) in instants.iter().enumerate() {
        for &second in instants.iter().skip(i) {
            let attempts = [first, second];
            assert_eq!(
                ent::may_close_case(&policy, calendar, &attempts),
                Ok(v1_0::may_close_case(&attempts)),
                "{first} and {second}"
            );
        }
    }
}

#[test]
fn first_response() {
    let policy = policy();
    let instants: Vec<_> = instants().into_iter().step_by(3).collect();
    for tier in Tier::ALL {
        for severity in Severity::ALL {
            for &submitted in &instants {
                let case = enforce::Case {
                    tier: tier.id(),
                    severity: severity.id(),
                    submitted,
                    pauses: &[],
                    now: None,
                    at_risk_share: policyc_runtime::DEFAULT_AT_RISK_SHARE,
                    metric: None,
                    zone: None,
                    calendar: None,
                    hours: None,
                };
                let sla = enforce::sla(&policy, &case).expect("an SLA");
                assert_eq!(
                    Ok(sla.due),
                    v1_0::first_response_due(tier, severity, submitted, &[]),
                    "{tier} {severity} {submitted}"
                );
            }
        }
    }
}
