//! What each kind of declaration may hold: its fields, their types, which
//! are required, and which kinds it may contain; the questions a grid or a
//! rule can decide ([`Role`]); the outcomes a worked example can expect
//! ([`Outcome`]).
//!
//! The grammar gives every declaration the same shape; this table gives it
//! meaning. It is plain data, read by the model builder, the emitters and
//! the formatter. It must not depend on any other module.
//!
//! The fields are written once, in [`schema_table!`]: this module turns the
//! table into [`FieldSpec`]s and the name constants of [`fields`], and
//! `crate::model::view` turns the same table into typed accessors
//! (`TierDecl::incidents() -> Option<Incidents>`). Adding a field is adding
//! a line to the table.

/// A kind of declaration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// The policy's header: title, version, dates.
    Policy,
    /// A numbered section of the document.
    Section,
    /// An unnumbered part of a section, with its own heading.
    Topic,
    /// A self-service resource.
    Resource,
    /// A product covered by the policy.
    Product,
    /// A party to support: the provider, its end customers, ...
    Party,
    /// A Kubernetes operator.
    Operator,
    /// A license edition.
    License,
    /// A support tier.
    Tier,
    /// A support channel.
    Channel,
    /// The business-hours calendar.
    Calendar,
    /// A holiday of a calendar or of a holiday set.
    Holiday,
    /// A named set of holidays, declared once and included by calendars.
    Holidays,
    /// A severity level.
    Severity,
    /// What a target grid measures: first response, update cadence,
    /// resolution, ...
    Metric,
    /// Something a tier limits: named contacts, cases, advisory hours.
    Limit,
    /// A support scope area.
    Area,
    /// A table of values over two id sets.
    Grid,
    /// The tier comparison matrix, derived from tier data.
    Comparison,
    /// A product lifecycle phase.
    Phase,
    /// A release of a product, with its general-availability date.
    Release,
    /// A professional service.
    Service,
    /// A contact channel.
    Contact,
    /// A rule a support desk must decide: an entitlement or a procedure.
    Rule,
    /// A shared file whose calendars and holiday sets stand here.
    Include,
    /// A label of the document's tables: the header of a kind's column or
    /// of a field's.
    Label,
    /// A list of items.
    List,
    /// A property the compiler checks.
    Claim,
    /// A worked example.
    Example,
}

