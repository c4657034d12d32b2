//! Builds the model from the syntax tree: kinds, placement, titles, fields
//! and their types, grid shape. Reports every mismatch and keeps going.

use crate::ast::{self, Entry, Item, Literal};
use crate::codes::Code;
use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::model::typing::{cell_value, fits, simple_value};
use crate::model::*;
use crate::schema::{fields, CellType, FieldSpec, Kind, Observance, Role, Type};
use crate::span::{Span, Spanned};

/// Builds the model; returns it with the problems found.
pub fn build(file: &mut ast::File) -> (Policy, Vec<Diagnostic>) {
    let mut builder = Builder::default();
    builder.policy.gaps.partial = !file.broken.is_empty();
    builder.policy.gaps.lost_ids = file
        .broken
        .iter()
        .flat_map(|b| b.ids.iter().cloned())
        .collect();
    // Room for every declaration at once: no slack from doubling, and no
    // second copy while the vector grows.
    fn count(decls: &mut dyn Iterator<Item = &ast::Declaration>) -> usize {
        decls
            .map(|d| {
                1 + count(&mut d.entries.iter().filter_map(|e| match e {
                    Entry::Declaration(d) => Some(&**d),
                    _ => None,
                }))
            })
            .sum()
    }
    builder
        .policy
        .decls
        .reserve_exact(count(&mut file.declarations.iter()));
    for declaration in &mut file.declarations {
        if let Some(index) = builder.declaration(declaration, None) {
            builder.policy.roots.push(index);
        }
        // What the model holds now, the syntax tree need not.
        declaration.entries = Vec::new();
    }
    builder.check_header(file);
    for (index, decl) in builder.policy.decls.iter().enumerate() {
        builder
            .policy
            .by_id
            .entry(decl.id.value.clone())
            .or_insert(index);
    }
    // Claims name grids and fields anywhere in the file: their operands are
    // typed once everything is built.
    crate::model::typing::type_claims(&mut builder.policy);
    (builder.policy, builder.diagnostics)
}

#[derive(Default)]
struct Builder {
    policy: Policy,
    diagnostics: Vec<Diagnostic>,
}

