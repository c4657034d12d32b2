//! Errors of generated id-set enums.

use std::fmt;

/// An id that names no member of a generated id set: what the generated
/// `FromStr` impls return, e.g. for `"gold".parse::<Tier>()`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UnknownId {
    /// The kind of id looked for, e.g. `tier`.
    pub kind: &'static str,
    /// The id as given.
    pub id: String,
}

impl UnknownId {
    /// Builds the error for `id` of `kind`.
    pub fn new(kind: &'static str, id: &str) -> UnknownId {
        UnknownId {
            kind,
            id: id.to_owned(),
        }
    }
}

impl fmt::Display for UnknownId {
    /// Formats as ``unknown tier `gold` ``.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}`", self.kind, self.id)
    }
}

impl std::error::Error for UnknownId {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display() {
        let error = UnknownId::new("tier", "gold");
        assert_eq!(error.to_string(), "unknown tier `gold`");
        assert_eq!(error.kind, "tier");
        assert_eq!(error.id, "gold");
    }
}
