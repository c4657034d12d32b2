//! Text -> syntax tree: the pest parser, its guards, and the lowering of
//! parse trees into [`crate::ast`].
//!
//! Invariants: never panics on any input; every problem becomes a
//! [`Diagnostic`]; a syntax error stops the declaration it is in, and parsing
//! resumes after it (after its `}`, found by indentation, when it is nested;
//! at the next top-level declaration otherwise), so one run reports the
//! syntax errors of every declaration. Does no I/O.

use crate::ast::*;
use crate::codes::Code;
use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::span::{Span, Spanned};
use pest::iterators::{Pair, Pairs};
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/policy.pest"]
struct PolicyParser;

/// How deep braces and brackets may nest before the file is refused.
pub const MAX_NESTING: usize = 64;

/// Currencies accepted in money literals (ISO 4217).
pub const CURRENCIES: &[&str] = &[
    "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HKD", "HUF", "INR", "ISK",
    "JPY", "KRW", "MXN", "NOK", "NZD", "PLN", "SEK", "SGD", "TRY", "USD", "ZAR",
];

/// The result of parsing: the declarations that parsed, and every problem.
#[derive(Debug, Default)]
pub struct Parsed {
    /// What parsed.
    pub file: File,
    /// Syntax errors and invalid literals.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// Whether any syntax error was found.
    pub fn has_syntax_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| {
            matches!(
                d.code.category(),
                crate::codes::Category::Input | crate::codes::Category::Syntax
            )
        })
    }
}

/// Turns raw bytes into source text, or a diagnostic when they cannot be.
///
/// A leading byte-order mark is kept (the grammar skips it) so that spans
/// stay byte offsets into the file as stored.
pub fn decode(bytes: &[u8]) -> Result<String, Diagnostic> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => {
            let at = error.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(Diagnostic::new(
                Code::E001,
                format!("the file is not valid UTF-8 (line {line}, byte {at})"),
            )
            .help("save the policy as UTF-8 text"))
        }
    }
}

/// Parses a policy source.
pub fn parse(source: &str) -> Parsed {
    let mut parsed = Parsed::default();
    if let Some(diagnostic) = check_guards(source) {
        parsed.diagnostics.push(diagnostic);
        return parsed;
    }
    // Runaway backtracking: at most a few hundred rule calls per byte.
    pest::set_call_limit(std::num::NonZeroUsize::new(
        source.len().saturating_mul(200).saturating_add(2_000_000),
    ));
    Reader {
        source,
        parsed: &mut parsed,
        top: 0,
        last_entry: None,
    }
    .file();
    parsed
}

/// Refuses inputs that would make the parser recurse too deep or that hold
/// bytes no policy contains.
fn check_guards(source: &str) -> Option<Diagnostic> {
    if let Some(at) = source.find('\0') {
        return Some(
            Diagnostic::new(Code::E002, "the file contains a NUL byte")
                .label(Span::new(at, at + 1), "NUL byte here")
                .help("a policy is plain text; remove the NUL byte"),
        );
    }
    // The scan mirrors the grammar's tokens: a string ends at its closing
    // quote or at the end of the line, `\\` escapes one character, a prose
    // block runs to its closing `"""` (an unclosed `"""` is read by the
    // grammar as an empty string and a new string, and so here), and a
    // comment runs to the end of the line.
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(found) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| STRUCTURAL[usize::from(b)]))
    {
        i += found;
        match bytes[i] {
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                match memchr::memmem::find(&bytes[i + 3..], b"\"\"\"") {
                    Some(end) => i += 3 + end + 3,
                    None => i += 2,
                }
            }
            b'"' => i = string_end(bytes, i + 1),
            b'#' => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |end| i + end);
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(
                        Diagnostic::new(Code::E003, format!("nesting is deeper than {MAX_NESTING} levels"))
                            .label(Span::new(i, i + 1), "too deep here")
                            .help("declarations and lists nest only a few levels in a policy; check for unbalanced brackets"),
                    );
                }
                i += 1;
            }
            _ => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
        }
    }
    None
}

/// The bytes the nesting guard stops at: quotes, comments and brackets.
static STRUCTURAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let stops = b"\"#{}[]";
    while k < stops.len() {
        table[stops[k] as usize] = true;
        k += 1;
    }
    table
};

/// Where the string whose text starts at `from` ends: after its closing
/// quote, or at the end of its line (the grammar's rule for strings).
fn string_end(bytes: &[u8], mut from: usize) -> usize {
    while let Some(k) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr3(b'"', b'\\', b'\n', rest))
    {
        from += k;
        if bytes[from] == b'\\' {
            from += 2;
        } else {
            return from + 1;
        }
    }
    bytes.len()
}

/// The start of the next top-level declaration after byte `at`: a line that
/// starts at column 0 with a lowercase letter.
fn resume_point(source: &str, at: usize) -> Option<usize> {
    let mut position = source[at.min(source.len())..].find('\n')? + at + 1;
    loop {
        let rest = &source[position..];
        if rest.starts_with(|c: char| c.is_ascii_lowercase()) {
            return Some(position);
        }
        position += rest.find('\n')? + 1;
    }
}

/// The declaration a syntax error broke, from `start` to `end` in the
/// source, and the ids it may declare.
fn broken(source: &str, start: usize, end: usize) -> Broken {
    let is_id = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let mut ids = Vec::new();
    for line in source.get(start..end).unwrap_or_default().lines() {
        let mut words = line.split_whitespace();
        if let (Some(kind), Some(id)) = (words.next(), words.next()) {
            // `tier advanced "Advanced" {`, `section a {`, a title-less
            // `channel web {}`; an id may run into its title or brace.
            let id = id.split(['"', '{']).next().unwrap_or_default();
            if is_id(kind) && is_id(id) {
                ids.push(id.to_owned());
            }
        }
    }
    Broken {
        span: Span::new(start, end),
        ids,
    }
}

/// Reads a source a piece at a time (the grammar's `file_start`,
/// `file_rest` and `body`): a declaration's head with the start of its
/// body, then batches of entries, so that pest's tokens (about 40 bytes
/// for each start and end of a rule) are held for one piece at a time,
/// never for the whole file. Lowers each piece as soon as it is parsed.
struct Reader<'s, 'p> {
    source: &'s str,
    parsed: &'p mut Parsed,
    /// Where the top-level declaration being read starts.
    top: usize,
    /// Where the last field, row or prose block read starts, if it is the
    /// last thing read (see the grammar's `lookback`).
    last_entry: Option<usize>,
}