impl Builder {
    fn declaration(
        &mut self,
        decl: &mut ast::Declaration,
        parent: Option<(usize, Kind)>,
    ) -> Option<usize> {
        let Some(kind) = Kind::parse(&decl.kind.value) else {
            self.diagnostics.push(
                Diagnostic::new(
                    Code::E101,
                    format!("`{}` is not a kind of declaration", decl.kind.value),
                )
                .label(decl.kind.span, "unknown kind")
                .help_did_you_mean_or_list(
                    &decl.kind.value,
                    Kind::ALL.iter().map(|k| k.name()),
                    "a declaration is one of: ",
                ),
            );
            // What it declares and refers to is not reported unknown or
            // unused: one mistake, one error.
            self.policy.gaps.lost_ids.insert(decl.id.value.clone());
            self.unread(decl);
            return None;
        };
        match parent {
            None if !matches!(kind, Kind::Policy | Kind::Section) => {
                self.diagnostics.push(
                    Diagnostic::new(
                        Code::E102,
                        format!("a `{}` cannot stand at the top of the file", kind.name()),
                    )
                    .label(decl.kind.span, "outside any section")
                    .help("put it inside the `section` of the document where it belongs"),
                );
            }
            Some((_, parent_kind)) if !parent_kind.children().contains(&kind) => {
                let allowed = parent_kind.children();
                let help = if allowed.is_empty() {
                    format!("a `{}` holds no declarations", parent_kind.name())
                } else {
                    format!("move it out of the `{}`", parent_kind.name())
                };
                self.diagnostics.push(
                    Diagnostic::new(
                        Code::E102,
                        format!(
                            "a `{}` cannot stand inside a `{}`",
                            kind.name(),
                            parent_kind.name()
                        ),
                    )
                    .label(decl.kind.span, "misplaced")
                    .help(help),
                );
            }
            _ => {}
        }
        if kind.needs_title() && decl.title.is_none() {
            self.diagnostics.push(
                Diagnostic::new(
                    Code::E103,
                    format!("the {} `{}` has no title", kind.name(), decl.id.value),
                )
                .label(decl.id.span, "title missing after the id")
                .help(format!(
                    "write its title in quotes: `{} {} \"Title\" {{`",
                    kind.name(),
                    decl.id.value
                )),
            );
        }
        let index = self.policy.decls.len();
        self.policy.decls.push(Decl {
            kind,
            id: decl.id.clone(),
            title: decl.title.clone(),
            fields: FieldMap::with_capacity(
                decl.entries
                    .iter()
                    .filter(|e| matches!(e, Entry::Field(_)))
                    .count(),
            ),
            body: Vec::new(),
            grid: None,
            parent: parent.map(|(p, _)| p),
            span: decl.span,
        });
        // The rows, by their place among the entries.
        let mut rows = Vec::new();
        let mut body = Vec::new();
        for (place, entry) in decl.entries.iter_mut().enumerate() {
            match entry {
                Entry::Field(field) => self.field(index, kind, field),
                Entry::Row(row) => {
                    if kind.holds_rows() {
                        rows.push(place);
                    } else {
                        self.diagnostics.push(
                            Diagnostic::new(
                                Code::E104,
                                format!("a `{}` holds no grid rows", kind.name()),
                            )
                            .label(row.span, "row outside a grid")
                            .help("table rows belong in a `grid` declaration"),
                        );
                    }
                }
                Entry::Prose(prose) => {
                    if kind.holds_prose() {
                        body.push(Body::Prose(self.prose(prose)));
                    } else {
                        self.diagnostics.push(
                            Diagnostic::new(Code::E104, format!("a `{}` holds no prose of its own", kind.name()))
                                .label(prose.span, "prose here")
                                .help("move the prose into the enclosing section, or into one of this declaration's fields"),
                        );
                    }
                }
                Entry::Declaration(child) => {
                    if let Some(child_index) = self.declaration(child, Some((index, kind))) {
                        body.push(Body::Decl(child_index));
                    }
                    // Built: its entries are in the model now, and the
                    // syntax tree shrinks as the model grows (a section of
                    // thousands of declarations never holds both whole).
                    child.entries = Vec::new();
                }
            }
        }
        self.policy.decls[index].body = body;
        // Required fields. A calendar an order form defines (`order-form-
        // overrides: yes`) may leave its zone and hours to the order form.
        let by_order_form = kind == Kind::Calendar
            && self.policy.decls[index].value(fields::calendar::ORDER_FORM_OVERRIDES)
                == Some(&Value::Bool(true));
        for spec in kind.fields().iter().filter(|s| s.required) {
            if by_order_form && matches!(spec.name, fields::calendar::ZONE | fields::calendar::OPEN)
            {
                continue;
            }
            // Written with an invalid value or a misspelt name: reported
            // already, so not reported again as missing.
            let written_invalid = self.policy.gaps.field(index, spec.name);
            if !written_invalid && !self.policy.decls[index].fields.contains_key(spec.name) {
                self.diagnostics.push(
                    Diagnostic::new(
                        Code::E105,
                        format!(
                            "the {} `{}` has no `{}`",
                            kind.name(),
                            decl.id.value,
                            spec.name
                        ),
                    )
                    .label(decl.id.span, format!("`{}` missing", spec.name))
                    .help(format!(
                        "add `{}: {}`",
                        spec.name,
                        spec.ty.example()
                    )),
                );
            }
        }
        if kind == Kind::Grid {
            self.retype_otherwise(index, decl);
            let rows: Vec<&ast::Row> = rows
                .iter()
                .filter_map(|&place| match &decl.entries[place] {
                    Entry::Row(row) => Some(row),
                    _ => None,
                })
                .collect();
            let grid = self.grid(index, &rows);
            self.policy.decls[index].grid = Some(Box::new(grid));
        }
        Some(index)
    }

    /// Records the ids a declaration left out of the model refers to.
    fn unread(&mut self, decl: &ast::Declaration) {
        for entry in &decl.entries {
            match entry {
                Entry::Field(field) => self.unread_value(&field.value),
                Entry::Row(row) => {
                    for cell in &row.cells {
                        if let ast::Cell::Value(item) = cell {
                            self.unread_item(item);
                        }
                    }
                }
                Entry::Declaration(child) => {
                    self.policy.gaps.lost_ids.insert(child.id.value.clone());
                    self.unread(child);
                }
                Entry::Prose(_) => {}
            }
        }
    }

    /// Records the ids a value left out of the model refers to.
    fn unread_value(&mut self, value: &ast::Value) {
        for item in value.items() {
            self.unread_item(item);
        }
    }

