//! What each kind of declaration may hold: its fields, their types, which
//! are required, and which kinds it may contain.
//!
//! The grammar gives every declaration the same shape; this table gives it
//! meaning. It is plain data, read by the model builder, the emitters and
//! the formatter. It must not depend on any other module but `ast`.

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
    /// A holiday of a calendar.
    Holiday,
    /// A severity level.
    Severity,
    /// A support scope area.
    Area,
    /// A table of values over two id sets.
    Grid,
    /// The tier comparison matrix, derived from tier data.
    Comparison,
    /// A product lifecycle phase.
    Phase,
    /// A professional service.
    Service,
    /// A contact channel.
    Contact,
    /// A rule a support desk must decide: an entitlement or a procedure.
    Rule,
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
}

impl CellType {
    /// Every cell type, for "did you mean".
    pub const ALL: [CellType; 6] = [
        CellType::Target,
        CellType::Coverage,
        CellType::YesNo,
        CellType::Session,
        CellType::Text,
        CellType::Incidents,
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

const fn f(name: &'static str, ty: Type, label: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        ty,
        required: false,
        label,
    }
}

const fn req(name: &'static str, ty: Type, label: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        ty,
        required: true,
        label,
    }
}

const TIERS: &[Kind] = &[Kind::Tier];
const LICENSES: &[Kind] = &[Kind::License];
const CHANNELS: &[Kind] = &[Kind::Channel];
const SEVERITIES: &[Kind] = &[Kind::Severity];
const PARTIES: &[Kind] = &[Kind::Party];
const AREAS: &[Kind] = &[Kind::Area];
const PRODUCTS: &[Kind] = &[Kind::Product];
const SECTIONS: &[Kind] = &[Kind::Section, Kind::Topic];
const CONTACTS: &[Kind] = &[Kind::Contact, Kind::Channel];
const TOPICS: &[Kind] = &[
    Kind::Rule,
    Kind::Service,
    Kind::Area,
    Kind::Section,
    Kind::Topic,
];
const GRIDS: &[Kind] = &[Kind::Grid];
const RULES: &[Kind] = &[Kind::Rule];
const PHASES: &[Kind] = &[Kind::Phase];