/// Where reading the entries of a piece stopped.
enum Stop {
    /// At the declaration's `}`, which ends here.
    Closed(usize),
    /// At the end of the piece, or of a nested declaration, which ends
    /// here: the declaration goes on after it.
    Open(usize),
}

impl<'s> Reader<'s, '_> {
    /// Reads every top-level declaration. After a syntax error, the
    /// declaration holding it is recorded as broken and reading resumes at
    /// the next top-level declaration.
    fn file(&mut self) {
        let mut position = 0;
        while position <= self.source.len() {
            self.top = position;
            self.last_entry = None;
            let rule = if position == 0 {
                Rule::file_start
            } else {
                Rule::file_rest
            };
            let source = self.source;
            let outcome = match PolicyParser::parse(rule, &source[position..]) {
                Ok(mut pairs) => {
                    let Some(piece) = pairs.next() else { return };
                    let piece_end = position + piece.as_span().end();
                    let mut parts = piece.into_inner();
                    let Some(head) = parts.find(|p| p.as_rule() == Rule::declaration_head) else {
                        // The end of the file.
                        return;
                    };
                    self.top = position + head.as_span().start();
                    self.declaration(head, &mut parts, position, piece_end)
                }
                Err(error) => Err(self.syntax_error(&error, position)),
            };
            match outcome {
                Ok((declaration, end)) => {
                    self.parsed.file.declarations.push(declaration);
                    position = end;
                }
                Err(at) => {
                    let next = resume_point(self.source, at)
                        .filter(|&next| next > self.top)
                        .unwrap_or(self.source.len());
                    let broken = broken(self.source, self.top, next);
                    self.parsed.file.broken.push(broken);
                    if next >= self.source.len() {
                        return;
                    }
                    position = next;
                }
            }
        }
    }

    /// Reads the declaration whose head was parsed in the piece at `base`
    /// (ending at `piece_end`), `rest` being what the piece holds after the
    /// head: the first entries, then more pieces up to its `}`. Returns the
    /// declaration and where it ends, or, after reporting a syntax error,
    /// the error's offset.
    fn declaration(
        &mut self,
        head: Pair<'s, Rule>,
        rest: &mut Pairs<'s, Rule>,
        base: usize,
        piece_end: usize,
    ) -> Result<(Declaration, usize), usize> {
        let mut lower = self.lower(base);
        let head_span = lower.span(&head);
        let mut kind = Spanned::new(String::new(), head_span);
        let mut id = Spanned::new(String::new(), head_span);
        let mut title = None;
        for inner in head.into_inner() {
            match inner.as_rule() {
                Rule::kind => kind = lower.spanned(&inner),
                Rule::identifier => id = lower.spanned(&inner),
                // The title is the one string a declaration holds directly.
                Rule::string => {
                    let s = lower.span(&inner);
                    title = Some(Spanned::new(lower.string(inner), s));
                }
                _ => {}
            }
        }
        // The head is the last thing read.
        self.last_entry = None;
        let mut entries = Vec::new();
        let mut stop = self.entries(head_span.start, rest, base, piece_end, &mut entries)?;
        let source = self.source;
        let end = loop {
            let position = match stop {
                Stop::Closed(end) => break end,
                Stop::Open(position) => position,
            };
            let mut pairs = match PolicyParser::parse(Rule::body, &source[position..]) {
                Ok(pairs) => pairs,
                Err(error) => {
                    // The error as the last entry and this piece give it.
                    let again = self.last_entry.and_then(|start| {
                        let error = PolicyParser::parse(Rule::lookback, &source[start..]).err()?;
                        Some((error, start))
                    });
                    let (error, start) = again.unwrap_or((error, position));
                    return Err(self.syntax_error(&error, start));
                }
            };
            let Some(piece) = pairs.next() else {
                return Err(position);
            };
            let piece_end = position + piece.as_span().end();
            stop = self.entries(
                head_span.start,
                &mut piece.into_inner(),
                position,
                piece_end,
                &mut entries,
            )?;
        };
        // Thousands of one-line declarations: each holds room for its
        // entries only.
        entries.shrink_to_fit();
        let declaration = Declaration {
            kind,
            id,
            title,
            entries,
            span: Span::new(head_span.start, end),
        };
        Ok((declaration, end))
    }

    /// Lowers the entries of a piece parsed at `base` into `entries` (of
    /// the declaration whose head starts at `owner`), up to the
    /// declaration's `}` or the end of the piece; a nested declaration
    /// takes the rest of the piece and what follows it. A nested
    /// declaration with a syntax error is left out and recorded as broken
    /// where its end can be told by indentation ([`Reader::skip_broken`]),
    /// so that its siblings are still read and checked.
    fn entries(
        &mut self,
        owner: usize,
        parts: &mut Pairs<'s, Rule>,
        base: usize,
        piece_end: usize,
        entries: &mut Vec<Entry>,
    ) -> Result<Stop, usize> {
        while let Some(part) = parts.next() {
            let span = part.as_span();
            self.last_entry = Some(base + span.start());
            match part.as_rule() {
                Rule::field => entries.push(Entry::Field(self.lower(base).field(part))),
                Rule::grid_row => entries.push(Entry::Row(self.lower(base).row(part))),
                Rule::prose_entry => {
                    if let Some(p) = part.into_inner().next() {
                        entries.push(Entry::Prose(self.lower(base).prose(p)));
                    }
                }
                Rule::closing_brace => {
                    self.last_entry = None;
                    return Ok(Stop::Closed(base + span.end()));
                }
                Rule::declaration_head => {
                    let start = base + span.start();
                    return match self.declaration(part, parts, base, piece_end) {
                        Ok((nested, end)) => {
                            entries.push(Entry::Declaration(Box::new(nested)));
                            Ok(Stop::Open(end))
                        }
                        Err(at) => {
                            let resume = self.skip_broken(owner, start, at).ok_or(at)?;
                            let broken = broken(self.source, start, resume);
                            self.parsed.file.broken.push(broken);
                            self.last_entry = None;
                            Ok(Stop::Open(resume))
                        }
                    };
                }
                _ => {}
            }
        }
        Ok(Stop::Open(piece_end))
    }

    /// Where to go on reading the declaration whose head starts at `owner`
    /// after a syntax error at `at` in the declaration nested in it whose
    /// head starts at `start`: after the nested declaration's `}`, found by
    /// indentation (the first line after the error's indented no deeper
    /// than the nested head: its `}`, or a sibling or the owner's `}` when
    /// its `}` is on the error's line or missing). `None` where
    /// indentation cannot tell: the nested head does not start its line or
    /// is indented no deeper than the owner's, or the file ends first.
    fn skip_broken(&self, owner: usize, start: usize, at: usize) -> Option<usize> {
        let source = self.source;
        let indent_of = |offset: usize| -> Option<usize> {
            let line_start = source[..offset].rfind('\n').map_or(0, |n| n + 1);
            let before = &source[line_start..offset];
            before
                .bytes()
                .all(|b| b == b' ' || b == b'\t')
                .then_some(before.len())
        };
        let indent = indent_of(start)?;
        if indent <= indent_of(owner)? {
            return None;
        }
        let next_line = at + source.get(at..)?.find('\n')? + 1;
        let line = code_lines(source, next_line).find(|l| !l.prose && l.indent <= indent)?;
        Some(if line.indent == indent && line.code.starts_with('}') {
            line.start + line.indent + 1
        } else {
            line.start
        })
    }

    /// A lowering of pairs parsed from the source at `offset`.
    fn lower(&mut self, offset: usize) -> Lower<'_> {
        Lower {
            offset,
            diagnostics: &mut self.parsed.diagnostics,
        }
    }

    /// Reports the syntax error of a piece parsed at `position`; returns
    /// its offset in the source.
    fn syntax_error(&mut self, error: &pest::error::Error<Rule>, position: usize) -> usize {
        let chunk = &self.source[self.top..];
        let (diagnostic, at) = syntax_error(error, chunk, self.top, position - self.top);
        self.parsed.diagnostics.push(diagnostic);
        self.top + at
    }
}

