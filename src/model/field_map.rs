//! A declaration's fields by name: a vector sorted by name. Most
//! declarations have a handful of fields, and a `BTreeMap` would give each
//! a node of eleven slots (about 2 KB with a [`Field`]): a policy of
//! thousands of small declarations held 30 times its size in memory.

use super::Field;

/// Fields by name, in the order of their names (as a `BTreeMap` iterates).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldMap {
    entries: Vec<(&'static str, Field)>,
}

impl FieldMap {
    /// An empty map with room for `n` fields, so that a declaration of one
    /// field holds one slot, not the four a growing vector starts with.
    pub fn with_capacity(n: usize) -> FieldMap {
        FieldMap {
            entries: Vec::with_capacity(n),
        }
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(n, _)| (*n).cmp(name))
    }

    /// The field named `name`.
    pub fn get(&self, name: &str) -> Option<&Field> {
        self.find(name).ok().map(|i| &self.entries[i].1)
    }

    /// The field named `name`, to change.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Field> {
        match self.find(name) {
            Ok(i) => Some(&mut self.entries[i].1),
            Err(_) => None,
        }
    }

    /// The field named `name`, with its name.
    pub fn get_key_value(&self, name: &str) -> Option<(&&'static str, &Field)> {
        self.find(name)
            .ok()
            .map(|i| (&self.entries[i].0, &self.entries[i].1))
    }

    /// Whether a field named `name` is there.
    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Sets the field `name`, returning the one it replaces.
    pub fn insert(&mut self, name: &'static str, field: Field) -> Option<Field> {
        match self.find(name) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, field)),
            Err(i) => {
                self.entries.insert(i, (name, field));
                None
            }
        }
    }

    /// The names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &&'static str> {
        self.entries.iter().map(|(n, _)| n)
    }

    /// The fields, in the order of their names.
    pub fn values(&self) -> impl Iterator<Item = &Field> {
        self.entries.iter().map(|(_, f)| f)
    }

    /// Names and fields, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&&'static str, &Field)> {
        self.entries.iter().map(|(n, f)| (n, f))
    }

    /// How many fields.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<'a> IntoIterator for &'a FieldMap {
    type Item = (&'a &'static str, &'a Field);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (&'static str, Field)>,
        fn(&'a (&'static str, Field)) -> (&'a &'static str, &'a Field),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(n, f)| (n, f))
    }
}

impl FromIterator<(&'static str, Field)> for FieldMap {
    fn from_iter<I: IntoIterator<Item = (&'static str, Field)>>(iter: I) -> Self {
        let mut map = FieldMap::default();
        for (name, field) in iter {
            map.insert(name, field);
        }
        map
    }
}
