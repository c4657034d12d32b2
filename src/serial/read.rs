//! Reading a `policyc/1` JSON document back into the model: field values
//! are decoded by the types the schema gives their fields, grid cells by
//! the grid's `cells` type. `read(&emit(policy, meta))` equals the model
//! (spans aside): every value keeps what the model holds, prose keeps its
//! parts, notes are kept.

use super::tree::{
    coverage, ClaimDoc, Document, GridDoc, HolidayDoc, MinutesDoc, MoneyDoc, OperandDoc, PartDoc,
    ProseDoc, RangeDoc, TargetDoc, WeeklyDoc, FORMAT,
};
use crate::ast::{self, CellRef, ClaimExpr, Clock, FieldRef, HolidayRule, Item, Literal, Selector};
use crate::model::{
    Body, Cell, Decl, Field, Grid, Hours, Incidents, Interpolation, Policy, Prose, ProsePart,
    ResponseTarget, Session, Value,
};
use crate::schema::{CellType, Kind, Observance, Role, Type};
use crate::span::{Span, Spanned};
use serde::de::DeserializeOwned;
use serde_json::Value as Json;
use std::fmt;

/// Why a document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    message: String,
}

impl ReadError {
    fn new(message: impl Into<String>) -> ReadError {
        ReadError {
            message: message.into(),
        }
    }