/// A syntax error in the user's words, and its offset in `chunk`.
///
/// `chunk` starts at `offset` in the source, at the top-level declaration
/// the error is in; the piece that failed to parse starts at `shift` in it.
fn syntax_error(
    error: &pest::error::Error<Rule>,
    chunk: &str,
    offset: usize,
    shift: usize,
) -> (Diagnostic, usize) {
    use pest::error::{ErrorVariant, InputLocation};
    let at = shift
        + match error.location {
            InputLocation::Pos(p) => p,
            InputLocation::Span((s, _)) => s,
        };
    let rest = &chunk[at.min(chunk.len())..];
    let found = describe_found(rest);
    // A zero-width label at the end of the file draws nothing: point at the
    // last character instead.
    let span = if found.1 == 0 && at > 0 {
        let last = chunk[..at].chars().next_back().map_or(1, char::len_utf8);
        Span::new(offset + at - last, offset + at)
    } else {
        Span::new(offset + at, offset + at + found.1)
    };
    let line = rest.split('\n').next().unwrap_or("");
    if rest.starts_with('"') && !rest.starts_with("\"\"\"") && line[1..].find('"').is_none() {
        let diagnostic = Diagnostic::new(Code::E012, "this text is not closed")
            .label(Span::new(offset + at, offset + at + line.trim_end().len()), "no closing `\"` on this line")
            .help("close the text with `\"` on the same line; use a prose block in `\"\"\"` for text over several lines");
        return (diagnostic, at);
    }
    if found.1 == 0 {
        if let Some(open) = left_open(chunk) {
            let brace = Span::new(offset + open.brace, offset + open.brace + 1);
            let diagnostic = Diagnostic::new(
                Code::E010,
                format!("the {} `{}` is not closed", open.kind, open.id),
            )
            .label(brace, "opened here; its `}` is missing")
            .label(span, "the file ends here")
            .help(format!(
                "add `}}` at the end of `{} {}` (the indentation shows where it ends)",
                open.kind, open.id
            ));
            return (diagnostic, at);
        }
    }
    let diagnostic = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            let mut expected: Vec<&str> = positives
                .iter()
                .flat_map(|r| expected_rules(*r))
                .filter_map(describe)
                .collect();
            expected.sort_unstable();
            expected.dedup();
            let what = match expected.len() {
                0 => "something else".to_owned(),
                1 => expected[0].to_owned(),
                n => format!("{} or {}", expected[..n - 1].join(", "), expected[n - 1]),
            };
            // The error's line and the one before it: a misspelled unit
            // can leave its last word to be read as the next field's name.
            let head = &chunk[..at.min(chunk.len())];
            let line_start = head
                .trim_end_matches(|c: char| c != '\n')
                .trim_end_matches('\n')
                .rfind('\n')
                .map_or(0, |n| n + 1);
            let before = &chunk[line_start..at.min(chunk.len())];
            let help =
                misspelled_unit(before, rest).unwrap_or_else(|| syntax_help(&expected, &found.0));
            Diagnostic::new(Code::E010, format!("expected {what}, found {}", found.0))
                .label(span, format!("expected {what}"))
                .help(help)
        }
        ErrorVariant::CustomError { message } => {
            let message = if message.contains("call limit") || message.contains("stack") {
                "the file is too complex to parse".to_owned()
            } else {
                message.to_lowercase()
            };
            Diagnostic::new(Code::E011, message)
                .label(span, "here")
                .help("simplify the policy around this point")
        }
    };
    (diagnostic, at)
}

/// The words of lengths of time, as targets and durations write them.
const UNIT_WORDS: [&str; 12] = [
    "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "months", "month",
    "business", "24x7",
];

/// A suggestion in the policy's words where a length of time is misspelled
/// on the line of a syntax error: `2 hourz 24x7` -> `hours`, `2h` -> `2
/// hours`, `1 buisness day` -> `business`.
fn misspelled_unit(before: &str, rest: &str) -> Option<String> {
    let after = rest.split(|c: char| c.is_whitespace()).next().unwrap_or("");
    let words = before.split_whitespace().chain(std::iter::once(after));
    for word in words {
        let word = word.trim_matches(|c: char| c == '|' || c == ',' || c == '[' || c == ']');
        // `2h`, `30min`: a number run into a unit.
        let digits = word.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && digits < word.len() && word != "24x7" {
            let (n, unit) = word.split_at(digits);
            let full = match unit {
                "h" | "hr" | "hrs" | "hour" | "hours" => Some("hours"),
                "m" | "min" | "mins" | "minute" | "minutes" => Some("minutes"),
                "d" | "day" | "days" => Some("days"),
                _ => None,
            };
            if let Some(full) = full {
                return Some(format!("write the number and the unit apart: `{n} {full}`"));
            }
        }
        if word.chars().all(|c| c.is_ascii_lowercase()) && !UNIT_WORDS.contains(&word) {
            if let Some(meant) = crate::diagnostic::did_you_mean(word, UNIT_WORDS.iter().copied()) {
                return Some(format!("did you mean `{meant}` instead of `{word}`?"));
            }
        }
    }
    None
}

