//! Semantic tokens of a whole document: what each word is, for the
//! editor's colours. A scanner reads the text once (comments, strings,
//! prose blocks, notes, numbers, words, punctuation), and the [`Index`]
//! says what each word is: a kind keyword, a field name, an id declared
//! or used. Tokens never span a line (a prose block is one string token
//! per line, its interpolations carved out), never overlap, and are
//! encoded relative to the one before, in UTF-16 columns ([`Cursor`]).

use super::index::Index;
use super::position::{utf16_len, Cursor};
use lsp_types::{SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokensLegend};
use policyc::ast::Keyword;
use std::collections::HashMap;

/// The token types, in the legend's order (a token's type is its index).
const TYPES: [SemanticTokenType; 9] = [
    SemanticTokenType::KEYWORD,
    SemanticTokenType::CLASS,
    SemanticTokenType::VARIABLE,
    SemanticTokenType::PROPERTY,
    SemanticTokenType::STRING,
    SemanticTokenType::NUMBER,
    SemanticTokenType::COMMENT,
    SemanticTokenType::OPERATOR,
    SemanticTokenType::ENUM_MEMBER,
];

/// What a token is: an index into [`TYPES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// A kind (`tier`) or a word of a claim (`same`, `every`, `is`, `runs`).
    Keyword = 0,
    /// An id where it is declared (with the `declaration` modifier).
    Declared = 1,
    /// An id where it is used.
    Id = 2,
    /// A field name, or the field of `{id.field}` and `id.field`.
    Field = 3,
    /// A title, text, a note or a line of prose.
    Text = 4,
    /// A number, a date, a time, a version.
    Number = 5,
    /// A `#` comment.
    Comment = 6,
    /// `{ } [ ] | : , .`.
    Punctuation = 7,
    /// A word with a fixed meaning: `yes`, `n/a`, `24x7`, `best-effort`.
    Value = 8,
}

/// The words of a claim.
const CLAIM_WORDS: [&str; 4] = ["same", "every", "is", "runs"];

/// The legend the server announces.
pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: vec![SemanticTokenModifier::DECLARATION],
    }
}

/// The tokens of `text`, whose index is `index`, encoded.
pub fn tokens(text: &str, index: &Index) -> Vec<SemanticToken> {
    tokens_in(text, index, 0..=u32::MAX)
}

/// The tokens of `text` on the lines `lines` (0-based, inclusive), encoded
/// from the start of the text as the protocol wants for a range.
pub fn tokens_in(
    text: &str,
    index: &Index,
    lines: std::ops::RangeInclusive<u32>,
) -> Vec<SemanticToken> {
    let mut words: HashMap<usize, Class> = HashMap::new();
    for (_, field, span) in &index.keywords {
        let class = if field.is_some() {
            Class::Field
        } else {
            Class::Keyword
        };
        words.insert(span.start, class);
    }
    for (_, span) in &index.uses {
        words.insert(span.start, Class::Id);
    }
    for def in &index.defs {
        words.insert(def.span.start, Class::Declared);
    }
    let mut scan = Scanner {
        text,
        out: Vec::new(),
    };
    scan.run(&words);
    encode(text, &scan.out, lines)
}

struct Scanner<'t> {
    text: &'t str,
    /// `(start, end, class)` in bytes, in order, each within one line.
    out: Vec<(usize, usize, Class)>,
}

