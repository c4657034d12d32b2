//! Prose with its interpolations resolved: the one resolver every output
//! uses, and the one way to write an interpolation back as text.
//!
//! `{id}` is a declaration's title, `{id.field}` a field's value and
//! `{grid[row, column]}` one cell. A field's value may itself be prose with
//! interpolations; [`Policy::write_prose`] follows them [`MAX_DEPTH`] levels
//! deep. Validation rejects a policy whose interpolations loop (E405) or
//! nest deeper (E406), so on a valid policy every interpolation resolves
//! and nothing is cut short.

use super::{Cell, Decl, Field, Interpolation, Policy, Prose, ProsePart, Value};
use std::fmt;

/// How many levels of prose fields interpolating prose fields are followed.
pub const MAX_DEPTH: usize = 8;

/// What an interpolation refers to.
#[derive(Clone, Copy, Debug)]
pub enum Resolved<'p> {
    /// `{id}`: the declaration, for its title.
    Title(&'p Decl),
    /// `{id.field}`: the declaration and its field.
    Field(&'p Decl, &'p Field),
    /// `{grid[row, column]}`: the grid and the cell.
    Cell(&'p Decl, &'p Cell),
}

/// What an output writes for each interpolation. The resolver finds what
/// an interpolation refers to and writes interpolated prose fields first;
/// the writer only styles values.
pub trait Interpolator {
    /// `{id}`: by default the declaration's title.
    fn title(&self, decl: &Decl) -> String {
        decl.display().to_owned()
    }

    /// `{id.field}`. `prose` is the field's value written out when it is
    /// prose (its own interpolations resolved by this writer).
    fn field(&self, field: &Field, prose: Option<String>) -> String;

    /// `{grid[row, column]}`.
    fn cell(&self, cell: &Cell) -> String;
}

impl Policy {
    /// What an interpolation refers to; `None` when it does not resolve
    /// (an error on a checked policy).
    pub fn resolve(&self, interpolation: &Interpolation) -> Option<Resolved<'_>> {
        match interpolation {
            Interpolation::Title(id) => self.get(id.as_str()).map(Resolved::Title),
            Interpolation::Field(id, field) => {
                let decl = self.get(id.as_str())?;
                Some(Resolved::Field(decl, decl.field(field.as_str())?))
            }
            Interpolation::Cell(grid, row, column) => {
                let decl = self.get(grid.as_str())?;
                let cell = decl.grid.as_ref()?.cell(row.as_str(), column.as_str())?;
                Some(Resolved::Cell(decl, cell))
            }
        }
    }

    /// A prose block with every interpolation written by `with`.
    pub fn write_prose(&self, prose: &Prose, with: &impl Interpolator) -> String {
        self.write_prose_at(prose, with, 0)
    }

    fn write_prose_at(&self, prose: &Prose, with: &impl Interpolator, depth: usize) -> String {
        let mut out = String::new();
        for part in &prose.parts {
            match part {
                ProsePart::Text(text) => out.push_str(text),
                ProsePart::Value(interpolation) => {
                    match self.write_interpolation(interpolation, with, depth) {
                        Some(text) => out.push_str(&text),
                        None => out.push_str(&interpolation.to_string()),
                    }
                }
            }
        }
        out
    }

    fn write_interpolation(
        &self,
        interpolation: &Interpolation,
        with: &impl Interpolator,
        depth: usize,
    ) -> Option<String> {
        Some(match self.resolve(interpolation)? {
            Resolved::Title(decl) => with.title(decl),
            Resolved::Field(_, field) => {
                let prose = match &field.value {
                    Value::Prose(p) if depth < MAX_DEPTH => {
                        Some(self.write_prose_at(p, with, depth + 1))
                    }
                    Value::Prose(_) => return None,
                    _ => None,
                };
                with.field(field, prose)
            }
            Resolved::Cell(_, cell) => with.cell(cell),
        })
    }
}

/// As written in prose: `{id}`, `{id.field}`, `{grid[row, column]}`.
impl fmt::Display for Interpolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Interpolation::Title(id) => write!(f, "{{{}}}", id.as_str()),
            Interpolation::Field(id, field) => write!(f, "{{{}.{}}}", id.as_str(), field.as_str()),
            Interpolation::Cell(grid, row, column) => write!(
                f,
                "{{{}[{}, {}]}}",
                grid.as_str(),
                row.as_str(),
                column.as_str()
            ),
        }
    }
}
