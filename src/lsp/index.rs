//! Where each id of a policy is declared and used, from its syntax tree
//! (so it works on a file with errors): what hover, go to definition, find
//! references and the outline read.
//!
//! Use sites are the references of fields and grid cells (row and column
//! headers, lists), the parts of cell and field references
//! (`grid[row, column]`, `id.field`) and the ids in prose interpolations
//! (`{id}`, `{id.field}`, `{grid[row, column]}`). A use counts only when a
//! declaration has its id.

use policyc::ast::{
    Cell, CellRef, ClaimExpr, Declaration, Entry, File, Item, Literal, Prose, Selector,
};
use policyc::span::Span;

/// One declaration.
pub struct Def {
    /// Its id.
    pub id: String,
    /// Its kind (`tier`, `grid`, ...).
    pub kind: String,
    /// Its title, if written.
    pub title: Option<String>,
    /// The id as written.
    pub span: Span,
    /// The whole declaration.
    pub decl: Span,
    /// The declarations nested in it (indices into [`Index::defs`]).
    pub children: Vec<usize>,
}

/// The declarations and use sites of one file.
#[derive(Default)]
pub struct Index {
    /// Every declaration, parents before children.
    pub defs: Vec<Def>,
    /// The top-level declarations.
    pub top: Vec<usize>,
    /// Every id-like word used where an id can stand, with its span.
    pub uses: Vec<(String, Span)>,
    /// The shared files included, by their paths as written.
    pub includes: Vec<String>,
    /// The kind keywords and field names as written: `(kind, None)` for a
    /// kind, `(kind, Some(field))` for a field of a declaration of `kind`.
    pub keywords: Vec<(String, Option<String>, Span)>,
}

impl Index {
    /// The index of a parsed file.
    pub fn new(source: &str, file: &File) -> Index {
        let mut index = Index::default();
        for decl in &file.declarations {
            let at = index.declaration(source, decl);
            index.top.push(at);
        }
        index
    }

    fn declaration(&mut self, source: &str, decl: &Declaration) -> usize {
        let at = self.defs.len();
        self.defs.push(Def {
            id: decl.id.value.clone(),
            kind: decl.kind.value.clone(),
            title: decl.title.as_ref().map(|t| t.value.clone()),
            span: decl.id.span,
            decl: decl.span,
            children: Vec::new(),
        });
        self.keywords
            .push((decl.kind.value.clone(), None, decl.kind.span));
        for entry in &decl.entries {
            if let Entry::Field(field) = entry {
                self.keywords.push((
                    decl.kind.value.clone(),
                    Some(field.name.value.clone()),
                    field.name.span,
                ));
            }
            match entry {
                Entry::Field(field)
                    if decl.kind.value == "include" && field.name.value == "file" =>
                {
                    if let Some(Literal::Text(path)) =
                        field.value.items().first().map(|i| &i.literal)
                    {
                        self.includes.push(path.clone());
                    }
                }
                Entry::Field(field) => {
                    for item in field.value.items() {
                        self.item(source, item);
                    }
                }
                Entry::Row(row) => {
                    for cell in &row.cells {
                        if let Cell::Value(item) = cell {
                            self.item(source, item);
                        }
                    }
                }
                Entry::Prose(prose) => self.prose(prose),
                Entry::Declaration(inner) => {
                    let child = self.declaration(source, inner);
                    self.defs[at].children.push(child);
                }
            }
        }
        at
    }

    fn item(&mut self, source: &str, item: &Item) {
        match &item.literal {
            Literal::Reference(name) => {
                let start = source
                    .get(item.span.start..item.span.end)
                    .and_then(|text| text.find(name.as_str()))
                    .map_or(item.span.start, |i| item.span.start + i);
                self.uses
                    .push((name.clone(), Span::new(start, start + name.len())));
            }
            Literal::CellRef(cell) => self.cell(cell),
            Literal::FieldRef(field) => {
                self.uses.push((field.decl.value.clone(), field.decl.span));
            }
            Literal::Claim(claim) => match &**claim {
                ClaimExpr::Same(cell) | ClaimExpr::EveryRuns(cell, _) => self.cell(cell),
                ClaimExpr::EveryIs(cell, value) | ClaimExpr::CellIs(cell, value) => {
                    self.cell(cell);
                    self.item(source, value);
                }
                ClaimExpr::FieldIs(field, value) => {
                    self.uses.push((field.decl.value.clone(), field.decl.span));
                    self.item(source, value);
                }
            },
            Literal::Prose(prose) => self.prose(prose),
            _ => {}
        }
    }

    fn cell(&mut self, cell: &CellRef) {
        self.uses.push((cell.grid.value.clone(), cell.grid.span));
        for selector in [&cell.row, &cell.column] {
            if let Selector::Id(id) = selector {
                self.uses.push((id.value.clone(), id.span));
            }
        }
    }

