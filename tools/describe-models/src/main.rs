//! Prints `models.js`, the description of the models that the package's `parse*` functions check
//! bodies against (see `tango_orders::describe`). Run by scripts/build-pkg.sh.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let description = match tango_orders::describe::decoder_description() {
        Ok(description) => description,
        Err(why) => {
            eprintln!("describe-models: {why}");
            return ExitCode::FAILURE;
        }
    };
    let text = format!(
        "// The models' description for decode.js, written by tools/describe-models from the Rust types.\nexport default {description};\n"
    );
    match std::io::stdout().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            eprintln!("describe-models: {why}");
            ExitCode::FAILURE
        }
    }
}
