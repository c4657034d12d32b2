//! `policyc site`: the pages of a shipped policy as snapshots, which
//! version is in force on a day, determinism, hostile text made inert, and
//! the command (writing only what changed, removing what it wrote before).

use chrono::NaiveDate;
use policyc::emit::{Meta, Output};
use policyc::facts::Valid;
use policyc::site::versions::{self, Status};
use policyc::site::{self, Options};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A checked policy with the name it was read under.
struct Loaded {
    checked: policyc::Checked,
    meta: Meta,
}

fn load_source(name: &str, source: &str) -> Loaded {
    let checked = policyc::check_source(source);
    let errors: Vec<String> = checked.errors().map(|d| format!("{d:?}")).collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
    let meta = Meta::new(name, source, checked.valid().expect("valid").policy());
    Loaded { checked, meta }
}

/// Every shipped policy, as `policyc site` loads them.
fn shipped() -> Vec<Loaded> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = policyc::files::find_policies(&[root.join("policies")]).expect("policies");
    files
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).expect("readable");
            let read = policyc::files::read_beside(path);
            let (source, checked) = policyc::check_bytes_with(&bytes, &read);
            let name = path
                .strip_prefix(root)
                .map_or_else(|_| path.display().to_string(), |p| p.display().to_string());
            let meta = Meta::new(&name, &source, checked.valid().expect("valid").policy());
            Loaded { checked, meta }
        })
        .collect()
}

fn pairs(loaded: &[Loaded]) -> Vec<(&Valid, &Meta)> {
    loaded
        .iter()
        .map(|l| (l.checked.valid().expect("valid"), &l.meta))
        .collect()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

fn options(today: &str) -> Options {
    Options {
        today: day(today),
        examples: false,
    }
}

fn page<'o>(outputs: &'o [Output], path: &str) -> &'o str {
    &outputs
        .iter()
        .find(|o| o.path == path)
        .unwrap_or_else(|| panic!("no page {path}"))
        .contents
}

/// A page without its stylesheet (the same in every page), for snapshots.
/// A page as reviewed in its snapshot: without its stylesheet, and each
/// picture as its opening tag alone (the pictures have snapshots of their
/// own, in tests/site_pictures.rs).
fn without_css(html: &str) -> String {
    let html = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}<style>…</style>{}", &html[..a], &html[b + 8..]),
        _ => html.to_owned(),
    };
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<svg") {
        let open_end = start + rest[start..].find('>').expect("a closed <svg> tag") + 1;
        let close = rest[start..].find("</svg>").expect("an </svg>") + start;
        out.push_str(&rest[..open_end]);
        out.push('…');
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_pages_of_customer_support() {
    let loaded = shipped();
    let outputs = site::build(&pairs(&loaded), &options("2026-11-30"));
    let paths: Vec<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "atlassian-support/v1.0.html",
            "clickhouse-support/changes-v1.0-to-v2.0.html",
            "clickhouse-support/v1.0.html",
            "clickhouse-support/v2.0.html",
            "cockroach-labs-support/v1.0.html",
            "customer-support/changes-v1.0-to-v1.1.html",
            "customer-support/v1.0.html",
            "customer-support/v1.1.html",
            "github-support/changes-v1.0-to-v1.1.html",
            "github-support/v1.0.html",
            "github-support/v1.1.html",
            "index.html",
            "red-hat-support/v1.0.html",
        ]
    );
    insta::assert_snapshot!("index", without_css(page(&outputs, "index.html")));
    insta::assert_snapshot!(
        "customer_support_v1_1",
        without_css(page(&outputs, "customer-support/v1.1.html"))
    );
    insta::assert_snapshot!(
        "customer_support_changes",
        without_css(page(&outputs, "customer-support/changes-v1.0-to-v1.1.html"))
    );
}

