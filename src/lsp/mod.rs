//! `policyc lsp`: a Language Server Protocol server over standard input and
//! output, a front end like the command line. It keeps the open documents,
//! checks each on open and change (reading the shared files it includes
//! beside it, preferring an open document's text) and publishes the
//! diagnostics; it answers hover, go to definition, find references,
//! rename, completion, formatting, the outline, folding ranges and
//! semantic tokens from the syntax tree ([`index`]), quick fixes from the
//! diagnostics ([`actions`]), and what the document renders (grid cells,
//! interpolations, section numbers: [`rendered`], [`inlay`]) from the
//! checked model. A shared file is re-checked through the open policies
//! that include it, when it changes in the editor or on disk.
//!
//! Positions: spans are byte offsets, LSP columns UTF-16 code units; every
//! conversion goes through [`position::Lines`] (or [`position::Cursor`],
//! for many positions in order).

mod actions;
mod completion;
mod folding;
mod grid;
mod hover;
mod index;
mod inlay;
mod position;
mod rendered;
#[cfg(test)]
mod robust;
mod semantic_tokens;
mod shared;
mod views;

use index::Index;
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, FoldingRangeRequest, Formatting,
    GotoDefinition, HoverRequest, InlayHintRequest, PrepareRenameRequest, References, Rename,
    Request as _, SemanticTokensFullRequest, SemanticTokensRangeRequest,
};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, DiagnosticRelatedInformation,
    DiagnosticSeverity, DocumentSymbol, DocumentSymbolResponse, FoldingRangeProviderCapability,
    GotoDefinitionResponse, HoverProviderCapability, Location, NumberOrString, OneOf,
    PrepareRenameResponse, PublishDiagnosticsParams, RenameOptions, SemanticTokensFullOptions,
    SemanticTokensOptions, ServerCapabilities, SymbolKind, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextEdit, Uri, WorkDoneProgressOptions, WorkspaceEdit,
};
use policyc::diagnostic::{Diagnostic, Severity};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::str::FromStr;

use position::Lines;

/// Runs the server until the client says `exit`.
pub fn run() -> ExitCode {
    let (connection, io) = Connection::stdio();
    let result = serve(&connection);
    drop(connection);
    let joined = io.join();
    match (result, joined) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(e), _) => {
            eprintln!("error: policyc lsp: {e}");
            ExitCode::from(1)
        }
        (_, Err(e)) => {
            eprintln!("error: policyc lsp: {e}");
            ExitCode::from(1)
        }
    }
}

type Error = Box<dyn std::error::Error + Send + Sync>;

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions::default()),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(
            SemanticTokensOptions {
                legend: semantic_tokens::legend(),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                range: Some(true),
                work_done_progress_options: WorkDoneProgressOptions::default(),
            }
            .into(),
        ),
        ..ServerCapabilities::default()
    }
}

