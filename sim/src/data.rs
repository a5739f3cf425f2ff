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
    /// The catalog's `rewardType`.
    pub reward_type: &'static str,
    /// The catalog's `brandKey` and `brandName`.
    pub brand: (&'static str, &'static str),
    /// The catalog's `countries`.
    pub countries: &'static [&'static str],
}

impl CatalogItem {
    /// Whether it is printed and mailed (ADDRESS delivery).
    pub fn is_physical(&self) -> bool {
        matches!(self.behaviour, Behaviour::Printed { .. })
    }

    /// The catalog's `attributes`: the delivery methods it supports that Tango lists as item
    /// attributes (EMAIL, PHONE, ADDRESS, EMBEDDED).
    pub fn attributes(&self) -> Vec<&'static str> {
        self.methods
            .iter()
            .copied()
            .filter(|m| matches!(*m, "EMAIL" | "PHONE" | "ADDRESS" | "EMBEDDED"))
            .collect()
    }
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
        reward_type: "gift card",
        brand: ("B000001", "Demo Brand"),
        countries: &["US", "CA"],
    },
    CatalogItem {
        utid: "U000002",
        name: "Demo Physical Gift Card",
        methods: &["ADDRESS"],
        min_cents: 500,
        max_cents: 50_000,
        behaviour: Behaviour::Printed { pending_ms: 10_000 },
        reward_type: "physical gift card",
        brand: ("B000002", "Demo Print Shop"),
        countries: &["US", "CA"],
    },
    CatalogItem {
        utid: "U000003",
        name: "Demo Promo Link",
        methods: &["EMAIL", "NONE"],
        min_cents: 100,
        max_cents: 200_000,
        behaviour: Behaviour::PromoLink,
        reward_type: "promo",
        brand: ("B000001", "Demo Brand"),
        countries: &["US"],
    },
    CatalogItem {
        utid: "U000004",
        name: "Demo Always Fails",
        methods: &["EMAIL", "NONE"],
        min_cents: 100,
        max_cents: 200_000,
        behaviour: Behaviour::AlwaysFails,
        reward_type: "gift card",
        brand: ("B000001", "Demo Brand"),
        countries: &["US"],
    },
    CatalogItem {
        utid: "U000005",
        name: "Demo Slow Reward",
        methods: &["EMAIL", "NONE"],
        min_cents: 100,
        max_cents: 200_000,
        behaviour: Behaviour::Slow { pending_ms: 60_000 },
        reward_type: "gift card",
        brand: ("B000001", "Demo Brand"),
        countries: &["US"],
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
