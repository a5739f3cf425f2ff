//! `validateOrdersCsv` and `ordersFromCsv`: a bulk upload's CSV checked where it is dropped, in
//! slices of about 8 ms between which the page paints (a progress bar moves) and handles input.

use super::convert::{get, to_js, with_json_for_validation};
use super::error::mark_aborted;
use crate::error::Error;
use crate::validate::{self, Code, CsvCheck, CsvPlan, CsvReport, MAX_CSV_BYTES};
use js_sys::Promise;
use tsify::Ts;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const CSV_TS: &'static str = r#"
/** Options of validateOrdersCsv: the generated CsvSettings (columns, defaults and the validation
 * options), onProgress and signal (written here by hand: tsify cannot express a function type). */
export interface CsvOptions extends CsvSettings {
  /** Called after each slice of rows (about 8 ms), and once at the end with done === total (an
   * exception it throws is ignored: it cannot end the check). */
  onProgress?: (done: number, total: number) => void;
  /** Ends the check between two slices: it rejects with a TangoError of kind "aborted" (name
   * "AbortError", cause the signal's reason). */
  signal?: AbortSignalType;
}
"#;

#[wasm_bindgen(module = "/src/js/csv_driver.js")]
extern "C" {
    /// Runs `check` slice by slice, yielding to the event loop between slices (csv_driver.js).
    #[wasm_bindgen(js_name = driveCsvCheck)]
    fn drive_csv_check(check: CsvCheckHandle, on_progress: JsValue, signal: JsValue) -> Promise;
}

/// A CSV check in progress, for csv_driver.js only (not part of the API: hence the name).
#[wasm_bindgen(js_name = __CsvCheck, skip_typescript)]
pub struct CsvCheckHandle {
    check: CsvCheck,
}

/// Rows checked between two readings of the clock (a row takes a few µs).
const ROWS_PER_CLOCK_READING: usize = 256;

#[wasm_bindgen(js_class = __CsvCheck)]
impl CsvCheckHandle {
    /// Checks rows for about `budget_ms`; true once every row is checked.
    pub fn step(&mut self, budget_ms: f64) -> bool {
        let until = js_sys::Date::now() + budget_ms;
        loop {
            if self.check.step(ROWS_PER_CLOCK_READING) {
                return true;
            }
            if js_sys::Date::now() >= until {
                return false;
            }
        }
    }

    /// Rows checked so far.
    pub fn done(&self) -> usize {
        self.check.done()
    }

    /// Rows to check in all.
    pub fn total(&self) -> usize {
        self.check.total()
    }

    /// The report (complete once `step` returned true).
    pub fn report(&mut self) -> Result<Ts<CsvReport>, JsValue> {
        Ok(Ts::new_unchecked(to_js(&self.check.report())?))
    }

    /// The error an abort rejects with: kind `aborted`, named `AbortError`, `cause` the reason.
    #[wasm_bindgen(js_name = abortError)]
    pub fn abort_error(&self, reason: JsValue) -> JsValue {
        let error = JsValue::from(Error::Aborted);
        mark_aborted(&error, &reason);
        error
    }
}

/// The CSV's bytes: a string (as UTF-8), a `Uint8Array` or an `ArrayBuffer` (a file's bytes, read
/// as UTF-8 with or without a byte order mark). Only the first [`MAX_CSV_BYTES`] and a little more
/// are copied into the wasm: the check reads no further, and says so.
fn csv_bytes(input: &JsValue) -> Result<Vec<u8>, Error> {
    // One more than the check reads, so that it sees the input was larger. A UTF-16 unit is at
    // least one byte of UTF-8.
    let past_the_limit = u32::try_from(MAX_CSV_BYTES + 1).unwrap_or(u32::MAX);
    if let Some(text) = input.dyn_ref::<js_sys::JsString>() {
        return Ok(String::from(text.slice(0, past_the_limit)).into_bytes());
    }
    if let Some(bytes) = input.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(bytes.subarray(0, past_the_limit).to_vec());
    }
    if let Some(buffer) = input.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(buffer)
            .subarray(0, past_the_limit)
            .to_vec());
    }
    let message = "The CSV must be a string, a Uint8Array or an ArrayBuffer.";
    Err(Error::invalid("", Code::InvalidFormat, message))
}

/// Reads the options (a `validation` error for options that are not options) and the clock.
fn csv_settings(options: &JsValue) -> Result<CsvPlan, Error> {
    let mut settings = with_json_for_validation(options, |json, found| {
        if found.is_empty() {
            CsvPlan::from_json(json)
        } else {
            Err(validate::unrepresentable_report(found))
        }
    })?
    .map_err(Error::from)?;
    if settings.validate.now_ms.is_none() {
        settings.validate.now_ms = Some(js_sys::Date::now());
    }
    Ok(settings)
}

/// Reads the CSV and its options, and the header: the rows are checked by the driver.
/// `on_progress` is `options.onProgress`, read once by the caller.
fn start(input: &JsValue, options: &JsValue, on_progress: &JsValue) -> Result<CsvCheck, Error> {
    if !on_progress.is_undefined() && !on_progress.is_function() {
        let message = "`onProgress` must be a function.";
        return Err(Error::invalid("onProgress", Code::InvalidFormat, message));
    }
    let settings = csv_settings(options)?;
    Ok(CsvCheck::new(&csv_bytes(input)?, settings))
}

/// Checks every row of a bulk upload's CSV, as `validateCreateOrders` checks objects, and resolves
/// with every problem by row (`index`), `line` and `column`. The header names each column's wire
/// path (`recipient.email`, `amount`, any case, `customFields.<name>`) or `options.columns` maps
/// it; `options.defaults` fills what a row leaves empty. The file's own problems (a quote that
/// never closes, a row with the wrong number of fields, a column that is not a field, more than
/// 50,000 rows) are issues at their lines: it rejects only for input that is not text or bytes
/// and for options that are not options.
///
/// Works in slices of about 8 ms, yielding to the event loop between them: `options.onProgress
/// (done, total)` after each, `options.signal` to stop.
#[wasm_bindgen(js_name = validateOrdersCsv, unchecked_return_type = "Promise<CsvReport>")]
pub fn validate_orders_csv(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CsvOptions")] options: JsValue,
) -> Promise {
    let on_progress = get(&options, "onProgress");
    match start(&input, &options, &on_progress) {
        Ok(check) => drive_csv_check(
            CsvCheckHandle { check },
            on_progress,
            get(&options, "signal"),
        ),
        Err(error) => Promise::reject(&error.into()),
    }
}

/// The rows of a bulk upload's CSV as create-order bodies, read as `validateOrdersCsv` reads them
/// (numbers and yes/no from their text, the defaults filled in), not checked: position `i` is the
/// report's `index` `i`. Rejects only for input that is not text or bytes and for bad options.
///
/// A promise, though the work is done at once, like `validateOrdersCsv`: the main entry loads the
/// CSV module on the first call of either.
#[wasm_bindgen(
    js_name = ordersFromCsv,
    unchecked_return_type = "Promise<Array<Partial<CreateOrderRequest>>>"
)]
pub fn orders_from_csv(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CsvSettings")] options: JsValue,
) -> Promise {
    let orders = start(&input, &options, &get(&options, "onProgress"))
        .and_then(|check| to_js(&check.orders()));
    match orders {
        Ok(orders) => Promise::resolve(&orders),
        Err(error) => Promise::reject(&error.into()),
    }
}
