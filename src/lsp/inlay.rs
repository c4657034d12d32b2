//! Inlay hints: each section's number before its title, as the document
//! numbers it, and after each interpolation in prose the text the document
//! writes for it ([`rendered`]). Only hints whose line is in the range
//! asked for are sent.

use super::position::Lines;
use super::rendered;
use lsp_types::{InlayHint, InlayHintKind, InlayHintLabel, Range};
use policyc::Checked;

/// The hints of `text`, checked as `checked`, on the lines of `range`.
pub fn hints(text: &str, checked: &Checked, lines: &Lines, range: Range) -> Vec<InlayHint> {
    let Some(policy) = checked.policy() else {
        return Vec::new();
    };
    let within = |line: u32| range.start.line <= line && line <= range.end.line;
    let mut out = Vec::new();
    for (number, span, titled) in rendered::section_numbers(policy) {
        let position = if titled {
            lines.position(text, span.start)
        } else {
            lines.position(text, span.end)
        };
        if within(position.line) {
            out.push(hint(
                position,
                number,
                InlayHintKind::TYPE,
                (!titled, titled),
            ));
        }
    }
    if let Some(valid) = checked.valid() {
        let renderer = policyc::emit::markdown::ProseRenderer::new(valid);
        let mut written = rendered::interpolations(policy, text);
        written.sort_by_key(|w| w.span.key());
        for w in written {
            let position = lines.position(text, w.span.end);
            if within(position.line) {
                let label = rendered::interpolation(&renderer, w.interpolation, w.span);
                out.push(hint(
                    position,
                    format!("= {label}"),
                    InlayHintKind::PARAMETER,
                    (true, false),
                ));
            }
        }
    }
    out.sort_by_key(|h| (h.position.line, h.position.character));
    out
}

fn hint(
    position: lsp_types::Position,
    label: String,
    kind: InlayHintKind,
    (left, right): (bool, bool),
) -> InlayHint {
    InlayHint {
        position,
        label: InlayHintLabel::String(label),
        kind: Some(kind),
        text_edits: None,
        tooltip: None,
        padding_left: Some(left),
        padding_right: Some(right),
        data: None,
    }
}