/// A line of a policy's text that is neither blank nor only a comment,
/// read without the grammar: for telling by indentation where a
/// declaration ends (an unclosed brace, a broken nested declaration, the
/// language server's fix for a missing `}`).
pub struct CodeLine<'a> {
    /// Where the line starts in the text.
    pub start: usize,
    /// Where it ends: its `\n`, or the end of the text.
    pub end: usize,
    /// How many bytes of blanks start it.
    pub indent: usize,
    /// What it says before any comment, without its blanks; empty for a
    /// line of a prose block.
    pub code: &'a str,
    /// Whether it is a line of a prose block or holds a `"""`: its text is
    /// prose, whatever its indentation.
    pub prose: bool,
}

/// The lines of `text` from `from` (the start of a line) that are neither
/// blank nor only a comment, in order. Linear in the text read.
pub fn code_lines(text: &str, from: usize) -> impl Iterator<Item = CodeLine<'_>> {
    let mut in_prose = false;
    let mut offset = from.min(text.len());
    text[offset..]
        .split_inclusive('\n')
        .filter_map(move |line| {
            let start = offset;
            offset += line.len();
            let end = start + line.trim_end_matches('\n').len();
            let quotes = line.matches("\"\"\"").count();
            let was_prose = in_prose;
            in_prose ^= quotes % 2 == 1;
            if was_prose || quotes > 0 {
                let indent = line.len() - line.trim_start().len();
                return Some(CodeLine {
                    start,
                    end,
                    indent,
                    code: "",
                    prose: true,
                });
            }
            let code = line.split('#').next().unwrap_or("").trim_end();
            let trimmed = code.trim_start();
            (!trimmed.is_empty()).then(|| CodeLine {
                start,
                end,
                indent: code.len() - trimmed.len(),
                code: trimmed,
                prose: false,
            })
        })
}

/// A declaration whose `{` has no `}`.
struct Open<'a> {
    kind: &'a str,
    id: &'a str,
    /// The offset of its `{` in the chunk.
    brace: usize,
}

/// The declaration left open in `chunk`, found by indentation: the first
/// whose body is followed, at its own indentation or less, by anything but
/// its `}`. Lines in prose blocks are skipped. Linear in the chunk.
fn left_open(chunk: &str) -> Option<Open<'_>> {
    let mut stack: Vec<(usize, Open<'_>)> = Vec::new();
    for line in code_lines(chunk, 0).filter(|l| !l.prose) {
        let (indent, text) = (line.indent, line.code);
        // Anything at the indentation of an open declaration or less ends
        // its body: a `}` there closes it, anything else shows it open.
        if let Some((top, _)) = stack.last() {
            if indent <= *top {
                if text.starts_with('}') && indent == *top {
                    stack.pop();
                    continue;
                }
                return stack.pop().map(|(_, open)| open);
            }
        }
        let opens = text.ends_with('{') && !text.contains('}');
        if opens {
            let mut words = text.split_whitespace();
            if let (Some(kind), Some(id)) = (words.next(), words.next()) {
                let brace = line.start + indent + text.len() - 1;
                stack.push((indent, Open { kind, id, brace }));
            }
        }
    }
    stack.pop().map(|(_, open)| open)
}

/// A short description of what stands at the error, and its length.
fn describe_found(rest: &str) -> (String, usize) {
    match rest.chars().next() {
        None => ("the end of the file".to_owned(), 0),
        Some('\n') | Some('\r') => ("the end of the line".to_owned(), 1),
        Some('\t') => ("a tab".to_owned(), 1),
        Some(c) if c.is_alphanumeric() || c == '-' || c == '_' => {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == '.')
                .take(40)
                .collect();
            let len = word.len();
            (format!("`{word}`"), len)
        }
        Some(c) if is_invisible(c) => (
            format!("the invisible character U+{:04X}", u32::from(c)),
            c.len_utf8(),
        ),
        Some(c) => (format!("`{c}`"), c.len_utf8()),
    }
}

/// Characters that show as nothing, or as a plain space, in an editor:
/// control characters, spaces other than the ASCII space, and format
/// characters such as a byte-order mark inside the file.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
}

/// Characters not allowed inside a text or prose: control characters
/// other than tab and line breaks, bidi embeddings, overrides and isolates
/// (U+202A-U+202E, U+2066-U+2069), zero-width characters and marks
/// (U+200B-U+200F, U+2060) and the byte-order mark.
fn is_hidden_in_text(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

fn syntax_help(expected: &[&str], found: &str) -> String {
    if found == "the end of the file" {
        return "a declaration is not closed; add the missing `}`".to_owned();
    }
    if found.starts_with("the invisible character") {
        return "remove it: it may have come with text pasted from elsewhere (a byte-order mark belongs only at the very start of the file)".to_owned();
    }
    if expected.contains(&"`:`") {
        return "a field is written `name: value`".to_owned();
    }
    if expected.contains(&"`]`") || expected.contains(&"`,`") {
        return "separate list items with `,` and close the list with `]`".to_owned();
    }
    if expected == ["a value"] {
        return "values are quoted text, numbers, dates, targets such as `1 business day`, keywords such as `unlimited`, or ids".to_owned();
    }
    "see the language tour in the README for the shape of each construct".to_owned()
}

/// What pest reports as expected, rule by rule: where nothing matches at
/// the very start of a piece of the file, pest names the piece's own rule
/// (`body`, `file_rest`), which stands for the rules it may start with.
fn expected_rules(rule: Rule) -> Vec<Rule> {
    match rule {
        Rule::body => vec![
            Rule::pipe,
            Rule::closing_brace,
            Rule::field,
            Rule::prose,
            Rule::kind,
        ],
        Rule::file_start | Rule::file_rest => vec![Rule::declaration_head, Rule::EOI],
        other => vec![other],
    }
}

/// Grammar rules in the user's words; `None` for rules never expected alone.
fn describe(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::declaration_head => "a declaration such as `tier advanced \"Advanced\" { ... }`",
        Rule::kind | Rule::identifier | Rule::identifier_text | Rule::reference => "an id",
        Rule::string => "quoted text",
        Rule::field | Rule::field_name => "a field such as `name: value`",
        Rule::grid_row => "a grid row such as `| sev-1 | 1 business day |`",
        Rule::corner => "a cell",
        Rule::prose_entry | Rule::prose => "a prose block in `\"\"\"`",
        Rule::value | Rule::annotated | Rule::list => "a value",
        Rule::note => "a note in parentheses",
        Rule::EOI => "the end of the file",
        Rule::target | Rule::duration | Rule::count | Rule::number | Rule::version => "a value",
        Rule::money | Rule::amount | Rule::currency => "an amount of money such as `USD 250`",
        Rule::quantity | Rule::quantity_per | Rule::quantity_unit => "a value",
        Rule::date | Rule::month | Rule::month_day => "a date",
        Rule::time | Rule::time_range => "a time such as `09:00`",
        Rule::weekday | Rule::weekly_hours => "opening hours such as `mon-fri 09:00-17:00`",
        Rule::cell_reference | Rule::field_reference | Rule::selector => "a reference",
        Rule::claim_expression | Rule::claim_same | Rule::claim_every | Rule::claim_is => "a claim",
        Rule::claim_test | Rule::clock => "`is VALUE` or `runs 24x7`",
        Rule::keyword | Rule::claim_operand => "a value",
        Rule::opening_brace => "`{`",
        Rule::closing_brace => "`}`",
        Rule::opening_bracket => "`[`",
        Rule::closing_bracket => "`]`",
        Rule::colon => "`:`",
        Rule::comma => "`,`",
        Rule::pipe => "`|`",
        _ => return None,
    })
}

