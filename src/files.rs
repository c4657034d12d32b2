//! The outer layer's file handling: finding policies, reading them.

use std::path::{Path, PathBuf};

/// The extension of policy files.
pub const EXTENSION: &str = "policy";

/// How the name of a shared file ends (`us-holidays.shared.policy`): a
/// file of calendars and holiday sets that policies include, checked
/// where it is included, so that a directory's policies do not list it.
pub const SHARED: &str = ".shared.policy";

/// Every `.policy` file under `paths` (files are taken as given,
/// directories searched recursively, shared files left out), sorted,
/// without duplicates.
pub fn find_policies(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path)?;
        if meta.is_dir() {
            walk(path, &mut found)?;
        } else {
            found.push(path.clone());
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, found)?;
        } else if path.extension().is_some_and(|e| e == EXTENSION)
            && !path.to_string_lossy().ends_with(SHARED)
        {
            found.push(path);
        }
    }
    Ok(())
}

/// Reads the shared files a policy at `policy` includes: by their paths
/// as written, relative to the policy's folder (see `crate::include`).
pub fn read_beside(policy: &Path) -> impl Fn(&str) -> Result<String, String> {
    let dir = policy.parent().unwrap_or(Path::new("")).to_path_buf();
    move |shared: &str| std::fs::read_to_string(dir.join(shared)).map_err(|e| e.to_string())
}

/// A path as shown to users: relative and with `/` separators.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Writes `contents` to `path` only if it differs from what is there, and
/// atomically: into a temporary file beside it, then renamed over it, so
/// an interrupted write never leaves a half-written file. Creates missing
/// parent directories. Returns whether the file was written.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> std::io::Result<bool> {
    if std::fs::read(path).is_ok_and(|existing| existing == contents) {
        return Ok(false);
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)?;
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let temporary = parent.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        use std::io::Write;
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result.map(|()| true)
}

/// The files under `dir` (recursively) whose name ends in `.{extension}`,
/// that are not in `keep` and whose contents `ours` recognises: what an
/// earlier run wrote and this one no longer makes. Sorted. A missing
/// `dir` has none.
pub fn stale(
    dir: &Path,
    keep: &[PathBuf],
    extension: &str,
    ours: impl Fn(&[u8]) -> bool,
) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    if !dir.is_dir() {
        return Ok(found);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at)? {
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file()
                && path.extension().is_some_and(|e| e == extension)
                && !keep.contains(&path)
                && std::fs::read(&path).is_ok_and(|bytes| ours(&bytes))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}
