//! Inlay hints: each section's number before its title, as the document
//! numbers it, and after each interpolation in prose the text the document
//! writes for it ([`rendered`]). Only hints whose line is in the range
//! asked for are sent.

use super::position::Cursor;
use super::rendered;
use lsp_types::{InlayHint, InlayHintKind, InlayHintLabel, Range};
use policyc::Checked;

/// The hints of `text`, checked as `checked`, on the lines of `range`.
/// Positions are found in order with one [`Cursor`]: linear in the text
/// however many hints share a line.
pub fn hints(text: &str, checked: &Checked, range: Range) -> Vec<InlayHint> {
    let Some(policy) = checked.policy() else {
        return Vec::new();
    };
    // Where each hint goes, by byte offset, and what it says.
    enum Says<'p> {
        Section(String, bool),
        Interpolation(rendered::Written<'p>),
    }
    let mut at: Vec<(usize, Says<'_>)> = rendered::section_numbers(policy)
        .into_iter()
        .map(|(number, span, titled)| {
            let offset = if titled { span.start } else { span.end };
            (offset, Says::Section(number, titled))
        })
        .collect();
    let renderer = checked.valid().map(|valid| {
        at.extend(
            rendered::interpolations(policy, text)
                .into_iter()
                .map(|w| (w.span.end, Says::Interpolation(w))),
        );
        policyc::emit::markdown::ProseRenderer::new(valid)
    });
    at.sort_by_key(|(offset, _)| *offset);
    let mut cursor = Cursor::new(text);
    let mut out = Vec::new();
    for (offset, says) in at {
        let position = cursor.position(offset);
        if position.line < range.start.line {
            continue;
        }
        if position.line > range.end.line {
            break;
        }
        out.push(match says {
            Says::Section(number, titled) => {
                hint(position, number, InlayHintKind::TYPE, (!titled, titled))
            }
            Says::Interpolation(w) => {
                let Some(renderer) = &renderer else { continue };
                let label = rendered::interpolation(renderer, w.interpolation, w.span);
                hint(
                    position,
                    format!("= {label}"),
                    InlayHintKind::PARAMETER,
                    (true, false),
                )
            }
        });
    }
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