/// Lowers pest pairs into the syntax tree.
struct Lower<'d> {
    offset: usize,
    diagnostics: &'d mut Vec<Diagnostic>,
}

impl Lower<'_> {
    fn span(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.offset + s.start(), self.offset + s.end())
    }

    fn spanned(&self, pair: &Pair<Rule>) -> Spanned<String> {
        Spanned::new(pair.as_str().to_owned(), self.span(pair))
    }

    fn field(&mut self, pair: Pair<Rule>) -> Field {
        let span = self.span(&pair);
        let mut name = Spanned::new(String::new(), span);
        let mut value = Value::List(Vec::new(), span);
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::field_name => name = self.spanned(&inner),
                Rule::value => value = self.value(inner),
                _ => {}
            }
        }
        Field { name, value, span }
    }

    fn value(&mut self, pair: Pair<Rule>) -> Value {
        let span = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return Value::List(Vec::new(), span);
        };
        match inner.as_rule() {
            Rule::list => {
                let items = inner
                    .into_inner()
                    .filter(|p| p.as_rule() == Rule::annotated)
                    .map(|p| self.item(p))
                    .collect();
                Value::List(items, span)
            }
            _ => Value::Single(self.item(inner)),
        }
    }

    fn row(&mut self, pair: Pair<Rule>) -> Row {
        let span = self.span(&pair);
        let parts = pair.into_inner();
        let mut cells = Vec::with_capacity(parts.len());
        // The row's children: the corner, each cell's literal, and a note
        // after the literal it belongs to (pipes leave nothing).
        for part in parts {
            match part.as_rule() {
                Rule::pipe => {}
                Rule::corner => cells.push(Cell::Corner(self.span(&part))),
                Rule::note => {
                    let span = self.span(&part);
                    self.hidden(enclosed(part.as_str(), 1), span.start + 1);
                    let text = enclosed(part.as_str(), 1).trim().to_owned();
                    if let Some(Cell::Value(item)) = cells.last_mut() {
                        item.span = item.span.to(span);
                        item.note = Some(Box::new(Spanned::new(text, span)));
                    }
                }
                _ => {
                    let span = self.span(&part);
                    let literal = self.literal(part);
                    cells.push(Cell::Value(Item {
                        literal,
                        note: None,
                        span,
                    }));
                }
            }
        }
        Row { cells, span }
    }

    /// An `annotated` pair: a literal and its note.
    fn item(&mut self, pair: Pair<Rule>) -> Item {
        let span = self.span(&pair);
        let mut literal = Literal::Invalid;
        let mut note = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::note => {
                    let s = self.span(&inner);
                    self.hidden(enclosed(inner.as_str(), 1), s.start + 1);
                    let text = enclosed(inner.as_str(), 1).trim().to_owned();
                    note = Some(Box::new(Spanned::new(text, s)));
                }
                _ => literal = self.literal(inner),
            }
        }
        Item {
            literal,
            note,
            span,
        }
    }

    fn literal(&mut self, pair: Pair<Rule>) -> Literal {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::prose => Literal::Prose(Box::new(self.prose(pair))),
            Rule::string => Literal::Text(self.string(pair)),
            Rule::target => self.target(pair),
            Rule::duration => self.duration(pair),
            Rule::money => self.money(pair),
            Rule::quantity | Rule::quantity_per => {
                let mut inner = pair.into_inner();
                let (Some(count), Some(unit)) = (inner.next(), inner.next()) else {
                    return Literal::Invalid;
                };
                let Some(amount) = self.count(&count) else {
                    return Literal::Invalid;
                };
                let per = inner
                    .filter_map(|p| p.into_inner().next())
                    .map(|p| p.as_str().to_owned())
                    .collect();
                Literal::Quantity(Box::new(Quantity {
                    amount,
                    unit: unit.as_str().to_owned(),
                    per,
                }))
            }
            Rule::range => {
                let mut counts = pair.into_inner();
                let (Some(a), Some(b)) = (counts.next(), counts.next()) else {
                    return Literal::Invalid;
                };
                match (self.count(&a), self.count(&b)) {
                    (Some(a), Some(b)) if a <= b => Literal::Range(a, b),
                    (Some(a), Some(b)) => {
                        self.diagnostics.push(
                            Diagnostic::new(Code::E206, format!("the range `{a}..{b}` is empty"))
                                .label(span, "the first number is larger than the second")
                                .help(format!("write `{b}..{a}`")),
                        );
                        Literal::Invalid
                    }
                    _ => Literal::Invalid,
                }
            }
            Rule::date => match chrono::NaiveDate::parse_from_str(pair.as_str(), "%Y-%m-%d") {
                Ok(date) => Literal::Date(date),
                Err(_) => self.invalid_date(pair.as_str(), span),
            },
            Rule::month => {
                let text = pair.as_str();
                let year = text[..4].parse::<i32>().ok();
                let month = text[5..]
                    .parse::<u32>()
                    .ok()
                    .filter(|m| (1..=12).contains(m));
                match (year, month) {
                    (Some(y), Some(m)) => Literal::Month(y, m),
                    _ => self.invalid_date(text, span),
                }
            }
            Rule::holiday_rule => self.holiday(pair),
            Rule::time => match self.time(&pair) {
                Some(t) => Literal::Time(t),
                None => Literal::Invalid,
            },
            Rule::time_range => match self.time_range(pair) {
                Some((open, close)) => Literal::TimeRange(open, close),
                None => Literal::Invalid,
            },
            Rule::weekly_hours => self.weekly(pair),
            Rule::keyword => match Keyword::parse(pair.as_str()) {
                Some(k) => Literal::Keyword(k),
                None => Literal::Invalid,
            },
            Rule::number => {
                let text = pair.as_str();
                let whole = text.split('.').next().unwrap_or(text);
                if whole.parse::<u64>().is_err() {
                    self.too_large(text, span);
                    return Literal::Invalid;
                }
                Literal::Number(text.to_owned())
            }
            Rule::version => {
                let text = pair.as_str();
                if text.split('.').any(|part| part.parse::<u64>().is_err()) {
                    self.too_large(text, span);
                    return Literal::Invalid;
                }
                Literal::Version(text.to_owned())
            }
            Rule::cell_reference => Literal::CellRef(Box::new(self.cell_ref(pair))),
            Rule::field_reference => Literal::FieldRef(Box::new(self.field_ref(pair))),
            Rule::reference => Literal::Reference(pair.as_str().to_owned()),
            Rule::claim_expression => match self.claim(pair) {
                Some(c) => Literal::Claim(Box::new(c)),
                None => Literal::Invalid,
            },
            _ => Literal::Invalid,
        }
    }

    fn invalid_date(&mut self, text: &str, span: Span) -> Literal {
        self.diagnostics.push(
            Diagnostic::new(Code::E202, format!("`{text}` is not a valid date"))
                .label(span, "no such day")
                .help("dates are written year-month-day, e.g. `2026-06-13`, or year-month, e.g. `2026-06`"),
        );
        Literal::Invalid
    }

    fn too_large(&mut self, text: &str, span: Span) {
        self.diagnostics.push(
            Diagnostic::new(Code::E201, format!("the number `{text}` is too large"))
                .label(span, "too large")
                .help("numbers in a policy must fit in 64 bits; targets and counts in 32 bits"),
        );
    }

    fn count(&mut self, pair: &Pair<Rule>) -> Option<u64> {
        match pair.as_str().parse::<u64>() {
            Ok(n) => Some(n),
            Err(_) => {
                let span = self.span(pair);
                self.too_large(pair.as_str(), span);
                None
            }
        }
    }

    fn count_u32(&mut self, pair: &Pair<Rule>) -> Option<u32> {
        let n = self.count(pair)?;
        match u32::try_from(n) {
            Ok(n) => Some(n),
            Err(_) => {
                let span = self.span(pair);
                self.too_large(pair.as_str(), span);
                None
            }
        }
    }

    fn target(&mut self, pair: Pair<Rule>) -> Literal {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let (Some(count), Some(unit)) = (inner.next(), inner.next()) else {
            return Literal::Invalid;
        };
        let Some(n) = self.count_u32(&count) else {
            return Literal::Invalid;
        };
        if n == 0 {
            self.diagnostics.push(
                Diagnostic::new(Code::E208, "a response target of zero is never met")
                    .label(span, "zero")
                    .help("write a positive number, or `best-effort` for no target"),
            );
            return Literal::Invalid;
        }
        let unit_of = |word: &str| match word.trim_end_matches('s') {
            "day" => TimeUnit::Days,
            "hour" => TimeUnit::Hours,
            _ => TimeUnit::Minutes,
        };
        let calendar = |clause: Option<Pair<Rule>>| {
            clause
                .and_then(|c| c.into_inner().next())
                .map(|name| Box::from(name.as_str()))
        };
        let target = match unit.as_rule() {
            Rule::business_target => {
                let mut parts = unit.into_inner();
                let Some(word) = parts.next() else {
                    return Literal::Invalid;
                };
                Target {
                    amount: n,
                    unit: unit_of(word.as_str()),
                    clock: Clock::Business,
                    on: calendar(parts.next()),
                }
            }
            Rule::clock_unit => {
                let unit_word = unit_of(unit.as_str());
                match inner.next() {
                    Some(on) if on.as_rule() == Rule::on_calendar => Target {
                        amount: n,
                        unit: unit_word,
                        clock: Clock::Business,
                        on: calendar(Some(on)),
                    },
                    _ => Target::new(n, unit_word, Clock::Continuous),
                }
            }
            _ => Target::new(n, TimeUnit::Days, Clock::Continuous),
        };
        Literal::Target(target)
    }

    fn duration(&mut self, pair: Pair<Rule>) -> Literal {
        let mut inner = pair.into_inner();
        let (Some(count), Some(unit)) = (inner.next(), inner.next()) else {
            return Literal::Invalid;
        };
        let Some(n) = self.count_u32(&count) else {
            return Literal::Invalid;
        };
        if let Some(unit) = crate::ast::PeriodUnit::parse(unit.as_str()) {
            return Literal::Period(crate::ast::Period { amount: n, unit });
        }
        let minutes = if unit.as_str().starts_with("hour") {
            u64::from(n) * 60
        } else {
            u64::from(n)
        };
        Literal::Duration(minutes)
    }

    fn money(&mut self, pair: Pair<Rule>) -> Literal {
        let span = self.span(&pair);
        let mut currency = String::new();
        let mut minor = None;
        let mut per = Vec::new();
        let mut valid = true;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::currency => {
                    currency = inner.as_str().to_owned();
                    if !CURRENCIES.contains(&inner.as_str()) {
                        let s = self.span(&inner);
                        let mut d = Diagnostic::new(
                            Code::E205,
                            format!("`{currency}` is not a known currency"),
                        )
                        .label(s, "unknown currency");
                        d = match did_you_mean(&currency, CURRENCIES.iter().copied()) {
                            Some(c) => d.help(format!("did you mean `{c}`?")),
                            None => d.help("write an ISO 4217 code such as `USD`, `EUR` or `SEK`"),
                        };
                        self.diagnostics.push(d);
                        valid = false;
                    }
                }
                Rule::amount => {
                    let text = inner.as_str();
                    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
                    if fraction.len() > 2 {
                        let s = self.span(&inner);
                        self.diagnostics.push(
                            Diagnostic::new(
                                Code::E205,
                                format!("`{text}` has more than two decimals"),
                            )
                            .label(s, "too precise")
                            .help("amounts of money have at most two decimals, e.g. `250.50`"),
                        );
                        valid = false;
                        continue;
                    }
                    let cents = format!("{fraction:0<2}").parse::<u64>().unwrap_or(0);
                    match whole
                        .parse::<u64>()
                        .ok()
                        .and_then(|w| w.checked_mul(100))
                        .and_then(|w| w.checked_add(cents))
                    {
                        Some(m) => minor = Some(m),
                        None => {
                            let s = self.span(&inner);
                            self.too_large(text, s);
                            valid = false;
                        }
                    }
                }
                Rule::per_unit => {
                    if let Some(unit) = inner.into_inner().next() {
                        per.push(unit.as_str().to_owned());
                    }
                }
                _ => {}
            }
        }
        match minor {
            Some(minor) if valid => Literal::Money(Box::new(Money {
                currency,
                minor,
                per,
            })),
            _ => {
                let _ = span;
                Literal::Invalid
            }
        }
    }

    fn month_day(&mut self, pair: &Pair<Rule>) -> Option<(u32, u32)> {
        let text = pair.as_str();
        let month = text[..2].parse::<u32>().ok()?;
        let day = text[3..].parse::<u32>().ok()?;
        // 2024 is a leap year, so 02-29 is a day of some years.
        if chrono::NaiveDate::from_ymd_opt(2024, month, day).is_none() {
            let span = self.span(pair);
            self.diagnostics.push(
                Diagnostic::new(
                    Code::E202,
                    format!("`{text}` is not a valid day of the year"),
                )
                .label(span, "no such day")
                .help("days of the year are written month-day, e.g. `12-25`"),
            );
            return None;
        }
        Some((month, day))
    }

    fn holiday(&mut self, pair: Pair<Rule>) -> Literal {
        let Some(inner) = pair.into_inner().next() else {
            return Literal::Invalid;
        };
        match inner.as_rule() {
            Rule::month_day => match self.month_day(&inner) {
                Some((month, day)) => Literal::Holiday(HolidayRule::Fixed { month, day }),
                None => Literal::Invalid,
            },
            Rule::easter_rule => {
                let mut days: i32 = 0;
                let mut negative = false;
                for part in inner.into_inner() {
                    match part.as_rule() {
                        Rule::sign => negative = part.as_str() == "-",
                        Rule::count => match part.as_str().parse::<i32>() {
                            Ok(n) if n <= 366 => days = n,
                            _ => {
                                let span = self.span(&part);
                                self.diagnostics.push(
                                    Diagnostic::new(
                                        Code::E202,
                                        format!(
                                            "`easter + {}` is more than a year from Easter",
                                            part.as_str()
                                        ),
                                    )
                                    .label(span, "too far")
                                    .help("holidays relative to Easter are at most 366 days away"),
                                );
                                return Literal::Invalid;
                            }
                        },
                        _ => {}
                    }
                }
                Literal::Holiday(HolidayRule::Easter {
                    days: if negative { -days } else { days },
                })
            }
            Rule::weekday_in_range => {
                let mut parts = inner.into_inner();
                let (Some(w), Some(a), Some(b)) = (parts.next(), parts.next(), parts.next()) else {
                    return Literal::Invalid;
                };
                let weekday = parse_weekday(w.as_str());
                match (self.month_day(&a), self.month_day(&b)) {
                    (Some(from), Some(to)) if from <= to => {
                        Literal::Holiday(HolidayRule::WeekdayBetween { weekday, from, to })
                    }
                    (Some(_), Some(_)) => {
                        let span = self.span(&a).to(self.span(&b));
                        self.diagnostics.push(
                            Diagnostic::new(Code::E206, format!("the days `{}..{}` are in the wrong order", a.as_str(), b.as_str()))
                                .label(span, "the range ends before it starts")
                                .help("write the earlier day first; a range cannot wrap around the new year"),
                        );
                        Literal::Invalid
                    }
                    _ => Literal::Invalid,
                }
            }
            _ => Literal::Invalid,
        }
    }

    fn time(&mut self, pair: &Pair<Rule>) -> Option<u32> {
        let text = pair.as_str();
        let hour = text[..2].parse::<u32>().ok()?;
        let minute = text[3..].parse::<u32>().ok()?;
        if minute < 60 && (hour < 24 || (hour == 24 && minute == 0)) {
            Some(hour * 60 + minute)
        } else {
            let span = self.span(pair);
            self.diagnostics.push(
                Diagnostic::new(Code::E203, format!("`{text}` is not a valid time of day"))
                    .label(span, "no such time")
                    .help("times are written hours:minutes from `00:00` to `24:00`"),
            );
            None
        }
    }

    fn time_range(&mut self, pair: Pair<Rule>) -> Option<(u32, u32)> {
        let span = self.span(&pair);
        let mut times = pair.into_inner();
        let (a, b) = (times.next()?, times.next()?);
        let (open, close) = (self.time(&a), self.time(&b));
        let (open, close) = (open?, close?);
        if open >= close {
            self.diagnostics.push(
                Diagnostic::new(Code::E204, format!("the opening hours `{}-{}` are empty", a.as_str(), b.as_str()))
                    .label(span, "closes before or when it opens")
                    .help("write the opening time first, e.g. `09:00-17:00`; hours past midnight need two entries"),
            );
            return None;
        }
        Some((open, close))
    }

    fn weekly(&mut self, pair: Pair<Rule>) -> Literal {
        let mut days = Vec::new();
        let mut hours = None;
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::weekday => days.push(parse_weekday(inner.as_str())),
                Rule::time_range => hours = self.time_range(inner),
                _ => {}
            }
        }
        let (Some(&from), Some((open, close))) = (days.first(), hours) else {
            return Literal::Invalid;
        };
        let to = days.get(1).copied().unwrap_or(from);
        Literal::Weekly(WeeklyHours {
            from,
            to,
            open,
            close,
        })
    }

    fn prose(&mut self, pair: Pair<Rule>) -> Prose {
        let span = self.span(&pair);
        let raw = enclosed(pair.as_str(), 3).to_owned();
        let text_start = span.start + 3;
        self.hidden(&raw, text_start);
        Prose {
            text_start,
            raw,
            span,
        }
    }

    /// E013 at the first character of `text` (starting at byte `start`)
    /// that an editor shows as nothing or that reorders the text around it.
    fn hidden(&mut self, text: &str, start: usize) {
        let suspect = |b: &u8| (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || *b >= 0x7f;
        if !text.as_bytes().iter().any(suspect) {
            return;
        }
        let Some((at, c)) = text.char_indices().find(|&(_, c)| is_hidden_in_text(c)) else {
            return;
        };
        let at = start + at;
        self.diagnostics.push(
            Diagnostic::new(
                Code::E013,
                format!("the invisible character U+{:04X} in a text", u32::from(c)),
            )
            .label(Span::new(at, at + c.len_utf8()), "here")
            .help("remove it: it may have come with text pasted from elsewhere, and it can make the text read differently from what it holds (a direction override reorders what follows it)"),
        );
    }

    fn string(&mut self, pair: Pair<Rule>) -> String {
        let body = enclosed(pair.as_str(), 1);
        let start = self.span(&pair).start + 1;
        self.hidden(body, start);
        // The grammar ends a string's text at `\n` only (a search for three
        // bytes is a memchr); a lone `\r` is a line break too.
        if let Some(at) = memchr::memchr(b'\r', body.as_bytes()) {
            self.diagnostics.push(
                Diagnostic::new(Code::E012, "this text is not closed")
                    .label(Span::new(start + at, start + at + 1), "line break inside the quotes")
                    .help("close the text with `\"` on the same line; use a prose block in `\"\"\"` for text over several lines"),
            );
        }
        if !body.contains('\\') {
            return body.to_owned();
        }
        let mut out = String::new();
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                Some((_, 'n')) => out.push('\n'),
                Some((j, other)) => {
                    self.diagnostics.push(
                        Diagnostic::new(Code::E207, format!("`\\{other}` is not an escape"))
                            .label(Span::new(start + i, start + j + other.len_utf8()), "unknown escape")
                            .help("inside quotes, write `\\\"` for a quote, `\\\\` for a backslash, `\\n` for a line break"),
                    );
                    out.push(other);
                }
                None => {}
            }
        }
        out
    }

    fn cell_ref(&mut self, pair: Pair<Rule>) -> CellRef {
        let span = self.span(&pair);
        let mut grid = Spanned::new(String::new(), span);
        let mut selectors = Vec::new();
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::identifier_text => grid = self.spanned(&inner),
                Rule::selector => {
                    let s = self.span(&inner);
                    selectors.push(if inner.as_str() == "*" {
                        Selector::All(s)
                    } else {
                        Selector::Id(self.spanned(&inner))
                    });
                }
                _ => {}
            }
        }
        let mut selectors = selectors.into_iter();
        let row = selectors.next().unwrap_or(Selector::All(span));
        let column = selectors.next().unwrap_or(Selector::All(span));
        CellRef { grid, row, column }
    }

    fn field_ref(&mut self, pair: Pair<Rule>) -> FieldRef {
        let span = self.span(&pair);
        let mut parts = pair.into_inner();
        let decl = parts
            .next()
            .map(|p| self.spanned(&p))
            .unwrap_or_else(|| Spanned::new(String::new(), span));
        let field = parts
            .next()
            .map(|p| self.spanned(&p))
            .unwrap_or_else(|| Spanned::new(String::new(), span));
        FieldRef { decl, field }
    }

    fn claim(&mut self, pair: Pair<Rule>) -> Option<ClaimExpr> {
        let form = pair.into_inner().next()?;
        let rule = form.as_rule();
        let mut parts = form.into_inner();
        match rule {
            Rule::claim_same => Some(ClaimExpr::Same(self.cell_ref(parts.next()?))),
            Rule::claim_every => {
                let cells = self.cell_ref(parts.next()?);
                let test = parts.next()?;
                let operand = test.into_inner().next()?;
                if operand.as_rule() == Rule::clock {
                    let clock = if operand.as_str() == "24x7" {
                        Clock::Continuous
                    } else {
                        Clock::Business
                    };
                    let span = self.span(&operand);
                    Some(ClaimExpr::EveryRuns(cells, Spanned::new(clock, span)))
                } else {
                    Some(ClaimExpr::EveryIs(cells, self.operand(operand)))
                }
            }
            Rule::claim_is => {
                let subject = parts.next()?;
                let operand = self.operand(parts.next()?);
                if subject.as_rule() == Rule::cell_reference {
                    Some(ClaimExpr::CellIs(self.cell_ref(subject), operand))
                } else {
                    Some(ClaimExpr::FieldIs(self.field_ref(subject), operand))
                }
            }
            _ => None,
        }
    }

    fn operand(&mut self, pair: Pair<Rule>) -> Item {
        let span = self.span(&pair);
        let literal = match pair.into_inner().next() {
            Some(inner) => self.literal(inner),
            None => Literal::Invalid,
        };
        Item {
            literal,
            note: None,
            span,
        }
    }
}

