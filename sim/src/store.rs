//! What the simulator remembers: accounts, orders and their line items, indexed by ID.

use crate::data::{Account, Behaviour};
use std::collections::HashMap;
use tango_orders::model::{LineItem, LineItemAction, Order, ResendAuditEvent};

/// An order as placed. Statuses are not stored: they are computed from the clock when read.
#[derive(Clone, Debug)]
pub struct StoredOrder {
    /// The order as the create answered it (with reward and credentials).
    pub order: Order,
    /// When it was placed.
    pub created_ms: i64,
    /// A repeat of its `externalRefID` before this time gets 409 (still in progress).
    pub in_progress_until_ms: i64,
    /// Its line items, by index into [`Store::line_items`].
    pub line_items: Vec<usize>,
    /// When it was last resent.
    pub last_resend_ms: Option<i64>,
}

/// A line item as issued.
#[derive(Clone, Debug)]
pub struct StoredLineItem {
    /// The line item's fields that do not change with time.
    pub item: LineItem,
    /// Its order, by index into [`Store::orders`].
    pub order: usize,
    /// What the reward does over time.
    pub behaviour: Behaviour,
    /// When it was issued.
    pub created_ms: i64,
    /// Face value in cents, for refunds.
    pub amount_cents: i64,
    /// Cancelled (and refunded).
    pub cancelled: bool,
    /// Frozen by a freeze action.
    pub frozen: bool,
    /// When it was last resent.
    pub last_resend_ms: Option<i64>,
    /// Every resend.
    pub resend_history: Vec<ResendAuditEvent>,
    /// Cancels, freezes, unfreezes.
    pub action_history: Vec<LineItemAction>,
}

/// Everything the simulator knows.
#[derive(Clone, Debug, Default)]
pub struct Store {
    /// Accounts by identifier.
    pub accounts: Vec<Account>,
    /// Orders, oldest first.
    pub orders: Vec<StoredOrder>,
    /// Line items, oldest first.
    pub line_items: Vec<StoredLineItem>,
    /// Order index by reference order ID.
    pub order_by_id: HashMap<String, usize>,
    /// Order index by `externalRefID`.
    pub order_by_external_ref: HashMap<String, usize>,
    /// Line item index by reference line item ID.
    pub line_item_by_id: HashMap<String, usize>,
    /// Orders placed so far (for IDs).
    pub sequence: u64,
    /// Resends so far (for resend IDs).
    pub resends: i64,
}

impl Store {
    /// The account with this identifier.
    pub fn account_mut(&mut self, identifier: &str) -> Option<&mut Account> {
        self.accounts
            .iter_mut()
            .find(|a| a.identifier == identifier)
    }
}
