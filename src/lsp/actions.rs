//! Quick fixes (code actions) for the diagnostics an editor sends back:
//! every "did you mean `x`?" help (an id, a field, a kind, a value, a unit:
//! the misspelt word replaced, inside its quotes for a quoted value), and
//! the `}` of a declaration left open (E010), inserted where indentation
//! shows the declaration ends, as the parser finds the declaration.

use super::position::Lines;
use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, Uri, WorkspaceEdit};
use std::collections::HashMap;

/// The quick fixes of `diagnostics` in `text`.
pub fn quick_fixes(
    uri: &Uri,
    text: &str,
    lines: &Lines,
    diagnostics: Vec<lsp_types::Diagnostic>,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    for diagnostic in diagnostics {
        // E010 is every syntax error; the one of a declaration left open
        // points at its `{`.
        let fix = if is_code(&diagnostic, "E010") {
            close_brace(text, lines, diagnostic.range.start)
                .or_else(|| replace_misspelt(text, lines, &diagnostic))
        } else {
            replace_misspelt(text, lines, &diagnostic)
        };
        let Some((title, edit)) = fix else {
            continue;
        };
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic]),
            edit: Some(WorkspaceEdit::new(HashMap::from([(
                uri.clone(),
                vec![edit],
            )]))),
            is_preferred: Some(true),
            ..CodeAction::default()
        }));
    }
    actions
}

fn is_code(diagnostic: &lsp_types::Diagnostic, code: &str) -> bool {
    matches!(&diagnostic.code, Some(lsp_types::NumberOrString::String(c)) if c == code)
}

/// The help's suggestion and, for "did you mean `x` instead of `y`?", the
/// word it replaces.
fn did_you_mean(message: &str) -> Option<(&str, Option<&str>)> {
    const START: &str = "did you mean `";
    let rest = &message[message.find(START)? + START.len()..];
    let end = rest.find('`')?;
    let suggested = &rest[..end];
    let after = &rest[end..];
    if after.starts_with("`?") {
        return Some((suggested, None));
    }
    let instead = after.strip_prefix("` instead of `")?;
    let word_end = instead.find("`?")?;
    Some((suggested, Some(&instead[..word_end])))
}

/// The misspelt word under the diagnostic replaced by the suggestion: the
/// whole range when it is one word (a note after it aside), the text
/// between its quotes when quoted, the word of the message that stands in
/// an interpolation (labelled whole), or the word the help names on the
/// range's line (a syntax error is found after the misspelt unit).
fn replace_misspelt(
    text: &str,
    lines: &Lines,
    diagnostic: &lsp_types::Diagnostic,
) -> Option<(String, TextEdit)> {
    let (suggested, instead) = did_you_mean(&diagnostic.message)?;
    let start = lines.offset(text, diagnostic.range.start);
    let end = lines.offset(text, diagnostic.range.end).max(start);
    let written = text.get(start..end)?;
    if written.contains('\n') {
        return None;
    }
    let (start, from, word) = match instead {
        Some(word) => {
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line = &text[line_start..line_end(text, start)];
            (line_start, whole_word(line, word)?, word)
        }
        // An interpolation is labelled whole: the misspelt word is the
        // last word in backticks of the message that stands in it.
        None if written.starts_with('{') && written.ends_with('}') => {
            let said = diagnostic.message.split("\nhelp:").next().unwrap_or("");
            said.split('`')
                .skip(1)
                .step_by(2)
                .filter(|w| *w != suggested)
                .filter_map(|w| Some((start, whole_word(written, w)?, w)))
                .last()?
        }
        None => {
            let word = written.split_whitespace().next()?;
            let from = written.find(word)?;
            let rest = written[from + word.len()..].trim_start();
            if !(rest.is_empty() || rest.starts_with('(')) {
                return None;
            }
            match word.strip_prefix('"').and_then(|w| w.strip_suffix('"')) {
                Some(inner) => (start, from + 1, inner),
                None => (start, from, word),
            }
        }
    };
    if word == suggested || word.is_empty() {
        return None;
    }
    let at = start + from;
    let range = lines.range(text, policyc::span::Span::new(at, at + word.len()));
    Some((
        format!("Replace `{word}` with `{suggested}`"),
        TextEdit::new(range, suggested.to_owned()),
    ))
}

