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

/// Whether two titles are the same without regard to case (Unicode
/// lowercase, character by character): `"advanced"` is `"Advanced"`.
pub fn same_title(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// The member of `all` whose title, given by `title`, is `text` without
/// regard to case: what a generated `FromStr` falls back on when `text` is
/// no id. The error names `kind`.
///
/// ```
/// use policyc_runtime::ids::by_title;
/// #[derive(Clone, Copy, Debug, PartialEq)]
/// enum Tier { Community, Advanced }
/// fn title(tier: Tier) -> &'static str {
///     match tier { Tier::Community => "Community", Tier::Advanced => "Advanced" }
/// }
/// let all = [Tier::Community, Tier::Advanced];
/// assert_eq!(by_title(&all, title, "tier", "ADVANCED"), Ok(Tier::Advanced));
/// assert!(by_title(&all, title, "tier", "gold").is_err());
/// ```
///
/// # Errors
///
/// [`UnknownId`] when no member has that title.
pub fn by_title<T: Copy>(
    all: &[T],
    title: fn(T) -> &'static str,
    kind: &'static str,
    text: &str,
) -> Result<T, UnknownId> {
    all.iter()
        .copied()
        .find(|member| same_title(title(*member), text))
        .ok_or_else(|| UnknownId::new(kind, text))
}

/// Deserializes a generated enum from a string through its `FromStr` (its
/// id, or its title without regard to case); used by [`crate::serde_ids`].
///
/// # Errors
///
/// The deserializer's error, or an unknown id.
#[cfg(feature = "serde")]
pub fn deserialize_id<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: std::str::FromStr<Err = UnknownId>,
{
    struct Id<T>(std::marker::PhantomData<T>);
    impl<T: std::str::FromStr<Err = UnknownId>> serde::de::Visitor<'_> for Id<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an id as written in the policy")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
            text.parse().map_err(E::custom)
        }
    }
    deserializer.deserialize_str(Id(std::marker::PhantomData))
}

/// `Serialize` and `Deserialize` for generated enums, as their ids, when
/// this crate's `serde` feature is on; nothing when it is off. Generated
/// code calls it after each enum (`::policyc_runtime::serde_ids!(Tier);`),
/// so it compiles either way and the crate that includes it declares no
/// feature of its own. The type must have `id()` and a `FromStr` whose
/// error is [`UnknownId`].
#[cfg(feature = "serde")]
#[macro_export]
macro_rules! serde_ids {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::serde::Serialize for $ty {
            fn serialize<S: $crate::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }
        impl<'de> $crate::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::ids::deserialize_id(deserializer)
            }
        }
    )*};
}

/// `Serialize` and `Deserialize` for generated enums, as their ids, when
/// this crate's `serde` feature is on; nothing when it is off (as now).
#[cfg(not(feature = "serde"))]
#[macro_export]
macro_rules! serde_ids {
    ($($ty:ty),* $(,)?) => {};
}

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

    #[test]
    fn titles_without_regard_to_case() {
        assert!(same_title("Advanced", "aDVANCED"));
        assert!(same_title("Självbetjäning", "SJÄLVBETJÄNING"));
        assert!(!same_title("Advanced", "Advance"));
    }
}
