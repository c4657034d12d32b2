//! Hostile file names and titles (issue 13): text from a policy or its path
//! never breaks out of where it lands. Each case is built with `policyc
//! build` into a temp dir; the Rust has exactly the items of the same
//! policy built under a plain name, the Markdown holds no live HTML and
//! links only to anchors, http(s) and mailto, and the YAML header stays one
//! comment line.

use pulldown_cmark::{Event, Options, Parser, Tag};
use std::path::{Path, PathBuf};
use std::process::Command;

const MINIMAL: &str = include_str!("fixtures/valid/minimal.policy");

/// Builds `source`, saved as `file_name` (folders allowed), into a fresh directory; returns
/// the Rust, YAML and Markdown outputs of policy `id` v1.0.
fn build(case: &str, file_name: &str, source: &str, id: &str) -> [String; 3] {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{case}"));
    let _ = std::fs::remove_dir_all(&dir);
    let input = dir.join("in");
    std::fs::create_dir_all(&input).expect("a temp dir");
    let file = input.join(file_name);
    std::fs::create_dir_all(file.parent().expect("a parent")).expect("a temp dir");
    std::fs::write(file, source).expect("writes the policy");
    let out = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["build", "in", "--out", "out"])
        .current_dir(&dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs policyc");
    assert!(
        out.status.success(),
        "{case}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |ext: &str| {
        std::fs::read_to_string(dir.join("out").join(id).join(format!("v1.0.{ext}")))
            .expect("an output")
    };
    [read("rs"), read("yaml"), read("md")]
}

/// The names of the `pub fn`s of generated Rust.
fn pub_fns(rust: &str) -> Vec<String> {
    rust.lines()
        .filter_map(|l| l.trim_start().strip_prefix("pub fn "))
        .map(|l| l.split(['(', '<']).next().unwrap_or_default().to_owned())
        .collect()
}

fn header_intact(case: &str, [rust, yaml, md]: &[String; 3]) {
    let first = rust.lines().next().unwrap_or_default();
    assert!(first.starts_with("// @generated"), "{case}: {first}");
    assert!(
        !first.contains("*/") && !first.contains("/*"),
        "{case}: {first}"
    );
    assert!(
        rust.lines()
            .skip(1)
            .all(|l| !l.contains("injected_by_path")),
        "{case}"
    );
    let mut lines = yaml.lines();
    assert!(
        lines.next().is_some_and(|l| l.starts_with("# @generated")),
        "{case}"
    );
    assert!(
        lines.next().is_some_and(|l| l.starts_with("format: ")),
        "{case}"
    );
    let first = md.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("<!-- @generated") && first.ends_with(" -->"),
        "{case}: {first}"
    );
    assert_eq!(first.matches("--").count(), 2, "{case}: {first}");
    assert!(!first.contains('<') || first.find('<') == Some(0), "{case}");
    markdown_is_inert(case, md);
}

