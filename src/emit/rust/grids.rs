//! Grids as total functions, e.g. `response_time(Severity, Tier)`: an
//! exhaustive `match` without wildcard for small grids, a `static` table
//! `[[T; COLUMNS]; ROWS]` indexed by the enums' discriminants for large
//! ones, so that rustc proves every cell is there.

use super::code::{Body, Code, Function};
use super::docs::{code, escape_doc};
use super::layout::{self, max_width, Expr};
use super::names::{snake, type_name, Names};
use super::plan::{IdSet, Plan};
use super::text::{unquote, with_article};
use super::types::{cell, Returns, RustType};
use crate::model::view::GridDecl;
use crate::model::{Cell, Decl};
use crate::schema::Kind;
use crate::value_text;
use std::collections::BTreeMap;

/// Grids with more cells than this become a static table.
const MATCH_LIMIT: usize = 256;

/// A grid's item: its function, or a comment saying why it has none.
#[derive(Debug)]
pub enum GridItem<'p> {
    /// The grid's function.
    Function(GridFn<'p>),
    /// A grid whose cells do not fit its shape: no function.
    Malformed(GridDecl<'p>),
}

/// The function of a grid.
#[derive(Debug)]
pub struct GridFn<'p> {
    /// The grid.
    pub decl: GridDecl<'p>,
    /// The function's name, e.g. `response_time`.
    pub name: String,
    /// What it returns: an `Option` where a cell is `n/a`.
    pub returns: Returns,
    rows: Axis<'p>,
    columns: Axis<'p>,
    /// `cells[row][column]`, in the enums' order; `None` is `n/a`.
    cells: Vec<Vec<Option<Expr>>>,
    /// The cells as written, for the docs.
    shown: Vec<Vec<String>>,
}

/// The rows or the columns of a grid: the declarations of an id set, with
/// their variants' paths.
#[derive(Debug)]
struct Axis<'p> {
    kind: Kind,
    decls: Vec<&'p Decl>,
    paths: Vec<String>,
}

impl<'p> Axis<'p> {
    fn of(set: &IdSet<'p>) -> Axis<'p> {
        let (decls, paths) = set.paths().unzip();
        Axis {
            kind: set.kind,
            decls,
            paths,
        }
    }

    fn len(&self) -> usize {
        self.decls.len()
    }
}

/// A function per grid, in document order.
pub fn plan<'p>(plan: &Plan<'p>, names: &mut Names) -> Vec<GridItem<'p>> {
    plan.policy
        .all::<GridDecl>()
        .map(|decl| match grid_fn(plan, decl, names) {
            Some(f) => GridItem::Function(f),
            None => GridItem::Malformed(decl),
        })
        .collect()
}

/// The grid's cells in the enums' order, and its function's name.
fn grid_fn<'p>(plan: &Plan<'p>, decl: GridDecl<'p>, names: &mut Names) -> Option<GridFn<'p>> {
    let (rows, columns, cell_type) = (decl.rows()?, decl.columns()?, decl.cells()?);
    let grid = decl.grid.as_ref()?;
    let (rows, columns) = (Axis::of(plan.set(rows)?), Axis::of(plan.set(columns)?));
    let mut cells = Vec::with_capacity(rows.len());
    let mut shown = Vec::with_capacity(rows.len());
    for row in &rows.decls {
        let mut cell_row = Vec::with_capacity(columns.len());
        let mut shown_row = Vec::with_capacity(columns.len());
        for column in &columns.decls {
            let (value, note) = match grid.cell(row.id.as_str(), column.id.as_str()) {
                Some(Cell { value, note, .. }) => (value, note.as_deref()),
                None => (decl.otherwise()?, None),
            };
            cell_row.push(cell(cell_type, value)?.value);
            let mut text = unquote(value_text::show(value));
            if let Some(note) = note {
                text.push_str(&format!(" ({note})"));
            }
            shown_row.push(text);
        }
        cells.push(cell_row);
        shown.push(shown_row);
    }
    Some(GridFn {
        decl,
        name: names.claim(snake(&decl.id.value, "grid"), "_"),
        returns: Returns {
            ty: RustType::of_cells(cell_type),
            optional: cells.iter().flatten().any(Option::is_none),
        },
        rows,
        columns,
        cells,
        shown,
    })
}

