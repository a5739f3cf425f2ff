//! Writes the data the package's entries bundle, generated from the Rust types, into the directory
//! it is given (scripts/build-pkg.sh passes pkg/):
//! - `models.js`: the models' description that decode.js reads answers and `parse*` bodies by
//!   (`tango_orders::describe`);
//! - `webhook-models.js`: the same for webhook events' data (`verifyWebhook`);
//! - `json-schemas.js`: the requests' JSON Schemas (`json_schema.rs`), for tango-orders/json-schema.

mod json_schema;
mod rules;

use std::path::Path;
use std::process::ExitCode;

/// One generated module: its file name, what it says it is, and its data as JSON text.
fn files() -> Result<[(&'static str, &'static str, String); 3], String> {
    use tango_orders::describe::{decoder_description, webhook_description};
    let models = decoder_description().map_err(|why| why.to_string())?;
    let webhooks = webhook_description().map_err(|why| why.to_string())?;
    let schemas = json_schema::all_schemas()?;
    Ok([
        (
            "models.js",
            "The models' description for decode.js",
            models.to_string(),
        ),
        (
            "webhook-models.js",
            "Webhook events' data described for decode.js",
            webhooks.to_string(),
        ),
        (
            "json-schemas.js",
            "The requests' JSON Schemas",
            schemas.to_string(),
        ),
    ])
}

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: tango-generate <directory>");
        return ExitCode::FAILURE;
    };
    let written = files().and_then(|files| {
        files.iter().try_for_each(|(name, what, data)| {
            let text = format!("// {what}, written by tools/generate from the Rust types.\nexport default {data};\n");
            std::fs::write(Path::new(&out).join(name), text).map_err(|why| format!("{name}: {why}"))
        })
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("generate: {why}");
            ExitCode::FAILURE
        }
    }
}
