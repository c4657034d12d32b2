//! `cargo +nightly fuzz run diff`: the `diff` property of
//! `tests/fuzz_props/mod.rs` on any bytes.

#![no_main]

#[path = "../../tests/fuzz_props/mod.rs"]
mod props;

libfuzzer_sys::fuzz_target!(|data: &[u8]| props::diff(data));
