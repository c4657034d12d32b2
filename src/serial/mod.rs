//! The `policyc/1` interchange format: the serialization tree ([`tree`]),
//! separate from the model, its reader ([`read`]) and its JSON Schema
//! ([`json_schema`]). The emitters write the tree (`crate::emit::json`,
//! `crate::emit::yaml`); everything that reads JSON reads it here.

pub mod json_schema;
pub mod read;
pub mod tree;

pub use json_schema::{schema, SCHEMA_ID};
pub use read::{read, ReadError};
