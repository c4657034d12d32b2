//! The requests that show a document as a whole or what it renders:
//! semantic tokens, folding ranges, inlay hints, and the part of a hover
//! that shows a grid cell or an interpolation as the document writes it;
//! and the registration of the watcher of shared files.

use super::index::Index;
use super::{extract, grid, inlay, rendered, semantic_tokens, Server};
use lsp_server::{Request, RequestId};
use lsp_types::request::{
    FoldingRangeRequest, InlayHintRequest, RegisterCapability, Request as _,
    SemanticTokensFullRequest, SemanticTokensRangeRequest,
};
use lsp_types::{
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, InitializeParams,
    Registration, RegistrationParams, SemanticTokens, SemanticTokensRangeResult,
    SemanticTokensResult, Uri,
};
use policyc::emit::escape::markdown_body;
use std::rc::Rc;

impl Server {
    /// The policy of the open document at `uri` as last checked; checked
    /// now, its shared files read as [`Server::reader`] reads them, when
    /// it was not.
    pub(super) fn check(&self, uri: &Uri, text: &str) -> Rc<policyc::Checked> {
        match self.checked.get(uri.as_str()) {
            Some(checked) => Rc::clone(checked),
            None => Rc::new(policyc::check_source_with(text, &self.reader(uri))),
        }
    }

    pub(super) fn semantic_tokens(&self, request: Request) -> Result<serde_json::Value, String> {
        let (_, params) =
            extract::<lsp_types::SemanticTokensParams>(request, SemanticTokensFullRequest::METHOD)?;
        let (document, _, index) = self.open(&params.text_document.uri)?;
        let tokens = SemanticTokensResult::Tokens(SemanticTokens {
            result_id: None,
            data: semantic_tokens::tokens(&document.text, &index),
        });
        serde_json::to_value(tokens).map_err(|e| e.to_string())
    }

    /// The tokens of the lines a range covers (an editor asks for the
    /// visible part of a large file first).
    pub(super) fn semantic_tokens_range(
        &self,
        request: Request,
    ) -> Result<serde_json::Value, String> {
        let (_, params) = extract::<lsp_types::SemanticTokensRangeParams>(
            request,
            SemanticTokensRangeRequest::METHOD,
        )?;
        let (document, _, index) = self.open(&params.text_document.uri)?;
        let (start, end) = (params.range.start, params.range.end);
        // A range ending at the start of a line holds nothing of it.
        let last = if end.character == 0 && end.line > start.line {
            end.line - 1
        } else {
            end.line
        };
        let lines = start.line..=last;
        let tokens = SemanticTokensRangeResult::Tokens(SemanticTokens {
            result_id: None,
            data: semantic_tokens::tokens_in(&document.text, &index, lines),
        });
        serde_json::to_value(tokens).map_err(|e| e.to_string())
    }

    pub(super) fn folding_ranges(&self, request: Request) -> Result<serde_json::Value, String> {
        let (_, params) =
            extract::<lsp_types::FoldingRangeParams>(request, FoldingRangeRequest::METHOD)?;
        let (document, lines, _) = self.open(&params.text_document.uri)?;
        let parsed = policyc::parse::parse(&document.text);
        let ranges = super::folding::ranges(&document.text, &parsed.file, &lines);
        serde_json::to_value(ranges).map_err(|e| e.to_string())
    }

    pub(super) fn inlay_hints(&self, request: Request) -> Result<serde_json::Value, String> {
        let (_, params) = extract::<lsp_types::InlayHintParams>(request, InlayHintRequest::METHOD)?;
        let uri = params.text_document.uri;
        let (document, _, _) = self.open(&uri)?;
        let checked = self.check(&uri, &document.text);
        let hints = inlay::hints(&document.text, &checked, params.range);
        serde_json::to_value(hints).map_err(|e| e.to_string())
    }

    /// What the document writes for the interpolation or the grid cell at
    /// byte `offset`, as Markdown: a cell's row and column with their
    /// titles always, the text written only when the policy has no errors
    /// (no document is rendered from it); `None` elsewhere.
    pub(super) fn rendered_hover(
        &self,
        uri: &Uri,
        text: &str,
        index: &Index,
        offset: usize,
    ) -> Option<String> {
        let checked = self.check(uri, text);
        let valid = checked.valid();
        let within = |span: policyc::span::Span| span.start <= offset && offset < span.end;
        if let Some(valid) = valid {
            if let Some(w) = rendered::interpolations(valid.policy(), text)
                .into_iter()
                .find(|w| within(w.span))
            {
                let renderer = policyc::emit::markdown::ProseRenderer::new(valid);
                let shown = rendered::interpolation(&renderer, w.interpolation, w.span);
                return Some(format!("**renders as** {}", markdown_body(&shown)));
            }
        }
        let parsed = policyc::parse::parse(text);
        let cell = grid::cell_at(&parsed.file, offset)?;
        let title = |id: &str| {
            index
                .defs_of(id)
                .find_map(|d| d.title.as_deref())
                .map_or_else(String::new, |t| format!(" — {}", markdown_body(t)))
        };
        let mut shown = format!(
            "**cell** `{}[{}, {}]`\n\nrow `{}`{}\n\ncolumn `{}`{}",
            cell.grid,
            cell.row,
            cell.column,
            cell.row,
            title(&cell.row),
            cell.column,
            title(&cell.column),
        );
        if let Some(value) =
            valid.and_then(|v| rendered::cell(v, &cell.grid, &cell.row, &cell.column))
        {
            shown.push_str(&format!("\n\n**renders as** {}", markdown_body(&value)));
        }
        Some(shown)
    }
}

/// Whether the client watches files for the server when asked to.
pub(super) fn watches_files(params: &serde_json::Value) -> bool {
    serde_json::from_value::<InitializeParams>(params.clone()).is_ok_and(|p| {
        p.capabilities
            .workspace
            .and_then(|w| w.did_change_watched_files)
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false)
    })
}

/// The request that asks the client to report changes to shared files
/// (`workspace/didChangeWatchedFiles`): a policy that includes one is
/// re-checked when it changes on disk.
pub(super) fn watch_shared_files() -> Request {
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String(format!("**/*{}", policyc::files::SHARED)),
            kind: None,
        }],
    };
    let params = RegistrationParams {
        registrations: vec![Registration {
            id: "policyc-shared-files".to_owned(),
            method: "workspace/didChangeWatchedFiles".to_owned(),
            register_options: serde_json::to_value(options).ok(),
        }],
    };
    Request::new(
        RequestId::from("policyc-watch".to_owned()),
        RegisterCapability::METHOD.to_owned(),
        params,
    )
}
