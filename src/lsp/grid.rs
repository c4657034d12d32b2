//! Grid cells in the syntax tree: the row and column a cell stands in (for
//! hover), and the values a grid's cells accept (for completion), from its
//! `cells:` type as the schema states it and the values already written
//! in it.

use policyc::ast::{Cell, Declaration, Entry, File, Literal, Row};
use policyc::schema::CellType;

/// A cell of a grid, by ids.
pub struct CellAt {
    /// The grid's id.
    pub grid: String,
    /// The row's id (the first cell of the row).
    pub row: String,
    /// The column's id (the header row's cell above).
    pub column: String,
}

/// The innermost declaration of `file` holding byte `offset`.
fn innermost(file: &File, offset: usize) -> Option<&Declaration> {
    let mut found = file
        .declarations
        .iter()
        .find(|d| d.span.start <= offset && offset <= d.span.end)?;
    while let Some(inner) = found.entries.iter().find_map(|e| match e {
        Entry::Declaration(d) if d.span.start <= offset && offset <= d.span.end => Some(&**d),
        _ => None,
    }) {
        found = inner;
    }
    Some(found)
}

fn rows(decl: &Declaration) -> impl Iterator<Item = &Row> {
    decl.entries.iter().filter_map(|e| match e {
        Entry::Row(row) => Some(row),
        _ => None,
    })
}

fn id(cell: Option<&Cell>) -> Option<String> {
    match cell? {
        Cell::Value(item) => match &item.literal {
            Literal::Reference(id) => Some(id.clone()),
            _ => None,
        },
        Cell::Corner(_) => None,
    }
}

/// The row ids and column ids of the grid `id` (its rows' first cells
/// and its header row's cells), for `{grid[row, column]}`.
pub fn headers(file: &File, id: &str) -> Option<(Vec<String>, Vec<String>)> {
    // Depth first, without recursion: nesting is bounded by the parser,
    // but a stack costs nothing.
    let mut stack: Vec<&Declaration> = file.declarations.iter().rev().collect();
    let decl = loop {
        let decl = stack.pop()?;
        if decl.id.value == id {
            break decl;
        }
        stack.extend(decl.entries.iter().rev().filter_map(|e| match e {
            Entry::Declaration(d) => Some(&**d),
            _ => None,
        }));
    };
    let mut rows = rows(decl);
    let header = rows.next()?;
    let columns = header
        .cells
        .iter()
        .skip(1)
        .filter_map(|c| self::id(Some(c)));
    let row_ids = rows.filter_map(|r| self::id(r.cells.first()));
    Some((row_ids.collect(), columns.collect()))
}

/// The value cell at byte `offset` (not a header, nor a row's first cell).
pub fn cell_at(file: &File, offset: usize) -> Option<CellAt> {
    let decl = innermost(file, offset)?;
    let mut rows = rows(decl);
    let header = rows.next()?;
    let row = rows.find(|r| r.span.start <= offset && offset <= r.span.end)?;
    let at = row
        .cells
        .iter()
        .position(|c| c.span().start <= offset && offset <= c.span().end)
        .filter(|&i| i > 0)?;
    Some(CellAt {
        grid: decl.id.value.clone(),
        row: id(row.cells.first())?,
        column: id(header.cells.get(at))?,
    })
}

/// What a cell of the grid around byte `offset` may hold: the values of
/// its type and the values its rows already hold (as written), each once,
/// with what the type accepts in words. Read from the lines around the
/// cursor, not the syntax tree, so that it works on the row being typed:
/// the type from the `cells:` line above (up to the line opening the
/// grid), the values from the run of rows the cursor is in, its first row
/// (the header) and first column (the row ids) aside.
pub fn cell_values(source: &str, offset: usize) -> Option<(Vec<String>, String)> {
    let offset = offset.min(source.len());
    let line_start = source.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let mut cells = None;
    for line in source[..line_start].lines().rev() {
        let line = line.trim();
        if let Some(name) = line.strip_prefix("cells:") {
            let name = name.split('#').next().unwrap_or("").trim();
            cells = CellType::ALL.into_iter().find(|c| c.name() == name);
            break;
        }
        if line.ends_with('{') {
            break;
        }
    }
    let cells = cells?;
    let mut values: Vec<String> = match cells {
        CellType::Target => vec![
            "1 business day",
            "4 business hours",
            "4 hours 24x7",
            "best-effort",
            "n/a",
        ],
        CellType::Coverage => vec!["supported", "not-available", "not-supported", "psa"],
        CellType::YesNo => vec!["yes", "no"],
        CellType::Session => vec!["2 hours", "unlimited", "not-available"],
        CellType::Text => vec!["\"\""],
        CellType::Incidents => vec!["1", "unlimited", "n/a"],
        CellType::Quantity => vec!["unlimited", "n/a"],
        CellType::Date => vec!["n/a"],
    }
    .into_iter()
    .map(str::to_owned)
    .collect();
    let is_row = |line: &&str| line.trim_start().starts_with('|');
    let above: Vec<&str> = source[..line_start]
        .lines()
        .rev()
        .take_while(is_row)
        .collect();
    let below = source[line_start..].lines().take_while(is_row);
    // The run's first row is the header.
    let run = above.iter().rev().skip(1).copied().chain(below);
    for row in run {
        for cell in row.split('|').skip(2) {
            let written = cell.split('#').next().unwrap_or("").trim();
            if !written.is_empty() && !values.iter().any(|v| v == written) {
                values.push(written.to_owned());
            }
        }
    }
    Some((values, cells.describe().to_owned()))
}
