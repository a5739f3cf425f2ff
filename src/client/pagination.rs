//! Walking every page: orders by page number, split into date windows when a query matches more
//! than the 10,000 results Tango returns; line items by page keys. Both stop on a repeated page.

use super::{decode_body, CallOptions, Client, Endpoint, Runtime, Transport};
use crate::error::Error;
use crate::model::{Items, KeysetPage, LineItem, LineItemListPage, Order, OrderListPage, Page};
use crate::validate::{format_date_time, parse_date_or_date_time, parse_range_end, Code};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::marker::PhantomData;
use std::ops::Deref;

/// The most results one `GET /orders` query reaches.
pub const MAX_RESULTS_PER_QUERY: i64 = crate::rules::MAX_RESULTS_PER_QUERY;
/// Page size the iterators ask for.
pub const PAGE_SIZE: i64 = 100;
/// Where an open-ended date range starts: before Tango's first order.
const EARLIEST_MS: i64 = 946_684_800_000; // 2000-01-01

/// The filter as an object to add paging to (`null` is no filter).
fn filter_object(filter: &Value) -> Result<Map<String, Value>, Error> {
    match filter {
        Value::Null => Ok(Map::new()),
        Value::Object(filter) => Ok(filter.clone()),
        _ => Err(Error::invalid(
            "",
            Code::InvalidFormat,
            "The filter must be an object.",
        )),
    }
}

/// A page of `GET /orders` as a pager reads it: typed ([`OrderListPage`]), or only what paging
/// needs with the body kept ([`RawOrderPage`]) for a caller that decodes it itself (JavaScript's
/// decode.js).
pub trait OrderPage: Sized {
    /// Reads a page from its body.
    fn read(body: String) -> Result<Self, Error>;
    /// How many orders the query matches.
    fn total_count(&self) -> i64;
    /// The first order's `referenceOrderID`.
    fn first_id(&self) -> Option<String>;
    /// Whether the page has no order.
    fn is_empty(&self) -> bool;
}

impl OrderPage for OrderListPage {
    fn read(body: String) -> Result<Self, Error> {
        decode_body(&body)
    }
    fn total_count(&self) -> i64 {
        self.page.as_ref().and_then(|p| p.total_count).unwrap_or(0)
    }
    fn first_id(&self) -> Option<String> {
        self.orders
            .first()
            .and_then(|o| o.reference_order_id.clone())
    }
    fn is_empty(&self) -> bool {
        self.orders.is_empty()
    }
}

/// A page of orders as its body, with what paging reads of it.
pub struct RawOrderPage {
    /// The page as Tango wrote it (JSON text).
    pub body: String,
    total_count: i64,
    first_id: Option<String>,
    empty: bool,
}

impl OrderPage for RawOrderPage {
    fn read(body: String) -> Result<Self, Error> {
        /// What paging reads of a page: the count, and each order's id (the rest is skipped).
        #[derive(Deserialize)]
        struct Peek {
            page: Option<Page>,
            orders: Items<IdOnly>,
        }
        #[derive(Deserialize)]
        struct IdOnly {
            #[serde(rename = "referenceOrderID")]
            reference_order_id: Option<String>,
        }
        let peek: Peek = decode_body(&body)?;
        Ok(RawOrderPage {
            total_count: peek.page.and_then(|p| p.total_count).unwrap_or(0),
            first_id: peek
                .orders
                .first()
                .and_then(|o| o.reference_order_id.clone()),
            empty: peek.orders.is_empty(),
            body,
        })
    }
    fn total_count(&self) -> i64 {
        self.total_count
    }
    fn first_id(&self) -> Option<String> {
        self.first_id.clone()
    }
    fn is_empty(&self) -> bool {
        self.empty
    }
}

/// A page of `GET /lineItems` as a pager reads it: typed ([`LineItemListPage`]) or only its next
/// keys with the body kept ([`RawLineItemPage`]).
pub trait LineItemPage: Sized {
    /// Reads a page from its body.
    fn read(body: String) -> Result<Self, Error>;
    /// The keys of the next page (none: this is the last).
    fn next_keys(&self) -> Vec<String>;
}

impl LineItemPage for LineItemListPage {
    fn read(body: String) -> Result<Self, Error> {
        decode_body(&body)
    }
    fn next_keys(&self) -> Vec<String> {
        next_keys(self.keyset_page.as_ref())
    }
}