#[test]
fn a_version_page_links_each_section_to_the_other_version() {
    let loaded = shipped();
    let outputs = site::build(&pairs(&loaded), &options("2026-11-30"));
    let v10 = page(&outputs, "customer-support/v1.0.html");
    let v11 = page(&outputs, "customer-support/v1.1.html");
    // Anchors are section ids; the contents link them.
    assert!(v10.contains("<h3 id=\"response-sla\">4.2 Response Time SLA by Tier</h3>"));
    assert!(v10.contains("<li><a href=\"#response-sla\">4.2 Response Time SLA by Tier</a>"));
    // Under each heading, the same section in the other version.
    assert!(v10.contains(
        "<h3 id=\"response-sla\">4.2 Response Time SLA by Tier</h3>\n<div class=\"switch\">This section in: <ul><li><a href=\"v1.1.html#response-sla\">v1.1</a></li></ul></div>"
    ));
    // v1.1 adds a section v1.0 lacks: its switch goes to v1.0's top.
    assert!(v11.contains("<li><a href=\"v1.0.html\">v1.0</a> (not in that version)</li>"));
    assert!(!v10.contains("id=\"changes-1-1\""));
    // Worked examples are left out; the section's tables are all there.
    assert!(!v10.contains("Worked example"));
    let v10_policy = loaded
        .iter()
        .find(|l| l.meta.policy_id == "customer-support" && l.meta.version == "1.0")
        .and_then(|l| l.checked.valid())
        .expect("v1.0");
    let markdown = policyc::emit::markdown::document(v10_policy, Default::default());
    let gfm_tables = markdown.lines().filter(|l| l.starts_with("|---")).count();
    assert_eq!(gfm_tables, 12);
    assert_eq!(v10.matches("<table>").count(), gfm_tables, "every table");
    let with = site::build(
        &pairs(&loaded),
        &Options {
            today: day("2026-11-30"),
            examples: true,
        },
    );
    let v10x = page(&with, "customer-support/v1.0.html");
    assert!(v10x.contains("<th scope=\"col\">Worked example</th>"));
}

#[test]
fn the_changes_page_marks_cells_and_words() {
    let loaded = shipped();
    let outputs = site::build(&pairs(&loaded), &options("2026-11-30"));
    let changes = page(&outputs, "customer-support/changes-v1.0-to-v1.1.html");
    assert!(changes.contains("<h1>What changed in Customer Support policy: v1.0 to v1.1</h1>"));
    // A grid with its changed cell marked: old value struck, new inserted.
    assert!(
        changes.contains("<td class=\"changed\"><del>"),
        "a changed cell"
    );
    // Prose as a word diff.
    assert!(changes.contains("<p class=\"words\">"));
    assert!(changes.contains("<ins>"));
    // Classes, most serious first: v1.1 extends and rewords, and the 16
    // changes within worked examples are left out.
    let extensions = changes.find("<h2>Extensions: more for the customer (8)</h2>");
    let editorial = changes.find("<h2>Editorial: wording only (16)</h2>");
    assert!(extensions.is_some() && editorial.is_some() && extensions < editorial);
    assert!(!changes.contains("<h2>Reductions") && !changes.contains("<h2>Worked examples"));
}

/// The statuses of customer-support v1.0 (effective June 2026) and v1.1
/// (effective 2026-09-01) on `today`.
fn statuses(loaded: &[Loaded], today: &str) -> Vec<Status> {
    let ours: Vec<(&Valid, &Meta)> = pairs(loaded)
        .into_iter()
        .filter(|(_, m)| m.policy_id == "customer-support")
        .rev()
        .collect();
    versions::arrange(ours, day(today))
        .iter()
        .map(|v| v.status)
        .collect()
}

