//! `policyc site`: the static website of the policies (see
//! `policyc::site`), written into `--out` (default `site/`): only the
//! pages that changed, atomically; pages an earlier run wrote (marked
//! `@generated`) that no policy makes any more are removed. With `--pdf`,
//! each version page is printed to a PDF beside it by headless Chromium.

use super::{default_paths, find, load};
use chrono::NaiveDate;
use policyc::emit::Meta;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The options of `policyc site`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Policy files or directories [default: policies/]
    pub paths: Vec<PathBuf>,
    /// Output directory
    #[arg(long, default_value = "site")]
    pub out: PathBuf,
    /// The day the site is built for, YYYY-MM-DD: which version is in force [default: today, UTC]
    #[arg(long, value_parser = parse_day)]
    pub today: Option<NaiveDate>,
    /// Show the worked examples (left out by default)
    #[arg(long)]
    pub examples: bool,
    /// Also print each version page to a PDF beside it, with headless Chromium
    #[arg(long)]
    pub pdf: bool,
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date written YYYY-MM-DD"))
}

/// Today in UTC, from the system clock.
fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}

/// Runs `policyc site`.
pub fn run(args: Args) -> ExitCode {
    let paths = default_paths(args.paths);
    let chromium = if args.pdf {
        match find_chromium() {
            Some(path) => Some(path),
            None => {
                eprintln!("error: `--pdf` needs Chromium, and none was found: install `chromium` (or `chromium-browser`, `google-chrome`) on PATH, or set POLICYC_CHROMIUM to its path");
                return ExitCode::from(2);
            }
        }
    } else {
        None
    };
    let files = match find(&paths) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut loaded = Vec::new();
    let mut invalid = false;
    for file in &files {
        match load(file) {
            Ok(l) if l.compiled().is_some() => loaded.push(l),
            Ok(l) => {
                l.print_diagnostics();
                invalid = true;
            }
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        }
    }
    if invalid {
        eprintln!("error: nothing written: fix the errors above");
        return ExitCode::from(1);
    }
    let metas: Vec<Meta> = loaded
        .iter()
        .filter_map(|l| Some(Meta::new(&l.name, &l.source, l.compiled()?.policy())))
        .collect();
    if let Some(message) = super::same_version(&metas.iter().collect::<Vec<_>>()) {
        eprintln!("{message}");
        return ExitCode::from(1);
    }
    let policies: Vec<(&policyc::facts::Valid, &Meta)> = loaded
        .iter()
        .filter_map(|l| l.compiled())
        .zip(&metas)
        .collect();
    let options = policyc::site::Options {
        today: args.today.unwrap_or_else(today),
        examples: args.examples,
    };
    let pages = policyc::site::build(&policies, &options);
    let out = args.out;
    let kept: Vec<PathBuf> = pages.iter().map(|page| out.join(&page.path)).collect();
    let changed = match super::write_outputs(&out, &pages) {
        Ok(changed) => changed,
        Err(status) => return status,
    };
    let written = changed.len();
    let stale = match policyc::files::stale(&out, &kept, "html", policyc::site::layout::is_ours) {
        Ok(stale) => stale,
        Err(error) => {
            eprintln!(
                "error: cannot read {}: {error}",
                policyc::files::display(&out)
            );
            return ExitCode::from(2);
        }
    };
    for path in &stale {
        // The PDF `--pdf` printed of a page goes with it.
        let pdf = path.with_extension("pdf");
        if pdf.is_file() && std::fs::remove_file(&pdf).is_ok() {
            eprintln!(
                "removed {} (no policy makes it any more)",
                policyc::files::display(&pdf)
            );
        }
        match std::fs::remove_file(path) {
            Ok(()) => eprintln!(
                "removed {} (no policy makes it any more)",
                policyc::files::display(path)
            ),
            Err(error) => {
                eprintln!(
                    "error: cannot remove {}: {error}",
                    policyc::files::display(path)
                );
                return ExitCode::from(2);
            }
        }
    }
    eprintln!(
        "built the site of {} {} for {} into {}: {} {}, {written} written, {} removed",
        policies.len(),
        super::plural(policies.len(), "policy version", "policy versions"),
        options.today.format("%Y-%m-%d"),
        policyc::files::display(&out),
        pages.len(),
        super::plural(pages.len(), "page", "pages"),
        stale.len()
    );
    if let Some(chromium) = chromium {
        for page in pages.iter().filter(|p| is_version_page(&p.path)) {
            let html = out.join(&page.path);
            let pdf = html.with_extension("pdf");
            // A PDF is printed again only when its page changed.
            if pdf.is_file() && !changed.contains(&html) {
                continue;
            }
            if let Err(message) = print_pdf(&chromium, &html, &pdf) {
                eprintln!(
                    "error: cannot print {}: {message}",
                    policyc::files::display(&html)
                );
                return ExitCode::from(2);
            }
            eprintln!("wrote {}", policyc::files::display(&pdf));
        }
    }
    ExitCode::SUCCESS
}

/// `<policy>/v<version>.html`.
fn is_version_page(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|name| name.starts_with('v') && name.ends_with(".html"))
}

/// `$POLICYC_CHROMIUM`, else the first of `chromium`, `chromium-browser`,
/// `google-chrome` on PATH.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("POLICYC_CHROMIUM").filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        return path.is_file().then_some(path);
    }
    let dirs = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::split_paths(&dirs)
                .map(|dir| dir.join(name))
                .find(|p| p.is_file())
        })
}

/// How long one page may take to print.
const PRINT_TIMEOUT: Duration = Duration::from_secs(120);

/// Prints `html` to `pdf` with headless Chromium: into a temporary file
/// beside it, then renamed, so an interrupted print leaves no half PDF.
fn print_pdf(chromium: &Path, html: &Path, pdf: &Path) -> Result<(), String> {
    let absolute = std::fs::canonicalize(html).map_err(|e| e.to_string())?;
    let url = format!("file://{}", absolute.to_string_lossy());
    let temporary = pdf.with_extension(format!("pdf.{}.tmp", std::process::id()));
    let temporary_abs = std::env::current_dir()
        .map_err(|e| e.to_string())?
        .join(&temporary);
    let profile = std::env::temp_dir().join(format!("policyc-chromium-{}", std::process::id()));
    let mut child = std::process::Command::new(chromium)
        .arg("--headless")
        .arg("--no-sandbox")
        .arg("--disable-gpu")
        .arg("--no-pdf-header-footer")
        .arg(format!("--user-data-dir={}", profile.to_string_lossy()))
        .arg(format!(
            "--print-to-pdf={}",
            temporary_abs.to_string_lossy()
        ))
        .arg(&url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", chromium.display()))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => break status,
            None if started.elapsed() > PRINT_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = std::fs::remove_dir_all(&profile);
                let _ = std::fs::remove_file(&temporary);
                return Err(format!(
                    "Chromium took longer than {} s",
                    PRINT_TIMEOUT.as_secs()
                ));
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    let _ = std::fs::remove_dir_all(&profile);
    let printed = std::fs::metadata(&temporary).is_ok_and(|m| m.len() > 0);
    if !status.success() || !printed {
        let _ = std::fs::remove_file(&temporary);
        return Err(format!("Chromium exited with {status} and wrote no PDF"));
    }
    std::fs::rename(&temporary, pdf).map_err(|e| e.to_string())
}