/// The type a field's value must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// Quoted text.
    Text,
    /// Quoted text or a prose block.
    Prose,
    /// A list of quoted texts.
    Texts,
    /// A number such as `1.0`.
    Number,
    /// A version: `1.0` or `1.0.1`.
    Version,
    /// A whole number.
    Count,
    /// A date.
    Date,
    /// A date or a month.
    DateOrMonth,
    /// `2..5`.
    Range,
    /// Money.
    Money,
    /// A plain duration.
    Duration,
    /// A length of calendar time: `365 days`, `6 months`.
    Period,
    /// `yes` or `no`.
    YesNo,
    /// A count, `unlimited` or `n/a`.
    Incidents,
    /// A response target, `best-effort` or `n/a`.
    Target,
    /// `best-effort`, `24x7` or a calendar.
    Hours,
    /// A reference to a declaration of one of these kinds.
    Ref(&'static [Kind]),
    /// A list of references.
    Refs(&'static [Kind]),
    /// The name of a kind.
    KindName,
    /// The name of a cell type.
    CellType,
    /// Weekly opening hours, one or a list.
    Weekly,
    /// A list of dates.
    Dates,
    /// A holiday rule.
    Holiday,
    /// A claim expression.
    Claim,
    /// An IANA time zone name.
    Zone,
    /// Anything a grid cell may hold.
    Cell,
    /// A list of tier field names.
    FieldNames,
    /// An instant with its offset, quoted RFC 3339: `"2026-03-13T15:30:00+01:00"`.
    Instant,
    /// A question a declaration decides: `remote-login`, ...
    Role,
    /// Where a metric's clock starts: `submission` or `last-update`.
    Start,
    /// A limit: `20 members`, `12 hours/quarter`, `unlimited`, `n/a`.
    Quantity,
    /// How a holiday on a weekend is observed: `nearest-weekday`, ...
    Observance,
    /// What a label names: a kind (`tier`) or a kind's field (`tier.hours`).
    LabelOf,
}

impl Type {
    /// What a value of the type is, in words: `a date`.
    pub fn describe(self) -> &'static str {
        match self {
            Type::Text => "quoted text",
            Type::Prose => "quoted text or a prose block in `\"\"\"`",
            Type::Texts => "a list of quoted texts, `[\"...\", \"...\"]`",
            Type::Number => "a number",
            Type::Version => "a version such as `1.0` or `1.0.1`",
            Type::Count => "a whole number",
            Type::Date => "a date",
            Type::DateOrMonth => "a date or a month",
            Type::Range => "a range such as `2..5`",
            Type::Money => "an amount of money",
            Type::Duration => "a duration such as `30 minutes`",
            Type::Period => {
                "a length of calendar time such as `365 days`, `12 weeks`, `6 months` or `2 years`"
            }
            Type::YesNo => "`yes` or `no`",
            Type::Incidents => "a number, `unlimited` or `n/a`",
            Type::Target => "a response target, `best-effort` or `n/a`",
            Type::Hours => "`best-effort`, `24x7` or the id of a calendar",
            Type::Ref(_) => "the id of a declaration",
            Type::Refs(_) => "a list of ids, `[a, b]`",
            Type::KindName => "a kind of declaration",
            Type::CellType => "a type of cell",
            Type::Weekly => "opening hours such as `mon-fri 09:00-17:00`",
            Type::Dates => "a list of dates",
            Type::Holiday => "a holiday rule such as `12-25`, `easter + 1` or `sat 06-20..06-26`",
            Type::Claim => "a claim such as `same grid[*, column]`",
            Type::Zone => "a quoted IANA time zone name",
            Type::Cell => "a cell value",
            Type::FieldNames => "a list of field names",
            Type::Instant => "a quoted instant such as `\"2026-03-13T15:30:00+01:00\"`",
            Type::Role => "a question such as `remote-login`",
            Type::Start => "`submission` or `last-update`",
            Type::Quantity => {
                "a limit such as `20 members` or `12 hours/quarter`, `unlimited` or `n/a`"
            }
            Type::Observance => "`nearest-weekday`, `next-weekday` or `sunday-to-monday`",
            Type::LabelOf => "a kind or a kind's field, such as `tier` or `tier.hours`",
        }
    }

    /// A value of the type as a policy writes it, for help texts.
    pub fn example(self) -> &'static str {
        match self {
            Type::Text | Type::Prose => "\"...\"",
            Type::Texts => "[\"...\"]",
            Type::Number => "1.0",
            Type::Version => "1.0",
            Type::Count => "2",
            Type::Date => "2026-06-13",
            Type::DateOrMonth => "2026-06",
            Type::Range => "2..5",
            Type::Money => "USD 250/hour",
            Type::Duration => "30 minutes",
            Type::Period => "365 days",
            Type::YesNo => "yes",
            Type::Incidents => "12",
            Type::Target => "1 business day",
            Type::Hours => "business-hours",
            Type::Ref(_) => "some-id",
            Type::Refs(_) => "[some-id]",
            Type::KindName => "severity",
            Type::CellType => "target",
            Type::Weekly => "mon-fri 09:00-17:00",
            Type::Dates => "[2026-12-24]",
            Type::Holiday => "12-25",
            Type::Claim => "same response-time[*, advanced]",
            Type::Zone => "\"Europe/Stockholm\"",
            Type::Cell => "not-available",
            Type::FieldNames => "[channels, hours]",
            Type::Instant => "\"2026-03-13T15:30:00+01:00\"",
            Type::Role => "remote-login",
            Type::Start => "last-update",
            Type::Quantity => "12 hours/quarter",
            Type::LabelOf => "tier.hours",
            Type::Observance => "nearest-weekday",
        }
    }
}

/// The type of a grid's cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CellType {
    /// A response target, `best-effort` or `n/a`.
    Target,
    /// `supported`, `not-available`, `not-supported` or `psa`.
    Coverage,
    /// `yes` or `no`.
    YesNo,
    /// A session length, `unlimited` or `not-available`.
    Session,
    /// Quoted text.
    Text,
    /// A count, `unlimited` or `n/a`.
    Incidents,
    /// A limit: `20 members`, `12 hours/quarter`, `unlimited` or `n/a`.
    Quantity,
    /// A date or `n/a`.
    Date,
}

impl CellType {
    /// Every cell type, for "did you mean".
    pub const ALL: [CellType; 8] = [
        CellType::Target,
        CellType::Coverage,
        CellType::YesNo,
        CellType::Session,
        CellType::Text,
        CellType::Incidents,
        CellType::Quantity,
        CellType::Date,
    ];

    /// As written in `cells:`.
    pub fn name(self) -> &'static str {
        match self {
            CellType::Target => "target",
            CellType::Coverage => "coverage",
            CellType::YesNo => "yes-no",
            CellType::Session => "session",
            CellType::Text => "text",
            CellType::Incidents => "incidents",
            CellType::Quantity => "quantity",
            CellType::Date => "date",
        }
    }

    /// What a cell of this type holds, in words.
    pub fn describe(self) -> &'static str {
        match self {
            CellType::Target => "a response target such as `1 business day` or `4 hours 24x7`, `best-effort` or `n/a`",
            CellType::Coverage => "`supported`, `not-available`, `not-supported` or `psa`",
            CellType::YesNo => "`yes` or `no`",
            CellType::Session => "a session length such as `2 hours`, `unlimited` or `not-available`",
            CellType::Text => "quoted text",
            CellType::Incidents => "a number, `unlimited` or `n/a`",
            CellType::Quantity => {
                "a limit such as `20 members` or `12 hours/quarter`, `unlimited` or `n/a`"
            }
            CellType::Date => "a date such as `2025-05-20`, or `n/a`",
        }
    }
}

/// One field a kind may hold.
#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    /// Its name.
    pub name: &'static str,
    /// Its type.
    pub ty: Type,
    /// Whether it must be present.
    pub required: bool,
    /// How it is labelled in rendered tables.
    pub label: &'static str,
}