fn serve(connection: &Connection) -> Result<(), Error> {
    let capabilities = serde_json::to_value(capabilities())?;
    // Of the client's capabilities one is read: whether it watches files
    // for the server when asked (an odd client still gets a server).
    let params = connection.initialize(capabilities)?;
    if views::watches_files(&params) {
        connection
            .sender
            .send(Message::Request(views::watch_shared_files()))?;
    }
    let mut server = Server::default();
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                let response = server.request(request);
                connection.sender.send(Message::Response(response))?;
            }
            Message::Notification(notification) => {
                if server.notification(notification) {
                    for params in server.check_all() {
                        connection
                            .sender
                            .send(Message::Notification(Notification::new(
                                PublishDiagnostics::METHOD.to_owned(),
                                params,
                            )))?;
                    }
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// A declaration of an id, in a document or a shared file.
struct Found {
    uri: Uri,
    range: lsp_types::Range,
    kind: String,
    title: Option<String>,
}

/// One open document.
struct Document {
    uri: Uri,
    text: String,
    version: i32,
}

#[derive(Default)]
struct Server {
    /// The open documents, by URI.
    documents: HashMap<String, Document>,
    /// Documents closed since the last check, whose diagnostics to clear.
    closed: Vec<Uri>,
    /// Each open policy as last checked (on the last notification, as its
    /// diagnostics were published), for the requests that read the model.
    checked: HashMap<String, std::rc::Rc<policyc::Checked>>,
}

impl Server {
    /// Handles a notification; whether the documents changed.
    fn notification(&mut self, notification: Notification) -> bool {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(params) = notification
                    .extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                else {
                    return false;
                };
                let doc = params.text_document;
                self.documents.insert(
                    doc.uri.as_str().to_owned(),
                    Document {
                        uri: doc.uri,
                        text: doc.text,
                        version: doc.version,
                    },
                );
                true
            }
            DidChangeTextDocument::METHOD => {
                let Ok(params) = notification.extract::<lsp_types::DidChangeTextDocumentParams>(
                    DidChangeTextDocument::METHOD,
                ) else {
                    return false;
                };
                let Some(document) = self.documents.get_mut(params.text_document.uri.as_str())
                else {
                    return false;
                };
                for change in params.content_changes {
                    match change.range {
                        Some(range) => {
                            let lines = Lines::new(&document.text);
                            let start = lines.offset(&document.text, range.start);
                            let end = lines.offset(&document.text, range.end).max(start);
                            document.text.replace_range(start..end, &change.text);
                        }
                        None => document.text = change.text,
                    }
                }
                document.version = params.text_document.version;
                true
            }
            // A file changed on disk: a shared file the open policies may
            // include (the client watches `*.shared.policy` when it can).
            DidChangeWatchedFiles::METHOD => true,
            DidCloseTextDocument::METHOD => {
                let Ok(params) = notification
                    .extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                else {
                    return false;
                };
                if let Some(document) = self.documents.remove(params.text_document.uri.as_str()) {
                    self.closed.push(document.uri);
                }
                true
            }
            _ => false,
        }
    }

    /// The diagnostics of every open document (a change to a shared file
    /// changes those of the policies that include it), and none for the
    /// documents just closed.
    fn check_all(&mut self) -> Vec<PublishDiagnosticsParams> {
        let mut out: Vec<PublishDiagnosticsParams> = self
            .closed
            .drain(..)
            .map(|uri| PublishDiagnosticsParams::new(uri, Vec::new(), None))
            .collect();
        let mut keys: Vec<&String> = self.documents.keys().collect();
        keys.sort();
        let mut checked = HashMap::new();
        for key in keys {
            let document = &self.documents[key];
            let diagnostics = if is_shared(&document.uri) {
                Vec::new()
            } else {
                let done = policyc::check_source_with(&document.text, &self.reader(&document.uri));
                let lines = Lines::new(&document.text);
                let diagnostics = done
                    .diagnostics
                    .iter()
                    .map(|d| to_lsp(d, &document.uri, &document.text, &lines))
                    .collect();
                checked.insert(key.clone(), std::rc::Rc::new(done));
                diagnostics
            };
            out.push(PublishDiagnosticsParams::new(
                document.uri.clone(),
                diagnostics,
                Some(document.version),
            ));
        }
        self.checked = checked;
        out
    }

    /// Reads the shared files of the document at `uri` beside it, an open
    /// document's text first.
    fn reader<'a>(&'a self, uri: &Uri) -> impl Fn(&str) -> Result<String, String> + 'a {
        let dir = file_path(uri).and_then(|p| p.parent().map(Path::to_path_buf));
        let open: HashMap<PathBuf, &'a str> = self
            .documents
            .values()
            .filter_map(|d| Some((normalize(&file_path(&d.uri)?), d.text.as_str())))
            .collect();
        move |shared: &str| {
            let Some(dir) = &dir else {
                return Err(
                    "the document is not a file: its shared files cannot be read".to_owned(),
                );
            };
            let path = normalize(&dir.join(shared));
            match open.get(&path) {
                Some(text) => Ok((*text).to_owned()),
                None => std::fs::read_to_string(&path).map_err(|e| e.to_string()),
            }
        }
    }

    fn request(&self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            HoverRequest::METHOD => self.hover(request),
            GotoDefinition::METHOD => self.definition(request),
            References::METHOD => self.references(request),
            Formatting::METHOD => self.formatting(request),
            DocumentSymbolRequest::METHOD => self.symbols(request),
            PrepareRenameRequest::METHOD => self.prepare_rename(request),
            Rename::METHOD => self.rename(request),
            CodeActionRequest::METHOD => self.code_actions(request),
            Completion::METHOD => self.completion(request),
            SemanticTokensFullRequest::METHOD => self.semantic_tokens(request),
            SemanticTokensRangeRequest::METHOD => self.semantic_tokens_range(request),
            FoldingRangeRequest::METHOD => self.folding_ranges(request),
            InlayHintRequest::METHOD => self.inlay_hints(request),
            _ => {
                return Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("policyc lsp does not answer `{}`", request.method),
                )
            }
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err(e) => Response::new_err(id, lsp_server::ErrorCode::InvalidParams as i32, e),
        }
    }

    /// The document at `uri`, with its lines and index.
    fn open(&self, uri: &Uri) -> Result<(&Document, Lines, Index), String> {
        let document = self
            .documents
            .get(uri.as_str())
            .ok_or_else(|| format!("`{}` is not open", uri.as_str()))?;
        let parsed = policyc::parse::parse(&document.text);
        let index = Index::new(&document.text, &parsed.file);
        Ok((document, Lines::new(&document.text), index))
    }

    fn definition(&self, request: Request) -> Result<serde_json::Value, String> {
        let (_, params) =
            extract::<lsp_types::GotoDefinitionParams>(request, GotoDefinition::METHOD)?;
        let at = params.text_document_position_params;
        let uri = at.text_document.uri;
        let (document, lines, index) = self.open(&uri)?;
        let offset = lines.offset(&document.text, at.position);
        let Some((id, _)) = index.word_at(offset) else {
            return Ok(serde_json::Value::Null);
        };
        let locations: Vec<Location> = self
            .declarations(&uri, &index, id)
            .into_iter()
            .map(|found| Location::new(found.uri, found.range))
            .collect();
        serde_json::to_value(GotoDefinitionResponse::Array(locations)).map_err(|e| e.to_string())
    }

    /// The declarations of `id` seen from the document at `uri`: its own,
    /// else those of the shared files it includes (read as its check reads
    /// them).
    fn declarations(&self, uri: &Uri, index: &Index, id: &str) -> Vec<Found> {
        let found = |uri: &Uri, text: &str, index: &Index| -> Vec<Found> {
            let lines = Lines::new(text);
            index
                .defs_of(id)
                .map(|d| Found {
                    uri: uri.clone(),
                    range: lines.range(text, d.span),
                    kind: d.kind.clone(),
                    title: d.title.clone(),
                })
                .collect()
        };
        if let Some(document) = self.documents.get(uri.as_str()) {
            let here = found(uri, &document.text, index);
            if !here.is_empty() {
                return here;
            }
        }
        let Some(dir) = file_path(uri).and_then(|p| p.parent().map(Path::to_path_buf)) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for include in &index.includes {
            let path = normalize(&dir.join(include));
            let open = self
                .documents
                .values()
                .find(|d| file_path(&d.uri).is_some_and(|p| normalize(&p) == path));
            let (shared_uri, text) = match open {
                Some(d) => (d.uri.clone(), d.text.clone()),
                None => match (path_uri(&path), std::fs::read_to_string(&path)) {
                    (Some(uri), Ok(text)) => (uri, text),
                    _ => continue,
                },
            };
            let parsed = policyc::parse::parse(&text);
            out.extend(found(&shared_uri, &text, &Index::new(&text, &parsed.file)));
        }
        out
    }

    fn references(&self, request: Request) -> Result<serde_json::Value, String> {
        let (_, params) = extract::<lsp_types::ReferenceParams>(request, References::METHOD)?;
        let at = params.text_document_position;
        let uri = at.text_document.uri;
        let (document, lines, index) = self.open(&uri)?;
        let offset = lines.offset(&document.text, at.position);
        let Some((id, _)) = index.word_at(offset) else {
            return Ok(serde_json::Value::Null);
        };
        let mut spans: Vec<_> = index.uses_of(id).collect();
        if params.context.include_declaration {
            spans.extend(index.defs_of(id).map(|d| d.span));
        }
        spans.sort_by_key(|s| s.key());
        let mut locations: Vec<Location> = spans
            .into_iter()
            .map(|s| Location::new(uri.clone(), lines.range(&document.text, s)))
            .collect();
        // A shared file's id is used in the policies that include it.
        if is_shared(&uri) && index.defs_of(id).next().is_some() {
            locations.extend(self.uses_in_including(&uri, id));
        }
        serde_json::to_value(locations).map_err(|e| e.to_string())
    }

    fn formatting(&self, request: Request) -> Result<serde_json::Value, String> {
        let (_, params) =
            extract::<lsp_types::DocumentFormattingParams>(request, Formatting::METHOD)?;
        let uri = params.text_document.uri;
        let (document, lines, _) = self.open(&uri)?;
        // A policy with errors is not formatted: no edits (the diagnostics
        // say why).
        let Ok(formatted) = policyc::fmt::format_source_with(&document.text, &self.reader(&uri))
        else {
            return Ok(serde_json::Value::Null);
        };
        let edits = if formatted == document.text {
            Vec::new()
        } else {
            let all = policyc::span::Span::new(0, document.text.len());
            vec![TextEdit::new(lines.range(&document.text, all), formatted)]
        };
        serde_json::to_value(edits).map_err(|e| e.to_string())
    }

    fn symbols(&self, request: Request) -> Result<serde_json::Value, String> {
        let (_, params) =
            extract::<lsp_types::DocumentSymbolParams>(request, DocumentSymbolRequest::METHOD)?;
        let (document, lines, index) = self.open(&params.text_document.uri)?;
        let symbols = index
            .top
            .iter()
            .map(|&at| symbol(&index, at, &document.text, &lines))
            .collect();
        serde_json::to_value(DocumentSymbolResponse::Nested(symbols)).map_err(|e| e.to_string())
    }
}

