//! The pictures of the website (`site::pictures`): what each draws, read
//! back from the SVG's data attributes (numbers, not pixels), against
//! hand-computed deadlines; agreement with the diff's classes on every
//! shipped pair; escaping, accessibility and determinism.

#![cfg(feature = "site")]

use policyc::diff::{self, Change, Class};
use policyc::facts::Valid;
use policyc::schema::Kind;
use policyc::site::pictures::{coverage, heatmaps};
use std::collections::BTreeMap;
use std::path::Path;

/// The small policy of the diff fixtures: tiers `basic` (on the calendar
/// `office-hours`, Europe/Stockholm, Mon–Fri 09:00–17:00, New Year's Day
/// and Christmas Day) and `premium` (24x7); effective 2026-06.
const BASE: &str = include_str!("fixtures/diff/calendar-hours-longer/old.policy");

/// The shipped versions, oldest first.
const SHIPPED: [(&str, &[&str]); 6] = [
    ("atlassian", &["v1.0"]),
    ("clickhouse", &["v1.0", "v2.0"]),
    ("cockroachlabs", &["v1.0"]),
    ("customer-support", &["v1.0", "v1.1"]),
    ("github", &["v1.0", "v1.1"]),
    ("redhat", &["v1.0"]),
];

fn valid(source: &str) -> Valid {
    let checked = policyc::check_source(source);
    assert!(!checked.has_errors(), "{:#?}", checked.diagnostics);
    checked.into_valid().expect("a valid policy")
}

/// A shipped policy, read with the shared files of its directory.
fn shipped(dir: &str, version: &str) -> Valid {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("policies")
        .join(dir)
        .join(format!("{version}.policy"));
    let bytes = std::fs::read(&path).expect("a shipped policy");
    let (_, checked) = policyc::check_bytes_with(&bytes, &policyc::files::read_beside(&path));
    checked.into_valid().expect("the shipped policy is valid")
}

/// `BASE` with every `from` replaced by `to`, checked.
fn edited(source: &str, edits: &[(&str, &str)]) -> String {
    let mut out = source.to_owned();
    for (from, to) in edits {
        assert!(out.contains(from), "`{from}` is in the fixture");
        out = out.replace(from, to);
    }
    out
}

/// The attributes of every element `<name ...>` holding `key`.
fn elements(svg: &str, name: &str, key: &str) -> Vec<BTreeMap<String, String>> {
    let mut out = Vec::new();
    for chunk in svg.split(&format!("<{name} ")).skip(1) {
        let tag = &chunk[..chunk.find('>').expect("a closed tag")];
        let mut attrs = BTreeMap::new();
        let mut rest = tag;
        while let Some(eq) = rest.find("=\"") {
            let key = rest[..eq].trim().to_owned();
            let after = &rest[eq + 2..];
            let end = after.find('"').expect("a closed value");
            attrs.insert(key, after[..end].to_owned());
            rest = &after[end + 1..];
        }
        if attrs.contains_key(key) {
            out.push(attrs);
        }
    }
    out
}

/// The heatmap cells of an SVG: (day, hour) -> minutes (`None`: no
/// deadline), for each target drawn, in order.
fn cells(svg: &str) -> Vec<BTreeMap<(String, u32), Option<i64>>> {
    let mut panels = Vec::new();
    for panel in svg.split("<g class=\"policyc-target\"").skip(1) {
        let mut map = BTreeMap::new();
        for rect in elements(panel, "rect", "data-shift-minutes") {
            let hour: u32 = rect["data-hour"].parse().expect("an hour");
            let minutes = match rect["data-shift-minutes"].as_str() {
                "none" => None,
                m => Some(m.parse::<i64>().expect("minutes")),
            };
            map.insert((rect["data-day"].clone(), hour), minutes);
        }
        panels.push(map);
    }
    panels
}