#[test]
fn the_version_in_force_follows_the_day() {
    let loaded = shipped();
    use Status::*;
    assert_eq!(statuses(&loaded, "2026-05-31"), [Scheduled, Scheduled]);
    assert_eq!(statuses(&loaded, "2026-06-01"), [InForce, Scheduled]);
    assert_eq!(statuses(&loaded, "2026-08-31"), [InForce, Scheduled]);
    assert_eq!(statuses(&loaded, "2026-09-01"), [Earlier, InForce]);
    assert_eq!(statuses(&loaded, "2030-01-01"), [Earlier, InForce]);

    let before = site::build(&pairs(&loaded), &options("2026-05-31"));
    let index = page(&before, "index.html");
    assert!(index.contains("No version is in force on 2026-05-31."));
    assert!(page(&before, "customer-support/v1.0.html")
        .contains("Scheduled: takes effect on 2026-06-01, after 2026-05-31."));
    let between = site::build(&pairs(&loaded), &options("2026-07-15"));
    assert!(page(&between, "index.html").contains(
        "<dt>In force</dt><dd><a href=\"customer-support/v1.0.html\">v1.0</a>, effective 2026-06-01</dd>"
    ));
    assert!(page(&between, "customer-support/v1.0.html")
        .contains("In force on 2026-07-15 (effective 2026-06-01)."));
    let after = site::build(&pairs(&loaded), &options("2026-09-01"));
    assert!(page(&after, "index.html").contains(
        "<dt>In force</dt><dd><a href=\"customer-support/v1.1.html\">v1.1</a>, effective 2026-09-01</dd>"
    ));
    assert!(page(&after, "customer-support/v1.0.html")
        .contains("<span class=\"badge earlier\">superseded</span>"));
}

#[test]
fn two_builds_are_byte_identical() {
    let loaded = shipped();
    let a = site::build(&pairs(&loaded), &options("2026-11-30"));
    let b = site::build(&pairs(&loaded), &options("2026-11-30"));
    assert_eq!(a, b);
    // The day is the only input besides the policies: it is stated.
    assert!(page(&a, "index.html").contains("Built by policyc for 2026-11-30"));
}

/// Every tag of `html` is one the site writes, no attribute is an event
/// handler or loads anything, every link goes to http(s), mailto, a fragment or a
/// page of the site, and the only script is the switcher's.
fn assert_inert(case: &str, html: &str) {
    const TAGS: [&str; 43] = [
        "!DOCTYPE", "!--", "html", "head", "meta", "title", "style", "body", "a", "header", "p",
        "strong", "span", "nav", "ul", "li", "main", "h1", "h2", "h3", "h4", "h5", "h6", "div",
        "table", "thead", "tbody", "tr", "th", "td", "em", "code", "pre", "del", "ins", "br", "hr",
        "footer", "section", "dl", "dt", "dd", "script",
    ];
    let mut rest = html;
    let mut scripts = 0;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '>')
            .collect();
        let name = name.trim_start_matches('/');
        if name.starts_with("!--") {
            let end = rest.find("-->").expect("a closed comment");
            assert!(
                !rest[..end].contains('<') && !rest[..end].contains('>'),
                "{case}: a comment holds markup"
            );
            rest = &rest[end + 3..];
            continue;
        }
        let name = name.trim_end_matches('/');
        // The pictures are inline SVG.
        const SVG: [&str; 14] = [
            "svg",
            "g",
            "rect",
            "text",
            "tspan",
            "line",
            "path",
            "circle",
            "polygon",
            "polyline",
            "desc",
            "defs",
            "title",
            "figcaption",
        ];
        assert!(
            TAGS.contains(&name)
                || SVG.contains(&name)
                || ["caption", "ol", "blockquote", "figure"].contains(&name),
            "{case}: tag <{name}>"
        );
        let end = rest.find('>').expect("a closed tag");
        let tag = &rest[..end];
        for key in attribute_names(tag) {
            let key = key.to_ascii_lowercase();
            assert!(
                !key.starts_with("on") && key != "src" && key != "xlink:href",
                "{case}: attribute {key} in <{tag}>"
            );
        }
        if let Some(href) = tag
            .split("href=\"")
            .nth(1)
            .and_then(|h| h.split('"').next())
        {
            let ok = href.starts_with("https://")
                || href.starts_with("http://")
                || href.starts_with("mailto:")
                || href.starts_with('#')
                || href.split('#').next().is_some_and(|f| {
                    f.ends_with(".html")
                        && f.chars().all(|c| {
                            c.is_ascii_lowercase()
                                || c.is_ascii_digit()
                                || matches!(c, '-' | '.' | '/')
                        })
                });
            assert!(ok, "{case}: a link to {href}");
        }
        if name == "script" && !tag.starts_with('/') {
            scripts += 1;
            let body_end = rest.find("</script>").expect("a closed script");
            assert!(
                rest[end + 1..body_end].contains("data-sections"),
                "{case}: a script not ours"
            );
            rest = &rest[body_end..];
        }
        if name == "style" && !tag.starts_with('/') {
            let body_end = rest.find("</style>").expect("a closed style");
            assert!(
                !rest[end + 1..body_end].contains('<'),
                "{case}: markup in the style"
            );
            rest = &rest[body_end..];
        }
    }
    assert!(scripts <= 1, "{case}: {scripts} scripts");
}

