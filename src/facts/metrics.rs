//! What the policy's target grids measure ([`Metric`]): first response,
//! update cadence, resolution, or any the policy names.
//!
//! A policy that declares no `metric` has one: the grid deciding the
//! response targets. A policy that declares metrics gives each its grid of
//! targets by severity and tier with `metric: ID`; the first declared is
//! the one `sla` and the generated `first_response_due` answer by default.

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::view::{GridDecl, MetricDecl, View};
use crate::model::Policy;
use crate::schema::{fields, CellType, Kind, Role};

/// One metric and the grid stating its targets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metric {
    /// The `metric` declaration, by index into the model; `None` for the
    /// one metric of a policy that declares none.
    pub decl: Option<usize>,
    /// Its id (`response` for a policy that declares none).
    pub id: String,
    /// Its title (the grid's for a policy that declares none).
    pub title: String,
    /// Whether it is counted from the last update (a cadence) rather than
    /// from the submission.
    pub cadence: bool,
    /// The grid of its targets, by index into the model.
    pub grid: usize,
}

/// The id of the one metric of a policy that declares none.
pub const RESPONSE: &str = "response";

/// The grids that name a metric, by index: they take no role by shape.
pub fn metric_grids(policy: &Policy) -> impl Iterator<Item = (usize, GridDecl<'_>)> {
    policy
        .decls
        .iter()
        .enumerate()
        .filter_map(|(i, d)| GridDecl::of(d).map(|g| (i, g)))
        .filter(|(_, g)| g.decl().field(fields::grid::METRIC).is_some())
}

/// Every metric of the policy, in declaration order, and the problems: a
/// metric with two grids, a grid naming a metric whose cells are not
/// targets by severity and tier.
pub fn derive(policy: &Policy, response_grid: Option<usize>) -> (Vec<Metric>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let declared: Vec<(usize, MetricDecl<'_>)> = policy
        .decls
        .iter()
        .enumerate()
        .filter_map(|(i, d)| MetricDecl::of(d).map(|m| (i, m)))
        .collect();
    for (_, grid) in metric_grids(policy) {
        let shape = Role::ResponseTargets.shape();
        let fits = grid.cells() == Some(CellType::Target)
            && shape
                .is_some_and(|s| grid.rows() == Some(s.rows) && grid.columns() == Some(s.columns));
        if !fits {
            let span = grid
                .decl()
                .field(fields::grid::METRIC)
                .map_or(grid.id.span, |f| f.span);
            diagnostics.push(
                Diagnostic::new(
                    Code::E115,
                    format!(
                        "the grid `{}` measures a metric but is not a grid of targets by severity and tier",
                        grid.id.as_str()
                    ),
                )
                .label(span, "a metric")
                .help("a metric's grid has `rows: severity`, `columns: tier` and `cells: target`"),
            );
        }
    }
    if declared.is_empty() {
        let metric = response_grid.and_then(|grid| {
            let decl = policy.decls.get(grid)?;
            Some(Metric {
                decl: None,
                id: RESPONSE.to_owned(),
                title: decl.display().to_owned(),
                cadence: false,
                grid,
            })
        });
        return (metric.into_iter().collect(), diagnostics);
    }
    let mut metrics = Vec::new();
    for (index, metric) in declared {
        let grids: Vec<(usize, GridDecl<'_>)> = metric_grids(policy)
            .filter(|(_, g)| g.metric().is_some_and(|m| m.as_str() == metric.id.as_str()))
            .collect();
        match grids.as_slice() {
            [] => {}
            [(grid, _)] => metrics.push(Metric {
                decl: Some(index),
                id: metric.id.value.clone(),
                title: metric.decl().display().to_owned(),
                cadence: metric.from() == Some("last-update"),
                grid: *grid,
            }),
            [(_, first), (_, second), ..] => diagnostics.push(
                Diagnostic::new(
                    Code::E116,
                    format!(
                        "two grids state the targets of the metric `{}`",
                        metric.id.as_str()
                    ),
                )
                .label(first.id.span, "this grid")
                .label(second.id.span, "and this one")
                .help("give each metric one grid; a metric that differs by tier is one grid with a column per tier"),
            ),
        }
    }
    (metrics, diagnostics)
}

/// Whether the policy's kinds include a metric.
pub fn declares_metrics(policy: &Policy) -> bool {
    policy.of_kind(Kind::Metric).next().is_some()
}
