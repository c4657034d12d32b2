//! Compiles the customer-support policy into `$OUT_DIR/customer_support_v1_0.rs`,
//! the fixture of holiday sets, observed holidays and severity rules into
//! `$OUT_DIR/demo_v1_0.rs`, and the fixtures of metrics and clocks, limits
//! and releases.

fn main() {
    let compiled = policyc::Builder::new().compile(&[
        "../../policies/customer-support/v1.0.policy",
        "../../tests/fixtures/valid/holidays-and-severities.policy",
        "../../tests/fixtures/valid/metrics-and-clocks.policy",
        "../../tests/fixtures/valid/limits.policy",
        "../../tests/fixtures/valid/releases.policy",
    ]);
    if let Err(error) = compiled {
        eprintln!("{error}");
        std::process::exit(1);
    }
}