    /// The same error, said to be found at `place`.
    fn at(self, place: impl fmt::Display) -> ReadError {
        ReadError::new(format!("{place}: {}", self.message))
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ReadError {}

type Result<T> = std::result::Result<T, ReadError>;

/// Reads a `policyc/1` JSON document back into the model. Field values are
/// decoded by the types the schema gives their fields, grid cells by the
/// grid's `cells` type.
pub fn read(text: &str) -> Result<Policy> {
    let doc: Document<Json> = serde_json::from_str(text)
        .map_err(|e| ReadError::new(format!("not a {FORMAT} document: {e}")))?;
    if doc.format != FORMAT {
        return Err(ReadError::new(format!(
            "the format is `{}`, not `{FORMAT}`",
            doc.format
        )));
    }
    let mut by_id = std::collections::HashMap::new();
    for (index, d) in doc.declarations.iter().enumerate() {
        if by_id.insert(d.id.clone(), index).is_some() {
            return Err(ReadError::new(format!(
                "the id `{}` is declared twice",
                d.id
            )));
        }
    }
    let mut decls = Vec::with_capacity(doc.declarations.len());
    for (index, d) in doc.declarations.iter().enumerate() {
        let decl = declaration(d, index, &by_id).map_err(|e| e.at(format!("`{}`", d.id)))?;
        decls.push(decl);
    }
    // Each nested declaration is listed once, in its parent's body.
    let mut listed = vec![0usize; decls.len()];
    for (index, decl) in decls.iter().enumerate() {
        for body in &decl.body {
            if let Body::Decl(child) = body {
                if decls.get(*child).and_then(|c| c.parent) != Some(index) {
                    return Err(ReadError::new(format!(
                        "`{}` lists `{}` in its body, but that is not its child",
                        decl.id.value,
                        decls.get(*child).map_or("?", |c| c.id.as_str())
                    )));
                }
                if let Some(n) = listed.get_mut(*child) {
                    *n += 1;
                }
            }
        }
    }
    for (decl, n) in decls.iter().zip(&listed) {
        if decl.parent.is_some() && *n != 1 {
            return Err(ReadError::new(format!(
                "`{}` must appear once in its parent's body",
                decl.id.value
            )));
        }
    }
    let roots = decls
        .iter()
        .enumerate()
        .filter(|(_, d)| d.parent.is_none())
        .map(|(i, _)| i)
        .collect();
    let mut policy = Policy {
        decls,
        roots,
        by_id,
        gaps: Default::default(),
    };
    crate::model::typing::type_claims(&mut policy);
    Ok(policy)
}

fn spanned(text: &str) -> Spanned<String> {
    Spanned::new(text.to_owned(), Span::default())
}

fn declaration(
    d: &super::tree::Declaration<Json>,
    index: usize,
    by_id: &std::collections::HashMap<String, usize>,
) -> Result<Decl> {
    let kind = Kind::parse(&d.kind)
        .ok_or_else(|| ReadError::new(format!("`{}` is not a kind of declaration", d.kind)))?;
    let parent = match &d.parent {
        None => None,
        Some(p) => match by_id.get(p) {
            Some(&i) if i < index => Some(i),
            Some(_) => {
                return Err(ReadError::new(format!(
                    "the parent `{p}` must come before its children"
                )))
            }
            None => return Err(ReadError::new(format!("no declaration has the id `{p}`"))),
        },
    };
    let cell_type = d
        .fields
        .get(crate::schema::fields::grid::CELLS)
        .and_then(Json::as_str)
        .and_then(cell_type_named);
    let mut fields = crate::model::FieldMap::default();
    for (name, json) in &d.fields {
        let spec = kind
            .field(name)
            .ok_or_else(|| ReadError::new(format!("a `{}` has no field `{name}`", kind.name())))?;
        let value = if spec.ty == Type::Cell {
            cell_value(cell_type, json)
        } else {
            field_value(spec.ty, json)
        }
        .map_err(|e| e.at(format!("field `{name}`")))?;
        let items = match &value {
            Value::Texts(v) => v.len(),
            Value::Refs(v) | Value::FieldNames(v) => v.len(),
            Value::Weekly(v) => v.len(),
            Value::Dates(v) => v.len(),
            _ => 1,
        };
        fields.insert(
            spec.name,
            Field {
                name: Spanned::new(spec.name, Span::default()),
                value,
                note: d.notes.get(name).cloned(),
                item_spans: vec![Span::default(); items],
                span: Span::default(),
            },
        );
    }
    if let Some(name) = d.notes.keys().find(|n| !d.fields.contains_key(*n)) {
        return Err(ReadError::new(format!(
            "a note for `{name}`, which has no value"
        )));
    }
    let mut body = Vec::with_capacity(d.body.len());
    for item in &d.body {
        body.push(match item {
            super::tree::BodyItem::Prose(p) => Body::Prose(prose(p)?),
            super::tree::BodyItem::Declaration(id) => Body::Decl(
                *by_id
                    .get(id)
                    .ok_or_else(|| ReadError::new(format!("no declaration has the id `{id}`")))?,
            ),
        });
    }
    let grid = match (&d.grid, kind) {
        (Some(g), Kind::Grid) => Some(grid(g, cell_type).map_err(|e| e.at("grid"))?),
        (None, Kind::Grid) => return Err(ReadError::new("a grid needs `grid`")),
        (Some(_), _) => {
            return Err(ReadError::new(format!(
                "a `{}` holds no `grid`",
                kind.name()
            )))
        }
        (None, _) => None,
    };
    Ok(Decl {
        kind,
        id: spanned(&d.id),
        title: d.title.as_deref().map(spanned),
        fields,
        body,
        grid: grid.map(Box::new),
        parent,
        span: Span::default(),
    })
}

fn grid(g: &GridDoc<Json>, cell_type: Option<CellType>) -> Result<Grid> {
    if g.cells.len() != g.rows.len() {
        return Err(ReadError::new(format!(
            "{} rows of cells for {} rows",
            g.cells.len(),
            g.rows.len()
        )));
    }
    if let Some(notes) = &g.notes {
        let same_shape = notes.len() == g.cells.len()
            && notes.iter().zip(&g.cells).all(|(n, c)| n.len() == c.len());
        if !same_shape {
            return Err(ReadError::new("`notes` must have the shape of `cells`"));
        }
    }
    let mut cells = Vec::with_capacity(g.cells.len());
    for (r, row) in g.cells.iter().enumerate() {
        if row.len() != g.columns.len() {
            return Err(ReadError::new(format!(
                "row {} has {} cells for {} columns",
                r + 1,
                row.len(),
                g.columns.len()
            )));
        }
        let mut out = Vec::with_capacity(row.len());
        for (c, cell) in row.iter().enumerate() {
            out.push(match cell {
                None => None,
                Some(json) => Some(Cell {
                    value: cell_value(cell_type, json)
                        .map_err(|e| e.at(format!("row {}, column {}", r + 1, c + 1)))?,
                    note: g.notes.as_ref().and_then(|n| n.get(r)?.get(c)?.clone()),
                    span: Span::default(),
                }),
            });
        }
        cells.push(out);
    }
    Ok(Grid {
        rows: g.rows.iter().map(|r| spanned(r)).collect(),
        columns: g.columns.iter().map(|c| spanned(c)).collect(),
        cells,
        malformed: false,
    })
}

fn cell_type_named(name: &str) -> Option<CellType> {
    CellType::ALL.into_iter().find(|c| c.name() == name)
}

fn expected(what: &str, json: &Json) -> ReadError {
    let found = match json {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) => format!("\"{s}\""),
        Json::Array(_) => "an array".to_owned(),
        Json::Object(_) => "an object".to_owned(),
    };
    ReadError::new(format!("expected {what}, found {found}"))
}

fn string<'j>(json: &'j Json, what: &str) -> Result<&'j str> {
    json.as_str().ok_or_else(|| expected(what, json))
}