/// Writes a grid's function, or the comment saying it has none.
pub fn print(item: &GridItem, out: &mut Code) {
    match item {
        GridItem::Function(f) => out.push(function(f).item()),
        GridItem::Malformed(decl) => out.push(vec![format!(
            "// The grid `{}` is incomplete or malformed: no function.",
            decl.id.value.replace(['\n', '\r'], " ")
        )]),
    }
}

/// The function: a `match` or a table, documented with the grid as a
/// Markdown table where it fits.
fn function(f: &GridFn) -> Function {
    let (rows, columns) = (f.rows.kind, f.columns.kind);
    // Parameters named by kind; `row` and `column` when both are one kind.
    let (row_param, column_param) = if rows == columns {
        ("row".to_owned(), "column".to_owned())
    } else {
        (snake(rows.name(), "row"), snake(columns.name(), "column"))
    };
    let mut body = Body::of_item();
    if f.rows.len() * f.columns.len() <= MATCH_LIMIT {
        body.nested(
            &format!("match ({row_param}, {column_param}) {{"),
            "}",
            |arms| {
                for (row, values) in f.rows.paths.iter().zip(&f.cells) {
                    for (column, value) in f.columns.paths.iter().zip(values) {
                        let pattern = [row.clone(), column.clone()];
                        arms.tuple_arm(&pattern, &f.returns.value(value.as_ref()));
                    }
                }
            },
        );
    } else {
        table(f, &row_param, &column_param, &mut body);
    }
    let mut docs = format!(
        "{}: the cell of the grid {} for {} and {}.",
        escape_doc(f.decl.display()),
        code(&f.decl.id.value),
        with_article(rows.name()),
        with_article(columns.name())
    );
    if f.returns.optional {
        docs.push_str("\n\n`None` where the policy says `n/a`.");
    }
    if let Some(table) = doc_table(f) {
        docs.push_str("\n\n");
        docs.push_str(&table);
    }
    if let Some(pauses) = f.decl.pauses() {
        docs.push_str(&format!(
            "\n\nThe clock pauses while: {}.",
            escape_doc(&pauses.join("; "))
        ));
    }
    Function {
        docs,
        head: format!("pub fn {}", f.name),
        params: vec![
            format!("{row_param}: {}", type_name(rows)),
            format!("{column_param}: {}", type_name(columns)),
        ],
        ret: f.returns.text(),
        body,
    }
}

/// A large grid: its distinct values as local constants, and a static
/// `[[T; COLUMNS]; ROWS]` of them indexed by the enums' discriminants. The
/// array type proves there is a cell for every pair.
fn table(f: &GridFn, row_param: &str, column_param: &str, body: &mut Body) {
    let mut distinct: Vec<Expr> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut table: Vec<Expr> = Vec::new();
    for row in &f.cells {
        let mut items = Vec::new();
        for value in row {
            let expr = f.returns.value(value.as_ref());
            let n = *index.entry(expr.flat()).or_insert_with(|| {
                distinct.push(expr.clone());
                distinct.len() - 1
            });
            items.push(Expr::atom(format!("C{n}")));
        }
        table.push(Expr::Array(items));
    }
    body.line(&format!("type T = {};", f.returns.text()));
    for (n, value) in distinct.iter().enumerate() {
        body.assign(&format!("const C{n}: T"), value);
    }
    body.assign(
        &format!("static CELLS: [[T; {}]; {}]", f.columns.len(), f.rows.len()),
        &Expr::Array(table),
    );
    body.line(&format!(
        "CELLS[{row_param} as usize][{column_param} as usize]"
    ));
}

/// The grid as a Markdown table, when small and narrow enough.
fn doc_table(f: &GridFn) -> Option<String> {
    if f.rows.len() * f.columns.len() > MATCH_LIMIT {
        return None;
    }
    let cell = |text: &str| format!(" {} |", escape_doc(text).replace('|', "/"));
    let mut lines = Vec::new();
    let mut header = format!("| {} |", type_name(f.rows.kind));
    for column in &f.columns.decls {
        header.push_str(&cell(column.display()));
    }
    lines.push(header);
    lines.push(format!("|{}", "---|".repeat(f.columns.len() + 1)));
    for (row, shown) in f.rows.decls.iter().zip(&f.shown) {
        let mut line = format!("|{}", cell(row.display()));
        for text in shown {
            line.push_str(&cell(text));
        }
        lines.push(line);
    }
    let fits = lines
        .iter()
        .all(|l| !l.contains('\n') && layout::width(l) + 4 <= max_width());
    fits.then(|| lines.join("\n"))
}
