//! What the pictures share: the week grid's axes (days down, hours
//! across), the root element with its text alternative, and wrapping text
//! that SVG does not wrap.

use super::palette::{INK, MUTED};
use super::svg::{px, Svg};
use chrono::Weekday;

/// Monday to Sunday, the rows of a week grid.
pub const DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// The short name of a day: `Mon`.
pub fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

/// The font of every picture: the reader's own sans-serif (no web font).
pub const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/// Pixels per character of 11 px text, bold, generously: for wrapping.
const CHAR_WIDTH: f64 = 7.0;

/// `text` in lines that fit `width` pixels at 11 px (a word longer than a
/// line gets a line of its own).
pub fn wrap(text: &str, width: f64) -> Vec<String> {
    let per_line = ((width / CHAR_WIDTH) as usize).max(10);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > per_line {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Writes `lines` from `y` (their first baseline) down, 15 px apart;
/// returns the `y` below them.
pub fn lines(svg: &mut Svg, x: f64, y: f64, lines: &[String], bold: bool, fill: &str) -> f64 {
    let mut y = y;
    for line in lines {
        let (x, yy) = (px(x), px(y));
        let mut attrs = vec![("x", x.as_str()), ("y", yy.as_str()), ("fill", fill)];
        if bold {
            attrs.push(("font-weight", "bold"));
        }
        svg.text("text", &attrs, line);
        y += 15.0;
    }
    y
}

/// The axes of a week grid whose top-left cell is at (`x`, `y`): the hours
/// `0`..`23` above, the days `Mon`..`Sun` to the left, and the hour axis's
/// unit.
pub fn axes(svg: &mut Svg, x: f64, y: f64, cell_w: f64, cell_h: f64) {
    svg.open(
        "g",
        &[("font-size", "9"), ("fill", MUTED), ("aria-hidden", "true")],
    );
    for hour in 0..24 {
        let cx = px(x + cell_w * (hour as f64 + 0.5));
        let cy = px(y - 4.0);
        svg.text(
            "text",
            &[("x", &cx), ("y", &cy), ("text-anchor", "middle")],
            &hour.to_string(),
        );
    }
    let unit_x = px(x + cell_w * 24.0 + 3.0);
    let unit_y = px(y - 4.0);
    svg.text("text", &[("x", &unit_x), ("y", &unit_y)], "h");
    for (row, day) in DAYS.iter().enumerate() {
        let tx = px(x - 6.0);
        let ty = px(y + cell_h * (row as f64) + cell_h * 0.5 + 3.5);
        svg.text(
            "text",
            &[
                ("x", &tx),
                ("y", &ty),
                ("text-anchor", "end"),
                ("fill", INK),
            ],
            day_name(*day),
        );
    }
    svg.close("g");
}

/// Opens the root `<svg>` of a picture `width` × `height` px, with its
/// accessible name (`title`) and description (`desc`), referenced by
/// `aria-labelledby` under ids made from `id`; close it with
/// `svg.close("svg")`.
pub fn root(svg: &mut Svg, class: &str, id: &str, size: (f64, f64), title: &str, desc: &str) {
    let (w, h) = (px(size.0), px(size.1));
    let view_box = format!("0 0 {w} {h}");
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    let class = format!("policyc-picture {class}");
    svg.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("role", "img"),
            ("class", &class),
            ("viewBox", &view_box),
            ("width", &w),
            ("height", &h),
            ("aria-labelledby", &labelled),
            ("font-family", FONT),
            ("font-size", "11"),
            // Printed as on screen, fills included.
            (
                "style",
                "print-color-adjust: exact; -webkit-print-color-adjust: exact; max-width: 100%; height: auto",
            ),
        ],
    );
    svg.text("title", &[("id", &title_id)], title);
    svg.text("desc", &[("id", &desc_id)], desc);
    // The page's background, so that the picture reads the same on a dark
    // page and in print.
    svg.empty(
        "rect",
        &[("width", &w), ("height", &h), ("fill", "#ffffff")],
    );
}