impl Kind {
    /// Every kind, in the order the documentation lists them.
    pub const ALL: [Kind; 29] = [
        Kind::Policy,
        Kind::Section,
        Kind::Topic,
        Kind::Resource,
        Kind::Product,
        Kind::Party,
        Kind::Operator,
        Kind::License,
        Kind::Tier,
        Kind::Channel,
        Kind::Calendar,
        Kind::Holiday,
        Kind::Holidays,
        Kind::Severity,
        Kind::Metric,
        Kind::Limit,
        Kind::Area,
        Kind::Grid,
        Kind::Comparison,
        Kind::Phase,
        Kind::Release,
        Kind::Service,
        Kind::Contact,
        Kind::Rule,
        Kind::Include,
        Kind::Label,
        Kind::List,
        Kind::Claim,
        Kind::Example,
    ];

    /// As written in a policy.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Policy => "policy",
            Kind::Section => "section",
            Kind::Topic => "topic",
            Kind::Resource => "resource",
            Kind::Product => "product",
            Kind::Party => "party",
            Kind::Operator => "operator",
            Kind::License => "license",
            Kind::Tier => "tier",
            Kind::Channel => "channel",
            Kind::Calendar => "calendar",
            Kind::Holiday => "holiday",
            Kind::Holidays => "holidays",
            Kind::Severity => "severity",
            Kind::Metric => "metric",
            Kind::Limit => "limit",
            Kind::Area => "area",
            Kind::Grid => "grid",
            Kind::Comparison => "comparison",
            Kind::Phase => "phase",
            Kind::Release => "release",
            Kind::Service => "service",
            Kind::Contact => "contact",
            Kind::Rule => "rule",
            Kind::Include => "include",
            Kind::Label => "label",
            Kind::List => "list",
            Kind::Claim => "claim",
            Kind::Example => "example",
        }
    }

    /// The kind in words, for messages: its name, except `holiday set`
    /// for `holidays`.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Holidays => "holiday set",
            kind => kind.name(),
        }
    }

    /// The kind written `name`.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The kind's label in rendered tables: the header of its first column.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Resource => "Resource",
            Kind::Tier => "Tier",
            Kind::Severity => "Level",
            Kind::Metric => "Metric",
            Kind::Limit => "Limit",
            Kind::Rule => "Rule",
            Kind::Area => "Area",
            Kind::Phase => "Phase",
            Kind::Release => "Release",
            Kind::Service => "Service",
            Kind::Contact => "Channel",
            Kind::License => "License",
            Kind::Channel => "Channel",
            Kind::Operator => "Operator",
            Kind::Holiday => "Holiday",
            _ => "Name",
        }
    }

    /// Whether declarations of this kind form an id set: a generated enum.
    pub fn is_id_set(self) -> bool {
        matches!(
            self,
            Kind::Product
                | Kind::Party
                | Kind::Operator
                | Kind::License
                | Kind::Tier
                | Kind::Channel
                | Kind::Holiday
                | Kind::Severity
                | Kind::Metric
                | Kind::Limit
                | Kind::Area
                | Kind::Phase
                | Kind::Release
                | Kind::Service
                | Kind::Contact
                | Kind::Resource
        )
    }

    /// Whether the kind must have a title.
    pub fn needs_title(self) -> bool {
        !matches!(self, Kind::List | Kind::Example | Kind::Include)
    }

    /// Whether a declaration of this kind may hold prose blocks of its own.
    pub fn holds_prose(self) -> bool {
        matches!(
            self,
            Kind::Section
                | Kind::Topic
                | Kind::Product
                | Kind::Tier
                | Kind::Rule
                | Kind::Calendar
                | Kind::Grid
                | Kind::Policy
        )
    }

    /// Whether a declaration of this kind may hold grid rows.
    pub fn holds_rows(self) -> bool {
        self == Kind::Grid
    }

    /// The kinds a declaration of this kind may contain.
    pub fn children(self) -> &'static [Kind] {
        const SECTION: &[Kind] = &[
            Kind::Section,
            Kind::Topic,
            Kind::Resource,
            Kind::Product,
            Kind::Party,
            Kind::Operator,
            Kind::License,
            Kind::Tier,
            Kind::Channel,
            Kind::Calendar,
            Kind::Holidays,
            Kind::Severity,
            Kind::Metric,
            Kind::Limit,
            Kind::Area,
            Kind::Grid,
            Kind::Comparison,
            Kind::Phase,
            Kind::Release,
            Kind::Service,
            Kind::Contact,
            Kind::Rule,
            Kind::Include,
            Kind::Label,
            Kind::List,
            Kind::Claim,
            Kind::Example,
        ];
        // What a topic, product, tier or rule may hold: all a section may,
        // except a section.
        const DOCUMENT: &[Kind] = SECTION.split_at(1).1;
        match self {
            Kind::Section => SECTION,
            Kind::Topic | Kind::Product | Kind::Tier | Kind::Rule => DOCUMENT,
            Kind::Calendar | Kind::Holidays => &[Kind::Holiday],
            _ => &[],
        }
    }

    /// The fields a declaration of this kind may hold, in the order the
    /// documentation lists them.
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            Kind::Example => &EXAMPLE_FIELDS,
            kind => table_fields(kind),
        }
    }

    /// The spec of field `name`, if the kind has it.
    pub fn field(self, name: &str) -> Option<&'static FieldSpec> {
        self.fields().iter().find(|f| f.name == name)
    }
}