#[test]
fn hostile_text_is_inert() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let html = std::fs::read_to_string(root.join("html-in-titles.policy")).expect("fixture");
    let links = std::fs::read_to_string(root.join("javascript-links.policy")).expect("fixture");
    let newer = html
        .replace("version:   1.0", "version:   1.1")
        .replace("effective: 2026-06", "effective: 2026-07")
        .replace("Overview <b", "Overview <i onclick=x>new</i> <b")
        .replace(
            "see <!-- a comment -->",
            "see <!-- another --> <img src=y onerror=alert(2)> [x](javascript:alert(3))",
        );
    let loaded = [
        load_source("in/a\"b'<script>alert(1)</script>--><x.policy", &html),
        load_source("in/v1.1 \" onmouseover=\"alert(1).policy", &newer),
        load_source("in/links.policy", &links),
    ];
    let outputs = site::build(&pairs(&loaded), &options("2026-11-30"));
    assert!(
        outputs.len() >= 5,
        "{:?}",
        outputs.iter().map(|o| &o.path).collect::<Vec<_>>()
    );
    for output in &outputs {
        assert_inert(&output.path, &output.contents);
        assert!(
            !output.contents.contains("<script>alert"),
            "{}",
            output.path
        );
        assert!(!output.contents.contains("<img"), "{}", output.path);
        assert!(!output.contents.contains("<iframe"), "{}", output.path);
    }
    let v10 = page(&outputs, "hostile/v1.0.html");
    assert!(v10.contains("&lt;img src=x onerror=alert(1)&gt; policy"));
    assert!(v10.contains(
        "<h2 id=\"overview\">1. Overview &lt;b onmouseover=alert(1)&gt;hover&lt;/b&gt;</h2>"
    ));
    let changes = page(&outputs, "hostile/changes-v1.0-to-v1.1.html");
    assert!(
        changes.contains("&lt;i onclick=x&gt;new&lt;/i&gt;"),
        "{changes}"
    );
    let links = page(&outputs, "links/v1.0.html");
    assert!(links.contains("<a href=\"https://example.com\">the site</a>"));
    assert!(links.contains("<a href=\"mailto:support@example.com\">mail</a>"));
    assert!(!links.contains("href=\"javascript"));
}

fn run_site(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_policyc"))
        .arg("site")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs policyc")
}

