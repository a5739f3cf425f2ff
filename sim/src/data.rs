//! The simulator's default data: the platform credentials, the customer, three accounts, the
//! catalog of five rewards and the templates that the README, the demo and the examples use.

/// Platform name for HTTP Basic auth.
pub const PLATFORM_NAME: &str = "demo-platform";
/// Platform key for HTTP Basic auth.
pub const PLATFORM_KEY: &str = "demo-key";
/// A bearer token the simulator also accepts, for clients configured with a token.
pub const BEARER_TOKEN: &str = "demo-token";
/// The one customer.
pub const CUSTOMER: &str = "demo-customer";

/// An account orders are paid from.
#[derive(Clone, Debug, PartialEq)]
pub struct Account {
    /// `accountIdentifier`.
    pub identifier: String,
    /// Tango's account number, shown in responses.
    pub number: String,
    /// The customer it belongs to.
    pub customer: String,
    /// Balance in cents, so that debits and refunds add up exactly.
    pub balance_cents: i64,
    /// ISO currency.
    pub currency: String,
    /// A frozen account takes no orders (422, `404.142`).
    pub frozen: bool,
}

/// The three default accounts: funded, frozen, empty.
pub fn accounts() -> Vec<Account> {
    let account = |identifier: &str, number: &str, balance_cents: i64, frozen: bool| Account {
        identifier: identifier.into(),
        number: number.into(),
        customer: CUSTOMER.into(),
        balance_cents,
        currency: "USD".into(),
        frozen,
    };
    vec![
        account("demo-account", "A11111111", 10_000_000, false),
        account("frozen-account", "A22222222", 10_000_000, true),
        account("empty-account", "A33333333", 0, false),
    ]
}

/// What happens to a reward after it is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Behaviour {
    /// Complete at once; a code and a URL.
    GiftCard,
    /// Pending until printed and mailed `pending_ms` later, then complete and DISPATCHED.
    Printed {
        /// How long printing and mailing takes.
        pending_ms: i64,
    },
    /// Complete at once; a redemption URL and an expiration date.
    PromoLink,
    /// Fails at once; the account is refunded.
    AlwaysFails,
    /// Pending for `pending_ms`, then complete.
    Slow {
        /// How long it stays pending.
        pending_ms: i64,
    },
}

/// One reward of the catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogItem {
    /// The catalog ID.
    pub utid: &'static str,
    /// The reward's name.
    pub name: &'static str,
    /// Delivery methods it supports.
    pub methods: &'static [&'static str],
    /// Smallest face value, in cents.
    pub min_cents: i64,
    /// Largest face value, in cents.
    pub max_cents: i64,
    /// What happens after ordering.
    pub behaviour: Behaviour,
}

/// The five default rewards.
pub const CATALOG: [CatalogItem; 5] = [
    CatalogItem {
        utid: "U000001",
        name: "Demo Digital Gift Card",
        methods: &["EMAIL", "PHONE", "WHATSAPP", "NONE", "EMBEDDED"],
        min_cents: 100,
        max_cents: 200_000,
        behaviour: Behaviour::GiftCard,
    },
    CatalogItem {
        utid: "U000002",
        name: "Demo Physical Gift Card",
        methods: &["ADDRESS"],
        min_cents: 500,
        max_cents: 50_000,
        behaviour: Behaviour::Printed { pending_ms: 10_000 },
    },
    CatalogItem {
        utid: "U000003",
        name: "Demo Promo Link",
        methods: &["EMAIL", "NONE"],
        min_cents: 100,
        max_cents: 200_000,
        behaviour: Behaviour::PromoLink,
    },
    CatalogItem {
        utid: "U000004",
        name: "Demo Always Fails",
        methods: &["EMAIL", "NONE"],
        min_cents: 100,
        max_cents: 200_000,
        behaviour: Behaviour::AlwaysFails,
    },
    CatalogItem {
        utid: "U000005",
        name: "Demo Slow Reward",
        methods: &["EMAIL", "NONE"],
        min_cents: 100,
        max_cents: 200_000,
        behaviour: Behaviour::Slow { pending_ms: 60_000 },
    },
];

/// The catalog entry of a UTID (case-insensitive, as Tango's `^[uU]\d+$` allows).
pub fn catalog_item(utid: &str) -> Option<&'static CatalogItem> {
    CATALOG
        .iter()
        .find(|item| item.utid.eq_ignore_ascii_case(utid))
}

/// Email templates; `E000000` is the default.
pub const EMAIL_TEMPLATES: [&str; 2] = ["E000000", "E000001"];
/// Printed templates.
pub const PRINTED_TEMPLATES: [&str; 1] = ["P000001"];