    fn unread_item(&mut self, item: &Item) {
        if let Literal::Reference(r) = &item.literal {
            self.policy.gaps.refs.insert(r.clone());
        }
    }

    /// Types a grid's `otherwise:` by the grid's cell type, known only
    /// once every field is read.
    fn retype_otherwise(&mut self, index: usize, decl: &ast::Declaration) {
        let cell_type = match self.policy.decls[index].value(fields::grid::CELLS) {
            Some(Value::CellType(c)) => Some(*c),
            _ => None,
        };
        let item = decl.entries.iter().find_map(|e| match e {
            Entry::Field(f) if f.name.value == fields::grid::OTHERWISE => f.value.items().first(),
            _ => None,
        });
        if let (Some(item), Some(field)) = (
            item,
            self.policy.decls[index]
                .fields
                .get_mut(fields::grid::OTHERWISE),
        ) {
            field.value = cell_value(cell_type, item);
        }
    }

    fn check_header(&mut self, file: &ast::File) {
        let headers: Vec<&Decl> = self.policy.of_kind(Kind::Policy).collect();
        match headers.as_slice() {
            // The header may be the declaration a syntax error broke.
            [] if self.policy.gaps.partial => {}
            [] => {
                let span = file
                    .declarations
                    .first()
                    .map_or(Span::default(), |d| d.kind.span);
                self.diagnostics.push(
                    Diagnostic::new(Code::E106, "the file has no `policy` header")
                        .label(span, "the policy header should come first")
                        .help("start the file with a header: `policy my-policy \"Title\" { ... }`"),
                );
            }
            [_] => {}
            [first, rest @ ..] => {
                let first_span = first.id.span;
                let spans: Vec<Span> = rest.iter().map(|d| d.id.span).collect();
                for span in spans {
                    self.diagnostics.push(
                        Diagnostic::new(Code::E106, "a file holds one `policy` header")
                            .label(span, "second header")
                            .label(first_span, "first header")
                            .help("each version of a policy is a file of its own"),
                    );
                }
            }
        }
    }