/// The schema table: every field of every kind, once.
///
/// Each line is `CONST accessor "name": required-or-not Type, "Label";`.
/// `CONST` names the field's name in [`fields`]; `accessor` is the typed
/// method `crate::model::view` generates on the kind's view
/// (`TierDecl::add_on`); `Ref(Party)` and `Refs(Section | Topic)` name the
/// kinds a reference may point to. A callback macro receives the table:
/// [`field_specs`] here, `views` in the model.
macro_rules! schema_table {
    ($callback:ident) => {
        $callback! {
            Policy PolicyDecl policy {
                VERSION version "version": req Version, "Document Version";
                PROVIDER provider "provider": req Text, "Provider";
                EFFECTIVE effective "effective": req DateOrMonth, "Effective Date";
                UPDATED updated "updated": opt Date, "Updated";
                REVIEW review "review": opt Text, "Review Cycle";
            }
            Section SectionDecl section {
            }
            Topic TopicDecl topic {
            }
            Resource ResourceDecl resource {
                DESCRIPTION description "description": req Prose, "Description";
            }
            Product ProductDecl product {
                COMPONENTS components "components": opt Texts, "Components";
                DATABASES databases "databases": opt Texts, "Supported databases";
                SUPPORT_TO support_to "support-to": opt Ref(Party), "Support delivered to";
                FIRST_LINE first_line "first-line": opt Ref(Party), "First-line support";
                SECOND_LINE second_line "second-line": opt Ref(Party), "Second-line support";
            }
            Party PartyDecl party {
            }
            Operator OperatorDecl operator {
                DATABASE database "database": req Text, "Database";
                PRODUCT product "product": opt Ref(Product), "Managed by";
            }
            License LicenseDecl license {
                TIER tier "tier": opt Ref(Tier), "Tier";
                SHORT short "short": opt Text, "Short name";
                PRICE price "price": opt Money, "Price";
                PRICE_NOTE price_note "price-note": opt Text, "Price note";
                BILLING billing "billing": opt Text, "Billing";
                NODES nodes "nodes": opt Range, "Nodes";
                FREE free "free": opt YesNo, "Free";
                FEATURES features "features": opt Text, "Features";
                ONLY_WHERE only_where "only-where": opt Text, "Only where";
            }
            Tier TierDecl tier {
                LICENSES licenses "licenses": opt Refs(License), "License";
                CHANNELS channels "channels": opt Refs(Channel), "Support Channel";
                ACCESS access "access": opt Refs(Channel), "Support access";
                HOURS hours "hours": opt Hours, "Support Hours";
                HOURS_FOR hours_for "hours-for": opt Refs(Severity), "Support hours apply to";
                INCIDENTS incidents "incidents": opt Incidents, "Incidents / Year";
                ADD_ON add_on "add-on": opt YesNo, "Additional incidents";
                ROLLOVER rollover "rollover": opt YesNo, "Unused incidents roll over";
                TICKETS tickets "tickets": opt YesNo, "Ticket-based cases";
                SCREEN_SHARING screen_sharing "screen-sharing": opt YesNo, "Screen sharing";
                REMOTE_LOGIN remote_login "remote-login": opt YesNo, "Remote login";
                CUSTOM_BUILDS custom_builds "custom-builds": opt YesNo, "Custom builds";
                RESPONSE_TARGET response_target "response-target": opt Target, "Response time target";
                RESPONSE_TARGET_FOR response_target_for "response-target-for": opt Refs(Severity), "Response time target applies to";
                GRID_LABEL grid_label "grid-label": opt Text, "Label in grids";
                OUT_OF_HOURS out_of_hours "out-of-hours": opt Text, "Out-of-hours support";
                RANK rank "rank": opt Count, "Rank";
            }
            Channel ChannelDecl channel {
                SHORT short "short": opt Text, "Short name";
                ADDRESS address "address": opt Text, "Address";
            }
            Calendar CalendarDecl calendar {
                ZONE zone "zone": req Zone, "Time zone";
                OPEN open "open": req Weekly, "Opening hours";
                CLOSED closed "closed": opt Dates, "Extra closure days";
                ZONE_LABEL zone_label "zone-label": opt Text, "Time zone as shown";
                ORDER_FORM_OVERRIDES order_form_overrides "order-form-overrides": opt YesNo, "An order form may define other hours";
                CUSTOMER_ZONE customer_zone "customer-zone": opt YesNo, "Hours in the customer's time zone";
                HOLIDAYS holidays "holidays": opt Refs(Holidays), "Holiday sets";
            }
            Holiday HolidayDecl holiday {
                ON on "on": req Holiday, "Date";
                OBSERVED observed "observed": opt Observance, "Observed";
            }
            Holidays HolidaysDecl holidays {
            }
            Severity SeverityDecl severity {
                DEFINITION definition "definition": opt Prose, "Definition";
                EXAMPLES examples "examples": opt Texts, "Example Issues";
                ALIASES aliases "aliases": opt Texts, "Also called";
            }
            Metric MetricDecl metric {
                FROM from "from": opt Start, "Counted from";
                DESCRIPTION description "description": opt Prose, "Description";
            }
            Limit LimitDecl limit {
                DESCRIPTION description "description": opt Prose, "Description";
            }
            Area AreaDecl area {
                DESCRIPTION description "description": req Prose, "Description";
            }
            Grid GridDecl grid {
                ROWS rows "rows": req KindName, "Rows";
                COLUMNS columns "columns": req KindName, "Columns";
                CELLS cells "cells": req CellType, "Cells";
                OTHERWISE otherwise "otherwise": opt Cell, "Elsewhere";
                LEGEND legend "legend": opt Text, "Legend";
                AREA area "area": opt Ref(Area), "Scope area";
                PAUSES pauses "pauses": opt Texts, "The clock pauses while";
                DECIDES decides "decides": opt Role, "Decides";
                METRIC metric "metric": opt Ref(Metric), "Metric";
            }
            Comparison ComparisonDecl comparison {
                COLUMNS columns "columns": req Refs(License), "Columns";
                ROWS rows "rows": req FieldNames, "Rows";
                LABELS labels "labels": opt Texts, "Row labels";
                CORNER corner "corner": opt Text, "Header of the first column";
                LEGEND legend "legend": opt Text, "Legend";
            }
            Phase PhaseDecl phase {
                SUPPORT support "support": opt Text, "Support Level";
                FIXES fixes "fixes": opt Text, "Fixes & Patches";
                SUPPORTED supported "supported": opt YesNo, "Supported";
                NEW_FIXES new_fixes "new-fixes": opt YesNo, "New fixes";
                HOTFIXES hotfixes "hotfixes": opt YesNo, "Hotfixes";
                HOTFIXES_PER hotfixes_per "hotfixes-per": opt Ref(Rule), "Hotfixes as decided by";
                LASTS lasts "lasts": opt Period, "Lasts";
                LATEST latest "latest": opt Count, "While among the latest releases";
                TRACK track "track": opt Text, "Track";
            }
            Release ReleaseDecl release {
                PRODUCT product "product": opt Ref(Product), "Product";
                VERSION version "version": req Text, "Version";
                RELEASED released "released": opt Date, "General availability";
                TRACK track "track": opt Text, "Track";
            }
            Service ServiceDecl service {
                DESCRIPTION description "description": req Prose, "Description";
            }
            Contact ContactDecl contact {
                ADDRESS address "address": req Text, "URL / Contact";
                NOTES notes "notes": req Text, "Notes";
                TOPICS topics "topics": opt Refs(Rule | Service | Area | Section | Topic), "Topics";
                TIERS tiers "tiers": opt Refs(Tier), "Tiers";
            }
            Rule RuleDecl rule {
                TIERS tiers "tiers": opt Refs(Tier), "Tiers";
                SEVERITIES severities "severities": opt Refs(Severity), "Severities";
                ALSO also "also": opt Texts, "Also for";
                REQUIRES requires "requires": opt Texts, "Requires";
                REQUEST_VIA request_via "request-via": opt Ref(Contact | Channel), "Requested via";
                AREA area "area": opt Ref(Area), "Scope area";
                GRID grid "grid": opt Ref(Grid), "Decided by";
                ATTEMPTS attempts "attempts": opt Count, "Contact attempts";
                SEPARATE_BUSINESS_DAYS separate_business_days "separate-business-days": opt YesNo, "On separate business days";
                RATE rate "rate": opt Money, "Rate";
                INCREMENT increment "increment": opt Duration, "Billed in increments of";
                MINIMUM minimum "minimum": opt Duration, "Minimum charge";
                OUTCOMES outcomes "outcomes": opt Texts, "Outcomes";
                LATEST_BUILD latest_build "latest-build": opt YesNo, "Requires the latest build";
                CRASHING_BUGS crashing_bugs "crashing-bugs": opt YesNo, "Crashing bugs qualify";
                SEE see "see": opt Ref(Section | Topic), "See";
                DECIDES decides "decides": opt Role, "Decides";
                HIGHEST_SEVERITY highest_severity "highest-severity": opt Ref(Severity), "Highest severity";
                DEFAULT_SEVERITY default_severity "default-severity": opt Ref(Severity), "Default severity";
                LICENSES licenses "licenses": opt Refs(License), "Licenses";
                CHANNELS channels "channels": opt Refs(Channel), "Channels";
                WHEN when "when": opt Text, "When";
            }
            Include IncludeDecl include {
                FILE file "file": req Text, "File";
            }
            Label LabelDecl label {
                OF names "of": req LabelOf, "Labels";
            }
            List ListDecl list {
                ITEMS items "items": req Texts, "Items";
            }
            Claim ClaimDecl claim {
                HOLDS holds "holds": req Claim, "Holds";
                STATED_IN stated_in "stated-in": opt Ref(Section | Topic), "Stated in";
            }
            Example ExampleDecl example {
                LICENSE license "license": opt Ref(License), "License";
                TIER tier "tier": opt Ref(Tier), "Tier";
                SEVERITY severity "severity": opt Ref(Severity), "Severity";
                SUBMITTED submitted "submitted": opt Instant, "Submitted";
                PAUSES pauses "pauses": opt Texts, "Clock paused";
                NOW now "now": opt Instant, "Now";
                AT at "at": opt Instant, "At";
                RULE rule "rule": opt Ref(Rule), "Rule";
                LENGTH length "length": opt Duration, "Session length";
                USED used "used": opt Count, "Incidents used";
                PURCHASED purchased "purchased": opt Count, "Add-on incidents purchased";
                UNUSED_LAST_YEAR unused_last_year "unused-last-year": opt Count, "Unused last year";
                CRASHING_BUG crashing_bug "crashing-bug": opt YesNo, "Crashing bug";
                LATEST_BUILD latest_build "latest-build": opt YesNo, "On the latest build";
                PHASE phase "phase": opt Ref(Phase), "Lifecycle phase";
                CONTACT_ATTEMPTS contact_attempts "contact-attempts": opt Texts, "Contact attempts";
                PRODUCT product "product": opt Ref(Product), "Product";
                METRIC metric "metric": opt Ref(Metric), "Metric";
                ZONE zone "zone": opt Zone, "Customer's time zone";
                HOURS hours "hours": opt Ref(Calendar), "Customer's business hours";
                CHANNEL channel "channel": opt Ref(Channel), "Channel";
                RELEASE release "release": opt Ref(Release), "Release";
                ON on "on": opt Date, "On";
            }
        }
    };
}
#[allow(unused_imports)] // used by `crate::model::view`
pub(crate) use schema_table;