fn temp(case: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("site-{case}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("in")).expect("a temp dir");
    dir
}

#[test]
fn the_command_writes_what_changed_and_removes_what_it_wrote() {
    let dir = temp("cli");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/customer-support");
    for v in ["v1.0.policy", "v1.1.policy"] {
        std::fs::copy(root.join(v), dir.join("in").join(v)).expect("copies");
    }
    let first = run_site(&dir, &["in", "--out", "out", "--today", "2026-11-30"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(stderr.contains("4 pages, 4 written, 0 removed"), "{stderr}");
    // A file of someone else's in the output directory is never removed.
    std::fs::write(dir.join("out/notes.html"), "<p>mine</p>").expect("writes");
    let again = run_site(&dir, &["in", "--out", "out", "--today", "2026-11-30"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("4 pages, 0 written, 0 removed"));
    // v1.1 gone: its page and the changes page go, the rest stays.
    std::fs::remove_file(dir.join("in/v1.1.policy")).expect("removes");
    let fewer = run_site(&dir, &["in", "--out", "out", "--today", "2026-11-30"]);
    let stderr = String::from_utf8_lossy(&fewer.stderr);
    assert!(stderr.contains("2 pages, 2 written, 2 removed"), "{stderr}");
    assert!(!dir.join("out/customer-support/v1.1.html").exists());
    assert!(!dir
        .join("out/customer-support/changes-v1.0-to-v1.1.html")
        .exists());
    assert!(dir.join("out/customer-support/v1.0.html").exists());
    assert!(dir.join("out/notes.html").exists());
    // A day that is not a date is a usage error.
    let bad = run_site(&dir, &["in", "--out", "out", "--today", "2026-13-01"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr)
        .contains("`2026-13-01` is not a date written YYYY-MM-DD"));
}

#[test]
fn pdfs_are_printed_where_chromium_is() {
    let dir = temp("pdf");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/customer-support");
    std::fs::copy(root.join("v1.0.policy"), dir.join("in/v1.0.policy")).expect("copies");
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
                .map(|d| d.join(name))
                .find(|p| p.is_file())
        });
    match chromium {
        Some(_) => {
            let out = run_site(
                &dir,
                &["in", "--out", "out", "--today", "2026-11-30", "--pdf"],
            );
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let path = dir.join("out/customer-support/v1.0.pdf");
            let pdf = std::fs::read(&path).expect("a PDF");
            assert!(pdf.starts_with(b"%PDF-"), "a PDF file");
            assert!(pdf.len() > 10_000, "{} bytes", pdf.len());
            // The page unchanged: its PDF is not printed again.
            let again = run_site(
                &dir,
                &["in", "--out", "out", "--today", "2026-11-30", "--pdf"],
            );
            assert!(again.status.success());
            assert!(!String::from_utf8_lossy(&again.stderr).contains("v1.0.pdf"));
            // The policy gone: its page and the PDF beside it go.
            std::fs::write(dir.join("in/v1.0.policy"), "").expect("empties");
            std::fs::remove_file(dir.join("in/v1.0.policy")).expect("removes");
            std::fs::write(
                dir.join("in/other.policy"),
                "policy other \"Other\" {\n    version: 1.0\n    provider: \"X\"\n    effective: 2026-01\n}\n",
            )
            .expect("writes");
            let gone = run_site(&dir, &["in", "--out", "out", "--today", "2026-11-30"]);
            assert!(
                gone.status.success(),
                "{}",
                String::from_utf8_lossy(&gone.stderr)
            );
            assert!(!path.exists() && !dir.join("out/customer-support/v1.0.html").exists());
        }
        None => {
            let out = Command::new(env!("CARGO_BIN_EXE_policyc"))
                .args(["site", "in", "--out", "out", "--pdf"])
                .current_dir(&dir)
                .env("PATH", dir.join("no-such-dir"))
                .env_remove("POLICYC_CHROMIUM")
                .output()
                .expect("runs policyc");
            assert_eq!(out.status.code(), Some(2));
            assert!(String::from_utf8_lossy(&out.stderr).contains("`--pdf` needs Chromium"));
            assert!(!dir.join("out").exists(), "nothing written");
        }
    }
}

#[test]
fn without_chromium_pdf_is_a_clear_error() {
    // Whatever the machine has: no Chromium on PATH and none named.
    let dir = temp("no-chromium");
    let out = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["site", "in", "--out", "out", "--pdf"])
        .current_dir(&dir)
        .env("PATH", dir.join("no-such-dir"))
        .env("POLICYC_CHROMIUM", dir.join("no-such-chromium"))
        .output()
        .expect("runs policyc");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: `--pdf` needs Chromium, and none was found"),
        "{stderr}"
    );
    assert!(!dir.join("out").exists(), "nothing written");
}