/// Whether the XML is balanced: every element closed in order, no raw
/// `<` or `&` in text (a parser's first checks, without a parser crate).
fn well_formed(svg: &str) -> Result<(), String> {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..];
            let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| entity.starts_with(e));
            if !ok {
                return Err(format!("a raw `&` in {text:?}"));
            }
        }
        let close = rest[open..].find('>').ok_or("an unclosed tag")? + open;
        let tag = &rest[open + 1..close];
        if tag.contains('<') {
            return Err(format!("a `<` inside the tag {tag:?}"));
        }
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(top) if top == name => {}
                other => return Err(format!("`</{name}>` closes {other:?}")),
            }
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().ok_or("an empty tag")?;
            stack.push(name);
        }
        rest = &rest[close + 1..];
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("unclosed: {stack:?}"))
    }
}

/// The heatmap of the one change at `location`.
fn heatmap_of(old: &Valid, new: &Valid, location: &str) -> (Change, String) {
    let d = diff::diff(old, new);
    let index = d
        .changes
        .iter()
        .position(|c| c.location() == location)
        .unwrap_or_else(|| panic!("no change at {location}: {:#?}", d.changes));
    let maps = heatmaps(old, new, &d.changes);
    let svg = maps
        .into_iter()
        .find(|(i, _)| *i == index)
        .map(|(_, svg)| svg)
        .unwrap_or_else(|| panic!("no heatmap for {location}"));
    (d.changes[index].clone(), svg)
}

#[test]
fn a_slower_24x7_target_moves_every_deadline_four_hours_later() {
    let old = valid(BASE);
    let new = valid(&edited(
        BASE,
        &[(
            "| sev-2 | 1 business day | 4 hours 24x7 |",
            "| sev-2 | 1 business day | 8 hours 24x7 |",
        )],
    ));
    let (change, svg) = heatmap_of(&old, &new, "response-time[sev-2, premium]");
    assert_eq!(change.class, Class::Reduction);
    let panels = cells(&svg);
    assert_eq!(panels.len(), 1);
    assert_eq!(panels[0].len(), 7 * 24);
    // 4 hours to 8 hours around the clock: every ticket's deadline 4 h
    // later, whatever the hour.
    assert!(
        panels[0].values().all(|m| *m == Some(240)),
        "{:?}",
        panels[0]
    );
    // The week: the first after the effective date (2026-06, a Monday)
    // without a holiday, in the calendar's zone.
    assert!(svg.contains("week of Monday 2026-06-08 (time zone Europe/Stockholm)"));
    // A 24x7 target stops on no holiday: no year strip.
    assert!(!svg.contains("policyc-year"));
    well_formed(&svg).unwrap();
}

/// `BASE` with 8-business-hour targets on the calendar (a business day's
/// length does not depend on the hours).
fn eight_business_hours() -> String {
    edited(
        BASE,
        &[
            ("| sev-1 | 1 business day |", "| sev-1 | 8 business hours |"),
            ("| sev-2 | 1 business day |", "| sev-2 | 8 business hours |"),
            (
                "response-target: 1 business day",
                "response-target: 8 business hours",
            ),
        ],
    )
}