impl Scanner<'_> {
    fn push(&mut self, start: usize, end: usize, class: Class) {
        if start < end {
            self.out.push((start, end, class));
        }
    }

    fn run(&mut self, words: &HashMap<usize, Class>) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            match b {
                b'#' => {
                    let end = line_end(bytes, i);
                    self.push(i, trim_cr(bytes, i, end), Class::Comment);
                    i = end;
                }
                b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                    let end = find(bytes, b"\"\"\"", i + 3).map_or(bytes.len(), |e| e + 3);
                    self.prose(i, end);
                    i = end;
                }
                b'"' => {
                    let mut j = i + 1;
                    while j < bytes.len() && bytes[j] != b'"' && bytes[j] != b'\n' {
                        j += if bytes[j] == b'\\' && bytes.get(j + 1) != Some(&b'\n') {
                            2
                        } else {
                            1
                        };
                    }
                    let end = if bytes.get(j) == Some(&b'"') {
                        j + 1
                    } else {
                        j.min(bytes.len())
                    };
                    self.push(i, trim_cr(bytes, i, end), Class::Text);
                    i = end;
                }
                b'(' => {
                    let stop = trim_cr(bytes, i, line_end(bytes, i));
                    let end = bytes[i..stop]
                        .iter()
                        .position(|&c| c == b')')
                        .map_or(stop, |p| i + p + 1);
                    self.push(i, end, Class::Text);
                    i = end;
                }
                b'0'..=b'9' => {
                    let mut j = i;
                    while j < bytes.len()
                        && (bytes[j].is_ascii_digit() || b".:-x".contains(&bytes[j]))
                    {
                        j += 1;
                    }
                    let class = if &self.text[i..j] == "24x7" {
                        Class::Value
                    } else {
                        Class::Number
                    };
                    self.push(i, j, class);
                    i = j;
                }
                b'a'..=b'z' | b'A'..=b'Z' => {
                    let mut j = i;
                    while j < bytes.len() && is_word_byte(bytes[j]) {
                        j += 1;
                    }
                    // `n/a` is one word.
                    if &self.text[i..j] == "n" && bytes[j..].starts_with(b"/a") {
                        j += 2;
                    }
                    let word = &self.text[i..j];
                    let after_dot = i > 0 && bytes[i - 1] == b'.';
                    let class = match words.get(&i) {
                        Some(class) => Some(*class),
                        None if after_dot => Some(Class::Field),
                        None if Keyword::parse(word).is_some() => Some(Class::Value),
                        None if CLAIM_WORDS.contains(&word) => Some(Class::Keyword),
                        None => None,
                    };
                    if let Some(class) = class {
                        self.push(i, j, class);
                    }
                    i = j;
                }
                b'{' | b'}' | b'[' | b']' | b'|' | b':' | b',' | b'.' => {
                    self.push(i, i + 1, Class::Punctuation);
                    i += 1;
                }
                _ => i += 1,
            }
        }
    }

    /// A prose block `start..end` with its quotes: a string token per line,
    /// an interpolation's ids, fields and punctuation apart.
    fn prose(&mut self, start: usize, end: usize) {
        let bytes = self.text.as_bytes();
        let mut line_start = start;
        while line_start < end {
            let stop = line_end(bytes, line_start).min(end);
            // The indentation is no part of the text.
            let mut i = line_start;
            while i < stop && (bytes[i] == b' ' || bytes[i] == b'\t') {
                i += 1;
            }
            let mut text_from = i;
            while i < stop {
                if bytes[i] == b'{' {
                    if let Some(close) = bytes[i + 1..stop]
                        .iter()
                        .position(|&c| c == b'}' || c == b'{')
                        .map(|p| i + 1 + p)
                        .filter(|&c| bytes[c] == b'}')
                    {
                        self.push(text_from, i, Class::Text);
                        self.interpolation(i, close + 1);
                        i = close + 1;
                        text_from = i;
                        continue;
                    }
                }
                i += 1;
            }
            self.push(text_from, trim_cr(bytes, text_from, stop), Class::Text);
            line_start = stop + 1;
        }
    }

    /// `{id}`, `{id.field}`, `{grid[row, column]}`.
    fn interpolation(&mut self, start: usize, end: usize) {
        let bytes = self.text.as_bytes();
        let mut i = start;
        while i < end {
            if is_word_byte(bytes[i]) {
                let mut j = i;
                while j < end && is_word_byte(bytes[j]) {
                    j += 1;
                }
                let class = if bytes[i - 1] == b'.' {
                    Class::Field
                } else {
                    Class::Id
                };
                self.push(i, j, class);
                i = j;
            } else {
                if !bytes[i].is_ascii_whitespace() {
                    let len = self.text[i..].chars().next().map_or(1, char::len_utf8);
                    self.push(i, i + len, Class::Punctuation);
                    i += len;
                    continue;
                }
                i += 1;
            }
        }
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// The offset of the `\n` ending the line at `from`, or the text's end.
fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

/// `end`, less a `\r` before it.
fn trim_cr(bytes: &[u8], start: usize, end: usize) -> usize {
    if end > start && bytes[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Tokens in order, each relative to the one before: its line, and its
/// column from the start of the line or the last token's start.
fn encode(
    text: &str,
    tokens: &[(usize, usize, Class)],
    lines: std::ops::RangeInclusive<u32>,
) -> Vec<SemanticToken> {
    let mut cursor = Cursor::new(text);
    let mut out = Vec::with_capacity(tokens.len());
    let (mut line, mut column) = (0, 0);
    for &(start, end, class) in tokens {
        let Some(written) = text.get(start..end) else {
            continue;
        };
        let at = cursor.position(start);
        if at.line > *lines.end() {
            break;
        }
        if at.line < *lines.start() {
            continue;
        }
        let delta_line = at.line - line;
        let delta_start = if delta_line == 0 {
            at.character - column
        } else {
            at.character
        };
        out.push(SemanticToken {
            delta_line,
            delta_start,
            length: utf16_len(written),
            token_type: class as u32,
            token_modifiers_bitset: u32::from(class == Class::Declared),
        });
        (line, column) = (at.line, at.character);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens back as `(line, column, length, type)`, absolute.
    fn decode(tokens: &[SemanticToken]) -> Vec<(u32, u32, u32, u32)> {
        let (mut line, mut column) = (0, 0);
        tokens
            .iter()
            .map(|t| {
                if t.delta_line > 0 {
                    column = 0;
                }
                line += t.delta_line;
                column += t.delta_start;
                (line, column, t.length, t.token_type)
            })
            .collect()
    }

    #[test]
    fn words_strings_and_prose() {
        let text = "# A café ☕\ntier gold \"Gold ★\" {\n    rank: 1 # first\n    \"\"\"\n    Été: {gold.rank}\n    \"\"\"\n}\n";
        let parsed = policyc::parse::parse(text);
        let index = Index::new(text, &parsed.file);
        let got = decode(&tokens(text, &index));
        // By hand: `# A café ☕` is 10 units; `"Gold ★"` 8; `Été: ` 5.
        assert_eq!(
            got,
            [
                (0, 0, 10, Class::Comment as u32),
                (1, 0, 4, Class::Keyword as u32),
                (1, 5, 4, Class::Declared as u32),
                (1, 10, 8, Class::Text as u32),
                (1, 19, 1, Class::Punctuation as u32),
                (2, 4, 4, Class::Field as u32),
                (2, 8, 1, Class::Punctuation as u32),
                (2, 10, 1, Class::Number as u32),
                (2, 12, 7, Class::Comment as u32),
                (3, 4, 3, Class::Text as u32),
                (4, 4, 5, Class::Text as u32),
                (4, 9, 1, Class::Punctuation as u32),
                (4, 10, 4, Class::Id as u32),
                (4, 14, 1, Class::Punctuation as u32),
                (4, 15, 4, Class::Field as u32),
                (4, 19, 1, Class::Punctuation as u32),
                (5, 4, 3, Class::Text as u32),
                (6, 0, 1, Class::Punctuation as u32),
            ]
        );
        let declared = tokens(text, &index)
            .iter()
            .filter(|t| t.token_modifiers_bitset == 1)
            .count();
        assert_eq!(declared, 1);
        // Lines 2 to 4 only, still relative to the start of the text.
        let range = decode(&tokens_in(text, &index, 2..=4));
        assert_eq!(range, got[5..16]);
    }

    #[test]
    fn unclosed_text_and_prose_end_at_the_line_or_file() {
        for text in [
            "tier a \"open\n",
            "x \"\"\"\nnever {closed\n",
            "(note",
            "\"\\",
        ] {
            let parsed = policyc::parse::parse(text);
            let index = Index::new(text, &parsed.file);
            let got = decode(&tokens(text, &index));
            for (line, column, length, _) in got {
                let line = text.split('\n').nth(line as usize).unwrap();
                assert!(column + length <= utf16_len(line), "{text:?}");
            }
        }
    }
}
