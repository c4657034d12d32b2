//! Hover: what an id is (kind, title, where declared, how often used),
//! what the schema says of a kind keyword or a field name, and what the
//! document renders for a grid cell or an interpolation
//! ([`Server::rendered_hover`]).

use super::index::Index;
use super::{extract, file_path, Server};
use lsp_server::Request;
use lsp_types::request::{HoverRequest, Request as _};
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Uri};
use policyc::schema::Kind;

impl Server {
    pub(super) fn hover(&self, request: Request) -> Result<serde_json::Value, String> {
        let (_, params) = extract::<lsp_types::HoverParams>(request, HoverRequest::METHOD)?;
        let at = params.text_document_position_params;
        let uri = at.text_document.uri;
        let (document, lines, index) = self.open(&uri)?;
        let offset = lines.offset(&document.text, at.position);
        let rendered = self.rendered_hover(&uri, &document.text, &index, offset);
        let shown = match (self.id_hover(&uri, &index, offset), rendered) {
            (Some(id), Some(rendered)) => format!("{id}\n\n---\n\n{rendered}"),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => return Ok(serde_json::Value::Null),
        };
        serde_json::to_value(markdown_hover(shown)).map_err(|e| e.to_string())
    }

    /// What an id at byte `offset` is (its kind, title, declaration and
    /// uses), or what the schema says of the kind or field there.
    fn id_hover(&self, uri: &Uri, index: &Index, offset: usize) -> Option<String> {
        let Some((id, _)) = index.word_at(offset) else {
            return index
                .keyword_at(offset)
                .and_then(|(kind, field)| schema_hover(kind, field));
        };
        let found = self.declarations(uri, index, id).into_iter().next()?;
        let mut value = format!("**{}** `{id}`", found.kind);
        if let Some(title) = &found.title {
            value.push_str(&format!(" — {title}"));
        }
        let line = found.range.start.line + 1;
        let uses = index.uses_of(id).count();
        if found.uri == *uri {
            value.push_str(&format!("\n\ndeclared on line {line}; used {uses} times"));
        } else {
            let file = file_path(&found.uri)
                .map(|p| policyc::files::display(&p))
                .unwrap_or_default();
            value.push_str(&format!(
                "\n\ndeclared in `{file}`, line {line}; used {uses} times here"
            ));
        }
        Some(value)
    }
}

fn markdown_hover(value: String) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: None,
    }
}

/// What the schema says of a kind keyword, or of a field of a kind.
fn schema_hover(kind: &str, field: Option<&str>) -> Option<String> {
    let kind = Kind::parse(kind)?;
    Some(match field {
        Some(name) => {
            let spec = kind.field(name)?;
            let required = if spec.required {
                "required"
            } else {
                "optional"
            };
            format!(
                "**field** `{}` of a `{}` ({required}): {}\n\n{}",
                spec.name,
                kind.name(),
                spec.label,
                spec.ty.describe()
            )
        }
        None => {
            let fields: Vec<String> = kind
                .fields()
                .iter()
                .map(|f| format!("`{}`", f.name))
                .collect();
            let mut value = format!("**kind** `{}`", kind.name());
            if !fields.is_empty() {
                value.push_str(&format!("\n\nfields: {}", fields.join(", ")));
            }
            let children: Vec<String> = kind
                .children()
                .iter()
                .map(|k| format!("`{}`", k.name()))
                .collect();
            if !children.is_empty() {
                value.push_str(&format!("\n\nholds: {}", children.join(", ")));
            }
            value
        }
    })
}