#[test]
fn opening_at_eight_moves_deadlines_an_hour_earlier_except_at_nine() {
    let before = eight_business_hours();
    let after = edited(
        &before,
        &[("open: mon-fri 09:00-17:00", "open: mon-fri 08:00-17:00")],
    );
    let (old, new) = (valid(&before), valid(&after));
    let (change, svg) = heatmap_of(&old, &new, "calendar office-hours: open");
    assert_eq!(change.class, Class::Extension);
    let panels = cells(&svg);
    assert_eq!(panels.len(), 1, "one target runs on the calendar");
    // Hand-computed, 8 business hours: submitted Mon 10:00, due Tue 10:00
    // before (7 h Monday, 1 h from 09:00) and Tue 09:00 after (from
    // 08:00): an hour earlier. Submitted at night or at the weekend, the
    // clock starts an hour earlier: due 16:00 instead of 17:00. Submitted
    // at 09:00 on a weekday, due 17:00 the same day in both.
    for ((day, hour), minutes) in &panels[0] {
        let weekday = !matches!(day.as_str(), "Sat" | "Sun");
        let expected = if weekday && *hour == 9 { 0 } else { -60 };
        assert_eq!(*minutes, Some(expected), "{day} {hour}:00");
    }
    assert_eq!(panels[0].len(), 168);
    // The holidays of 2026, the same in both versions.
    let days = elements(&svg, "rect", "data-holiday");
    let marked: Vec<(&str, &str)> = days
        .iter()
        .filter(|d| d["data-holiday"] != "open" && d["data-holiday"] != "weekend")
        .map(|d| (d["data-date"].as_str(), d["data-holiday"].as_str()))
        .collect();
    assert_eq!(marked, [("2026-01-01", "both"), ("2026-12-25", "both")]);
    assert_eq!(days.len(), 365);
    well_formed(&svg).unwrap();
}

#[test]
fn a_holiday_added_shows_the_week_it_falls_in_and_is_marked_added() {
    let before = eight_business_hours();
    let after = edited(
        &before,
        &[(
            "        holiday christmas-day \"Christmas Day\"  { on: 12-25 }\n",
            "        holiday christmas-day \"Christmas Day\"  { on: 12-25 }\n        holiday midsummer-eve \"Midsummer Eve\" { on: 06-19 }\n",
        )],
    );
    let (old, new) = (valid(&before), valid(&after));
    let (change, svg) = heatmap_of(&old, &new, "holiday midsummer-eve");
    assert_eq!(change.class, Class::Reduction);
    // 2026-06-19 is a Friday: its week, from Monday 2026-06-15.
    assert!(svg.contains("week of Monday 2026-06-15"), "{svg}");
    let panel = &cells(&svg)[0];
    let at = |day: &str, hour: u32| panel[&(day.to_owned(), hour)];
    // Thursday 10:00: due Friday 10:00 before; Friday closed, so Monday
    // 10:00 after: 72 h later.
    assert_eq!(at("Thu", 10), Some(72 * 60));
    // Friday 10:00: due Monday 10:00 before (7 h Friday, 1 h Monday);
    // Monday 17:00 after: 7 h later.
    assert_eq!(at("Fri", 10), Some(7 * 60));
    // Thursday 09:00: due Thursday 17:00 in both.
    assert_eq!(at("Thu", 9), Some(0));
    // Monday to Wednesday 09:00, nothing reaches Friday.
    assert_eq!(at("Mon", 9), Some(0));
    // A holiday added never brings a deadline earlier.
    assert!(panel.values().flatten().all(|m| *m >= 0));
    let days = elements(&svg, "rect", "data-holiday");
    let added: Vec<&str> = days
        .iter()
        .filter(|d| d["data-holiday"] == "added")
        .map(|d| d["data-date"].as_str())
        .collect();
    assert_eq!(added, ["2026-06-19"]);
    assert!(svg.contains("Midsummer Eve 2026-06-19"));
}

