//! The one code builder: every item the emitter writes (constants,
//! statics, enums, impls and functions) as lines laid out the way rustfmt
//! lays them out, with the expression and statement rules of
//! [`super::layout`] and the doc comments of [`super::docs`].
//!
//! A builder lays its lines out once, at the indent they are written at:
//! nothing is re-indented or re-parsed afterwards.

use super::docs::doc;
use super::layout::{self, max_width, spaces, width, Expr};

/// A Rust source file: items separated by blank lines.
#[derive(Debug, Default)]
pub struct Code {
    items: Vec<Vec<String>>,
}

impl Code {
    /// Adds an item, given as its lines.
    pub fn push(&mut self, item: Vec<String>) {
        self.items.push(item);
    }

    /// Adds items.
    pub fn extend(&mut self, items: impl IntoIterator<Item = Vec<String>>) {
        self.items.extend(items);
    }

    /// The items, separated by blank lines; empty when there are none.
    pub fn finish(self) -> String {
        let items: Vec<String> = self.items.iter().map(|i| i.join("\n")).collect();
        items.join("\n\n")
    }
}

/// `prefix = value;` as an item (`pub const NAME: Type`), with docs.
pub fn constant(docs: &str, prefix: &str, value: &Expr) -> Vec<String> {
    let mut lines = doc(0, docs);
    layout::assign(&mut lines, 0, prefix, value);
    lines
}

/// `prefix = { body };` as an item (`pub static NAME: Type`), with docs:
/// a value built by a block of local items.
pub fn block_constant(docs: &str, prefix: &str, body: Body) -> Vec<String> {
    let mut lines = doc(0, docs);
    lines.push(format!("{prefix} = {{"));
    lines.extend(body.lines);
    lines.push("};".to_owned());
    lines
}

/// The statements of a block, laid out at its indent.
#[derive(Debug)]
pub struct Body {
    indent: usize,
    lines: Vec<String>,
}

impl Body {
    /// The body of a free function or a static's block.
    pub fn of_item() -> Body {
        Body::at(4)
    }

    /// The body of a function in an impl.
    pub fn of_method() -> Body {
        Body::at(8)
    }

    fn at(indent: usize) -> Body {
        Body {
            indent,
            lines: Vec::new(),
        }
    }

    /// A line written as is, at the block's indent.
    pub fn line(&mut self, text: &str) {
        self.lines.push(format!("{}{text}", spaces(self.indent)));
    }

    /// `prefix = value;`: a `let`, a local `const` or `static`.
    pub fn assign(&mut self, prefix: &str, value: &Expr) {
        layout::assign(&mut self.lines, self.indent, prefix, value);
    }

    /// The block's value: its last expression, without a semicolon.
    pub fn tail(&mut self, value: &Expr) {
        layout::statement(&mut self.lines, self.indent, value);
    }

    /// A match arm `pattern => value,`.
    pub fn arm(&mut self, pattern: &str, value: &Expr) {
        layout::arm(&mut self.lines, self.indent, pattern, value);
    }

    /// A match arm on a tuple, `(a, b) => value,`.
    pub fn tuple_arm(&mut self, parts: &[String], value: &Expr) {
        layout::tuple_arm(&mut self.lines, self.indent, parts, value);
    }

    /// `open`, a block one level deeper filled by `fill`, and `close`: a
    /// `match`'s arms, a `let ... else`.
    pub fn nested(&mut self, open: &str, close: &str, fill: impl FnOnce(&mut Body)) {
        self.line(open);
        let mut inner = Body::at(self.indent + 4);
        fill(&mut inner);
        self.lines.extend(inner.lines);
        self.line(close);
    }
}

/// A function.
#[derive(Debug)]
pub struct Function {
    /// The doc comment (Markdown); empty for none.
    pub docs: String,
    /// What comes before the parameters: `pub fn name`,
    /// `pub const fn name`, `pub fn name<Z: Bound>`.
    pub head: String,
    /// The parameters, `name: Type`.
    pub params: Vec<String>,
    /// The return type.
    pub ret: String,
    /// The body, laid out for where the function is written
    /// ([`Body::of_item`] or [`Body::of_method`]).
    pub body: Body,
}

impl Function {
    /// A function as an item.
    pub fn item(self) -> Vec<String> {
        self.lines(0)
    }

    fn lines(self, indent: usize) -> Vec<String> {
        let mut lines = doc(indent, &self.docs);
        lines.extend(signature(indent, &self.head, &self.params, &self.ret));
        lines.extend(self.body.lines);
        lines.push(format!("{}}}", spaces(indent)));
        lines
    }
}

