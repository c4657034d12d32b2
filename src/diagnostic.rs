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
        // Most diagnostics have one label: room for one, not four.
        if self.labels.capacity() == 0 {
            self.labels.reserve_exact(1);
        }
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

/// How many candidates [`did_you_mean`] measures against one word at most,
/// the closest in length first: with thousands of declared ids of the same
/// length, an unknown id costs a bounded number of comparisons.
pub const SUGGESTION_CANDIDATES: usize = 50;

/// Up to this many candidates near in length, all are measured (every
/// IANA time zone, every field of a kind): the cap is for ids by the
/// thousand.
pub const MEASURED_WHOLE: usize = 1_000;

/// The closest of `candidates` to `word`, if close enough to suggest.
///
/// Only candidates whose length is within the suggestion limit can be close
/// enough (the edit distance is at least the difference in length); of
/// those, when there are more than [`MEASURED_WHOLE`], at most
/// [`SUGGESTION_CANDIDATES`] are measured, nearest in length first, and each measurement stops once it exceeds the best so far.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    // Candidates near enough in length, with how far their length is from
    // the word's.
    let mut near: Vec<(usize, &str)> = Vec::new();
    let mut per_gap: Vec<usize> = Vec::new();
    for candidate in candidates {
        let m = if candidate.is_ascii() {
            candidate.len()
        } else {
            candidate.chars().count()
        };
        let gap = n.abs_diff(m);
        if gap <= (n.max(m) / 3).max(1) {
            if per_gap.len() <= gap {
                per_gap.resize(gap + 1, 0);
            }
            per_gap[gap] += 1;
            near.push((gap, candidate));
        }
    }
    // The nearest in length first: every candidate below the gap `widest`,
    // and at `widest` the first declared, up to the cap.
    // A fixed vocabulary (time zones, fields) is measured whole.
    let mut room = SUGGESTION_CANDIDATES;
    let mut widest = per_gap.len();
    let capped = near.len() > MEASURED_WHOLE;
    for (gap, &count) in per_gap.iter().enumerate().filter(|_| capped) {
        if count >= room {
            widest = gap;
            break;
        }
        room -= count;
    }
    let mut best: Option<(usize, &str)> = None;
    let chosen = near.into_iter().filter(|&(gap, _)| {
        if gap < widest {
            true
        } else if gap == widest && room > 0 {
            room -= 1;
            true
        } else {
            false
        }
    });
    for (_, candidate) in chosen {
        let m = candidate.chars().count();
        let limit = (n.max(m) / 3).max(1);
        let cutoff = best.map_or(limit, |(d, _)| d.min(limit));
        let Some(distance) = bounded_edit_distance(&chars, candidate, cutoff) else {
            continue;
        };
        // `sev-3` is not a misspelling of `sev-1`: ids that differ only in
        // their numbers are different ids.
        if word != candidate && same_letters(word, candidate) {
            continue;
        }
        if best.is_none_or(|(d, c)| (distance, candidate) < (d, c)) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Whether `a` and `b` are the same once their digits are removed.
fn same_letters(a: &str, b: &str) -> bool {
    let letters = |s: &'_ str| {
        s.chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<Vec<_>>()
    };
    letters(a) == letters(b)
}

/// Levenshtein distance over characters, or `None` once it is sure to
/// exceed `cutoff`.
fn bounded_edit_distance(a: &[char], b: &str, cutoff: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cutoff {
        return None;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        let mut smallest = row[0];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
            smallest = smallest.min(row[j + 1]);
        }
        if smallest > cutoff {
            return None;
        }
    }
    Some(row[b.len()]).filter(|&d| d <= cutoff)
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
        assert_eq!(
            did_you_mean("enterprize", ["enterprise", "enterprize-x"]),
            Some("enterprise")
        );
    }

    #[test]
    fn many_candidates_of_one_length_stay_bounded() {
        let ids: Vec<String> = (0..20_000).map(|i| format!("area-{i:05}")).collect();
        assert_eq!(
            did_you_mean("araa-00001", ids.iter().map(String::as_str)),
            Some("area-00001")
        );
    }
}
