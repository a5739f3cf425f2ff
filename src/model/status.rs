//! Statuses of orders, line items, rewards, deliveries and emails, and what they imply.

use super::open_enum::open_enum;

open_enum! {
    /// The status of a whole order (`status`, `orderStatus`).
    OrderStatus {
        Complete = "COMPLETE",
        Pending = "PENDING",
        Failed = "FAILED",
        Cancelled = "CANCELLED",
        Partial = "PARTIAL",
        Queued = "QUEUED",
        PendingMr = "PENDING_MR",
        OnHold = "ON_HOLD",
        Deleted = "DELETED",
        PendingKyb = "PENDING_KYB",
        PendingPayment = "PENDING_PAYMENT",
    }
}

open_enum! {
    /// Whether the reward of one line item was created. Tango uses both spellings of cancelled.
    LineItemStatus {
        Complete = "COMPLETE",
        Pending = "PENDING",
        Failed = "FAILED",
        Deleted = "DELETED",
        Cancelled = "CANCELLED",
        Canceled = "CANCELED",
        Returned = "RETURNED",
    }
}

open_enum! {
    /// Whether an issued reward can be used (`rewardStatus`).
    RewardStatus {
        Active = "ACTIVE",
        Inactive = "INACTIVE",
        Deleted = "DELETED",
        Suspended = "SUSPENDED",
        Cancelled = "CANCELLED",
        Canceled = "CANCELED",
        Processing = "PROCESSING",
        Failed = "FAILED",
        Frozen = "FROZEN",
    }
}

open_enum! {
    /// How far the delivery of a reward got (`deliveryStatus`). Tango's docs misspell DISPATCHED as
    /// DISPATHCED; that spelling is read as `Dispatched` too.
    DeliveryStatus {
        Pending = "PENDING",
        Processing = "PROCESSING",
        Dispatched = "DISPATCHED" | "DISPATHCED",
        Delivered = "DELIVERED",
        Failed = "FAILED",
        Engaged = "ENGAGED",
    }
}

open_enum! {
    /// What happened to the reward email (`emailStatus`). The docs write `NOT DELIVERED` with a space;
    /// it is read as `NotDelivered`.
    EmailStatus {
        Delivered = "DELIVERED",
        NotDelivered = "NOT_DELIVERED" | "NOT DELIVERED",
        Pending = "PENDING",
        Sent = "SENT",
        Deferred = "DEFERRED",
        Dropped = "DROPPED",
        Bounce = "BOUNCE",
        Blocked = "BLOCKED",
    }
}

impl OrderStatus {
    /// Whether the order has finished processing and will not change by itself.
    ///
    /// Unknown values count as not final: a client polling for completion keeps waiting rather than
    /// stopping on a status it cannot interpret.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            OrderStatus::Complete
                | OrderStatus::Failed
                | OrderStatus::Cancelled
                | OrderStatus::Partial
                | OrderStatus::Deleted
        )
    }
}

impl LineItemStatus {
    /// Whether the line item has finished processing. Unknown values count as not final.
    pub fn is_final(&self) -> bool {
        !matches!(self, LineItemStatus::Pending | LineItemStatus::Unknown(_))
    }

    /// Whether this line item ended without a reward because it was withdrawn (cancelled either
    /// spelling, or deleted), as opposed to failing.
    fn is_withdrawn(&self) -> bool {
        matches!(
            self,
            LineItemStatus::Cancelled | LineItemStatus::Canceled | LineItemStatus::Deleted
        )
    }
}

/// The order status that a set of line item statuses implies.
///
/// - `PENDING` while any line item is still pending (an unknown status counts as pending, and so does
///   an order with no line items yet: its line items are still to come);
/// - `COMPLETE` only when every line item is complete;
/// - `PARTIAL` when some completed and others failed, were cancelled, deleted or returned;
/// - `CANCELLED` when none completed and every one was cancelled or deleted;
/// - `FAILED` when none completed and at least one failed or was returned.
pub fn derive_order_status(line_item_statuses: &[LineItemStatus]) -> OrderStatus {
    if line_item_statuses.is_empty() || line_item_statuses.iter().any(|s| !s.is_final()) {
        return OrderStatus::Pending;
    }
    let completed = line_item_statuses
        .iter()
        .filter(|s| **s == LineItemStatus::Complete)
        .count();
    if completed == line_item_statuses.len() {
        OrderStatus::Complete
    } else if completed > 0 {
        OrderStatus::Partial
    } else if line_item_statuses.iter().all(LineItemStatus::is_withdrawn) {
        OrderStatus::Cancelled
    } else {
        OrderStatus::Failed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use LineItemStatus as L;

    #[test]
    fn derived_status_follows_the_documented_rules() {
        assert_eq!(
            derive_order_status(&[L::Complete, L::Complete]),
            OrderStatus::Complete
        );
        assert_eq!(
            derive_order_status(&[L::Complete, L::Pending]),
            OrderStatus::Pending
        );
        assert_eq!(
            derive_order_status(&[L::Failed, L::Failed]),
            OrderStatus::Failed
        );
        assert_eq!(
            derive_order_status(&[L::Complete, L::Failed]),
            OrderStatus::Partial
        );
        assert_eq!(
            derive_order_status(&[L::Complete, L::Canceled]),
            OrderStatus::Partial
        );
        assert_eq!(
            derive_order_status(&[L::Complete, L::Returned]),
            OrderStatus::Partial
        );
        assert_eq!(
            derive_order_status(&[L::Cancelled, L::Deleted]),
            OrderStatus::Cancelled
        );
        assert_eq!(
            derive_order_status(&[L::Cancelled, L::Failed]),
            OrderStatus::Failed
        );
        assert_eq!(derive_order_status(&[L::Returned]), OrderStatus::Failed);
        assert_eq!(derive_order_status(&[]), OrderStatus::Pending);
        assert_eq!(
            derive_order_status(&[L::Complete, L::from("SHIPPED_TO_MOON")]),
            OrderStatus::Pending
        );
    }

    #[test]
    fn finality() {
        assert!(OrderStatus::Partial.is_final());
        assert!(!OrderStatus::OnHold.is_final());
        assert!(!OrderStatus::from("NEW_STATE").is_final());
        assert!(L::Canceled.is_final());
        assert!(!L::Pending.is_final());
    }

    #[test]
    fn aliases_read_as_the_known_variant() {
        assert_eq!(
            EmailStatus::from("NOT DELIVERED"),
            EmailStatus::NotDelivered
        );
        assert_eq!(EmailStatus::NotDelivered.as_str(), "NOT_DELIVERED");
        assert_eq!(
            DeliveryStatus::from("DISPATHCED"),
            DeliveryStatus::Dispatched
        );
    }

    #[test]
    fn unknown_values_are_kept_verbatim() {
        let status = OrderStatus::from("COMPLETED");
        assert_eq!(status, OrderStatus::Unknown("COMPLETED".into()));
        assert_eq!(status.as_str(), "COMPLETED");
        assert!(!status.is_known());
        // Case matters on the wire: a lower-case value is not silently upgraded.
        assert!(!OrderStatus::from("complete").is_known());
    }
}
