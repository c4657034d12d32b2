//! `Display` and `FromStr` of the generated enums round-trip for every
//! variant of every enum: what `to_string` writes (the title) parses back,
//! as do the id and the title in any case.

macro_rules! round_trip {
    ($($ty:ty),* $(,)?) => {$(
        for variant in <$ty>::ALL {
            let shown = variant.to_string();
            assert_eq!(shown.parse::<$ty>(), Ok(variant), "{shown}");
            assert_eq!(variant.id().parse::<$ty>(), Ok(variant), "{}", variant.id());
            if shown == variant.name() {
                assert_eq!(shown.to_uppercase().parse::<$ty>(), Ok(variant), "{shown}");
                assert_eq!(shown.to_lowercase().parse::<$ty>(), Ok(variant), "{shown}");
            } else {
                // An ambiguous title: `Display` writes the id.
                assert_eq!(shown, variant.id());
            }
        }
        assert!("no-such-id".parse::<$ty>().is_err());
    )*};
}

#[test]
fn customer_support_v1_0() {
    use support_desk::v1_0::*;
    round_trip!(
        Resource, Product, Party, Operator, License, Tier, Channel, Holiday, Severity, Area, Phase,
        Service, Contact,
    );
    assert_eq!(Tier::Advanced.to_string(), "Advanced");
    assert_eq!("Advanced".parse::<Tier>(), Ok(Tier::Advanced));
    assert_eq!("advanced".parse::<Tier>(), Ok(Tier::Advanced));
    assert_eq!("ADVANCED".parse::<Tier>(), Ok(Tier::Advanced));
    assert_eq!("critical".parse::<Severity>(), Ok(Severity::Sev1));
}

#[test]
fn customer_support_v1_1() {
    use support_desk::v1_1::*;
    round_trip!(
        Resource, Product, Party, Operator, License, Tier, Channel, Holiday, Severity, Area, Phase,
        Service, Contact,
    );
}

#[test]
fn other_policies() {
    {
        use support_desk::github::*;
        round_trip!(Tier, Severity);
    }
    {
        use support_desk::redhat::*;
        round_trip!(Tier, Severity);
    }
    {
        use support_desk::holidays_demo::*;
        round_trip!(Tier, Severity);
    }
}
