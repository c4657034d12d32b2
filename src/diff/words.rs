//! Word-level diffs of prose, bounded in time.

use std::time::Duration;

/// How long a word diff may search for a minimal diff before it settles
/// for a coarser one: two unrelated documents cannot stall the diff.
pub const TIMEOUT: Duration = Duration::from_millis(200);

/// What happened to a run of words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordOp {
    /// In both.
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
    Insert,
}

impl WordOp {
    /// `equal`, `delete`, `insert`.
    pub fn name(self) -> &'static str {
        match self {
            WordOp::Equal => "equal",
            WordOp::Delete => "delete",
            WordOp::Insert => "insert",
        }
    }
}

/// A run of text (words with their spaces) and what happened to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// What happened.
    pub op: WordOp,
    /// The text.
    pub text: String,
}

/// The word-level diff of two texts, adjacent runs of one op merged.
pub fn word_diff(old: &str, new: &str) -> Vec<Word> {
    let diff = similar::TextDiff::configure()
        .timeout(TIMEOUT)
        .diff_words(old, new);
    let mut out: Vec<Word> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            similar::ChangeTag::Equal => WordOp::Equal,
            similar::ChangeTag::Delete => WordOp::Delete,
            similar::ChangeTag::Insert => WordOp::Insert,
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(Word {
                op,
                text: change.value().to_owned(),
            }),
        }
    }
    out
}

/// The runs of a word diff with long unchanged stretches shortened to
/// `context` words on each side of a change, `…` in between.
pub fn condensed(words: &[Word], context: usize) -> Vec<Word> {
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if w.op != WordOp::Equal {
                return w.clone();
            }
            let tokens: Vec<&str> = w.text.split_whitespace().collect();
            if tokens.len() <= 2 * context + 1 {
                return w.clone();
            }
            let lead = if w.text.starts_with(char::is_whitespace) {
                " "
            } else {
                ""
            };
            let trail = if w.text.ends_with(char::is_whitespace) {
                " "
            } else {
                ""
            };
            let head = tokens[..context].join(" ");
            let tail = tokens[tokens.len() - context..].join(" ");
            let text = match (i == 0, i == last) {
                (true, true) => w.text.clone(),
                (true, false) => format!("… {tail}{trail}"),
                (false, true) => format!("{lead}{head} …"),
                (false, false) => format!("{lead}{head} … {tail}{trail}"),
            };
            Word { op: w.op, text }
        })
        .collect()
}
