//! Completion from the line before the cursor and the index: kinds,
//! fields, the ids a field refers to, ids and fields in interpolations,
//! and the values a grid's cells accept ([`grid`]).

use super::{extract, grid, Server};
use lsp_server::Request;
use lsp_types::request::{Completion, Request as _};
use lsp_types::{CompletionItem, CompletionItemKind, CompletionResponse};
use policyc::schema::{Kind, Type};

impl Server {
    /// Completion from the line before the cursor: at the start of a line,
    /// the kinds (top level) or the fields and kinds a declaration of the
    /// enclosing kind may hold; after `field:`, the ids of the kinds the
    /// field refers to; in an interpolation, ids (a grid's rows and
    /// columns in `{grid[...]}`, a kind's fields after `{id.`); in a
    /// grid's value cell, the values its type accepts; elsewhere in a grid
    /// row, every id.
    pub(super) fn completion(&self, request: Request) -> Result<serde_json::Value, String> {
        let (_, params) = extract::<lsp_types::CompletionParams>(request, Completion::METHOD)?;
        let at = params.text_document_position;
        let (document, lines, index) = self.open(&at.text_document.uri)?;
        let offset = lines.offset(&document.text, at.position);
        let line_start = document.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let before = &document.text[line_start..offset];
        let enclosing = index
            .defs
            .iter()
            .filter(|d| d.decl.start < offset && offset < d.decl.end && d.span.end < offset)
            .min_by_key(|d| d.decl.len())
            .and_then(|d| Kind::parse(&d.kind));
        let word = before.trim_start();
        let ids = |kinds: Option<&[Kind]>| -> Vec<CompletionItem> {
            let mut seen = std::collections::HashSet::new();
            index
                .defs
                .iter()
                .filter(|d| {
                    kinds.is_none_or(|ks| Kind::parse(&d.kind).is_some_and(|k| ks.contains(&k)))
                })
                .filter(|d| seen.insert(d.id.as_str()))
                .map(|d| CompletionItem {
                    label: d.id.clone(),
                    kind: Some(CompletionItemKind::REFERENCE),
                    detail: Some(match &d.title {
                        Some(title) => format!("{} — {title}", d.kind),
                        None => d.kind.clone(),
                    }),
                    ..CompletionItem::default()
                })
                .collect()
        };
        let items: Vec<CompletionItem> = if word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        {
            match enclosing {
                None => Kind::ALL.iter().map(|k| kind_item(*k)).collect(),
                Some(kind) => kind
                    .fields()
                    .iter()
                    .map(|f| CompletionItem {
                        label: f.name.to_owned(),
                        kind: Some(CompletionItemKind::FIELD),
                        detail: Some(f.label.to_owned()),
                        ..CompletionItem::default()
                    })
                    .chain(kind.children().iter().map(|k| kind_item(*k)))
                    .collect(),
            }
        } else if let Some(open) = before.rfind('{').filter(|&o| before.rfind('}') < Some(o)) {
            // In an interpolation: after `grid[`, its rows, then after the
            // comma its columns; after `id.`, the fields of its kind;
            // else every id.
            let inner = &before[open + 1..];
            let names = |names: Vec<String>, kind: CompletionItemKind| {
                names
                    .into_iter()
                    .map(|label| CompletionItem {
                        label,
                        kind: Some(kind),
                        ..CompletionItem::default()
                    })
                    .collect()
            };
            if let Some((grid, rest)) = inner.split_once('[') {
                let parsed = policyc::parse::parse(&document.text);
                let (rows, columns) = grid::headers(&parsed.file, grid.trim()).unwrap_or_default();
                let wanted = if rest.contains(',') { columns } else { rows };
                names(wanted, CompletionItemKind::REFERENCE)
            } else if let Some((id, _)) = inner.split_once('.') {
                let kind = index
                    .defs_of(id.trim())
                    .next()
                    .and_then(|d| Kind::parse(&d.kind));
                let fields = kind.map_or_else(Vec::new, |k| {
                    k.fields().iter().map(|f| f.name.to_owned()).collect()
                });
                names(fields, CompletionItemKind::FIELD)
            } else {
                ids(None)
            }
        } else if word.starts_with('|') {
            // A value cell (not the header row, nor a row's id): the
            // values the grid's cells accept; else the ids.
            let header = document.text[..line_start]
                .lines()
                .next_back()
                .is_none_or(|l| !l.trim_start().starts_with('|'));
            match grid::cell_values(&document.text, offset)
                .filter(|_| !header && before.matches('|').count() > 1)
            {
                Some((values, accepts)) => values
                    .into_iter()
                    .map(|v| CompletionItem {
                        label: v,
                        kind: Some(CompletionItemKind::VALUE),
                        detail: Some(format!("a cell holds {accepts}")),
                        ..CompletionItem::default()
                    })
                    .collect(),
                None => ids(None),
            }
        } else if let Some((name, _)) = word.split_once(':') {
            match enclosing.and_then(|k| k.field(name.trim())).map(|f| f.ty) {
                Some(Type::Ref(kinds) | Type::Refs(kinds)) => ids(Some(kinds)),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        serde_json::to_value(CompletionResponse::Array(items)).map_err(|e| e.to_string())
    }
}

fn kind_item(kind: Kind) -> CompletionItem {
    CompletionItem {
        label: kind.name().to_owned(),
        kind: Some(CompletionItemKind::KEYWORD),
        detail: Some(format!("a {} declaration", kind.name())),
        ..CompletionItem::default()
    }
}