/// A page of line items as its body, with its next keys.
pub struct RawLineItemPage {
    /// The page as Tango wrote it (JSON text).
    pub body: String,
    next_keys: Vec<String>,
}

impl LineItemPage for RawLineItemPage {
    fn read(body: String) -> Result<Self, Error> {
        /// What paging reads of a page: its next keys (the line items are skipped).
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Peek {
            keyset_page: Option<KeysetPage>,
        }
        let peek: Peek = decode_body(&body)?;
        Ok(RawLineItemPage {
            next_keys: next_keys(peek.keyset_page.as_ref()),
            body,
        })
    }
    fn next_keys(&self) -> Vec<String> {
        self.next_keys.clone()
    }
}

fn next_keys(page: Option<&KeysetPage>) -> Vec<String> {
    page.and_then(|k| k.next_page_keys.clone())
        .unwrap_or_default()
}

/// A date window `[start, end]`, both inclusive, in epoch milliseconds.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Window {
    start: i64,
    end: i64,
}

/// Every order matching a filter, one at a time (`next().await`).
///
/// The whole query is tried first. When it matches more than 10,000 orders, its date range is cut
/// in halves until each window matches at most 10,000, and the windows are walked newest first —
/// each order falls in exactly one window, so each is yielded exactly once. The range ends when the
/// iteration starts, so orders placed meanwhile cannot shift the pages.
pub struct OrderPager<C, P = OrderListPage> {
    client: C,
    filter: Map<String, Value>,
    options: CallOptions,
    windows: Vec<Option<Window>>,
    current: Option<(Option<Window>, i64)>,
    /// The typed pager's orders not yet yielded.
    buffer: VecDeque<Order>,
    page: PhantomData<P>,
    last_first_id: Option<String>,
    /// How many pages were fetched (for tests and logs).
    pub pages_fetched: u32,
}

impl<C, T, R, P: OrderPage> OrderPager<C, P>
where
    C: Deref<Target = Client<T, R>>,
    T: Transport,
    R: Runtime,
{
    /// A pager over `client`'s orders matching `filter`.
    pub fn new(client: C, filter: &Value, options: CallOptions) -> Result<Self, Error> {
        let mut filter = filter_object(filter)?;
        // The iterator owns paging.
        filter.remove("page");
        filter.remove("elementsPerBlock");
        Ok(OrderPager {
            client,
            filter,
            options,
            windows: vec![None],
            current: None,
            buffer: VecDeque::new(),
            page: PhantomData,
            last_first_id: None,
            pages_fetched: 0,
        })
    }

    /// The next page of orders not yielded before (it may be empty), or `None` after the last.
    pub async fn next_page(&mut self) -> Result<Option<P>, Error> {
        loop {
            if self.current.is_none() {
                let Some(window) = self.windows.pop() else {
                    return Ok(None);
                };
                self.current = Some((window, 0));
                self.last_first_id = None;
            }
            let Some((window, page)) = self.current else {
                continue;
            };
            let query = self.query(window, page);
            let body = self
                .client
                .call(Endpoint::ListOrders(&query), &self.options);
            let result = P::read(body.await?)?;
            self.pages_fetched += 1;
            let total = result.total_count();
            if page == 0 && total > MAX_RESULTS_PER_QUERY {
                let range = match window {
                    Some(window) => window,
                    None => self.full_range(),
                };
                if range.end > range.start {
                    let middle = range.start + (range.end - range.start) / 2;
                    // Older half first onto the stack, so the newer half is walked first.
                    self.windows.push(Some(Window {
                        start: range.start,
                        end: middle,
                    }));
                    self.windows.push(Some(Window {
                        start: middle + 1,
                        end: range.end,
                    }));
                    self.current = None;
                    continue;
                }
            }
            let first_id = result.first_id();
            let repeated = first_id.is_some() && first_id == self.last_first_id;
            let last_page = result.is_empty()
                || repeated
                || (page + 1) * PAGE_SIZE >= total.min(MAX_RESULTS_PER_QUERY);
            self.last_first_id = first_id;
            self.current = if last_page {
                None
            } else {
                Some((window, page + 1))
            };
            if !repeated {
                return Ok(Some(result));
            }
        }
    }

    /// The filter's own date range, or from 2000 to the start of the iteration.
    fn full_range(&self) -> Window {
        let start = self
            .filter
            .get("startDate")
            .and_then(Value::as_str)
            .and_then(parse_date_or_date_time)
            .unwrap_or(EARLIEST_MS);
        let end = self
            .filter
            .get("endDate")
            .and_then(Value::as_str)
            .and_then(parse_range_end)
            .unwrap_or(self.client.runtime().now_ms() as i64);
        Window { start, end }
    }

    fn query(&self, window: Option<Window>, page: i64) -> Value {
        let mut query = self.filter.clone();
        if let Some(window) = window {
            query.insert(
                "startDate".into(),
                Value::String(format_date_time(window.start)),
            );
            query.insert(
                "endDate".into(),
                Value::String(format_date_time(window.end)),
            );
        }
        query.insert("page".into(), Value::from(page));
        query.insert("elementsPerBlock".into(), Value::from(PAGE_SIZE));
        Value::Object(query)
    }
}

