//! `check` holds memory linear in its input (issue 13): peak heap while
//! checking and reporting stays under 20 times the input for 186 copies
//! of v1.0 (10 MB, every id declared 186 times), for a grid of 8,000 bad
//! cells and for 20,000 unknown references. Measured by a counting
//! allocator in this test binary of its own, with one test, so nothing
//! else allocates meanwhile: the count is the same on every run.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now =
                    CURRENT.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const V1_0: &str = include_str!("../policies/customer-support/v1.0.policy");

/// Peak heap, above what was held before, of checking `source` and
/// writing every diagnostic as JSON and the first 50 for people.
fn peak_of_checking(source: &str) -> (usize, usize) {
    let before = CURRENT.load(Relaxed);
    PEAK.store(before, Relaxed);
    let checked = policyc::check_source(source);
    // JSON is written record by record, as `check --format json` does.
    let mut json = std::io::sink();
    let mut records = 0;
    for d in policyc::report::json_diagnostics("input.policy", source, &checked.diagnostics) {
        serde_json::to_writer_pretty(&mut json, &d).unwrap();
        records += 1;
    }
    let shown = &checked.diagnostics[..checked.diagnostics.len().min(50)];
    let human =
        policyc::report::render("input.policy", source, shown, policyc::report::Style::Plain);
    assert!(records == checked.diagnostics.len() && !human.is_empty());
    let count = checked.diagnostics.len();
    drop((checked, human));
    (PEAK.load(Relaxed) - before, count)
}

#[test]
fn peak_memory_is_under_twenty_times_the_input() {
    // The dense files (thousands of one-line declarations and rows) are
    // the hard case: the parser reads a file a piece of 16 entries at a
    // time, so pest's tokens (about 40 bytes for each start and end of a
    // rule, 20 times such text) are never held for the whole file.
    let inputs = [
        ("v1.0 x186 (10 MB)", V1_0.repeat(186)),
        ("8,000 bad cells", common::big_grid(8_000, 8_000, 0)),
        (
            "20,000 unknown references",
            common::big_grid(2_000, 0, 20_000),
        ),
    ];
    let bound = 20.0;
    for (what, source) in &inputs {
        let (peak, count) = peak_of_checking(source);
        assert!(count > 8_000, "{what}: {count} diagnostics");
        let ratio = peak as f64 / source.len() as f64;
        eprintln!(
            "{what}: {} bytes in, peak {peak} bytes ({ratio:.1}x), {count} diagnostics",
            source.len()
        );
        assert!(
            ratio < bound,
            "{what}: peak {peak} bytes for {} bytes in ({ratio:.1}x)",
            source.len()
        );
    }
}
