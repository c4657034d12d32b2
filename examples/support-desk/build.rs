//! Compiles the customer-support policy, versions 1.0 and 1.1, into
//! `$OUT_DIR/customer_support.rs` (one file for the policy, each version a
//! module), the fixture of holiday sets, observed holidays and severity
//! rules into `$OUT_DIR/demo.rs`, and the fixtures of metrics and clocks,
//! limits and releases, and three vendors' policies of the corpus (GitHub
//! v1.1, Red Hat v1.0, ClickHouse v1.0 and v2.0). Warnings show as
//! `cargo:warning=` lines.

fn main() {
    let compiled = policyc::Builder::new().compile(&[
        "../../policies/customer-support/v1.0.policy",
        "../../policies/customer-support/v1.1.policy",
        "../../tests/fixtures/valid/holidays-and-severities.policy",
        "../../tests/fixtures/valid/metrics-and-clocks.policy",
        "../../tests/fixtures/valid/limits.policy",
        "../../tests/fixtures/valid/releases.policy",
        "../../policies/github/v1.1.policy",
        "../../policies/redhat/v1.0.policy",
        "../../policies/clickhouse/v1.0.policy",
        "../../policies/clickhouse/v2.0.policy",
    ]);
    if let Err(error) = compiled {
        eprintln!("{error}");
        std::process::exit(1);
    }
}