#[test]
fn a_tier_moved_to_later_hours_moves_its_unchanged_targets_both_ways() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff/tier-moved-calendar");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("a fixture");
    let (old, new) = (valid(&read("old.policy")), valid(&read("new.policy")));
    // Basic's 1 business day, from Mon–Fri 09:00–17:00 to 12:00–20:00
    // (Stockholm), the week of Monday 2026-07-06 (effective 2026-07).
    let (change, svg) = heatmap_of(&old, &new, "tier basic: hours");
    assert_eq!(change.class, Class::Mixed);
    assert!(svg.contains("week of Monday 2026-07-06"), "{svg}");
    let panels = cells(&svg);
    assert_eq!(panels.len(), 1, "one target, each clock and amount once");
    let at = |day: &str, hour: u32| panels[0][&(day.to_owned(), hour)];
    // Monday 10:00: Tuesday 10:00 before (7 h, then 1 h from 09:00);
    // Monday 20:00 after (from 12:00): 14 h earlier.
    assert_eq!(at("Mon", 10), Some(-14 * 60));
    // Monday 13:00: Tuesday 13:00 in both (4 h + 4 h; 7 h + 1 h).
    assert_eq!(at("Mon", 13), Some(0));
    // Monday 18:00: Tuesday 17:00 before; Tuesday 18:00 after (2 h Monday,
    // 6 h Tuesday from 12:00): 1 h later.
    assert_eq!(at("Mon", 18), Some(60));
    // Saturday noon: Monday 17:00 before, Monday 20:00 after.
    assert_eq!(at("Sat", 12), Some(3 * 60));
    // The old calendar's holidays are gone with it: New Year's Day and
    // Christmas Day of 2026 are marked removed (deadlines earlier).
    let removed: Vec<String> = elements(&svg, "rect", "data-holiday")
        .into_iter()
        .filter(|d| d["data-holiday"] == "removed")
        .map(|d| d["data-date"].clone())
        .collect();
    assert_eq!(removed, ["2026-01-01", "2026-12-25"]);
}

#[test]
fn many_holiday_changes_stay_fast() {
    // A calendar with 312 holidays (every day from the 2nd to the 27th of
    // each month), every one moved a day: 312 changes of one calendar,
    // one heatmap each, whose deadlines are computed once.
    let holidays = |shift: u32| {
        (0..312)
            .map(|i| {
                let (month, day) = (1 + i % 12, 2 + i / 12 + shift);
                format!("        holiday h{i} \"Holiday {i}\" {{ on: {month:02}-{day:02} }}\n")
            })
            .collect::<String>()
    };
    let with = |shift: u32| {
        let base = eight_business_hours();
        edited(
            &base,
            &[(
                "        holiday christmas-day \"Christmas Day\"  { on: 12-25 }\n",
                &holidays(shift),
            )],
        )
    };
    let (old, new) = (valid(&with(0)), valid(&with(1)));
    let d = diff::diff(&old, &new);
    let started = std::time::Instant::now();
    let maps = heatmaps(&old, &new, &d.changes);
    let took = started.elapsed();
    assert_eq!(maps.len(), 312);
    assert!(took < std::time::Duration::from_secs(10), "{took:?}");
    let first = &maps[0].1;
    well_formed(first).unwrap();
}

#[test]
fn heatmaps_agree_with_the_diff_on_every_shipped_pair() {
    let mut drawn = 0;
    for (dir, versions) in SHIPPED {
        let valids: Vec<Valid> = versions.iter().map(|v| shipped(dir, v)).collect();
        for pair in valids.windows(2) {
            let d = diff::diff(&pair[0], &pair[1]);
            for (index, svg) in heatmaps(&pair[0], &pair[1], &d.changes) {
                let change = &d.changes[index];
                well_formed(&svg).unwrap_or_else(|e| panic!("{dir} {}: {e}", change.location()));
                let moves: Vec<i64> = cells(&svg)
                    .iter()
                    .flat_map(|p| p.values().flatten().copied())
                    .collect();
                assert!(!moves.is_empty());
                let (earlier, later) = (moves.iter().any(|m| *m < 0), moves.iter().any(|m| *m > 0));
                match change.class {
                    Class::Reduction => assert!(!earlier, "{dir} {}", change.location()),
                    Class::Extension => assert!(!later, "{dir} {}", change.location()),
                    Class::Editorial => assert!(!earlier && !later),
                    Class::Mixed => {}
                }
                drawn += 1;
            }
        }
    }
    // customer-support: three changed cells; clickhouse: the calendar's
    // hours and zone; github: Independence Day's date.
    assert_eq!(drawn, 6);
}

