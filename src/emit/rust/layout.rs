//! Laying out Rust source the way rustfmt (edition 2021, default
//! configuration) would, for the few shapes of expression the emitter
//! writes: paths, string literals, calls, references, arrays and struct
//! literals, placed in match arms, `const`/`static` items and statements.
//!
//! The rules follow rustfmt's: `max_width` 100, `fn_call_width` 60,
//! `array_width` 60, `struct_lit_width` 18, block indent of 4 spaces, a
//! single argument that is a call, array or struct literal overflows its
//! parentheses, short simple array items share lines, and a match arm's
//! body moves into a block on the next line when that reads better. Long
//! string literals are split with `\` continuations, which rustfmt keeps
//! as written.

/// The widest line rustfmt allows.
const MAX_WIDTH: usize = 100;

thread_local! {
    /// Columns taken by the blocks the output is nested in (a version's
    /// `pub mod v1_0 { .. }` in the Builder's file): its lines are laid out
    /// this much narrower and indented by it afterwards, which is what
    /// rustfmt gives for the nested items.
    static MARGIN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The widest line, left of the margin.
pub fn max_width() -> usize {
    MAX_WIDTH - MARGIN.with(std::cell::Cell::get)
}

/// Runs `f` with lines laid out `margin` columns narrower.
pub fn with_margin<T>(margin: usize, f: impl FnOnce() -> T) -> T {
    let before = MARGIN.with(|m| m.replace(margin));
    let out = f();
    MARGIN.with(|m| m.set(before));
    out
}
const FN_CALL_WIDTH: usize = 60;
const ARRAY_WIDTH: usize = 60;
const STRUCT_LIT_WIDTH: usize = 18;
const SHORT_ARRAY_ELEMENT: usize = 10;

/// An expression to lay out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    /// A path, a number or any other token that is never broken.
    Atom(String),
    /// A string literal, given unescaped.
    Str(String),
    /// `path(args)`.
    Call(String, Vec<Expr>),
    /// `&expr`.
    Ref(Box<Expr>),
    /// `[items]`.
    Array(Vec<Expr>),
    /// `Path { field: value, .. }`.
    Struct(String, Vec<(String, Expr)>),
}

impl Expr {
    /// An atom.
    pub fn atom(text: impl Into<String>) -> Expr {
        Expr::Atom(text.into())
    }

    /// A call.
    pub fn call(path: impl Into<String>, args: Vec<Expr>) -> Expr {
        Expr::Call(path.into(), args)
    }

    /// `&[items]`.
    pub fn slice(items: Vec<Expr>) -> Expr {
        Expr::Ref(Box::new(Expr::Array(items)))
    }

    /// `Some(self)`.
    pub fn some(self) -> Expr {
        Expr::call("Some", vec![self])
    }

    /// The expression on one line, however long.
    pub fn flat(&self) -> String {
        match self {
            Expr::Atom(a) => a.clone(),
            Expr::Str(s) => literal(s),
            Expr::Call(path, args) => format!("{path}({})", join(args)),
            Expr::Ref(inner) => format!("&{}", inner.flat()),
            Expr::Array(items) => format!("[{}]", join(items)),
            Expr::Struct(path, fields) if fields.is_empty() => format!("{path} {{}}"),
            Expr::Struct(path, fields) => format!("{path} {{ {} }}", struct_fields(fields)),
        }
    }

    /// Whether rustfmt counts it as simple: a literal or a one-segment path.
    fn is_simple(&self) -> bool {
        match self {
            Expr::Atom(a) => !a.contains("::") && !a.contains('('),
            Expr::Str(_) => true,
            _ => false,
        }
    }

    /// Whether rustfmt lets it overflow the parentheses of a call with a
    /// single argument (and keeps it beside a match arm's `=>`).
    fn overflows(&self) -> bool {
        match self {
            Expr::Call(..) | Expr::Array(_) | Expr::Struct(..) => true,
            Expr::Ref(inner) => inner.overflows(),
            Expr::Atom(_) | Expr::Str(_) => false,
        }
    }
}

fn join(items: &[Expr]) -> String {
    items.iter().map(Expr::flat).collect::<Vec<_>>().join(", ")
}