/// The text between the delimiters of a string, prose block or note:
/// `quote` bytes cut at each end (the grammar puts them there).
fn enclosed(text: &str, quote: usize) -> &str {
    text.get(quote..text.len().saturating_sub(quote))
        .unwrap_or("")
}

fn parse_weekday(text: &str) -> chrono::Weekday {
    use chrono::Weekday::*;
    match text {
        "mon" => Mon,
        "tue" => Tue,
        "wed" => Wed,
        "thu" => Thu,
        "fri" => Fri,
        "sat" => Sat,
        _ => Sun,
    }
}

/// Removes the indentation common to all non-blank lines, and blank lines
/// at both ends; line endings become `\n`.
pub fn dedent(raw: &str) -> String {
    // The indentation of a line, or `None` when it is blank.
    fn indentation(line: &str) -> Option<usize> {
        let rest = line.trim_start();
        (!rest.trim_end().is_empty()).then(|| line.len() - rest.len())
    }
    // The lines without their line endings (a last empty line is blank,
    // and blank lines at the ends are dropped).
    let lines = || {
        let mut start = 0;
        memchr::memchr_iter(b'\n', raw.as_bytes())
            .chain([raw.len()])
            .map(move |end| {
                let line = raw.get(start..end).unwrap_or("");
                start = end + 1;
                line.trim_end_matches('\r')
            })
    };
    // First pass: the common indentation, and the first and last lines
    // that are not blank.
    let mut indent = usize::MAX;
    let mut first = None;
    let mut last = 0;
    for (n, line) in lines().enumerate() {
        if let Some(own) = indentation(line) {
            indent = indent.min(own);
            first.get_or_insert(n);
            last = n;
        }
    }
    let Some(first) = first else {
        return String::new();
    };
    let mut out = String::with_capacity(raw.len());
    for (n, line) in lines().enumerate().skip(first).take(last + 1 - first) {
        if n > first {
            out.push('\n');
        }
        if indentation(line).is_some() {
            out.push_str(line.get(indent..).unwrap_or(line.trim_start()).trim_end());
        }
    }
    out
}
