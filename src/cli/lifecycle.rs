//! `policyc lifecycle`: the lifecycle phase a release is in on a day, and
//! what the phase includes.
//!
//! Text: a line naming the release and the phase (or `not released` /
//! `end of life`), then the phase's fields, one per line. JSON: one object.
//! Exit status: 0 answered, 1 invalid policy (or one that cannot answer,
//! such as a policy without releases), 2 usage error (unknown product or
//! release, a date that is not `YYYY-MM-DD`).

use super::load;
use clap::ValueEnum;
use policyc::enforce::lifecycle::{self, Standing};
use policyc::enforce::Error;
use policyc::facts::Valid;
use policyc::model::view::{PhaseDecl, ReleaseDecl};
use policyc::model::Value;
use policyc::schema::{fields, Kind};
use std::path::PathBuf;
use std::process::ExitCode;

/// How the answer is printed.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// The phase on one line, then what it includes.
    Text,
    /// One JSON object.
    Json,
}

/// Arguments of `policyc lifecycle`.
#[derive(clap::Args)]
pub struct Args {
    /// The policy file
    pub policy: PathBuf,
    /// The product's id; may be omitted when the releases are of one product
    #[arg(long)]
    pub product: Option<String>,
    /// The release's version (e.g. `24.1`) or id
    #[arg(long)]
    pub release: String,
    /// The day asked about, `YYYY-MM-DD`
    #[arg(long)]
    pub on: String,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

/// Runs `policyc lifecycle`.
pub fn run(args: Args) -> ExitCode {
    let loaded = match load(&args.policy) {
        Ok(loaded) => loaded,
        Err(message) => return fail(2, &message),
    };
    if loaded.has_errors() {
        loaded.print_diagnostics();
        eprintln!(
            "error: `{}` is invalid; fix it before asking about releases",
            loaded.name
        );
        return ExitCode::from(1);
    }
    let Some(policy) = loaded.valid() else {
        return ExitCode::from(1);
    };
    let Ok(on) = chrono::NaiveDate::parse_from_str(&args.on, "%Y-%m-%d") else {
        return fail(
            2,
            &format!(
                "`--on {}` is not a date\n  help: write the day as `YYYY-MM-DD`, e.g. `2025-05-20`",
                args.on
            ),
        );
    };
    let release = match lifecycle::find_release(policy, args.product.as_deref(), &args.release) {
        Ok(release) => release,
        Err(e) => return error(policy, &e),
    };
    let standing = match lifecycle::stage(policy, release.id.as_str(), on) {
        Ok(standing) => standing,
        Err(e) => return error(policy, &e),
    };
    let out = match args.format {
        Format::Text => text(policy, release, on, standing),
        Format::Json => json(policy, release, on, standing),
    };
    println!("{out}");
    ExitCode::SUCCESS
}

fn fail(code: u8, message: &str) -> ExitCode {
    eprintln!(
        "error: {}",
        message.strip_prefix("error: ").unwrap_or(message)
    );
    ExitCode::from(code)
}

/// An unknown product or release is a usage error, with the ids there are;
/// a policy that cannot answer is exit 1.
fn error(policy: &Valid, e: &Error) -> ExitCode {
    match e {
        Error::UnknownId { kind, .. } => {
            let known: Vec<String> = match kind {
                Kind::Release => policy
                    .policy()
                    .all::<ReleaseDecl<'_>>()
                    .filter_map(|r| r.version().map(|v| format!("`{v}`")))
                    .collect(),
                _ => policy
                    .policy()
                    .of_kind(*kind)
                    .map(|d| format!("`{}`", d.id.as_str()))
                    .collect(),
            };
            let what = if *kind == Kind::Release {
                "versions"
            } else {
                "ids"
            };
            let help = if known.is_empty() {
                format!("the policy declares no `{}`", kind.name())
            } else {
                format!("the {} {what} are {}", kind.name(), known.join(", "))
            };
            fail(2, &format!("{e}\n  help: {help}"))
        }
        _ => fail(1, &e.to_string()),
    }
}

/// The release in words: `24.1 (v24-1) of Example DB`.
fn release_name(policy: &Valid, release: ReleaseDecl<'_>) -> String {
    let version = release.version().unwrap_or(release.id.as_str());
    let product = release
        .product()
        .and_then(|p| policy.policy().get(p.as_str()))
        .map(|p| format!(" of {}", p.display()))
        .unwrap_or_default();
    format!("release {version} (`{}`){product}", release.id.as_str())
}

/// When the phase in force started: the end of the phase before it, else
/// the release's general availability.
fn since(
    policy: &Valid,
    release: ReleaseDecl<'_>,
    phase: PhaseDecl<'_>,
) -> Option<chrono::NaiveDate> {
    let index = policy.policy().index_of(release.id.as_str())?;
    let lifecycle = policy.lifecycle().of(index)?;
    let position = lifecycle.phases.iter().position(|p| {
        policy.policy().decls.get(p.phase).map(|d| d.id.as_str()) == Some(phase.id.as_str())
    })?;
    match position.checked_sub(1) {
        Some(previous) => lifecycle.phases.get(previous)?.end,
        None => lifecycle.released,
    }
}

/// The fields of a phase that say what it includes, with their labels.
fn includes(phase: PhaseDecl<'_>) -> Vec<(&'static str, &'static str, String)> {
    const RULES: [&str; 3] = [
        fields::phase::LASTS,
        fields::phase::LATEST,
        fields::phase::TRACK,
    ];
    Kind::Phase
        .fields()
        .iter()
        .filter(|spec| !RULES.contains(&spec.name))
        .filter_map(|spec| {
            let value = phase.value(spec.name)?;
            let text = match value {
                Value::Text(t) => t.clone(),
                Value::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
                other => policyc::value_text::show(other),
            };
            Some((spec.name, spec.label, text))
        })
        .collect()
}

fn text(
    policy: &Valid,
    release: ReleaseDecl<'_>,
    on: chrono::NaiveDate,
    standing: Standing<'_>,
) -> String {
    let name = release_name(policy, release);
    match standing {
        Standing::NotReleased(ga) => {
            format!("{name} on {on}: not released; general availability on {ga}")
        }
        Standing::EndOfLife(Some(since)) => {
            format!("{name} on {on}: end of life since {since}")
        }
        Standing::EndOfLife(None) => format!("{name} on {on}: end of life"),
        Standing::In(phase, end) => {
            let mut out = format!(
                "{name} on {on}: {} (`{}`)",
                phase.display(),
                phase.id.as_str()
            );
            match (since(policy, release, phase), end) {
                (Some(from), Some(end)) => {
                    out.push_str(&format!("\n  from {from} until {end} (exclusive)"))
                }
                (Some(from), None) => out.push_str(&format!("\n  from {from}, no end date yet")),
                (None, Some(end)) => out.push_str(&format!("\n  until {end} (exclusive)")),
                (None, None) => out.push_str("\n  no end date yet"),
            }
            for (_, label, value) in includes(phase) {
                out.push_str(&format!("\n  {label}: {value}"));
            }
            out
        }
    }
}

fn json(
    policy: &Valid,
    release: ReleaseDecl<'_>,
    on: chrono::NaiveDate,
    standing: Standing<'_>,
) -> String {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    let mut value = serde_json::json!({
        "release": release.id.as_str(),
        "version": release.version(),
        "product": release.product().map(|p| p.as_str()),
        "track": release.track(),
        "released": date(release.released()),
        "on": on.to_string(),
    });
    let phase = match standing {
        Standing::NotReleased(_) => serde_json::json!({ "status": "not-released" }),
        Standing::EndOfLife(since) => {
            serde_json::json!({ "status": "end-of-life", "since": date(since) })
        }
        Standing::In(phase, end) => {
            let includes: serde_json::Map<String, serde_json::Value> = includes(phase)
                .into_iter()
                .map(|(name, _, text)| {
                    let value = match text.as_str() {
                        "yes" if is_flag(phase, name) => serde_json::Value::Bool(true),
                        "no" if is_flag(phase, name) => serde_json::Value::Bool(false),
                        _ => serde_json::Value::String(text),
                    };
                    (name.to_owned(), value)
                })
                .collect();
            serde_json::json!({
                "status": "in-phase",
                "phase": phase.id.as_str(),
                "title": phase.display(),
                "since": date(since(policy, release, phase)),
                "until": date(end),
                "includes": includes,
            })
        }
    };
    if let (Some(object), serde_json::Value::Object(extra)) = (value.as_object_mut(), phase) {
        object.extend(extra);
    }
    serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_owned())
}

/// Whether the phase's field `name` is yes or no.
fn is_flag(phase: PhaseDecl<'_>, name: &str) -> bool {
    matches!(phase.value(name), Some(Value::Bool(_)))
}
