//! The release table: each release of a run with its product, track,
//! general availability and the day each lifecycle phase ends, as the facts
//! worked them out (stated in the release-dates grid, or from the phases'
//! rules). A phase that does not apply to a release (another track) is
//! left blank; one without an end yet reads "—".

use super::context::Ctx;
use super::style;
use super::table::Table;
use crate::model::view::{PhaseDecl, ReleaseDecl, View};
use crate::model::Decl;
use crate::schema::{fields::release, Kind};

/// Release | Product | Track | GA | one column per phase ("… ends").
pub fn table(ctx: &Ctx<'_>, decls: &[&Decl]) -> Table {
    let releases: Vec<ReleaseDecl<'_>> = decls.iter().filter_map(|d| ReleaseDecl::of(d)).collect();
    let has = |f: &dyn Fn(&ReleaseDecl<'_>) -> bool| releases.iter().any(f);
    let products = has(&|r| r.product().is_some());
    let tracks = has(&|r| r.track().is_some());
    let phases: Vec<(usize, PhaseDecl<'_>)> = ctx
        .policy
        .decls
        .iter()
        .enumerate()
        .filter_map(|(i, d)| PhaseDecl::of(d).map(|p| (i, p)))
        .collect();
    let label = |name: &'static str| ctx.field_label(Kind::Release, name);
    let mut header: Vec<String> = vec![ctx.kind_label(Kind::Release)];
    if products {
        header.push(label(release::PRODUCT).to_owned());
    }
    if tracks {
        header.push(label(release::TRACK).to_owned());
    }
    header.push(label(release::RELEASED).to_owned());
    header.extend(phases.iter().map(|(_, p)| format!("{} ends", p.display())));
    let mut table = Table::new(header.iter().map(String::as_str));
    for decl in releases {
        let lifecycle = ctx
            .policy
            .index_of(decl.id.as_str())
            .and_then(|i| ctx.lifecycles.of(i));
        let mut row = vec![decl.version().unwrap_or(decl.display()).to_owned()];
        if products {
            row.push(
                decl.product()
                    .map_or(String::new(), |p| ctx.title(p.as_str())),
            );
        }
        if tracks {
            row.push(decl.track().unwrap_or_default().to_owned());
        }
        row.push(decl.released().map_or(String::new(), style::date));
        for (index, _) in &phases {
            let end = lifecycle.and_then(|l| l.phases.iter().find(|p| p.phase == *index));
            row.push(match end {
                None => String::new(),
                Some(p) => p.end.map_or("—".to_owned(), style::date),
            });
        }
        table.row(row);
    }
    table
}