/// Where `word` stands alone in `text`.
fn whole_word(text: &str, word: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        !text[..i].chars().next_back().is_some_and(is_word)
            && !text[i + word.len()..].chars().next().is_some_and(is_word)
    })
}

/// The `}` of the declaration whose `{` is at `brace`: on a line of its
/// own at the declaration's indentation, after the last line of its body
/// (the first line at that indentation or less that is not its `}` ends
/// the body, as the parser's E010 reads it; prose lines are body).
fn close_brace(
    text: &str,
    lines: &Lines,
    brace: lsp_types::Position,
) -> Option<(String, TextEdit)> {
    let at = lines.offset(text, brace);
    if text.as_bytes().get(at) != Some(&b'{') {
        return None;
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let head = &text[line_start..at];
    let indent = head.len() - head.trim_start_matches([' ', '\t']).len();
    let mut words = head.split_whitespace();
    let (kind, id) = (words.next()?, words.next()?);
    let mut last = trim_cr(text, line_end(text, at));
    let next_line = (line_end(text, at) + 1).min(text.len());
    for line in policyc::parse::code_lines(text, next_line) {
        if !line.prose && line.indent <= indent {
            break;
        }
        last = trim_cr(text, line.end);
    }
    let position = lines.position(text, last);
    let edit = TextEdit::new(
        lsp_types::Range::new(position, position),
        format!("\n{}}}", &head[..indent]),
    );
    Some((format!("Close `{kind} {id}` with `}}`"), edit))
}

/// The offset of the `\n` ending the line at `from`, or the text's end.
fn line_end(text: &str, from: usize) -> usize {
    text[from.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| from + i)
}

/// `end` (a line's end), less a `\r` before it.
fn trim_cr(text: &str, end: usize) -> usize {
    if end > 0 && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::Position;

    fn fixed(text: &str, edit: &TextEdit) -> String {
        let lines = Lines::new(text);
        let start = lines.offset(text, edit.range.start);
        let end = lines.offset(text, edit.range.end);
        let mut out = text.to_owned();
        out.replace_range(start..end, &edit.new_text);
        out
    }

    #[test]
    fn the_brace_goes_after_the_body() {
        let text = "section a \"A\" {\n    tier b \"B\" {\n        rank: 1\n        \"\"\"\nx\n        \"\"\"\n\n    # of c\n    tier c \"C\" {\n    }\n}\n";
        let lines = Lines::new(text);
        let (title, edit) = close_brace(text, &lines, Position::new(1, 15)).unwrap();
        assert_eq!(title, "Close `tier b` with `}`");
        assert_eq!(
            fixed(text, &edit),
            "section a \"A\" {\n    tier b \"B\" {\n        rank: 1\n        \"\"\"\nx\n        \"\"\"\n    }\n\n    # of c\n    tier c \"C\" {\n    }\n}\n"
        );
        // At the end of the file.
        let text = "tier a \"A\" {\n    rank: 1\n";
        let lines = Lines::new(text);
        let (_, edit) = close_brace(text, &lines, Position::new(0, 11)).unwrap();
        assert_eq!(fixed(text, &edit), "tier a \"A\" {\n    rank: 1\n}\n");
        // Not at a brace: nothing.
        assert!(close_brace(text, &lines, Position::new(0, 2)).is_none());
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean("x\nhelp: did you mean `rank`?"),
            Some(("rank", None))
        );
        assert_eq!(
            did_you_mean("help: did you mean `hours` instead of `hour`?"),
            Some(("hours", Some("hour")))
        );
        assert_eq!(did_you_mean("help: add `}`"), None);
        assert_eq!(whole_word("4 hourly hour", "hour"), Some(9));
    }
}