/// The heading levels of `html`, in order.
fn heading_levels(html: &str) -> Vec<usize> {
    let mut levels = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        rest = &rest[at + 2..];
        if let Some(d) = rest.chars().next().and_then(|c| c.to_digit(10)) {
            if rest[1..].starts_with([' ', '>']) {
                levels.push(d as usize);
            }
        }
    }
    levels
}

#[test]
fn every_page_is_accessible_and_self_contained() {
    let loaded = shipped();
    let outputs = site::build(&pairs(&loaded), &options("2026-11-30"));
    for output in &outputs {
        let (path, html) = (&output.path, &output.contents);
        assert!(
            html.starts_with("<!DOCTYPE html>\n<!-- @generated by policyc "),
            "{path}"
        );
        assert!(html.contains("<html lang=\"en\">"), "{path}");
        // Landmarks: a skip link to main, the header, main, the footer.
        for landmark in [
            "<a class=\"skip\" href=\"#_main\">",
            "<header class=\"site\">",
            "<main id=\"_main\">",
            "<footer>",
        ] {
            assert_eq!(html.matches(landmark).count(), 1, "{path}: {landmark}");
        }
        // One h1, and no heading deeper than one below the one before it.
        let levels = heading_levels(html);
        assert_eq!(
            levels.iter().filter(|l| **l == 1).count(),
            1,
            "{path}: {levels:?}"
        );
        assert_eq!(levels.first(), Some(&1), "{path}");
        for pair in levels.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "{path}: h{} after h{}",
                pair[1],
                pair[0]
            );
        }
        // Ids are unique: every anchor leads to one place.
        let ids: Vec<&str> = html
            .split(" id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{path}: a repeated id");
        // Every fragment link of the page leads to an id on it.
        for target in html
            .split("href=\"#")
            .skip(1)
            .filter_map(|r| r.split('"').next())
        {
            assert!(unique.contains(target), "{path}: #{target} leads nowhere");
        }
        // Every table has header cells.
        assert_eq!(
            html.matches("<table>").count(),
            html.matches("<thead>").count(),
            "{path}"
        );
        // Nothing is fetched: no source, stylesheet link, import or font.
        for fetch in [" src=", "<link", "@import", "url(", "@font-face"] {
            assert!(!html.contains(fetch), "{path}: {fetch}");
        }
        assert_inert(path, html);
        // Every link to another page of the site leads to a page, and to
        // an id on it.
        let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
        for href in html
            .split("href=\"")
            .skip(1)
            .filter_map(|r| r.split('"').next())
        {
            if href.starts_with('#') || href.contains(':') {
                continue;
            }
            let (file, fragment) = href.split_once('#').unwrap_or((href, ""));
            let target = match file.strip_prefix("../") {
                Some(root) => root.to_owned(),
                None if dir.is_empty() => file.to_owned(),
                None => format!("{dir}/{file}"),
            };
            let page = outputs.iter().find(|o| o.path == target);
            let page = page.unwrap_or_else(|| panic!("{path}: {href} leads to no page"));
            if !fragment.is_empty() {
                assert!(
                    page.contents.contains(&format!(" id=\"{fragment}\"")),
                    "{path}: {href} leads to no id"
                );
            }
        }
    }
}

/// The names of a tag's attributes (`tag` from its name to before its
/// `>`), read as a browser reads them: a quoted value may hold spaces and
/// words such as `on`.
fn attribute_names(tag: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = tag.trim_start_matches(|c: char| !c.is_whitespace());
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return names;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        names.push(&rest[..end]);
        rest = &rest[end..];
        if let Some(value) = rest.strip_prefix('=') {
            rest = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].find(q).map_or("", |e| &value[e + 2..]),
                _ => value.trim_start_matches(|c: char| !c.is_whitespace()),
            };
        }
    }
}

#[test]
fn attribute_names_are_read_as_a_browser_reads_them() {
    assert_eq!(
        attribute_names(r#"g class="x" data-before="4 hours on y" onclick='a b' hidden"#),
        ["class", "data-before", "onclick", "hidden"]
    );
}
