//! Byte offsets (policyc's spans) to LSP positions and back. LSP columns
//! count UTF-16 code units, not bytes nor characters: `é` is one unit and
//! two bytes, `😀` two units and four bytes.

use lsp_types::{Position, Range};
use policyc::report::LineIndex;
use policyc::span::Span;

/// Where each line of a text starts (the diagnostics' own line index),
/// with columns in UTF-16 units.
pub struct Lines {
    index: LineIndex,
}

impl Lines {
    /// The lines of `text`.
    pub fn new(text: &str) -> Self {
        Lines {
            index: LineIndex::new(text),
        }
    }

    /// The position of byte `offset` (clamped to the text, and back to a
    /// character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.index.line(offset);
        let start = self.index.start(line).unwrap_or(0);
        let column: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(to_u32(line), to_u32(column))
    }

    /// The line of byte `offset` (clamped to the text), without its
    /// column: a binary search, whatever the line's length.
    pub fn line(&self, text: &str, offset: usize) -> u32 {
        to_u32(self.index.line(offset.min(text.len())))
    }

    /// The byte offset of `position` (a column past the line's end is its
    /// end; a line past the text's end is the text's end).
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(start) = self.index.start(position.line as usize) else {
            return text.len();
        };
        let end = self
            .index
            .start(position.line as usize + 1)
            .map_or(text.len(), |next| next - 1);
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            if units >= position.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }

    /// The range of `span`.
    pub fn range(&self, text: &str, span: Span) -> Range {
        Range::new(
            self.position(text, span.start),
            self.position(text, span.end),
        )
    }
}

/// Positions of increasing byte offsets, each found from the last: linear
/// in the text however many are asked for (a long line with many tokens
/// costs no more than its length).
pub struct Cursor<'t> {
    text: &'t str,
    offset: usize,
    line: u32,
    column: u32,
}

impl<'t> Cursor<'t> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'t str) -> Self {
        Cursor {
            text,
            offset: 0,
            line: 0,
            column: 0,
        }
    }

    /// The position of byte `offset`, at or after the last one asked
    /// (an earlier offset, or one inside a character, stays where it is).
    pub fn position(&mut self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        if offset > self.offset && self.text.is_char_boundary(offset) {
            for c in self.text[self.offset..offset].chars() {
                if c == '\n' {
                    self.line += 1;
                    self.column = 0;
                } else {
                    self.column += to_u32(c.len_utf16());
                }
            }
            self.offset = offset;
        }
        Position::new(self.line, self.column)
    }
}

/// The length of `text` in UTF-16 units.
pub fn utf16_len(text: &str) -> u32 {
    to_u32(text.chars().map(char::len_utf16).sum())
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        let text = "ab\n  \"Résumé 😀\" x\nlast";
        let lines = Lines::new(text);
        let x = text.find(" x").unwrap() + 1;
        // `  "Résumé 😀" ` is 2 + 1 + 6 + 1 + 2 + 1 + 1 = 14 units.
        assert_eq!(lines.position(text, x), Position::new(1, 14));
        assert_eq!(lines.offset(text, Position::new(1, 14)), x);
        let emoji = text.find('😀').unwrap();
        assert_eq!(lines.position(text, emoji), Position::new(1, 10));
        assert_eq!(lines.offset(text, Position::new(1, 10)), emoji);
        // Inside a character: back to its start.
        assert_eq!(lines.position(text, emoji + 1), Position::new(1, 10));
        // Past the end of a line: its end.
        assert_eq!(lines.offset(text, Position::new(0, 9)), 2);
        assert_eq!(lines.position(text, text.len()), Position::new(2, 4));
        assert_eq!(lines.offset(text, Position::new(7, 0)), text.len());
        // The cursor agrees with the line index, walking forward.
        let mut cursor = Cursor::new(text);
        for offset in [0, 3, emoji, x, text.len()] {
            assert_eq!(cursor.position(offset), lines.position(text, offset));
        }
        assert_eq!(utf16_len("Résumé 😀"), 9);
        for offset in [0, 2, 3, x, text.len(), text.len() + 5] {
            assert_eq!(lines.line(text, offset), lines.position(text, offset).line);
        }
    }
}
