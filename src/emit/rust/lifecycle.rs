//! Release lifecycles in the generated code, written only when the policy
//! declares releases (so a policy without them gets the same output as
//! before releases existed):
//!
//! * `general_availability(Release) -> Option<Day>`;
//! * `lifecycle(Release) -> &'static [(Phase, Option<Day>)]`: the phases a
//!   release goes through, in order, each with the day it ends, as the
//!   facts worked them out (stated dates, else the phases' rules);
//! * `lifecycle_stage(Release, NaiveDate) -> Stage<Phase>` and
//!   `phase_on(Release, NaiveDate) -> Option<Phase>`: calls into
//!   `policyc_runtime::lifecycle`, which `policyc lifecycle` uses too.

use super::code::{Body, Code, Function};
use super::layout::Expr;
use super::names::Names;
use super::plan::Plan;
use super::types::day;
use super::RT;
use crate::schema::Kind;

/// The lifecycle functions and the data they hold.
#[derive(Debug)]
pub struct LifecycleItem {
    /// The release enum's name.
    release: String,
    /// The phase enum's name.
    phase: String,
    /// Function names.
    released_fn: String,
    lifecycle_fn: String,
    stage_fn: String,
    phase_on_fn: String,
    /// Per release: its variant's path, its GA date, and its phases with
    /// their ends.
    rows: Vec<ReleaseRow>,
}

/// A release's variant path, its GA date, and its phases' paths with their
/// ends.
type ReleaseRow = (String, Option<Expr>, Vec<(String, Option<Expr>)>);

/// Plans the lifecycle functions, if the policy has releases and phases.
pub fn plan(plan: &Plan<'_>, names: &mut Names) -> Option<LifecycleItem> {
    let releases = plan.set(Kind::Release)?;
    let phases = plan.set(Kind::Phase);
    let lifecycles = plan.facts.lifecycle();
    let mut rows = Vec::new();
    for (decl, path) in releases.paths() {
        let index = plan.policy.index_of(decl.id.as_str())?;
        let lifecycle = lifecycles.of(index)?;
        let released = lifecycle.released.map(day);
        let mut ends = Vec::new();
        for end in &lifecycle.phases {
            let phase = plan.policy.decls.get(end.phase)?;
            let phase_path = phases?.path(phase.id.as_str())?;
            ends.push((phase_path, end.end.map(day)));
        }
        rows.push((path, released, ends));
    }
    // A policy with releases and no phase: every release is at end of life.
    let phase = match phases {
        Some(set) => set.name.clone(),
        None => return None,
    };
    Some(LifecycleItem {
        release: releases.name.clone(),
        phase,
        released_fn: names.claim("general_availability".to_owned(), "_"),
        lifecycle_fn: names.claim("lifecycle".to_owned(), "_"),
        stage_fn: names.claim("lifecycle_stage".to_owned(), "_"),
        phase_on_fn: names.claim("phase_on".to_owned(), "_"),
        rows,
    })
}

/// `(phase, end)`, laid out as rustfmt lays out a tuple (like a call).
fn pair(phase: &str, end: Option<&Expr>) -> Expr {
    let end = match end {
        Some(e) => e.clone().some(),
        None => Expr::atom("None"),
    };
    Expr::call("", vec![Expr::atom(phase), end])
}

/// Writes the lifecycle functions.
pub fn print(item: &LifecycleItem, out: &mut Code) {
    let release = &item.release;
    let phase = &item.phase;
    let day = format!("{RT}::Day");

    let mut body = Body::of_item();
    body.nested("match release {", "}", |arms| {
        for (path, released, _) in &item.rows {
            let value = match released {
                Some(e) => e.clone().some(),
                None => Expr::atom("None"),
            };
            arms.arm(path, &value);
        }
    });
    out.push(
        Function {
            docs: "The general availability (GA) of a release: its `released` date, if stated."
                .to_owned(),
            head: format!("pub const fn {}", item.released_fn),
            params: vec![format!("release: {release}")],
            ret: format!("Option<{day}>"),
            body,
        }
        .item(),
    );

    let mut body = Body::of_item();
    body.nested("match release {", "}", |arms| {
        for (path, _, phases) in &item.rows {
            let items = phases
                .iter()
                .map(|(p, end)| pair(p, end.as_ref()))
                .collect();
            arms.arm(path, &Expr::slice(items));
        }
    });
    out.push(
        Function {
            docs: "The lifecycle of a release: the phases it goes through, in order, each with \
                   the day it ends (the first day it no longer applies; `None`: no end yet), as \
                   stated in the policy or worked out from its phases' rules."
                .to_owned(),
            head: format!("pub const fn {}", item.lifecycle_fn),
            params: vec![format!("release: {release}")],
            ret: format!("&'static [({phase}, Option<{day}>)]"),
            body,
        }
        .item(),
    );

    let mut body = Body::of_item();
    body.tail(&Expr::call(
        format!("{RT}::lifecycle::stage"),
        vec![
            Expr::call(item.released_fn.clone(), vec![Expr::atom("release")]),
            Expr::call(item.lifecycle_fn.clone(), vec![Expr::atom("release")]),
            Expr::call(format!("{day}::from"), vec![Expr::atom("on")]),
        ],
    ));
    out.push(
        Function {
            docs: "Where a release stands on a day: not yet released, in a lifecycle phase, or \
                   at end of life since a day."
                .to_owned(),
            head: format!("pub fn {}", item.stage_fn),
            params: vec![
                format!("release: {release}"),
                format!("on: {RT}::chrono::NaiveDate"),
            ],
            ret: format!("{RT}::Stage<{phase}>"),
            body,
        }
        .item(),
    );

    let mut body = Body::of_item();
    body.tail(&Expr::atom(format!(
        "{}(release, on).phase()",
        item.stage_fn
    )));
    out.push(
        Function {
            docs: "The lifecycle phase in force for a release on a day: `None` before its \
                   general availability and at end of life."
                .to_owned(),
            head: format!("pub fn {}", item.phase_on_fn),
            params: vec![
                format!("release: {release}"),
                format!("on: {RT}::chrono::NaiveDate"),
            ],
            ret: format!("Option<{phase}>"),
            body,
        }
        .item(),
    );
}