fn struct_fields(fields: &[(String, Expr)]) -> String {
    fields
        .iter()
        .map(|(name, value)| format!("{name}: {}", value.flat()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The display width of `text`, as rustfmt counts it (one column per
/// character; policies are not expected to hold wide characters where
/// it matters).
pub fn width(text: &str) -> usize {
    text.chars().count()
}

/// A string literal with Rust escapes.
pub fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    out.push('"');
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        c => out.push(c),
    }
}

/// Where an expression goes: the indent of the block it is in, and the
/// width left on its first line.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// Indent of the block the expression is in.
    pub indent: usize,
    /// Width left on the first line.
    pub first: usize,
}

impl Shape {
    /// An expression starting at `indent`, leaving `reserve` columns at
    /// the end of the line (for `,` or `;`).
    pub fn line(indent: usize, reserve: usize) -> Shape {
        Shape {
            indent,
            first: max_width().saturating_sub(indent + reserve),
        }
    }

    fn shrink(self, columns: usize) -> Shape {
        Shape {
            indent: self.indent,
            first: self.first.saturating_sub(columns),
        }
    }
}

/// Lays out `expr`: the first line without indent, the others with their
/// full indentation. `None` when it cannot fit.
pub fn layout(expr: &Expr, shape: Shape) -> Option<Vec<String>> {
    let flat = expr.flat();
    match expr {
        Expr::Atom(_) => (width(&flat) <= shape.first).then(|| vec![flat]),
        Expr::Str(text) => {
            if width(&flat) <= shape.first {
                Some(vec![flat])
            } else {
                split_literal(text, shape.first, shape.indent + 1)
            }
        }
        Expr::Ref(inner) => {
            let mut lines = layout(inner, shape.shrink(1))?;
            prepend(&mut lines, "&");
            Some(lines)
        }
        Expr::Call(path, args) => layout_call(path, args, shape, &flat),
        Expr::Array(items) => layout_array(items, shape),
        Expr::Struct(path, fields) => layout_struct(path, fields, shape),
    }
}

/// Puts `text` before the first line.
fn prepend(lines: &mut [String], text: &str) {
    if let Some(first) = lines.first_mut() {
        first.insert_str(0, text);
    }
}

fn single_line(lines: &[String]) -> bool {
    lines.len() == 1
}

fn layout_call(path: &str, args: &[Expr], shape: Shape, flat: &str) -> Option<Vec<String>> {
    let content = join(args);
    let limit = if args.len() == 1 {
        usize::MAX
    } else {
        FN_CALL_WIDTH
    };
    if width(flat) <= shape.first && width(&content) <= limit && args.iter().all(stays_flat) {
        return Some(vec![flat.to_owned()]);
    }
    let open = format!("{path}(");
    if let [only] = args {
        if only.overflows() {
            let inner = Shape {
                indent: shape.indent,
                first: shape.first.saturating_sub(width(&open) + 1),
            };
            if let Some(mut lines) = layout(only, inner) {
                if lines.len() > 1 {
                    prepend(&mut lines, &open);
                    if let Some(last) = lines.last_mut() {
                        last.push(')');
                    }
                    return Some(lines);
                }
            }
        }
    }
    if width(&open) > shape.first {
        return None;
    }
    let mut lines = vec![open];
    vertical_items(args, shape.indent, &mut lines)?;
    lines.push(format!("{})", spaces(shape.indent)));
    Some(lines)
}

/// Whether an expression that fits its line is also laid out on one line
/// by the width limits of its own parts.
fn stays_flat(expr: &Expr) -> bool {
    match expr {
        Expr::Atom(_) | Expr::Str(_) => true,
        Expr::Ref(inner) => stays_flat(inner),
        Expr::Call(_, args) => {
            (args.len() == 1 || width(&join(args)) <= FN_CALL_WIDTH) && args.iter().all(stays_flat)
        }
        Expr::Array(items) => width(&join(items)) <= ARRAY_WIDTH && items.iter().all(stays_flat),
        Expr::Struct(_, fields) => {
            width(&struct_fields(fields)) <= STRUCT_LIT_WIDTH
                && fields.iter().all(|(_, v)| stays_flat(v))
        }
    }
}

fn vertical_items(items: &[Expr], indent: usize, lines: &mut Vec<String>) -> Option<()> {
    let inner = indent + 4;
    for item in items {
        let mut item_lines = layout(item, Shape::line(inner, 1))?;
        prepend(&mut item_lines, &spaces(inner));
        if let Some(last) = item_lines.last_mut() {
            last.push(',');
        }
        lines.extend(item_lines);
    }
    Some(())
}

fn layout_array(items: &[Expr], shape: Shape) -> Option<Vec<String>> {
    let content = join(items);
    if width(&content) <= ARRAY_WIDTH.min(shape.first.saturating_sub(2))
        && items.iter().all(stays_flat)
    {
        return Some(vec![format!("[{content}]")]);
    }
    if shape.first == 0 {
        return None;
    }
    let mut lines = vec!["[".to_owned()];
    let short = items
        .iter()
        .all(|i| i.is_simple() && width(&i.flat()) <= SHORT_ARRAY_ELEMENT);
    if short && !items.is_empty() {
        mixed_items(items, shape.indent + 4, &mut lines);
    } else {
        vertical_items(items, shape.indent, &mut lines)?;
    }
    lines.push(format!("{}]", spaces(shape.indent)));
    Some(lines)
}

/// Short simple items, as many to a line as fit.
fn mixed_items(items: &[Expr], indent: usize, lines: &mut Vec<String>) {
    let mut line = String::new();
    for item in items {
        let text = item.flat();
        if !line.is_empty() && width(&line) + 1 + width(&text) + 1 > max_width() {
            lines.push(std::mem::take(&mut line));
        }
        if line.is_empty() {
            line = format!("{}{text},", spaces(indent));
        } else {
            line.push(' ');
            line.push_str(&text);
            line.push(',');
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
}

fn layout_struct(path: &str, fields: &[(String, Expr)], shape: Shape) -> Option<Vec<String>> {
    let content = struct_fields(fields);
    let flat = if fields.is_empty() {
        format!("{path} {{}}")
    } else {
        format!("{path} {{ {content} }}")
    };
    if width(&content) <= STRUCT_LIT_WIDTH
        && width(&flat) <= shape.first
        && fields.iter().all(|(_, v)| stays_flat(v))
    {
        return Some(vec![flat]);
    }
    let open = format!("{path} {{");
    if width(&open) > shape.first {
        return None;
    }
    let mut lines = vec![open];
    let inner = shape.indent + 4;
    for (name, value) in fields {
        let prefix = format!("{}{name}: ", spaces(inner));
        let mut value_lines = layout(
            value,
            Shape {
                indent: inner,
                first: max_width().saturating_sub(width(&prefix) + 1),
            },
        )?;
        prepend(&mut value_lines, &prefix);
        if let Some(last) = value_lines.last_mut() {
            last.push(',');
        }
        lines.extend(value_lines);
    }
    lines.push(format!("{}}}", spaces(shape.indent)));
    Some(lines)
}

/// Splits a long literal into `\\`-continued lines: the first at most
/// `first` wide, the others indented by `indent`. Lines break after spaces
/// where possible, inside words that are too long otherwise. The text is
/// kept: no line after the first starts with a space (which the
/// continuation would eat).
pub fn split_literal(text: &str, first: usize, indent: usize) -> Option<Vec<String>> {
    // Words: escaped characters up to and including the spaces after them.
    let chars: Vec<char> = text.chars().collect();
    let mut words: Vec<Vec<(String, bool)>> = Vec::new();
    let mut current: Vec<(String, bool)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let mut unit = String::new();
        push_escaped(&mut unit, c);
        current.push((unit, c == ' '));
        if c == ' ' && chars.get(i + 1).is_some_and(|&n| n != ' ') {
            words.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::from("\"");
    let mut budget = first;
    let mut empty = true;
    for word in words {
        // Room for the `\` (after the word's space) or the closing quote.
        let closing = 1;
        let text: String = word.iter().map(|(u, _)| u.as_str()).collect();
        if !empty && width(&line) + width(&text) + closing > budget {
            line.push('\\');
            lines.push(std::mem::take(&mut line));
            line = spaces(indent);
            budget = max_width();
            empty = true;
        }
        if width(&line) + width(&text) + closing <= budget {
            line.push_str(&text);
            empty = false;
            continue;
        }
        // A word longer than a line: break inside it, never before a space.
        for (unit, is_space) in word {
            if !empty && !is_space && width(&line) + width(&unit) + 2 > budget {
                line.push('\\');
                lines.push(std::mem::take(&mut line));
                line = spaces(indent);
                budget = max_width();
            }
            line.push_str(&unit);
            empty = false;
        }
    }
    line.push('"');
    lines.push(line);
    let fits = lines
        .iter()
        .enumerate()
        .all(|(i, l)| width(l) <= if i == 0 { first } else { max_width() });
    fits.then_some(lines)
}

/// `n` spaces.
pub fn spaces(n: usize) -> String {
    " ".repeat(n)
}

fn newlines(lines: &[String]) -> usize {
    lines.len().saturating_sub(1)
}

fn first_ends_with(lines: &[String], c: char) -> bool {
    lines.first().is_some_and(|l| l.ends_with(c))
}

/// rustfmt's choice between a right-hand side kept on its line and one
/// moved to the next.
fn prefer_next_line(orig: &[String], next: &[String]) -> bool {
    single_line(next)
        || newlines(orig) > newlines(next) + 1
        || ['(', '{', '[']
            .iter()
            .any(|&c| first_ends_with(orig, c) && !first_ends_with(next, c))
}

/// A match arm `(a, b) => body,` at `indent`, pushed onto `out`: the
/// tuple pattern on one line if it fits, else one part a line.
pub fn tuple_arm(out: &mut Vec<String>, indent: usize, parts: &[String], body: &Expr) {
    let pat = format!("({})", parts.join(", "));
    if indent + width(&pat) + 5 <= max_width() {
        arm(out, indent, &pat, body);
        return;
    }
    out.push(format!("{}(", spaces(indent)));
    for part in parts {
        out.push(format!("{}{part},", spaces(indent + 4)));
    }
    arm_after(out, indent, format!("{}) => ", spaces(indent)), body);
}

/// A match arm `pat => body,` at `indent`, pushed onto `out`.
pub fn arm(out: &mut Vec<String>, indent: usize, pat: &str, body: &Expr) {
    arm_after(out, indent, format!("{}{pat} => ", spaces(indent)), body);
}

/// The body of a match arm whose last line so far is `head`.
fn arm_after(out: &mut Vec<String>, indent: usize, head: String, body: &Expr) {
    let same = layout(
        body,
        Shape {
            indent,
            first: max_width().saturating_sub(width(&head) + 1),
        },
    );
    if let Some(lines) = &same {
        if single_line(lines) {
            out.push(format!("{head}{},", lines.concat()));
            return;
        }
    }
    let next = layout(body, Shape::line(indent + 4, 0));
    let use_next = match (&same, &next) {
        (Some(orig), Some(next)) if prefer_next_line(orig, next) => true,
        (Some(_), _) if body.overflows() => false,
        (Some(_), Some(_)) | (None, Some(_)) => true,
        (None, None) | (Some(_), None) => false,
    };
    match (use_next, same, next) {
        (true, _, Some(next)) => {
            out.push(format!("{head}{{"));
            push_first_indented(out, indent + 4, next);
            out.push(format!("{}}}", spaces(indent)));
        }
        (_, Some(mut orig), _) => {
            prepend(&mut orig, &head);
            if let Some(last) = orig.last_mut() {
                last.push(',');
            }
            out.extend(orig);
        }
        // Fits nowhere: written flat, the line too long.
        _ => out.push(format!("{head}{},", body.flat())),
    }
}

fn push_first_indented(out: &mut Vec<String>, indent: usize, mut lines: Vec<String>) {
    if let Some(first) = lines.first_mut() {
        first.insert_str(0, &spaces(indent));
    }
    out.extend(lines);
}

/// `prefix = expr;` at `indent` (an item or a `let`), pushed onto `out`.
/// `prefix` is the text before ` = `, without indent.
pub fn assign(out: &mut Vec<String>, indent: usize, prefix: &str, expr: &Expr) {
    let head = format!("{}{prefix} = ", spaces(indent));
    let same = layout(
        expr,
        Shape {
            indent,
            first: max_width().saturating_sub(width(&head) + 1),
        },
    );
    if let Some(lines) = &same {
        if single_line(lines) {
            out.push(format!("{head}{};", lines.concat()));
            return;
        }
    }
    let next = layout(expr, Shape::line(indent + 4, 1));
    let use_next = match (&same, &next) {
        (Some(orig), Some(next)) => prefer_next_line(orig, next),
        (None, Some(_)) => true,
        _ => false,
    };
    match (use_next, same, next) {
        (true, _, Some(mut next)) => {
            out.push(format!("{}{prefix} =", spaces(indent)));
            if let Some(last) = next.last_mut() {
                last.push(';');
            }
            push_first_indented(out, indent + 4, next);
        }
        (_, Some(mut orig), _) => {
            prepend(&mut orig, &head);
            if let Some(last) = orig.last_mut() {
                last.push(';');
            }
            out.extend(orig);
        }
        _ => out.push(format!("{head}{};", expr.flat())),
    }
}

/// A tail expression on its own line at `indent`.
pub fn statement(out: &mut Vec<String>, indent: usize, expr: &Expr) {
    match layout(expr, Shape::line(indent, 0)) {
        Some(lines) => push_first_indented(out, indent, lines),
        None => out.push(format!("{}{}", spaces(indent), expr.flat())),
    }
}
