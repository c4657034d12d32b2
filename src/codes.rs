//! Every diagnostic code, in one enum: its category, its default severity,
//! what it means, and where it is tested.
//!
//! Codes are stable: never renumber or reuse one, only add. The test that
//! every code has a fixture walks [`Code::ALL`]: a code is tested by a file
//! `tests/fixtures/invalid/<CODE>-<what>.policy` unless [`Code::fixture`]
//! names the test that builds its input from bytes.

use crate::diagnostic::Severity;
use std::fmt;

/// What a code is about: the stage that finds it and the part of the
/// policy it concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// The file as bytes: encoding, NUL bytes, nesting (`E00x`).
    Input,
    /// The grammar: what the parser expected (`E01x`).
    Syntax,
    /// Declarations, fields and references (`E1xx`).
    Structure,
    /// Literal values: dates, numbers, times, money, zones (`E2xx`).
    Value,
    /// Grid shape and cells (`E3xx`).
    Grid,
    /// Prose interpolations (`E40x`).
    Prose,
    /// Claims the compiler checks (`E41x`).
    Claim,
    /// Worked examples, computed and compared (`E42x`).
    Example,
    /// Release lifecycles: phase end dates and their rules (`E43x`).
    Lifecycle,
    /// Targets out of their usual order (`W5xx`).
    Order,
    /// The document stating one fact twice, differently (`W6xx`).
    Contradiction,
    /// Declarations nothing uses (`W7xx`).
    Unused,
}

/// Where a code's test input lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixture {
    /// At least one `tests/fixtures/invalid/<CODE>-*.policy`.
    File,
    /// Built from bytes in the named test (inputs a text file cannot hold).
    Test(&'static str),
    /// No input is known to trigger it: a guard against limits of a
    /// dependency (the reason says which).
    Unreachable(&'static str),
}

macro_rules! codes {
    ($(
        $(#[doc = $doc:literal])+
        $code:ident $severity:ident $category:ident $fixture:expr;
    )+) => {
        /// A diagnostic code. Declared in the order of their text, so that
        /// sorting by code sorts by text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[doc = $doc])+ $code, )+
        }

        impl Code {
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[$(Code::$code),+];

            /// As written in messages and JSON: `E101`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$code => stringify!($code),)+ }
            }

            /// Error or warning.
            pub const fn severity(self) -> Severity {
                match self { $(Code::$code => Severity::$severity,)+ }
            }

            /// What the code is about.
            pub const fn category(self) -> Category {
                match self { $(Code::$code => Category::$category,)+ }
            }

            /// Where its test input lives.
            pub const fn fixture(self) -> Fixture {
                match self { $(Code::$code => $fixture,)+ }
            }

            /// What the code means, in a sentence.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$code => concat!($($doc),+).trim_start(),)+ }
            }
        }
    };
}

use Fixture::{File, Test, Unreachable};

