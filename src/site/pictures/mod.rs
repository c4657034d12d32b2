//! The pictures of the website: inline SVG drawn from the data, no chart
//! library, where people would rather look than read.
//!
//! * [`coverage`]: a tier's coverage as a week grid (days by hours), per
//!   clock its severities' first-response targets run on: when the clock
//!   runs.
//! * [`heatmaps`]: for each change of a response target or a clock (a
//!   calendar's opening hours, zone, holidays or closure days; a tier's
//!   hours), a week heatmap of how the deadline moves for a ticket
//!   submitted at each hour of a representative week, and a strip of the
//!   year marking the holidays, added and removed ones apart.
//!
//! Every picture is deterministic byte for byte, escapes every text from
//! the policy ([`svg::escape`]), and is accessible: `role="img"`, a
//! `<title>` and a `<desc>` (the text alternative, which says in words
//! what the picture shows) named by `aria-labelledby`, a tooltip per
//! cell, a colour-blind-safe palette with contrasting text
//! ([`palette`]), and nothing said by colour alone (cells carry their
//! values, legends name each colour). It prints as on screen
//! (`print-color-adjust: exact`) and is self-contained: no font, script
//! or link outside it.
//!
//! Deadlines come from the runtime's clock
//! ([`policyc_runtime::BusinessClock`]), each target on the calendar the
//! diff places it on ([`crate::facts::deadlines`]), so that a heatmap
//! agrees with the diff's class: a reduction has no cell earlier, an
//! extension none later.
//!
//! Pure: no I/O. Uses the facts, the model, the schema and the diff's
//! [`Change`](crate::diff::Change); nothing but the site uses it.

mod coverage;
mod heatmap;
pub mod palette;
pub mod svg;
mod targets;
mod week;
mod year;

pub use coverage::coverage;
pub use heatmap::heatmaps;
