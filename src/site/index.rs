//! The index of the site: every policy, with the version in force on the
//! day the site is built for, the earlier and scheduled versions, and the
//! "what changed" page between each two consecutive versions.

use super::layout::{self, Page};
use super::versions::{Status, Version};
use super::{changes, html, Options};

/// A version as a link from the index, with its status and date.
fn entry(policy: &str, v: &Version<'_>) -> String {
    let date = v.effective.map_or_else(String::new, |d| {
        format!(", effective {}", d.format("%Y-%m-%d"))
    });
    format!(
        "<li><a href=\"{}/{}\">{}</a> <span class=\"badge {}\">{}</span>{date}</li>\n",
        html::attr(policy),
        html::attr(&v.file()),
        html::text(&v.name()),
        v.status.class(),
        v.status.label()
    )
}

/// The index page.
pub fn page(policies: &[Vec<Version<'_>>], options: &Options, marker: &str) -> String {
    let today = options.today.format("%Y-%m-%d");
    let mut main = format!(
        "<h1>Support policies</h1>\n<p>What is in force on {today}, the versions before it and those scheduled, and what changed between them.</p>\n"
    );
    for versions in policies {
        let Some(latest) = versions.last() else {
            continue;
        };
        let id = latest.meta.policy_id.as_str();
        main.push_str(&format!(
            "<section aria-labelledby=\"policy-{}\">\n<h2 id=\"policy-{}\">{}</h2>\n",
            html::attr(id),
            html::attr(id),
            html::text(latest.title())
        ));
        main.push_str("<dl class=\"facts\">\n<dt>In force</dt><dd>");
        match versions.iter().find(|v| v.status == Status::InForce) {
            Some(v) => main.push_str(&format!(
                "<a href=\"{}/{}\">{}</a>{}",
                html::attr(id),
                html::attr(&v.file()),
                html::text(&v.name()),
                v.effective.map_or_else(String::new, |d| format!(
                    ", effective {}",
                    d.format("%Y-%m-%d")
                ))
            )),
            None => main.push_str(&format!("No version is in force on {today}.")),
        }
        main.push_str("</dd>\n</dl>\n");
        let lists = [
            ("Earlier versions", Status::Earlier),
            ("Scheduled versions", Status::Scheduled),
            ("Versions without an effective date", Status::Undated),
        ];
        for (title, status) in lists {
            let of: Vec<&Version<'_>> = versions.iter().filter(|v| v.status == status).collect();
            if of.is_empty() {
                continue;
            }
            main.push_str(&format!("<h3>{title}</h3>\n<ul>\n"));
            for v in of {
                main.push_str(&entry(id, v));
            }
            main.push_str("</ul>\n");
        }
        if versions.len() > 1 {
            main.push_str("<h3>What changed</h3>\n<ul>\n");
            for pair in versions.windows(2) {
                main.push_str(&format!(
                    "<li><a href=\"{}/{}\">{} to {}</a></li>\n",
                    html::attr(id),
                    html::attr(&changes::file(&pair[0], &pair[1])),
                    html::text(&pair[0].name()),
                    html::text(&pair[1].name())
                ));
            }
            main.push_str("</ul>\n");
        }
        main.push_str("</section>\n");
    }
    layout::page(&Page {
        title: "Support policies",
        root: "",
        marker,
        header: String::new(),
        bar: String::new(),
        main,
        today: options.today,
        script: false,
    })
}
