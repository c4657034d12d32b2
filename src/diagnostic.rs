//! Diagnostics: every problem found in a policy, with a stable code.
//!
//! Messages are lowercase, without a final period, and put the user's input
//! in backticks. Codes, their categories and severities are listed once, in
//! [`crate::codes`].

use crate::codes::Code;
use crate::span::Span;
use std::fmt;

/// Error or warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The policy is invalid.
    Error,
    /// The policy is valid but something deserves attention.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// A labelled span of a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there.
    pub text: String,
}

/// One problem found in a policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code, e.g. `E101`.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in the policy's words.
    pub message: String,
    /// The places involved; the first is the primary one.
    pub labels: Vec<Label>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with code `code`, at the code's severity.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            labels: Vec::new(),
            help: None,
        }
    }

    /// Adds a labelled span.
    pub fn label(mut self, span: Span, text: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            text: text.into(),
        });
        self
    }

    /// Sets the help text.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Help for an unknown `word`: "did you mean" the closest of
    /// `candidates`, else `{listed}` followed by every candidate.
    pub fn help_did_you_mean_or_list<'a>(
        self,
        word: &str,
        candidates: impl IntoIterator<Item = &'a str> + Clone,
        listed: &str,
    ) -> Self {
        match did_you_mean(word, candidates.clone()) {
            Some(c) => self.help(format!("did you mean `{c}`?")),
            None => {
                let all: Vec<String> = candidates.into_iter().map(|c| format!("`{c}`")).collect();
                self.help(format!("{listed}{}", all.join(", ")))
            }
        }
    }

    /// Where the diagnostic points first.
    pub fn primary_span(&self) -> Span {
        self.labels.first().map(|l| l.span).unwrap_or_default()
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by position, then code, so output is deterministic.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.primary_span().key(), a.code, &a.message).cmp(&(
            b.primary_span().key(),
            b.code,
            &b.message,
        ))
    });
}

/// The closest of `candidates` to `word`, if close enough to suggest.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    let letters = |s: &str| {
        s.chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<String>()
    };
    for candidate in candidates {
        // `sev-3` is not a misspelling of `sev-1`: ids that differ only in
        // their numbers are different ids.
        if word != candidate && letters(word) == letters(candidate) {
            continue;
        }
        let distance = edit_distance(word, candidate);
        let limit = (word.chars().count().max(candidate.chars().count()) / 3).max(1);
        if distance <= limit && best.is_none_or(|(d, c)| (distance, candidate) < (d, c)) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_id() {
        let ids = ["community", "advanced", "enterprise"];
        assert_eq!(did_you_mean("enterprize", ids), Some("enterprise"));
        assert_eq!(did_you_mean("advnced", ids), Some("advanced"));
        assert_eq!(did_you_mean("gold", ids), None);
        assert_eq!(did_you_mean("sev-3", ["sev-1", "sev-2"]), None);
    }
}
