//! `cargo +nightly fuzz run check`: the `check` property of
//! `tests/fuzz_props/mod.rs` on any bytes.

#![no_main]

#[path = "../../tests/fuzz_props/mod.rs"]
mod props;

libfuzzer_sys::fuzz_target!(|data: &[u8]| props::check(data));
