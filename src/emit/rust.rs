//! The Rust emitter: a policy as enums, total functions and constants, for
//! `include!` into a crate that depends on `policyc-runtime`.
//!
//! What comes out, in order:
//!
//! * constants for the policy header: `POLICY_ID`, `TITLE`, `VERSION`, ...;
//! * an enum per id set (`Tier`, `Severity`, `Area`, ...) with `ALL`, `id`,
//!   `name`, `Display`, `FromStr` and a `const fn` per field;
//! * a `static` [`Calendar`](policyc_runtime::Calendar) per calendar;
//! * a total function per grid, e.g. `response_time(Severity, Tier)`:
//!   an exhaustive `match` without wildcard for small grids, a `static`
//!   table `[[T; COLUMNS]; ROWS]` indexed by the enums' discriminants for
//!   large ones, so that rustc proves every cell is there;
//! * constants for the fields of rules and grids, e.g.
//!   `OUT_OF_HOURS_SCREEN_SHARING_RATE`;
//! * a total function per decision a support desk takes under the policy
//!   (see its `entitlement` module), e.g. `custom_build(Tier, Severity,
//!   bool)` or `first_response_due(..)`: each passes the policy's data to
//!   the one implementation in `policyc_runtime`, which `policyc sla` and
//!   `policyc test` use too.
//!
//! The output is formatted as rustfmt would format it (see its `layout` module),
//! uses no inner attributes, and names everything outside the generated
//! items by absolute path (`::policyc_runtime::...`, `::std::...`).

mod entitlement;
mod layout;
mod names;

use self::layout::{
    arm, assign, doc, escape_doc, signature, statement, tuple_arm, Expr, MAX_WIDTH,
};
use self::names::{screaming, snake, upper_camel, Names};
use super::Meta;
use crate::ast::{HolidayRule, Target};
use crate::facts::Valid;
use crate::model::{
    Cell, Coverage, Decl, Hours, Incidents, Interpolation, Policy, Prose, ProsePart,
    ResponseTarget, Session, Value,
};
use crate::schema::{CellType, Kind, Type};
use crate::value_text;
use codegen::{Enum, Function, Impl, Scope, Variant};
use std::collections::BTreeMap;

/// Grids with more cells than this become a static table.
const MATCH_LIMIT: usize = 256;

const RT: &str = "::policyc_runtime";

/// Emits the policy as Rust source.
pub fn emit(valid: &Valid, meta: &Meta) -> String {
    let policy = valid.policy();
    let ctx = Context::new(valid);
    let mut scope = Scope::new();
    header_consts(&ctx, &mut scope);
    for set in &ctx.sets {
        id_set(&ctx, set, &mut scope);
    }
    for calendar in &ctx.calendars {
        calendar_static(&ctx, calendar, &mut scope);
    }
    for decl in policy.of_kind(Kind::Grid) {
        grid_fn(&ctx, decl, &mut scope);
    }
    for decl in policy
        .decls
        .iter()
        .filter(|d| matches!(d.kind, Kind::Rule | Kind::Grid))
    {
        decl_consts(&ctx, decl, &mut scope);
    }
    entitlement::emit(&ctx, &mut scope);
    let body = scope.to_string();
    let mut out = format!("// {}\n", meta.marker());
    if !body.is_empty() {
        out.push('\n');
        out.push_str(&body);
        out.push('\n');
    }
    out
}

/// An id set: a kind with declarations, as an enum.
struct IdSet<'p> {
    kind: Kind,
    name: String,
    decls: Vec<&'p Decl>,
    variants: Vec<String>,
    by_id: BTreeMap<&'p str, String>,
}

impl IdSet<'_> {
    fn path(&self, id: &str) -> Option<String> {
        self.by_id.get(id).map(|v| format!("{}::{v}", self.name))
    }
}

/// A calendar and its static's name.
struct CalendarItem<'p> {
    decl: &'p Decl,
    name: String,
}

/// A `const fn` written for a field of an id set.
#[derive(Clone, Debug)]
struct FieldMethod {
    kind: Kind,
    field: &'static str,
    /// The method's name, e.g. `add_on`.
    name: String,
    /// The type of a value, e.g. `bool`, without the `Option`.
    ty: String,
    /// Whether it returns an `Option`.
    optional: bool,
}

/// A function written for a grid.
#[derive(Clone, Debug)]
struct GridFn {
    /// The grid's id.
    id: String,
    /// The function's name, e.g. `response_time`.
    name: String,
    /// Whether it returns an `Option` (`n/a` cells).
    optional: bool,
}

/// Everything named before anything is written.
struct Context<'p> {
    policy: &'p Policy,
    facts: &'p Valid,
    sets: Vec<IdSet<'p>>,
    calendars: Vec<CalendarItem<'p>>,
    values: std::cell::RefCell<Names>,
    /// The field methods written so far.
    methods: std::cell::RefCell<Vec<FieldMethod>>,
    /// The grid functions written so far.
    grid_fns: std::cell::RefCell<Vec<GridFn>>,
}