/// A signature as rustfmt lays it out: on one line; else one parameter a
/// line; and when even `) -> RET {` is too wide, the return type's generic
/// arguments one a line.
fn signature(indent: usize, head: &str, params: &[String], ret: &str) -> Vec<String> {
    let pad = spaces(indent);
    let one = format!("{pad}{head}({}) -> {ret} {{", params.join(", "));
    if width(&one) <= max_width() {
        return vec![one];
    }
    let mut lines = vec![format!("{pad}{head}(")];
    for p in params {
        lines.push(format!("{pad}    {p},"));
    }
    let last = format!("{pad}) -> {ret} {{");
    match generic_args(ret) {
        Some((outer, args)) if width(&last) > max_width() => {
            lines.push(format!("{pad}) -> {outer}<"));
            for a in args {
                lines.push(format!("{pad}    {a},"));
            }
            lines.push(format!("{pad}> {{"));
        }
        _ => lines.push(last),
    }
    lines
}

/// `Outer<A, B<C, D>>` -> (`Outer`, [`A`, `B<C, D>`]).
fn generic_args(ty: &str) -> Option<(&str, Vec<&str>)> {
    let open = ty.find('<')?;
    let inner = ty.get(open + 1..)?.strip_suffix('>')?;
    let mut args = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in inner.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                args.push(inner.get(start..i)?.trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    args.push(inner.get(start..)?.trim());
    Some((ty.get(..open)?, args))
}

/// A fieldless enum with explicit discriminants.
#[derive(Debug)]
pub struct Enum {
    /// The doc comment.
    pub docs: String,
    /// Attributes, written as given: `#[derive(..)]`.
    pub attributes: Vec<String>,
    /// `pub enum Name`.
    pub head: String,
    /// Each variant's doc comment and text, `Name = 0`.
    pub variants: Vec<(String, String)>,
}

impl Enum {
    /// The enum as an item.
    pub fn item(self) -> Vec<String> {
        let mut lines = doc(0, &self.docs);
        lines.extend(self.attributes);
        lines.push(format!("{} {{", self.head));
        for (docs, variant) in &self.variants {
            lines.extend(doc(4, docs));
            lines.push(format!("    {variant},"));
        }
        lines.push("}".to_owned());
        lines
    }
}

/// An `impl` block.
#[derive(Debug)]
pub struct Impl {
    head: String,
    members: Vec<Member>,
}

/// What an impl holds.
#[derive(Debug)]
enum Member {
    /// An associated constant: docs, `pub const NAME: Type`, value.
    Const(String, String, Expr),
    /// An associated type: `type Name = Type;`.
    Type(String, String),
    /// A function.
    Fn(Function),
}

impl Impl {
    /// An impl with the head `impl Type` or `impl Trait for Type`.
    pub fn new(head: impl Into<String>) -> Impl {
        Impl {
            head: head.into(),
            members: Vec::new(),
        }
    }

    /// Adds an associated constant, `prefix = value;`.
    pub fn constant(&mut self, docs: String, prefix: String, value: Expr) {
        self.members.push(Member::Const(docs, prefix, value));
    }

    /// Adds an associated type.
    pub fn ty(&mut self, name: &str, ty: String) {
        self.members.push(Member::Type(name.to_owned(), ty));
    }

    /// Adds a function; its body is [`Body::of_method`].
    pub fn function(&mut self, f: Function) {
        self.members.push(Member::Fn(f));
    }

    /// The impl as an item. Members are written in the order added; a
    /// blank line comes before each function but one that follows a
    /// constant (rustfmt keeps either).
    pub fn item(self) -> Vec<String> {
        let mut lines = vec![format!("{} {{", self.head)];
        let mut after_const = false;
        for (i, member) in self.members.into_iter().enumerate() {
            if i > 0 && matches!(member, Member::Fn(_)) && !after_const {
                lines.push(String::new());
            }
            after_const = matches!(member, Member::Const(..));
            match member {
                Member::Const(docs, prefix, value) => {
                    lines.extend(doc(4, &docs));
                    layout::assign(&mut lines, 4, &prefix, &value);
                }
                Member::Type(name, ty) => lines.push(format!("    type {name} = {ty};")),
                Member::Fn(f) => lines.extend(f.lines(4)),
            }
        }
        lines.push("}".to_owned());
        lines
    }
}