fn strings(json: &Json, what: &str) -> Result<Vec<String>> {
    let items = json
        .as_array()
        .ok_or_else(|| expected(&format!("a list of {what}"), json))?;
    items
        .iter()
        .map(|i| string(i, what).map(str::to_owned))
        .collect()
}

fn shape<T: DeserializeOwned>(json: &Json, what: &str) -> Result<T> {
    T::deserialize(json).map_err(|e| ReadError::new(format!("{what}: {e}")))
}

fn count(json: &Json) -> Result<u64> {
    json.as_u64()
        .ok_or_else(|| expected("a whole number", json))
}

fn date(text: &str) -> Result<chrono::NaiveDate> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    well_formed
        .then(|| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| ReadError::new(format!("`{text}` is not a date (YYYY-MM-DD)")))
}

fn month(text: &str) -> Option<(i32, u32)> {
    let (y, m) = text.split_once('-')?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if y.len() != 4 || m.len() != 2 || !digits(y) || !digits(m) {
        return None;
    }
    let m: u32 = m.parse().ok()?;
    (1..=12).contains(&m).then_some((y.parse().ok()?, m))
}

/// `MM-DD`.
fn month_day(text: &str) -> Result<(u32, u32)> {
    let bad = || ReadError::new(format!("`{text}` is not a day of the year (MM-DD)"));
    let (m, d) = text.split_once('-').ok_or_else(bad)?;
    if m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    Ok((m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?))
}