impl Server {
    fn prepare_rename(&self, request: Request) -> Result<serde_json::Value, String> {
        let (_, params) = extract::<lsp_types::TextDocumentPositionParams>(
            request,
            PrepareRenameRequest::METHOD,
        )?;
        let (document, lines, index) = self.open(&params.text_document.uri)?;
        let offset = lines.offset(&document.text, params.position);
        let Some(span) = index.span_at(offset) else {
            return Ok(serde_json::Value::Null);
        };
        let range = lines.range(&document.text, span);
        serde_json::to_value(PrepareRenameResponse::Range(range)).map_err(|e| e.to_string())
    }

    /// Renames an id everywhere in the document (and, for an id a shared
    /// file declares, in the policies including it): refused when the new
    /// name is no id, is declared already, or a renamed policy would have
    /// more errors than before.
    fn rename(&self, request: Request) -> Result<serde_json::Value, String> {
        let (_, params) = extract::<lsp_types::RenameParams>(request, Rename::METHOD)?;
        let at = params.text_document_position;
        let uri = at.text_document.uri;
        let (document, lines, index) = self.open(&uri)?;
        let offset = lines.offset(&document.text, at.position);
        let id = index.id_at(offset).ok_or("there is no id here to rename")?;
        let new = params.new_name;
        if !index::is_identifier(&new) {
            return Err(format!(
                "`{new}` is not an id: a lowercase letter, then lowercase letters, digits and `-`"
            ));
        }
        if index.defs_of(&new).next().is_some() {
            return Err(format!("`{new}` is already declared"));
        }
        let mut spans: Vec<_> = index
            .uses_of(id)
            .chain(index.defs_of(id).map(|d| d.span))
            .collect();
        spans.sort_by_key(|s| s.key());
        spans.dedup_by_key(|s| s.key());
        let mut renamed = document.text.clone();
        for span in spans.iter().rev() {
            renamed.replace_range(span.start..span.end, &new);
        }
        let read = self.reader(&uri);
        let before = policyc::check_source_with(&document.text, &read)
            .errors()
            .count();
        let after = policyc::check_source_with(&renamed, &read).errors().count();
        if after > before {
            return Err(format!(
                "renaming `{id}` to `{new}` would make {} more errors",
                after - before
            ));
        }
        // A shared file's id: renamed in the policies including it too.
        let mut changes = if is_shared(&uri) && index.defs_of(id).next().is_some() {
            self.rename_in_including(&uri, &renamed, id, &new)?
        } else {
            Vec::new()
        };
        let edits = spans
            .into_iter()
            .map(|s| TextEdit::new(lines.range(&document.text, s), new.clone()))
            .collect();
        changes.push((uri, edits));
        let edit = WorkspaceEdit::new(changes.into_iter().collect());
        serde_json::to_value(edit).map_err(|e| e.to_string())
    }