/// The heatmaps of a pair agree with the diff's classes and are well
/// formed; how many were drawn.
fn agreeing_heatmaps(name: &str, old: &Valid, new: &Valid) -> usize {
    let d = diff::diff(old, new);
    let maps = heatmaps(old, new, &d.changes);
    for (index, svg) in &maps {
        let change = &d.changes[*index];
        let at = format!("{name}: {}", change.location());
        well_formed(svg).unwrap_or_else(|e| panic!("{at}: {e}"));
        accessible(svg);
        let moves: Vec<i64> = cells(svg)
            .iter()
            .flat_map(|p| p.values().flatten().copied())
            .collect();
        match change.class {
            Class::Reduction => assert!(moves.iter().all(|m| *m >= 0), "{at}"),
            Class::Extension => assert!(moves.iter().all(|m| *m <= 0), "{at}"),
            Class::Editorial => assert!(moves.iter().all(|m| *m == 0), "{at}"),
            Class::Mixed => {}
        }
    }
    maps.len()
}

#[test]
fn every_diff_fixture_and_valid_fixture_draws() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut pairs: Vec<_> = std::fs::read_dir(root.join("diff"))
        .expect("the diff fixtures")
        .map(|e| e.expect("an entry").path())
        .collect();
    pairs.sort();
    let mut drawn = Vec::new();
    for dir in pairs {
        let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("a fixture");
        let (old, new) = (
            policyc::check_source(&read("old.policy")).into_valid(),
            policyc::check_source(&read("new.policy")).into_valid(),
        );
        let (Some(old), Some(new)) = (old, new) else {
            continue;
        };
        let name = dir
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        // Reversed too: every change seen from the other side.
        let n = agreeing_heatmaps(&name, &old, &new) + agreeing_heatmaps(&name, &new, &old);
        if n > 0 {
            drawn.push(name);
        }
    }
    // The fixtures whose targets or clocks change, and only those.
    assert_eq!(
        drawn,
        [
            "added-holiday",
            "business-day-to-24x7",
            "business-day-to-sixteen-hours",
            "calendar-hours-longer",
            "effective-not-later",
            "faster-target",
            "minor-ten",
            "same-deadlines",
            "slower-target",
            "tier-moved-calendar",
            "version-not-bumped",
        ]
    );
    let mut valid: Vec<_> = std::fs::read_dir(root.join("valid"))
        .expect("the valid fixtures")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "policy"))
        .collect();
    valid.sort();
    for path in valid {
        let source = std::fs::read_to_string(&path).expect("a fixture");
        let Some(policy) = policyc::check_source(&source).into_valid() else {
            continue;
        };
        for tier in policy.policy().of_kind(Kind::Tier) {
            if let Some(svg) = coverage(&policy, tier.id.as_str()) {
                well_formed(&svg).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                accessible(&svg);
            }
        }
        // A policy against itself: nothing moves, nothing drawn.
        assert_eq!(agreeing_heatmaps("itself", &policy, &policy), 0);
    }
}

#[test]
fn the_shipped_targets_that_change_get_the_hand_computed_moves() {
    let (old, new) = (
        shipped("customer-support", "v1.0"),
        shipped("customer-support", "v1.1"),
    );
    // Enterprise SEV-3: 1 business day (Mon–Fri 09:00–17:00 Stockholm)
    // to 8 hours 24x7. Submitted Monday 10:00: due Tuesday 10:00 before,
    // Monday 18:00 after: 16 h earlier. Monday 09:00: 17:00 in both.
    // Friday 10:00: Monday 10:00 before, Friday 18:00 after: 64 h earlier.
    let (change, svg) = heatmap_of(&old, &new, "response-time[sev-3, enterprise]");
    assert_eq!(change.class, Class::Extension);
    let panel = &cells(&svg)[0];
    assert_eq!(panel[&("Mon".to_owned(), 10)], Some(-16 * 60));
    assert_eq!(panel[&("Mon".to_owned(), 9)], Some(0));
    assert_eq!(panel[&("Fri".to_owned(), 10)], Some(-64 * 60));
    // Sunday 23:00: Monday 17:00 before, Monday 07:00 after.
    assert_eq!(panel[&("Sun".to_owned(), 23)], Some(-10 * 60));
}

