//! From a shared file to the policies that include it: the uses of a
//! shared file's id in them, for find references and rename. The policies
//! looked at are the open documents and the policies saved beside the
//! shared file (an open document's text first); a policy includes the
//! shared file when one of its `include`s names it, relative to the
//! policy.

use super::index::Index;
use super::position::Lines;
use super::{file_path, is_shared, normalize, path_uri, Server};
use lsp_types::{Location, TextEdit, Uri};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A policy that includes a shared file.
pub struct Including {
    /// Its URI.
    pub uri: Uri,
    /// Its text, as open or as saved.
    pub text: String,
    /// Its declarations and uses.
    pub index: Index,
}

impl Server {
    /// The policies that include the shared file at `shared`, in order of
    /// their paths.
    pub(super) fn including(&self, shared: &Uri) -> Vec<Including> {
        let Some(shared_path) = file_path(shared).map(|p| normalize(&p)) else {
            return Vec::new();
        };
        // Every candidate policy, by path: open ones as edited.
        let mut policies: BTreeMap<PathBuf, (Uri, String)> = BTreeMap::new();
        if let Some(dir) = shared_path.parent() {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = normalize(&entry.path());
                let name = path.to_string_lossy();
                if !name.ends_with(".policy") || name.ends_with(policyc::files::SHARED) {
                    continue;
                }
                if let (Some(uri), Ok(text)) = (path_uri(&path), std::fs::read_to_string(&path)) {
                    policies.insert(path, (uri, text));
                }
            }
        }
        for document in self.documents.values() {
            if is_shared(&document.uri) {
                continue;
            }
            if let Some(path) = file_path(&document.uri) {
                policies.insert(
                    normalize(&path),
                    (document.uri.clone(), document.text.clone()),
                );
            }
        }
        let mut out = Vec::new();
        for (path, (uri, text)) in policies {
            let parsed = policyc::parse::parse(&text);
            let index = Index::new(&text, &parsed.file);
            if includes(&index, &path, &shared_path) {
                out.push(Including { uri, text, index });
            }
        }
        out
    }

    /// The uses of `id` in the policies that include the shared file at
    /// `shared`.
    pub(super) fn uses_in_including(&self, shared: &Uri, id: &str) -> Vec<Location> {
        let mut out = Vec::new();
        for policy in self.including(shared) {
            let lines = Lines::new(&policy.text);
            out.extend(
                policy
                    .index
                    .uses_of(id)
                    .map(|span| Location::new(policy.uri.clone(), lines.range(&policy.text, span))),
            );
        }
        out
    }

    /// The edits that rename `id` to `new` in the policies including the
    /// shared file at `shared`, whose text renamed is `renamed`: refused
    /// when `new` is declared in one of them, or when one would have more
    /// errors with the file renamed.
    pub(super) fn rename_in_including(
        &self,
        shared: &Uri,
        renamed: &str,
        id: &str,
        new: &str,
    ) -> Result<Vec<(Uri, Vec<TextEdit>)>, String> {
        let shared_path = file_path(shared).map(|p| normalize(&p));
        let mut out = Vec::new();
        for policy in self.including(shared) {
            let name = file_path(&policy.uri)
                .map(|p| policyc::files::display(&p))
                .unwrap_or_default();
            if policy.index.defs_of(new).next().is_some() {
                return Err(format!("`{new}` is already declared in `{name}`"));
            }
            let mut spans: Vec<_> = policy.index.uses_of(id).collect();
            spans.sort_by_key(|s| s.key());
            spans.dedup_by_key(|s| s.key());
            let mut text = policy.text.clone();
            for span in spans.iter().rev() {
                text.replace_range(span.start..span.end, new);
            }
            let read = self.reader(&policy.uri);
            let dir = file_path(&policy.uri).and_then(|p| p.parent().map(Path::to_path_buf));
            let read_renamed = |file: &str| -> Result<String, String> {
                let path = dir.as_ref().map(|d| normalize(&d.join(file)));
                if path.is_some() && path == shared_path {
                    Ok(renamed.to_owned())
                } else {
                    read(file)
                }
            };
            let before = policyc::check_source_with(&policy.text, &read)
                .errors()
                .count();
            let after = policyc::check_source_with(&text, &read_renamed)
                .errors()
                .count();
            if after > before {
                return Err(format!(
                    "renaming `{id}` to `{new}` would make {} more errors in `{name}`",
                    after - before
                ));
            }
            let lines = Lines::new(&policy.text);
            let edits: Vec<TextEdit> = spans
                .into_iter()
                .map(|s| TextEdit::new(lines.range(&policy.text, s), new.to_owned()))
                .collect();
            if !edits.is_empty() {
                out.push((policy.uri, edits));
            }
        }
        Ok(out)
    }
}

/// Whether the policy at `path`, indexed as `index`, includes the shared
/// file at `shared`.
fn includes(index: &Index, path: &Path, shared: &Path) -> bool {
    let Some(dir) = path.parent() else {
        return false;
    };
    index
        .includes
        .iter()
        .any(|include| normalize(&dir.join(include)) == shared)
}