/// `true` for `req`, `false` for `opt`.
macro_rules! required {
    (req) => {
        true
    };
    (opt) => {
        false
    };
}

/// The schema table as [`FieldSpec`]s, one `SPECS` slice per kind in
/// [`fields`], with a constant for each field's name.
macro_rules! field_specs {
    ($(
        $kind:ident $view:ident $module:ident {
            $( $konst:ident $method:ident $name:literal : $req:ident $ty:ident $( ( $($to:ident)|+ ) )?, $label:literal; )*
        }
    )*) => {
        /// The name of every field, by kind: `fields::tier::INCIDENTS` is
        /// `"incidents"`. Code that needs a field's name (for its span or
        /// its label) names it here instead of spelling it.
        pub mod fields {
            $(
                #[doc = concat!("The fields of a `", stringify!($module), "`.")]
                pub mod $module {
                    $(
                        #[doc = concat!("`", $name, "`: ", $label, ".")]
                        pub const $konst: &str = $name;
                    )*
                    /// Every field, in table order.
                    pub(crate) const SPECS: &[crate::schema::FieldSpec] = &[$(
                        crate::schema::FieldSpec {
                            name: $name,
                            ty: crate::schema::Type::$ty $( (&[$(crate::schema::Kind::$to),+]) )?,
                            required: required!($req),
                            label: $label,
                        },
                    )*];
                }
            )*
        }

        /// The fields of the table for one kind.
        const fn table_fields(kind: Kind) -> &'static [FieldSpec] {
            match kind {
                $( Kind::$kind => fields::$module::SPECS, )*
            }
        }
    };
}

