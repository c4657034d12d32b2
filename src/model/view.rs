//! Typed access to the model: a view per kind of declaration, with a method
//! per field that returns the field's value in its schema type.
//!
//! The views are generated from the schema table ([`crate::schema`]), so a
//! field is named once. `TierDecl::of(decl)` views a declaration of that
//! kind; [`Policy::all`] iterates the declarations of one kind as views.
//! A view dereferences to its [`Decl`], for its id, title and spans.
//!
//! Every accessor returns what the model holds: `None` (or an empty list)
//! where the field is absent, even a required one, so the views serve
//! models with errors too (the checks run on those).

use super::{Decl, Field, Policy, Value};
use crate::schema::{schema_table, Kind};
use crate::span::Spanned;

/// A declaration seen as its kind.
pub trait View<'p>: Copy + std::ops::Deref<Target = Decl> {
    /// The kind it views.
    const KIND: Kind;
    /// The declaration as this view, if it is of the view's kind.
    fn of(decl: &'p Decl) -> Option<Self>;
    /// The declaration.
    fn decl(self) -> &'p Decl;
}

impl Policy {
    /// Every declaration of one kind, as views, in document order.
    pub fn all<'p, V: View<'p> + 'p>(&'p self) -> impl Iterator<Item = V> + 'p {
        self.decls.iter().filter_map(V::of)
    }

    /// The declaration `id` as a view, if it is of the view's kind.
    pub fn find<'p, V: View<'p>>(&'p self, id: &str) -> Option<V> {
        self.get(id).and_then(V::of)
    }
}

/// A list of references: ids with where each was written.
#[derive(Clone, Copy, Debug, Default)]
pub struct Ids<'p>(&'p [Spanned<String>]);

impl<'p> Ids<'p> {
    /// The ids, in written order.
    pub fn iter(self) -> impl DoubleEndedIterator<Item = &'p str> + ExactSizeIterator {
        self.0.iter().map(Spanned::as_str)
    }

    /// The ids with their spans.
    pub fn spanned(self) -> &'p [Spanned<String>] {
        self.0
    }

    /// Whether `id` is listed.
    pub fn contains(self, id: &str) -> bool {
        self.0.iter().any(|s| s.as_str() == id)
    }

    /// Whether the list is empty (or absent).
    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }

    /// How many ids are listed.
    pub fn len(self) -> usize {
        self.0.len()
    }

    /// The first id.
    pub fn first(self) -> Option<&'p str> {
        self.0.first().map(Spanned::as_str)
    }
}

/// How a value of one schema type reads through an accessor. One marker
/// type per [`crate::schema::Type`], named the same.
pub trait Access<'p> {
    /// What the accessor returns.
    type Out;
    /// The value of a field of this type (`None` when absent).
    fn get(value: Option<&'p Value>) -> Self::Out;
}

/// Marker types, one per schema type.
pub mod access {
    use super::{Access, Ids, Value};
    use crate::{ast, model, schema, span::Spanned};
    use chrono::{DateTime, FixedOffset, NaiveDate};