/// `HH:MM` in minutes after midnight.
fn clock_time(text: &str) -> Result<u32> {
    let bad = || ReadError::new(format!("`{text}` is not a time (HH:MM)"));
    let (h, m) = text.split_once(':').ok_or_else(bad)?;
    if h.len() != 2 || m.len() != 2 {
        return Err(bad());
    }
    let h: u32 = h.parse().map_err(|_| bad())?;
    let m: u32 = m.parse().map_err(|_| bad())?;
    if m >= 60 {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

/// A limit as the JSON writes it: `20 members`, `12 hours/quarter`, `3`,
/// `unlimited`, `n/a`.
fn read_limit(text: &str) -> Option<crate::model::Limit> {
    use crate::model::Limit;
    let word = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    match text {
        "unlimited" => return Some(Limit::Unlimited),
        "n/a" => return Some(Limit::NotApplicable),
        _ => {}
    }
    let (amount, rest) = text.split_once(' ').unwrap_or((text, ""));
    let amount: u64 = amount.parse().ok()?;
    let mut parts = rest.split('/');
    let unit = parts.next().unwrap_or_default();
    let per: Vec<String> = parts.map(str::to_owned).collect();
    if (!unit.is_empty() && !word(unit))
        || per.iter().any(|p| !word(p))
        || (unit.is_empty() && !per.is_empty())
    {
        return None;
    }
    Some(Limit::Amount(ast::Quantity {
        amount,
        unit: unit.to_owned(),
        per,
    }))
}

fn weekday(text: &str) -> Result<chrono::Weekday> {
    use chrono::Weekday::*;
    [Mon, Tue, Wed, Thu, Fri, Sat, Sun]
        .into_iter()
        .find(|d| super::tree::weekday(*d) == text)
        .ok_or_else(|| ReadError::new(format!("`{text}` is not a day of the week")))
}

fn target(t: &TargetDoc) -> Result<ResponseTarget> {
    let plain = |value: ResponseTarget| match (t.amount, &t.calendar) {
        (None, None) => Ok(value),
        _ => Err(ReadError::new(format!(
            "a `{}` target has no `amount` or `calendar`",
            t.kind
        ))),
    };
    if let Some((_, clock, unit)) = super::tree::TARGET_KINDS
        .iter()
        .find(|(kind, _, _)| *kind == t.kind)
    {
        let Some(amount) = t.amount else {
            return Err(ReadError::new(format!(
                "a `{}` target needs an `amount`",
                t.kind
            )));
        };
        if t.calendar.is_some() && *clock != ast::Clock::Business {
            return Err(ReadError::new(format!(
                "a `{}` target counts elapsed time: it has no `calendar`",
                t.kind
            )));
        }
        return Ok(ResponseTarget::Within(ast::Target {
            amount,
            unit: *unit,
            clock: *clock,
            on: t.calendar.as_deref().map(Box::from),
        }));
    }
    match t.kind.as_str() {
        "best-effort" => plain(ResponseTarget::BestEffort),
        "n/a" => plain(ResponseTarget::NotApplicable),
        other => Err(ReadError::new(format!("`{other}` is not a kind of target"))),
    }
}

fn money(m: MoneyDoc) -> ast::Money {
    ast::Money {
        currency: m.currency,
        minor: m.minor,
        per: m.per,
    }
}

fn incidents(json: &Json) -> Result<Incidents> {
    match json {
        Json::String(s) if s == "unlimited" => Ok(Incidents::Unlimited),
        Json::String(s) if s == "n/a" => Ok(Incidents::NotApplicable),
        _ => json
            .as_u64()
            .map(Incidents::Count)
            .ok_or_else(|| expected("a whole number, \"unlimited\" or \"n/a\"", json)),
    }
}

fn session(json: &Json) -> Result<Session> {
    match json {
        Json::String(s) if s == "unlimited" => Ok(Session::Unlimited),
        Json::String(s) if s == "not-available" => Ok(Session::NotAvailable),
        Json::Object(_) => Ok(Session::Minutes(
            shape::<MinutesDoc>(json, "a session")?.minutes,
        )),
        _ => Err(expected(
            "{\"minutes\": N}, \"unlimited\" or \"not-available\"",
            json,
        )),
    }
}

/// A field's value, by its schema type.
fn field_value(ty: Type, json: &Json) -> Result<Value> {
    Ok(match ty {
        Type::Text => Value::Text(string(json, "text")?.to_owned()),
        Type::Prose => match json {
            Json::String(s) => Value::Text(s.clone()),
            _ => Value::Prose(prose(&shape::<ProseDoc>(json, "prose")?)?),
        },
        Type::Texts => Value::Texts(strings(json, "texts")?),
        Type::Number => {
            let n = string(json, "a number as a string")?;
            let ok = n.split('.').count() <= 2
                && n.split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                return Err(ReadError::new(format!("`{n}` is not a number")));
            }
            Value::Number(n.to_owned())
        }
        Type::Version => {
            let v = string(json, "a version as a string")?;
            let parts: Vec<&str> = v.split('.').collect();
            let ok = (2..=3).contains(&parts.len())
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                return Err(ReadError::new(format!("`{v}` is not a version")));
            }
            Value::Version(v.to_owned())
        }
        Type::Count => Value::Count(count(json)?),
        Type::Date => Value::Date(date(string(json, "a date")?)?),
        Type::DateOrMonth => {
            let text = string(json, "a date or a month")?;
            match month(text) {
                Some((y, m)) => Value::Month(y, m),
                None => {
                    Value::Date(date(text).map_err(|_| {
                        ReadError::new(format!("`{text}` is not a date or a month"))
                    })?)
                }
            }
        }
        Type::Range => {
            let r: RangeDoc = shape(json, "a range")?;
            Value::Range(r.from, r.to)
        }
        Type::Money => Value::Money(money(shape(json, "money")?)),
        Type::Duration => Value::Duration(shape::<MinutesDoc>(json, "a duration")?.minutes),
        Type::Period => {
            let doc = shape::<super::tree::PeriodDoc>(json, "a period")?;
            let unit = crate::ast::PeriodUnit::parse(&doc.unit)
                .filter(|_| doc.unit.ends_with('s'))
                .ok_or_else(|| {
                    ReadError::new(format!(
                        "`{}` is not a unit of calendar time: write `days`, `weeks`, `months` or `years`",
                        doc.unit
                    ))
                })?;
            Value::Period(crate::ast::Period {
                amount: doc.amount,
                unit,
            })
        }
        Type::YesNo => Value::Bool(
            json.as_bool()
                .ok_or_else(|| expected("true or false", json))?,
        ),
        Type::Incidents => Value::Incidents(incidents(json)?),
        Type::Target => Value::Target(target(&shape(json, "a target")?)?),
        Type::Hours => match json {
            Json::String(s) if s == "best-effort" => Value::Hours(Hours::BestEffort),
            Json::String(s) if s == "24x7" => Value::Hours(Hours::Around),
            Json::Object(_) => Value::Hours(Hours::Calendar(spanned(
                &shape::<super::tree::CalendarDoc>(json, "hours")?.calendar,
            ))),
            _ => {
                return Err(expected(
                    "\"best-effort\", \"24x7\" or {\"calendar\": ID}",
                    json,
                ))
            }
        },
        Type::Ref(_) => Value::Ref(spanned(string(json, "an id")?)),
        Type::Refs(_) => Value::Refs(strings(json, "ids")?.iter().map(|s| spanned(s)).collect()),
        Type::KindName => {
            let name = string(json, "a kind")?;
            Value::Kind(
                Kind::parse(name)
                    .ok_or_else(|| ReadError::new(format!("`{name}` is not a kind")))?,
            )
        }
        Type::CellType => {
            let name = string(json, "a cell type")?;
            Value::CellType(
                cell_type_named(name)
                    .ok_or_else(|| ReadError::new(format!("`{name}` is not a cell type")))?,
            )
        }
        Type::LabelOf => {
            let text = string(json, "a kind or a kind's field")?;
            let known = match text.split_once('.') {
                Some((kind, field)) => Kind::parse(kind).is_some_and(|k| k.field(field).is_some()),
                None => Kind::parse(text).is_some(),
            };
            if !known {
                return Err(ReadError::new(format!(
                    "`{text}` is not a kind or a kind's field"
                )));
            }
            Value::Text(text.to_owned())
        }
        Type::Quantity => {
            let text = string(json, "a limit")?;
            Value::Limit(read_limit(text).ok_or_else(|| {
                ReadError::new(format!(
                    "`{text}` is not a limit such as `20 members`, `12 hours/quarter`, `unlimited` or `n/a`"
                ))
            })?)
        }
        Type::Start => {
            let word = string(json, "where a metric's clock starts")?;
            if !crate::model::typing::START_WORDS.contains(&word) {
                return Err(ReadError::new(format!(
                    "`{word}` is not `submission` or `last-update`"
                )));
            }
            Value::Text(word.to_owned())
        }
        Type::Role => {
            let name = string(json, "a role")?;
            Value::Role(
                Role::parse(name)
                    .ok_or_else(|| ReadError::new(format!("`{name}` is not a role")))?,
            )
        }
        Type::Observance => {
            let name = string(json, "an observance")?;
            Value::Observance(
                Observance::parse(name)
                    .ok_or_else(|| ReadError::new(format!("`{name}` is not an observance")))?,
            )
        }
        Type::Weekly => {
            let hours: Vec<WeeklyDoc> = shape(json, "weekly hours")?;
            Value::Weekly(
                hours
                    .iter()
                    .map(|w| {
                        Ok(ast::WeeklyHours {
                            from: weekday(&w.from)?,
                            to: weekday(&w.to)?,
                            open: clock_time(&w.open)?,
                            close: clock_time(&w.close)?,
                        })
                    })
                    .collect::<Result<_>>()?,
            )
        }
        Type::Dates => Value::Dates(
            strings(json, "dates")?
                .iter()
                .map(|d| date(d))
                .collect::<Result<_>>()?,
        ),
        Type::Holiday => Value::Holiday(holiday(&shape(json, "a holiday rule")?)?),
        Type::Claim => Value::Claim(Box::new(crate::model::Claim {
            expr: claim(&shape(json, "a claim")?)?,
            operand: None,
        })),
        Type::Zone => Value::Zone(string(json, "a time zone")?.to_owned()),
        Type::Cell => cell_value(None, json)?,
        Type::FieldNames => Value::FieldNames(
            strings(json, "field names")?
                .iter()
                .map(|s| spanned(s))
                .collect(),
        ),
        Type::Instant => {
            let text = string(json, "an instant")?;
            Value::Instant(
                chrono::DateTime::parse_from_rfc3339(text)
                    .map_err(|_| ReadError::new(format!("`{text}` is not an RFC 3339 instant")))?,
            )
        }
    })
}

