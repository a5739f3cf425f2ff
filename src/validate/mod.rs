//! Tango's rules, checked before anything is sent. This release has the report types; the rules of
//! SPEC section 3 come with the validation work.

mod report;

pub use report::{Code, Issue, Report};
