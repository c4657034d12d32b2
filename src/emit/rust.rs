//! The Rust emitter: a policy as enums, total functions and constants, for
//! `include!` into a crate that depends on `policyc-runtime`.
//!
//! What comes out, in order:
//!
//! * constants for the policy header: `POLICY_ID`, `TITLE`, `VERSION`, ...;
//! * an enum per id set (`Tier`, `Severity`, `Area`, ...) with `ALL`, `id`,
//!   `name`, `Display`, `FromStr` and a `const fn` per field;
//! * a `static` [`Calendar`](policyc_runtime::Calendar) per calendar;
//! * a total function per grid, e.g. `response_time(Severity, Tier)`:
//!   an exhaustive `match` without wildcard for small grids, a `static`
//!   table `[[T; COLUMNS]; ROWS]` indexed by the enums' discriminants for
//!   large ones, so that rustc proves every cell is there;
//! * constants for the fields of rules and grids, e.g.
//!   `OUT_OF_HOURS_SCREEN_SHARING_RATE`;
//! * a total function per decision a support desk takes under the policy
//!   (see its `entitlement` module), e.g. `custom_build(Tier, Severity,
//!   bool)` or `first_response_due(..)`: each passes the policy's data to
//!   the one implementation in `policyc_runtime`, which `policyc sla` and
//!   `policyc test` use too;
//! * where the policy declares releases, their lifecycles and
//!   `phase_on(Release, NaiveDate)` (its `lifecycle` module).
//!
//! It works in two steps. The **plan** (`plan`) decides everything first:
//! every name (enums and variants, constants, statics, field methods, grid
//! functions, entitlement functions and the constants of their terms),
//! claimed in the order the items are written so that clashes are
//! resolved the same way every time, and what each item holds and returns,
//! as typed values (`types`): which field methods, grid functions and
//! entitlement functions exist is decided on types, never on printed
//! text. **Printing** then reads the plan: one module per kind of item
//! (`consts`, `enums`, `calendars`, `grids`, `entitlement`) writes its
//! items with one builder (`code`), which lays them out exactly as rustfmt
//! would (`layout` holds the rustfmt rules the emitter needs, `docs` the
//! doc comments).
//!
//! `policyc build` writes one version a file (`emit`); the build-script
//! `Builder` writes every version of a policy into one file, each as a
//! module, with the functions that dispatch on the version in force
//! (`emit_versions`, its `versions` module).
//!
//! The output uses no inner attributes, and names everything outside the
//! generated items by absolute path (`::policyc_runtime::...`,
//! `::std::...`).

mod calendars;
mod code;
mod consts;
mod docs;
mod entitlement;
mod enums;
mod grids;
mod layout;
mod lifecycle;
mod names;
mod plan;
mod text;
mod types;
mod versions;

pub use versions::{module_name, Given};

use super::Meta;
use crate::facts::Valid;
use code::Code;
use plan::Plan;

/// The runtime crate, by absolute path.
const RT: &str = "::policyc_runtime";

/// Emits the policy as Rust source.
pub fn emit(valid: &Valid, meta: &Meta) -> String {
    let body = body(&Plan::new(valid));
    let mut out = format!("// {}\n", super::escape::rust_comment(&meta.marker()));
    if !body.is_empty() {
        out.push('\n');
        out.push_str(&body);
        out.push('\n');
    }
    out
}

/// The file the Builder writes for one policy: every version given, each
/// as its module (`v1_0`), `latest`, `Version` and the functions taking an
/// instant, dispatching on the version in force (see `versions`). `given`
/// is ordered from the oldest version.
pub fn emit_versions(given: &[Given]) -> String {
    versions::emit(given)
}

/// The items of a policy, without the header comment.
fn body(plan: &Plan) -> String {
    let mut code = Code::default();
    consts::print_header(plan, &mut code);
    for set in &plan.sets {
        enums::print(plan, set, &mut code);
    }
    for calendar in &plan.calendars {
        calendars::print(plan, calendar, &mut code);
    }
    for grid in &plan.grids {
        grids::print(grid, &mut code);
    }
    for constant in &plan.consts {
        consts::print(constant, &mut code);
    }
    plan.entitlements.print(&mut code);
    if let Some(item) = &plan.lifecycle {
        lifecycle::print(item, &mut code);
    }
    code.finish()
}
