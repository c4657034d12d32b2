//! The JSON Schema (draft 2020-12) of the `policyc/1` format, generated
//! from the schema table, so that every field of every kind is described.

use super::tree::FORMAT;
use crate::schema::{fields, CellType, Kind, Observance, Role, Type};
use serde_json::{json, Map, Value as Json};

/// The `$id` of the schema.
pub const SCHEMA_ID: &str = "urn:policyc:schema:policyc-1";

fn r(name: &str) -> Json {
    json!({ "$ref": format!("#/$defs/{name}") })
}

/// The schema definition a field of type `ty` refers to.
fn type_schema(ty: Type) -> Json {
    let kinds = |kinds: &[Kind]| {
        kinds
            .iter()
            .map(|k| format!("`{}`", k.name()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match ty {
        Type::Text => r("text"),
        Type::Prose => r("text-or-prose"),
        Type::Texts => r("texts"),
        Type::Number => r("number"),
        Type::Version => r("version"),
        Type::Count => r("count"),
        Type::Date => r("date"),
        Type::DateOrMonth => r("date-or-month"),
        Type::Range => r("range"),
        Type::Money => r("money"),
        Type::Duration => r("duration"),
        Type::Period => r("period"),
        Type::YesNo => r("yes-no"),
        Type::Incidents => r("incidents"),
        Type::Target => r("target"),
        Type::Hours => r("hours"),
        Type::Ref(k) => json!({
            "$ref": "#/$defs/id",
            "description": format!("The id of a declaration of kind {}.", kinds(k)),
        }),
        Type::Refs(k) => json!({
            "type": "array",
            "items": r("id"),
            "description": format!("Ids of declarations of kind {}.", kinds(k)),
        }),
        Type::KindName => r("kind-name"),
        Type::CellType => r("cell-type"),
        Type::Role => r("role"),
        Type::Start => r("start"),
        Type::Quantity => r("quantity"),
        Type::LabelOf => r("label-of"),
        Type::Observance => r("observance"),
        Type::Weekly => r("weekly"),
        Type::Dates => r("dates"),
        Type::Holiday => r("holiday"),
        Type::Claim => r("claim"),
        Type::Zone => r("zone"),
        Type::Cell => r("cell"),
        Type::FieldNames => r("field-names"),
        Type::Instant => r("instant"),
    }
}

fn object(properties: Json, required: &[&str], description: &str) -> Json {
    json!({
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn declaration_schema(kind: Kind) -> Json {
    let mut properties = Map::new();
    for spec in kind.fields() {
        properties.insert(spec.name.to_owned(), type_schema(spec.ty));
    }
    let required_fields: Vec<&str> = kind
        .fields()
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    let mut fields = json!({
        "type": "object",
        "description": "Field values by field name.",
        "properties": properties,
        "required": required_fields,
        "additionalProperties": false,
    });
    // As the checks have it (`validate::build`): a calendar an order form
    // defines (`order-form-overrides: yes`) may leave out its zone and hours.
    if kind == Kind::Calendar {
        let (zone, open) = (fields::calendar::ZONE, fields::calendar::OPEN);
        let overrides = fields::calendar::ORDER_FORM_OVERRIDES;
        if let Json::Object(map) = &mut fields {
            let rest: Vec<&str> = required_fields
                .iter()
                .copied()
                .filter(|&f| f != zone && f != open)
                .collect();
            map.insert("required".to_owned(), json!(rest));
            map.insert(
                "anyOf".to_owned(),
                json!([
                    { "required": [zone, open] },
                    {
                        "description": "The order form gives the zone and the hours.",
                        "properties": { overrides: { "const": true } },
                        "required": [overrides],
                    },
                ]),
            );
        }
    }
    let mut declaration = json!({
        "kind": { "const": kind.name() },
        "id": r("id"),
        "title": { "type": "string" },
        "parent": {
            "$ref": "#/$defs/id",
            "description": "The id of the enclosing declaration; absent at the top level.",
        },
        "fields": fields,
        "notes": r("notes"),
        "body": { "type": "array", "items": r("body-item") },
    });
    let mut required = vec!["kind", "id", "fields", "body"];
    if kind.needs_title() {
        required.push("title");
    }
    if kind == Kind::Grid {
        if let Json::Object(map) = &mut declaration {
            map.insert("grid".to_owned(), r("grid"));
        }
        required.push("grid");
    }
    object(
        declaration,
        &required,
        &format!("A `{}` declaration.", kind.name()),
    )
}

/// The JSON Schema (draft 2020-12) of the `policyc/1` format, pretty, with a
/// trailing newline. Every shape is described in its `description`.
pub fn schema() -> String {
    let mut defs = Map::new();
    let mut def = |name: &str, value: Json| {
        defs.insert(name.to_owned(), value);
    };
    def(
        "id",
        json!({
            "type": "string",
            "pattern": "^[a-z][a-z0-9-]*$",
            "description": "A declaration's id: lowercase letters, digits and dashes.",
        }),
    );
    def("text", json!({ "type": "string", "description": "Text." }));
    def(
        "texts",
        json!({ "type": "array", "items": { "type": "string" }, "description": "A list of texts." }),
    );
    def(
        "text-or-prose",
        json!({
            "description": "Quoted text (a string) or a prose block (an object).",
            "anyOf": [r("text"), r("prose")],
        }),
    );
    def(
        "prose",
        object(
            json!({
                "markdown": {
                    "type": "string",
                    "description": "The Markdown with every interpolation replaced by its value as the policy writes it (`{id}` by the title); ready to display.",
                },
                "parts": {
                    "type": "array",
                    "items": r("prose-part"),
                    "description": "What the policy says: text and interpolations in order.",
                },
            }),
            &["markdown", "parts"],
            "A block of Markdown prose.",
        ),
    );
    def(
        "prose-part",
        json!({
            "description": "`{\"text\": ...}`: literal Markdown, braces included as they read; `{\"ref\": ...}`: an interpolation.",
            "oneOf": [
                object(json!({ "text": { "type": "string" } }), &["text"], "Literal Markdown."),
                object(json!({ "ref": r("interpolation") }), &["ref"], "An interpolation."),
            ],
        }),
    );
    def(
        "interpolation",
        json!({
            "description": "`{id}`: a declaration's title; `{id.field}`: a field's value; `{grid[row, column]}`: one cell.",
            "oneOf": [
                object(
                    json!({ "declaration": r("id"), "field": r("field-name") }),
                    &["declaration"],
                    "A declaration's title, or with `field`, that field's value.",
                ),
                object(
                    json!({ "grid": r("id"), "row": r("id"), "column": r("id") }),
                    &["grid", "row", "column"],
                    "One cell of a grid.",
                ),
            ],
        }),
    );
    def(
        "number",
        json!({
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]+)?$",
            "description": "A decimal number exactly as written, e.g. \"1.0\".",
        }),
    );
    def(
        "version",
        json!({
            "type": "string",
            "pattern": "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$",
            "description": "A version, MAJOR.MINOR or MAJOR.MINOR.PATCH, exactly as written, e.g. \"1.0\" or \"1.0.1\".",
        }),
    );
    def(
        "count",
        json!({ "type": "integer", "minimum": 0, "description": "A whole number." }),
    );
    def(
        "date",
        json!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A date, YYYY-MM-DD.",
        }),
    );
    def(
        "month",
        json!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}$",
            "description": "A month of a year, YYYY-MM.",
        }),
    );
    def(
        "date-or-month",
        json!({ "description": "A date or a month.", "oneOf": [r("date"), r("month")] }),
    );
    def(
        "range",
        object(
            json!({ "from": r("count"), "to": r("count") }),
            &["from", "to"],
            "An inclusive range of whole numbers: `2..5` is {\"from\": 2, \"to\": 5}.",
        ),
    );
    def(
        "money",
        object(
            json!({
                "currency": { "type": "string", "description": "ISO 4217 code." },
                "minor": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "The amount in hundredths: USD 250 is 25000.",
                },
                "per": {
                    "type": "array",
                    "items": { "type": "string" },
                    "description": "The units the amount is per, in order: `EUR 250/node/month` is [\"node\", \"month\"]; empty for a flat sum.",
                },
            }),
            &["currency", "minor", "per"],
            "An amount of money.",
        ),
    );
    def(
        "duration",
        object(
            json!({ "minutes": r("count") }),
            &["minutes"],
            "A length of time in minutes: `2 hours` is {\"minutes\": 120}.",
        ),
    );
    def(
        "period",
        object(
            json!({
                "amount": r("count"),
                "unit": { "enum": ["days", "weeks", "months", "years"] },
            }),
            &["amount", "unit"],
            "A length of calendar time: `6 months` is {\"amount\": 6, \"unit\": \"months\"}.",
        ),
    );
    def(
        "yes-no",
        json!({ "type": "boolean", "description": "`yes` is true, `no` is false." }),
    );
    def(
        "incidents",
        json!({
            "description": "Incidents per contract year: a whole number, \"unlimited\" or \"n/a\".",
            "oneOf": [r("count"), { "enum": ["unlimited", "n/a"] }],
        }),
    );
    def(
        "target",
        json!({
            "description": "A response target. `1 business day` is {\"kind\": \"business-days\", \"amount\": 1}, `4 business hours` {\"kind\": \"business-hours\", \"amount\": 4}, `30 business minutes on us-hours` {\"kind\": \"business-minutes\", \"amount\": 30, \"calendar\": \"us-hours\"}, `4 hours 24x7` {\"kind\": \"hours-24x7\", \"amount\": 4}, `15 minutes 24x7` {\"kind\": \"minutes-24x7\", \"amount\": 15}, `5 days` {\"kind\": \"calendar-days\", \"amount\": 5}; `best-effort` and `n/a` are {\"kind\": \"best-effort\"} and {\"kind\": \"n/a\"}. Business targets count open time of the tier's calendar (or of the `calendar` named), the others elapsed time.",
            "oneOf": [
                object(
                    json!({
                        "kind": { "enum": ["business-days", "business-hours", "business-minutes"] },
                        "amount": r("count"),
                        "calendar": r("id"),
                    }),
                    &["kind", "amount"],
                    "A deadline on a calendar's open time.",
                ),
                object(
                    json!({
                        "kind": { "enum": ["hours-24x7", "minutes-24x7", "calendar-days"] },
                        "amount": r("count"),
                    }),
                    &["kind", "amount"],
                    "A deadline in elapsed time.",
                ),
                object(
                    json!({ "kind": { "enum": ["best-effort", "n/a"] } }),
                    &["kind"],
                    "No deadline, or no target applies.",
                ),
            ],
        }),
    );
    def(
        "hours",
        json!({
            "description": "Support hours: \"best-effort\", \"24x7\", or {\"calendar\": ID}, the opening hours of that calendar.",
            "oneOf": [
                { "enum": ["best-effort", "24x7"] },
                object(json!({ "calendar": r("id") }), &["calendar"], "A calendar's opening hours."),
            ],
        }),
    );
    def(
        "kind-name",
        json!({
            "enum": Kind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>(),
            "description": "The name of a kind of declaration.",
        }),
    );
    def(
        "cell-type",
        json!({
            "enum": CellType::ALL.iter().map(|c| c.name()).collect::<Vec<_>>(),
            "description": "The type of a grid's cells; it says how to read `grid.cells` and `otherwise`.",
        }),
    );
    def(
        "role",
        json!({
            "enum": Role::ALL.iter().map(|r| r.name()).collect::<Vec<_>>(),
            "description": "A question a grid or a rule decides (its `decides:`).",
        }),
    );
    def(
        "label-of",
        json!({
            "type": "string",
            "description": "What a label names: a kind (`tier`) or a kind's field (`tier.hours`).",
        }),
    );
    def(
        "quantity",
        json!({
            "type": "string",
            "description": "A limit as written: `20 members`, `12 hours/quarter`, `3`, `unlimited` or `n/a`.",
        }),
    );
    def(
        "start",
        json!({
            "enum": crate::model::typing::START_WORDS,
            "description": "Where a metric's clock starts: at the submission, or at the last update (a cadence).",
        }),
    );
    def(
        "observance",
        json!({
            "enum": Observance::ALL.iter().map(|o| o.name()).collect::<Vec<_>>(),
            "description": "How a holiday on a weekend is observed (its `observed:`).",
        }),
    );
    def(
        "weekday",
        json!({ "enum": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] }),
    );
    def(
        "time",
        json!({
            "type": "string",
            "pattern": "^[0-9]{2}:[0-9]{2}$",
            "description": "A local time of day, HH:MM.",
        }),
    );
    def(
        "month-day",
        json!({
            "type": "string",
            "pattern": "^[0-9]{2}-[0-9]{2}$",
            "description": "A day of every year, MM-DD.",
        }),
    );
    def(
        "weekly",
        json!({
            "type": "array",
            "description": "Weekly opening hours: `mon-fri 09:00-17:00` is [{\"from\": \"mon\", \"to\": \"fri\", \"open\": \"09:00\", \"close\": \"17:00\"}]. Days are inclusive; times are local to the calendar's zone.",
            "items": object(
                json!({
                    "from": r("weekday"),
                    "to": r("weekday"),
                    "open": r("time"),
                    "close": r("time"),
                }),
                &["from", "to", "open", "close"],
                "Opening hours on a span of weekdays.",
            ),
        }),
    );
    def(
        "dates",
        json!({ "type": "array", "items": r("date"), "description": "A list of dates." }),
    );
    def(
        "holiday",
        json!({
            "description": "How a holiday falls each year: `12-25` is {\"fixed\": \"12-25\"}; `easter + 39` is {\"easter\": 39} (days after Easter Sunday, negative before); `sat 06-20..06-26` is {\"weekday\": \"sat\", \"from\": \"06-20\", \"to\": \"06-26\"}, the Saturday in that range.",
            "oneOf": [
                object(json!({ "fixed": r("month-day") }), &["fixed"], "The same day every year."),
                object(json!({ "easter": { "type": "integer" } }), &["easter"], "Relative to Easter Sunday."),
                object(
                    json!({ "weekday": r("weekday"), "from": r("month-day"), "to": r("month-day") }),
                    &["weekday", "from", "to"],
                    "A weekday within a range of days.",
                ),
            ],
        }),
    );
    def(
        "cells",
        object(
            json!({
                "grid": r("id"),
                "row": { "type": "string", "description": "A row id, or \"*\" for every row." },
                "column": { "type": "string", "description": "A column id, or \"*\" for every column." },
            }),
            &["grid", "row", "column"],
            "Cells of a grid: `response-time[*, advanced]` is {\"grid\": \"response-time\", \"row\": \"*\", \"column\": \"advanced\"}.",
        ),
    );
    def(
        "operand",
        json!({
            "description": "A claim's operand, tagged by what was written; it is typed as the subject's field or cell type before comparing.",
            "oneOf": [
                object(json!({ "target": r("target") }), &["target"], "A target with an amount, e.g. `2 hours 24x7`."),
                object(json!({ "duration": r("duration") }), &["duration"], "A duration, e.g. `2 hours`."),
                object(json!({ "money": r("money") }), &["money"], "Money."),
                object(
                    json!({ "keyword": { "enum": ["unlimited", "n/a", "best-effort", "24x7", "yes", "no", "supported", "not-available", "not-supported", "psa"] } }),
                    &["keyword"],
                    "A keyword.",
                ),
                object(json!({ "number": r("number") }), &["number"], "A number as written."),
                object(json!({ "text": { "type": "string" } }), &["text"], "Quoted text."),
                object(json!({ "ref": r("id") }), &["ref"], "An id."),
            ],
        }),
    );
    def(
        "claim",
        json!({
            "description": "A property the compiler checks. `same G[r, c]`: {\"same\": cells}; `every G[r, c] is V`: {\"every\": cells, \"is\": operand}; `every G[r, c] runs business`: {\"every\": cells, \"runs\": \"business\"}; `G[r, c] is V`: {\"cell\": cells, \"is\": operand}; `decl.field is V`: {\"field\": {\"declaration\": id, \"field\": name}, \"is\": operand}.",
            "oneOf": [
                object(json!({ "same": r("cells") }), &["same"], "All selected cells are equal."),
                object(json!({ "every": r("cells"), "is": r("operand") }), &["every", "is"], "Every selected cell is the operand."),
                object(
                    json!({ "every": r("cells"), "runs": { "enum": ["business", "24x7"] } }),
                    &["every", "runs"],
                    "Every selected target runs on the clock.",
                ),
                object(json!({ "cell": r("cells"), "is": r("operand") }), &["cell", "is"], "The cell is the operand."),
                object(
                    json!({
                        "field": object(
                            json!({ "declaration": r("id"), "field": r("field-name") }),
                            &["declaration", "field"],
                            "A declaration's field.",
                        ),
                        "is": r("operand"),
                    }),
                    &["field", "is"],
                    "The field is the operand.",
                ),
            ],
        }),
    );
    def(
        "zone",
        json!({ "type": "string", "description": "An IANA time zone name, e.g. \"Europe/Stockholm\"." }),
    );
    def(
        "coverage",
        json!({
            "enum": ["supported", "psa", "not-available", "not-supported"],
            "description": "Whether an area is covered: supported, under a Professional Services Agreement, not available at this tier, not supported at any tier.",
        }),
    );
    def(
        "session",
        json!({
            "description": "A session entitlement: {\"minutes\": N} per session, \"unlimited\" or \"not-available\".",
            "oneOf": [r("duration"), { "enum": ["unlimited", "not-available"] }],
        }),
    );
    def(
        "cell",
        json!({
            "description": "A grid cell, shaped by the grid's `cells` type: `target` a target, `coverage` a coverage, `yes-no` a boolean, `session` a session, `text` a string, `incidents` incidents, `date` a date or \"n/a\".",
            "anyOf": [r("target"), r("coverage"), r("yes-no"), r("session"), r("text"), r("incidents"), r("date")],
        }),
    );
    def(
        "field-name",
        json!({
            "type": "string",
            "pattern": "^[a-z][a-z0-9-]*$",
            "description": "The name of a field.",
        }),
    );
    def(
        "field-names",
        json!({ "type": "array", "items": r("field-name"), "description": "Names of fields." }),
    );
    def(
        "instant",
        json!({
            "type": "string",
            "format": "date-time",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([+-][0-9]{2}:[0-9]{2}|Z)$",
            "description": "An instant with its offset, RFC 3339.",
        }),
    );
    def(
        "notes",
        json!({
            "type": "object",
            "additionalProperties": { "type": "string" },
            "description": "Notes written after field values, by field name: `best-effort (forums)` has the note \"forums\". Absent when no field has a note.",
        }),
    );
    def(
        "body-item",
        json!({
            "description": "A prose block, or a nested declaration by id (listed in full in `declarations`).",
            "oneOf": [
                object(json!({ "prose": r("prose") }), &["prose"], "A prose block."),
                object(json!({ "declaration": r("id") }), &["declaration"], "A nested declaration."),
            ],
        }),
    );
    def(
        "grid",
        object(
            json!({
                "rows": { "type": "array", "items": r("id"), "description": "Row ids, in written order." },
                "columns": { "type": "array", "items": r("id"), "description": "Column ids, in written order." },
                "cells": {
                    "type": "array",
                    "description": "cells[row][column], row-major in written order; null where a cell is missing (never in a valid policy).",
                    "items": {
                        "type": "array",
                        "items": { "anyOf": [r("cell"), { "type": "null" }] },
                    },
                },
                "notes": {
                    "type": "array",
                    "description": "Notes written after cells, the same shape as `cells`, null where a cell has none: `best-effort (forums)` has the note \"forums\". Absent when no cell has a note.",
                    "items": {
                        "type": "array",
                        "items": { "type": ["string", "null"] },
                    },
                },
            }),
            &["rows", "columns", "cells"],
            "A grid's contents.",
        ),
    );
    for kind in Kind::ALL {
        def(
            &format!("declaration-{}", kind.name()),
            declaration_schema(kind),
        );
    }
    def(
        "declaration",
        json!({
            "description": "A declaration: its kind, id, title, enclosing declaration, fields (shaped by the kind's schema), notes, body and, for grids, cells.",
            "oneOf": Kind::ALL
                .iter()
                .map(|k| r(&format!("declaration-{}", k.name())))
                .collect::<Vec<_>>(),
        }),
    );
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "policyc/1",
        "description": "A policy compiled by policyc: every declaration in document order, with typed field values. Emitted as JSON and as YAML; both hold this document.",
        "type": "object",
        "properties": {
            "format": { "const": FORMAT },
            "generated": { "type": "string", "description": "The @generated marker: policyc version, source, policy version and source hash." },
            "source": object(
                json!({
                    "file": { "type": "string", "description": "The source file, with / separators." },
                    "hash": { "type": "string", "pattern": "^[0-9a-f]{16}$", "description": "FNV-1a 64-bit hash of the source bytes, hex." },
                }),
                &["file", "hash"],
                "Where the policy came from.",
            ),
            "policy": object(
                json!({
                    "id": r("id"),
                    "title": { "type": "string" },
                    "version": r("version"),
                    "provider": { "type": "string" },
                    "effective": r("date-or-month"),
                    "updated": r("date"),
                    "review": { "type": "string" },
                }),
                &["id"],
                "The policy header in brief; the `policy` declaration holds the same.",
            ),
            "declarations": {
                "type": "array",
                "items": r("declaration"),
                "description": "Every declaration, in document order: parents before children.",
            },
        },
        "required": ["format", "generated", "source", "policy", "declarations"],
        "additionalProperties": false,
        "$defs": defs,
    });
    pretty(&root)
}

fn pretty<T: serde::Serialize>(value: &T) -> String {
    // Serializing the schema cannot fail: every map key is a string.
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}