/// Whether `html` opens a section's anchor as the emitter writes it:
/// `<a id="ID">`, the id an identifier of the language.
fn is_section_anchor(html: &str) -> bool {
    html.trim()
        .strip_prefix("<a id=\"")
        .and_then(|rest| rest.strip_suffix("\">"))
        .is_some_and(|id| {
            id.starts_with(|c: char| c.is_ascii_lowercase())
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

/// No HTML after the header comment but the sections' anchors, and links
/// only to anchors, http(s) and mailto.
fn markdown_is_inert(case: &str, md: &str) {
    let body = md.split_once('\n').map_or("", |(_, b)| b);
    let mut anchor_open = false;
    for event in Parser::new_ext(body, Options::ENABLE_TABLES) {
        match event {
            // An anchor: `<a id="ID">` and at once `</a>`, nothing inside.
            Event::InlineHtml(h) if !anchor_open && is_section_anchor(&h) => anchor_open = true,
            Event::InlineHtml(h) if anchor_open && &*h == "</a>" => anchor_open = false,
            Event::Html(h) | Event::InlineHtml(h) => panic!("{case}: live HTML {h:?}"),
            _ if anchor_open => panic!("{case}: an anchor holds {event:?}"),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let url = dest_url.to_ascii_lowercase();
                assert!(
                    ["#", "http://", "https://", "mailto:"]
                        .iter()
                        .any(|s| url.starts_with(s)),
                    "{case}: a link to {dest_url}"
                );
            }
            _ => {}
        }
    }
}

#[test]
fn hostile_file_names_inject_nothing() {
    let plain = build("plain", "v1.0.policy", MINIMAL, "minimal");
    let names = [
        (
            "newline",
            "a\npub fn injected_by_path() -> u32 { 42 }\n.policy",
        ),
        (
            "block-comment",
            "a */ pub fn injected_by_path() -> u32 { 42 } /* b/v1.0.policy",
        ),
        (
            "html-comment",
            "y--><img src=x onerror=alert(1)><!--.policy",
        ),
        ("yaml", "a\nformat: injected\n.policy"),
        ("bidi", "a\u{202E}ycilop.policy"),
    ];
    for (case, name) in names {
        let outputs = build(case, name, MINIMAL, "minimal");
        header_intact(case, &outputs);
        assert_eq!(pub_fns(&outputs[0]), pub_fns(&plain[0]), "{case}");
        // Only the header line differs from the same policy under a plain name.
        let rest = |s: &str| s.split_once('\n').map(|(_, r)| r.to_owned());
        assert_eq!(rest(&outputs[0]), rest(&plain[0]), "{case}: the Rust");
        assert!(!outputs[2].contains("<img"), "{case}: the Markdown");
    }
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name);
    std::fs::read_to_string(path).expect("a fixture")
}

#[test]
fn html_in_titles_and_prose_is_text() {
    let outputs = build(
        "html",
        "v1.0.policy",
        &fixture("html-in-titles.policy"),
        "hostile",
    );
    header_intact("html", &outputs);
    let md = &outputs[2];
    assert!(md.contains("&lt;img src=x onerror=alert(1)>"), "{md}");
    assert!(md.contains("&lt;script>"), "{md}");
}

#[test]
fn links_of_other_schemes_are_text() {
    let outputs = build(
        "links",
        "v1.0.policy",
        &fixture("javascript-links.policy"),
        "links",
    );
    header_intact("links", &outputs);
    let md = &outputs[2];
    assert!(md.contains("[the site](https://example.com)"), "{md}");
    assert!(md.contains("[mail](mailto:support@example.com)"), "{md}");
    assert!(md.contains("javascript:alert(document.cookie)"), "{md}");
}

/// The diff of two versions shows their HTML as text too: titles and cells
/// in the table of changes, words in the prose diff, ids from a tickets
/// file in the replay. A reviewer's pull-request page runs nothing.
#[test]
fn the_diff_of_hostile_versions_is_inert() {
    let old = fixture("html-in-titles.policy");
    let new = old
        .replace("version:   1.0", "version:   1.1")
        .replace("Overview <b", "Overview <i onclick=x>new</i> <b")
        .replace(
            "see <!-- a comment -->",
            "see <!-- another --> <img src=y onerror=alert(2)>",
        );
    let dir = std::env::temp_dir().join(format!("policyc-hostile-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("makes a directory");
    std::fs::write(dir.join("a.policy"), &old).expect("writes");
    std::fs::write(dir.join("b.policy"), &new).expect("writes");
    std::fs::write(
        dir.join("tickets.csv"),
        "id,tier,severity,submitted\ncase-1,<img src=z onerror=alert(3)>,sev-1,2026-06-01T10:00:00Z\n",
    )
    .expect("writes");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["diff", "a.policy", "b.policy", "--format", "markdown"])
        .arg("--replay")
        .arg("tickets.csv")
        .current_dir(&dir)
        .output()
        .expect("runs policyc");
    let _ = std::fs::remove_dir_all(&dir);
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains("### Prose"),
        "{md}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(md.contains("&lt;i onclick=x>new&lt;/i>"), "{md}");
    assert!(md.contains("&lt;img src=z onerror=alert(3)>"), "{md}");
    // The diff's own HTML is only <details>, <summary> and <br>; links
    // only to anchors, http(s) and mailto.
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                let tag = h.trim().trim_start_matches("</").trim_start_matches('<');
                assert!(
                    ["details>", "summary>", "br>"]
                        .iter()
                        .any(|t| tag.starts_with(t)),
                    "live HTML {h:?} in\n{md}"
                );
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                panic!("a link to {dest_url} in\n{md}")
            }
            _ => {}
        }
    }
}