impl Kind {
    /// Every kind, in the order the documentation lists them.
    pub const ALL: [Kind; 23] = [
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
        Kind::Severity,
        Kind::Area,
        Kind::Grid,
        Kind::Comparison,
        Kind::Phase,
        Kind::Service,
        Kind::Contact,
        Kind::Rule,
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
            Kind::Severity => "severity",
            Kind::Area => "area",
            Kind::Grid => "grid",
            Kind::Comparison => "comparison",
            Kind::Phase => "phase",
            Kind::Service => "service",
            Kind::Contact => "contact",
            Kind::Rule => "rule",
            Kind::List => "list",
            Kind::Claim => "claim",
            Kind::Example => "example",
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
            Kind::Area => "Area",
            Kind::Phase => "Phase",
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
                | Kind::Area
                | Kind::Phase
                | Kind::Service
                | Kind::Contact
                | Kind::Resource
        )
    }

    /// Whether the kind must have a title.
    pub fn needs_title(self) -> bool {
        !matches!(self, Kind::List | Kind::Example)
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
            Kind::Severity,
            Kind::Area,
            Kind::Grid,
            Kind::Comparison,
            Kind::Phase,
            Kind::Service,
            Kind::Contact,
            Kind::Rule,
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
            Kind::Calendar => &[Kind::Holiday],
            _ => &[],
        }
    }

    /// The fields a declaration of this kind may hold.
    pub fn fields(self) -> &'static [FieldSpec] {
        use Type::*;
        match self {
            Kind::Policy => {
                const FIELDS: &[FieldSpec] = &[
                    req("version", Number, "Document Version"),
                    req("provider", Text, "Provider"),
                    req("effective", DateOrMonth, "Effective Date"),
                    f("updated", Date, "Updated"),
                    f("review", Text, "Review Cycle"),
                ];
                FIELDS
            }
            Kind::Section | Kind::Topic => {
                const FIELDS: &[FieldSpec] = &[];
                FIELDS
            }
            Kind::Resource | Kind::Service | Kind::Area => {
                const FIELDS: &[FieldSpec] = &[req("description", Prose, "Description")];
                FIELDS
            }
            Kind::Product => {
                const FIELDS: &[FieldSpec] = &[
                    f("components", Texts, "Components"),
                    f("databases", Texts, "Supported databases"),
                    f("support-to", Ref(PARTIES), "Support delivered to"),
                    f("first-line", Ref(PARTIES), "First-line support"),
                    f("second-line", Ref(PARTIES), "Second-line support"),
                ];
                FIELDS
            }
            Kind::Party => {
                const FIELDS: &[FieldSpec] = &[];
                FIELDS
            }
            Kind::Operator => {
                const FIELDS: &[FieldSpec] = &[
                    req("database", Text, "Database"),
                    f("product", Ref(PRODUCTS), "Managed by"),
                ];
                FIELDS
            }
            Kind::License => {
                const FIELDS: &[FieldSpec] = &[
                    req("tier", Ref(TIERS), "Tier"),
                    f("short", Text, "Short name"),
                    f("price", Money, "Price"),
                    f("price-note", Text, "Price note"),
                    f("billing", Text, "Billing"),
                    f("nodes", Range, "Nodes"),
                    f("free", YesNo, "Free"),
                    f("features", Text, "Features"),
                    f("only-where", Text, "Only where"),
                ];
                FIELDS
            }
            Kind::Tier => {
                const FIELDS: &[FieldSpec] = &[
                    req(
                        "licenses",
                        Refs(LICENSES),
                        "ClusterControl License/Platform",
                    ),
                    req("channels", Refs(CHANNELS), "Support Channel"),
                    f("access", Refs(CHANNELS), "Support access"),
                    req("hours", Hours, "Support Hours"),
                    req("incidents", Incidents, "Incidents / Year"),
                    f("add-on", YesNo, "Additional incidents"),
                    f("rollover", YesNo, "Unused incidents roll over"),
                    req("tickets", YesNo, "Ticket-based cases"),
                    req("screen-sharing", YesNo, "Screen sharing"),
                    req("remote-login", YesNo, "Remote login"),
                    req("custom-builds", YesNo, "Custom builds"),
                    req("response-target", Target, "Response time target"),
                    f(
                        "response-target-for",
                        Refs(SEVERITIES),
                        "Response time target applies to",
                    ),
                    f("grid-label", Text, "Label in grids"),
                    f("out-of-hours", Text, "Out-of-hours support"),
                ];
                FIELDS
            }
            Kind::Channel => {
                const FIELDS: &[FieldSpec] = &[
                    f("short", Text, "Short name"),
                    f("address", Text, "Address"),
                ];
                FIELDS
            }
            Kind::Calendar => {
                const FIELDS: &[FieldSpec] = &[
                    req("zone", Zone, "Time zone"),
                    req("open", Weekly, "Opening hours"),
                    f("closed", Dates, "Extra closure days"),
                    f("zone-label", Text, "Time zone as shown"),
                    f(
                        "order-form-overrides",
                        YesNo,
                        "An order form may define other hours",
                    ),
                ];
                FIELDS
            }
            Kind::Holiday => {
                const FIELDS: &[FieldSpec] = &[req("on", Holiday, "Date")];
                FIELDS
            }
            Kind::Severity => {
                const FIELDS: &[FieldSpec] = &[
                    req("definition", Prose, "Definition"),
                    req("examples", Texts, "Example Issues"),
                ];
                FIELDS
            }
            Kind::Grid => {
                const FIELDS: &[FieldSpec] = &[
                    req("rows", KindName, "Rows"),
                    req("columns", KindName, "Columns"),
                    req("cells", CellType, "Cells"),
                    f("otherwise", Cell, "Elsewhere"),
                    f("legend", Text, "Legend"),
                    f("area", Ref(AREAS), "Scope area"),
                    f("pauses", Texts, "The clock pauses while"),
                ];
                FIELDS
            }
            Kind::Comparison => {
                const FIELDS: &[FieldSpec] = &[
                    req("columns", Refs(LICENSES), "Columns"),
                    req("rows", FieldNames, "Rows"),
                    f("legend", Text, "Legend"),
                ];
                FIELDS
            }
            Kind::Phase => {
                const FIELDS: &[FieldSpec] = &[
                    req("support", Text, "Support Level"),
                    req("fixes", Text, "Fixes & Patches"),
                    req("supported", YesNo, "Supported"),
                    req("new-fixes", YesNo, "New fixes"),
                    req("hotfixes", YesNo, "Hotfixes"),
                    f("hotfixes-per", Ref(RULES), "Hotfixes as decided by"),
                ];
                FIELDS
            }
            Kind::Contact => {
                const FIELDS: &[FieldSpec] = &[
                    req("address", Text, "URL / Contact"),
                    req("notes", Text, "Notes"),
                    f("topics", Refs(TOPICS), "Topics"),
                    f("tiers", Refs(TIERS), "Tiers"),
                ];
                FIELDS
            }
            Kind::Rule => {
                const FIELDS: &[FieldSpec] = &[
                    f("tiers", Refs(TIERS), "Tiers"),
                    f("severities", Refs(SEVERITIES), "Severities"),
                    f("also", Texts, "Also for"),
                    f("requires", Texts, "Requires"),
                    f("request-via", Ref(CONTACTS), "Requested via"),
                    f("area", Ref(AREAS), "Scope area"),
                    f("grid", Ref(GRIDS), "Decided by"),
                    f("attempts", Count, "Contact attempts"),
                    f("separate-business-days", YesNo, "On separate business days"),
                    f("rate", Money, "Rate"),
                    f("increment", Duration, "Billed in increments of"),
                    f("minimum", Duration, "Minimum charge"),
                    f("outcomes", Texts, "Outcomes"),
                    f("latest-build", YesNo, "Requires the latest build"),
                    f("crashing-bugs", YesNo, "Crashing bugs qualify"),
                    f("see", Ref(SECTIONS), "See"),
                ];
                FIELDS
            }
            Kind::List => {
                const FIELDS: &[FieldSpec] = &[req("items", Texts, "Items")];
                FIELDS
            }
            Kind::Claim => {
                const FIELDS: &[FieldSpec] = &[
                    req("holds", Claim, "Holds"),
                    f("stated-in", Ref(SECTIONS), "Stated in"),
                ];
                FIELDS
            }
            // An example states inputs and the outcomes expected from them;
            // `policyc check` and `policyc test` compute and compare them.
            Kind::Example => {
                const FIELDS: &[FieldSpec] = &[
                    // Inputs.
                    f("license", Ref(LICENSES), "License"),
                    f("tier", Ref(TIERS), "Tier"),
                    f("severity", Ref(SEVERITIES), "Severity"),
                    f("submitted", Instant, "Submitted"),
                    f("pauses", Texts, "Clock paused"),
                    f("now", Instant, "Now"),
                    f("at", Instant, "At"),
                    f("rule", Ref(RULES), "Rule"),
                    f("length", Duration, "Session length"),
                    f("used", Count, "Incidents used"),
                    f("purchased", Count, "Add-on incidents purchased"),
                    f("unused-last-year", Count, "Unused last year"),
                    f("crashing-bug", YesNo, "Crashing bug"),
                    f("latest-build", YesNo, "On the latest build"),
                    f("phase", Ref(PHASES), "Lifecycle phase"),
                    f("contact-attempts", Texts, "Contact attempts"),
                    f("product", Ref(PRODUCTS), "Product"),
                    // Expected outcomes.
                    f("target", Target, "Response target"),
                    f("due", Instant, "Due"),
                    f("status", Text, "Status"),
                    f("charge", Money, "Charge"),
                    f("may-open-ticket", YesNo, "May open a ticket"),
                    f("incidents-left", Incidents, "Incidents left"),
                    f("screen-sharing", Text, "Screen sharing"),
                    f("custom-build", YesNo, "Custom build"),
                    f("remote-login", YesNo, "Remote login"),
                    f("rca", Cell, "Root cause analysis"),
                    f("hotfix", YesNo, "Hotfix"),
                    f("supported", YesNo, "Supported"),
                    f("new-fixes", YesNo, "New fixes"),
                    f("may-close", YesNo, "May close the case"),
                    f("support-to", Ref(PARTIES), "Support delivered to"),
                ];
                FIELDS
            }
        }
    }

    /// The spec of field `name`, if the kind has it.
    pub fn field(self, name: &str) -> Option<&'static FieldSpec> {
        self.fields().iter().find(|f| f.name == name)
    }
}
