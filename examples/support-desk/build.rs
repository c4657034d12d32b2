//! Compiles the customer-support policy into `$OUT_DIR/customer_support_v1_0.rs`,
//! the fixture of holiday sets, observed holidays and severity rules into
//! `$OUT_DIR/demo_v1_0.rs`, and the fixtures of metrics and clocks, limits
//! and releases, and two vendors' policies of the corpus (GitHub v1.1,
//! Red Hat v1.0).

fn main() {
    let compiled = policyc::Builder::new().compile(&[
        "../../policies/customer-support/v1.0.policy",
        "../../tests/fixtures/valid/holidays-and-severities.policy",
        "../../tests/fixtures/valid/metrics-and-clocks.policy",
        "../../tests/fixtures/valid/limits.policy",
        "../../tests/fixtures/valid/releases.policy",
        "../../policies/github/v1.1.policy",
        "../../policies/redhat/v1.0.policy",
    ]);
    if let Err(error) = compiled {
        eprintln!("{error}");
        std::process::exit(1);
    }
}