/// A cell's value, by the grid's cell type; a value of another type is read
/// by its shape, as the model builder types an untyped cell.
fn cell_value(cell_type: Option<CellType>, json: &Json) -> Result<Value> {
    let typed = match cell_type {
        Some(CellType::Target) => field_value(Type::Target, json),
        Some(CellType::Coverage) => json
            .as_str()
            .and_then(coverage)
            .map(Value::Coverage)
            .ok_or_else(|| expected("a coverage", json)),
        Some(CellType::YesNo) => field_value(Type::YesNo, json),
        Some(CellType::Session) => session(json).map(Value::Session),
        Some(CellType::Text) => field_value(Type::Text, json),
        Some(CellType::Incidents) => field_value(Type::Incidents, json),
        Some(CellType::Quantity) => field_value(Type::Quantity, json),
        Some(CellType::Date) => match json.as_str() {
            Some("n/a") => Ok(Value::NotApplicable),
            _ => field_value(Type::Date, json),
        },
        None => Err(ReadError::new("untyped")),
    };
    if let Ok(value) = typed {
        return Ok(value);
    }
    Ok(match json {
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(_) => Value::Incidents(incidents(json)?),
        Json::String(s) => match (s.as_str(), coverage(s)) {
            (_, Some(c)) => Value::Coverage(c),
            ("unlimited", _) => Value::Incidents(Incidents::Unlimited),
            ("n/a", _) => Value::Target(ResponseTarget::NotApplicable),
            _ => Value::Text(s.clone()),
        },
        Json::Object(map) if map.contains_key("kind") => {
            Value::Target(target(&shape(json, "a target")?)?)
        }
        Json::Object(map) if map.contains_key("minutes") => Value::Session(session(json)?),
        _ => return Err(expected("a cell value", json)),
    })
}

