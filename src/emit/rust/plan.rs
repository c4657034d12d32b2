//! The plan: every item the generated code holds, named and typed before
//! any of it is printed.
//!
//! Names are claimed in one order, the order the items are written in, so
//! that a clash always gets the same suffix (`Names::claim`): enums and
//! their variants (one namespace per enum), field methods (one per enum),
//! and one namespace for everything else: the header constants (reserved),
//! calendar statics, grid functions, constants of rules and grids, then
//! the entitlement functions with the constants of billing terms.

use super::calendars::tz_variant;
use super::consts::{self, DeclConst, HeaderConst};
use super::entitlement::Entitlements;
use super::enums::{self, FieldMethod};
use super::grids::{self, GridFn, GridItem};
use super::names::{screaming, Names};
use crate::facts::calendars::CalendarFacts;
use crate::facts::Valid;
use crate::model::view::{CalendarDecl, View};
use crate::model::{Decl, Policy};
use crate::schema::Kind;
use std::collections::HashMap;

/// What the generated code holds, in the order it is written.
#[derive(Debug)]
pub struct Plan<'p> {
    /// The model.
    pub policy: &'p Policy,
    /// What the policy means.
    pub facts: &'p Valid,
    /// The header constants.
    pub header: Vec<HeaderConst>,
    /// An enum per kind with declarations, in [`Kind::ALL`] order.
    pub sets: Vec<IdSet<'p>>,
    /// A static per calendar.
    pub calendars: Vec<CalendarItem<'p>>,
    /// A function per grid.
    pub grids: Vec<GridItem<'p>>,
    /// The constants of rules and grids.
    pub consts: Vec<DeclConst<'p>>,
    /// The entitlement functions.
    pub entitlements: Entitlements<'p>,
    /// The lifecycle functions, where the policy declares releases.
    pub lifecycle: Option<super::lifecycle::LifecycleItem>,
}

/// An id set: the declarations of a kind, as an enum.
#[derive(Debug)]
pub struct IdSet<'p> {
    /// The kind.
    pub kind: Kind,
    /// The enum's name, e.g. `Tier`.
    pub name: String,
    /// The declarations, in document order.
    pub decls: Vec<&'p Decl>,
    /// The variant of each declaration.
    pub variants: Vec<String>,
    /// A `const fn` per field the declarations hold.
    pub methods: Vec<FieldMethod>,
    by_id: HashMap<&'p str, usize>,
}

impl<'p> IdSet<'p> {
    /// The set of `kind`'s declarations, with their variants.
    pub fn new(kind: Kind, name: String, decls: Vec<&'p Decl>, variants: Vec<String>) -> Self {
        let by_id = decls
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        IdSet {
            kind,
            name,
            decls,
            variants,
            methods: Vec::new(),
            by_id,
        }
    }

    /// The variant's path for the declaration `id`, e.g. `Tier::Enterprise`.
    pub fn path(&self, id: &str) -> Option<String> {
        let variant = self.variants.get(*self.by_id.get(id)?)?;
        Some(format!("{}::{variant}", self.name))
    }

    /// The declarations with their variants' paths.
    pub fn paths(&self) -> impl Iterator<Item = (&'p Decl, String)> + '_ {
        self.decls
            .iter()
            .zip(&self.variants)
            .map(|(d, v)| (*d, format!("{}::{v}", self.name)))
    }
}

/// A calendar and its static.
#[derive(Debug)]
pub struct CalendarItem<'p> {
    /// The declaration.
    pub decl: CalendarDecl<'p>,
    /// The calendar as the runtime runs it.
    pub facts: &'p CalendarFacts,
    /// The static's name, e.g. `BUSINESS_HOURS`.
    pub name: String,
    /// The chrono-tz variant of its zone, e.g. `Europe__Stockholm`.
    pub zone: String,
}

impl<'p> Plan<'p> {
    /// Names and types every item of `facts`' policy.
    pub fn new(facts: &'p Valid) -> Plan<'p> {
        let policy = facts.policy();
        // The namespace of constants, statics and functions, claimed in the
        // order the items are written.
        let mut names = Names::default();
        for name in consts::HEADER_NAMES {
            names.reserve(name);
        }
        let calendars = facts
            .calendars()
            .iter()
            .filter_map(|calendar| {
                let decl = policy
                    .decls
                    .get(calendar.index)
                    .and_then(CalendarDecl::of)?;
                Some(CalendarItem {
                    decl,
                    facts: calendar,
                    name: names.claim(screaming(&calendar.id, "CALENDAR"), "_"),
                    zone: tz_variant(calendar.runtime.tz),
                })
            })
            .collect();
        let mut plan = Plan {
            policy,
            facts,
            header: consts::header(policy),
            sets: enums::id_sets(policy),
            calendars,
            grids: Vec::new(),
            consts: Vec::new(),
            entitlements: Entitlements::default(),
            lifecycle: None,
        };
        // Each step reads what the steps before it planned: field methods
        // hold variants and calendars, grids the enums, constants the
        // variants, entitlement functions all of these.
        let methods: Vec<Vec<FieldMethod>> = plan
            .sets
            .iter()
            .map(|set| enums::field_methods(&plan, set))
            .collect();
        for (set, methods) in plan.sets.iter_mut().zip(methods) {
            set.methods = methods;
        }
        plan.grids = grids::plan(&plan, &mut names);
        plan.consts = consts::plan(&plan, &mut names);
        plan.entitlements = Entitlements::plan(&plan, &mut names);
        plan.lifecycle = super::lifecycle::plan(&plan, &mut names);
        plan
    }

    /// The enum of `kind`, if it has declarations.
    pub fn set(&self, kind: Kind) -> Option<&IdSet<'p>> {
        self.sets.iter().find(|s| s.kind == kind)
    }

    /// The enum of the declaration `id`'s kind, if it is an id set.
    pub fn set_of(&self, id: &str) -> Option<&IdSet<'p>> {
        self.set(self.policy.get(id)?.kind)
    }

    /// The method written for `field` (a name from
    /// [`crate::schema::fields`]) of the enum of `kind`.
    pub fn method(&self, kind: Kind, field: &str) -> Option<&FieldMethod> {
        self.set(kind)?
            .methods
            .iter()
            .find(|m| m.field.name == field)
    }

    /// The function written for the grid `id`.
    pub fn grid_fn(&self, id: &str) -> Option<&GridFn<'p>> {
        self.grids.iter().find_map(|g| match g {
            GridItem::Function(f) if f.decl.id.as_str() == id => Some(f),
            _ => None,
        })
    }

    /// The static of the calendar `id`.
    pub fn calendar(&self, id: &str) -> Option<&CalendarItem<'p>> {
        self.calendars.iter().find(|c| c.decl.id.as_str() == id)
    }

    /// The name of the static of the calendar `id`.
    pub fn calendar_name(&self, id: &str) -> Option<&str> {
        self.calendar(id).map(|c| c.name.as_str())
    }
}