    /// The id-like words inside the braces of a prose's interpolations.
    fn prose(&mut self, prose: &Prose) {
        let raw = prose.raw.as_bytes();
        let mut i = 0;
        while let Some(open) = memchr_at(b'{', raw, i) {
            let Some(close) = memchr_at(b'}', raw, open + 1) else {
                break;
            };
            let mut j = open + 1;
            while j < close {
                // `{id.field}`: the field is no id.
                if is_id_byte(raw[j]) && raw[j - 1] == b'.' {
                    while j < close && is_id_byte(raw[j]) {
                        j += 1;
                    }
                } else if is_id_byte(raw[j]) {
                    let start = j;
                    while j < close && is_id_byte(raw[j]) {
                        j += 1;
                    }
                    let word = &prose.raw[start..j];
                    let at = prose.text_start + start;
                    self.uses
                        .push((word.to_owned(), Span::new(at, at + word.len())));
                } else {
                    j += 1;
                }
            }
            i = close + 1;
        }
    }

    /// The declarations of `id`.
    pub fn defs_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Def> + 'a {
        self.defs.iter().filter(move |d| d.id == id)
    }

    /// The id at byte `offset`, declared or used (a use only of a declared
    /// id).
    pub fn id_at(&self, offset: usize) -> Option<&str> {
        let within = |span: Span| span.start <= offset && offset <= span.end;
        if let Some(def) = self.defs.iter().find(|d| within(d.span)) {
            return Some(&def.id);
        }
        self.uses
            .iter()
            .find(|(id, span)| within(*span) && self.defs_of(id).next().is_some())
            .map(|(id, _)| id.as_str())
    }

    /// The word at byte `offset` where an id can stand, declared here or
    /// not (it may be declared in a shared file), with its span.
    pub fn word_at(&self, offset: usize) -> Option<(&str, Span)> {
        let within = |span: Span| span.start <= offset && offset <= span.end;
        if let Some(def) = self.defs.iter().find(|d| within(d.span)) {
            return Some((&def.id, def.span));
        }
        self.uses
            .iter()
            .find(|(_, span)| within(*span))
            .map(|(id, span)| (id.as_str(), *span))
    }

    /// The kind keyword or field name at byte `offset`.
    pub fn keyword_at(&self, offset: usize) -> Option<(&str, Option<&str>)> {
        self.keywords
            .iter()
            .find(|(_, _, span)| span.start <= offset && offset <= span.end)
            .map(|(kind, field, _)| (kind.as_str(), field.as_deref()))
    }

    /// The span of the id at byte `offset`, declared or used.
    pub fn span_at(&self, offset: usize) -> Option<Span> {
        let within = |span: Span| span.start <= offset && offset <= span.end;
        if let Some(def) = self.defs.iter().find(|d| within(d.span)) {
            return Some(def.span);
        }
        self.uses
            .iter()
            .find(|(id, span)| within(*span) && self.defs_of(id).next().is_some())
            .map(|(_, span)| *span)
    }

    /// The use sites of `id`.
    pub fn uses_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = Span> + 'a {
        self.uses
            .iter()
            .filter(move |(u, _)| u == id)
            .map(|(_, s)| *s)
    }
}

/// Whether `name` is written as an id: a lowercase letter, then lowercase
/// letters, digits and `-` (the grammar's `identifier`).
pub fn is_identifier(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_id_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

fn memchr_at(needle: u8, haystack: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .iter()
        .position(|&b| b == needle)
        .map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = r#"policy p "Ünïcode — policy" {
    version: 1.0
}

tier gold "Gold — ★" {
    rank: 1
    """
    Café: {gold} and {gold.rank}, {grid[sev-1, gold]}.
    """
}
"#;

    #[test]
    fn declarations_and_uses_after_non_ascii_text() {
        let parsed = policyc::parse::parse(SOURCE);
        let index = Index::new(SOURCE, &parsed.file);
        let gold: Vec<&Def> = index.defs_of("gold").collect();
        assert_eq!(gold.len(), 1);
        assert_eq!(&SOURCE[gold[0].span.start..gold[0].span.end], "gold");
        assert_eq!(gold[0].title.as_deref(), Some("Gold — ★"));
        let uses: Vec<Span> = index.uses_of("gold").collect();
        assert_eq!(uses.len(), 3, "{:?}", index.uses);
        for span in &uses {
            assert_eq!(&SOURCE[span.start..span.end], "gold");
        }
        // The field after a dot is no id.
        assert_eq!(index.uses_of("rank").count(), 0);
        assert_eq!(index.top, [0, 1]);
        let third = uses[2].start + 1;
        assert_eq!(index.id_at(third), Some("gold"));
        assert_eq!(index.span_at(third), Some(uses[2]));
        assert_eq!(index.id_at(SOURCE.find("Café").unwrap()), None);
    }

    #[test]
    fn ids_are_lowercase_words() {
        assert!(is_identifier("gold-2"));
        assert!(!is_identifier("Gold"));
        assert!(!is_identifier("2gold"));
        assert!(!is_identifier("two words"));
        assert!(!is_identifier(""));
    }
}