    macro_rules! access {
        ($( $ty:ident => $out:ty, |$v:ident| $get:expr; )*) => {$(
            #[doc = concat!("Reads a `", stringify!($ty), "` field.")]
            #[derive(Clone, Copy, Debug)]
            pub struct $ty;
            impl<'p> Access<'p> for $ty {
                type Out = $out;
                fn get(value: Option<&'p Value>) -> $out {
                    #[allow(clippy::redundant_closure_call)]
                    (|$v: Option<&'p Value>| $get)(value)
                }
            }
        )*};
    }

    access! {
        Text => Option<&'p str>, |v| match v { Some(Value::Text(t)) => Some(t.as_str()), _ => None };
        Prose => Option<&'p Value>, |v| v.filter(|v| matches!(v, Value::Text(_) | Value::Prose(_)));
        Texts => Option<&'p [String]>, |v| match v { Some(Value::Texts(t)) => Some(t.as_slice()), _ => None };
        Number => Option<&'p str>, |v| match v { Some(Value::Number(n)) => Some(n.as_str()), _ => None };
        Version => Option<&'p str>, |v| match v { Some(Value::Version(n)) => Some(n.as_str()), _ => None };
        Count => Option<u64>, |v| match v { Some(Value::Count(n)) => Some(*n), _ => None };
        Date => Option<NaiveDate>, |v| match v { Some(Value::Date(d)) => Some(*d), _ => None };
        DateOrMonth => Option<&'p Value>, |v| v.filter(|v| matches!(v, Value::Date(_) | Value::Month(..)));
        Range => Option<(u64, u64)>, |v| match v { Some(Value::Range(a, b)) => Some((*a, *b)), _ => None };
        Money => Option<&'p ast::Money>, |v| match v { Some(Value::Money(m)) => Some(m), _ => None };
        Duration => Option<u64>, |v| match v { Some(Value::Duration(m)) => Some(*m), _ => None };
        Period => Option<ast::Period>, |v| match v { Some(Value::Period(p)) => Some(*p), _ => None };
        YesNo => Option<bool>, |v| match v { Some(Value::Bool(b)) => Some(*b), _ => None };
        Incidents => Option<model::Incidents>, |v| match v { Some(Value::Incidents(i)) => Some(*i), _ => None };
        Target => Option<model::ResponseTarget>, |v| match v { Some(Value::Target(t)) => Some(t.clone()), _ => None };
        Hours => Option<&'p model::Hours>, |v| match v { Some(Value::Hours(h)) => Some(h), _ => None };
        Ref => Option<&'p Spanned<String>>, |v| match v { Some(Value::Ref(r)) => Some(r), _ => None };
        Refs => Ids<'p>, |v| match v { Some(Value::Refs(ids)) => Ids(ids.as_slice()), _ => Ids(&[]) };
        KindName => Option<schema::Kind>, |v| match v { Some(Value::Kind(k)) => Some(*k), _ => None };
        CellType => Option<schema::CellType>, |v| match v { Some(Value::CellType(c)) => Some(*c), _ => None };
        Weekly => Option<&'p [ast::WeeklyHours]>, |v| match v { Some(Value::Weekly(w)) => Some(w.as_slice()), _ => None };
        Dates => Option<&'p [NaiveDate]>, |v| match v { Some(Value::Dates(d)) => Some(d.as_slice()), _ => None };
        Holiday => Option<&'p ast::HolidayRule>, |v| match v { Some(Value::Holiday(h)) => Some(h), _ => None };
        Claim => Option<&'p model::Claim>, |v| match v { Some(Value::Claim(c)) => Some(&**c), _ => None };
        Zone => Option<&'p str>, |v| match v { Some(Value::Zone(z)) => Some(z.as_str()), _ => None };
        Cell => Option<&'p Value>, |v| v;
        FieldNames => Ids<'p>, |v| match v { Some(Value::FieldNames(ids)) => Ids(ids.as_slice()), _ => Ids(&[]) };
        Instant => Option<DateTime<FixedOffset>>, |v| match v { Some(Value::Instant(i)) => Some(*i), _ => None };
        LabelOf => Option<&'p str>, |v| match v { Some(Value::Text(t)) => Some(t.as_str()), _ => None };
        Start => Option<&'p str>, |v| match v { Some(Value::Text(t)) => Some(t.as_str()), _ => None };
        Role => Option<schema::Role>, |v| match v { Some(Value::Role(r)) => Some(*r), _ => None };
        Observance => Option<schema::Observance>, |v| match v { Some(Value::Observance(o)) => Some(*o), _ => None };
    }
}

/// The views, from the schema table.
macro_rules! views {
    ($(
        $kind:ident $view:ident $module:ident {
            $( $konst:ident $method:ident $name:literal : $req:ident $ty:ident $( ( $($to:ident)|+ ) )?, $label:literal; )*
        }
    )*) => {$(
        #[doc = concat!("A `", stringify!($module), "` declaration, with a typed accessor per field.")]
        #[derive(Clone, Copy, Debug)]
        pub struct $view<'p>(&'p Decl);

        impl<'p> View<'p> for $view<'p> {
            const KIND: Kind = Kind::$kind;
            fn of(decl: &'p Decl) -> Option<Self> {
                (decl.kind == Kind::$kind).then_some($view(decl))
            }
            fn decl(self) -> &'p Decl {
                self.0
            }
        }

        impl std::ops::Deref for $view<'_> {
            type Target = Decl;
            fn deref(&self) -> &Decl {
                self.0
            }
        }

        impl<'p> $view<'p> {
            $(
                #[doc = concat!("`", $name, "`: ", $label, ".")]
                pub fn $method(self) -> <access::$ty as Access<'p>>::Out {
                    <access::$ty as Access<'p>>::get(self.0.value($name))
                }
            )*
        }
    )*};
}

schema_table!(views);

impl<'p> ExampleDecl<'p> {
    /// The value an example expects for `outcome`, if it states one.
    pub fn expects(self, outcome: crate::schema::Outcome) -> Option<&'p Value> {
        self.0.value(outcome.name())
    }

    /// The field stating `outcome`.
    pub fn expectation(self, outcome: crate::schema::Outcome) -> Option<&'p Field> {
        self.0.field(outcome.name())
    }
}

impl<'p> GridDecl<'p> {
    /// The value at a row and column: the cell written there, else the
    /// grid's `otherwise`.
    pub fn value_at(self, row: &str, column: &str) -> Option<&'p Value> {
        match self.0.grid.as_ref().and_then(|g| g.cell(row, column)) {
            Some(cell) => Some(&cell.value),
            None => self.otherwise(),
        }
    }
}
