//! policyc: a declarative policy-as-data compiler.
//!
//! The pipeline, one module per stage: [`parse`] (text -> [`ast`]),
//! [`validate`] (ast -> [`model`], with every check), then the emitters.
//! The library does no I/O except in [`files`]; the CLI in `main.rs` is a
//! thin layer over [`check_source`] and friends.

extern crate alloc;

pub mod ast;
pub mod builder;
pub mod codes;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod enforce;
pub mod files;
pub mod fmt;
pub mod model;
pub mod parse;
pub mod report;
pub mod schema;
pub mod span;
pub mod validate;
pub mod value_text;

pub use builder::Builder;
use diagnostic::Diagnostic;
use model::Policy;

/// The outcome of checking one policy source.
#[derive(Debug)]
pub struct Checked {
    /// The model; `None` when the file did not parse.
    pub policy: Option<Policy>,
    /// Every problem, errors and warnings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Whether any error was found.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}

/// Parses and validates one policy source.
///
/// Syntax errors stop the semantic checks (they would report declarations
/// lost to the syntax error as missing); every other problem is reported.
pub fn check_source(source: &str) -> Checked {
    let parsed = parse::parse(source);
    if parsed.has_syntax_errors()
        || parsed
            .diagnostics
            .iter()
            .any(|d| d.code == codes::Code::E001)
    {
        let mut diagnostics = parsed.diagnostics;
        diagnostic::sort(&mut diagnostics);
        return Checked {
            policy: None,
            diagnostics,
        };
    }
    let (policy, more) = validate::validate(&parsed.file);
    let mut diagnostics = parsed.diagnostics;
    diagnostics.extend(more);
    diagnostic::sort(&mut diagnostics);
    Checked {
        policy: Some(policy),
        diagnostics,
    }
}
