//! What every part of the renderer needs: the policy, values written in
//! document style, prose with its interpolations resolved, and what the
//! prose already says.

use super::style;
use crate::facts::Valid;
use crate::model::prose::Interpolator;
use crate::model::view::{ChannelDecl, GridDecl, LicenseDecl, View};
use crate::model::{Body, Cell, Decl, Field, Hours, Policy, Prose, Value};
use crate::schema::Kind;
use crate::value_text;

/// The policy being rendered and the text of all its prose.
pub struct Ctx<'a> {
    /// The policy.
    pub policy: &'a Policy,
    /// Its facts.
    pub facts: &'a Valid,
    /// Every prose block of the policy, resolved and normalized.
    said: String,
    /// Every release's lifecycle.
    pub lifecycles: &'a crate::facts::lifecycle::Lifecycles,
    /// Whether worked examples are shown.
    pub examples: bool,
    /// The number of each section, by index ([`Policy::section_numbers`]).
    pub section_numbers: Vec<Option<String>>,
}

/// Interpolations in document style: values as the published tables write
/// them, with the notes written after them.
struct Styled<'c, 'a>(&'c Ctx<'a>);

impl Interpolator for Styled<'_, '_> {
    fn field(&self, field: &Field, prose: Option<String>) -> String {
        let text = prose.unwrap_or_else(|| self.0.value(&field.value));
        with_note(text, field.note.as_deref())
    }

    fn cell(&self, cell: &Cell) -> String {
        with_note(self.0.cell(&cell.value), cell.note.as_deref())
    }
}