    /// Quick fixes of the diagnostics sent: [`actions`].
    fn code_actions(&self, request: Request) -> Result<serde_json::Value, String> {
        let (_, params) =
            extract::<lsp_types::CodeActionParams>(request, CodeActionRequest::METHOD)?;
        let uri = params.text_document.uri;
        let (document, lines, _) = self.open(&uri)?;
        let actions =
            actions::quick_fixes(&uri, &document.text, &lines, params.context.diagnostics);
        serde_json::to_value(actions).map_err(|e| e.to_string())
    }
}

/// The outline entry of declaration `at`, with its nested ones.
#[allow(deprecated)] // `DocumentSymbol::deprecated`, which must be written
fn symbol(index: &Index, at: usize, text: &str, lines: &Lines) -> DocumentSymbol {
    let def = &index.defs[at];
    let children: Vec<DocumentSymbol> = def
        .children
        .iter()
        .map(|&child| symbol(index, child, text, lines))
        .collect();
    DocumentSymbol {
        name: def.id.clone(),
        detail: Some(match &def.title {
            Some(title) => format!("{} — {title}", def.kind),
            None => def.kind.clone(),
        }),
        kind: symbol_kind(&def.kind),
        tags: None,
        deprecated: None,
        range: lines.range(text, def.decl),
        selection_range: lines.range(text, def.span),
        children: (!children.is_empty()).then_some(children),
    }
}

