//! The page of one version: its status and the version switcher, then the
//! whole document (the Markdown emitter's structure written as HTML, every
//! table, the sections' ids as anchors), a link to each other version's
//! same section under each heading, and each tier's picture at the end of
//! its section.

use super::layout::{self, Page};
use super::versions::{Status, Version};
use super::{document, html, pictures, Options};
use crate::emit::markdown;
use crate::schema::Kind;

struct Sections<'v, 'a> {
    versions: &'v [Version<'a>],
    current: usize,
}

impl document::Sections for Sections<'_, '_> {
    fn after_heading(&self, id: &str) -> String {
        layout::section_switch(self.versions, self.current, id)
    }

    fn at_end(&self, id: &str) -> String {
        match self.versions.get(self.current) {
            Some(version) => pictures_in(version, Some(id)),
            None => String::new(),
        }
    }
}

/// The id of the section a declaration is in, the nearest one up.
fn section_of(policy: &crate::model::Policy, index: usize) -> Option<&str> {
    let mut at = policy.decls.get(index)?.parent;
    while let Some(p) = at {
        let decl = policy.decls.get(p)?;
        if decl.kind == Kind::Section {
            return Some(decl.id.as_str());
        }
        at = decl.parent;
    }
    None
}

/// The coverage pictures of the tiers whose nearest section is `section`
/// (`None`: the tiers in no section), in document order.
fn pictures_in(version: &Version<'_>, section: Option<&str>) -> String {
    let policy = version.valid.policy();
    let mut out = String::new();
    for (index, tier) in policy.decls.iter().enumerate() {
        if tier.kind != Kind::Tier || section_of(policy, index) != section {
            continue;
        }
        if let Some(svg) = pictures::coverage(version.valid, tier.id.as_str()) {
            out.push_str("<figure class=\"picture\">");
            out.push_str(&svg);
            out.push_str("</figure>\n");
        }
    }
    out
}

/// What the page says of the version's standing.
fn standing(v: &Version<'_>, options: &Options) -> String {
    let date = v
        .effective
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let today = options.today.format("%Y-%m-%d");
    match v.status {
        Status::InForce => format!("In force on {today} (effective {date})."),
        Status::Earlier => {
            format!("Superseded: a later version is in force on {today} (this one was effective {date}).")
        }
        Status::Scheduled => format!("Scheduled: takes effect on {date}, after {today}."),
        Status::Undated => "This version states no effective date.".to_owned(),
    }
}

/// The page of `versions[current]`, and its path in the site.
pub fn page(
    versions: &[Version<'_>],
    current: usize,
    options: &Options,
) -> Option<(String, String)> {
    let v = versions.get(current)?;
    let doc = markdown::document(
        v.valid,
        markdown::Options {
            examples: options.examples,
        },
    );
    let mut main = document::render(&doc, &Sections { versions, current });
    main.push_str(&pictures_in(v, None));
    let header = format!(
        "<p><strong>{}</strong>, {} <span class=\"badge {}\">{}</span></p>\n<p class=\"built\">{}</p>\n",
        html::text(v.title()),
        html::text(&v.name()),
        v.status.class(),
        v.status.label(),
        html::text(&standing(v, options))
    );
    let mut bar = layout::switcher(versions, Some(current));
    let mut changes = Vec::new();
    if let Some(prev) = current.checked_sub(1).and_then(|p| versions.get(p)) {
        changes.push(format!(
            "<li><a href=\"{}\">What changed from {}</a></li>",
            html::attr(&super::changes::file(prev, v)),
            html::text(&prev.name())
        ));
    }
    if let Some(next) = versions.get(current + 1) {
        changes.push(format!(
            "<li><a href=\"{}\">What changes in {}</a></li>",
            html::attr(&super::changes::file(v, next)),
            html::text(&next.name())
        ));
    }
    if !changes.is_empty() {
        bar.push_str(&format!(
            "<nav class=\"versions\" aria-label=\"Changes\"><ul>{}</ul></nav>\n",
            changes.join("")
        ));
    }
    let title = format!("{} {}", v.title(), v.name());
    let marker = layout::marker(
        &v.meta.policyc_version,
        &format!("{} (source fnv1a {})", v.meta.source, v.meta.source_hash),
    );
    let html = layout::page(&Page {
        title: &title,
        root: "../",
        marker: &marker,
        header,
        bar,
        main,
        today: options.today,
        script: versions.len() > 1,
    });
    Some((format!("{}/{}", v.meta.policy_id, v.file()), html))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tier_belongs_to_its_nearest_section() {
        let source = r#"policy p "P" {
    version:   1.0
    provider:  "Example AB"
    effective: 2026-06
}

section outer "Outer" {
    section inner "Inner" {
        topic note "Note" {
            tier deep "Deep" {}
        }
    }
    tier near "Near" {}
}
"#;
        let checked = crate::check_source(source);
        let valid = checked.valid().expect("valid");
        let policy = valid.policy();
        let of = |id: &str| {
            let index = policy.decls.iter().position(|d| d.id.as_str() == id);
            index.and_then(|i| section_of(policy, i))
        };
        assert_eq!(of("deep"), Some("inner"));
        assert_eq!(of("near"), Some("outer"));
        assert_eq!(of("outer"), None);
    }
}
