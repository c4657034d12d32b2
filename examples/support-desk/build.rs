//! Compiles the customer-support policy into `$OUT_DIR/customer_support_v1_0.rs`,
//! and the fixture of holiday sets, observed holidays and severity rules
//! into `$OUT_DIR/demo_v1_0.rs`.

fn main() {
    let compiled = policyc::Builder::new().compile(&[
        "../../policies/customer-support/v1.0.policy",
        "../../tests/fixtures/valid/holidays-and-severities.policy",
    ]);
    if let Err(error) = compiled {
        eprintln!("{error}");
        std::process::exit(1);
    }
}