impl<C, T, R> OrderPager<C, OrderListPage>
where
    C: Deref<Target = Client<T, R>>,
    T: Transport,
    R: Runtime,
{
    /// The next order, or `None` after the last.
    pub async fn next(&mut self) -> Result<Option<Order>, Error> {
        loop {
            if let Some(order) = self.buffer.pop_front() {
                return Ok(Some(order));
            }
            match self.next_page().await? {
                Some(page) => self.buffer.extend(page.orders.0),
                None => return Ok(None),
            }
        }
    }
}

/// Every line item matching a filter, following Tango's page keys (`next().await`).
pub struct LineItemPager<C, P = LineItemListPage> {
    client: C,
    filter: Map<String, Value>,
    options: CallOptions,
    keys: Option<Vec<String>>,
    /// The typed pager's line items not yet yielded.
    buffer: VecDeque<LineItem>,
    page: PhantomData<P>,
    done: bool,
}

impl<C, T, R, P: LineItemPage> LineItemPager<C, P>
where
    C: Deref<Target = Client<T, R>>,
    T: Transport,
    R: Runtime,
{
    /// A pager over `client`'s line items matching `filter`.
    pub fn new(client: C, filter: &Value, options: CallOptions) -> Result<Self, Error> {
        let mut filter = filter_object(filter)?;
        filter.remove("pageKeys");
        filter.remove("pagePrevious");
        filter
            .entry("elementsPerBlock")
            .or_insert(Value::from(PAGE_SIZE));
        // Checked here, so that a bad filter fails where the iterator is made, not at its first page.
        let validation = crate::validate::ValidateOptions {
            extra_fields: Some(options.extra_fields.clone()),
            ..Default::default()
        };
        let report =
            crate::validate::validate_line_item_filter(&Value::Object(filter.clone()), &validation);
        report.into_result()?;
        Ok(LineItemPager {
            client,
            filter,
            options,
            keys: None,
            buffer: VecDeque::new(),
            page: PhantomData,
            done: false,
        })
    }

    /// The next page of line items (it may be empty), or `None` after the last.
    pub async fn next_page(&mut self) -> Result<Option<P>, Error> {
        {
            if self.done {
                return Ok(None);
            }
            let mut query = self.filter.clone();
            if let Some(keys) = &self.keys {
                query.insert("pageKeys".into(), Value::from(keys.clone()));
            }
            let query = Value::Object(query);
            let body = self
                .client
                .call(Endpoint::ListLineItems(&query), &self.options);
            let page = P::read(body.await?)?;
            let next = page.next_keys();
            // No keys, or the same keys again: the last page.
            self.done = next.is_empty() || Some(&next) == self.keys.as_ref();
            self.keys = Some(next);
            Ok(Some(page))
        }
    }
}

impl<C, T, R> LineItemPager<C, LineItemListPage>
where
    C: Deref<Target = Client<T, R>>,
    T: Transport,
    R: Runtime,
{
    /// The next line item, or `None` after the last.
    pub async fn next(&mut self) -> Result<Option<LineItem>, Error> {
        loop {
            if let Some(item) = self.buffer.pop_front() {
                return Ok(Some(item));
            }
            match self.next_page().await? {
                Some(page) => self.buffer.extend(page.line_items.0),
                None => return Ok(None),
            }
        }
    }
}