schema_table!(field_specs);

/// How a holiday that falls on a weekend is observed (`observed:` of a
/// `holiday`); the runtime's `Observance` moves the date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Observance {
    /// Saturday to Friday, Sunday to Monday.
    NearestWeekday,
    /// Saturday and Sunday to Monday.
    NextWeekday,
    /// Sunday to Monday; a Saturday stays.
    SundayToMonday,
}

impl Observance {
    /// Every observance, in the order the documentation lists them.
    pub const ALL: [Observance; 3] = [
        Observance::NearestWeekday,
        Observance::NextWeekday,
        Observance::SundayToMonday,
    ];

    /// As written after `observed:`.
    pub fn name(self) -> &'static str {
        match self {
            Observance::NearestWeekday => "nearest-weekday",
            Observance::NextWeekday => "next-weekday",
            Observance::SundayToMonday => "sunday-to-monday",
        }
    }

    /// The observance written `name`.
    pub fn parse(name: &str) -> Option<Observance> {
        Observance::ALL.into_iter().find(|o| o.name() == name)
    }

    /// The move in words, for the document: `Saturday → Friday, Sunday →
    /// Monday`.
    pub fn describe(self) -> &'static str {
        match self {
            Observance::NearestWeekday => "Saturday → Friday, Sunday → Monday",
            Observance::NextWeekday => "Saturday, Sunday → Monday",
            Observance::SundayToMonday => "Sunday → Monday",
        }
    }
}

// ---------------------------------------------------------------------------
// Roles: the questions a grid or a rule decides
// ---------------------------------------------------------------------------

/// The rows, columns and cells a grid has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GridShape {
    /// The kind of the rows.
    pub rows: Kind,
    /// The kind of the columns.
    pub columns: Kind,
    /// The type of the cells.
    pub cells: CellType,
}

