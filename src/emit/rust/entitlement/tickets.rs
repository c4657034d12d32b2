//! Opening tickets and counting incidents: `may_open_ticket` and
//! `incidents_remaining`.

use super::{claim, flag_or_no, Call, ENT};
use crate::emit::rust::code::{Body, Function};
use crate::emit::rust::layout::Expr;
use crate::emit::rust::names::{type_name, Names};
use crate::emit::rust::plan::Plan;
use crate::emit::rust::types::RustType;
use crate::schema::fields::{license, tier};
use crate::schema::Kind;

/// `may_open_ticket(License) -> bool`: the `tickets` of the license's tier.
#[derive(Debug)]
pub struct MayOpenTicket {
    name: String,
    /// `License::tier`.
    tier: Call,
    /// `Tier::tickets`.
    tickets: Call,
}

impl MayOpenTicket {
    /// Planned where every license names a tier and every tier says
    /// whether it has tickets.
    pub fn plan(plan: &Plan, names: &mut Names) -> Option<MayOpenTicket> {
        let tier = Call::plain(
            plan,
            Kind::License,
            license::TIER,
            RustType::Enum(Kind::Tier),
        )?;
        let tickets = Call::plain(plan, Kind::Tier, tier::TICKETS, RustType::Bool)?;
        Some(MayOpenTicket {
            name: claim(names, "may_open_ticket"),
            tier,
            tickets,
        })
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        let mut body = Body::of_item();
        body.tail(&Expr::call(
            format!("{ENT}::may_open_ticket"),
            vec![Expr::atom(self.tickets.on(&self.tier.on("license")))],
        ));
        Function {
            docs: format!(
                "Whether the holder of a license may open ticket-based cases: the `{}` of the \
                 license's tier.",
                tier::TICKETS
            ),
            head: format!("pub fn {}", self.name),
            params: vec![format!("license: {}", type_name(Kind::License))],
            ret: RustType::Bool.text(),
            body,
        }
        .item()
    }
}

/// `incidents_remaining(Tier, purchased, unused_last_year, used)`.
#[derive(Debug)]
pub struct IncidentsRemaining {
    name: String,
    /// `Tier::incidents`.
    incidents: Call,
    /// `Tier::add_on`, if any tier sets it.
    add_on: Option<Call>,
    /// `Tier::rollover`, if any tier sets it.
    rollover: Option<Call>,
}

impl IncidentsRemaining {
    /// Planned where every tier states its incidents.
    pub fn plan(plan: &Plan, names: &mut Names) -> Option<IncidentsRemaining> {
        let incidents = Call::plain(plan, Kind::Tier, tier::INCIDENTS, RustType::Incidents)?;
        Some(IncidentsRemaining {
            incidents,
            add_on: Call::of(plan, Kind::Tier, tier::ADD_ON, RustType::Bool),
            rollover: Call::of(plan, Kind::Tier, tier::ROLLOVER, RustType::Bool),
            name: claim(names, "incidents_remaining"),
        })
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        let mut body = Body::of_item();
        body.assign(
            "let terms",
            &Expr::Struct(
                format!("{ENT}::IncidentTerms"),
                vec![
                    ("included".to_owned(), Expr::atom(self.incidents.on("tier"))),
                    (
                        "add_on".to_owned(),
                        Expr::atom(flag_or_no(self.add_on.as_ref(), "tier")),
                    ),
                    (
                        "rollover".to_owned(),
                        Expr::atom(flag_or_no(self.rollover.as_ref(), "tier")),
                    ),
                ],
            ),
        );
        body.tail(&Expr::call(
            format!("{ENT}::incidents_remaining"),
            ["&terms", "purchased", "unused_last_year", "used"]
                .into_iter()
                .map(Expr::atom)
                .collect(),
        ));
        Function {
            docs: format!(
                "The incidents a tier has left in a contract year: its `{}`, plus `purchased` \
                 add-on incidents where its `{}` allows them, plus `unused_last_year` where its \
                 `{}` allows, minus `used`. A count stops at zero; unlimited and `n/a` stay as \
                 they are.",
                tier::INCIDENTS,
                tier::ADD_ON,
                tier::ROLLOVER
            ),
            head: format!("pub fn {}", self.name),
            params: vec![
                format!("tier: {}", type_name(Kind::Tier)),
                "purchased: u32".to_owned(),
                "unused_last_year: u32".to_owned(),
                "used: u32".to_owned(),
            ],
            ret: RustType::Incidents.text(),
            body,
        }
        .item()
    }
}
