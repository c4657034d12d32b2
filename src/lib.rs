//! policyc: a declarative policy-as-data compiler.
//!
//! The pipeline, one module per stage: [`parse`] (text -> [`ast`]),
//! [`validate`] (ast -> [`model`], with every check), [`facts`] (what the
//! model means, worked out once), then the consumers: [`emit`], [`enforce`]
//! and [`diff`], which take a [`Valid`] policy. The library does no I/O
//! except in [`files`] and [`builder`]; the CLI in `main.rs` is a thin layer
//! over [`check_bytes`] and friends.
//!
//! Cargo features, all on by default: `cli` (the binary; turns on the
//! others), `fancy` (graphical diagnostics), `yaml` (the YAML output), `diff`
//! (the `diff` module), `fmt` (the `fmt` module) and `site` (the `site`
//! module: the static website and its pictures). A build script wants
//! `default-features = false`: parse, check, facts, the emitters but YAML,
//! and the [`Builder`], with a fraction of the dependencies.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let bytes = std::fs::read("policies/customer-support/v1.0.policy")?;
//! let (source, checked) = policyc::check_bytes(&bytes);
//! assert!(!checked.has_errors());
//! let policy = checked.valid().expect("a valid policy");
//! let grid = policy.grid(policyc::schema::Role::ResponseTargets).expect("a response grid");
//! assert_eq!(grid.id.as_str(), "response-time");
//! let calendar = policy.calendar("business-hours").expect("a calendar");
//! assert_eq!(calendar.runtime.tz, chrono_tz::Europe::Stockholm);
//! let markdown = policyc::emit::markdown::emit(
//!     policy,
//!     &policyc::emit::Meta::new("v1.0.policy", &source, policy.policy()),
//! );
//! assert!(markdown.starts_with("<!-- @generated"));
//! # Ok(())
//! # }
//! ```

extern crate alloc;

pub mod ast;
pub mod builder;
pub mod codes;
pub mod diagnostic;
#[cfg(feature = "diff")]
pub mod diff;
pub mod emit;
pub mod enforce;
pub mod facts;
pub mod files;
#[cfg(feature = "fmt")]
pub mod fmt;
pub mod include;
pub mod model;
pub mod parse;
pub mod report;
pub mod schema;
pub mod serial;
#[cfg(feature = "site")]
pub mod site;
pub mod span;
pub mod validate;
pub mod value_text;

pub use builder::Builder;
use diagnostic::Diagnostic;
use facts::{Facts, Valid};
use model::Policy;

/// The outcome of checking one policy source.
#[derive(Debug)]
pub struct Checked {
    /// Every problem, errors and warnings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    model: Model,
}

/// How far checking got.
#[derive(Debug)]
enum Model {
    /// The file did not parse (or decode).
    None,
    /// The model has errors; its facts are derived as far as they go.
    Invalid(Box<Facts>),
    /// The model checked without errors, worked examples aside.
    Valid(Box<Valid>),
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

    /// The policy, when it checked without errors other than worked
    /// examples that do not hold (E42x): what `policyc test` and `policyc
    /// diff` run on. Emitters want [`Checked::has_errors`] false as well.
    pub fn valid(&self) -> Option<&Valid> {
        match &self.model {
            Model::Valid(valid) => Some(valid),
            _ => None,
        }
    }

    /// The policy, valid or not: for tools that show what a file says
    /// while it has errors.
    pub fn facts(&self) -> Option<&Facts> {
        match &self.model {
            Model::Valid(valid) => Some(valid.facts()),
            Model::Invalid(facts) => Some(facts),
            Model::None => None,
        }
    }

    /// The model, valid or not.
    pub fn policy(&self) -> Option<&Policy> {
        self.facts().map(Facts::policy)
    }

    /// The valid policy, given back.
    pub fn into_valid(self) -> Option<Valid> {
        match self.model {
            Model::Valid(valid) => Some(*valid),
            _ => None,
        }
    }
}

/// Decodes and checks a policy's bytes: what `policyc` and the build-script
/// [`Builder`] both run on a file. Returns the text (empty when it is not
/// UTF-8, E001) with the outcome.
pub fn check_bytes(bytes: &[u8]) -> (String, Checked) {
    check_bytes_with(bytes, &no_shared_files)
}

/// [`check_bytes`], reading the shared files a policy includes with `read`
/// (by their paths as written; see [`include`]).
pub fn check_bytes_with(bytes: &[u8], read: include::Read<'_>) -> (String, Checked) {
    match parse::decode(bytes) {
        Ok(source) => {
            let checked = check_source_with(&source, read);
            (source, checked)
        }
        Err(diagnostic) => (
            String::new(),
            Checked {
                diagnostics: vec![diagnostic],
                model: Model::None,
            },
        ),
    }
}