/// A question of the policy that one grid or rule decides: what the
/// enforcement code, `policyc sla` and the generated functions ask of it.
///
/// A declaration states its role with `decides:`. Where it does not, the
/// schema gives one: a grid of the role's [`shape`](Role::shape) when
/// [`given_by_shape`](Role::given_by_shape) holds and no other grid of that
/// shape competes; a rule by a [`term`](Role::terms) that only this role
/// holds. Never an id's spelling, never "the first one".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// First-response targets by severity and tier: a grid of targets.
    ResponseTargets,
    /// Screen-sharing sessions by severity and tier: a grid of sessions.
    ScreenSharing,
    /// Root cause analysis by severity and tier: a grid of coverage.
    RootCauseAnalysis,
    /// What standard support covers, by area and tier: a grid of coverage.
    Scope,
    /// Who may get a custom build: a rule.
    CustomBuilds,
    /// Who may get hotfixes: a rule.
    Hotfixes,
    /// When a case awaiting the customer may be closed: a rule.
    CaseClosure,
    /// What a session outside business hours costs: a rule (one per grid,
    /// tier and severity).
    OutOfHoursBilling,
    /// On which conditions remote login is granted: a rule.
    RemoteLogin,
    /// Which severity a case is given: rules that cap it
    /// (`highest-severity`) or give it when none is asked for
    /// (`default-severity`), any number per policy.
    Severity,
    /// The date each lifecycle phase ends, by release: a grid of dates.
    ReleaseDates,
}

impl Role {
    /// Every role, in the order the documentation lists them.
    pub const ALL: [Role; 11] = [
        Role::ResponseTargets,
        Role::ScreenSharing,
        Role::RootCauseAnalysis,
        Role::Scope,
        Role::CustomBuilds,
        Role::Hotfixes,
        Role::CaseClosure,
        Role::OutOfHoursBilling,
        Role::RemoteLogin,
        Role::Severity,
        Role::ReleaseDates,
    ];

    /// As written after `decides:`.
    pub fn name(self) -> &'static str {
        match self {
            Role::ResponseTargets => "response-targets",
            Role::ScreenSharing => "screen-sharing",
            Role::RootCauseAnalysis => "root-cause-analysis",
            Role::Scope => "scope",
            Role::CustomBuilds => "custom-builds",
            Role::Hotfixes => "hotfixes",
            Role::CaseClosure => "case-closure",
            Role::OutOfHoursBilling => "out-of-hours-billing",
            Role::RemoteLogin => "remote-login",
            Role::Severity => "severity",
            Role::ReleaseDates => "release-dates",
        }
    }

    /// The role written `name`.
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }

    /// The question in words, for messages: `who may get a custom build`.
    pub fn describe(self) -> &'static str {
        match self {
            Role::ResponseTargets => "the response targets",
            Role::ScreenSharing => "screen-sharing sessions",
            Role::RootCauseAnalysis => "root cause analysis",
            Role::Scope => "the support scope",
            Role::CustomBuilds => "who may get a custom build",
            Role::Hotfixes => "who may get hotfixes",
            Role::CaseClosure => "when a case may be closed",
            Role::OutOfHoursBilling => "out-of-hours billing",
            Role::RemoteLogin => "remote login",
            Role::Severity => "the severity a case is given",
            Role::ReleaseDates => "the date each lifecycle phase ends for each release",
        }
    }

    /// The kind of declaration that decides it.
    pub fn kind(self) -> Kind {
        match self {
            Role::ResponseTargets
            | Role::ScreenSharing
            | Role::RootCauseAnalysis
            | Role::Scope
            | Role::ReleaseDates => Kind::Grid,
            _ => Kind::Rule,
        }
    }

    /// The shape a grid deciding it has.
    pub fn shape(self) -> Option<GridShape> {
        let shape = |rows, columns, cells| {
            Some(GridShape {
                rows,
                columns,
                cells,
            })
        };
        match self {
            Role::ResponseTargets => shape(Kind::Severity, Kind::Tier, CellType::Target),
            Role::ScreenSharing => shape(Kind::Severity, Kind::Tier, CellType::Session),
            Role::RootCauseAnalysis => shape(Kind::Severity, Kind::Tier, CellType::Coverage),
            Role::Scope => shape(Kind::Area, Kind::Tier, CellType::Coverage),
            Role::ReleaseDates => shape(Kind::Release, Kind::Phase, CellType::Date),
            _ => None,
        }
    }

    /// Whether a grid of the role's shape has the role without saying so:
    /// a grid of targets by severity and tier holds response targets, one
    /// of sessions screen sharing, one of coverage by area the scope. A
    /// coverage grid by severity and tier could cover anything: it states
    /// `decides: root-cause-analysis`.
    pub fn given_by_shape(self) -> bool {
        matches!(
            self,
            Role::ResponseTargets | Role::ScreenSharing | Role::Scope | Role::ReleaseDates
        )
    }

    /// The rule fields only this role has: a rule holding one has the role.
    pub fn terms(self) -> &'static [&'static str] {
        use fields::rule::*;
        match self {
            Role::CustomBuilds => &[CRASHING_BUGS],
            Role::Hotfixes => &[LATEST_BUILD],
            Role::CaseClosure => &[ATTEMPTS, SEPARATE_BUSINESS_DAYS],
            // A `rate` alone is a price, not billing terms.
            Role::OutOfHoursBilling => &[INCREMENT, MINIMUM],
            Role::Severity => &[HIGHEST_SEVERITY, DEFAULT_SEVERITY],
            _ => &[],
        }
    }

    /// The terms a rule with this role must state.
    pub fn required_terms(self) -> &'static [&'static str] {
        use fields::rule::*;
        match self {
            Role::CaseClosure => &[ATTEMPTS],
            Role::OutOfHoursBilling => &[RATE, INCREMENT],
            _ => &[],
        }
    }

    /// Whether one declaration decides it for the whole policy (every role
    /// but out-of-hours billing, which has a rule per grid, tier and
    /// severity, and severity, which has as many rules as the policy states).
    pub fn one_per_policy(self) -> bool {
        !matches!(self, Role::OutOfHoursBilling | Role::Severity)
    }
}