fn symbol_kind(kind: &str) -> SymbolKind {
    match kind {
        "policy" => SymbolKind::FILE,
        "section" | "topic" => SymbolKind::NAMESPACE,
        "grid" | "matrix" => SymbolKind::STRUCT,
        "tier" | "severity" | "level" => SymbolKind::ENUM_MEMBER,
        "calendar" | "holidays" => SymbolKind::EVENT,
        "example" => SymbolKind::FUNCTION,
        _ => SymbolKind::OBJECT,
    }
}

fn extract<P: serde::de::DeserializeOwned>(
    request: Request,
    method: &str,
) -> Result<(RequestId, P), String> {
    request.extract(method).map_err(|e| format!("{e:?}"))
}

/// One policyc diagnostic as an LSP one: the first label is the range,
/// the others related information, the help appended to the message.
fn to_lsp(d: &Diagnostic, uri: &Uri, text: &str, lines: &Lines) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    if let Some(first) = d.labels.first().filter(|l| !l.text.is_empty()) {
        message.push_str(&format!(" ({})", first.text));
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .skip(1)
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), lines.range(text, label.span)),
            message: label.text.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: lines.range(text, d.primary_span()),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("policyc".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_types::Diagnostic::default()
    }
}

/// Whether `uri` names a shared file (`*.shared.policy`), which is checked
/// through the policies that include it, never alone.
fn is_shared(uri: &Uri) -> bool {
    uri.as_str().ends_with(policyc::files::SHARED)
}

/// The path of a `file:` URI.
fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file:///c%3A/x` on Windows: drop the slash before a drive letter.
    let decoded = percent_decode(rest);
    let path = match decoded.as_bytes() {
        [b'/', drive, b':', ..] if drive.is_ascii_alphabetic() => decoded[1..].to_owned(),
        _ => decoded,
    };
    Some(PathBuf::from(path))
}

/// The `file:` URI of an absolute path.
fn path_uri(path: &Path) -> Option<Uri> {
    let text = path.to_str()?.replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~:".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(byte) = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `a/b/../c` as `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_become_paths() {
        let uri = Uri::from_str("file:///home/a%20b/p.policy").unwrap();
        assert_eq!(file_path(&uri), Some(PathBuf::from("/home/a b/p.policy")));
        let back = path_uri(Path::new("/home/a b/p.policy")).unwrap();
        assert_eq!(back.as_str(), "file:///home/a%20b/p.policy");
        assert_eq!(
            normalize(Path::new("/p/x/../shared/h.shared.policy")),
            PathBuf::from("/p/shared/h.shared.policy")
        );
    }
}