/// Parses and validates one policy source.
///
/// After a syntax error the declarations that parsed are still checked,
/// leaving out whatever the broken declaration could have caused (see
/// [`validate::validate_model`]); such a file has no model. Worked examples
/// run only on a policy without other errors.
pub fn check_source(source: &str) -> Checked {
    check_source_with(source, &no_shared_files)
}

/// The reader of a check that reads no files: an `include` is then an
/// error (E122).
fn no_shared_files(_: &str) -> Result<String, String> {
    Err("this check reads no shared files (use `check_source_with`)".to_owned())
}

/// [`check_source`], reading the shared files the policy includes with
/// `read` (see [`include`]).
pub fn check_source_with(source: &str, read: include::Read<'_>) -> Checked {
    let mut parsed = parse::parse(source);
    let syntax_errors = parsed.has_syntax_errors();
    // Guards (NUL bytes, nesting) refuse the file before pest: nothing
    // parsed to check.
    if syntax_errors && parsed.file.broken.is_empty() {
        let mut diagnostics = parsed.diagnostics;
        diagnostic::sort(&mut diagnostics);
        return Checked {
            diagnostics,
            model: Model::None,
        };
    }
    let mut diagnostics = parsed.diagnostics;
    diagnostics.extend(include::expand(&mut parsed.file, read));
    let (facts, more) = validate::validate(std::mem::take(&mut parsed.file));
    diagnostics.extend(more);
    if syntax_errors {
        // A partial model: checked, but not a model of the file.
        diagnostic::sort(&mut diagnostics);
        return Checked {
            diagnostics,
            model: Model::None,
        };
    }
    finish(facts, diagnostics)
}

/// Reads a calendar file: one `calendar` declaration (with its holidays)
/// written in the policy language, standing alone, such as the hours an
/// order form defines for one customer. The calendar, or every problem
/// found (a file holding anything else is one).
pub fn calendar_file(source: &str) -> Result<(String, policyc_runtime::Calendar), Vec<Diagnostic>> {
    let parsed = parse::parse(source);
    if parsed.has_syntax_errors() {
        return Err(parsed.diagnostics);
    }
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut calendars = 0;
    for decl in &parsed.file.declarations {
        if decl.kind.value == schema::Kind::Calendar.name() {
            calendars += 1;
        } else {
            problems.push(
                Diagnostic::new(
                    codes::Code::E102,
                    format!(
                        "a calendar file holds one `calendar`, not a `{}`",
                        decl.kind.value
                    ),
                )
                .label(decl.kind.span, "not a calendar")
                .help("write only the `calendar` declaration and its holidays in this file"),
            );
        }
    }
    let (facts, more) = validate::validate(parsed.file);
    // A calendar file has no header, and its calendar is used by the case.
    problems.extend(
        more.into_iter()
            .filter(|d| d.is_error() && !matches!(d.code, codes::Code::E102 | codes::Code::E106)),
    );
    if calendars != 1 && problems.is_empty() {
        problems.push(Diagnostic::new(
            codes::Code::E102,
            format!("a calendar file holds one `calendar`; this one holds {calendars}"),
        ).help("write one `calendar` declaration, e.g. `calendar acme-hours \"ACME hours\" { zone: \"America/New_York\" open: mon-fri 08:00-18:00 }`"));
    }
    if problems.is_empty() {
        problems.extend(facts.unusable_calendars());
    }
    match facts.calendars().first() {
        Some(calendar) if problems.is_empty() => {
            Ok((calendar.id.clone(), calendar.runtime.clone()))
        }
        _ => Err(problems),
    }
}

/// Checks a model that did not come from a source: one read back from a
/// `policyc/1` document ([`serial::read`]). Every check on the model runs,
/// so that a model can only become [`Valid`] the way a source does.
pub fn check_model(policy: Policy) -> Checked {
    let (facts, diagnostics) = validate::validate_model(policy);
    finish(facts, diagnostics)
}

/// The last steps of checking: calendars the checks let through, the
/// verdict, and the worked examples of a valid policy.
fn finish(facts: Facts, mut diagnostics: Vec<Diagnostic>) -> Checked {
    if !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.extend(facts.unusable_calendars());
    }
    let model = if diagnostics.iter().any(Diagnostic::is_error) {
        Model::Invalid(Box::new(facts))
    } else {
        let valid = Valid::new(facts);
        diagnostics.extend(validate::examples::check_examples(&valid));
        Model::Valid(Box::new(valid))
    };
    diagnostic::sort(&mut diagnostics);
    Checked { diagnostics, model }
}
