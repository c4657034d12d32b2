//! The static website of the policies (`policyc site`, feature `site`).
//!
//! * [`pictures`]: the pictures of the pages, inline SVG drawn from the
//!   data (no chart library): each tier's coverage as a week grid, and on
//!   a "what changed" page, how deadlines move for a changed target or
//!   clock.
//!
//! Pure: no I/O. May use the emitters, the diff, the facts, the
//! enforcement code, the model and the schema; nothing uses it but the
//! command line.

pub mod pictures;