fn prose(p: &ProseDoc) -> Result<Prose> {
    let mut parts = Vec::with_capacity(p.parts.len());
    for part in &p.parts {
        parts.push(match part {
            PartDoc::Text(t) => ProsePart::Text(t.clone()),
            PartDoc::Ref(r) => ProsePart::Value(
                match (&r.declaration, &r.field, &r.grid, &r.row, &r.column) {
                    (Some(d), None, None, None, None) => Interpolation::Title(spanned(d)),
                    (Some(d), Some(f), None, None, None) => {
                        Interpolation::Field(spanned(d), spanned(f))
                    }
                    (None, None, Some(g), Some(r), Some(c)) => {
                        Interpolation::Cell(spanned(g), spanned(r), spanned(c))
                    }
                    _ => return Err(ReadError::new(
                        "a prose `ref` is {\"declaration\"}, {\"declaration\", \"field\"} or {\"grid\", \"row\", \"column\"}",
                    )),
                },
            ),
        });
    }
    Ok(Prose {
        parts,
        span: Span::default(),
    })
}

fn holiday(h: &HolidayDoc) -> Result<HolidayRule> {
    match (&h.fixed, h.easter, &h.weekday, &h.from, &h.to) {
        (Some(fixed), None, None, None, None) => {
            let (month, day) = month_day(fixed)?;
            Ok(HolidayRule::Fixed { month, day })
        }
        (None, Some(days), None, None, None) => Ok(HolidayRule::Easter { days }),
        (None, None, Some(w), Some(from), Some(to)) => Ok(HolidayRule::WeekdayBetween {
            weekday: weekday(w)?,
            from: month_day(from)?,
            to: month_day(to)?,
        }),
        _ => Err(ReadError::new(
            "a holiday is {\"fixed\"}, {\"easter\"} or {\"weekday\", \"from\", \"to\"}",
        )),
    }
}