impl<'a> Ctx<'a> {
    /// The context of `policy`.
    pub fn new(facts: &'a Valid) -> Ctx<'a> {
        let mut ctx = Ctx {
            policy: facts.policy(),
            facts,
            said: String::new(),
            lifecycles: facts.lifecycle(),
            examples: false,
            section_numbers: facts.policy().section_numbers(),
        };
        let all: Vec<String> = facts
            .policy()
            .decls
            .iter()
            .flat_map(|d| d.body.iter())
            .filter_map(|b| match b {
                Body::Prose(p) => Some(ctx.prose(p)),
                Body::Decl(_) => None,
            })
            .collect();
        ctx.said = normalize(&all.join("\n"));
        ctx
    }

    /// Whether the document's prose already says `text` (ignoring case,
    /// white space, and the kind of dash, quote and multiplication sign).
    pub fn said(&self, text: &str) -> bool {
        let text = normalize(text);
        text.is_empty() || self.said.contains(&text)
    }

    /// A prose block with its interpolations resolved.
    pub fn prose(&self, prose: &Prose) -> String {
        self.policy.write_prose(prose, &Styled(self))
    }

    /// A grid's cell in document style, with its note; the grid's
    /// `otherwise` where the cell is not written.
    pub fn grid_cell(&self, grid: &str, row: &str, column: &str) -> Option<String> {
        let decl = self.policy.get(grid)?;
        match decl.grid.as_ref().and_then(|g| g.cell(row, column)) {
            Some(cell) => Some(with_note(self.cell(&cell.value), cell.note.as_deref())),
            None => GridDecl::of(decl)?.otherwise().map(|v| self.cell(v)),
        }
    }

    /// A cell value in document style: targets, coverage, sessions and
    /// yes/no as the published tables write them.
    pub fn cell(&self, value: &Value) -> String {
        match value {
            Value::Target(t) => self.target(t),
            Value::Coverage(c) => style::coverage(*c).to_owned(),
            Value::Session(s) => style::session(*s),
            Value::Bool(b) => style::yes_no(*b).to_owned(),
            other => self.value(other),
        }
    }

    /// The header of a kind's column: the policy's `label` of the kind,
    /// else the kind's generic label.
    pub fn kind_label(&self, kind: Kind) -> String {
        self.facts
            .label(kind.name())
            .unwrap_or_else(|| kind.label())
            .to_owned()
    }

    /// The label of a field: the policy's `label` of `kind.field`, else
    /// the schema's generic label.
    pub fn field_label(&self, kind: Kind, field: &str) -> String {
        self.facts
            .label(&format!("{}.{field}", kind.name()))
            .or_else(|| kind.field(field).map(|f| f.label))
            .unwrap_or(field)
            .to_owned()
    }

    /// A target in document style; one on a named calendar says which, by
    /// its title: `30 business minutes (24x5 hours)`.
    pub fn target(&self, t: &crate::model::ResponseTarget) -> String {
        match t {
            crate::model::ResponseTarget::Within(within) if within.on.is_some() => {
                let calendar = self.title(within.on.as_deref().unwrap_or_default());
                let plain = crate::model::ResponseTarget::Within(crate::ast::Target {
                    on: None,
                    ..within.clone()
                });
                format!("{} ({calendar})", style::target(&plain))
            }
            _ => style::target(t),
        }
    }

    /// Any value in document style.
    pub fn value(&self, value: &Value) -> String {
        match value {
            Value::Text(t) | Value::Zone(t) | Value::Number(t) | Value::Version(t) => t.clone(),
            Value::Prose(p) => self.prose(p),
            Value::Texts(items) => items.join(", "),
            Value::Count(n) => n.to_string(),
            Value::Date(d) => style::date(*d),
            Value::Month(y, m) => style::month(*y, *m),
            Value::Range(a, b) => style::range(*a, *b),
            Value::Money(m) => style::money(m),
            Value::Duration(m) => value_text::duration(*m),
            Value::Period(p) => p.to_string(),
            Value::NotApplicable => "n/a".to_owned(),
            Value::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
            Value::Incidents(i) => style::incidents(*i),
            Value::Target(t) => self.target(t),
            Value::Hours(h) => self.hours(h),
            Value::Ref(id) => self.title(id.as_str()),
            Value::Refs(ids) => self.titles(ids.iter().map(|i| i.as_str()), ", "),
            Value::Kind(k) => k.name().to_owned(),
            Value::CellType(c) => c.name().to_owned(),
            Value::Role(r) => r.name().to_owned(),
            Value::Limit(l) => style::limit(l),
            Value::Observance(o) => o.name().to_owned(),
            Value::Weekly(w) => w.iter().map(style::weekly).collect::<Vec<_>>().join("; "),
            Value::Dates(d) => d
                .iter()
                .map(|d| style::date(*d))
                .collect::<Vec<_>>()
                .join("; "),
            Value::Holiday(h) => style::holiday(h),
            Value::Coverage(c) => style::coverage(*c).to_owned(),
            Value::Session(s) => style::session(*s),
            Value::FieldNames(names) => names
                .iter()
                .map(|n| self.field_label(Kind::Tier, n.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            Value::Instant(i) => style::instant(i),
            Value::Claim(_) => value_text::show(value),
        }
    }

    /// Support hours: `Best effort`, `24×7` (spelt as the targets spell
    /// it), or the calendar's title.
    pub fn hours(&self, hours: &Hours) -> String {
        match hours {
            Hours::BestEffort => "Best effort".to_owned(),
            Hours::Around => "24×7".to_owned(),
            Hours::Calendar(id) => self.title(id.as_str()),
        }
    }

    /// The title of the declaration `id`, or the id.
    pub fn title(&self, id: &str) -> String {
        self.policy
            .get(id)
            .map_or_else(|| id.to_owned(), |d| d.display().to_owned())
    }

    /// Titles joined by `separator`.
    pub fn titles<'i>(&self, ids: impl Iterator<Item = &'i str>, separator: &str) -> String {
        ids.map(|id| self.title(id))
            .collect::<Vec<_>>()
            .join(separator)
    }

    /// The short name of `id` (its `short` field), else its title.
    pub fn short(&self, id: &str) -> String {
        match self.policy.get(id) {
            Some(d) => LicenseDecl::of(d)
                .and_then(|l| l.short())
                .or_else(|| ChannelDecl::of(d).and_then(|c| c.short()))
                .unwrap_or(d.display())
                .to_owned(),
            None => id.to_owned(),
        }
    }

    /// A field as one table cell: lists of texts joined by `; `.
    pub fn field_cell(&self, decl: &Decl, field: &str) -> String {
        match decl.value(field) {
            Some(Value::Texts(items)) => items.join("; "),
            Some(v) => self.cell(v),
            None => String::new(),
        }
    }

    /// How a row of this declaration is labelled in a table: severities by
    /// their id upper-cased (`SEV-1`), everything else by its title.
    pub fn row_label(&self, decl: &Decl) -> String {
        if decl.kind == Kind::Severity {
            decl.id.as_str().to_uppercase()
        } else {
            decl.display().to_owned()
        }
    }
}

fn with_note(text: String, note: Option<&str>) -> String {
    match note {
        Some(n) => format!("{text} ({n})"),
        None => text,
    }
}

/// Lower case, one space between words, one kind of dash, quote and
/// multiplication sign, no emphasis.
pub fn normalize(text: &str) -> String {
    let mapped: String = text
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`'))
        .map(|c| match c {
            '–' | '—' | '−' => '-',
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            '×' => 'x',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}