#[test]
fn coverage_shades_the_hours_each_clock_runs() {
    let policy = shipped("customer-support", "v1.0");
    // Enterprise: SEV-1 and SEV-2 24x7, SEV-3 and SEV-4 on business hours.
    let svg = coverage(&policy, "enterprise").expect("targets");
    well_formed(&svg).unwrap();
    let groups = elements(&svg, "g", "data-clock");
    let groups: Vec<(&str, &str)> = groups
        .iter()
        .map(|g| (g["data-clock"].as_str(), g["data-severities"].as_str()))
        .collect();
    assert_eq!(
        groups,
        [("24x7", "sev-1 sev-2"), ("business", "sev-3 sev-4")]
    );
    let spans = elements(&svg, "rect", "data-open-minute");
    let spans: Vec<(&str, &str, &str)> = spans
        .iter()
        .map(|s| {
            (
                s["data-day"].as_str(),
                s["data-open-minute"].as_str(),
                s["data-close-minute"].as_str(),
            )
        })
        .collect();
    let around = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map(|d| (d, "0", "1440"));
    let office = ["Mon", "Tue", "Wed", "Thu", "Fri"].map(|d| (d, "540", "1020"));
    assert_eq!(spans, [&around[..], &office[..]].concat());
    assert!(svg.contains("time zone Europe/Stockholm"));
    // Advanced: one business grid; the zone and the hours in words.
    let svg = coverage(&policy, "advanced").expect("targets");
    assert_eq!(elements(&svg, "rect", "data-open-minute").len(), 5);
    assert!(svg.contains("Monday 09:00–17:00"));
    // Community: best effort, a clock that never runs: no grid.
    let svg = coverage(&policy, "community").expect("targets");
    assert_eq!(elements(&svg, "rect", "data-open-minute").len(), 0);
    assert!(svg.contains("data-clock=\"best-effort\""));
}

#[test]
fn coverage_follows_calendars_per_target_and_tiers_without_targets() {
    // Atlassian Premium: L1 24x7, L2 on the 24/5 week of Los Angeles
    // (Sunday 17:00 to Friday 17:00), L3 and L4 on regional hours in the
    // customer's zone.
    let policy = shipped("atlassian", "v1.0");
    let svg = coverage(&policy, "premium").expect("targets");
    let groups = elements(&svg, "g", "data-clock");
    let clocks: Vec<&str> = groups.iter().map(|g| g["data-clock"].as_str()).collect();
    assert_eq!(clocks, ["24x7", "business", "business"]);
    assert!(svg.contains("time zone America/Los_Angeles"));
    assert!(svg.contains("in the customer&#39;s time zone"));
    let sunday: Vec<(String, String)> = elements(&svg, "rect", "data-open-minute")
        .into_iter()
        .filter(|s| s["data-day"] == "Sun")
        .map(|s| {
            (
                s["data-open-minute"].clone(),
                s["data-close-minute"].clone(),
            )
        })
        .collect();
    assert_eq!(
        sunday,
        [
            ("0".to_owned(), "1440".to_owned()),
            ("1020".to_owned(), "1440".to_owned())
        ]
    );
    // GitHub's community tier has no target (`n/a`): no picture; nor has
    // an id that is no tier.
    let github = shipped("github", "v1.0");
    assert!(coverage(&github, "community-support").is_none());
    assert!(coverage(&github, "no-such-tier").is_none());
    assert!(coverage(&github, "premium").is_some());
    // ClickHouse v1.0 states resolution efforts only, all best effort: the
    // picture names the metric, and no clock runs.
    let clickhouse = shipped("clickhouse", "v1.0");
    let svg = coverage(&clickhouse, "subscription").expect("targets");
    assert!(svg.contains("When the clock runs for Subscription (Resolution)"));
    let clocks: Vec<String> = elements(&svg, "g", "data-clock")
        .into_iter()
        .map(|g| g["data-clock"].clone())
        .collect();
    assert_eq!(clocks, ["best-effort"]);
    assert!(!svg.contains("policyc-legend"), "no grid, no legend");
    // Cockroach Labs' calendars are each customer's order form's: the
    // clocks are said in words, with no hours to draw.
    let cockroach = shipped("cockroachlabs", "v1.0");
    let svg = coverage(&cockroach, "enterprise").expect("targets");
    assert!(svg.contains("which each customer&#39;s order form sets"));
    assert_eq!(elements(&svg, "rect", "data-open-minute").len(), 0);
    assert!(!svg.contains("policyc-legend"));
}