    fn field(&mut self, index: usize, kind: Kind, field: &ast::Field) {
        let Some(spec) = kind.field(&field.name.value) else {
            let mut d = Diagnostic::new(
                Code::E107,
                format!("a `{}` has no field `{}`", kind.name(), field.name.value),
            )
            .label(field.name.span, "unknown field");
            let names = kind.fields().iter().map(|f| f.name);
            d = match did_you_mean(&field.name.value, names) {
                Some(n) => {
                    // The field it most likely meant is written, misspelt:
                    // not missing, and not unknown where it is looked up.
                    if let Some(spec) = kind.field(n) {
                        self.policy.gaps.fields.insert((index, spec.name));
                    }
                    d.help(format!("did you mean `{n}`?"))
                }
                None if kind.fields().is_empty() => {
                    d.help(format!("a `{}` has no fields", kind.name()))
                }
                None => d.help(format!(
                    "a `{}` has the fields {}",
                    kind.name(),
                    kind.fields()
                        .iter()
                        .map(|f| format!("`{}`", f.name))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            };
            self.diagnostics.push(d);
            self.unread_value(&field.value);
            return;
        };
        if let Some(previous) = self.policy.decls[index].fields.get(spec.name) {
            let first = previous.name.span;
            self.diagnostics.push(
                Diagnostic::new(
                    Code::E108,
                    format!("the field `{}` is given twice", spec.name),
                )
                .label(field.name.span, "second time")
                .label(first, "first time")
                .help("keep one of them"),
            );
            return;
        }
        let Some(value) = self.typed(spec, &field.value) else {
            self.policy.gaps.fields.insert((index, spec.name));
            self.unread_value(&field.value);
            return;
        };
        let note = match &field.value {
            ast::Value::Single(item) => item.note.as_ref().map(|n| n.value.clone()),
            ast::Value::List(..) => None,
        };
        let item_spans = field.value.items().iter().map(|i| i.span).collect();
        self.policy.decls[index].fields.insert(
            spec.name,
            Field {
                name: Spanned::new(spec.name, field.name.span),
                value,
                note,
                item_spans,
                span: field.span,
            },
        );
    }

    fn mismatch(&mut self, span: Span, spec: &FieldSpec, wanted: &str) {
        self.diagnostics.push(
            Diagnostic::new(Code::E209, format!("`{}` takes {wanted}", spec.name))
                .label(span, "wrong kind of value")
                .help(format!("write e.g. `{}: {}`", spec.name, spec.ty.example())),
        );
    }

    /// Types a field's value by its spec; `None` after reporting a mismatch.
    fn typed(&mut self, spec: &FieldSpec, value: &ast::Value) -> Option<Value> {
        let items = value.items();
        let is_list = matches!(value, ast::Value::List(..));
        let list_type = matches!(
            spec.ty,
            Type::Texts | Type::Refs(_) | Type::Weekly | Type::Dates | Type::FieldNames
        );
        if is_list && !list_type {
            self.mismatch(value.span(), spec, spec.ty.describe());
            return None;
        }
        if list_type {
            let mut out = Vec::new();
            let mut ok = true;
            for item in items {
                if item.literal == Literal::Invalid {
                    ok = false;
                    continue;
                }
                match (spec.ty, &item.literal) {
                    (Type::Texts, Literal::Text(t)) => out.push(ListItem::Text(t.clone())),
                    (Type::Refs(_), Literal::Reference(r)) => {
                        out.push(ListItem::Ref(Spanned::new(r.clone(), item.span)))
                    }
                    (Type::FieldNames, Literal::Reference(r)) => {
                        out.push(ListItem::Ref(Spanned::new(r.clone(), item.span)))
                    }
                    (Type::Weekly, Literal::Weekly(w)) => out.push(ListItem::Weekly(*w)),
                    (Type::Dates, Literal::Date(d)) => out.push(ListItem::Date(*d)),
                    _ => {
                        self.mismatch(item.span, spec, spec.ty.describe());
                        ok = false;
                    }
                }
            }
            if !ok {
                return None;
            }
            return Some(match spec.ty {
                Type::Texts => Value::Texts(out.into_iter().filter_map(ListItem::text).collect()),
                Type::Refs(_) => {
                    Value::Refs(out.into_iter().filter_map(ListItem::reference).collect())
                }
                Type::FieldNames => {
                    Value::FieldNames(out.into_iter().filter_map(ListItem::reference).collect())
                }
                Type::Weekly => {
                    Value::Weekly(out.into_iter().filter_map(ListItem::weekly).collect())
                }
                _ => Value::Dates(out.into_iter().filter_map(ListItem::date).collect()),
            });
        }
        let item = items.first()?;
        if item.literal == Literal::Invalid {
            return None;
        }
        let typed = match spec.ty {
            Type::Cell => Some(cell_value(None, item)),
            Type::KindName => match &item.literal {
                Literal::Reference(r) => match Kind::parse(r) {
                    Some(k) if k.is_id_set() => Some(Value::Kind(k)),
                    _ => {
                        let mut d = Diagnostic::new(
                            Code::E210,
                            format!("`{r}` is not a kind of declaration a grid can range over"),
                        )
                        .label(item.span, "not an id set");
                        let sets = Kind::ALL.iter().filter(|k| k.is_id_set()).map(|k| k.name());
                        if let Some(k) = did_you_mean(r, sets) {
                            d = d.help(format!("did you mean `{k}`?"));
                        } else {
                            d = d.help("grids range over kinds such as `severity`, `tier`, `area` or `license`");
                        }
                        self.diagnostics.push(d);
                        return None;
                    }
                },
                _ => None,
            },
            Type::CellType => match &item.literal {
                Literal::Reference(r) => match CellType::ALL.into_iter().find(|c| c.name() == r) {
                    Some(c) => Some(Value::CellType(c)),
                    None => {
                        let mut d =
                            Diagnostic::new(Code::E210, format!("`{r}` is not a type of cell"))
                                .label(item.span, "unknown cell type");
                        d = match did_you_mean(r, CellType::ALL.iter().map(|c| c.name())) {
                            Some(c) => d.help(format!("did you mean `{c}`?")),
                            None => d.help("cells are `target`, `coverage`, `yes-no`, `session`, `text` or `incidents`"),
                        };
                        self.diagnostics.push(d);
                        return None;
                    }
                },
                _ => None,
            },
            Type::Role => match &item.literal {
                Literal::Reference(r) => match Role::parse(r) {
                    Some(role) => Some(Value::Role(role)),
                    None => {
                        self.diagnostics.push(
                            Diagnostic::new(
                                Code::E215,
                                format!("`{r}` is not a question a declaration can decide"),
                            )
                            .label(item.span, "unknown question")
                            .help_did_you_mean_or_list(
                                r,
                                Role::ALL.iter().map(|r| r.name()),
                                "a grid or a rule decides one of: ",
                            ),
                        );
                        return None;
                    }
                },
                _ => None,
            },
            Type::Observance => match &item.literal {
                Literal::Reference(r) => match Observance::parse(r) {
                    Some(o) => Some(Value::Observance(o)),
                    None => {
                        self.diagnostics.push(
                            Diagnostic::new(
                                Code::E216,
                                format!("`{r}` is not a way of observing a holiday"),
                            )
                            .label(item.span, "unknown observance")
                            .help_did_you_mean_or_list(
                                r,
                                Observance::ALL.iter().map(|o| o.name()),
                                "a holiday on a weekend is observed by one of: ",
                            ),
                        );
                        return None;
                    }
                },
                _ => None,
            },
            Type::Zone => match &item.literal {
                Literal::Text(zone) => {
                    if zone.parse::<chrono_tz::Tz>().is_err() {
                        let mut d = Diagnostic::new(
                            Code::E211,
                            format!("`{zone}` is not a known time zone"),
                        )
                        .label(item.span, "unknown time zone");
                        d = match did_you_mean(
                            zone,
                            chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()),
                        ) {
                            Some(z) => d.help(format!("did you mean `{z}`?")),
                            None => {
                                d.help("write an IANA time zone name such as `Europe/Stockholm`")
                            }
                        };
                        self.diagnostics.push(d);
                        return None;
                    }
                    Some(Value::Zone(zone.clone()))
                }
                _ => None,
            },
            Type::Instant => match &item.literal {
                Literal::Text(text) => match chrono::DateTime::parse_from_rfc3339(text) {
                    Ok(instant) => Some(Value::Instant(instant)),
                    Err(_) => {
                        self.diagnostics.push(
                            Diagnostic::new(Code::E212, format!("`{text}` is not an instant"))
                                .label(item.span, "not RFC 3339")
                                .help("write the date, time and offset, e.g. `\"2026-03-13T15:30:00+01:00\"`"),
                        );
                        return None;
                    }
                },
                _ => None,
            },
            // Prose in a field: its interpolations are read (and reported)
            // like those of prose blocks.
            Type::Prose => match &item.literal {
                Literal::Prose(prose) => Some(Value::Prose(self.prose(prose))),
                literal => simple_value(Type::Prose, literal),
            },
            Type::Hours => match &item.literal {
                Literal::Reference(r) => Some(Value::Hours(Hours::Calendar(Spanned::new(
                    r.clone(),
                    item.span,
                )))),
                literal => simple_value(Type::Hours, literal),
            },
            Type::Ref(_) => match &item.literal {
                Literal::Reference(r) => Some(Value::Ref(Spanned::new(r.clone(), item.span))),
                _ => None,
            },
            ty => simple_value(ty, &item.literal),
        };
        if typed.is_none() {
            self.mismatch(item.span, spec, spec.ty.describe());
        }
        typed
    }

    fn prose(&mut self, prose: &ast::Prose) -> Prose {
        let (parts, diagnostics) = super::prose::split(prose);
        self.diagnostics.extend(diagnostics);
        Prose {
            parts,
            span: prose.span,
        }
    }

    fn grid(&mut self, index: usize, rows: &[&ast::Row]) -> Grid {
        let decl = &self.policy.decls[index];
        let cell_type = match decl.value(fields::grid::CELLS) {
            Some(Value::CellType(c)) => Some(*c),
            _ => None,
        };
        let id = decl.id.value.clone();
        let id_span = decl.id.span;
        let mut grid = Grid {
            rows: Vec::new(),
            columns: Vec::new(),
            cells: Vec::new(),
            malformed: false,
        };
        let Some((header, body)) = rows.split_first() else {
            grid.malformed = true;
            self.diagnostics.push(
                Diagnostic::new(Code::E301, format!("the grid `{id}` has no rows"))
                    .label(id_span, "empty grid")
                    .help("write a header row of column ids, then one row per row id: `| * | col-a | col-b |`"),
            );
            return grid;
        };
        // Header: a corner, then column ids.
        let mut header_cells = header.cells.iter();
        match header_cells.next() {
            Some(ast::Cell::Corner(_)) => {}
            Some(other) => {
                grid.malformed = true;
                self.diagnostics.push(
                    Diagnostic::new(Code::E302, "a grid's header row starts with `*`")
                        .label(other.span(), "expected `*` here")
                        .help("the first row names the columns: `| * | col-a | col-b |`"),
                );
            }
            None => {}
        }
        for cell in header_cells {
            match cell {
                ast::Cell::Value(Item {
                    literal: Literal::Reference(r),
                    span,
                    ..
                }) => grid.columns.push(Spanned::new(r.clone(), *span)),
                other => {
                    self.diagnostics.push(
                        Diagnostic::new(Code::E302, "a grid's header names columns by id")
                            .label(other.span(), "not an id")
                            .help("write the id of a declaration of the grid's column kind"),
                    );
                    grid.malformed = true;
                    grid.columns.push(Spanned::new(String::new(), other.span()));
                }
            }
        }
        for row in body {
            let mut cells = row.cells.iter();
            let row_id = match cells.next() {
                Some(ast::Cell::Value(Item {
                    literal: Literal::Reference(r),
                    span,
                    ..
                })) => Spanned::new(r.clone(), *span),
                Some(other) => {
                    grid.malformed = true;
                    self.diagnostics.push(
                        Diagnostic::new(Code::E302, "a grid row starts with the id of its row")
                            .label(other.span(), "not an id")
                            .help("write the id of a declaration of the grid's row kind first"),
                    );
                    continue;
                }
                None => continue,
            };
            let values = cells.as_slice();
            if values.len() != grid.columns.len() {
                self.diagnostics.push(
                    Diagnostic::new(
                        Code::E303,
                        format!(
                            "the row `{}` has {} but the header has {}",
                            row_id.value,
                            count(values.len(), "cell", "cells"),
                            count(grid.columns.len(), "column", "columns")
                        ),
                    )
                    .label(row.span, count(values.len(), "cell", "cells"))
                    .label(header.span, count(grid.columns.len(), "column", "columns"))
                    .help("give the row one cell per column"),
                );
            }
            let mut typed = Vec::with_capacity(grid.columns.len());
            for (i, cell) in values.iter().enumerate() {
                if i >= grid.columns.len() {
                    break;
                }
                typed.push(match cell {
                    ast::Cell::Corner(span) => {
                        self.diagnostics.push(
                            Diagnostic::new(Code::E302, "`*` stands only in a grid's corner")
                                .label(*span, "not a value")
                                .help("write the cell's value"),
                        );
                        None
                    }
                    ast::Cell::Value(item) => self.cell(cell_type, item),
                });
            }
            while typed.len() < grid.columns.len() {
                typed.push(None);
            }
            grid.rows.push(row_id);
            grid.cells.push(typed);
        }
        grid
    }

    fn cell(&mut self, cell_type: Option<CellType>, item: &Item) -> Option<Cell> {
        if item.literal == Literal::Invalid {
            return None;
        }
        let value = cell_value(cell_type, item);
        if let Some(ty) = cell_type {
            if !fits(ty, &value) {
                self.diagnostics.push(
                    Diagnostic::new(Code::E304, format!("this cell holds {}", ty.describe()))
                        .label(item.span, "wrong kind of value")
                        .help(format!("the grid's cells are `{}`", ty.name())),
                );
                return None;
            }
        }
        Some(Cell {
            value,
            note: item.note.as_ref().map(|n| n.value.clone()),
            span: item.span,
        })
    }
}

enum ListItem {
    Text(String),
    Ref(Spanned<String>),
    Weekly(ast::WeeklyHours),
    Date(chrono::NaiveDate),
}

impl ListItem {
    fn text(self) -> Option<String> {
        match self {
            ListItem::Text(t) => Some(t),
            _ => None,
        }
    }
    fn reference(self) -> Option<Spanned<String>> {
        match self {
            ListItem::Ref(r) => Some(r),
            _ => None,
        }
    }
    fn weekly(self) -> Option<ast::WeeklyHours> {
        match self {
            ListItem::Weekly(w) => Some(w),
            _ => None,
        }
    }
    fn date(self) -> Option<chrono::NaiveDate> {
        match self {
            ListItem::Date(d) => Some(d),
            _ => None,
        }
    }
}

/// `1 cell`, `2 cells`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
