//! With the runtime's `serde` feature (turned on in this crate's
//! dev-dependencies), the generated enums serialize as their ids and
//! deserialize from an id or a title.

use support_desk::v1_0::{Area, License, Severity, Tier};

#[test]
fn enums_serialize_as_their_ids() {
    assert_eq!(
        serde_json::to_string(&Tier::Advanced).unwrap(),
        r#""advanced""#
    );
    assert_eq!(
        serde_json::to_string(&Severity::Sev1).unwrap(),
        r#""sev-1""#
    );
    assert_eq!(
        serde_json::to_string(&[License::SelfServe, License::Trial]).unwrap(),
        r#"["self-serve","trial"]"#
    );
}

#[test]
fn every_variant_round_trips() {
    for tier in Tier::ALL {
        let json = serde_json::to_string(&tier).unwrap();
        assert_eq!(json, format!("\"{}\"", tier.id()));
        assert_eq!(serde_json::from_str::<Tier>(&json).unwrap(), tier);
    }
    for severity in Severity::ALL {
        let json = serde_json::to_string(&severity).unwrap();
        assert_eq!(serde_json::from_str::<Severity>(&json).unwrap(), severity);
    }
    for area in Area::ALL {
        let json = serde_json::to_string(&area).unwrap();
        assert_eq!(serde_json::from_str::<Area>(&json).unwrap(), area);
    }
    for license in License::ALL {
        let json = serde_json::to_string(&license).unwrap();
        assert_eq!(serde_json::from_str::<License>(&json).unwrap(), license);
    }
}

#[test]
fn titles_deserialize_and_unknown_ids_fail() {
    assert_eq!(
        serde_json::from_str::<Tier>(r#""Enterprise""#).unwrap(),
        Tier::Enterprise
    );
    let error = serde_json::from_str::<Tier>(r#""gold""#).unwrap_err();
    assert!(error.to_string().contains("unknown tier `gold`"), "{error}");
    assert!(serde_json::from_str::<Tier>("3").is_err());
}

#[test]
fn a_struct_of_generated_and_runtime_types() {
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Ticket {
        tier: Tier,
        severity: Severity,
        target: policyc_runtime::ResponseTarget,
    }
    let ticket = Ticket {
        tier: Tier::Enterprise,
        severity: Severity::Sev2,
        target: support_desk::v1_0::response_time(Severity::Sev2, Tier::Enterprise),
    };
    let json = serde_json::to_value(&ticket).unwrap();
    assert_eq!(json["tier"], "enterprise");
    assert_eq!(json["severity"], "sev-2");
    let back: Ticket = serde_json::from_value(json).unwrap();
    assert_eq!(back, ticket);
}
