//! From a shared file to the policies that include it: the uses of a
//! shared file's id in them, for find references. The policies looked at
//! are the open documents and the policies saved beside the shared file
//! (an open document's text first); a policy includes the shared file
//! when one of its `include`s names it, relative to the policy.

use super::index::Index;
use super::position::Lines;
use super::{file_path, is_shared, normalize, path_uri, Server};
use lsp_types::{Location, Uri};
use std::collections::BTreeMap;
use std::path::PathBuf;

impl Server {
    /// The uses of `id` in the policies that include the shared file at
    /// `shared`, in order of their paths.
    pub(super) fn uses_in_including(&self, shared: &Uri, id: &str) -> Vec<Location> {
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
            let Some(dir) = path.parent() else { continue };
            if !index
                .includes
                .iter()
                .any(|include| normalize(&dir.join(include)) == shared_path)
            {
                continue;
            }
            let lines = Lines::new(&text);
            out.extend(
                index
                    .uses_of(id)
                    .map(|span| Location::new(uri.clone(), lines.range(&text, span))),
            );
        }
        out
    }
}
