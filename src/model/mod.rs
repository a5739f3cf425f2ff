//! Tango's wire types: requests, responses and open enums, with the exact wire names.
//!
//! Every response field is optional (real responses leave out fields the OpenAPI document calls
//! required) and unknown fields are ignored, so decoding never fails on a response that is merely
//! incomplete or newer than this crate.

mod action;
mod catalog;
mod delivery;
mod error_body;
mod filter;
mod items;
pub(crate) mod lenient;
mod line_item;
mod money;
pub(crate) mod open_enum;
mod order;
mod page;
mod person;
mod resend;
mod reward;
mod sensitive;
mod status;

pub use action::{
    CancelLineItemRequest, CancelReason, FreezeLineItemRequest, FreezeReason, ReasonCodes,
    ReissueLineItemRequest, ReissueReason, UpdateLineItemRequest,
};
pub use catalog::{
    Brand, BrandRequirements, Catalog, CatalogFilter, CatalogItem, Category, CostAdjustment,
    QuantityConstraints,
};
pub use delivery::{order_source, DeliveryMethod, OrderSource};
pub use error_body::{ApiErrorBody, ApiErrorDetail};
pub use filter::{LineItemFilter, LineItemSortColumn, OrderFilter};
pub use items::Items;
pub(crate) use lenient::MAX_EXACT;
pub use line_item::{
    EmbeddedUrl, LineItem, LineItemAction, LineItemErrorDetail, ResendAuditEvent,
    RewardStatusChange,
};
pub use money::Money;
pub use order::{AsyncLineItemError, AsyncOrderEntity, CreateOrderRequest, FieldError, Order};
pub use page::{KeysetPage, LineItemListPage, OrderListPage, Page};
pub use person::{Address, Recipient, Sender};
pub use resend::{
    LineItemResendRequest, LineItemResendResult, OrderResendRequest, OrderResendResult,
    ResendReason,
};
pub use reward::{Credential, LegacyCredentials, Reward};
pub use sensitive::Sensitive;
pub use status::{
    derive_order_status, DeliveryStatus, EmailStatus, LineItemStatus, OrderStatus, RewardStatus,
};

/// `skip_serializing_if` for fields that are `Option` in Rust but required on the wire.
///
/// Same test as `Option::is_none`; a separate name because tsify reads `Option::is_none` as "this
/// field is optional in TypeScript", and these fields are not.
pub(crate) fn is_absent<T>(value: &Option<T>) -> bool {
    value.is_none()
}
