//! Prints `models.js`, the description of the models that the package's `parse*` functions check
//! bodies against (see `tango_orders::describe`), or with `webhooks`, `webhook-models.js`, the
//! same for webhook events' data. Run by scripts/build-pkg.sh.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let webhooks = std::env::args().nth(1).as_deref() == Some("webhooks");
    let described = if webhooks {
        tango_orders::describe::webhook_description()
    } else {
        tango_orders::describe::decoder_description()
    };
    let description = match described {
        Ok(description) => description,
        Err(why) => {
            eprintln!("describe-models: {why}");
            return ExitCode::FAILURE;
        }
    };
    let header = if webhooks {
        "// Webhook events' data described for decode.js, written by tools/describe-models from the Rust types."
    } else {
        "// The models' description for decode.js, written by tools/describe-models from the Rust types."
    };
    let text = format!("{header}\nexport default {description};\n");
    match std::io::stdout().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("describe-models: {why}");
            ExitCode::FAILURE
        }
    }
}