codes! {
    /// The file is not valid UTF-8.
    E001 Error Input Test("tests/diagnostics.rs: invalid_utf8_is_refused");
    /// The file contains a NUL byte.
    E002 Error Input Test("tests/diagnostics.rs: nul_byte_is_refused");
    /// Nesting deeper than the parser allows.
    E003 Error Input File;
    /// The text does not follow the language: something else was expected.
    E010 Error Syntax File;
    /// The parser gave up at its own limits.
    E011 Error Syntax Unreachable("pest's call limit, proportional to the input, is never reached by the grammar");
    /// A quoted text is not closed on its line.
    E012 Error Syntax File;
    /// An invisible or direction-changing character inside a text, prose
    /// or a note.
    E013 Error Syntax File;
    /// Not a kind of declaration.
    E101 Error Structure File;
    /// A declaration where its kind cannot stand.
    E102 Error Structure File;
    /// A declaration without the title its kind needs.
    E103 Error Structure File;
    /// Grid rows or prose in a declaration that holds none.
    E104 Error Structure File;
    /// A required field is missing.
    E105 Error Structure File;
    /// No `policy` header, or more than one.
    E106 Error Structure File;
    /// A field the kind of declaration does not have.
    E107 Error Structure File;
    /// A field given twice.
    E108 Error Structure File;
    /// An id declared twice.
    E110 Error Structure File;
    /// A reference to an id that is not declared.
    E111 Error Structure File;
    /// A reference to a declaration of the wrong kind.
    E112 Error Structure File;
    /// A comparison row that is not a tier field.
    E113 Error Structure File;
    /// An id listed twice in one list.
    E114 Error Structure File;
    /// A declaration that decides two questions, or a role it cannot have.
    E115 Error Structure File;
    /// Two declarations decide the same question.
    E116 Error Structure File;
    /// A calendar that gets the same holiday twice (from two holiday sets, or from a set and itself).
    E117 Error Structure File;
    /// A severity rule whose default is more severe than its cap.
    E118 Error Structure File;
    /// A severity alias that names two severities.
    E119 Error Structure File;
    /// Row labels of a comparison that do not match its rows one for one.
    E120 Error Structure File;
    /// Two labels for one column of the document's tables.
    E121 Error Structure File;
    /// A shared file that cannot be read.
    E122 Error Structure Test("tests/includes.rs: a_missing_shared_file_is_e122");
    /// A shared file that does not parse, or holds what cannot be shared.
    E123 Error Structure Test("tests/includes.rs: a_shared_file_with_a_tier_is_e123");
    /// A number too large.
    E201 Error Value File;
    /// A date or day of the year that does not exist.
    E202 Error Value File;
    /// A time of day that does not exist.
    E203 Error Value File;
    /// Opening hours that close before they open.
    E204 Error Value File;
    /// Money in an unknown currency, or with more than two decimals.
    E205 Error Value File;
    /// A range in the wrong order.
    E206 Error Value File;
    /// An unknown escape in quoted text.
    E207 Error Value File;
    /// A response target of zero.
    E208 Error Value File;
    /// A value of the wrong type for its field.
    E209 Error Value File;
    /// A grid over a kind that is not an id set, or an unknown cell type.
    E210 Error Value File;
    /// An unknown time zone.
    E211 Error Value File;
    /// A quoted instant that is not RFC 3339.
    E212 Error Value File;
    /// Opening hours that overlap.
    E213 Error Value File;
    /// A calendar that is never open, or days out of order.
    E214 Error Value File;
    /// Not a question a declaration can decide.
    E215 Error Value File;
    /// Not a way of observing a holiday.
    E216 Error Value File;
    /// An observed date on a holiday that is not on a fixed day.
    E217 Error Value File;
    /// A grid without rows.
    E301 Error Grid File;
    /// A grid row or header that is not ids and values.
    E302 Error Grid File;
    /// A grid row with the wrong number of cells.
    E303 Error Grid File;
    /// A cell of the wrong type.
    E304 Error Grid File;
    /// A grid row or column given twice.
    E305 Error Grid File;
    /// A grid without a row or column for some declaration.
    E306 Error Grid File;
    /// Braces in prose that are not an interpolation.
    E401 Error Prose File;
    /// An interpolation of an id that is not declared.
    E402 Error Prose File;
    /// An interpolation or claim of a field the declaration does not set.
    E403 Error Prose File;
    /// An interpolation or claim of a grid cell that does not exist.
    E404 Error Prose File;
    /// Interpolations that lead back to where they started.
    E405 Error Prose File;
    /// Interpolations nested deeper than the compiler follows.
    E406 Error Prose File;
    /// A claim that does not hold.
    E410 Error Claim File;
    /// A worked example that expects nothing or lacks an input.
    E420 Error Example File;
    /// A worked example that does not hold.
    E421 Error Example File;
    /// A worked example's input or expectation that cannot be read.
    E422 Error Example File;
    /// A worked example the policy cannot answer.
    E423 Error Example File;
    /// A lifecycle phase that ends, for a release, before it starts.
    E430 Error Lifecycle File;
    /// A release without the `released` date a phase's rule counts from.
    E431 Error Lifecycle File;
    /// Two releases of one product with the same version.
    E432 Error Lifecycle File;
    /// An end date for a phase that follows a phase without an end.
    E433 Error Lifecycle File;
    /// An end date for a phase of another track than the release's.
    E434 Error Lifecycle File;
    /// A more severe level answered more slowly than a less severe one.
    W501 Warning Order File;
    /// A higher tier answering more slowly than a lower one.
    W502 Warning Order File;
    /// A claim the document states does not hold.
    W601 Warning Contradiction File;
    /// A tier's stated response target against the response grid.
    W602 Warning Contradiction File;
    /// A tier said to be covered 24x7 with targets on business days.
    W603 Warning Contradiction File;
    /// A tier's channels against its stated access.
    W604 Warning Contradiction File;
    /// A tier listing a license that maps elsewhere or qualifies only on a condition.
    W605 Warning Contradiction File;
    /// The scope matrix against the grid deciding an area.
    W606 Warning Contradiction File;
    /// A lifecycle phase offering hotfixes that a rule restricts.
    W607 Warning Contradiction File;
    /// A contact listing a request that its rule routes elsewhere.
    W608 Warning Contradiction File;
    /// A declaration nothing uses.
    W701 Warning Unused File;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_declared_in_text_order() {
        let texts: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut sorted = texts.clone();
        sorted.sort_unstable();
        assert_eq!(texts, sorted);
    }

    #[test]
    fn the_letter_says_the_severity() {
        for code in Code::ALL {
            let letter = code.as_str().as_bytes()[0];
            let expected = if letter == b'E' {
                Severity::Error
            } else {
                Severity::Warning
            };
            assert_eq!(code.severity(), expected, "{code}");
        }
    }

    #[test]
    fn summaries_read_as_sentences() {
        for code in Code::ALL {
            let summary = code.summary();
            assert!(summary.ends_with('.'), "{code}: {summary}");
            assert!(!summary.starts_with(' '), "{code}: {summary}");
        }
    }
}