#[test]
fn every_shipped_tier_gets_an_accessible_deterministic_picture() {
    let mut drawn = 0;
    for (dir, versions) in SHIPPED {
        for version in versions {
            let policy = shipped(dir, version);
            for tier in policy.policy().of_kind(Kind::Tier) {
                let Some(svg) = coverage(&policy, tier.id.as_str()) else {
                    continue;
                };
                drawn += 1;
                well_formed(&svg).unwrap_or_else(|e| panic!("{dir} {}: {e}", tier.id.as_str()));
                accessible(&svg);
                assert_eq!(Some(svg), coverage(&policy.clone(), tier.id.as_str()));
            }
        }
    }
    assert!(drawn >= 25, "{drawn}");
}

/// `role="img"`, a title and a description named by `aria-labelledby`,
/// the print note, and nothing fetched from outside.
fn accessible(svg: &str) {
    let root = &elements(svg, "svg", "role")[0];
    assert_eq!(root["role"], "img");
    for id in root["aria-labelledby"].split(' ') {
        assert!(svg.contains(&format!("id=\"{id}\">")), "{id}");
    }
    assert!(svg.contains("<title id="));
    assert!(svg.contains("<desc id="));
    assert!(root["style"].contains("print-color-adjust: exact"));
    for outside in [
        "href",
        "url(",
        "@import",
        "<script",
        "<image",
        "<foreignObject",
    ] {
        assert!(!svg.contains(outside), "{outside}");
    }
}

#[test]
fn policy_text_is_escaped() {
    let source = edited(
        BASE,
        &[
            (
                "severity sev-1 \"Critical\"",
                "severity sev-1 \"<script>alert('x')</script> & \\\"Co\\\"\"",
            ),
            (
                "tier premium \"Premium\"",
                "tier premium \"Premium <b>&amp;</b>\"",
            ),
        ],
    );
    let policy = valid(&source);
    let svg = coverage(&policy, "premium").expect("targets");
    well_formed(&svg).unwrap();
    accessible(&svg);
    assert!(!svg.contains("<script"));
    assert!(!svg.contains("<b>"));
    assert!(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"));
    assert!(svg.contains("Premium &lt;b&gt;&amp;amp;&lt;/b&gt;"));
}

#[test]
fn snapshots() {
    let policy = shipped("customer-support", "v1.0");
    insta::assert_snapshot!(
        "coverage_customer_support_advanced",
        coverage(&policy, "advanced").expect("targets")
    );
    let before = eight_business_hours();
    let after = edited(
        &before,
        &[("open: mon-fri 09:00-17:00", "open: mon-fri 08:00-17:00")],
    );
    let (_, svg) = heatmap_of(
        &valid(&before),
        &valid(&after),
        "calendar office-hours: open",
    );
    insta::assert_snapshot!("heatmap_office_opens_at_eight", svg);
}