fn cells(c: &super::tree::CellsDoc) -> CellRef {
    let selector = |s: &str| {
        if s == "*" {
            Selector::All(Span::default())
        } else {
            Selector::Id(spanned(s))
        }
    };
    CellRef {
        grid: spanned(&c.grid),
        row: selector(&c.row),
        column: selector(&c.column),
    }
}

fn operand(o: &OperandDoc) -> Result<Item> {
    let literal =
        match o {
            OperandDoc::Target(t) => match target(t)? {
                ResponseTarget::Within(t) => Literal::Target(t),
                _ => return Err(ReadError::new(
                    "a `target` operand has an amount; write `best-effort` and `n/a` as keywords",
                )),
            },
            OperandDoc::Duration(d) => Literal::Duration(d.minutes),
            OperandDoc::Money(m) => Literal::Money(Box::new(money(m.clone()))),
            OperandDoc::Keyword(k) => Literal::Keyword(
                ast::Keyword::parse(k)
                    .ok_or_else(|| ReadError::new(format!("`{k}` is not a keyword")))?,
            ),
            OperandDoc::Number(n) => Literal::Number(n.clone()),
            OperandDoc::Text(t) => Literal::Text(t.clone()),
            OperandDoc::Ref(r) => Literal::Reference(r.clone()),
        };
    Ok(Item {
        literal,
        note: None,
        span: Span::default(),
    })
}

fn claim(c: &ClaimDoc) -> Result<ClaimExpr> {
    let is = || {
        c.is.as_ref()
            .ok_or_else(|| ReadError::new("the claim needs `is`"))
            .and_then(operand)
    };
    match (&c.same, &c.every, &c.cell, &c.field, &c.is, &c.runs) {
        (Some(s), None, None, None, None, None) => Ok(ClaimExpr::Same(cells(s))),
        (None, Some(e), None, None, Some(_), None) => Ok(ClaimExpr::EveryIs(cells(e), is()?)),
        (None, Some(e), None, None, None, Some(clock)) => {
            let clock = match clock.as_str() {
                "business" => Clock::Business,
                "24x7" => Clock::Continuous,
                other => {
                    return Err(ReadError::new(format!(
                        "`{other}` is not a clock: `business` or `24x7`"
                    )))
                }
            };
            Ok(ClaimExpr::EveryRuns(
                cells(e),
                Spanned::new(clock, Span::default()),
            ))
        }
        (None, None, Some(cell), None, Some(_), None) => Ok(ClaimExpr::CellIs(cells(cell), is()?)),
        (None, None, None, Some(f), Some(_), None) => Ok(ClaimExpr::FieldIs(
            FieldRef {
                decl: spanned(&f.declaration),
                field: spanned(&f.field),
            },
            is()?,
        )),
        _ => Err(ReadError::new(
            "a claim is {\"same\"}, {\"every\", \"is\"}, {\"every\", \"runs\"}, {\"cell\", \"is\"} or {\"field\", \"is\"}",
        )),
    }
}