// ---------------------------------------------------------------------------
// Outcomes: what a worked example can expect
// ---------------------------------------------------------------------------

macro_rules! outcomes {
    ($( $variant:ident $name:literal : $ty:ident $( ( $($to:ident)|+ ) )?, $label:literal; )*) => {
        /// An outcome a worked example states, computed by `policyc test`.
        /// Each is an optional field of `example`, after its inputs.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Outcome {
            $( #[doc = concat!("`", $name, "`: ", $label, ".")] $variant, )*
        }

        impl Outcome {
            /// Every outcome, in the order they are checked.
            pub const ALL: &'static [Outcome] = &[$(Outcome::$variant),*];

            /// The field that states it.
            pub const fn spec(self) -> FieldSpec {
                match self {
                    $( Outcome::$variant => FieldSpec {
                        name: $name,
                        ty: Type::$ty $( (&[$(Kind::$to),+]) )?,
                        required: false,
                        label: $label,
                    }, )*
                }
            }

            /// The field's name: `due`.
            pub const fn name(self) -> &'static str {
                self.spec().name
            }
        }
    };
}

outcomes! {
    Target "target": Target, "Response target";
    Due "due": Instant, "Due";
    Status "status": Text, "Status";
    Charge "charge": Money, "Charge";
    MayOpenTicket "may-open-ticket": YesNo, "May open a ticket";
    IncidentsLeft "incidents-left": Incidents, "Incidents left";
    ScreenSharing "screen-sharing": Text, "Screen sharing";
    CustomBuild "custom-build": YesNo, "Custom build";
    RemoteLogin "remote-login": YesNo, "Remote login";
    Rca "rca": Cell, "Root cause analysis";
    Hotfix "hotfix": YesNo, "Hotfix";
    Supported "supported": YesNo, "Supported";
    NewFixes "new-fixes": YesNo, "New fixes";
    MayClose "may-close": YesNo, "May close the case";
    SupportTo "support-to": Ref(Party), "Support delivered to";
    SeverityGranted "severity-granted": Ref(Severity), "Severity granted";
    InPhase "in-phase": Ref(Phase), "Lifecycle phase in force";
}

/// An example's fields: its inputs from the table, then its outcomes.
const EXAMPLE_FIELDS: [FieldSpec; fields::example::SPECS.len() + Outcome::ALL.len()] = {
    let inputs = fields::example::SPECS;
    let mut all = [inputs[0]; fields::example::SPECS.len() + Outcome::ALL.len()];
    let mut i = 0;
    while i < inputs.len() {
        all[i] = inputs[i];
        i += 1;
    }
    let mut j = 0;
    while j < Outcome::ALL.len() {
        all[inputs.len() + j] = Outcome::ALL[j].spec();
        j += 1;
    }
    all
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_are_unique_per_kind() {
        for kind in Kind::ALL {
            let names: Vec<&str> = kind.fields().iter().map(|f| f.name).collect();
            let mut sorted = names.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(names.len(), sorted.len(), "{}", kind.name());
        }
    }

    #[test]
    fn example_fields_are_inputs_then_outcomes() {
        let names: Vec<&str> = Kind::Example.fields().iter().map(|f| f.name).collect();
        assert_eq!(names.first(), Some(&"license"));
        assert_eq!(names[names.len() - Outcome::ALL.len()], "target");
        assert_eq!(names.last(), Some(&"in-phase"));
    }

    #[test]
    fn role_terms_belong_to_one_role() {
        for a in Role::ALL {
            assert!(a
                .required_terms()
                .iter()
                .all(|t| Kind::Rule.field(t).is_some()));
            for b in Role::ALL.into_iter().filter(|b| *b != a) {
                assert!(a.terms().iter().all(|t| !b.terms().contains(t)));
            }
            for term in a.terms() {
                assert!(Kind::Rule.field(term).is_some(), "{term}");
            }
            assert_eq!(Role::parse(a.name()), Some(a));
            assert_eq!(a.shape().is_some(), a.kind() == Kind::Grid);
        }
    }
}