impl<'p> Context<'p> {
    fn new(facts: &'p Valid) -> Context<'p> {
        let policy = facts.policy();
        let mut sets = Vec::new();
        for kind in Kind::ALL.into_iter().filter(|k| k.is_id_set()) {
            let mut decls: Vec<&Decl> = Vec::new();
            for decl in policy.of_kind(kind) {
                if !decls.iter().any(|d| d.id.value == decl.id.value) {
                    decls.push(decl);
                }
            }
            if decls.is_empty() {
                continue;
            }
            let name = upper_camel(kind.name(), "Id");
            let mut taken = Names::default();
            let mut by_id = BTreeMap::new();
            let mut variants = Vec::new();
            for decl in &decls {
                let variant = taken.claim(upper_camel(&decl.id.value, &name), "V");
                by_id.insert(decl.id.as_str(), variant.clone());
                variants.push(variant);
            }
            sets.push(IdSet {
                kind,
                name,
                decls,
                variants,
                by_id,
            });
        }
        let mut values = Names::default();
        for reserved in ["POLICY_ID", "TITLE", "VERSION", "PROVIDER", "EFFECTIVE"] {
            values.reserve(reserved);
        }
        for reserved in ["UPDATED", "REVIEW"] {
            values.reserve(reserved);
        }
        let calendars = policy
            .of_kind(Kind::Calendar)
            .map(|decl| CalendarItem {
                decl,
                name: values.claim(screaming(&decl.id.value, "CALENDAR"), "_"),
            })
            .collect();
        Context {
            policy,
            facts,
            sets,
            calendars,
            values: std::cell::RefCell::new(values),
            methods: std::cell::RefCell::new(Vec::new()),
            grid_fns: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// The method written for `field` of the id set of `kind`, if any.
    fn method(&self, kind: Kind, field: &str) -> Option<FieldMethod> {
        self.methods
            .borrow()
            .iter()
            .find(|m| m.kind == kind && m.field == field)
            .cloned()
    }

    /// The function written for the grid `id`, if any.
    fn grid_fn(&self, id: &str) -> Option<GridFn> {
        self.grid_fns.borrow().iter().find(|g| g.id == id).cloned()
    }

    fn set(&self, kind: Kind) -> Option<&IdSet<'p>> {
        self.sets.iter().find(|s| s.kind == kind)
    }

    /// The enum path of a reference to a declaration of an id set.
    fn variant_path(&self, id: &str) -> Option<String> {
        let decl = self.policy.get(id)?;
        self.set(decl.kind)?.path(id)
    }

    fn calendar_name(&self, id: &str) -> Option<&str> {
        self.calendars
            .iter()
            .find(|c| c.decl.id.value == id)
            .map(|c| c.name.as_str())
    }

    fn claim_value(&self, name: String) -> String {
        self.values.borrow_mut().claim(name, "_")
    }
}

/// A prose or text value as plain text, interpolations filled in.
fn plain(policy: &Policy, value: &Value) -> String {
    match value {
        Value::Text(t) => t.clone(),
        Value::Prose(p) => prose(policy, p),
        other => unquote(value_text::show(other)),
    }
}

fn unquote(text: String) -> String {
    match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        Some(inner) => inner.replace("\\\"", "\"").replace("\\\\", "\\"),
        None => text,
    }
}

fn prose(policy: &Policy, prose: &Prose) -> String {
    let mut out = String::new();
    for part in &prose.parts {
        match part {
            ProsePart::Text(t) => out.push_str(t),
            ProsePart::Value(Interpolation::Title(id)) => {
                out.push_str(policy.get(id.as_str()).map_or(id.as_str(), Decl::display));
            }
            ProsePart::Value(Interpolation::Field(id, field)) => {
                match policy
                    .get(id.as_str())
                    .and_then(|d| d.value(field.as_str()))
                {
                    Some(v) => out.push_str(&plain(policy, v)),
                    None => out.push_str(&format!("{}.{}", id.value, field.value)),
                }
            }
            ProsePart::Value(Interpolation::Cell(grid, row, column)) => {
                let cell = policy
                    .get(grid.as_str())
                    .and_then(|g| g.grid.as_ref())
                    .and_then(|g| g.cell(row.as_str(), column.as_str()));
                match cell {
                    Some(c) => out.push_str(&plain(policy, &c.value)),
                    None => {
                        out.push_str(&format!("{}[{}, {}]", grid.value, row.value, column.value))
                    }
                }
            }
        }
    }
    out
}

/// Wrapped doc text for codegen, which adds the `///`.
fn doc_text(indent: usize, text: &str) -> String {
    doc(indent, text)
        .iter()
        .map(|l| {
            let l = l.trim_start();
            l.strip_prefix("/// ")
                .or_else(|| l.strip_prefix("///"))
                .unwrap_or(l)
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn code(text: &str) -> String {
    layout::code(text)
}

/// `a tier`, `an area`.
fn with_article(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

fn clamp_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

// ---------------------------------------------------------------------------
// Header constants
// ---------------------------------------------------------------------------

fn header_consts(ctx: &Context, scope: &mut Scope) {
    let Some(header) = ctx.policy.header() else {
        return;
    };
    let mut items: Vec<(&str, String, String)> = vec![
        (
            "POLICY_ID",
            "The policy's id".to_owned(),
            header.id.value.clone(),
        ),
        (
            "TITLE",
            "The policy's title".to_owned(),
            header.display().to_owned(),
        ),
    ];
    let fields = [
        ("VERSION", "version", "The policy's version, as written"),
        (
            "PROVIDER",
            "provider",
            "Who provides support under the policy",
        ),
        (
            "EFFECTIVE",
            "effective",
            "When the policy takes effect (`YYYY-MM` or `YYYY-MM-DD`)",
        ),
        ("UPDATED", "updated", "When the policy was last updated"),
        ("REVIEW", "review", "How often the policy is reviewed"),
    ];
    for (name, field, what) in fields {
        if let Some(value) = header.value(field) {
            items.push((name, what.to_owned(), plain(ctx.policy, value)));
        }
    }
    for (name, what, value) in items {
        let mut lines = doc(0, &format!("{what}: {}.", code(&value)));
        assign(
            &mut lines,
            0,
            &format!("pub const {name}: &str"),
            &Expr::Str(value),
        );
        scope.raw(lines.join("\n"));
    }
}

// ---------------------------------------------------------------------------
// Id sets
// ---------------------------------------------------------------------------

fn kind_noun(kind: Kind) -> &'static str {
    match kind {
        Kind::Resource => "self-service resource",
        Kind::Product => "product covered by the policy",
        Kind::Party => "party to support",
        Kind::Operator => "Kubernetes operator",
        Kind::License => "license edition",
        Kind::Tier => "support tier",
        Kind::Channel => "support channel",
        Kind::Holiday => "holiday of a business calendar",
        Kind::Severity => "severity level",
        Kind::Area => "support scope area",
        Kind::Phase => "product lifecycle phase",
        Kind::Service => "professional service",
        Kind::Contact => "contact channel",
        _ => "declaration",
    }
}

fn variant_doc(ctx: &Context, decl: &Decl) -> String {
    let mut text = format!("{} ({}).", escape_doc(decl.display()), code(&decl.id.value));
    for field in ["definition", "description"] {
        if let Some(value) = decl.value(field) {
            text.push_str("\n\n");
            text.push_str(&escape_doc(&plain(ctx.policy, value)));
        }
    }
    text
}

fn id_set(ctx: &Context, set: &IdSet, scope: &mut Scope) {
    let kind = set.kind.name();
    let count = set.decls.len();
    let mut e = Enum::new(&set.name);
    e.vis("pub")
        .doc(&doc_text(
            0,
            &format!(
                "A {}: one of the {count} `{kind}` {} of the policy.",
                kind_noun(set.kind),
                if count == 1 {
                    "declaration"
                } else {
                    "declarations"
                }
            ),
        ))
        .allow("clippy::enum_variant_names")
        .derive("Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord");
    for (i, (decl, variant)) in set.decls.iter().zip(&set.variants).enumerate() {
        let mut v = Variant::new(format!("{variant} = {i}"));
        for line in doc(4, &variant_doc(ctx, decl)) {
            v.annotation(line.trim_start());
        }
        e.push_variant(v);
    }
    scope.push_enum(e);

    let mut imp = Impl::new(&set.name);
    let all: Vec<Expr> = set
        .variants
        .iter()
        .map(|v| Expr::atom(format!("Self::{v}")))
        .collect();
    let mut lines = Vec::new();
    let prefix = format!("pub const ALL: [Self; {count}]");
    assign(&mut lines, 4, &prefix, &Expr::Array(all));
    let value = strip_assign(&lines, 4, &prefix);
    // codegen writes no docs on associated constants: the doc comment rides
    // on the visibility, which is written first.
    imp.associate_const(
        "ALL",
        format!("[Self; {count}]"),
        value,
        format!("/// Every {kind}, in the order the policy declares them.\npub"),
    );

    let ids: Vec<(String, Expr)> = set
        .decls
        .iter()
        .zip(&set.variants)
        .map(|(d, v)| (format!("Self::{v}"), Expr::Str(d.id.value.clone())))
        .collect();
    method(
        &mut imp,
        "id",
        &format!(
            "The id as written in the policy, e.g. {}.",
            code(&set.decls[0].id.value)
        ),
        "&'static str",
        &ids,
    );
    let titles: Vec<(String, Expr)> = set
        .decls
        .iter()
        .zip(&set.variants)
        .map(|(d, v)| (format!("Self::{v}"), Expr::Str(d.display().to_owned())))
        .collect();
    method(
        &mut imp,
        "name",
        &format!(
            "The title, e.g. \"{}\".",
            escape_doc(set.decls[0].display())
        ),
        "&'static str",
        &titles,
    );
    field_methods(ctx, set, &mut imp);
    scope.push_impl(imp);

    let mut display = Impl::new(&set.name);
    display.impl_trait("::std::fmt::Display");
    display
        .new_fn("fmt")
        .arg_ref_self()
        .arg("f", "&mut ::std::fmt::Formatter<'_>")
        .ret("::std::fmt::Result")
        .line("f.write_str(self.name())");
    scope.push_impl(display);

    let mut from_str = Impl::new(&set.name);
    from_str
        .impl_trait("::std::str::FromStr")
        .associate_type("Err", format!("{RT}::UnknownId"));
    let f = from_str
        .new_fn("from_str")
        .arg("id", "&str")
        .ret("::std::result::Result<Self, Self::Err>");
    let mut body = vec!["match id {".to_owned()];
    for (decl, variant) in set.decls.iter().zip(&set.variants) {
        let pat = layout::literal(&decl.id.value);
        arm(
            &mut body,
            12,
            &pat,
            &Expr::call("Ok", vec![Expr::atom(format!("Self::{variant}"))]),
        );
    }
    arm(
        &mut body,
        12,
        "_",
        &Expr::call(
            "Err",
            vec![Expr::call(
                format!("{RT}::UnknownId::new"),
                vec![Expr::Str(kind.to_owned()), Expr::atom("id")],
            )],
        ),
    );
    body.push("}".to_owned());
    push_body(f, 8, &body);
    scope.push_impl(from_str);
}

/// The value of an `assign` laid out at `indent`, without its prefix and
/// semicolon, with following lines relative to `indent`.
fn strip_assign(lines: &[String], indent: usize, prefix: &str) -> String {
    let joined = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l.trim_start().strip_prefix(prefix).map_or_else(
                    || l.trim_start().to_owned(),
                    |r| r.trim_start_matches(" =").trim_start().to_owned(),
                )
            } else {
                l.get(indent..).unwrap_or(l.trim_start()).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    joined.strip_suffix(';').unwrap_or(&joined).to_owned()
}

/// Adds body lines laid out at `indent` to a codegen function, which
/// indents them itself.
fn push_body(f: &mut Function, indent: usize, lines: &[String]) {
    for line in lines {
        let l = if line.starts_with(&" ".repeat(indent)) {
            &line[indent..]
        } else {
            line.trim_start()
        };
        f.line(l);
    }
}

/// A `pub const fn NAME(self) -> TY` that matches on every variant.
fn method(imp: &mut Impl, name: &str, docs: &str, ty: &str, arms: &[(String, Expr)]) {
    let mut body = vec![format!("{}match self {{", " ".repeat(8))];
    for (pat, value) in arms {
        arm(&mut body, 12, pat, value);
    }
    body.push(format!("{}}}", " ".repeat(8)));
    let f = imp
        .new_fn(name)
        .vis("pub const")
        .doc(doc_text(4, docs))
        .arg_self()
        .ret(ty);
    push_body(f, 8, &body);
}

/// A field value as a Rust type and expression.
struct Typed {
    ty: String,
    expr: Expr,
    /// `n/a`: no value (the field's type becomes an `Option`).
    absent: bool,
}

fn typed(ctx: &Context, ty: Type, value: &Value, holiday_name: &str) -> Option<Typed> {
    let t = |ty: &str, expr: Expr| {
        Some(Typed {
            ty: ty.to_owned(),
            expr,
            absent: false,
        })
    };
    match (ty, value) {
        (Type::Text | Type::Prose | Type::Number | Type::Zone, v) => {
            t("&'static str", Expr::Str(plain(ctx.policy, v)))
        }
        (Type::Date | Type::DateOrMonth | Type::Instant, v) => {
            t("&'static str", Expr::Str(plain(ctx.policy, v)))
        }
        (Type::Texts, Value::Texts(items)) => t(
            "&'static [&'static str]",
            Expr::slice(items.iter().map(|s| Expr::Str(s.clone())).collect()),
        ),
        (Type::Count, Value::Count(n)) => t("u64", Expr::atom(n.to_string())),
        (Type::Range, Value::Range(a, b)) => t(
            "::std::ops::RangeInclusive<u64>",
            Expr::call(
                "::std::ops::RangeInclusive::new",
                vec![Expr::atom(a.to_string()), Expr::atom(b.to_string())],
            ),
        ),
        (Type::Money, Value::Money(m)) => t(&format!("{RT}::Money"), money(m)),
        (Type::Duration, Value::Duration(n)) => t("u32", Expr::atom(clamp_u32(*n).to_string())),
        (Type::YesNo, Value::Bool(b)) => t("bool", Expr::atom(b.to_string())),
        (Type::Incidents, Value::Incidents(i)) => t(&format!("{RT}::Incidents"), incidents(*i)),
        (Type::Target, Value::Target(target)) => {
            let ty = format!("{RT}::ResponseTarget");
            match response_target(*target) {
                Some(expr) => t(&ty, expr),
                None => Some(Typed {
                    ty,
                    expr: Expr::atom("None"),
                    absent: true,
                }),
            }
        }
        (Type::Hours, Value::Hours(hours)) => {
            let expr = match hours {
                Hours::BestEffort => Expr::atom(format!("{RT}::SupportHours::BestEffort")),
                Hours::Around => Expr::atom(format!("{RT}::SupportHours::Continuous")),
                Hours::Calendar(id) => Expr::call(
                    format!("{RT}::SupportHours::Calendar"),
                    vec![Expr::atom(format!("&{}", ctx.calendar_name(id.as_str())?))],
                ),
            };
            t(&format!("{RT}::SupportHours"), expr)
        }
        (Type::Holiday, Value::Holiday(rule)) => t(
            &format!("{RT}::HolidayRule"),
            holiday(&format!("{RT}::"), holiday_name, rule),
        ),
        (Type::Ref(kinds), Value::Ref(id)) => match ref_type(ctx, kinds) {
            Some(set) => t(&set.name, Expr::atom(set.path(id.as_str())?)),
            None => t("&'static str", Expr::Str(id.value.clone())),
        },
        (Type::Refs(kinds), Value::Refs(ids)) => match ref_type(ctx, kinds) {
            Some(set) => {
                let items = ids
                    .iter()
                    .map(|id| set.path(id.as_str()).map(Expr::atom))
                    .collect::<Option<Vec<_>>>()?;
                t(&format!("&'static [{}]", set.name), Expr::slice(items))
            }
            None => t(
                "&'static [&'static str]",
                Expr::slice(ids.iter().map(|id| Expr::Str(id.value.clone())).collect()),
            ),
        },
        _ => None,
    }
}

/// The enum that references of these kinds take: one id-set kind.
fn ref_type<'c, 'p>(ctx: &'c Context<'p>, kinds: &[Kind]) -> Option<&'c IdSet<'p>> {
    match kinds {
        [kind] if kind.is_id_set() => ctx.set(*kind),
        _ => None,
    }
}

fn money(m: &crate::ast::Money) -> Expr {
    let code = match m.currency.as_bytes() {
        [a, b, c] if [a, b, c].iter().all(|x| x.is_ascii_uppercase()) => m.currency.clone(),
        _ => "XXX".to_owned(),
    };
    let minor = i64::try_from(m.minor).unwrap_or(i64::MAX);
    Expr::call(
        format!("{RT}::Money::from_code"),
        vec![
            Expr::atom(format!("b\"{code}\"")),
            Expr::atom(minor.to_string()),
        ],
    )
}

fn incidents(i: Incidents) -> Expr {
    match i {
        Incidents::Count(n) => Expr::call(
            format!("{RT}::Incidents::Count"),
            vec![Expr::atom(clamp_u32(n).to_string())],
        ),
        Incidents::Unlimited => Expr::atom(format!("{RT}::Incidents::Unlimited")),
        Incidents::NotApplicable => Expr::atom(format!("{RT}::Incidents::NotApplicable")),
    }
}

/// `None` for `n/a`.
fn response_target(target: ResponseTarget) -> Option<Expr> {
    let call = |name: &str, n: u32| {
        Expr::call(
            format!("{RT}::ResponseTarget::{name}"),
            vec![Expr::atom(n.to_string())],
        )
    };
    match target {
        ResponseTarget::BestEffort => Some(Expr::atom(format!("{RT}::ResponseTarget::BestEffort"))),
        ResponseTarget::NotApplicable => None,
        ResponseTarget::Within(Target::BusinessDays(n)) => Some(call("BusinessDays", n)),
        ResponseTarget::Within(Target::BusinessHours(n)) => Some(call("BusinessHours", n)),
        ResponseTarget::Within(Target::Hours24x7(n)) => Some(call("Hours24x7", n)),
    }
}

fn weekday(day: chrono::Weekday) -> &'static str {
    match day {
        chrono::Weekday::Mon => "Mon",
        chrono::Weekday::Tue => "Tue",
        chrono::Weekday::Wed => "Wed",
        chrono::Weekday::Thu => "Thu",
        chrono::Weekday::Fri => "Fri",
        chrono::Weekday::Sat => "Sat",
        chrono::Weekday::Sun => "Sun",
    }
}

/// A runtime holiday rule; `rt` is the path prefix of the runtime crate.
fn holiday(rt: &str, name: &str, rule: &HolidayRule) -> Expr {
    let small = |n: u32| Expr::atom(u8::try_from(n).unwrap_or(u8::MAX).to_string());
    let name = ("name".to_owned(), Expr::Str(name.to_owned()));
    match *rule {
        HolidayRule::Fixed { month, day } => Expr::Struct(
            format!("{rt}HolidayRule::Fixed"),
            vec![
                name,
                ("month".into(), small(month)),
                ("day".into(), small(day)),
            ],
        ),
        HolidayRule::Easter { days } => {
            let days = i16::try_from(days).unwrap_or(if days < 0 { i16::MIN } else { i16::MAX });
            Expr::Struct(
                format!("{rt}HolidayRule::EasterOffset"),
                vec![name, ("days".into(), Expr::atom(days.to_string()))],
            )
        }
        HolidayRule::WeekdayBetween {
            weekday: day,
            from,
            to,
        } => Expr::Struct(
            format!("{rt}HolidayRule::WeekdayBetween"),
            vec![
                name,
                (
                    "weekday".into(),
                    Expr::atom(format!("{rt}chrono::Weekday::{}", weekday(day))),
                ),
                ("from_month".into(), small(from.0)),
                ("from_day".into(), small(from.1)),
                ("to_month".into(), small(to.0)),
                ("to_day".into(), small(to.1)),
            ],
        ),
    }
}

/// A `const fn` per field that some declaration of the set holds, typed by
/// the field's schema type: plain where every declaration sets it, an
/// `Option` where only some do (or where a value is `n/a`).
fn field_methods(ctx: &Context, set: &IdSet, imp: &mut Impl) {
    let mut taken = Names::default();
    for reserved in ["id", "name", "all"] {
        taken.reserve(reserved);
    }
    for spec in set.kind.fields() {
        let values: Vec<Option<&Value>> = set.decls.iter().map(|d| d.value(spec.name)).collect();
        if values.iter().all(Option::is_none) {
            continue;
        }
        let typed_values: Option<Vec<Option<Typed>>> = set
            .decls
            .iter()
            .zip(&values)
            .map(|(decl, value)| match value {
                Some(v) => typed(ctx, spec.ty, v, decl.display()).map(Some),
                None => Some(None),
            })
            .collect();
        let Some(typed_values) = typed_values else {
            continue;
        };
        let Some(ty) = typed_values.iter().flatten().map(|t| t.ty.clone()).next() else {
            continue;
        };
        if typed_values.iter().flatten().any(|t| t.ty != ty) {
            continue;
        }
        let optional = typed_values
            .iter()
            .any(|t| t.as_ref().is_none_or(|t| t.absent));
        let arms: Vec<(String, Expr)> = typed_values
            .into_iter()
            .zip(&set.variants)
            .map(|(value, variant)| {
                let expr = match value {
                    Some(t) if t.absent => Expr::atom("None"),
                    Some(t) if optional => t.expr.some(),
                    Some(t) => t.expr,
                    None => Expr::atom("None"),
                };
                (format!("Self::{variant}"), expr)
            })
            .collect();
        let mut base = snake(spec.name, "field");
        if spec.ty == Type::Duration {
            base.push_str("_minutes");
        }
        if base == "id" || base == "name" || base == "all" {
            base.push_str("_field");
        }
        let name = taken.claim(base, "_");
        ctx.methods.borrow_mut().push(FieldMethod {
            kind: set.kind,
            field: spec.name,
            name: name.clone(),
            ty: ty.clone(),
            optional,
        });
        let ty = if optional {
            format!("Option<{ty}>")
        } else {
            ty
        };
        let mut docs = format!("{} ({}).", escape_doc(spec.label), code(spec.name));
        if spec.ty == Type::Duration {
            docs.push_str(" In minutes.");
        }
        if optional {
            docs.push_str(&format!(
                "\n\n`None` for {} that do not set it{}.",
                plural_kind(set.kind),
                if spec.ty == Type::Target {
                    " or set it to `n/a`"
                } else {
                    ""
                }
            ));
        }
        method(imp, &name, &docs, &ty, &arms);
    }
}

fn plural_kind(kind: Kind) -> String {
    match kind {
        Kind::Party => "parties".to_owned(),
        Kind::Severity => "severities".to_owned(),
        k => format!("{}s", k.name()),
    }
}

// ---------------------------------------------------------------------------
// Calendars
// ---------------------------------------------------------------------------

/// The chrono-tz variant of an IANA zone name, e.g. `Europe__Stockholm`.
fn tz_variant(zone: &str) -> Option<String> {
    let tz: chrono_tz::Tz = zone.parse().ok()?;
    let name = tz.name();
    let mut out = String::new();
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' => out.push_str("__"),
            '+' => out.push_str("Plus"),
            '-' if chars.peek().is_some_and(char::is_ascii_digit) => out.push_str("Minus"),
            '-' => {}
            c => out.push(c),
        }
    }
    Some(out)
}

fn calendar_static(ctx: &Context, item: &CalendarItem, scope: &mut Scope) {
    let decl = item.decl;
    let zone = match decl.value("zone") {
        Some(Value::Zone(z) | Value::Text(z)) => z.clone(),
        _ => "UTC".to_owned(),
    };
    let (zone_variant, zone_shown) = match tz_variant(&zone) {
        Some(v) => (v, zone.clone()),
        None => (
            "UTC".to_owned(),
            format!("UTC (the policy's `{zone}` is not known)"),
        ),
    };
    let mut hours = Vec::new();
    if let Some(Value::Weekly(weekly)) = decl.value("open") {
        for w in weekly {
            let mut day = w.from;
            for _ in 0..7 {
                hours.push(Expr::call(
                    "rt::OpeningHours::new",
                    vec![
                        Expr::atom(format!("rt::chrono::Weekday::{}", weekday(day))),
                        Expr::atom(u16::try_from(w.open).unwrap_or(u16::MAX).to_string()),
                        Expr::atom(u16::try_from(w.close).unwrap_or(u16::MAX).to_string()),
                    ],
                ));
                if day == w.to {
                    break;
                }
                day = day.succ();
            }
        }
    }
    let index = ctx.policy.decls.iter().position(|d| std::ptr::eq(d, decl));
    let holidays: Vec<Expr> = ctx
        .policy
        .decls
        .iter()
        .filter(|d| d.kind == Kind::Holiday && d.parent.is_some() && d.parent == index)
        .filter_map(|d| match d.value("on") {
            Some(Value::Holiday(rule)) => Some(holiday("rt::", d.display(), rule)),
            _ => None,
        })
        .collect();
    let closures: Vec<Expr> = match decl.value("closed") {
        Some(Value::Dates(dates)) => dates
            .iter()
            .map(|d| {
                use chrono::Datelike;
                Expr::atom(format!("({}, {}, {})", d.year(), d.month(), d.day()))
            })
            .collect(),
        _ => Vec::new(),
    };
    let open = match decl.value("open") {
        Some(v) => value_text::show(v),
        None => "never open".to_owned(),
    };
    let mut text = format!(
        "{}: the calendar {}, {}, open {}, closed on {} {}.",
        escape_doc(decl.display()),
        code(&decl.id.value),
        escape_doc(&zone_shown),
        code(open.trim_start_matches('[').trim_end_matches(']')),
        holidays.len(),
        if holidays.len() == 1 {
            "holiday"
        } else {
            "holidays"
        }
    );
    if !closures.is_empty() {
        text.push_str(&format!(" and {} other days", closures.len()));
    }
    let mut lines = doc(0, &text);
    lines.push(format!("pub static {}: {RT}::Calendar = {{", item.name));
    lines.push(format!("    use {RT} as rt;"));
    assign(
        &mut lines,
        4,
        "const HOURS: &[rt::OpeningHours]",
        &Expr::slice(hours),
    );
    assign(
        &mut lines,
        4,
        "const HOLIDAYS: &[rt::HolidayRule]",
        &Expr::slice(holidays),
    );
    assign(
        &mut lines,
        4,
        "const CLOSURES: &[(i32, u8, u8)]",
        &Expr::slice(closures),
    );
    statement(
        &mut lines,
        4,
        &Expr::call(
            "rt::Calendar::from_static",
            vec![
                Expr::atom(format!("rt::chrono_tz::Tz::{zone_variant}")),
                Expr::atom("HOURS"),
                Expr::atom("HOLIDAYS"),
                Expr::atom("CLOSURES"),
            ],
        ),
    );
    lines.push("};".to_owned());
    scope.raw(lines.join("\n"));
}

// ---------------------------------------------------------------------------
// Grids
// ---------------------------------------------------------------------------

fn cell_rust_type(cell_type: CellType, optional: bool) -> String {
    let ty = match cell_type {
        CellType::Target => format!("{RT}::ResponseTarget"),
        CellType::Coverage => format!("{RT}::Coverage"),
        CellType::YesNo => "bool".to_owned(),
        CellType::Session => format!("{RT}::Session"),
        CellType::Text => "&'static str".to_owned(),
        CellType::Incidents => format!("{RT}::Incidents"),
    };
    if optional {
        format!("Option<{ty}>")
    } else {
        ty
    }
}

/// A cell as an expression; `None` for `n/a` targets, `Err` for a value
/// that does not fit the cell type.
fn cell_expr(cell_type: CellType, value: &Value) -> Result<Option<Expr>, ()> {
    let atom = |s: String| Ok(Some(Expr::atom(s)));
    match (cell_type, value) {
        (CellType::Target, Value::Target(t)) => Ok(response_target(*t)),
        (CellType::Coverage, Value::Coverage(c)) => atom(format!(
            "{RT}::Coverage::{}",
            match c {
                Coverage::Supported => "Supported",
                Coverage::Psa => "ProfessionalServices",
                Coverage::NotAvailable => "NotAvailable",
                Coverage::NotSupported => "NotSupported",
            }
        )),
        (CellType::YesNo, Value::Bool(b)) => atom(b.to_string()),
        (CellType::Session, Value::Session(s)) => match s {
            Session::Minutes(m) => Ok(Some(Expr::call(
                format!("{RT}::Session::UpTo"),
                vec![Expr::atom(clamp_u32(*m).to_string())],
            ))),
            Session::Unlimited => atom(format!("{RT}::Session::Unlimited")),
            Session::NotAvailable => atom(format!("{RT}::Session::NotAvailable")),
        },
        (CellType::Text, Value::Text(t)) => Ok(Some(Expr::Str(t.clone()))),
        (CellType::Incidents, Value::Incidents(i)) => Ok(Some(incidents(*i))),
        _ => Err(()),
    }
}

/// One grid, resolved in enum order.
struct GridData<'c, 'p> {
    rows: &'c IdSet<'p>,
    columns: &'c IdSet<'p>,
    cell_type: CellType,
    /// `cells[row][column]`, in the enums' order; `None` is `n/a`.
    cells: Vec<Vec<Option<Expr>>>,
    /// The cells as written, for the docs.
    shown: Vec<Vec<String>>,
}

fn grid_data<'c, 'p>(ctx: &'c Context<'p>, decl: &Decl) -> Option<GridData<'c, 'p>> {
    let (Some(Value::Kind(rows)), Some(Value::Kind(columns)), Some(Value::CellType(cell_type))) = (
        decl.value("rows"),
        decl.value("columns"),
        decl.value("cells"),
    ) else {
        return None;
    };
    let grid = decl.grid.as_ref()?;
    let rows = ctx.set(*rows)?;
    let columns = ctx.set(*columns)?;
    let otherwise = decl.value("otherwise");
    let mut cells = Vec::with_capacity(rows.decls.len());
    let mut shown = Vec::with_capacity(rows.decls.len());
    for row in &rows.decls {
        let mut cell_row = Vec::with_capacity(columns.decls.len());
        let mut shown_row = Vec::with_capacity(columns.decls.len());
        for column in &columns.decls {
            let (value, note) = match grid.cell(row.id.as_str(), column.id.as_str()) {
                Some(Cell { value, note, .. }) => (value, note.as_deref()),
                None => (otherwise?, None),
            };
            cell_row.push(cell_expr(*cell_type, value).ok()?);
            let mut text = unquote(value_text::show(value));
            if let Some(note) = note {
                text.push_str(&format!(" ({note})"));
            }
            shown_row.push(text);
        }
        cells.push(cell_row);
        shown.push(shown_row);
    }
    Some(GridData {
        rows,
        columns,
        cell_type: *cell_type,
        cells,
        shown,
    })
}

fn grid_fn(ctx: &Context, decl: &Decl, scope: &mut Scope) {
    let Some(data) = grid_data(ctx, decl) else {
        scope.raw(format!(
            "// The grid `{}` is incomplete or malformed: no function.",
            decl.id.value.replace(['\n', '\r'], " ")
        ));
        return;
    };
    let name = ctx.claim_value(snake(&decl.id.value, "grid"));
    let (row_param, column_param) = if data.rows.kind == data.columns.kind {
        ("row".to_owned(), "column".to_owned())
    } else {
        (
            snake(data.rows.kind.name(), "row"),
            snake(data.columns.kind.name(), "column"),
        )
    };
    let optional = data.cells.iter().flatten().any(Option::is_none);
    ctx.grid_fns.borrow_mut().push(GridFn {
        id: decl.id.value.clone(),
        name: name.clone(),
        optional,
    });
    let ret = cell_rust_type(data.cell_type, optional);
    let cell = |e: &Option<Expr>| match e {
        Some(e) if optional => e.clone().some(),
        Some(e) => e.clone(),
        None => Expr::atom("None"),
    };
    let count = data.rows.decls.len() * data.columns.decls.len();
    let mut body: Vec<String> = Vec::new();
    if count <= MATCH_LIMIT {
        body.push(format!("    match ({row_param}, {column_param}) {{"));
        for (r, row) in data.rows.variants.iter().enumerate() {
            for (c, column) in data.columns.variants.iter().enumerate() {
                let parts = [
                    format!("{}::{row}", data.rows.name),
                    format!("{}::{column}", data.columns.name),
                ];
                let value = data.cells.get(r).and_then(|x| x.get(c)).map(cell);
                let value = value.unwrap_or_else(|| Expr::atom("None"));
                tuple_arm(&mut body, 8, &parts, &value);
            }
        }
        body.push("    }".to_owned());
    } else {
        table_body(&data, &ret, &row_param, &column_param, &cell, &mut body);
    }

    let mut docs = format!(
        "{}: the cell of the grid {} for {} and {}.",
        escape_doc(decl.display()),
        code(&decl.id.value),
        with_article(data.rows.kind.name()),
        with_article(data.columns.kind.name())
    );
    if optional {
        docs.push_str("\n\n`None` where the policy says `n/a`.");
    }
    if let Some(table) = doc_table(&data) {
        docs.push_str("\n\n");
        docs.push_str(&table);
    }
    if let Some(Value::Texts(pauses)) = decl.value("pauses") {
        docs.push_str(&format!(
            "\n\nThe clock pauses while: {}.",
            escape_doc(&pauses.join("; "))
        ));
    }
    let params = [
        format!("{row_param}: {}", data.rows.name),
        format!("{column_param}: {}", data.columns.name),
    ];
    let sig = signature(0, &format!("pub fn {name}"), &params, &ret);
    if sig.len() == 1 {
        let mut f = Function::new(&name);
        f.vis("pub")
            .doc(doc_text(0, &docs))
            .arg(&row_param, data.rows.name.as_str())
            .arg(&column_param, data.columns.name.as_str())
            .ret(ret.as_str());
        push_body(&mut f, 4, &body);
        scope.push_fn(f);
    } else {
        let mut lines = doc(0, &docs);
        lines.extend(sig);
        lines.extend(body);
        lines.push("}".to_owned());
        scope.raw(lines.join("\n"));
    }
}

/// A large grid: its distinct values as local constants, and a static
/// `[[T; COLUMNS]; ROWS]` of them indexed by the enums' discriminants. The
/// array type proves there is a cell for every pair.
fn table_body(
    data: &GridData,
    ret: &str,
    row_param: &str,
    column_param: &str,
    cell: &dyn Fn(&Option<Expr>) -> Expr,
    body: &mut Vec<String>,
) {
    let mut distinct: Vec<Expr> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut table: Vec<Expr> = Vec::new();
    for row in &data.cells {
        let mut items = Vec::new();
        for value in row {
            let expr = cell(value);
            let key = expr.flat();
            let n = *index.entry(key).or_insert_with(|| {
                distinct.push(expr.clone());
                distinct.len() - 1
            });
            items.push(Expr::atom(format!("C{n}")));
        }
        table.push(Expr::Array(items));
    }
    body.push(format!("    type T = {ret};"));
    for (n, value) in distinct.iter().enumerate() {
        assign(body, 4, &format!("const C{n}: T"), value);
    }
    assign(
        body,
        4,
        &format!(
            "static CELLS: [[T; {}]; {}]",
            data.columns.decls.len(),
            data.rows.decls.len()
        ),
        &Expr::Array(table),
    );
    body.push(format!(
        "    CELLS[{row_param} as usize][{column_param} as usize]"
    ));
}

/// The grid as a Markdown table, when small and narrow enough.
fn doc_table(data: &GridData) -> Option<String> {
    if data.rows.decls.len() * data.columns.decls.len() > MATCH_LIMIT {
        return None;
    }
    let mut lines = Vec::new();
    let mut header = format!("| {} |", data.rows.name);
    for column in &data.columns.decls {
        header.push_str(&format!(
            " {} |",
            escape_doc(column.display()).replace('|', "/")
        ));
    }
    lines.push(header);
    lines.push(format!("|{}", "---|".repeat(data.columns.decls.len() + 1)));
    for (row, shown) in data.rows.decls.iter().zip(&data.shown) {
        let mut line = format!("| {} |", escape_doc(row.display()).replace('|', "/"));
        for cell in shown {
            line.push_str(&format!(" {} |", escape_doc(cell).replace('|', "/")));
        }
        lines.push(line);
    }
    let fits = lines
        .iter()
        .all(|l| !l.contains('\n') && layout::width(l) + 4 <= MAX_WIDTH);
    fits.then(|| lines.join("\n"))
}

// ---------------------------------------------------------------------------
// Constants of rules and grids
// ---------------------------------------------------------------------------

/// Fields of rules and grids that are structure, not data.
const STRUCTURE: &[&str] = &["rows", "columns", "cells", "otherwise", "legend"];

fn decl_consts(ctx: &Context, decl: &Decl, scope: &mut Scope) {
    for spec in decl.kind.fields() {
        if STRUCTURE.contains(&spec.name) {
            continue;
        }
        let Some(field) = decl.fields.get(spec.name) else {
            continue;
        };
        // References are typed by what they point to.
        let value = match (&field.value, spec.ty) {
            (Value::Ref(id), _) => match ctx.variant_path(id.as_str()) {
                Some(path) => Some(Typed {
                    ty: ctx
                        .policy
                        .get(id.as_str())
                        .and_then(|d| ctx.set(d.kind))
                        .map_or_else(String::new, |s| s.name.clone()),
                    expr: Expr::atom(path),
                    absent: false,
                }),
                None => typed(ctx, Type::Ref(&[]), &field.value, decl.display()),
            },
            (Value::Refs(ids), _) => {
                let kinds: Vec<Kind> = ids
                    .iter()
                    .filter_map(|id| ctx.policy.get(id.as_str()).map(|d| d.kind))
                    .collect();
                let same = kinds.len() == ids.len()
                    && kinds.windows(2).all(|w| w[0] == w[1])
                    && kinds.first().is_some_and(|k| k.is_id_set());
                match kinds.first() {
                    Some(&kind) if same => {
                        typed(ctx, Type::Refs(ref_kinds(kind)), &field.value, "")
                    }
                    _ => typed(ctx, Type::Refs(&[]), &field.value, ""),
                }
            }
            (value, ty) => typed(ctx, ty, value, decl.display()),
        };
        let Some(value) = value else {
            continue;
        };
        let mut base = format!(
            "{}_{}",
            screaming(&decl.id.value, "RULE"),
            screaming(spec.name, "FIELD")
        );
        if spec.ty == Type::Duration {
            base.push_str("_MINUTES");
        }
        let name = ctx.claim_value(base);
        let what = if decl.kind == Kind::Grid {
            "grid"
        } else {
            "rule"
        };
        let mut text = format!(
            "{} (the {what} {}): {} {}.",
            escape_doc(decl.display()),
            code(&decl.id.value),
            escape_doc(spec.label),
            code(&value_text::show(&field.value))
        );
        if spec.ty == Type::Duration {
            text.push_str(" In minutes.");
        }
        let (ty, expr) = if value.absent {
            (format!("Option<{}>", value.ty), Expr::atom("None"))
        } else {
            (value.ty, value.expr)
        };
        let ty = ty.replace("&'static ", "&");
        let mut lines = doc(0, &text);
        assign(&mut lines, 0, &format!("pub const {name}: {ty}"), &expr);
        scope.raw(lines.join("\n"));
    }
}

/// The one-kind list for typing a list of references to `kind`.
fn ref_kinds(kind: Kind) -> &'static [Kind] {
    match kind {
        Kind::Resource => &[Kind::Resource],
        Kind::Product => &[Kind::Product],
        Kind::Party => &[Kind::Party],
        Kind::Operator => &[Kind::Operator],
        Kind::License => &[Kind::License],
        Kind::Tier => &[Kind::Tier],
        Kind::Channel => &[Kind::Channel],
        Kind::Holiday => &[Kind::Holiday],
        Kind::Severity => &[Kind::Severity],
        Kind::Area => &[Kind::Area],
        Kind::Phase => &[Kind::Phase],
        Kind::Service => &[Kind::Service],
        Kind::Contact => &[Kind::Contact],
        _ => &[],
    }
}
